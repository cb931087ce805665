"""The work list's kinds this app owns (000 §4.2, §10): beslissingen that end at a switching
age while care continues, schakelingen still running under a beslissing that a newer one
replaced, and reopen requests, waiting (for the voorziening) or to decide (for Opgroeien).
Each rule is a pure function of plain values; each kind asks its rows in one query."""

import datetime

from django.db.models import F, Min, Q
from django.utils import timezone

from binc.werk import Doelgroep, Werkcontext, Werkitem, Werksoort, registreer
from dossiers.constants import AanvraagStatus, DossierStatus, Verwijzingsgrond
from dossiers.models import Beslissing, HeropenAanvraag, Schakeling
from lib.dates import add_months

# 000 §4.2 (main text, "Enkele afspraken voor het registreren van een nieuwe beslissing", a):
# the toegangspoort sends a new beslissing at these "schakelleeftijden". That the previous one
# ends on the first of them after its begin date is our reading (docs/decisions.md).
SCHAKELLEEFTIJDEN = (6, 12, 17, 21, 24)
# The horizon: a beslissing that ends within 30 days is due now.
VOORUITZICHT = datetime.timedelta(days=30)

DOSSIER = ("pk", "code", "client__naam", "client__voornaam", "behandelaar_id")


def wat(code: str, naam: str, voornaam: str) -> str:
    return f"{code} – {naam} {voornaam}".strip()


def einde_beslissing(
    *, geboortedatum: datetime.date, begindatum: datetime.date
) -> datetime.date | None:
    """The day a toegangspoort's beslissing ends: the client's first switching age after its
    begin date. None past the last (jeugdhulp ends at 25)."""
    for leeftijd in SCHAKELLEEFTIJDEN:
        verjaardag = add_months(geboortedatum, 12 * leeftijd)
        if verjaardag > begindatum:
            return verjaardag
    return None


def beslissing_verloopt(
    *,
    geboortedatum: datetime.date,
    begindatum: datetime.date,
    laatste_einddatum: datetime.date | None,
    vandaag: datetime.date,
) -> datetime.date | None:
    """The end of the latest beslissing when it is due: within 30 days or passed, while care
    continues past it (a schakeling without end date, or ending later)."""
    einde = einde_beslissing(geboortedatum=geboortedatum, begindatum=begindatum)
    if einde is None or vandaag < einde - VOORUITZICHT:
        return None
    if laatste_einddatum is not None and laatste_einddatum <= einde:
        return None
    return einde


def _beslissingen(context: Werkcontext) -> list[Werkitem]:
    # The latest beslissing of each open dossier whose care runs (000 §4.2: the most recent
    # begin date, then creation), in one pass: DISTINCT ON instead of a subquery per dossier.
    rijen = (
        Beslissing.objects.filter(
            dossier__status=DossierStatus.OPEN,
            dossier__aanmelding__via_toegangspoort=True,
            dossier__laatste_schakeling_begindatum__isnull=False,
            dossier__client__geboortedatum__isnull=False,
        )
        .exclude(dossier__laatste_schakeling_einddatum__lt=context.vandaag)
        .order_by("dossier_id", "-begindatum", "-aangemaakt_op", "-id")
        .distinct("dossier_id")
        .values_list(
            *(f"dossier__{veld}" for veld in DOSSIER),
            "dossier__client__geboortedatum",
            "begindatum",
            "dossier__laatste_schakeling_einddatum",
            "verwijzingsgrond",
        )
    )
    items = []
    for pk, code, naam, voornaam, behandelaar, geboren, begin, einddatum, grond in rijen:
        if grond != Verwijzingsgrond.VRIJWILLIG:
            continue  # a court order's term is not in Binc
        einde = beslissing_verloopt(
            geboortedatum=geboren,
            begindatum=begin,
            laatste_einddatum=einddatum,
            vandaag=context.vandaag,
        )
        if einde is not None:
            items.append(
                Werkitem(
                    soort=BESLISSING.sleutel,
                    wat=wat(code, naam, voornaam),
                    waarom=(
                        f"De beslissing van {begin:%d/%m/%Y} loopt af op de schakelleeftijd "
                        "terwijl de hulp doorloopt: registreer de nieuwe beslissing van de "
                        "toegangspoort en een verlenging."
                    ),
                    datum=einde,
                    actie="dossiers:beslissing_nieuw",
                    args=(pk,),
                    behandelaar_id=behandelaar,
                )
            )
    return items


def loopt_door(*, einddatum: datetime.date | None, nieuwe_beslissing: datetime.date) -> bool:
    """A schakeling runs past its beslissing when it goes on after a newer one began; a
    seamless verlenging starts on that day, which the two share (000 §4.2)."""
    return einddatum is None or einddatum > nieuwe_beslissing


def _schakelingen(context: Werkcontext) -> list[Werkitem]:
    latere = F("dossier__beslissingen__begindatum")
    nieuwer = Q(dossier__beslissingen__begindatum__gt=F("beslissing__begindatum")) | Q(
        dossier__beslissingen__begindatum=F("beslissing__begindatum"),
        dossier__beslissingen__aangemaakt_op__gt=F("beslissing__aangemaakt_op"),
    )
    rijen = (
        # Only the most recent schakeling can be changed (000 §4.2), the one the dossier's
        # summary names; the others are history.
        Schakeling.objects.filter(
            dossier__status=DossierStatus.OPEN,
            begindatum=F("dossier__laatste_schakeling_begindatum"),
        )
        .annotate(nieuwe=Min(latere, filter=nieuwer))
        .filter(nieuwe__isnull=False)
        .values_list(
            "dossier_id",
            "dossier__code",
            "dossier__client__naam",
            "dossier__client__voornaam",
            "dossier__behandelaar_id",
            "begindatum",
            "einddatum",
            "nieuwe",
        )
    )
    return [
        Werkitem(
            soort=SCHAKELING.sleutel,
            wat=wat(code, naam, voornaam),
            waarom=(
                f"De schakeling van {begin:%d/%m/%Y} loopt door na de nieuwe beslissing van "
                f"{nieuwe:%d/%m/%Y}: sluit ze af en registreer een verlenging onder die beslissing."
            ),
            datum=nieuwe,
            termijn=False,
            actie="dossiers:schakeling_nieuw",
            args=(pk,),
            behandelaar_id=behandelaar,
        )
        for pk, code, naam, voornaam, behandelaar, begin, einddatum, nieuwe in rijen
        if loopt_door(einddatum=einddatum, nieuwe_beslissing=nieuwe)
    ]


def _heropenen_wacht(context: Werkcontext) -> list[Werkitem]:
    rijen = HeropenAanvraag.objects.filter(status=AanvraagStatus.INGEDIEND).values_list(
        *(f"dossier__{veld}" for veld in DOSSIER), "aangevraagd_op"
    )
    return [
        Werkitem(
            soort=HEROPENEN_WACHT.sleutel,
            wat=wat(code, naam, voornaam),
            waarom="De aanvraag tot heropenen wacht op de dossierbehandelaar van Opgroeien.",
            datum=timezone.localdate(aangevraagd),
            termijn=False,
            actie="dossiers:dossier_detail",
            args=(pk,),
            behandelaar_id=behandelaar,
            wacht_op="Opgroeien",
        )
        for pk, code, naam, voornaam, behandelaar, aangevraagd in rijen
    ]


def _heropenen_beslissen(context: Werkcontext) -> list[Werkitem]:
    rijen = HeropenAanvraag.objects.filter(status=AanvraagStatus.INGEDIEND).values_list(
        "pk", "dossier__code", "dossier__voorziening__naam", "aangevraagd_op"
    )
    return [
        Werkitem(
            soort=HEROPENEN_BESLISSEN.sleutel,
            wat=code,
            waarom=(
                "Een aanvraag tot heropenen: de laatste schakeling eindigde meer dan een jaar "
                "geleden. Keur goed of af."
            ),
            datum=timezone.localdate(aangevraagd),
            termijn=False,
            # The request itself, where it is approved or rejected.
            actie="opgroeien:dossiers_heropenaanvraag_change",
            args=(pk,),
            voorziening=voorziening,
        )
        for pk, code, voorziening, aangevraagd in rijen
    ]


BESLISSING = Werksoort("beslissing", "Beslissing loopt af", Doelgroep.VOORZIENING, _beslissingen)
SCHAKELING = Werksoort(
    "schakeling", "Schakeling na een nieuwe beslissing", Doelgroep.VOORZIENING, _schakelingen
)
HEROPENEN_WACHT = Werksoort(
    "heropenen", "Aanvraag tot heropenen wacht", Doelgroep.VOORZIENING, _heropenen_wacht
)
HEROPENEN_BESLISSEN = Werksoort(
    "heropenen",
    "Aanvraag tot heropenen",
    Doelgroep.OPGROEIEN,
    _heropenen_beslissen,
    permissie="dossiers.change_heropenaanvraag",
)


def registreren() -> None:
    registreer(BESLISSING, SCHAKELING, HEROPENEN_WACHT, HEROPENEN_BESLISSEN)
