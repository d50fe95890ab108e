"""The training catalogue: faceted search shared by the page and the API, pinned query
counts, and the schema.org Course description on each course page."""

import json
import re

from django.http import QueryDict
from django.urls import reverse

from cyberregions.testing import PersonaTestCase, make_organisation

from ..filtersets import FACETS, CourseFilterSet, compute_facets
from ..models import Course, CourseProfile
from .helpers import make_course


class CatalogueTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.university = make_organisation(
            "Università di Firenze", "IT", "ITI1", actor_type="university"
        )
        cls.courses = [
            make_course(
                cls.university,
                "Master in cybersecurity",
                kind="master",
                eqf_level=7,
                cyber_share=60,
                mode="blended",
                languages=["it", "en"],
                profiles=("ECSF-PEN", "ECSF-ARC"),
            ),
            make_course(
                cls.university,
                "Digital forensics",
                kind="short",
                eqf_level=6,
                profiles=("ECSF-DFI",),
                cost_band="free",
            ),
            make_course(
                cls.breton_sme,
                "Pentest bootcamp",
                kind="bootcamp",
                eqf_level=5,
                mode="online",
                languages=["fr"],
            ),
            make_course(
                cls.breton_sme,
                "CISO seminar",
                kind="short",
                eqf_level=6,
                profiles=("ECSF-CISO",),
                languages=["fr", "en"],
            ),
            make_course(cls.estonian_rto, "Draft course", status="draft"),
        ]

    def test_it_lists_public_courses_only_to_visitors(self):
        response = self.client.get(reverse("skills:courses"))
        titles = [course.title for course in response.context["page"].object_list]
        self.assertEqual(len(titles), 4)
        self.assertNotIn("Draft course", titles)

    def test_it_filters_by_profile_kind_level_language_and_search(self):
        url = reverse("skills:courses")
        cases = {
            "profile=ECSF-PEN": {"Master in cybersecurity", "Pentest bootcamp"},
            "kind=short&kind=bootcamp": {"Digital forensics", "Pentest bootcamp", "CISO seminar"},
            "eqf_level=6": {"Digital forensics", "CISO seminar"},
            "language=fr": {"Pentest bootcamp", "CISO seminar"},
            "q=forensics": {"Digital forensics"},
            "region=ITI1&mode=blended": {"Master in cybersecurity"},
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                page = self.client.get(f"{url}?{query}").context["page"]
                self.assertEqual({course.title for course in page.object_list}, expected)

    def test_its_facets_count_among_the_other_filters_like_brute_force(self):
        base = Course.objects.visible_to(None)
        for query in ["", "kind=short", "kind=short&eqf_level=6", "profile=ECSF-PEN&mode=online"]:
            data = QueryDict(query)
            counts = compute_facets(self.valid(CourseFilterSet(data, queryset=base)))
            for name, column in FACETS.items():
                others = data.copy()
                others.pop(name, None)
                expected = {}
                for course in CourseFilterSet(others, queryset=base).qs:
                    value = course.region.code if name == "region" else getattr(course, column)
                    expected[str(value)] = expected.get(str(value), 0) + 1
                with self.subTest(query=query, facet=name):
                    self.assertEqual(counts[name], expected)
            others = data.copy()
            others.pop("profile", None)
            matching = CourseFilterSet(others, queryset=base).qs
            expected = {}
            for target in CourseProfile.objects.filter(course__in=matching).select_related(
                "profile"
            ):
                expected[target.profile.code] = expected.get(target.profile.code, 0) + 1
            self.assertEqual(counts["profile"], expected)

    def valid(self, filterset):
        self.assertTrue(filterset.is_valid())
        return filterset

    def test_it_answers_htmx_with_the_results_and_the_facets(self):
        response = self.client.get(
            reverse("skills:courses"), {"kind": "short"}, HTTP_HX_REQUEST="true"
        )
        self.assertTemplateUsed(response, "skills/_course_results.html")
        self.assertTemplateNotUsed(response, "skills/course_list.html")
        self.assertContains(response, 'hx-swap-oob="true"')

    def test_it_pins_the_queries_of_the_list_page(self):
        # Session-free visitor: page count, page rows, targets, six facet queries, choices.
        for number in range(20):
            make_course(self.university, f"Extra {number}")
        with self.assertNumQueries(5):
            self.client.get(reverse("skills:courses"))

    def test_it_pins_the_queries_of_the_api_list(self):
        for number in range(20):
            make_course(self.university, f"Extra {number}")
        with self.assertNumQueries(4):
            response = self.client.get("/api/skills/courses/")
        self.assertEqual(response.json()["count"], 24)

    def test_it_filters_the_api_like_the_page(self):
        response = self.client.get("/api/skills/courses/", {"profile": "ECSF-DFI"})
        self.assertEqual(
            [row["title"] for row in response.json()["results"]], ["Digital forensics"]
        )
        self.assertEqual(
            self.client.get("/api/skills/courses/", {"funding": "perhaps"}).status_code, 400
        )
        self.assertEqual(self.client.get("/api/skills/courses/draft-course/").status_code, 404)

    def test_it_describes_each_course_as_a_schema_org_course(self):
        course = self.courses[0]
        response = self.client.get(course.get_absolute_url())
        match = re.search(
            rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S
        )
        data = json.loads(match.group(1))
        self.assertEqual(data["@type"], "Course")
        self.assertEqual(data["name"], "Master in cybersecurity")
        self.assertEqual(data["provider"]["name"], "Università di Firenze")
        self.assertEqual(data["hasCourseInstance"], [])
        self.assertEqual(data["educationalLevel"], "EQF 7")
        api = self.client.get(f"/api/skills/courses/{course.slug}/").json()
        self.assertEqual(api["schema_org"]["name"], "Master in cybersecurity")

    def test_it_escapes_a_title_that_would_close_the_script(self):
        course = make_course(self.university, "</script><script>alert(1)</script>", slug="evil")
        response = self.client.get(course.get_absolute_url())
        block = re.search(
            rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S
        )
        self.assertNotIn(b"<", block.group(1))
        self.assertEqual(json.loads(block.group(1))["name"], course.title)
