"""The rules of beslissingen and schakelingen (000 §4.2) as pure functions over plain data: dates,
the chosen modules with their catalogue properties, the dossier's facts and the processed years.
No queries and no clock: the services gather the facts, call these, and save. Each function
raises a ``ValidationError`` keyed by field, or returns a decision."""

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.core.exceptions import ValidationError

from binc.constants import Detailvraag, Functie, Organisatietype
from binc.dates import leeftijd
from binc.models import Module
from dossiers.constants import (
    EINDIGT_IN_VERWERKT_JAAR,
    START_IN_VERWERKT_JAAR,
    Aanmelder,
    SchakelingSoort,
    SpecifiekeAanmelding,
)

# 000 §4.2.7: pleegzorg messages since the release of 26/05/2020; the transitional arrangement
# for dossiers running before 01/01/2019.
PLEEGZORG_GROEIPAKKET_SINDS = datetime.date(2020, 5, 26)
OVERGANGSREGELING_VOOR = datetime.date(2019, 1, 1)
PLEEGZORGERS_TOT_LEEFTIJD = 25
# Typemodules the warnings of 000 §4.2.3 name.
ONDERSTEUNENDE_PLEEGZORG = "pleeggezin-ondersteunend"
CMP_CRISISBEGELEIDING = "crisisbegeleiding-cmp"
CMP_CRISISVERBLIJF = "crisisverblijf-cmp"
PLEEGZORG_TYPEMODULE_PREFIX = "pleeggezin"

GEEN_ZORG_1G1P = (
    "Een samenwerkingsverband '1 Gezin, 1 Plan' registreert geen beslissingen of schakelingen."
)
GROEIPAKKET_WAARSCHUWING = (
    "Deze schakeling schakelt modules met impact op het Groeipakket in of uit: er zal een bericht "
    "(D227) naar de kinderbijslagfondsen verzonden worden. Controleer de gegevens en bevestig, of "
    "pas de schakeling aan."
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
PLEEGZORGER_VERPLICHT = (
    "Vul minstens één pleegzorger in (rijksregisternummer en naam): nodig voor de uitbetaling "
    "van het Groeipakket."
)
VERLENGING_NIET_MOGELIJK = "Een verlenging is hier niet mogelijk."


class Periode(Protocol):
    """Anything with a begin and an optional end: a saved schakeling or an input."""

    begindatum: datetime.date
    einddatum: datetime.date | None


@dataclass(frozen=True)
class DossierFeiten:
    """What the rules need to know about the dossier, read once by the service."""

    organisatietype: str
    aanmelder: str = ""
    specifieke_aanmelding: str = ""
    geboortedatum: datetime.date | None = None
    afgesloten_op: datetime.date | None = None
    # 'Startdatum lopend dossier', else the first schakeling's begin (000 §4.1).
    start: datetime.date | None = None


@dataclass
class ModuleKeuze:
    """One module of a schakeling with its per-module detail (000 §4.2.3)."""

    module: Module
    verzekerd_aanbod: bool = False
    behandeling_gericht_op: list[str] = field(default_factory=list)
    overbruggingszorg: bool | None = None
    ob_vorm: str = ""

    def key(self) -> tuple[object, ...]:
        return (
            self.module.pk,
            self.verzekerd_aanbod,
            tuple(self.behandeling_gericht_op),
            self.overbruggingszorg,
            self.ob_vorm,
        )


@dataclass
class SchakelingInvoer:
    """A schakeling as the user gives it, or as it is stored (for comparing)."""

    begindatum: datetime.date
    einddatum: datetime.date | None
    modules: list[ModuleKeuze]
    zwaartepunt_elders: bool = False
    uitbetaling_aan_ouders: bool | None = None
    pleegzorgers: list[tuple[str, str]] = field(default_factory=list)
    verlenging: bool = False

    def aanbod(self) -> tuple[object, ...]:
        """Everything but the dates: what a verlenging copies and a processed year locks."""
        return (
            sorted(k.key() for k in self.modules),  # type: ignore[type-var]
            self.zwaartepunt_elders,
            self.uitbetaling_aan_ouders,
            self.pleegzorgers,
        )


class Fouten:
    """Collects field errors and raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _refused(modules: Iterable[Module], approved: Collection[int], keep: Collection[int]) -> str:
    return ", ".join(m.code for m in modules if m.pk not in approved and m.pk not in keep)


# --- Beslissingen (000 §4.2.1) -------------------------------------------------------------


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
    if feiten.afgesloten_op and begindatum > feiten.afgesloten_op:
        fouten.add(
            "begindatum",
            f"Het dossier werd afgesloten op {feiten.afgesloten_op:%d/%m/%Y}: niets kan daarna "
            "beginnen.",
        )
    fouten.raise_any()


# --- Chronology (000 §4.2.2) ---------------------------------------------------------------


def check_na_vorige(vorige: Periode | None, begindatum: datetime.date) -> None:
    """A schakeling begins on or after the previous one's end (a seamless follow-up on that
    very day) and after the previous one began."""
    if vorige is None:
        return
    if vorige.einddatum is None or begindatum < vorige.einddatum or begindatum <= vorige.begindatum:
        einde = f"{vorige.einddatum:%d/%m/%Y}" if vorige.einddatum else "nog niet ingevuld"
        raise ValidationError(
            {
                "begindatum": [
                    "De begindatum moet op of na de einddatum van de vorige schakeling liggen "
                    f"({einde}) en na haar begindatum: schakelingen overlappen niet."
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


# --- Processed years (000 §4.2.4.1) --------------------------------------------------------


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


# --- Groeipakket impact (000 §4.2, §4.2.7) -------------------------------------------------


def groeipakket_modules(
    modules: Iterable[Module], *, geboortedatum: datetime.date | None, op: datetime.date
) -> list[Module]:
    """Modules with child-benefit impact for this client on this day (DOMAIN §5 table)."""
    result = []
    for module in modules:
        typemodule = module.typemodule
        if not typemodule.groeipakket_impact:
            continue
        limit = typemodule.groeipakket_leeftijdsgrens
        if limit is None or geboortedatum is None or leeftijd(geboortedatum, op) < limit:
            result.append(module)
    return result


def meldt_groeipakket(feiten: DossierFeiten, *, zwaartepunt_elders: bool) -> bool:
    """000 §4.1: a time-out dossier sends no schakeling at all; 'zwaartepunt elders' (for
    pleegzorg: 'combinatie met verblijf') sends nothing either."""
    timeout = feiten.specifieke_aanmelding == SpecifiekeAanmelding.TIME_OUT
    return not timeout and not zwaartepunt_elders


def impact(feiten: DossierFeiten, modules: Iterable[Module], op: datetime.date) -> set[int]:
    return {m.pk for m in groeipakket_modules(modules, geboortedatum=feiten.geboortedatum, op=op)}


def groeipakket_wijziging(
    feiten: DossierFeiten, invoer: SchakelingInvoer, *, voor: SchakelingInvoer | None, zelfde: bool
) -> bool:
    """Whether modules with child-benefit impact start or stop (000 §4.2). `voor` is the
    previous schakeling (when adding) or this schakeling before the change (`zelfde`)."""
    if not meldt_groeipakket(feiten, zwaartepunt_elders=invoer.zwaartepunt_elders):
        return False
    nu = impact(feiten, (k.module for k in invoer.modules), invoer.begindatum)
    eerder: set[int] = set()
    if voor is not None:
        eerder = impact(feiten, (k.module for k in voor.modules), voor.begindatum)
    if nu != eerder:
        return True
    if not nu or voor is None:
        return False
    if zelfde:
        return (invoer.begindatum, invoer.einddatum) != (voor.begindatum, voor.einddatum)
    return invoer.einddatum is not None


def verwijdering_meldt_groeipakket(feiten: DossierFeiten, schakeling: SchakelingInvoer) -> bool:
    if not meldt_groeipakket(feiten, zwaartepunt_elders=schakeling.zwaartepunt_elders):
        return False
    return bool(impact(feiten, (k.module for k in schakeling.modules), schakeling.begindatum))


def pleegzorgers_gevraagd(invoer: SchakelingInvoer) -> bool:
    """Pleegzorger fields show for perspectiefzoekende or -biedende pleegzorg (catalogue), unless
    the transitional arrangement pays the parents (000 §4.2.7)."""
    gevraagd = any(k.module.typemodule.pleegzorgers_gevraagd for k in invoer.modules)
    return gevraagd and not invoer.uitbetaling_aan_ouders


def pleegzorgers_verplicht(feiten: DossierFeiten, invoer: SchakelingInvoer) -> bool:
    """000 §4.2.7: 1 or 2 pleegzorgers for a client under 25 at the start, for schakelingen
    from 26/05/2020; from 25 on they stay visible but optional."""
    if not pleegzorgers_gevraagd(invoer) or invoer.begindatum < PLEEGZORG_GROEIPAKKET_SINDS:
        return False
    geboren = feiten.geboortedatum
    return geboren is None or leeftijd(geboren, invoer.begindatum) < PLEEGZORGERS_TOT_LEEFTIJD


def overgangsregeling_van_toepassing(feiten: DossierFeiten, invoer: SchakelingInvoer) -> bool:
    """'Uitbetaling aan ouders?' is asked on perspectiefbiedende pleegzorg in dossiers running
    before 01/01/2019 (000 §4.2.7)."""
    if not any(k.module.typemodule.overgangsregeling_pleegzorgtoeslag for k in invoer.modules):
        return False
    return (feiten.start or invoer.begindatum) < OVERGANGSREGELING_VOOR


# --- The input as a whole (000 §4.2.2–§4.2.7) ----------------------------------------------

DETAIL_MESSAGES = {
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


def check_invoer(
    feiten: DossierFeiten,
    invoer: SchakelingInvoer,
    *,
    approved: Collection[int],
    bestaand: Collection[int] = (),
) -> None:
    fouten = Fouten()
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
    if (
        invoer.zwaartepunt_elders
        and feiten.organisatietype != Organisatietype.PLEEGZORG
        and any(
            k.module.typemodule.code.startswith(PLEEGZORG_TYPEMODULE_PREFIX) for k in invoer.modules
        )
    ):
        fouten.add(
            "zwaartepunt_elders",
            "Wanneer pleegzorg betrokken is, mag 'zwaartepunt verblijf elders' nooit aangevinkt "
            "worden.",
        )
    fouten.raise_any()


def waarschuwingen(
    feiten: DossierFeiten, invoer: SchakelingInvoer, *, voor: SchakelingInvoer | None, zelfde: bool
) -> list[str]:
    """What the manual warns about without forbidding it: the user confirms or changes it."""
    warnings = []
    typemodules = [k.module.typemodule for k in invoer.modules]
    verblijf = [t for t in typemodules if t.functie == Functie.VERBLIJF]
    pleegzorg = feiten.organisatietype == Organisatietype.PLEEGZORG
    if len(verblijf) > 1 and not (
        pleegzorg and any(t.code == ONDERSTEUNENDE_PLEEGZORG for t in verblijf)
    ):
        warnings.append(
            "Een combinatie van meerdere verblijfsmodules is niet toegestaan (uitgezonderd "
            "Ondersteunende pleegzorg samen met een andere verblijfsmodule)."
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
                "Voor CKG zit de contextbegeleiding vervat in de verblijfsmodule en wordt ze niet "
                "afzonderlijk aangevinkt (behalve Crisisbegeleiding bij Crisisverblijf op "
                "verwijzing van het crisismeldpunt)."
            )
    if groeipakket_wijziging(feiten, invoer, voor=voor, zelfde=zelfde):
        warnings.append(GROEIPAKKET_WAARSCHUWING)
    return warnings
