"""Every endpoint under /api/ and every method, per persona; tokens; errors; query counts."""

import yaml
from django.test import Client

from cyberregions.core.models import AuditEntry
from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import Organisation
from cyberregions.testing import PersonaTestCase, api_token, make_organisation

ORGANISATIONS = "/api/organisations/"
NOT_AUTHENTICATED = {
    "Authentication credentials were not provided.",
    "Invalid token.",
    "User inactive or deleted.",
}

# (list URL, one detail URL) of every read-only endpoint.
READ_ONLY = [
    ("/api/countries/", "/api/countries/FR/"),
    ("/api/regions/", "/api/regions/FRH0/"),
    ("/api/vocabularies/barriers/", "/api/vocabularies/barriers/skills/"),
    ("/api/vocabularies/domains/", "/api/vocabularies/domains/CRY/"),
    ("/api/vocabularies/sectors/", "/api/vocabularies/sectors/SEC.transportation/"),
    ("/api/vocabularies/technologies/", "/api/vocabularies/technologies/TUC.big-data/"),
    ("/api/vocabularies/nist-functions/", "/api/vocabularies/nist-functions/GV/"),
    ("/api/vocabularies/ecsf-profiles/", "/api/vocabularies/ecsf-profiles/ECSF-CISO/"),
]


def detail(organisation):
    return f"{ORGANISATIONS}{organisation.slug}/"


class ApiTestCase(PersonaTestCase):
    def setUp(self):
        vocabulary_choices()

    def call(self, method, url, data=None, user=None, **extra):
        if user is not None:
            self.client.force_login(user)
        else:
            self.client.logout()
        kwargs = {"content_type": "application/json"} if method != "get" else {}
        return getattr(self.client, method)(url, data, **kwargs, **extra)

    def assert_not_authenticated(self, response, msg=None):
        """Missing or wrong credentials: 401 with a challenge, not a refusal."""
        self.assertEqual(response.status_code, 401, msg)
        self.assertTrue(response.get("WWW-Authenticate", "").startswith("Token"), msg)
        self.assertIn(response.json()["detail"], NOT_AUTHENTICATED, msg)

    def assert_refused(self, response, msg=None):
        self.assertEqual(response.status_code, 403, msg)
        self.assertEqual(
            response.json()["detail"], "You do not have permission to perform this action.", msg
        )


class ReadOnlyEndpointTests(ApiTestCase):
    def test_visitors_read_every_list_and_detail(self):
        for list_url, detail_url in READ_ONLY:
            response = self.client.get(list_url)
            self.assertEqual(response.status_code, 200, list_url)
            self.assertTrue(response.json(), list_url)
            response = self.client.get(detail_url)
            self.assertEqual(response.status_code, 200, detail_url)
            self.assertIn("name" if "countries" in detail_url else "code", response.json())

    def test_every_foundation_route_is_covered_here(self):
        from cyberregions.geo import api as geo_api
        from cyberregions.organisations import api as organisations_api
        from cyberregions.taxonomy import api as taxonomy_api

        routes = {
            prefix
            for module in (geo_api, taxonomy_api, organisations_api)
            for prefix, _viewset, _basename in module.ROUTES
        }
        covered = {list_url.removeprefix("/api/").rstrip("/") for list_url, _ in READ_ONLY}
        self.assertEqual(routes, covered | {"organisations"})

    def test_unknown_codes_are_404(self):
        for list_url, _detail_url in READ_ONLY:
            self.assertEqual(self.client.get(f"{list_url}NOPE/").status_code, 404, list_url)

    def test_visitors_cannot_write(self):
        for list_url, detail_url in READ_ONLY:
            self.assert_not_authenticated(self.call("post", list_url, {}), list_url)
            for method in ("put", "patch", "delete"):
                self.assert_not_authenticated(self.call(method, detail_url, {}), detail_url)

    def test_nobody_writes_reference_data_through_the_api(self):
        for user in (self.admin, self.coordinator, self.registered):
            self.client.force_login(user)
            for list_url, detail_url in READ_ONLY:
                response = self.client.post(list_url, {}, content_type="application/json")
                self.assertEqual(response.status_code, 405, (user, list_url))
                for method in ("put", "patch", "delete"):
                    response = getattr(self.client, method)(
                        detail_url, {}, content_type="application/json"
                    )
                    self.assertEqual(response.status_code, 405, (user, method, detail_url))

    def test_read_only_data_is_what_the_reference_says(self):
        france = self.client.get("/api/countries/FR/").json()
        self.assertEqual(
            france, {"iso": "FR", "nuts": "FR", "name": "France", "population": 68402000}
        )
        brittany = self.client.get("/api/regions/FRH0/").json()
        self.assertEqual((brittany["country"], brittany["organisation_count"]), ("FR", 1))
        partners = self.client.get("/api/regions/", {"is_partner_territory": "true"}).json()
        self.assertEqual(
            sorted(row["code"] for row in partners),
            ["BE3", "EE00", "ES41", "FRH0", "ITI1", "SI0", "SK042"],
        )
        domain = self.client.get("/api/vocabularies/domains/CRY/").json()
        self.assertTrue(domain["subdomains"])

    def test_list_endpoints_pin_their_queries(self):
        expected = {
            "/api/countries/": 1,
            "/api/regions/": 1,
            "/api/vocabularies/barriers/": 1,
            "/api/vocabularies/domains/": 2,
            "/api/vocabularies/sectors/": 1,
            "/api/vocabularies/technologies/": 1,
            "/api/vocabularies/nist-functions/": 2,
            "/api/vocabularies/ecsf-profiles/": 1,
        }
        self.assertEqual(set(expected), {list_url for list_url, _ in READ_ONLY})
        for url, count in expected.items():
            with self.assertNumQueries(count, msg=url):
                self.client.get(url)


class OrganisationEndpointTests(ApiTestCase):
    def new(self, **changes):
        data = {
            "name": "Lorient Secure Ports",
            "country": "FR",
            "region": "FRH0",
            "actor_type": "sme",
        }
        data.update(changes)
        return data

    # Reading ---------------------------------------------------------------------------------

    def test_visitors_read_the_list_and_the_detail(self):
        response = self.client.get(ORGANISATIONS)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["count"], 3)
        self.assertEqual(
            [row["slug"] for row in response.json()["results"]],
            ["armor-cyber-defence", "firenze-secure-systems", "tallinn-cyber-research-institute"],
        )
        body = self.client.get(detail(self.breton_sme)).json()
        self.assertEqual(
            (body["country"], body["region"], body["size_class"]), ("FR", "FRH0", "small")
        )
        self.assertEqual(sorted(body["domains"]), ["IHF", "NDS"])
        self.assertEqual(self.client.get(f"{ORGANISATIONS}nobody/").status_code, 404)

    def test_the_list_takes_the_atlas_filters(self):
        response = self.client.get(ORGANISATIONS, {"country": "IT"})
        self.assertEqual(
            [row["slug"] for row in response.json()["results"]], ["firenze-secure-systems"]
        )
        response = self.client.get(ORGANISATIONS, {"q": "tallinn"})
        self.assertEqual(response.json()["count"], 1)
        response = self.client.get(ORGANISATIONS, {"domain": "NDS"})
        self.assertEqual(response.json()["count"], 1)

    def test_invalid_filters_are_400_with_the_field_name(self):
        response = self.client.get(ORGANISATIONS, {"country": "XX"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("country", response.json())

    def test_the_list_pins_its_queries(self):
        # count, page, then one prefetch per tag set (domains, sectors, technologies, NIST)
        with self.assertNumQueries(6):
            self.client.get(ORGANISATIONS)
        for number in range(20):
            make_organisation(
                f"More {number}", "EE", "EE00", domains=["CRY"], sectors=["SEC.energy"]
            )
        with self.assertNumQueries(6):
            response = self.client.get(ORGANISATIONS)
        self.assertEqual(response.json()["count"], 23)

    # Creating --------------------------------------------------------------------------------

    def test_a_visitor_cannot_create(self):
        self.assert_not_authenticated(self.call("post", ORGANISATIONS, self.new()))
        self.assertFalse(Organisation.objects.filter(name="Lorient Secure Ports").exists())

    def test_creation_follows_the_page_rules(self):
        cases = [
            (self.registered, self.new(), 403),
            (self.staff, self.new(), 403),
            (self.member, self.new(), 403),
            (self.coordinator, self.new(country="IT", region="ITI1"), 403),
            # a coordinator must place the organisation in its region, as on the page
            (self.coordinator, self.new(region=None), 403),
            (self.coordinator, self.new(), 201),
            (self.admin, self.new(name="Pisa Labs", country="IT", region="ITI1"), 201),
            (self.admin, self.new(name="Lyon Labs", region=None), 201),
        ]
        for user, data, status in cases:
            response = self.call("post", ORGANISATIONS, data, user=user)
            self.assertEqual(response.status_code, status, (user, data, response.content))
            exists = Organisation.objects.filter(name=data["name"], country__iso=data["country"])
            self.assertEqual(exists.exists(), status == 201, (user, data))
            if status == 403:
                self.assert_refused(response)
        self.assertEqual(AuditEntry.objects.filter(action="organisation.create").count(), 3)

    def test_a_created_organisation_is_returned_and_audited(self):
        response = self.call(
            "post", ORGANISATIONS, self.new(domains=["CRY"]), user=self.coordinator
        )
        self.assertEqual(response.status_code, 201)
        body = response.json()
        self.assertEqual(
            (body["slug"], body["region"], body["domains"]),
            ("lorient-secure-ports", "FRH0", ["CRY"]),
        )
        entry = AuditEntry.objects.get(action="organisation.create")
        self.assertEqual(
            (entry.actor, entry.after["name"]), (self.coordinator, "Lorient Secure Ports")
        )

    def test_validation_errors_come_back_as_json_with_field_names(self):
        self.client.force_login(self.admin)
        cases = [
            ({"country": "FR"}, {"name", "actor_type"}),
            (self.new(country="XX"), {"country"}),
            (self.new(region="ZZ9"), {"region"}),
            (self.new(country="IT"), {"region"}),
            (
                self.new(actor_type="pirate", founded=1500, latitude=95),
                {"actor_type", "founded", "latitude"},
            ),
            (self.new(domains=["NOPE"]), {"domains"}),
        ]
        for data, fields in cases:
            response = self.client.post(ORGANISATIONS, data, content_type="application/json")
            self.assertEqual(response.status_code, 400, data)
            self.assertEqual(response["Content-Type"], "application/json")
            self.assertEqual(set(response.json()), fields, data)
        self.assertFalse(AuditEntry.objects.exists())

    # Changing --------------------------------------------------------------------------------

    def test_a_visitor_cannot_change_or_delete(self):
        for method in ("put", "patch", "delete"):
            self.assert_not_authenticated(self.call(method, detail(self.breton_sme), {"city": "X"}))
        self.assertTrue(Organisation.objects.filter(pk=self.breton_sme.pk, city="Rennes").exists())

    def test_patch_follows_the_page_rules(self):
        cases = [
            (self.registered, self.breton_sme, 403),
            (self.staff, self.breton_sme, 403),
            (self.member, self.breton_sme, 403),
            (self.coordinator, self.tuscan_sme, 403),
            (self.coordinator, self.estonian_rto, 403),
            (self.coordinator, self.breton_sme, 200),
            (self.member, self.tuscan_sme, 200),
            (self.admin, self.estonian_rto, 200),
        ]
        for user, organisation, status in cases:
            before = Organisation.objects.get(pk=organisation.pk).city
            response = self.call("patch", detail(organisation), {"city": "Changed"}, user=user)
            self.assertEqual(response.status_code, status, (user, organisation))
            city = Organisation.objects.get(pk=organisation.pk).city
            self.assertEqual(city, "Changed" if status == 200 else before, (user, organisation))
        self.assertEqual(AuditEntry.objects.filter(action="organisation.update").count(), 3)
        entry = AuditEntry.objects.filter(action="organisation.update").earliest("id")
        self.assertEqual(
            (entry.before, entry.after),
            ({"city": "Rennes", "version": 1}, {"city": "Changed", "version": 2}),
        )

    def test_put_replaces_and_follows_the_same_rules(self):
        data = self.new(name="Armor Cyber Defence", employees=300)
        self.assert_refused(self.call("put", detail(self.breton_sme), data, user=self.member))
        response = self.call("put", detail(self.breton_sme), data, user=self.coordinator)
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["size_class"], "large")

    def test_nobody_but_an_administrator_moves_an_organisation_out_of_their_regions(self):
        move = {"country": "IT", "region": "ITI1"}
        self.assertEqual(
            self.call("patch", detail(self.breton_sme), move, user=self.coordinator).status_code,
            403,
        )
        self.assertEqual(
            self.call(
                "patch",
                detail(self.tuscan_sme),
                {"country": "FR", "region": "FRH0"},
                user=self.member,
            ).status_code,
            403,
        )
        self.assertEqual(Organisation.objects.get(pk=self.breton_sme.pk).region, self.brittany)
        self.assertEqual(
            self.call("patch", detail(self.breton_sme), move, user=self.admin).status_code, 200
        )
        self.assertEqual(Organisation.objects.get(pk=self.breton_sme.pk).region, self.tuscany)

    def test_a_partial_update_cannot_split_region_and_country(self):
        self.client.force_login(self.admin)
        for data in ({"country": "IT"}, {"region": "ITI1"}):
            response = self.client.patch(
                detail(self.breton_sme), data, content_type="application/json"
            )
            self.assertEqual(response.status_code, 400, data)
            self.assertIn("region", response.json())
        organisation = Organisation.objects.get(pk=self.breton_sme.pk)
        self.assertEqual((organisation.country.iso, organisation.region.code), ("FR", "FRH0"))

    def test_read_only_fields_are_ignored(self):
        response = self.call(
            "patch",
            detail(self.breton_sme),
            {"slug": "hijacked", "helix_group": "government", "size_class": "large"},
            user=self.admin,
        )
        self.assertEqual(response.status_code, 200)
        organisation = Organisation.objects.get(pk=self.breton_sme.pk)
        self.assertEqual(
            (organisation.slug, organisation.helix_group, organisation.size_class),
            ("armor-cyber-defence", "business", "small"),
        )

    def test_delete_follows_the_page_rules(self):
        cases = [
            (self.registered, self.breton_sme, 403),
            (self.staff, self.breton_sme, 403),
            (self.member, self.tuscan_sme, 403),  # a member keeps the profile, does not remove it
            (self.coordinator, self.tuscan_sme, 403),
            (self.coordinator, self.breton_sme, 204),
            (self.admin, self.estonian_rto, 204),
        ]
        for user, organisation, status in cases:
            response = self.call("delete", detail(organisation), user=user)
            self.assertEqual(response.status_code, status, (user, organisation))
            gone = not Organisation.objects.filter(pk=organisation.pk).exists()
            self.assertEqual(gone, status == 204, (user, organisation))
        self.assertEqual(AuditEntry.objects.filter(action="organisation.delete").count(), 2)
        self.assertEqual(
            self.call("delete", detail(self.breton_sme), user=self.admin).status_code, 404
        )
        # a deleted organisation no longer turns up in searches
        self.assertEqual(self.client.get(ORGANISATIONS, {"q": "armor"}).json()["count"], 0)

    def test_unknown_organisations_are_404_for_every_method(self):
        self.client.force_login(self.admin)
        for method in ("get", "put", "patch", "delete"):
            response = getattr(self.client, method)(
                f"{ORGANISATIONS}nobody/", {}, content_type="application/json"
            )
            self.assertEqual(response.status_code, 404, method)

    def test_wrong_methods_are_405(self):
        self.client.force_login(self.admin)
        for method in ("put", "patch", "delete"):
            response = getattr(self.client, method)(
                ORGANISATIONS, {}, content_type="application/json"
            )
            self.assertEqual(response.status_code, 405, method)
        response = self.client.post(detail(self.breton_sme), {}, content_type="application/json")
        self.assertEqual(response.status_code, 405)

    # Authentication --------------------------------------------------------------------------

    def test_token_authentication_works_without_csrf(self):
        token = api_token(self.coordinator)
        client = Client(enforce_csrf_checks=True)
        response = client.patch(
            detail(self.breton_sme),
            {"city": "Vannes"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(
            AuditEntry.objects.get(action="organisation.update").actor, self.coordinator
        )
        # the token carries the user's own rights, no more
        response = client.patch(
            detail(self.tuscan_sme),
            {"city": "Pisa"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
        )
        self.assert_refused(response)

    def test_a_bad_or_inactive_token_is_refused(self):
        token = api_token(self.coordinator)
        client = Client()
        response = client.patch(
            detail(self.breton_sme),
            {"city": "X"},
            content_type="application/json",
            HTTP_AUTHORIZATION="Token not-a-real-token",
        )
        self.assert_not_authenticated(response)
        self.coordinator.is_active = False
        self.coordinator.save()
        response = client.patch(
            detail(self.breton_sme),
            {"city": "X"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
        )
        self.assert_not_authenticated(response)
        self.assertEqual(Organisation.objects.get(pk=self.breton_sme.pk).city, "Rennes")

    def test_session_writes_need_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.coordinator)
        response = client.patch(
            detail(self.breton_sme), {"city": "X"}, content_type="application/json"
        )
        self.assertEqual(response.status_code, 403)
        self.assertIn("CSRF", response.json()["detail"])


class SchemaTests(ApiTestCase):
    def test_the_schema_is_served_as_openapi_3(self):
        response = self.client.get("/api/schema/")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/vnd.oai.openapi"))
        document = yaml.safe_load(response.content)
        self.assertTrue(document["openapi"].startswith("3."))
        self.assertEqual(document["info"]["title"], "cyberregions API")
        for path in (
            "/api/organisations/",
            "/api/organisations/{slug}/",
            "/api/countries/",
            "/api/regions/{code}/",
            "/api/vocabularies/domains/",
        ):
            self.assertIn(path, document["paths"])
        self.assertEqual(
            set(document["paths"]["/api/organisations/{slug}/"]), {"get", "put", "patch", "delete"}
        )
        self.assertNotIn("post", document["paths"]["/api/countries/"])

        # Building the schema creates the filters' form fields on the class; the atlas filters
        # must keep working afterwards.
        response = self.client.get("/organisations/", {"country": "IT", "domain": "CRY"})
        self.assertEqual(
            [organisation.slug for organisation in response.context["page"].object_list],
            ["firenze-secure-systems"],
        )
        self.assertEqual(self.client.get(ORGANISATIONS, {"region": "FRH0"}).json()["count"], 1)

    def test_the_schema_is_served_as_json_too(self):
        response = self.client.get("/api/schema/", {"format": "json"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["openapi"].startswith("3."))

    def test_the_schema_is_read_only(self):
        self.client.force_login(self.admin)
        self.assertEqual(self.client.post("/api/schema/").status_code, 405)
