"""The barrier lens: what addresses a barrier, everywhere and per region, as each reader may
see it; its indicators over time; its API twin."""

from __future__ import annotations

from cyberregions.analysis.models import (
    BarrierAnswer,
    NeedsSurvey,
    SurveyInvitation,
    SurveyResponse,
    SwotItem,
)
from cyberregions.events.models import Meeting, MeetingRequest, MeetingSlot
from cyberregions.events.tests.factories import make_brokerage, make_event, register
from cyberregions.plans.tests.helpers import cite, make_action, make_plan
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.taxonomy.models import Barrier
from cyberregions.testing import PersonaTestCase, api_token


def answer_survey(region, barrier, importances):
    survey = NeedsSurvey.objects.create(region=region, title="Needs", status="open")
    for importance in importances:
        invitation = SurveyInvitation.objects.create(survey=survey)
        response = SurveyResponse.objects.create(survey=survey, invitation=invitation)
        BarrierAnswer.objects.create(response=response, barrier=barrier, importance=importance)


class BarrierLensTestCase(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.skills = Barrier.objects.get(code="skills")
        cls.coordination = Barrier.objects.get(code="coordination")
        cls.fragmentation = Barrier.objects.get(code="fragmentation")
        cls.breton_academy = make_practice("Breton academy", cls.brittany, barriers=("skills",))
        make_practice("Breton draft course", cls.brittany, status="draft", barriers=("skills",))
        cls.tuscan = make_practice("Tuscan network", cls.tuscany, barriers=("coordination",))
        make_practice("Tuscan bootcamp", cls.tuscany, status="submitted", barriers=("skills",))
        # A public Breton plan whose action cites the Tuscan practice: a cross-region link.
        plan = make_plan(cls.brittany, "endorsed", "Brittany plan")
        cite(make_action(plan, title="Breton network of clusters"), cls.tuscan)
        cite(make_action(plan, 2, title="Breton academy again"), cls.breton_academy)
        hidden = make_plan(cls.tuscany, "draft", "Tuscany draft plan")
        cite(make_action(hidden, title="Hidden action"), cls.breton_academy)
        make_event(cls.coordinator, title="Skills day", barriers=[cls.skills])
        make_event(cls.coordinator, title="Draft skills day", status="draft", barriers=[cls.skills])
        SwotItem.objects.create(
            region=cls.tuscany, quadrant="weakness", text="Few trainers", barrier=cls.skills
        )
        # Two answers in Brittany (below the public minimum), three in Tuscany.
        answer_survey(cls.brittany, cls.skills, [5, 4])
        answer_survey(cls.tuscany, cls.skills, [2, 3, 4])
        # A brokerage with a Breton–Tuscan meeting (cross-border) and a Breton–Breton one.
        b2b = make_brokerage(cls.coordinator, slots=2, tables=2, slug="b2b")
        breton = register(b2b, cls.coordinator, cls.breton_sme)
        tuscan = register(b2b, cls.member, cls.tuscan_sme)
        other_breton = register(b2b, cls.registered, cls.breton_sme)
        slot = MeetingSlot.objects.filter(event=b2b).first()
        cls.meeting_year = slot.starts_at.year
        for table, (a, b) in enumerate([(breton, tuscan), (other_breton, breton)], start=1):
            request = MeetingRequest.objects.create(
                event=b2b, requester=a, recipient=b, status="accepted"
            )
            Meeting.objects.create(request=request, slot=slot, table=table, published=True)


class BarrierPageTests(BarrierLensTestCase):
    def lens(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response, response.context["lens"]

    def test_a_visitor_sees_published_work_only(self):
        response, lens = self.lens("/barriers/skills/")
        self.assertEqual(lens.counts["practices"], 1)
        self.assertEqual(lens.counts["events"], 2 - 1)
        # The action citing the Breton academy in a public plan; not the draft plan's.
        self.assertEqual([a.title for a in lens.actions], ["Breton academy again"])
        self.assertContains(response, "Breton academy")
        self.assertNotContains(response, "Breton draft course")
        self.assertNotContains(response, "Tuscan bootcamp")
        self.assertNotContains(response, "Draft skills day")
        self.assertNotContains(response, "Hidden action")

    def test_survey_scores_show_only_past_the_minimum_for_visitors(self):
        _response, lens = self.lens("/barriers/skills/")
        scores = {line.region.code: line.survey_mean for line in lens.lines}
        self.assertEqual(scores["ITI1"], 3.0)
        self.assertIsNone(scores.get("FRH0"))
        self.assertEqual(lens.survey_hidden_regions, 1)

    def test_the_coordinator_sees_their_region_in_every_state(self):
        self.login(self.coordinator)
        response, lens = self.lens("/barriers/skills/")
        self.assertContains(response, "Breton draft course")
        self.assertContains(response, "Draft skills day")
        scores = {line.region.code: line.survey_mean for line in lens.lines}
        self.assertEqual(scores["FRH0"], 4.5)
        # Another region's unpublished practice stays hidden.
        self.assertNotContains(response, "Tuscan bootcamp")

    def test_programme_staff_see_submitted_practices(self):
        self.login(self.staff)
        response, _lens = self.lens("/barriers/skills/")
        self.assertContains(response, "Tuscan bootcamp")

    def test_a_region_narrows_everything_to_it(self):
        response, lens = self.lens("/barriers/skills/ITI1/")
        self.assertEqual([line.region.code for line in lens.lines], ["ITI1"])
        self.assertEqual(lens.counts, {"practices": 0, "actions": 0, "events": 0, "swot_items": 1})
        self.assertNotContains(response, "Breton academy")
        same = self.client.get("/barriers/skills/?region=iti1")
        self.assertEqual(same.context["lens"].counts, lens.counts)

    def test_coordination_counts_cross_region_links_and_joint_events(self):
        _response, lens = self.lens("/barriers/coordination/")
        links = lens.indicators["cross_region_links"]
        self.assertEqual([(f.year, f.value, f.total) for f in links], [(2025, 1, 2)])
        joint = {f.year: (f.value, f.total) for f in lens.indicators["joint_events"]}
        self.assertEqual(joint[self.meeting_year], (1, 2))

    def test_fragmentation_counts_cross_border_meetings(self):
        response, lens = self.lens("/barriers/fragmentation/")
        (figure,) = lens.indicators["cross_border_meetings"]
        self.assertEqual((figure.year, figure.value, figure.total), (self.meeting_year, 1, 2))
        self.assertContains(response, "50.0 %")
        _response, estonia = self.lens("/barriers/fragmentation/EE00/")
        self.assertEqual(estonia.indicators["cross_border_meetings"], [])

    def test_skills_says_its_indicators_come_with_the_skills_module(self):
        response, lens = self.lens("/barriers/skills/")
        self.assertEqual(lens.indicators, {})
        self.assertContains(response, "arrive with the skills module")

    def test_unknown_barrier_or_region_is_404_and_post_is_405(self):
        self.assertEqual(self.client.get("/barriers/nothing/").status_code, 404)
        self.assertEqual(self.client.get("/barriers/skills/ZZ99/").status_code, 404)
        self.assertEqual(self.client.get("/barriers/skills/?region=ZZ99").status_code, 404)
        self.assertEqual(self.client.post("/barriers/skills/").status_code, 405)

    def test_the_index_lists_the_three_barriers_with_their_counts(self):
        response = self.client.get("/barriers/")
        rows = {row["barrier"].code: row for row in response.context["rows"]}
        self.assertEqual(set(rows), {"coordination", "fragmentation", "skills"})
        self.assertEqual(rows["skills"]["practices"], 1)
        self.assertContains(response, 'href="/barriers/skills/"')

    def test_the_vocabulary_page_links_each_barrier_to_its_lens(self):
        response = self.client.get("/vocabularies/barriers/")
        self.assertContains(response, 'href="/barriers/skills/"')

    def test_it_reads_in_a_fixed_number_of_queries(self):
        for url in ("/barriers/skills/", "/barriers/coordination/", "/barriers/fragmentation/"):
            with self.subTest(url=url):
                self.client.get(url)  # warm the per-process caches (vocabulary labels…)
                with self.assertNumQueries(QUERIES[url]):
                    self.client.get(url)
        # Signed in, with a region: the session, the user, the region, the user's two kinds
        # of membership come on top.
        self.login(self.coordinator)
        with self.assertNumQueries(QUERIES["/barriers/skills/"] + 5):
            self.client.get("/barriers/skills/FRH0/")


QUERIES = {"/barriers/skills/": 12, "/barriers/coordination/": 15, "/barriers/fragmentation/": 13}


class BarrierApiTests(BarrierLensTestCase):
    def test_the_list_gives_each_barrier_with_counts(self):
        response = self.client.get("/api/barrier-lens/")
        self.assertEqual(response.status_code, 200)
        rows = {row["code"]: row for row in response.json()}
        self.assertEqual(rows["skills"]["practices"], 1)

    def test_the_detail_gives_the_figures_of_the_page(self):
        body = self.client.get("/api/barrier-lens/fragmentation/").json()
        (figure,) = body["indicators"]["cross_border_meetings"]
        self.assertEqual(figure, {"year": self.meeting_year, "value": 1, "total": 2, "share": 0.5})
        self.assertIsNone(body["region"])

    def test_the_detail_follows_the_readers_rights(self):
        anonymous = self.client.get("/api/barrier-lens/skills/").json()
        token = api_token(self.coordinator, "read")
        mine = self.client.get(
            "/api/barrier-lens/skills/", headers={"authorization": f"Token {token}"}
        ).json()
        self.assertEqual(anonymous["counts"]["practices"], 1)
        self.assertEqual(mine["counts"]["practices"], 2)

    def test_a_region_filter_and_its_refusals(self):
        body = self.client.get("/api/barrier-lens/skills/?region=ITI1").json()
        self.assertEqual(body["region"], "ITI1")
        self.assertEqual([line["region"] for line in body["regions"]], ["ITI1"])
        self.assertEqual(self.client.get("/api/barrier-lens/skills/?region=ZZ99").status_code, 400)
        self.assertEqual(self.client.get("/api/barrier-lens/nothing/").status_code, 404)
        self.assertEqual(self.client.post("/api/barrier-lens/").status_code, 401)

    def test_the_api_reads_in_a_fixed_number_of_queries(self):
        self.client.get("/api/barrier-lens/")  # warm the per-process caches
        with self.assertNumQueries(3):
            self.client.get("/api/barrier-lens/")
        with self.assertNumQueries(QUERIES["/barriers/fragmentation/"] - 2):
            self.client.get("/api/barrier-lens/fragmentation/")
