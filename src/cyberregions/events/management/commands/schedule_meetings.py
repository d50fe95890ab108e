import json
import math
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cyberregions.events.scheduling import Instance, InstanceError, solve, validate


class Command(BaseCommand):
    help = (
        "Schedule B2B meetings: read an instance (slots, tables, participants, requests, locks) "
        "from JSON, write the meetings, the unscheduled requests with their reasons, the "
        "objective and an upper bound."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instance", required=True, help="Input JSON file ('-' for stdin).")
        parser.add_argument("--out", required=True, help="Output JSON file ('-' for stdout).")
        parser.add_argument("--time-limit", type=float, default=60.0, help="Seconds (default 60).")

    def handle(self, *args, instance, out, time_limit, **options):
        if not math.isfinite(time_limit) or time_limit <= 0:
            # NaN would compare false everywhere and leave the solver without a deadline.
            raise CommandError("--time-limit must be a positive number of seconds.")
        data = self._read(instance)
        try:
            parsed = Instance.from_dict(data)
        except InstanceError as error:
            raise CommandError(f"{instance}: {error}") from None
        try:
            result = solve(parsed, time_limit=time_limit)
        except InstanceError as error:
            raise CommandError(f"{instance}: {error}") from None
        except MemoryError:
            raise CommandError(f"{instance}: the instance is too large for this machine.") from None
        problems = validate(parsed, result)
        if problems:
            raise CommandError("The schedule failed validation: " + "; ".join(problems))
        text = json.dumps(result, indent=2, ensure_ascii=False)
        if out == "-":
            self.stdout.write(text)
        else:
            try:
                Path(out).write_text(text + "\n", encoding="utf-8")
            except OSError as error:
                raise CommandError(f"Cannot write {out}: {error.strerror}") from None
        self.stderr.write(
            f"{len(result['meetings'])} meetings scheduled, {len(result['unscheduled'])} not; "
            f"objective {result['objective']:g} of at most {result['upper_bound']:g}"
            f"{' (optimal)' if result['optimal'] else ''}."
        )

    def _read(self, name: str):
        try:
            # utf-8-sig: a byte-order mark, as some editors write, is accepted and dropped.
            if name == "-":
                text = sys.stdin.buffer.read().decode("utf-8-sig")
            else:
                text = Path(name).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"{name}: no such file.") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{name}: cannot be read ({error}).") from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
            ) from None
        except RecursionError:
            raise CommandError(
                f"{name}: the JSON is nested too deeply to be an instance."
            ) from None
