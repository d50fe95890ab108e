"""Every relation to the user is declared to the personal-data registry: exported and erased,
or said not to be personal (and why). A new model with a foreign key to the user fails here
until its app's ``privacy.py`` declares it."""

from __future__ import annotations

from django.test import SimpleTestCase

from cyberregions.core import privacy


class CompletenessTests(SimpleTestCase):
    def test_every_relation_to_the_user_is_declared(self):
        self.assertEqual(
            privacy.undeclared_relations(),
            [],
            "Declare these in the app's privacy.py: register_personal_data(..., covers=[...]) "
            "or declare_not_personal(relation, why).",
        )

    def test_hidden_relations_are_walked_too(self):
        # related_name="+" hides a relation from _meta.related_objects, not from the registry.
        self.assertIn("core.notification.actor", privacy.user_relations())
        self.assertIn("practices.transition.actor", privacy.user_relations())

    def test_it_fails_for_a_relation_nobody_declared(self):
        section = privacy._SECTIONS.pop("practice_interests")
        try:
            self.assertEqual(privacy.undeclared_relations(), ["practices.interest.user"])
        finally:
            privacy._SECTIONS["practice_interests"] = section

    def test_declared_personal_audit_keys_name_real_fields(self):
        from django.apps import apps

        for object_type, keys in privacy.personal_audit_keys().items():
            model = apps.get_model(object_type)
            names = {field.name for field in model._meta.get_fields()}
            self.assertLessEqual(set(keys), names, object_type)


class ScrubTextTests(SimpleTestCase):
    def test_it_replaces_whole_words_only_whatever_the_case(self):
        text = privacy.scrub_text(
            "Mail ANA@x.org or Ana Moreau; not Savannah", ["ana@x.org", "Ana Moreau", "Ana"]
        )
        self.assertEqual(text, "Mail [erased] or [erased]; not Savannah")

    def test_json_loses_personal_keys_and_identifiers(self):
        data = {"email": "a@x.org", "status": "ok", "notes": ["by a@x.org"]}
        self.assertEqual(
            privacy.scrub_json(data, ["a@x.org"], frozenset({"email"})),
            {"status": "ok", "notes": ["by [erased]"]},
        )
