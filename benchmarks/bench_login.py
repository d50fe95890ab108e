"""Login with MFA: server time of the password step and of the TOTP step.

Usage: python benchmarks/bench_login.py [--repeat 9]

A scratch SQLite database under a temporary directory (migrated), one account with an
Argon2-hashed password (the production hasher) and a TOTP authenticator. Each round logs in
through Django's test client in this process, so the time measured is the server's: the
password step (rate-limit counts in the local-memory cache, Argon2 check, MFA stage) and the
code step (TOTP check, login, session and security-log writes). Prints one Markdown table
row: median (best) milliseconds of each step and of both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    arguments = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="bench-login-")
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/login.sqlite3"
    os.environ["CYBERREGIONS_VAR"] = scratch
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cyberregions.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-key-" + "x" * 40)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("bench", "bench@example.org", "bench-pass-2026")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    password_times, code_times = [], []
    for _ in range(arguments.repeat):
        cache.clear()  # each round's code is fresh for allauth's replay check
        client = Client()
        start = time.perf_counter()
        response = client.post(
            "/accounts/login/", {"login": "bench", "password": "bench-pass-2026"}
        )
        password_times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
        code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
        start = time.perf_counter()
        response = client.post("/accounts/2fa/authenticate/", {"code": code})
        code_times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302 and client.session.get("_auth_user_id"), response
    total = [a + b for a, b in zip(password_times, code_times, strict=True)]
    load = os.getloadavg()[0]

    def cell(times):
        return f"{statistics.median(times):.0f} ({min(times):.0f})"

    print(f"| SQLite | {cell(password_times)} | {cell(code_times)} | {cell(total)} | {load:.1f} |")


if __name__ == "__main__":
    main()
