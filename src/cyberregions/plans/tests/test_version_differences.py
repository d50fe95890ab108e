"""Readable differences between two snapshots of a plan (pure, difflib)."""

from django.test import SimpleTestCase

from cyberregions.plans.diffing import diff_snapshots, word_diff

LONG_OLD = (
    "A voucher of up to EUR 5,000 covering a diagnostic by a labelled regional provider, "
    "decided within six weeks."
)
LONG_NEW = (
    "A voucher of up to EUR 10,000 covering a diagnostic by a labelled regional provider, "
    "decided within four weeks."
)


def snapshot(title="Plan", actions=()):
    return {"plan": {"title": title, "instrument_type": "igj"}, "actions": list(actions)}


def action(key, title, **fields):
    return {"key": key, "title": title, "description": "", "practices": [], **fields}


class DiffTests(SimpleTestCase):
    def test_identical_versions_have_no_difference(self):
        old = snapshot(actions=[action(1, "Voucher")])
        self.assertTrue(diff_snapshots(old, old).is_empty)

    def test_short_fields_read_as_old_and_new(self):
        diff = diff_snapshots(snapshot("Plan A"), snapshot("Plan B"))
        self.assertEqual(
            [(c.field, c.old, c.new) for c in diff.plan], [("title", "Plan A", "Plan B")]
        )
        self.assertIsNone(diff.plan[0].segments)

    def test_long_texts_are_compared_word_by_word(self):
        segments = word_diff(LONG_OLD, LONG_NEW)
        self.assertIn(("delete", "5"), segments)
        self.assertIn(("insert", "10"), segments)
        self.assertIn(("delete", "six"), segments)
        self.assertIn(("insert", "four"), segments)
        self.assertEqual("".join(t for op, t in segments if op != "delete"), LONG_NEW)
        self.assertEqual("".join(t for op, t in segments if op != "insert"), LONG_OLD)

    def test_actions_are_matched_by_key_added_removed_or_changed(self):
        old = snapshot(
            actions=[
                action(1, "Voucher", description=LONG_OLD, practices=["A"]),
                action(2, "Testbed"),
            ]
        )
        new = snapshot(
            actions=[
                action(1, "Voucher for SMEs", description=LONG_NEW, practices=["A", "B"]),
                action(3, "Skills criterion"),
            ]
        )
        diff = diff_snapshots(old, new)
        changes = {item.key: item for item in diff.actions}
        self.assertEqual(
            {key: item.change for key, item in changes.items()},
            {1: "changed", 2: "removed", 3: "added"},
        )
        changed = {field.field: field for field in changes[1].fields}
        self.assertEqual(changes[1].old_title, "Voucher")
        self.assertEqual(changed["title"].new, "Voucher for SMEs")
        self.assertIsNotNone(changed["description"].segments)
        self.assertEqual((changed["practices"].added, changed["practices"].removed), (["B"], []))

    def test_indicators_are_compared_within_their_action(self):
        old = snapshot(
            actions=[action(1, "V", indicators=[{"key": 9, "name": "SMEs", "target": "40"}])]
        )
        new = snapshot(
            actions=[action(1, "V", indicators=[{"key": 9, "name": "SMEs", "target": "60"}])]
        )
        item = diff_snapshots(old, new).actions[0]
        self.assertEqual(item.fields, [])
        self.assertEqual(
            [(c.field, c.old, c.new) for c in item.children[0].fields], [("target", "40", "60")]
        )
