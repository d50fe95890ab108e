"""Empty lists say what to do next (the events list, one's registration requests and
claims, a region's needs surveys)."""

from __future__ import annotations

from cyberregions.testing import PersonaTestCase


class EmptyStateTests(PersonaTestCase):
    def test_the_events_list_points_to_past_events_or_clearing_filters(self):
        response = self.client.get("/events/")
        self.assertContains(response, 'href="/events/?when=past"')
        filtered = self.client.get("/events/?q=nothing-matches-this")
        self.assertContains(filtered, "Clear all filters")

    def test_no_registration_request_says_how_to_register(self):
        self.login(self.registered)
        response = self.client.get("/organisations/registrations/")
        self.assertContains(response, 'href="/organisations/register/"')

    def test_no_claim_says_how_to_claim(self):
        self.login(self.registered)
        response = self.client.get("/organisations/claims/")
        self.assertContains(response, "ask to act for it")

    def test_no_survey_says_what_to_do(self):
        self.login(self.coordinator)
        response = self.client.get("/analysis/regions/FRH0/surveys/")
        self.assertContains(response, "send its invitation links")
