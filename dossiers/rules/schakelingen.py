"""Beslissingen and schakelingen (000 §4.2.1–§4.2.6): modules, chronology, processed years, the
input as a whole and the warnings to confirm."""

import datetime
from collections.abc import Collection, Iterable

from django.core.exceptions import ValidationError

from binc.constants import Detailvraag, Functie, Organisatietype
from binc.models import Module
from dossiers.constants import (
    EINDIGT_IN_VERWERKT_JAAR,
    ONGEBOREN_TYPES,
    START_IN_VERWERKT_JAAR,
    Aanmelder,
    SchakelingSoort,
)
from dossiers.rules.groeipakket import (
    PLEEGZORGER_VERPLICHT,
    groeipakket_waarschuwing,
    groeipakket_wijziging,
    overgangsregeling_van_toepassing,
    pleegzorgers_verplicht,
)
from dossiers.rules.invoer import DossierFeiten, Fouten, ModuleKeuze, Periode, SchakelingInvoer
from lib.dates import zorgdatum_fout

# Typemodules the warnings of 000 §4.2.3 name.
ONDERSTEUNENDE_PLEEGZORG = "pleeggezin-ondersteunend"


CMP_CRISISBEGELEIDING = "crisisbegeleiding-cmp"


CMP_CRISISVERBLIJF = "crisisverblijf-cmp"


GEEN_ZORG_1G1P = (
    "Een samenwerkingsverband '1 Gezin, 1 Plan' registreert geen beslissingen of schakelingen."
)


GEEN_NIEUWE_IN_VERWERKT_JAAR = (
    "Nieuwe schakelingen kunnen niet gecreëerd worden in een jaar waarin alle kwartaalrapporten "
    "verwerkt zijn."
)


NIET_NAAR_VERWERKT_JAAR = (
    "Een schakeling kan niet verplaatst worden naar een verwerkt jaar ({jaar})."
)


GEEN_VERWIJDEREN_IN_VERWERKT_JAAR = (
    "Een schakeling die start in een verwerkt jaar kan niet worden verwijderd."
)


VERLENGING_NIET_MOGELIJK = "Een verlenging is hier niet mogelijk."


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _refused(modules: Iterable[Module], approved: Collection[int], keep: Collection[int]) -> str:
    return ", ".join(m.code for m in modules if m.pk not in approved and m.pk not in keep)


def beslissing_check(
    feiten: DossierFeiten,
    *,
    begindatum: datetime.date,
    modules: list[Module],
    approved: Collection[int],
    keep: Collection[int] = (),
) -> None:
    """Modules approved for the voorziening on the begin date (a module already on the
    beslissing may stay); nothing begins after the dossier was closed."""
    if feiten.organisatietype == Organisatietype.GEZIN_1G1P:
        raise ValidationError(GEEN_ZORG_1G1P)
    fouten = Fouten()
    if not modules:
        fouten.add("modules", "Kies minstens één module.")
    if refused := _refused(modules, approved, keep):
        fouten.add(
            "modules", f"Niet goedgekeurd voor je voorziening op {begindatum:%d/%m/%Y}: {refused}."
        )
    if fout := zorgdatum_fout(begindatum, vandaag=feiten.vandaag, geboorte=_geboren(feiten)):
        fouten.add("begindatum", fout)
    if feiten.afgesloten_op and begindatum > feiten.afgesloten_op:
        fouten.add(
            "begindatum",
            f"Het dossier werd afgesloten op {feiten.afgesloten_op:%d/%m/%Y}: niets kan daarna "
            "beginnen.",
        )
    fouten.raise_any()


def _geboren(feiten: DossierFeiten) -> datetime.date | None:
    """The birth date no care may precede; none where help may start before birth (000 §3.2)."""
    return None if feiten.organisatietype in ONGEBOREN_TYPES else feiten.geboortedatum


def _eendaags(periode: Periode) -> bool:
    return periode.einddatum == periode.begindatum


def check_na_vorige(vorige: Periode | None, nieuw: Periode) -> None:
    """000 §4.2.2: a schakeling begins on or after the previous one's end, so a seamless
    follow-up starts on that very day, also after a one-day schakeling. Two one-day
    schakelingen on the same day would be the same day twice: refused."""
    if vorige is None:
        return
    if (
        vorige.einddatum is None
        or nieuw.begindatum < vorige.einddatum
        or (_eendaags(vorige) and _eendaags(nieuw) and nieuw.begindatum == vorige.begindatum)
    ):
        einde = f"{vorige.einddatum:%d/%m/%Y}" if vorige.einddatum else "nog niet ingevuld"
        raise ValidationError(
            {
                "begindatum": [
                    "De begindatum moet op of na de einddatum van de vorige schakeling liggen "
                    f"({einde}): schakelingen overlappen niet."
                ]
            }
        )


def soort_van(vorige: Periode | None, *, verlenging: bool) -> str:
    """Start hulpaanbod (the very first), Verlenging, or Schakeling (000 §4.2.2, §4.2.6)."""
    if vorige is None:
        return SchakelingSoort.START_HULPAANBOD
    return SchakelingSoort.VERLENGING if verlenging else SchakelingSoort.SCHAKELING


def verlenging_mogelijk(
    vorige: Periode | None, *, onder_andere_beslissing: bool, verwerkt: Collection[int]
) -> bool:
    """A verlenging continues the previous offer under a new beslissing; not when the previous
    schakeling ends in a processed year (000 §4.2.4.1, §4.2.6)."""
    if vorige is None or not onder_andere_beslissing:
        return False
    return not (vorige.einddatum and vorige.einddatum.year in verwerkt)


def verlenging_van(vorige: SchakelingInvoer, invoer: SchakelingInvoer) -> SchakelingInvoer:
    """Verlenging (000 §4.2.6): the previous offer (modules, detail, pleegzorgers) with the new
    dates."""
    return SchakelingInvoer(
        begindatum=invoer.begindatum,
        einddatum=invoer.einddatum,
        modules=vorige.modules,
        zwaartepunt_elders=vorige.zwaartepunt_elders,
        uitbetaling_aan_ouders=vorige.uitbetaling_aan_ouders,
        pleegzorgers=vorige.pleegzorgers,
        verlenging=True,
    )


def schakeling_wijzigbaar(schakeling: Periode, verwerkt: Collection[int]) -> bool:
    """000 §4.2.4.1: a schakeling ending in a processed year cannot be changed."""
    return not (schakeling.einddatum and schakeling.einddatum.year in verwerkt)


def schakeling_verwijderbaar(schakeling: Periode, verwerkt: Collection[int]) -> bool:
    """000 §4.2.4.1: one starting (or ending) in a processed year cannot be deleted."""
    return (
        schakeling_wijzigbaar(schakeling, verwerkt) and schakeling.begindatum.year not in verwerkt
    )


def schakeling_toevoegbaar(
    laatste: Periode | None, *, afgesloten_op: datetime.date | None, verwerkt: Collection[int]
) -> bool:
    """Whether the dossier has room for a new schakeling: a closed one only before its closing
    date, after the last schakeling's end (000 §9), in a year not processed (§4.2.4.1)."""
    if afgesloten_op is None:
        return True
    if afgesloten_op.year in verwerkt:
        return False
    return laatste is None or (laatste.einddatum is not None and laatste.einddatum < afgesloten_op)


def check_nieuw_in_verwerkt_jaar(begindatum: datetime.date, verwerkt: Collection[int]) -> None:
    if begindatum.year in verwerkt:
        raise ValidationError({"begindatum": [GEEN_NIEUWE_IN_VERWERKT_JAAR]})


def check_wijziging_verwerkt(
    voor: SchakelingInvoer, na: SchakelingInvoer, verwerkt: Collection[int]
) -> None:
    """Ending in a processed year: unchangeable. Starting in one: only the end date may change,
    to a date after the last processed year. Neither date may move into a processed year."""
    if not verwerkt:
        return
    if voor.einddatum and voor.einddatum.year in verwerkt:
        raise ValidationError(EINDIGT_IN_VERWERKT_JAAR)
    if voor.begindatum.year in verwerkt:
        if voor.begindatum != na.begindatum or voor.aanbod() != na.aanbod():
            raise ValidationError(START_IN_VERWERKT_JAAR)
        laatste = max(verwerkt)
        if na.einddatum is not None and na.einddatum <= _year_end(laatste):
            raise ValidationError(
                {
                    "einddatum": [
                        f"De einddatum moet na het laatste verwerkte jaar ({laatste}) liggen."
                    ]
                }
            )
        return
    fouten = Fouten()
    if na.begindatum.year in verwerkt:
        fouten.add("begindatum", NIET_NAAR_VERWERKT_JAAR.format(jaar=na.begindatum.year))
    if na.einddatum and na.einddatum.year in verwerkt:
        fouten.add("einddatum", NIET_NAAR_VERWERKT_JAAR.format(jaar=na.einddatum.year))
    fouten.raise_any()


def check_verwijderen(begindatum: datetime.date, verwerkt: Collection[int]) -> None:
    if begindatum.year in verwerkt:
        raise ValidationError(GEEN_VERWIJDEREN_IN_VERWERKT_JAAR)


DETAIL_MESSAGES: dict[str, str] = {
    Detailvraag.BEHANDELING_GERICHT_OP: "Duid aan op wie de behandelpleegzorg gericht is.",
    Detailvraag.OB_VORM: "Duid aan welke vorm van ondersteunende begeleiding geboden wordt.",
}


def detail_ontbreekt(keuze: ModuleKeuze) -> list[tuple[str, str]]:
    """The per-module questions the catalogue asks for this module and that are unanswered."""
    missing = []
    vraag = keuze.module.typemodule.detailvraag
    if vraag == Detailvraag.BEHANDELING_GERICHT_OP and not keuze.behandeling_gericht_op:
        missing.append((vraag, DETAIL_MESSAGES[vraag]))
    if vraag == Detailvraag.OB_VORM and not keuze.ob_vorm:
        missing.append((vraag, DETAIL_MESSAGES[vraag]))
    if keuze.module.vraagt_overbruggingszorg and keuze.overbruggingszorg is None:
        missing.append(("overbruggingszorg", "Duid aan of het om overbruggingszorg gaat."))
    return missing


ZWAARTEPUNT_PLEEGZORG = (
    "Wanneer pleegzorg betrokken is, mag 'zwaartepunt verblijf elders' nooit aangevinkt worden: "
    "deze cliënt verblijft in deze periode (ook) in een pleeggezin."
)


def zwaartepunt_elders_vraagt_pleegzorg(feiten: DossierFeiten, invoer: SchakelingInvoer) -> bool:
    """Whether the service must look for pleegzorg elsewhere: 'zwaartepunt elders' ticked in a
    voorziening that is not a pleegzorg service (there the tick means 'combinatie met
    verblijf')."""
    return invoer.zwaartepunt_elders and feiten.organisatietype != Organisatietype.PLEEGZORG


def zwaartepunt_elders_verboden(
    feiten: DossierFeiten, invoer: SchakelingInvoer, *, pleegzorg_elders: bool
) -> bool:
    """000 §4.2.7: a residential voorziening never ticks 'zwaartepunt elders' when pleegzorg is
    involved: a pleegzorg module in this schakeling, or the client in a pleeggezin in any
    dossier during its period. Otherwise the D227 would silently not be sent."""
    if not zwaartepunt_elders_vraagt_pleegzorg(feiten, invoer):
        return False
    hier = any(k.module.typemodule.pleegzorg for k in invoer.modules)
    return hier or pleegzorg_elders


def check_invoer(
    feiten: DossierFeiten,
    invoer: SchakelingInvoer,
    *,
    approved: Collection[int],
    bestaand: Collection[int] = (),
    pleegzorg_elders: bool = False,
) -> None:
    """`pleegzorg_elders`: the client is in a pleeggezin (any dossier, any voorziening) during
    the schakeling's period, read by the service only when 'zwaartepunt elders' is ticked."""
    fouten = Fouten()
    for veld, datum in (("begindatum", invoer.begindatum), ("einddatum", invoer.einddatum)):
        if datum and (
            fout := zorgdatum_fout(datum, vandaag=feiten.vandaag, geboorte=_geboren(feiten))
        ):
            fouten.add(veld, fout)
    if invoer.einddatum and invoer.einddatum < invoer.begindatum:
        fouten.add("einddatum", "De einddatum kan niet vóór de begindatum liggen.")
    if feiten.afgesloten_op:
        if invoer.einddatum is None:
            fouten.add(
                "einddatum", "In een afgesloten dossier heeft elke schakeling een einddatum."
            )
        elif invoer.einddatum > feiten.afgesloten_op:
            fouten.add(
                "einddatum",
                f"Het dossier werd afgesloten op {feiten.afgesloten_op:%d/%m/%Y}: de schakeling "
                "kan niet later eindigen.",
            )
    if not invoer.modules:
        fouten.add("modules", "Kies minstens één module.")
    if refused := _refused((k.module for k in invoer.modules), approved, bestaand):
        fouten.add(
            "modules",
            f"Niet goedgekeurd voor je voorziening op {invoer.begindatum:%d/%m/%Y}: {refused}.",
        )
    crisismeldpunt = feiten.aanmelder == Aanmelder.CRISISMELDPUNT
    for keuze in invoer.modules:
        if keuze.verzekerd_aanbod and not crisismeldpunt:
            fouten.add(
                "verzekerd_aanbod",
                "Verzekerd aanbod kan enkel bij een aanmelding door het crisismeldpunt.",
            )
        for name, message in detail_ontbreekt(keuze):
            fouten.add(name, message)
    if overgangsregeling_van_toepassing(feiten, invoer) and invoer.uitbetaling_aan_ouders is None:
        fouten.add(
            "uitbetaling_aan_ouders",
            "Dit veld is verplicht voor dit dossier (overgangsregeling pleegzorgtoeslag).",
        )
    if len(invoer.pleegzorgers) > 2:
        fouten.add("pleegzorgers", "Vul hoogstens twee pleegzorgers in.")
    if pleegzorgers_verplicht(feiten, invoer) and not invoer.pleegzorgers:
        fouten.add("pleegzorgers", PLEEGZORGER_VERPLICHT)
    if zwaartepunt_elders_verboden(feiten, invoer, pleegzorg_elders=pleegzorg_elders):
        fouten.add("zwaartepunt_elders", ZWAARTEPUNT_PLEEGZORG)
    fouten.raise_any()


class Waarschuwing(str):
    """A warning's text as the screen shows it, with a code that stays the same for systems
    that act on it (the API's 409)."""

    code: str

    def __new__(cls, code: str, tekst: str) -> "Waarschuwing":
        waarschuwing = super().__new__(cls, tekst)
        waarschuwing.code = code
        return waarschuwing


def waarschuwingen(
    feiten: DossierFeiten, invoer: SchakelingInvoer, *, voor: SchakelingInvoer | None, zelfde: bool
) -> list[Waarschuwing]:
    """What the manual warns about without forbidding it: the user confirms or changes it."""
    warnings = []
    typemodules = [k.module.typemodule for k in invoer.modules]
    verblijf = [t for t in typemodules if t.functie == Functie.VERBLIJF]
    pleegzorg = feiten.organisatietype == Organisatietype.PLEEGZORG
    if len(verblijf) > 1 and not (
        pleegzorg and any(t.code == ONDERSTEUNENDE_PLEEGZORG for t in verblijf)
    ):
        warnings.append(
            Waarschuwing(
                "meerdere_verblijfsmodules",
                "Een combinatie van meerdere verblijfsmodules is niet toegestaan (uitgezonderd "
                "Ondersteunende pleegzorg samen met een andere verblijfsmodule).",
            )
        )
    crisisverblijf = any(v.code == CMP_CRISISVERBLIJF for v in verblijf)
    if feiten.organisatietype == Organisatietype.CKG and verblijf:
        begeleidend = {Functie.CONTEXTBEGELEIDING, Functie.BEGELEIDING, Functie.CRISISHULP}
        begeleiding = [
            t
            for t in typemodules
            if t.functie in begeleidend and not (t.code == CMP_CRISISBEGELEIDING and crisisverblijf)
        ]
        if begeleiding:
            warnings.append(
                Waarschuwing(
                    "ckg_contextbegeleiding_apart",
                    "Voor CKG zit de contextbegeleiding vervat in de verblijfsmodule en wordt ze "
                    "niet afzonderlijk aangevinkt (behalve Crisisbegeleiding bij Crisisverblijf "
                    "op verwijzing van het crisismeldpunt).",
                )
            )
    if groeipakket_wijziging(feiten, invoer, voor=voor, zelfde=zelfde):
        warnings.append(Waarschuwing("groeipakket_d227", groeipakket_waarschuwing(feiten, invoer)))
    return warnings
