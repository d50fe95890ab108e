"""Erasure: each category removed or anonymised, meetings and audit facts kept, nothing of the
person left in the audit trail, the other person untouched."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse

from cyberregions.accounts import privacy
from cyberregions.analysis.models import SurveyResponse
from cyberregions.core.models import AuditEntry, Notification, TaskRun
from cyberregions.events.models import (
    CooperationProfile,
    FeedbackResponse,
    Meeting,
    MeetingRequest,
    Registration,
)
from cyberregions.geo.models import RegionMembership
from cyberregions.organisations.models import ClaimRequest, Contact, OrganisationMembership
from cyberregions.plans.models import PlanComment
from cyberregions.practices.models import Comment, Interest

from .personal_data import EMAIL, FULL_NAME, USERNAME, PersonalDataTestCase


def audit_text() -> str:
    rows = AuditEntry.objects.values("object_repr", "before", "after", "reason")
    return json.dumps(list(rows), ensure_ascii=False)


class ErasureTests(PersonalDataTestCase):
    def test_it_removes_or_anonymises_every_category(self):
        meetings, requests = Meeting.objects.count(), MeetingRequest.objects.count()
        facts = AuditEntry.objects.count()
        counts = privacy.erase_person(self.ana, self.ana)
        ana = get_user_model().objects.get(pk=self.ana.pk)
        self.assertEqual(ana.username, f"erased-{ana.pk}")
        self.assertEqual((ana.email, ana.first_name, ana.last_name), ("", "", ""))
        self.assertFalse(ana.is_active)
        self.assertFalse(ana.has_usable_password())
        self.assertTrue(privacy.is_erased(ana))
        self.assertFalse(RegionMembership.objects.filter(user=ana).exists())
        self.assertFalse(OrganisationMembership.objects.filter(user=ana).exists())
        self.assertFalse(Contact.objects.filter(name=FULL_NAME).exists())
        self.assertTrue(Contact.objects.filter(pk=self.luca_contact.pk).exists())
        self.assertFalse(ClaimRequest.objects.filter(user=ana).exists())
        self.assertFalse(Notification.objects.filter(recipient=ana).exists())
        self.assertFalse(TaskRun.objects.filter(requested_by=ana).exists())
        self.assertFalse(Comment.objects.filter(author=ana).exists())
        self.assertFalse(Interest.objects.filter(user=ana).exists())
        self.assertFalse(PlanComment.objects.filter(author=ana).exists())
        self.assertFalse(SurveyResponse.objects.filter(comment__icontains=EMAIL).exists())
        # The brokerage registration stays as an anonymous participant; the workshop one goes.
        kept = Registration.objects.get(user=ana)
        self.assertEqual(kept.pk, self.ana_registration.pk)
        self.assertFalse(kept.show_name)
        self.assertFalse(CooperationProfile.objects.filter(registration=kept).exists())
        self.assertEqual(FeedbackResponse.objects.get(registration=kept).comments, "")
        self.assertEqual(FeedbackResponse.objects.get(registration=kept).overall, 5)
        self.assertEqual(
            (Meeting.objects.count(), MeetingRequest.objects.count()), (meetings, requests)
        )
        self.assertEqual(MeetingRequest.objects.get(requester=kept).message, "")
        self.assertEqual(MeetingRequest.objects.get(recipient=kept).message, "Luca's private words")
        # Audit: every fact kept, plus the erasure's own entry, which counts and names nobody.
        self.assertEqual(AuditEntry.objects.count(), facts + 1)
        erased = AuditEntry.objects.get(action="account.erased")
        self.assertEqual(erased.object_id, str(ana.pk))
        self.assertEqual(erased.after["counts"], dict(sorted(counts.items())))
        self.assertEqual(counts["contacts"], 1)

    def test_audit_entries_keep_the_fact_without_her_name_or_address(self):
        self.assertIn(EMAIL, audit_text())
        self.assertIn(FULL_NAME, audit_text())
        privacy.erase_person(self.admin, self.ana)
        text = audit_text()
        for identifier in (EMAIL, FULL_NAME, USERNAME, "old.ana@example.org", "Ana Moreau here"):
            self.assertNotIn(identifier, text)
        update = AuditEntry.objects.get(action="account.update")
        self.assertEqual(update.object_repr, "")
        self.assertEqual(update.after, {"language": "fr"})
        note = AuditEntry.objects.get(action="organisation.note")
        self.assertEqual(note.reason, "Asked by [erased] ([erased])")
        self.assertEqual(note.object_repr, self.tuscan_sme.name)
        self.assertTrue(AuditEntry.objects.filter(action="test.action", actor=self.ana).exists())

    def test_it_leaves_the_colleague_untouched(self):
        privacy.erase_person(self.ana, self.ana)
        luca = get_user_model().objects.get(pk=self.luca.pk)
        self.assertEqual(luca.email, "luca@example.org")
        self.assertTrue(OrganisationMembership.objects.filter(user=luca).exists())
        self.assertTrue(Notification.objects.filter(recipient=luca).exists())
        self.assertTrue(Comment.objects.filter(author=luca).exists())
        self.assertTrue(
            SurveyResponse.objects.filter(comment__icontains="luca@example.org").exists()
        )

    def test_it_ends_her_sessions(self):
        self.client.force_login(self.ana)
        self.assertEqual(Session.objects.count(), 1)
        privacy.erase_person(self.ana, self.ana)
        self.assertEqual(Session.objects.count(), 0)

    def test_it_is_refused_to_someone_else(self):
        with self.assertRaises(PermissionDenied):
            privacy.erase_person(self.luca, self.ana)
        self.assertTrue(get_user_model().objects.get(pk=self.ana.pk).is_active)

    def test_it_rolls_back_whole_when_a_step_fails(self):
        from unittest import mock

        with mock.patch("cyberregions.accounts.privacy.erase_account", side_effect=RuntimeError):
            from cyberregions.core import privacy as core_privacy

            section = core_privacy._SECTIONS["account"]
            core_privacy._SECTIONS["account"] = section.__class__(
                section.section, section.exporter, privacy.erase_account, section.covers, 100
            )
            try:
                with self.assertRaises(RuntimeError):
                    privacy.erase_person(self.ana, self.ana)
            finally:
                core_privacy._SECTIONS["account"] = section
        self.assertTrue(Contact.objects.filter(name=FULL_NAME).exists())
        self.assertTrue(Notification.objects.filter(recipient=self.ana).exists())


class ErasePageTests(PersonalDataTestCase):
    url = reverse("accounts:erase_account")

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.ana.set_password("a long and right password")
        cls.ana.save()

    def setUp(self):
        cache.clear()

    def test_it_shows_the_confirmation_form(self):
        self.login(self.ana)
        response = self.client.get(self.url)
        self.assertContains(response, 'name="password"')
        self.assertContains(response, USERNAME)

    def test_it_erases_and_logs_out_with_the_right_name_and_password(self):
        self.login(self.ana)
        response = self.client.post(
            self.url, {"username": USERNAME, "password": "a long and right password"}
        )
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertTrue(privacy.is_erased(get_user_model().objects.get(pk=self.ana.pk)))
        profile = self.client.get(reverse("accounts:profile"))
        self.assertEqual(profile.status_code, 302)

    def test_a_wrong_password_is_refused(self):
        self.login(self.ana)
        response = self.client.post(self.url, {"username": USERNAME, "password": "guess"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "This is not your password.", status_code=400)
        self.assertTrue(get_user_model().objects.get(pk=self.ana.pk).is_active)

    def test_guessing_the_password_stops_after_five_tries(self):
        self.login(self.ana)
        for _attempt in range(5):
            response = self.client.post(self.url, {"username": USERNAME, "password": "guess"})
            self.assertEqual(response.status_code, 400)
        response = self.client.post(
            self.url, {"username": USERNAME, "password": "a long and right password"}
        )
        self.assertContains(response, "Too many attempts", status_code=429)
        self.assertTrue(get_user_model().objects.get(pk=self.ana.pk).is_active)

    def test_a_wrong_user_name_is_refused(self):
        self.login(self.ana)
        response = self.client.post(
            self.url, {"username": "luca", "password": "a long and right password"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertTrue(get_user_model().objects.get(pk=self.ana.pk).is_active)

    def test_a_visitor_is_sent_to_the_login_page(self):
        response = self.client.post(self.url, {"username": USERNAME, "password": "x"})
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:login"), response["Location"])
        self.assertEqual(self.client.get(self.url).status_code, 302)

    def test_put_is_refused_with_405(self):
        self.login(self.ana)
        self.assertEqual(self.client.put(self.url).status_code, 405)


class EraseCommandAndAdminTests(PersonalDataTestCase):
    def test_the_command_needs_yes(self):
        with self.assertRaises(CommandError):
            call_command("erase_person", USERNAME)
        self.assertTrue(get_user_model().objects.get(pk=self.ana.pk).is_active)

    def test_the_command_erases_and_audits_without_a_user(self):
        call_command("erase_person", USERNAME, "--yes", "--reason", "letter of 3 May")
        self.assertTrue(privacy.is_erased(get_user_model().objects.get(pk=self.ana.pk)))
        entry = AuditEntry.objects.get(action="account.erased")
        self.assertIsNone(entry.actor)
        self.assertEqual(entry.reason, "letter of 3 May")
        with self.assertRaises(CommandError):
            call_command("erase_person", f"erased-{self.ana.pk}", "--yes")

    def test_the_command_refuses_an_unknown_name(self):
        with self.assertRaises(CommandError):
            call_command("erase_person", "nobody-at-all", "--yes")

    def test_the_admin_action_confirms_then_erases(self):
        self.login(self.admin)
        url = reverse("admin:accounts_user_changelist")
        form = {"action": "erase_selected_people", "_selected_action": [self.ana.pk]}
        response = self.client.post(url, form)
        self.assertContains(response, USERNAME)
        self.assertTrue(get_user_model().objects.get(pk=self.ana.pk).is_active)
        response = self.client.post(url, {**form, "confirmed": "yes"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(privacy.is_erased(get_user_model().objects.get(pk=self.ana.pk)))
        self.assertEqual(AuditEntry.objects.get(action="account.erased").actor, self.admin)
