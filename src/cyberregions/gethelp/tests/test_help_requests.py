"""Help requests: filing (once), routing, first acceptance wins, declines, escalation,
the requester's private link, closing with a rating, and the retention period."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from cyberregions.core.models import AuditEntry, Notification
from cyberregions.core.permissions import COMMAND_LINE

from .. import services
from ..choices import OfferStatus, RequestStatus
from ..models import HelpOffer, HelpRequest, ProviderProfile
from ..permissions import Requester
from ..privacy import purge_help_requests
from .base import GetHelpTestCase
from .helpers import category, post_data, request_data


class FilingTests(GetHelpTestCase):
    def test_it_routes_to_the_nearest_providers_speaking_the_language(self):
        help_request, created = services.file_request(None, request_data(), "key-one-1234567")
        self.assertTrue(created)
        self.assertEqual(help_request.status, RequestStatus.ROUTED)
        offered = list(help_request.offers.order_by("rank").values_list("provider_id", flat=True))
        # French speakers: Brittany first (labelled Armor, then Brest), then Paris for France.
        self.assertEqual(offered, [self.armor.pk, self.brest.pk, self.paris.pk])
        self.assertEqual(Notification.objects.filter(kind="gethelp.request.offered").count(), 3)
        self.assertTrue(AuditEntry.objects.filter(action="gethelp.request.file").exists())
        self.assertIsNotNone(help_request.consent_recorded_at)

    def test_it_files_one_request_for_a_double_submission(self):
        data = post_data()
        first = self.client.post(reverse("gethelp:request_new"), data)
        second = self.client.post(reverse("gethelp:request_new"), data)
        self.assertEqual(HelpRequest.objects.count(), 1)
        self.assertEqual(first["Location"], second["Location"])
        self.assertEqual(HelpOffer.objects.count(), 3)

    def test_it_sends_a_request_without_a_match_to_the_coordinator_and_says_so(self):
        response = self.client.post(
            reverse("gethelp:request_new"), post_data(language="fi"), follow=True
        )
        help_request = HelpRequest.objects.get()
        self.assertEqual(help_request.status, RequestStatus.ESCALATED)
        self.assertContains(response, "went straight to the regional coordinator")
        self.assertTrue(
            Notification.objects.filter(
                recipient=self.coordinator, kind="gethelp.request.escalated"
            ).exists()
        )

    def test_it_refuses_unknown_services_places_languages_and_a_missing_consent(self):
        response = self.client.post(
            reverse("gethelp:request_new"),
            post_data(categories=["astrology"], country="XX", language="tlh", contact_consent=""),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Unknown service")
        self.assertContains(response, "Unknown country")
        self.assertContains(response, "Unknown language")
        self.assertContains(response, "Without your consent")
        self.assertFalse(HelpRequest.objects.exists())

    def test_it_refuses_a_region_outside_the_country(self):
        response = self.client.post(
            reverse("gethelp:request_new"), post_data(country="IT", region="FRH0")
        )
        self.assertContains(response, "This region is not in the chosen country.")

    def test_it_leaves_out_a_provider_at_capacity(self):
        ProviderProfile.objects.filter(pk=self.armor.pk).update(capacity=0)
        help_request, _ = services.file_request(None, request_data(), "key-two-12345678")
        self.assertNotIn(self.armor.pk, help_request.offers.values_list("provider_id", flat=True))


class AnsweringTests(GetHelpTestCase):
    def setUp(self):
        self.help_request, _ = services.file_request(None, request_data(), "key-answer-123456")
        self.offers = {o.provider_id: o for o in self.help_request.offers.all()}

    def test_it_lets_the_first_acceptance_win_and_tells_the_others(self):
        self.login(self.responder2)
        response = self.client.post(
            reverse("gethelp:offer_answer", args=[self.offers[self.brest.pk].pk, "accept"])
        )
        self.assertEqual(response.status_code, 302)
        self.help_request.refresh_from_db()
        self.assertEqual(self.help_request.status, RequestStatus.ACCEPTED)
        self.assertEqual(self.help_request.accepted_by, self.brest_org)
        statuses = dict(self.help_request.offers.values_list("provider_id", "status"))
        self.assertEqual(statuses[self.brest.pk], OfferStatus.ACCEPTED)
        self.assertEqual(statuses[self.armor.pk], OfferStatus.TAKEN)
        self.assertTrue(
            Notification.objects.filter(recipient=self.responder, kind="gethelp.request.taken")
        )
        # A second acceptance is refused with a message, nothing changes.
        self.login(self.responder)
        self.client.post(
            reverse("gethelp:offer_answer", args=[self.offers[self.armor.pk].pk, "accept"]),
            follow=True,
        )
        self.help_request.refresh_from_db()
        self.assertEqual(self.help_request.accepted_by, self.brest_org)
        # The accepting provider sees the contact; the other does not.
        page = self.client.get(reverse("gethelp:request_detail", args=[self.help_request.pk]))
        self.assertNotContains(page, "anne@example.org")
        self.login(self.responder2)
        page = self.client.get(reverse("gethelp:request_detail", args=[self.help_request.pk]))
        self.assertContains(page, "anne@example.org")

    def test_it_refuses_to_answer_someone_elses_offer(self):
        self.login(self.member)
        url = reverse("gethelp:offer_answer", args=[self.offers[self.armor.pk].pk, "accept"])
        self.assertEqual(self.client.post(url).status_code, 403)
        self.assertEqual(self.client.get(url).status_code, 405)

    def test_it_escalates_when_every_provider_declined(self):
        for user, provider in (
            (self.responder, self.armor),
            (self.responder2, self.brest),
            (self.responder3, self.paris),
        ):
            services.decline_offer(user, self.offers[provider.pk], "Fully booked.")
        self.help_request.refresh_from_db()
        self.assertEqual(self.help_request.status, RequestStatus.ESCALATED)
        with self.assertRaises(services.GetHelpError):
            services.decline_offer(self.responder, self.offers[self.armor.pk])

    def test_it_escalates_overdue_requests_once(self):
        later = timezone.now() + datetime.timedelta(hours=25)
        self.assertEqual(services.escalate_overdue(later), 1)
        self.assertEqual(services.escalate_overdue(later), 0)
        self.help_request.refresh_from_db()
        self.assertEqual(self.help_request.status, RequestStatus.ESCALATED)
        self.assertEqual(
            set(self.help_request.offers.values_list("status", flat=True)), {OfferStatus.EXPIRED}
        )
        self.assertTrue(
            Notification.objects.filter(recipient=self.coordinator, kind="gethelp.request")
        )
        # Before the deadline nothing moves.
        other, _ = services.file_request(None, request_data(), "key-later-12345678")
        self.assertEqual(services.escalate_overdue(), 0)

    def test_it_lets_the_requester_follow_close_and_rate_through_the_private_link(self):
        services.accept_offer(self.responder, self.offers[self.armor.pk])
        url = reverse("gethelp:request_status", args=[self.help_request.token])
        page = self.client.get(url)
        self.assertContains(page, "Armor Cyber Defence accepted your request")
        close = reverse("gethelp:request_step", args=[self.help_request.token, "close"])
        self.assertContains(self.client.post(close, {"rating": "9"}), "Select a valid choice")
        self.client.post(close, {"rating": "4", "comment": "Quick and clear."})
        self.help_request.refresh_from_db()
        self.assertEqual(self.help_request.status, RequestStatus.CLOSED)
        self.assertEqual(self.help_request.rating, 4)
        self.assertEqual(self.client.post(url + "reopen/").status_code, 404)
        self.assertEqual(
            self.client.get(reverse("gethelp:request_status", args=["nope"])).status_code, 404
        )

    def test_it_lets_only_the_link_holder_withdraw(self):
        with self.assertRaises(PermissionDenied):
            services.REQUEST_WORKFLOW.transition(Requester("wrong"), self.help_request, "withdraw")
        services.REQUEST_WORKFLOW.transition(
            Requester(self.help_request.token), self.help_request, "withdraw"
        )
        self.help_request.refresh_from_db()
        self.assertEqual(self.help_request.status, RequestStatus.WITHDRAWN)

    def test_it_erases_personal_data_after_the_retention_period(self):
        services.REQUEST_WORKFLOW.transition(COMMAND_LINE, self.help_request, "escalate")
        self.assertEqual(purge_help_requests(timezone.now()), 0)
        self.assertEqual(purge_help_requests(timezone.now() + datetime.timedelta(days=400)), 1)
        self.help_request.refresh_from_db()
        self.assertEqual(self.help_request.contact_email, "")
        self.assertEqual(self.help_request.description, "[erased]")
        self.assertEqual(list(self.help_request.categories.all()), [category("incident_response")])
