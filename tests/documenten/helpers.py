import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from binc.constants import DienstFunctie, Dienstsoort
from binc.models import Dienst, DienstMedewerker
from documenten import selectors, services
from tests.binc.factories import GebruikerFactory

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(naam="handelingsplan.pdf", inhoud=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def dienst(naam="OCJ Antwerpen", soort=Dienstsoort.OCJ) -> Dienst:
    return Dienst.objects.get_or_create(naam=naam, defaults={"soort": soort})[0]


def dienst_medewerker(dienst, functie=DienstFunctie.CONSULENT, **kwargs):
    gebruiker = GebruikerFactory(**kwargs)
    if not gebruiker.email:
        gebruiker.email = f"{gebruiker.username}@ocj.example"
        gebruiker.save()
    DienstMedewerker.objects.create(gebruiker=gebruiker, dienst=dienst, functie=functie)
    return gebruiker


def lezer(gebruiker, voorziening=None):
    return selectors.lezer(gebruiker=gebruiker, voorziening=voorziening)


def delen(
    afzender,
    voorziening,
    naar,
    *,
    geadresseerde=None,
    dagen=30,
    bestand=None,
    **kwargs,
):
    """A share through the service, as the form would make it."""
    bestand = bestand or pdf()
    ontvanger = services.Ontvanger(
        organisatie=naar,
        naam=geadresseerde.get_full_name() if geadresseerde else "Directie",
        email=geadresseerde.email if geadresseerde else "directie@voorziening.example",
        delen_tot=timezone.localdate() + datetime.timedelta(days=dagen),
        geadresseerde=geadresseerde,
    )
    return services.document_delen(
        lezer=lezer(afzender, voorziening),
        bestand=bestand,
        bestandsnaam=bestand.name,
        grootte=bestand.size,
        ontvangers=[ontvanger],
        **kwargs,
    )
