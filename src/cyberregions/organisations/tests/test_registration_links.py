"""The way in: the home page and the atlas link to the registration form; coordinators, who
add organisations themselves, find the requests to decide from the atlas."""

from .registration_helpers import RegistrationTestCase

REGISTER = 'href="/organisations/register/"'
REQUESTS = 'href="/organisations/registrations/"'


class RegistrationLinkTests(RegistrationTestCase):
    def test_the_home_page_and_the_atlas_link_to_registration(self):
        for url in ("/", "/organisations/"):
            self.assertContains(self.client.get(url), REGISTER, msg_prefix=url)
        self.login(self.registered)
        self.assertContains(self.client.get("/organisations/"), REGISTER)

    def test_a_coordinator_finds_the_requests_from_the_atlas(self):
        self.login(self.coordinator)
        response = self.client.get("/organisations/")
        self.assertContains(response, REQUESTS)
        self.assertContains(response, 'href="/organisations/new/"')
