"""Declared skills needs and vacancies: written by whoever may change the organisation,
listed publicly (vacancies while open), with pinned query counts."""

import datetime

from django.urls import reverse
from django.utils import timezone

from cyberregions.core.models import AuditEntry
from cyberregions.testing import OracleTestCase

from .. import permissions
from ..models import SkillsNeed, Vacancy
from .helpers import make_need, make_vacancy, profile


class DemandTests(OracleTestCase):
    def vacancy_data(self, organisation, days=30):
        return {
            "organisation": organisation.pk,
            "title": "SOC analyst",
            "profile": profile("ECSF-IR").pk,
            "city": "Firenze",
            "remote": "hybrid",
            "languages": ["it", "en"],
            "closing_date": (timezone.localdate() + datetime.timedelta(days=days)).isoformat(),
        }

    def test_it_publishes_a_vacancy_of_ones_organisation(self):
        self.login(self.member)
        response = self.client.post(
            reverse("skills:vacancy_create"), self.vacancy_data(self.tuscan_sme)
        )
        vacancy = Vacancy.objects.get()
        self.assertRedirects(response, vacancy.get_absolute_url())
        self.assertEqual(vacancy.region, self.tuscany)
        self.assertTrue(AuditEntry.objects.filter(action="skills.vacancy.create").exists())

    def test_it_refuses_a_past_closing_date_and_another_organisation(self):
        self.login(self.member)
        response = self.client.post(
            reverse("skills:vacancy_create"), self.vacancy_data(self.tuscan_sme, days=-1)
        )
        self.assertIn("closing_date", response.context["form"].errors)
        response = self.client.post(
            reverse("skills:vacancy_create"), self.vacancy_data(self.breton_sme)
        )
        self.assertIn("organisation", response.context["form"].errors)
        self.assertFalse(Vacancy.objects.exists())

    def test_it_refuses_people_without_an_organisation(self):
        self.login(self.registered)
        self.assertEqual(self.client.get(reverse("skills:vacancy_create")).status_code, 403)
        self.assertEqual(self.client.get(reverse("skills:need_create")).status_code, 403)

    def test_it_declares_and_withdraws_a_need(self):
        self.login(self.member)
        data = {
            "organisation": self.tuscan_sme.pk,
            "profile": profile("ECSF-PEN").pk,
            "count": "4",
            "seniority": "entry",
            "horizon": "12m",
            "hard_to_fill": "on",
        }
        self.assertRedirects(
            self.client.post(reverse("skills:need_create"), data), reverse("skills:needs")
        )
        need = SkillsNeed.objects.get()
        self.assertTrue(need.hard_to_fill)
        self.assertEqual(need.count, 4)
        data["count"] = "0"
        response = self.client.post(reverse("skills:need_create"), data)
        self.assertIn("count", response.context["form"].errors)
        self.login(self.coordinator)
        self.assertEqual(
            self.client.post(reverse("skills:need_withdraw", args=[need.pk])).status_code, 403
        )
        self.login(self.member)
        self.client.post(reverse("skills:need_withdraw", args=[need.pk]))
        self.assertFalse(SkillsNeed.objects.exists())

    def test_it_lists_open_vacancies_only_with_pinned_queries(self):
        for number in range(15):
            make_vacancy(self.tuscan_sme, title=f"Job {number}")
        make_vacancy(self.breton_sme, title="Closed", days=-2)
        with self.assertNumQueries(2):
            response = self.client.get(reverse("skills:vacancies"))
        self.assertEqual(response.context["page"].paginator.count, 15)
        with self.assertNumQueries(2):
            response = self.client.get("/api/skills/vacancies/", {"profile": "ECSF-PEN"})
        self.assertEqual(response.json()["count"], 15)

    def test_it_lists_needs_with_pinned_queries(self):
        for number in range(12):
            make_need(self.tuscan_sme, count=number + 1)
        with self.assertNumQueries(2):
            self.client.get(reverse("skills:needs"))
        with self.assertNumQueries(2):
            response = self.client.get("/api/skills/needs/", {"min_count": "5"})
        self.assertEqual(response.json()["count"], 8)
        self.assertEqual(self.client.get("/api/skills/needs/", {"min_count": "x"}).status_code, 400)

    def test_it_agrees_on_who_sees_a_vacancy(self):
        objects = {
            "open in Tuscany": make_vacancy(self.tuscan_sme),
            "closed in Tuscany": make_vacancy(self.tuscan_sme, days=-1),
            "closed in Brittany": make_vacancy(self.breton_sme, days=-1),
        }
        self.assert_oracle(permissions.can_view_vacancy, Vacancy.objects.visible_to, objects)
        closed = objects["closed in Brittany"]
        self.assertEqual(self.client.get(closed.get_absolute_url()).status_code, 404)

    def test_it_agrees_on_who_changes_demand(self):
        objects = {
            "need in Tuscany": make_need(self.tuscan_sme),
            "need in Brittany": make_need(self.breton_sme),
        }
        self.assert_oracle(permissions.can_change_demand, SkillsNeed.objects.editable_by, objects)
