"""Labels: recorded by the organisation, verified by its region's coordinator through the
workflow, warned 60 days before expiry (once), no longer counting once expired."""

import datetime

from django.urls import reverse
from django.utils import timezone

from cyberregions.core.models import Notification

from .. import services
from ..choices import LabelStatus
from ..models import LabelStep, OrganisationLabel
from .base import GetHelpTestCase
from .helpers import give_label, make_label


class LabelTests(GetHelpTestCase):
    def record(self, user, organisation, **overrides):
        today = timezone.localdate()
        data = {
            "label": make_label("iso-27001", "ISO/IEC 27001").pk,
            "number": "C-42",
            "valid_from": str(today),
            "valid_until": str(today + datetime.timedelta(days=700)),
        }
        data.update(overrides)
        return self.client.post(reverse("gethelp:labels", args=[organisation.slug]), data)

    def test_it_records_a_label_and_asks_the_coordinator(self):
        self.login(self.responder2)
        response = self.record(self.responder2, self.brest_org)
        self.assertEqual(response.status_code, 302)
        item = OrganisationLabel.objects.get(organisation=self.brest_org)
        self.assertEqual(item.status, LabelStatus.SUBMITTED)
        self.assertTrue(
            Notification.objects.filter(recipient=self.coordinator, kind="gethelp.label.submitted")
        )

    def test_it_refuses_bad_dates_and_strangers(self):
        self.login(self.responder2)
        today = timezone.localdate()
        response = self.record(
            self.responder2,
            self.brest_org,
            valid_until=str(today - datetime.timedelta(days=1)),
        )
        self.assertContains(response, "A label cannot end before it starts.")
        self.login(self.member)
        self.assertEqual(self.record(self.member, self.brest_org).status_code, 403)
        self.assertFalse(OrganisationLabel.objects.filter(organisation=self.brest_org).exists())

    def test_it_lets_the_coordinator_verify_and_not_the_holder(self):
        item = give_label(self.brest_org, status=LabelStatus.SUBMITTED)
        self.login(self.responder2)
        self.client.post(reverse("gethelp:label_step", args=[item.pk, "verify"]))
        item.refresh_from_db()
        self.assertEqual(item.status, LabelStatus.SUBMITTED)
        self.login(self.coordinator)
        self.client.post(reverse("gethelp:label_step", args=[item.pk, "verify"]))
        item.refresh_from_db()
        self.assertEqual(item.status, LabelStatus.VERIFIED)
        self.assertTrue(LabelStep.objects.filter(organisation_label=item, step="verify").exists())
        self.assertEqual(
            self.client.post(reverse("gethelp:label_step", args=[item.pk, "explode"])).status_code,
            404,
        )

    def test_it_needs_a_reason_to_refuse(self):
        item = give_label(self.brest_org, status=LabelStatus.SUBMITTED)
        self.login(self.coordinator)
        self.client.post(reverse("gethelp:label_step", args=[item.pk, "refuse"]))
        item.refresh_from_db()
        self.assertEqual(item.status, LabelStatus.SUBMITTED)
        self.client.post(
            reverse("gethelp:label_step", args=[item.pk, "refuse"]), {"reason": "Register says no."}
        )
        item.refresh_from_db()
        self.assertEqual(item.status, LabelStatus.REFUSED)

    def test_it_warns_owners_sixty_days_before_expiry_once(self):
        soon = give_label(self.brest_org, days_left=59)
        give_label(self.paris_org, days_left=200)
        self.assertEqual(services.warn_expiring_labels(), 1)
        self.assertEqual(services.warn_expiring_labels(), 0)
        self.assertTrue(
            Notification.objects.filter(recipient=self.responder2, kind="gethelp.label.expiring")
        )
        soon.refresh_from_db()
        self.assertIsNotNone(soon.expiry_warned_at)

    def test_it_hides_unverified_labels_from_visitors(self):
        give_label(self.brest_org, status=LabelStatus.SUBMITTED, number="HIDDEN-1")
        page = self.client.get(reverse("gethelp:labels", args=[self.brest_org.slug]))
        self.assertNotContains(page, "HIDDEN-1")
        self.login(self.coordinator)
        page = self.client.get(reverse("gethelp:labels", args=[self.brest_org.slug]))
        self.assertContains(page, "HIDDEN-1")
