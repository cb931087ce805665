import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from binc.models import Gebruiker, ModuleGoedkeuring, RijksregisterPersoon, Voorziening
from binc.tenancy import all_voorzieningen

USERNAMES = ["ovbj", "ckg", "cah", "pleegzorg", "oooc", "cig", "1g1p", "multi", "opgroeien"]


@pytest.mark.django_db
def test_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not Voorziening.objects.exists()


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    call_command("seed_demo")


def _counts():
    with all_voorzieningen():
        return (
            Voorziening.objects.count(),
            Gebruiker.objects.count(),
            ModuleGoedkeuring.objects.count(),
            RijksregisterPersoon.objects.count(),
        )


def test_is_idempotent(seeded):
    before = _counts()
    call_command("seed_demo")
    assert _counts() == before


def test_every_demo_login_works(seeded, client):
    for username in USERNAMES:
        client.logout()
        response = client.post(reverse("binc:login"), {"username": username, "password": "demo"})
        assert response.status_code == 302, username


def test_multi_works_for_two_voorzieningen(seeded, client):
    client.post(reverse("binc:login"), {"username": "multi", "password": "demo"})
    response = client.get(reverse("binc:kies_voorziening"))
    assert len(response.context["form"].fields["voorziening"].queryset) == 2


def test_demo_voorzieningen_cover_every_type_with_modules(seeded):
    with all_voorzieningen():
        types = set(Voorziening.objects.values_list("organisatietype", flat=True))
        assert {"ovbj_verblijf", "ckg", "cah", "pleegzorg", "oooc", "cig", "1g1p"} <= types
        ovbj = Voorziening.objects.get(medewerkers__gebruiker__username="ovbj")
        assert ModuleGoedkeuring.objects.filter(voorziening=ovbj, actief=True).count() > 10


def test_local_register_holds_valid_numbers_of_all_ages(seeded):
    from stdnum.be import bis, nn

    people = list(RijksregisterPersoon.objects.all())
    assert len(people) >= 100
    assert all(
        nn.is_valid(p.rijksregisternummer) or bis.is_valid(p.rijksregisternummer) for p in people
    )
    assert any(bis.is_valid(p.rijksregisternummer) for p in people)
    years = {p.geboortedatum.year for p in people}
    assert min(years) < 2000 < max(years)  # both century rules are exercised


def test_every_demo_voorziening_has_dossiers_in_every_state(seeded):
    from django.db.models import Count, Q

    from dossiers.models import Dossier

    with all_voorzieningen():
        per_voorziening = Dossier.objects.values("voorziening").annotate(
            totaal=Count("pk"),
            open=Count("pk", filter=Q(status="open")),
            recent=Count("pk", filter=Q(status="afgesloten", afgesloten_op__year__gte=2025)),
        )
        assert len(per_voorziening) == Voorziening.objects.count()
        for row in per_voorziening:
            assert row["totaal"] >= 30
            assert row["open"] > 0
            assert row["recent"] > 0
        initials = set(Dossier.objects.values_list("client__naam", flat=True))
        assert len({naam[0] for naam in initials}) >= 15
