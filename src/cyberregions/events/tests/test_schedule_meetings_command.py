"""`cyberregions schedule-meetings --instance IN.json --out OUT.json [--time-limit S]`: a valid
schedule for a valid instance; for anything else a clear error and a non-zero exit, never a
traceback."""

import json
import subprocess
import sys
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

from cyberregions.events.scheduling import Instance, validate
from cyberregions.testing import PersonaTestCase

INSTANCE = {
    "slots": ["s1", "s2"],
    "tables": 1,
    "participants": [
        {"id": "p1", "available": ["s1", "s2"]},
        {"id": "p2", "available": ["s1", "s2"]},
        {"id": "p3", "available": ["s2"]},
    ],
    "requests": [
        {"id": "r1", "a": "p1", "b": "p2", "weight": 1.0},
        {"id": "r2", "a": "p1", "b": "p3", "weight": 2.0},
        {"id": "r3", "a": "p2", "b": "p3"},
    ],
    "locked": [{"request": "r1", "slot": "s1"}],
}


class ScheduleMeetingsCommandTests(PersonaTestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)
        self.path = Path(self.directory.name)

    def write(self, content, name="in.json") -> str:
        path = self.path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else json.dumps(content))
        return str(path)

    def run_command(self, instance, *extra):
        out = self.path / "out.json"
        call_command(
            "schedule_meetings",
            "--instance",
            instance,
            "--out",
            str(out),
            *extra,
            stdout=StringIO(),
            stderr=StringIO(),
        )
        return json.loads(out.read_text())

    def test_it_writes_a_valid_optimal_schedule(self):
        result = self.run_command(self.write(INSTANCE), "--time-limit", "5")
        self.assertEqual(validate(Instance.from_dict(INSTANCE), result), [])
        self.assertEqual(
            {m["request"]: m["slot"] for m in result["meetings"]}, {"r1": "s1", "r2": "s2"}
        )
        self.assertEqual(result["objective"], 3.0)
        self.assertEqual((result["upper_bound"], result["optimal"]), (3.0, True))
        (unscheduled,) = result["unscheduled"]
        self.assertEqual(unscheduled["request"], "r3")
        self.assertTrue(unscheduled["reason"])

    def test_it_accepts_a_byte_order_mark(self):
        content = b"\xef\xbb\xbf" + json.dumps(INSTANCE).encode()
        self.assertEqual(len(self.run_command(self.write(content))["meetings"]), 2)

    def test_malformed_input_gets_a_clear_error(self):
        cases = {
            "not json": ("{nope", "not valid JSON (line 1, column 2"),
            "not an object": ("[]", "expected an object, got list"),
            "missing key": ({k: v for k, v in INSTANCE.items() if k != "tables"}, "tables"),
            "typo": ({**INSTANCE, "lock": []}, "unknown key(s) 'lock'"),
            "bad tables": ({**INSTANCE, "tables": "ten"}, "tables: expected an integer"),
            "unknown slot": (
                {**INSTANCE, "participants": [{"id": "p1", "available": ["s9"]}]},
                "unknown slot 's9'",
            ),
            "bad weight": (
                {**INSTANCE, "requests": [{"id": "r1", "a": "p1", "b": "p2", "weight": -1}]},
                "weight",
            ),
            "nan weight": (
                '{"slots": ["s"], "tables": 1, "participants": [{"id": "p", "available": []},'
                ' {"id": "q", "available": []}],'
                ' "requests": [{"id": "r", "a": "p", "b": "q", "weight": NaN}]}',
                "weight",
            ),
            "impossible lock": (
                {**INSTANCE, "locked": [{"request": "r2", "slot": "s1"}]},
                "not available in that slot",
            ),
            "too deep": ("[" * 100_000, "nested too deeply"),
            "not utf-8": (b"\xff\xfe{}", "cannot be read"),
        }
        for name, (content, message) in cases.items():
            with self.subTest(name), self.assertRaises(CommandError) as caught:
                self.run_command(self.write(content))
            self.assertIn(message, str(caught.exception), name)

    def test_bad_arguments_and_paths_get_a_clear_error(self):
        instance = self.write(INSTANCE)
        for extra, message in (
            (["--time-limit", "0"], "--time-limit"),
            (["--time-limit", "nan"], "--time-limit"),
            (["--time-limit", "inf"], "--time-limit"),
        ):
            with self.assertRaises(CommandError) as caught:
                self.run_command(instance, *extra)
            self.assertIn(message, str(caught.exception))
        with self.assertRaises(CommandError) as caught:
            self.run_command(str(self.path / "missing.json"))
        self.assertIn("no such file", str(caught.exception))
        with self.assertRaises(CommandError) as caught:
            call_command(
                "schedule_meetings",
                "--instance",
                instance,
                "--out",
                str(self.path / "no" / "dir" / "out.json"),
                stderr=StringIO(),
            )
        self.assertIn("Cannot write", str(caught.exception))

    def test_the_console_script_exits_non_zero_without_a_traceback(self):
        bad = self.write("{nope")
        script = Path(sys.executable).with_name("cyberregions")
        completed = subprocess.run(  # noqa: S603 — our own console script, fixed arguments
            [str(script), "schedule-meetings", "--instance", bad, "--out", str(self.path / "o")],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        self.assertEqual(completed.returncode, 1)
        self.assertIn("not valid JSON", completed.stderr)
        self.assertNotIn("Traceback", completed.stderr)
        self.assertFalse((self.path / "o").exists())
