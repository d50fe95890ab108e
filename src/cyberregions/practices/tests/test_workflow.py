"""The validation workflow: each transition allowed or refused per persona, recorded with who,
when and why, audited, and notified by e-mail to the people concerned."""

from django.core import mail
from django.core.exceptions import PermissionDenied

from cyberregions.core.models import AuditEntry
from cyberregions.practices import services
from cyberregions.practices.models import Practice, Transition

from .helpers import PracticeTestCase, make_practice

STEPS = {
    # action: (from state, allowed personas)
    "submit": ("draft", {"coordinator", "admin"}),
    "request_changes": ("submitted", {"staff", "admin"}),
    "resubmit": ("changes_requested", {"coordinator", "admin"}),
    "validate": ("resubmitted", {"staff", "admin"}),
    "publish": ("validated", {"staff", "admin"}),
    "reject": ("submitted", {"staff", "admin"}),
}


def step_url(practice, action):
    return f"/practices/{practice.slug}/step/{action}/"


class WorkflowTests(PracticeTestCase):
    def fresh(self, status):
        return make_practice(f"Practice {status}", self.brittany, status=status)

    def test_it_runs_the_whole_workflow_with_history_audit_and_mail(self):
        practice = self.draft
        with self.captureOnCommitCallbacks(execute=True):
            services.submit_practice(self.coordinator, practice)
        self.assertEqual([m.to for m in mail.outbox], [["staff@example.org"]])
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            services.request_changes(self.staff, practice, "Add figures.")
        # the region's coordinator (also the author) is told, once; never the actor.
        self.assertEqual([m.to for m in mail.outbox], [["yann@example.org"]])
        self.assertIn("Add figures.", mail.outbox[0].body)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            services.resubmit_practice(self.coordinator, practice, "Figures added.")
            services.validate_practice(self.staff, practice)
            services.publish_practice(self.staff, practice)
        self.assertEqual(
            [m.to for m in mail.outbox],
            [["staff@example.org"], ["yann@example.org"], ["yann@example.org"]],
        )
        practice.refresh_from_db()
        self.assertEqual(practice.status, "published")
        self.assertEqual(practice.validated_by, self.staff)
        self.assertIsNotNone(practice.published_at)
        steps = list(
            Transition.objects.filter(practice=practice).values_list(
                "from_state", "to_state", "actor__username", "reason"
            )
        )
        self.assertEqual(
            steps,
            [
                ("draft", "submitted", "brittany", ""),
                ("submitted", "changes_requested", "staff", "Add figures."),
                ("changes_requested", "resubmitted", "brittany", "Figures added."),
                ("resubmitted", "validated", "staff", ""),
                ("validated", "published", "staff", ""),
            ],
        )
        actions = AuditEntry.objects.filter(object_id=str(practice.pk)).values_list(
            "action", flat=True
        )
        self.assertEqual(
            sorted(actions),
            sorted(
                f"practice.{a}"
                for a in ("submit", "request_changes", "resubmit", "validate", "publish")
            ),
        )
        entry = AuditEntry.objects.get(action="practice.request_changes")
        self.assertEqual(
            (entry.before, entry.after), ({"status": "submitted"}, {"status": "changes_requested"})
        )
        self.assertEqual(entry.reason, "Add figures.")

    def test_each_step_is_allowed_only_to_its_personas(self):
        for action, (state, allowed) in STEPS.items():
            for name, user in self.personas():
                practice = self.fresh(state)
                with self.subTest(action=action, persona=name):
                    if name in allowed:
                        services.transition(user, practice, action, "Because.")
                        practice.refresh_from_db()
                        self.assertNotEqual(practice.status, state)
                    else:
                        with self.assertRaises(PermissionDenied):
                            services.transition(user, practice, action, "Because.")
                        practice.refresh_from_db()
                        self.assertEqual(practice.status, state)
                practice.delete()

    def test_a_step_from_the_wrong_state_is_refused(self):
        wrong = {
            "submit": "submitted",
            "request_changes": "draft",
            "resubmit": "draft",
            "validate": "draft",
            "publish": "submitted",
            "reject": "published",
        }
        for action, state in wrong.items():
            practice = self.fresh(state)
            actor = self.admin
            with self.subTest(action=action), self.assertRaises(services.WorkflowError):
                services.transition(actor, practice, action, "Because.")
            practice.refresh_from_db()
            self.assertEqual(practice.status, state)
            practice.delete()
        self.assertFalse(Transition.objects.exists())
        self.assertFalse(AuditEntry.objects.exists())

    def test_refusing_and_requesting_changes_need_a_reason(self):
        for action in ("reject", "request_changes"):
            with self.subTest(action=action), self.assertRaises(services.WorkflowError):
                services.transition(self.staff, self.submitted, action, "   ")
        self.submitted.refresh_from_db()
        self.assertEqual(self.submitted.status, "submitted")

    def test_a_practice_addresses_a_barrier_before_submission(self):
        practice = self.fresh("draft")
        practice.barriers.clear()
        with self.assertRaises(services.WorkflowError):
            services.submit_practice(self.coordinator, practice)

    def test_nothing_is_mailed_when_the_step_fails(self):
        with self.captureOnCommitCallbacks(execute=True), self.assertRaises(services.WorkflowError):
            services.reject_practice(self.staff, self.submitted, "")
        self.assertEqual(mail.outbox, [])

    def test_rejection_reaches_the_region_with_its_reason(self):
        with self.captureOnCommitCallbacks(execute=True):
            services.reject_practice(self.staff, self.submitted, "Not a policy practice.")
        self.assertEqual([m.to for m in mail.outbox], [["yann@example.org"]])
        self.assertIn("Rejected", mail.outbox[0].subject)
        self.assertIn("Not a policy practice.", mail.outbox[0].body)

    # Through the pages ------------------------------------------------------------------------
    def test_the_step_page_per_persona(self):
        # submit a draft: only its region (and admin); others do not even see the draft.
        expected = {
            "visitor": 302,
            "registered": 404,
            "member": 404,
            "tuscan coordinator": 404,
            "staff": 404,
            "coordinator": 200,
            "admin": 200,
        }
        for name, user in self.personas():
            self.as_persona(user)
            response = self.client.get(step_url(self.draft, "submit"))
            self.assertEqual(response.status_code, expected[name], name)

    def test_validation_pages_are_for_staff_only(self):
        for name, user in self.personas():
            self.as_persona(user)
            status = self.client.get(step_url(self.submitted, "validate")).status_code
            expected = 302 if user is None else 200 if name in ("staff", "admin") else 403
            if name in ("registered", "member", "tuscan coordinator"):
                expected = 404  # a submitted practice is not visible to them at all
            self.assertEqual(status, expected, name)

    def test_staff_validates_through_the_page(self):
        self.login(self.staff)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(step_url(self.submitted, "validate"), {"reason": ""})
        self.assertRedirects(response, f"/practices/{self.submitted.slug}/")
        self.submitted.refresh_from_db()
        self.assertEqual(self.submitted.status, "validated")
        self.assertEqual(len(mail.outbox), 1)

    def test_the_reject_page_asks_for_a_reason(self):
        self.login(self.staff)
        response = self.client.post(step_url(self.submitted, "reject"), {"reason": ""})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required.")
        self.assertEqual(Practice.objects.get(pk=self.submitted.pk).status, "submitted")

    def test_an_unknown_step_is_404_and_other_methods_405(self):
        self.login(self.admin)
        self.assertEqual(self.client.get(step_url(self.draft, "explode")).status_code, 404)
        for method in ("put", "patch", "delete"):
            response = getattr(self.client, method)(step_url(self.draft, "submit"))
            self.assertEqual(response.status_code, 405, method)

    def test_a_step_from_the_wrong_state_shows_an_error(self):
        self.login(self.staff)
        response = self.client.get(step_url(self.published, "validate"))
        self.assertContains(response, "This step is not possible")
        response = self.client.post(step_url(self.published, "validate"), follow=True)
        self.assertContains(response, "This step is not possible")
        self.assertEqual(Practice.objects.get(pk=self.published.pk).status, "published")
