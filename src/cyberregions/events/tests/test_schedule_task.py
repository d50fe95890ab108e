"""Scheduling from the organiser page runs as a background task (immediately in the test
run): the page redirects to the progress page, the schedule and the run's outcome commit
together, a task delivered twice schedules once, and a refusal reaches the organiser."""

from cyberregions.core.models import TaskRun, TaskRunStatus
from cyberregions.events import tasks
from cyberregions.events.models import Meeting, MeetingRequest, MeetingSlot, ScheduleRun
from cyberregions.events.tests.factories import make_brokerage, make_user, register
from cyberregions.testing import PersonaTestCase


class ScheduleTaskTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_brokerage(cls.coordinator, slots=3, tables=1)
        tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        breton = register(cls.event, make_user("breton"), cls.breton_sme)
        MeetingRequest.objects.create(
            event=cls.event, requester=tuscan, recipient=breton, status="accepted"
        )

    def url(self):
        return f"/events/{self.event.slug}/b2b/organiser/schedule/"

    def test_the_organiser_is_sent_to_the_progress_page_with_a_link_back(self):
        self.login(self.coordinator)
        response = self.client.post(self.url())
        run = TaskRun.objects.get(kind=tasks.KIND)
        self.assertRedirects(response, f"/tasks/{run.pk}/")
        self.assertEqual(run.status, TaskRunStatus.SUCCEEDED)
        self.assertEqual(run.result_url, f"/events/{self.event.slug}/b2b/organiser/")
        self.assertEqual(Meeting.objects.filter(slot__event=self.event).count(), 1)

    def test_a_task_delivered_twice_schedules_once(self):
        run = tasks.start_schedule(self.coordinator, self.event)
        tasks.schedule_meetings.call(run.pk)
        self.assertEqual(ScheduleRun.objects.filter(event=self.event).count(), 1)

    def test_a_refusal_is_the_failure_message(self):
        MeetingSlot.objects.filter(event=self.event).delete()
        run = tasks.start_schedule(self.coordinator, self.event)
        self.assertEqual(run.status, TaskRunStatus.FAILED)
        self.assertIn("meeting grid", run.failure_message)
        self.assertFalse(ScheduleRun.objects.exists())

    def test_others_cannot_start_it(self):
        for user in (self.member, self.registered):
            self.login(user)
            self.assertEqual(self.client.post(self.url()).status_code, 403)
        self.assertEqual(self.client.get(self.url()).status_code, 405)
        self.assertFalse(TaskRun.objects.exists())
