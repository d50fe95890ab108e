"""B2B meeting scheduler: place accepted meeting requests into slots and tables.

Pure Python (HiGHS through highspy for the exact model and the LP bounds); no Django.
See docs/scheduler.md for the model, the algorithms and the JSON formats.
"""

from .baseline import first_come
from .instance import Instance, InstanceError, Lock, Participant, Request
from .solve import solve
from .validate import validate

__all__ = [
    "Instance",
    "InstanceError",
    "Lock",
    "Participant",
    "Request",
    "first_come",
    "solve",
    "validate",
]
