"""seed_demo: realistic, complete and idempotent demo data; never in production."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from stdnum.be import bis, nn

from binc.models import Gebruiker, ModuleGoedkeuring, RijksregisterPersoon, Voorziening
from binc.tenancy import all_voorzieningen, voorziening_context
from dossiers.models import Beslissing, Dossier, HeropenAanvraag, Schakeling
from kwartaal.models import TypemoduleInzet
from rapporten.catalogus import AANTALLEN
from rapporten.catalogus_registraties import BEGINREGISTRATIE
from rapporten.selectors import met_start
from rapporten.tellingen import DEFINITIES, tel
from registratie.models import Beginregistratie, Eindregistratie, Geopend

USERNAMES = [
    "ovbj",
    "ovbj2",
    "ovbj3",
    "ckg",
    "cah",
    "pleegzorg",
    "oooc",
    "cig",
    "1g1p",
    "multi",
    "opgroeien",
]


@pytest.mark.django_db
def test_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not Voorziening.objects.exists()


def _counts():
    with all_voorzieningen():
        return tuple(
            model.objects.count()
            for model in (
                Voorziening,
                Gebruiker,
                ModuleGoedkeuring,
                RijksregisterPersoon,
                Dossier,
                Beslissing,
                Schakeling,
                HeropenAanvraag,
            )
        )


@pytest.mark.traag  # the whole of `make run`'s demo data, twice (about 35 s)
@pytest.mark.django_db
def test_demo_data_is_complete_and_idempotent(settings):
    """One seeding (it takes seconds), every promise checked on it, then a second run."""
    settings.DEBUG = True
    call_command("seed_demo")

    # Every demo login works; 'multi' chooses between two voorzieningen.
    for username in USERNAMES:
        client = Client()
        response = client.post(reverse("binc:login"), {"username": username, "password": "demo"})
        assert response.status_code == 302, username
        if username == "multi":
            form = client.get(reverse("binc:kies_voorziening")).context["form"]
            assert len(form.fields["voorziening"].queryset) == 2

    with all_voorzieningen():
        # Every organisation type, with its modules from the moduledatabank.
        types = set(Voorziening.objects.values_list("organisatietype", flat=True))
        assert {"ovbj_verblijf", "ckg", "cah", "pleegzorg", "oooc", "cig", "1g1p"} <= types
        ovbj = Voorziening.objects.get(medewerkers__gebruiker__username="ovbj")
        assert ModuleGoedkeuring.objects.filter(voorziening=ovbj, actief=True).count() > 10

        # At least 30 dossiers per voorziening: open, closed within the year, closed earlier.
        per_voorziening = Dossier.objects.values("voorziening").annotate(
            totaal=Count("pk"),
            open=Count("pk", filter=Q(status="open")),
            gesloten=Count("pk", filter=Q(status="afgesloten")),
        )
        assert len(per_voorziening) == Voorziening.objects.count()
        for row in per_voorziening:
            assert row["totaal"] >= 30
            assert row["open"] > 0
            assert row["gesloten"] > 0
        initials = {naam[0] for naam in Dossier.objects.values_list("client__naam", flat=True)}
        assert len(initials) >= 15
        assert Schakeling.objects.exists()
        assert HeropenAanvraag.objects.exists()

    # The reports compare 'ovbj' with its type in Flanders and in its province (000 §17.2):
    # both hold other voorzieningen' dossiers too.
    tot = timezone.localdate()
    with voorziening_context(ovbj):
        rijen = tel(AANTALLEN.tellingen[0], ovbj, tot - datetime.timedelta(days=364), tot).rijen
    vlaanderen, provincie, eigen = (rij[-1] for rij in rijen)
    assert vlaanderen > provincie > eigen > 0

    # Every saved registration form counts as opened (000 §17.2): the 'Beginregistratie'
    # report counts, for the voorziening's own row, exactly the started dossiers whose form was
    # saved (the demo opens no form without saving it).
    with voorziening_context(ovbj):
        van = tot - datetime.timedelta(days=364)
        dagbesteding = tel(BEGINREGISTRATIE.tellingen[0], ovbj, van, tot).rijen[-1][-1]
        opgestart = DEFINITIES["opgestart"][0](van, tot)
        bewaard = met_start(Dossier.alle.filter(voorziening=ovbj)).filter(
            opgestart, beginregistratie__isnull=False
        )
        assert dagbesteding == bewaard.count() > 1
    with all_voorzieningen():
        for model, soort in ((Beginregistratie, "begin"), (Eindregistratie, "einde")):
            zonder = model.objects.exclude(
                dossier__in=Geopend.objects.filter(soort=soort).values("dossier")
            )
            assert not zonder.exists(), soort

    # The local register: over a hundred people of all ages, valid numbers, some BIS numbers.
    people = list(RijksregisterPersoon.objects.all())
    assert len(people) >= 100
    assert all(
        nn.is_valid(p.rijksregisternummer) or bis.is_valid(p.rijksregisternummer) for p in people
    )
    assert any(bis.is_valid(p.rijksregisternummer) for p in people)
    # The people the README names for a first lookup are there, as it says.
    readme = {
        "13073163943": "Aerts",
        "16011969676": "Aerts",
        "15272857786": "Bogaert",
        "14092035810": "Declercq",
        "25062683746": "De Smet",
    }
    gevonden = dict(
        RijksregisterPersoon.objects.filter(rijksregisternummer__in=readme).values_list(
            "rijksregisternummer", "naam"
        )
    )
    assert gevonden == readme
    years = {p.geboortedatum.year for p in people}
    assert min(years) < 2000 < max(years)  # both century rules are exercised

    # Plausible figures for every kind: the demo CKG's begeleidingspunten this year stay
    # under its approved points (000 §14.4), on the one row that holds them (000 §15).
    from bezetting.engine.benutting import benutting
    from bezetting.engine.bezetting import BEGELEIDINGSPUNTEN, bezetting
    from bezetting.selectors import gegevens_overzicht, gegevens_voor

    with all_voorzieningen():
        ckg = Voorziening.objects.get(medewerkers__gebruiker__username="ckg")
        van = tot.replace(month=1, day=1)
        gegevens = gegevens_overzicht([ckg], van, tot)[ckg.pk]
        codes = sorted({c.typemodule for c in gegevens.capaciteit})
        punten = bezetting(gegevens, van, tot, codes).typemodules[BEGELEIDINGSPUNTEN]
        assert 0 < punten.graad <= 1
        # Every other kind with a capacity fills it as a real voorziening would over the last
        # year: neither nearly empty nor far over.
        graden = {}
        for voorziening in Voorziening.objects.exclude(
            organisatietype__in=["ckg", "pleegzorg", "1g1p"]
        ):
            van = tot - datetime.timedelta(days=364)
            gegevens = gegevens_overzicht([voorziening], van, tot)[voorziening.pk]
            codes = sorted({c.typemodule for c in gegevens.capaciteit})
            graden[voorziening.naam] = bezetting(gegevens, van, tot, codes).gewogen.graad
            # And registers in its modulair kwartaal what such a voorziening would: each of
            # last year's quarters, over the typemodules it registered, a plausible
            # benuttingsgraad per function group (000 §13).
            jaar = tot.year - 1
            gegevens = gegevens_voor(voorziening, datetime.date(jaar, 1, 1), tot)
            ingevuld = TypemoduleInzet.objects.filter(
                kwartaalstaat__voorziening=voorziening, kwartaalstaat__jaar=jaar, totaal__gt=0
            ).values_list("kwartaalstaat__kwartaal", "typemodule__code")
            for nummer in {n for n, _ in ingevuld}:
                rijen = sorted({code for n, code in ingevuld if n == nummer})
                for groep, ratio in benutting(gegevens, [(jaar, nummer)], rijen).functies.items():
                    graden[f"{voorziening.naam}, {nummer}e kwartaal: {groep}"] = ratio.graad
    assert len(graden) >= 20
    assert all(0.5 <= graad <= 1.1 for graad in graden.values()), graden

    before = _counts()
    call_command("seed_demo")
    assert _counts() == before
