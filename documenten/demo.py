"""Demo shares for `make run` (000 ch. 18): the CKG sends a handelingsplan to the OCJ consulent,
De Linde sends the CKG a verslag, and Voorzieningenbeleid sends the CKG's director a personal
document. Idempotent."""

from django.core.files.base import ContentFile
from django.utils import timezone

from binc.constants import DienstFunctie, Dienstsoort
from binc.models import Dienst, DienstMedewerker, Gebruiker, Voorziening
from binc.tenancy import voorziening_context
from documenten import selectors, services
from documenten.models import Document
from dossiers.models import Dossier

# A minimal valid PDF: what matters in the demo is the flow, not the content.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed(*, stdout) -> None:
    if Document.objects.exists():
        return
    ckg = Voorziening.objects.get(erkenningsnummer="CKG-2001")
    linde = Voorziening.objects.get(erkenningsnummer="OVB-1001")
    ocj = Dienst.objects.get(naam="OCJ Antwerpen")
    consulent = _met_email(Gebruiker.objects.get(username="consulent"), "sofie@ocj.example")
    ckg_mw = _met_email(Gebruiker.objects.get(username="ckg"), "ckg@nestje.example")
    linde_mw = Gebruiker.objects.get(username="ovbj")
    beleid = _beleid()
    vandaag = timezone.localdate()

    with voorziening_context(ckg):
        dossier = Dossier.objects.order_by("pk").first()
    _delen(
        ckg_mw,
        ckg,
        "handelingsplan-demo.pdf",
        "Handelingsplan",
        dossier.pk if dossier else None,
        services.Ontvanger(
            ocj,
            consulent.get_full_name(),
            consulent.email,
            services.delen_tot_uiterlijk(vandaag),
            geadresseerde=consulent,
        ),
    )
    _delen(
        linde_mw,
        linde,
        "evolutieverslag-demo.pdf",
        "Evolutieverslag",
        None,
        services.Ontvanger(
            ckg, "Demo CKG Het Nestje", ckg_mw.email, services.delen_tot_uiterlijk(vandaag)
        ),
    )
    # The CKG's demo user is on its 'Gebruikersbeheer documenten' list (000 §18.3.1).
    ckg_mw.rijksregisternummer = ckg_mw.rijksregisternummer or "85073003328"
    ckg_mw.last_login = ckg_mw.last_login or timezone.now()
    ckg_mw.save(update_fields=["rijksregisternummer", "last_login"])
    services.beheerder_toevoegen(voorziening=ckg, gebruiker=ckg_mw)
    _delen(
        beleid,
        None,
        "personeelslijst-demo.pdf",
        "Personeelslijst",
        None,
        services.Ontvanger(
            ckg,
            ckg_mw.get_full_name(),
            ckg_mw.email,
            services.delen_tot_uiterlijk(vandaag),
            geadresseerde=ckg_mw,
        ),
        persoonlijk=True,
    )
    stdout.write("Gedeelde documenten: ckg → consulent, ovbj → ckg, beleid → ckg (persoonlijk).")


def _met_email(gebruiker: Gebruiker, email: str) -> Gebruiker:
    if not gebruiker.email:
        gebruiker.email = email
        gebruiker.save(update_fields=["email"])
    return gebruiker


def _beleid() -> Gebruiker:
    gebruiker, created = Gebruiker.objects.get_or_create(
        username="beleid",
        defaults={"first_name": "Bert", "last_name": "Beleid", "email": "bert@opgroeien.example"},
    )
    if created:
        gebruiker.set_password("demo")
        gebruiker.save(update_fields=["password"])
    dienst = Dienst.objects.get(soort=Dienstsoort.VOORZIENINGENBELEID)
    DienstMedewerker.objects.get_or_create(
        gebruiker=gebruiker, dienst=dienst, defaults={"functie": DienstFunctie.ADMINISTRATIEF}
    )
    return gebruiker


def _delen(afzender, voorziening, naam, beschrijving, dossier_id, ontvanger, **kwargs) -> None:
    bestand = ContentFile(PDF, name=naam)
    services.document_delen(
        lezer=selectors.lezer(gebruiker=afzender, voorziening=voorziening),
        bestand=bestand,
        bestandsnaam=naam,
        grootte=bestand.size,
        ontvangers=[ontvanger],
        beschrijving=beschrijving,
        dossier_id=dossier_id,
        **kwargs,
    )
