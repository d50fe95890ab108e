"""Progress on the terminal for the long commands: one line rewritten in place."""

from __future__ import annotations

import time

PHASES = {
    "check": "Checking rows",
    "compare": "Comparing with the atlas",
    "write": "Writing",
}


class TerminalProgress:
    def __init__(self, stream, interactive: bool | None = None):
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self.last: tuple[str, int] | None = None
        self.started = time.perf_counter()

    def __call__(self, phase: str, done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        step = 1 if self.interactive else 25
        shown = (phase, percent // step)
        if shown == self.last and done != total:
            return
        self.last = shown
        label = PHASES.get(phase, phase)
        seconds = time.perf_counter() - self.started
        line = f"{label}: {done:>7}/{total} ({percent:3d} %) {seconds:6.1f} s"
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if done == total else ""), ending="")
        else:
            self.stream.write(line)
        self.stream.flush()
