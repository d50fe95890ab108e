"""Two deciders approving the same request at the same moment create one organisation: the
workflow engine locks the request's row, so the second approval reads it approved (on
PostgreSQL it waits for the first to commit; SQLite lets one writer in at a time)."""

import threading
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError, connection

from cyberregions.geo.models import Region, RegionMembership
from cyberregions.organisations import services
from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.forms import RegistrationForm
from cyberregions.organisations.models import Organisation, RegistrationRequest

from .registration_helpers import verify

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_simultaneous_approvals_create_one_organisation():
    User = get_user_model()
    applicant = verify(User.objects.create_user("applicant", "applicant@example.org"))
    brittany = Region.objects.get(code="FRH0")
    deciders = []
    for name in ("yann", "anna"):
        decider = User.objects.create_user(name, f"{name}@example.org")
        RegionMembership.objects.create(user=decider, region=brittany)
        deciders.append(decider)
    form = RegistrationForm(
        {
            "name": "Brest Quantum Shield",
            "country": brittany.country_id,
            "region": brittany.pk,
            "city": "Brest",
            "status": "active",
            "actor_type": "sme",
        },
        user=applicant,
    )
    assert form.is_valid(), form.errors
    registration = registrations.submit_registration(
        applicant, registrations.to_data(form.cleaned_data)
    )

    start = threading.Barrier(2)
    outcomes = []
    slow_refresh = services.refresh_search

    def refresh_slowly(organisation):
        time.sleep(0.3)  # inside the approval's transaction: the other one arrives meanwhile
        slow_refresh(organisation)

    def approve(decider):
        try:
            start.wait()
            registrations.approve_registration(
                decider, RegistrationRequest.objects.get(pk=registration.pk)
            )
            outcomes.append("approved")
        except (registrations.RegistrationError, OperationalError) as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    with mock.patch.object(services, "refresh_search", refresh_slowly):
        threads = [threading.Thread(target=approve, args=(decider,)) for decider in deciders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    # The other one is refused: it finds the request approved (PostgreSQL), or the
    # database busy with the first (SQLite's shared in-memory test database).
    assert len(outcomes) == 2 and outcomes.count("approved") == 1, outcomes
    assert Organisation.objects.filter(name="Brest Quantum Shield").count() == 1
    registration.refresh_from_db()
    assert registration.status == "approved"
