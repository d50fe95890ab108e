"""One workflow engine for every model that moves through states.

A model's workflow is declared once, as data: its states live in the app's ``choices``, its
transitions here (who may take each, what must hold first, what the step changes, whether a
reason is required, who is told). ``Workflow.transition`` is the one way a step is taken: it
locks the row, checks, applies the step's effect, saves, writes a history row and an audit
entry, and queues the notifications for after the commit. Buttons ask ``Workflow.available``
so that a page never offers a step the engine would refuse.

Practices, action plans and monitoring reports use it; the modules that come after them
(registration, help requests, courses, labels) declare their own ``Workflow`` the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import audit
from .notifications import notify
from .permissions import is_authenticated, require

THIS_ITEM = gettext_lazy("this item")


class WorkflowError(Exception):
    """The step cannot be taken as asked: wrong state, a missing reason, a precondition."""


@dataclass
class Step:
    """What a step's effect and notifications see: the locked object and the request."""

    actor: Any
    obj: models.Model
    name: str
    reason: str
    params: dict
    at: Any = field(default_factory=timezone.now)
    # Fields the effect changed, saved with the state.
    changed: list[str] = field(default_factory=list)
    # Extra facts for the audit entry (e.g. the version a submission froze).
    audit_after: dict = field(default_factory=dict)
    previous: dict = field(default_factory=dict)

    def set(self, **values) -> None:
        for name, value in values.items():
            self.previous.setdefault(name, audit.plain(getattr(self.obj, name)))
            setattr(self.obj, name, value)
            if name not in self.changed:
                self.changed.append(name)


@dataclass(frozen=True)
class Transition:
    """One step: from ``sources`` to ``target`` (``None`` keeps the state).

    ``allowed(user, obj)`` says who may; ``check(step)`` returns an error
    message when a precondition fails at the time of the step; ``effect(step)`` changes the
    object's other fields through ``step.set`` and may raise ``WorkflowError``;
    ``after_save(step)`` runs once the row is saved (e.g. to freeze a version).
    ``notify(obj)`` returns the people to tell; ``done`` is the message shown to the actor;
    ``wrong_state(obj)`` may say better than the generic message why the state forbids it.
    """

    name: str
    sources: tuple[str, ...]
    target: str | None
    allowed: Callable[[Any, Any], bool]
    done: Any = ""
    needs_reason: bool = False
    reason_prompt: Any = gettext_lazy("Say why: the other side will read it.")
    check: Callable[[Step], str | None] | None = None
    effect: Callable[[Step], None] | None = None
    after_save: Callable[[Step], None] | None = None
    notify: Callable[[Any], Iterable] | None = None
    wrong_state: Callable[[Any], str | None] | None = None


@dataclass(frozen=True)
class Notice:
    """How a workflow tells people about a step: the kind of notification, the subject and
    the e-mail template, rendered in each recipient's language."""

    kind: str
    subject: Callable[[Step], str]
    template: str
    context: Callable[[Step], dict]
    url: Callable[[Any], str]


class Workflow:
    """The declared workflow of one model.

    ``history`` is a concrete subclass of ``core.models.WorkflowStep`` whose foreign key to
    the model is named ``subject_field``; ``audit_prefix`` names the audit actions
    (``practice.submit``…).
    """

    def __init__(
        self,
        *,
        model: type[models.Model],
        history: type[models.Model],
        subject_field: str,
        audit_prefix: str,
        transitions: Iterable[Transition],
        notice: Notice | None = None,
        state_field: str = "status",
        object_word: Any = THIS_ITEM,
        error: type[WorkflowError] = WorkflowError,
    ):
        self.model = model
        self.history = history
        self.subject_field = subject_field
        self.audit_prefix = audit_prefix
        self.transitions = {transition.name: transition for transition in transitions}
        self.notice = notice
        self.state_field = state_field
        self.object_word = object_word
        # The app's own error class, so that its views and tests catch one type.
        self.error = error

    def state(self, obj) -> str:
        return getattr(obj, self.state_field)

    def state_label(self, obj) -> str:
        return getattr(obj, f"get_{self.state_field}_display")()

    def available(self, user, obj) -> list[str]:
        """The steps ``user`` may take on ``obj`` as it stands, for buttons and links."""
        state = self.state(obj)
        return [
            name
            for name, transition in self.transitions.items()
            if state in transition.sources and transition.allowed(user, obj)
        ]

    def transition(self, actor, obj, name: str, reason: str = "", **params):
        """Take step ``name`` on ``obj`` in one transaction; returns the saved object."""
        with transaction.atomic():
            return self._transition(actor, obj, name, reason, params)

    def _transition(self, actor, obj, name, reason, params):
        transition = self.transitions.get(name)
        if transition is None:
            raise self.error(_("Unknown step."))
        require(transition.allowed(actor, obj))
        obj = self.model.objects.select_for_update().get(pk=obj.pk)
        # The permission is asked again on the locked row: a concurrent step may have
        # changed what decides it (the region, the state).
        require(transition.allowed(actor, obj))
        before_state = self.state(obj)
        if before_state not in transition.sources:
            if transition.wrong_state is not None and (problem := transition.wrong_state(obj)):
                raise self.error(problem)
            raise self.error(
                _("This step is not possible while %(object)s is “%(status)s”.")
                % {"object": self.object_word, "status": self.state_label(obj)}
            )
        reason = (reason or "").strip()
        if transition.needs_reason and not reason:
            raise self.error(str(transition.reason_prompt))
        step = Step(actor=actor, obj=obj, name=name, reason=reason, params=params)
        if transition.check is not None and (problem := transition.check(step)):
            raise self.error(problem)
        if transition.effect is not None:
            transition.effect(step)
        target = transition.target if transition.target is not None else before_state
        setattr(obj, self.state_field, target)
        fields = [self.state_field, *step.changed]
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            fields.append("updated_at")
        obj.save(update_fields=list(dict.fromkeys(fields)))
        if transition.after_save is not None:
            transition.after_save(step)
        self.history.objects.create(
            **{self.subject_field: obj},
            step=name,
            from_state=before_state,
            to_state=target,
            actor=actor if is_authenticated(actor) else None,
            at=step.at,
            reason=reason,
        )
        audit.record(
            actor,
            f"{self.audit_prefix}.{name}",
            obj,
            before={self.state_field: before_state, **step.previous},
            after={
                self.state_field: target,
                **{key: audit.plain(getattr(obj, key)) for key in step.changed},
                **step.audit_after,
            },
            reason=reason,
        )
        if self.notice is not None and transition.notify is not None:
            self._notify(step, transition)
        return obj

    def _notify(self, step: Step, transition: Transition) -> None:
        notice = self.notice
        notify(
            transition.notify(step.obj),
            kind=notice.kind,
            subject=lambda: notice.subject(step),
            template=notice.template,
            context=notice.context(step),
            url=notice.url(step.obj),
            actor=step.actor,
        )
