"""In a real browser, under the site's Content Security Policy: the progress page polls with
htmx until the run ends, then shows its outcome; checked with axe-core while running, when
failed and when finished."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from cyberregions.conftest import check_accessibility, save_screenshot
from cyberregions.core.models import TaskRun, TaskRunStatus

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def run(transactional_db):
    user = get_user_model().objects.create_user("requester", "r@example.org")
    return TaskRun.objects.create(
        requested_by=user,
        kind="sample",
        title="Import of members.csv",
        task_path="cyberregions.core.tests.sample_tasks.write_marker",
        status=TaskRunStatus.RUNNING,
        attempt=1,
        progress_done=30,
        progress_total=100,
        heartbeat_at=timezone.now(),
    )


def log_in(page, live_server, user):
    """A session made by Django's test client, handed to the browser: this test is about the
    progress page, not the login form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_the_progress_page_follows_the_run_to_its_end(browser_page, live_server, run):
    from playwright.sync_api import expect

    page = browser_page
    log_in(page, live_server, run.requested_by)
    page.goto(f"/tasks/{run.pk}/")
    status = page.locator("#task-run-status")
    expect(status).to_contain_text("30 % done")
    check_accessibility(page, "progress page, running")

    TaskRun.objects.filter(pk=run.pk).update(progress_done=70)
    expect(status).to_contain_text("70 % done")  # polled, not reloaded

    TaskRun.objects.filter(pk=run.pk).update(
        status=TaskRunStatus.FAILED, failure_message="Row 3, field 'name': a name is required."
    )
    expect(status.get_by_role("alert")).to_contain_text("Row 3, field 'name'")
    expect(status.get_by_role("button", name="Try again")).to_be_visible()
    check_accessibility(page, "progress page, failed")
    save_screenshot(page, "task-failed")

    # The form came with the polled fragment: its CSRF token must be valid. The test run
    # runs the retried task at once, so the page comes back finished.
    status.get_by_role("button", name="Try again").click()
    expect(status.get_by_role("link", name="Home")).to_be_visible()
    check_accessibility(page, "progress page, finished")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.wait_for_timeout(2500)
    assert not [url for url in requests if "/status/" in url], "a finished run is not polled"
