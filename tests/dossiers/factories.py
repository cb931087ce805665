import datetime

import factory
from django.db.models import Min

from binc.constants import Geslacht
from dossiers.constants import (
    DossierStatus,
    NietBegeleid,
    Omgangstaal,
    Relatie,
    SchakelingSoort,
    Verwijzingsgrond,
)
from dossiers.models import (
    Aanmelding,
    Beslissing,
    Client,
    ClientToegang,
    ContextPersoon,
    Dossier,
    Schakeling,
    SchakelingModule,
)
from tests.binc.factories import GebruikerFactory, TenantFactory, VoorzieningFactory


def _rrn(n: int) -> str:
    """A valid rijksregisternummer born 1 March 2012 with serial `n`."""
    base = f"120301{n:03d}"
    return f"{base}{97 - int('2' + base) % 97:02d}"


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client
        skip_postgeneration_save = True

    # Serials 100-996: the numbers tests pick by hand (serials below 100) never collide.
    rijksregisternummer = factory.Sequence(lambda n: _rrn(n % 897 + 100))
    naam = factory.Sequence(lambda n: f"Naam{n}")
    voornaam = "Jan"
    geslacht = Geslacht.MAN
    geboortedatum = datetime.date(2012, 3, 1)
    niet_begeleide_minderjarige = NietBegeleid.NEE
    land_van_origine = "België"
    omgangstaal = Omgangstaal.NEDERLANDS

    class Params:
        ongeboren_kind = factory.Trait(
            ongeboren=True,
            rijksregisternummer=None,
            geboortedatum=None,
            geslacht="X",
            voornaam="Sarah (ongeboren kind)",
        )

    @factory.post_generation
    def toegang(self, create, extracted, **kwargs):
        """ClientFactory(toegang=voorziening) gives that voorziening access."""
        if create and extracted is not None:
            ClientToegang._base_manager.get_or_create(client=self, voorziening=extracted)


class DossierFactory(TenantFactory):
    class Meta:
        model = Dossier
        skip_postgeneration_save = True

    voorziening = factory.SubFactory(VoorzieningFactory)
    client = factory.SubFactory(ClientFactory)
    code = factory.Sequence(lambda n: f"BNC_20260101_{n:05d}")
    behandelaar = factory.SubFactory(GebruikerFactory)
    aanmelding = factory.RelatedFactory(
        "tests.dossiers.factories.AanmeldingFactory", factory_related_name="dossier"
    )

    class Params:
        afgesloten = factory.Trait(
            status=DossierStatus.AFGESLOTEN, afgesloten_op=datetime.date(2026, 6, 30)
        )

    @factory.post_generation
    def toegang(self, create, extracted, **kwargs):
        if create:
            ClientToegang._base_manager.get_or_create(
                client=self.client, voorziening=self.voorziening
            )


class AanmeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanmelding
        skip_postgeneration_save = True

    dossier = factory.SubFactory(DossierFactory, aanmelding=None)
    via_toegangspoort = True
    uitstroom_gi = False

    @factory.post_generation
    def start(self, create, extracted, **kwargs):
        if create:
            start_bijwerken(self.dossier_id)


def start_bijwerken(dossier_id: int) -> None:
    """The dossier's summary columns of 000 §17.2, as dossier_summary_refresh keeps them."""
    eerste = Schakeling._base_manager.filter(dossier_id=dossier_id).aggregate(
        begin=Min("begindatum")
    )["begin"]
    lopend = (
        Aanmelding.objects.filter(dossier_id=dossier_id)
        .values_list("startdatum_lopend_dossier", flat=True)
        .first()
    )
    Dossier._base_manager.filter(pk=dossier_id).update(
        eerste_schakeling_begindatum=eerste, startdatum=lopend or eerste
    )


class ContextPersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContextPersoon

    client = factory.SubFactory(ClientFactory)
    relatie = Relatie.MOEDER
    naam = "Peeters"
    voornaam = "Sarah"
    toegevoegd_door = factory.SubFactory(GebruikerFactory)


class BeslissingFactory(TenantFactory):
    class Meta:
        model = Beslissing
        skip_postgeneration_save = True

    dossier = factory.SubFactory(DossierFactory)
    begindatum = datetime.date(2026, 1, 5)
    verwijzingsgrond = Verwijzingsgrond.VRIJWILLIG

    @factory.post_generation
    def modules(self, create, extracted, **kwargs):
        if create and extracted:
            self.modules.set(extracted)


class SchakelingFactory(TenantFactory):
    class Meta:
        model = Schakeling
        skip_postgeneration_save = True

    beslissing = factory.SubFactory(BeslissingFactory)
    dossier = factory.LazyAttribute(lambda s: s.beslissing.dossier)
    soort = SchakelingSoort.START_HULPAANBOD
    begindatum = datetime.date(2026, 1, 5)

    @factory.post_generation
    def modules(self, create, extracted, **kwargs):
        for module in extracted or []:
            SchakelingModule.objects.create(schakeling=self, module=module)

    @factory.post_generation
    def eerste_schakeling(self, create, extracted, **kwargs):
        if create:
            start_bijwerken(self.dossier_id)
