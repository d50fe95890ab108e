"""Every ``aria-describedby`` on every page points at ids that exist on that page.

Django (5.0+) gives a field with help text ``aria-describedby="<id>_helptext"`` (and
``<id>_error`` when it has errors); a template that prints the help under another id leaves
screen-reader users with a dangling reference. This walks every URL of the permission table
that answers 200, as the least privileged persona it answers to and as the administrator,
and checks each reference on the HTML pages, including forms sent back with errors."""

from html.parser import HTMLParser

from django.urls import reverse

from cyberregions.core.tests.test_url_permissions import (
    PERSONAS,
    UrlPermissionTests,
    all_rules,
)


class IdsAndReferences(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("aria-describedby", "aria-labelledby", "aria-controls"):
            for reference in (attributes.get(name) or "").split():
                self.references.append((f"<{tag} {name}>", reference))

    handle_startendtag = handle_starttag


def dangling(html: str) -> list[str]:
    parser = IdsAndReferences()
    parser.feed(html)
    return [f"{where} -> #{ref}" for where, ref in parser.references if ref not in parser.ids]


class AriaReferencesTests(UrlPermissionTests):
    # Only the check below runs here; the permission table runs in its own module.
    test_every_url_pattern_has_a_rule_and_answers_as_declared = None
    test_a_url_without_a_rule_fails_naming_the_row_to_add = None

    def page(self, url: str, persona: str, method: str = "get"):
        self.client.logout()
        if persona != "anonymous":
            self.client.force_login(getattr(self, persona))
        response = getattr(self.client, method)(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            return None
        return response.content.decode()

    def test_it_finds_a_dangling_reference(self):
        self.assertEqual(
            dangling('<input aria-describedby="id_x_helptext"><p id="id_x_help">'),
            ["<input aria-describedby> -> #id_x_helptext"],
        )

    def test_every_aria_reference_points_at_an_id_on_the_page(self):
        problems = []
        for name, (spec, expected) in sorted(all_rules().items()):
            answers = dict(zip(PERSONAS, expected.split(), strict=True))
            personas = [persona for persona in PERSONAS if answers[persona] == "200"]
            if not personas:
                continue
            url = reverse(name, kwargs=self.arguments(spec))
            for persona in dict.fromkeys([personas[0], personas[-1]]):
                for method in ("get", "post"):
                    html = self.page(url, persona, method)
                    if html is None:
                        continue
                    problems += [
                        f"{name} ({persona}, {method.upper()}): {d}" for d in dangling(html)
                    ]
        self.maxDiff = None
        self.assertEqual(sorted(set(problems)), [])
