"""Writing the demo action plans into the database: one plan per partner territory, citing
the demo good practices (``cyberregions demo-practices``) and involving organisations of the
atlas, walked through the workflow to various states, with one or two monitoring reports for
the plans in implementation. Dates are relative to today, so that the demo always shows
reports accepted, submitted, returned and late."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cyberregions.geo.models import Partner, Region
from cyberregions.organisations.models import Organisation
from cyberregions.practices.models import Practice

from . import periods, versions
from .choices import PlanStatus, PlanStep, ReportStatus
from .demo_data import PLANS, REPORT_STORIES, SUMMARIES, DemoAction, DemoPlan
from .models import (
    Action,
    ActionCitation,
    ActionPlan,
    ActionProgress,
    Evidence,
    Indicator,
    IndicatorValue,
    Milestone,
    MonitoringReport,
    PlanTransition,
)

# The demo accounts of the atlas (organisations/demo_loader.py), used when they exist.
COORDINATORS = {
    "FRH0": "brittany",
    "BE3": "wallonia",
    "ITI1": "tuscany",
    "ES41": "castilla",
    "SI0": "slovenia",
    "EE00": "estonia",
    "SK042": "kosice",
}
STAFF = "staff"
# How many semesters before the present one the implementation started, and the status of
# each report (oldest first); the semesters after the last report have none (due or late).
STARTS = {"FRH0": 2, "ITI1": 3, "BE3": 2, "SI0": 2, "EE00": 3}
REPORT_STATUSES = {
    "FRH0": [ReportStatus.ACCEPTED, ReportStatus.SUBMITTED],
    "ITI1": [ReportStatus.ACCEPTED, ReportStatus.ACCEPTED],
    "BE3": [ReportStatus.ACCEPTED, ReportStatus.RETURNED],
    "SI0": [ReportStatus.SUBMITTED],
    "EE00": [ReportStatus.ACCEPTED, ReportStatus.ACCEPTED],
}


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, 28))


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return min(moment, timezone.now())


def _users() -> dict:
    names = [*COORDINATORS.values(), STAFF]
    return {user.username: user for user in get_user_model().objects.filter(username__in=names)}


def _players(region: Region) -> dict[str, list[Organisation]]:
    """Per actor type, a few organisations of the region that could take part."""
    result: dict[str, list[Organisation]] = {}
    for organisation in (
        Organisation.objects.filter(region=region).order_by("name", "id").only("id", "actor_type")
    ):
        bucket = result.setdefault(organisation.actor_type, [])
        if len(bucket) < 3:
            bucket.append(organisation)
    return result


@transaction.atomic
def load_plans(replace: bool = False, progress: Callable[[int, int], None] | None = None):
    """Create the demo plans; returns counts. With ``replace``, remove every plan first."""
    if replace:
        ActionPlan.objects.all().delete()
    regions = {region.code: region for region in Region.objects.filter(code__in=COORDINATORS)}
    partners = {partner.key: partner for partner in Partner.objects.all()}
    practices = {practice.title: practice for practice in Practice.objects.published()}
    users = _users()
    today = timezone.localdate()
    counts = {"plans": 0, "actions": 0, "citations": 0, "versions": 0, "reports": 0}
    for number, data in enumerate(PLANS, start=1):
        region = regions.get(data.region)
        if region is None:
            continue
        context = Demo(data, region, partners, practices, users, today)
        context.write()
        counts["plans"] += 1
        counts["actions"] += len(data.actions)
        counts["citations"] += context.citations
        counts["versions"] += context.versions
        counts["reports"] += context.reports
        if progress:
            progress(number, len(PLANS))
    return counts


class Demo:
    """One demo plan on its way through the workflow."""

    def __init__(self, data: DemoPlan, region, partners, practices, users, today):
        self.data, self.region, self.today = data, region, today
        self.partners, self.practices = partners, practices
        self.coordinator = users.get(COORDINATORS[data.region])
        self.staff = users.get(STAFF)
        self.citations = self.versions = self.reports = 0
        current = periods.period_of(today)
        first = current
        for _step in range(STARTS.get(data.region, 1)):
            first = periods.previous_period(first)
        self.start = periods.period_start(first)
        self.first_period = first
        self.endorsed_on = self.start - datetime.timedelta(days=30)
        self.submitted_on = self.endorsed_on - datetime.timedelta(days=75)

    def write(self) -> None:
        data = self.data
        plan = ActionPlan.objects.create(
            title=data.title,
            region=self.region,
            partner=self.partners.get(data.partner),
            partner_name="" if data.partner in self.partners else data.partner,
            contact_name="Action plan coordinator",
            contact_email=f"plans+{data.region.lower()}@demo.cyberregions.eu",
            contact_public_consent=False,
            instrument_name=data.instrument,
            managing_authority=data.authority,
            instrument_type=data.instrument_type,
            policy_context=data.context,
            status=PlanStatus.DRAFT,
            created_by=self.coordinator,
        )
        plan.other_partners.set(
            [self.partners[key] for key in data.other_partners if key in self.partners]
        )
        self.plan = plan
        players = _players(self.region)
        actions = [
            self._action(position, item, players)
            for position, item in enumerate(data.actions, start=1)
        ]
        if data.state == "resubmitted":
            self._resubmitted(actions)
            return
        self._step(PlanStep.SUBMIT, PlanStatus.SUBMITTED, self.submitted_on, self.coordinator)
        self._freeze(self.submitted_on)
        self._step(
            PlanStep.VALIDATE,
            PlanStatus.VALIDATED,
            self.submitted_on + datetime.timedelta(days=20),
            self.staff,
        )
        plan.validated_by = self.staff
        plan.validated_at = _moment(self.submitted_on + datetime.timedelta(days=20))
        self._step(PlanStep.ENDORSE, PlanStatus.ENDORSED, self.endorsed_on, self.coordinator)
        plan.endorsing_authority = data.authority
        plan.endorsed_by_name = data.signatory or "Head of the managing authority"
        plan.endorsed_on = self.endorsed_on
        plan.endorsement_recorded_by = self.coordinator
        plan.submitted_at = _moment(self.submitted_on)
        plan.status = PlanStatus.ENDORSED
        if data.state == "reporting":
            self._step(PlanStep.START, PlanStatus.IN_IMPLEMENTATION, self.start, self.coordinator)
            plan.implementation_started_on = self.start
            plan.status = PlanStatus.IN_IMPLEMENTATION
        plan.save()
        if data.state == "reporting":
            self._reports(actions)

    def _action(self, position: int, item: DemoAction, players) -> Action:
        start = add_months(self.start, item.start_month)
        action = Action.objects.create(
            plan=self.plan,
            position=position,
            title=item.title,
            background=item.background,
            description=item.description,
            players_note=item.players_note,
            start_date=start,
            end_date=add_months(start, item.months),
            cost_eur=item.cost_eur,
            funding_sources=item.funding,
            improvement_type=item.improvement,
        )
        chosen = [org for kind in item.player_types for org in players.get(kind, [])[:1]]
        action.players.set(chosen)
        cited = [self.practices[title] for title in item.practices if title in self.practices]
        ActionCitation.objects.bulk_create(
            ActionCitation(action=action, practice=practice) for practice in cited
        )
        self.citations += len(cited)
        if self.data.state != "resubmitted":
            self._indicators(action, item)
        return action

    def _indicators(self, action: Action, item: DemoAction) -> None:
        for index, spec in enumerate(item.indicators):
            indicator = Indicator.objects.create(
                action=action,
                kind=spec.kind,
                name=spec.name,
                unit=spec.unit,
                baseline=Decimal(str(spec.baseline)),
                target=Decimal(str(spec.target)),
                position=index,
            )
            Milestone.objects.bulk_create(
                Milestone(
                    indicator=indicator,
                    due_date=add_months(action.start_date, months),
                    value=Decimal(str(value)),
                    label=label,
                )
                for months, value, label in spec.milestones
            )

    def _step(self, step, target, day, actor, reason="") -> None:
        previous = self.plan.status
        PlanTransition.objects.create(
            plan=self.plan,
            step=step,
            from_state=previous,
            to_state=target,
            actor=actor,
            at=_moment(day),
            reason=reason,
        )
        self.plan.status = target

    def _freeze(self, day) -> None:
        ActionPlan.objects.filter(pk=self.plan.pk).update(status=self.plan.status)
        version = versions.freeze(self.plan, self.coordinator)
        version.created_at = _moment(day)
        version.save(update_fields=["created_at"])
        self.versions += 1

    def _resubmitted(self, actions: list[Action]) -> None:
        """Submitted, returned with a reason, changed, submitted again: two versions to
        compare; the second waits for validation."""
        plan = self.plan
        second = actions[-1]
        final_description, final_cost = second.description, second.cost_eur
        second.description = "Security sprints for software companies."
        second.cost_eur = 150_000
        second.save(update_fields=["description", "cost_eur"])
        self._step(PlanStep.SUBMIT, PlanStatus.SUBMITTED, self.submitted_on, self.coordinator)
        self._freeze(self.submitted_on)
        returned_on = self.submitted_on + datetime.timedelta(days=25)
        self._step(
            PlanStep.RETURN,
            PlanStatus.DRAFT,
            returned_on,
            self.staff,
            "Say who runs the sprints and how companies are selected; add indicators.",
        )
        second.description, second.cost_eur = final_description, final_cost
        second.save(update_fields=["description", "cost_eur"])
        for action, item in zip(actions, self.data.actions, strict=True):
            self._indicators(action, item)
        resubmitted_on = returned_on + datetime.timedelta(days=30)
        self._step(PlanStep.SUBMIT, PlanStatus.SUBMITTED, resubmitted_on, self.coordinator)
        self._freeze(resubmitted_on)
        plan.submitted_at = _moment(resubmitted_on)
        plan.save(update_fields=["status", "submitted_at"])

    def _reports(self, actions: list[Action]) -> None:
        stories = REPORT_STORIES.get(self.data.region, [])
        statuses = REPORT_STATUSES.get(self.data.region, [])
        period = self.first_period
        previous_values: dict[int, Decimal] = {}
        for index, (story, status) in enumerate(zip(stories, statuses, strict=True)):
            end = periods.period_end(period)
            submitted = end + datetime.timedelta(days=18)
            report = MonitoringReport.objects.create(
                plan=self.plan,
                year=period[0],
                semester=period[1],
                status=status,
                summary=SUMMARIES[index % len(SUMMARIES)],
                created_by=self.coordinator,
                submitted_at=_moment(submitted),
                submitted_by=self.coordinator,
            )
            if status in (ReportStatus.ACCEPTED, ReportStatus.RETURNED):
                report.decided_at = _moment(submitted + datetime.timedelta(days=10))
                report.decided_by = self.staff
                if status == ReportStatus.RETURNED:
                    report.decision_reason = "Please add evidence for the events held."
                report.save(update_fields=["decided_at", "decided_by", "decision_reason"])
            for action, (entry_status, value, explanation) in zip(actions, story, strict=True):
                entry = ActionProgress.objects.create(
                    report=report,
                    action=action,
                    status=entry_status,
                    progress=value,
                    explanation=explanation,
                )
                if value and index == 0:
                    Evidence.objects.create(
                        entry=entry,
                        kind="link",
                        url=f"https://www.example.org/{self.data.region.lower()}/{action.position}",
                        title="Call for applications",
                        uploaded_by=self.coordinator,
                    )
                for indicator in action.indicators.all():
                    before = previous_values.get(indicator.pk, indicator.baseline)
                    reached = indicator.baseline + (indicator.target - indicator.baseline) * (
                        Decimal(value) / 100
                    )
                    current = reached.quantize(Decimal("1"))
                    IndicatorValue.objects.create(
                        report=report, indicator=indicator, previous=before, current=current
                    )
                    previous_values[indicator.pk] = current
            self.reports += 1
            period = periods.next_period(period)
