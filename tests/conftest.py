"""Personas for access tests: a medewerker, a colleague in the same voorziening, an outsider
of another voorziening, and Opgroeien staff."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from binc.tenancy import SESSION_KEY, all_voorzieningen
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory

# Tests whose meaning depends on today's date run on a fixed day (the clock still ticks), so
# they say the same on every day of the year: `pytestmark = OP_VANDAAG`.
VANDAAG = datetime.date(2026, 3, 16)
OP_VANDAAG = pytest.mark.time_machine(
    datetime.datetime(2026, 3, 16, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))
)


def pytest_sessionstart(session):
    """The pages name their static files through the manifest collectstatic writes: brought up
    to date by the controller when the tests run in parallel, so a bare `pytest` works in a
    fresh clone. Only when a static file is newer than the manifest: collectstatic compresses
    every file again each time (about 25 s), most of a short run."""
    if hasattr(session.config, "workerinput") or _static_bij():
        return
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def _static_bij() -> bool:
    from django.conf import settings
    from django.contrib.staticfiles import finders

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return False
    gemaakt = manifest.stat().st_mtime
    return all(
        Path(opslag.path(pad)).stat().st_mtime <= gemaakt
        for finder in finders.get_finders()
        for pad, opslag in finder.list([])
    )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing stays real, just cheap: the suite creates hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def taken_direct():
    """Run the real tasks in this process, also where CI has a broker without a worker."""
    from config.celery import app

    vorig = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = vorig


@pytest.fixture
def cross_voorziening():
    """Factories and assertions that reach across voorzieningen run in an explicit context."""
    with all_voorzieningen():
        yield


@pytest.fixture
def voorziening(db):
    return VoorzieningFactory(naam="Jeugdhulp Testhuis")


@pytest.fixture
def andere_voorziening(db):
    return VoorzieningFactory(naam="Andere Voorziening")


@pytest.fixture
def medewerker(voorziening):
    return MedewerkerFactory(voorziening=voorziening).gebruiker


@pytest.fixture
def collega(voorziening):
    return MedewerkerFactory(voorziening=voorziening).gebruiker


@pytest.fixture
def buitenstaander(andere_voorziening):
    return MedewerkerFactory(voorziening=andere_voorziening).gebruiker


@pytest.fixture
def opgroeien_gebruiker(db):
    from django.contrib.auth.models import Group

    from binc.constants import OpgroeienRol

    gebruiker = GebruikerFactory(opgroeien=True)
    gebruiker.groups.add(*Group.objects.filter(name__in=OpgroeienRol.values))
    return gebruiker


def logged_in_client(gebruiker, voorziening=None) -> Client:
    client = Client()
    client.force_login(gebruiker)
    if voorziening is not None:
        session = client.session
        session[SESSION_KEY] = voorziening.pk
        session.save()
    return client


@pytest.fixture
def medewerker_client(medewerker, voorziening):
    return logged_in_client(medewerker, voorziening)
