"""Beslissingen and schakelingen (000 §4.2): the records benutting, bezetting, the kwartaal and
the child-benefit funds are computed from. Every rule is enforced here; the ones that protect
data also in PostgreSQL (no overlap: an exclusion constraint; end after begin: a check).

Every change locks the dossier row first, so two medewerkers working in the same dossier are
serialised: the first save wins and the second gets the manual's message (000 §11).
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from binc.concurrency import Conflict, save_versioned
from binc.constants import Functie, Organisatietype
from binc.models import Gebruiker, Module
from binc.selectors import modules_approved_on
from binc.services.activiteiten import activiteit_log
from dossiers.constants import (
    BESLISSING_WEG,
    EINDIGT_IN_VERWERKT_JAAR,
    NIET_MEEST_RECENTE_SCHAKELING,
    OPEN_SCHAKELING_INTUSSEN,
    START_IN_VERWERKT_JAAR,
    Aanmelder,
    SchakelingSoort,
    SpecifiekeAanmelding,
    WijzigingActie,
)
from dossiers.models import (
    Beslissing,
    Dossier,
    Pleegzorger,
    Schakeling,
    SchakelingModule,
    SchakelingWijziging,
)
from dossiers.selectors import dossier_get
from dossiers.services.clients import leeftijd
from dossiers.services.dossiers import dossier_touch
from kwartaal.selectors import verwerkte_jaren
from registratie.selectors import br_status

PERSPECTIEFBIEDEND = {"VBFINT04", "VBFINT05"}
PLEEGZORG_MET_PLEEGZORGERS = PERSPECTIEFBIEDEND | {"VBFINT06"}
OVERBRUGGINGSZORG_MODULES = {"VBFINT01"}  # Ondersteunende pleegzorg – korte duur
BEHANDELPLEEGZORG = "behandelpleegzorg"
ONDERSTEUNENDE_BEGELEIDING = "ondersteunende-begeleiding"
ONDERSTEUNENDE_PLEEGZORG = "pleeggezin-ondersteunend"
CMP_CRISISBEGELEIDING = "crisisbegeleiding-cmp"
CMP_CRISISVERBLIJF = "crisisverblijf-cmp"
# 000 §4.2.7: pleegzorg messages since the release of 26/05/2020; the transitional arrangement
# for dossiers running before 01/01/2019.
PLEEGZORG_GROEIPAKKET_SINDS = datetime.date(2020, 5, 26)
OVERGANGSREGELING_VOOR = datetime.date(2019, 1, 1)


@dataclass
class ModuleKeuze:
    module: Module
    verzekerd_aanbod: bool = False
    behandeling_gericht_op: list[str] = field(default_factory=list)
    overbruggingszorg: bool | None = None
    ob_vorm: str = ""


@dataclass
class SchakelingInvoer:
    begindatum: datetime.date
    einddatum: datetime.date | None
    modules: list[ModuleKeuze]
    zwaartepunt_elders: bool = False
    uitbetaling_aan_ouders: bool | None = None
    pleegzorgers: list[tuple[str, str]] = field(default_factory=list)
    verlenging: bool = False


GROEIPAKKET_WAARSCHUWING = (
    "Deze schakeling schakelt modules met impact op het Groeipakket in of uit: er zal een bericht "
    "(D227) naar de kinderbijslagfondsen verzonden worden. Controleer de gegevens en bevestig, of "
    "pas de schakeling aan."
)
GEEN_NIEUWE_IN_VERWERKT_JAAR = (
    "Nieuwe schakelingen kunnen niet gecreëerd worden in een jaar waarin alle kwartaalrapporten "
    "verwerkt zijn."
)
OVERLAP = "Deze schakeling overlapt met een andere schakeling in het dossier."
PLEEGZORGER_VERPLICHT = (
    "Vul minstens één pleegzorger in (rijksregisternummer en naam): nodig voor de uitbetaling "
    "van het Groeipakket."
)


def _check_na_vorige(vorige: Schakeling | None, begindatum: datetime.date) -> None:
    """000 §4.2.2: a schakeling begins on or after the previous one's end (a seamless follow-up
    on that very day) and after the previous one began."""
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


# --- Reading the dossier's care ------------------------------------------------------------------


def laatste_beslissing(dossier: Dossier) -> Beslissing | None:
    return Beslissing.objects.filter(dossier=dossier).order_by(*Beslissing._meta.ordering).first()


def laatste_schakeling(dossier: Dossier, *, behalve: int | None = None) -> Schakeling | None:
    queryset = Schakeling.objects.filter(dossier=dossier).exclude(pk=behalve)
    return (
        queryset.order_by("-begindatum", "-id")
        .prefetch_related("modules__module", "pleegzorgers")
        .first()
    )


def dossier_summary_refresh(dossier: Dossier) -> None:
    """Keep the start page's columns in step with the dossier's care, in the same transaction."""
    beslissing = laatste_beslissing(dossier)
    schakeling = laatste_schakeling(dossier)
    dossier_touch(
        dossier,
        laatste_beslissing_begindatum=beslissing.begindatum if beslissing else None,
        laatste_schakeling_begindatum=schakeling.begindatum if schakeling else None,
        laatste_schakeling_einddatum=schakeling.einddatum if schakeling else None,
        br_status=br_status(dossier),  # the three-month term runs from the first schakeling
    )


def _lock(dossier_pk: int) -> Dossier:
    return dossier_get(pk=dossier_pk, for_update=True)


# --- Beslissingen --------------------------------------------------------------------------


GEEN_ZORG_1G1P = (
    "Een samenwerkingsverband '1 Gezin, 1 Plan' registreert geen beslissingen of schakelingen."
)


def _beslissing_check(
    dossier: Dossier, begindatum: datetime.date, modules: list[Module], keep=()
) -> None:
    if dossier.voorziening.organisatietype == Organisatietype.GEZIN_1G1P:
        raise ValidationError(GEEN_ZORG_1G1P)
    errors: dict[str, list[str]] = {}
    if not modules:
        errors["modules"] = ["Kies minstens één module."]
    approved = set(modules_approved_on(voorziening=dossier.voorziening, datum=begindatum))
    refused = [m.code for m in modules if m not in approved and m.pk not in keep]
    if refused:
        errors.setdefault("modules", []).append(
            f"Niet goedgekeurd voor je voorziening op {begindatum:%d/%m/%Y}: {', '.join(refused)}."
        )
    if dossier.afgesloten_op and begindatum > dossier.afgesloten_op:
        errors["begindatum"] = [
            f"Het dossier werd afgesloten op {dossier.afgesloten_op:%d/%m/%Y}: niets kan daarna "
            "beginnen."
        ]
    if errors:
        raise ValidationError(errors)


def beslissing_create(
    *, dossier_pk: int, gebruiker: Gebruiker, modules: list[Module], **values: Any
) -> Beslissing:
    with transaction.atomic():
        dossier = _lock(dossier_pk)
        _beslissing_check(dossier, values["begindatum"], modules)
        beslissing = Beslissing.objects.create(dossier=dossier, **values)
        beslissing.modules.set(modules)
        dossier_summary_refresh(dossier)
        activiteit_log(
            voorziening=dossier.voorziening, gebruiker=gebruiker, actie="beslissing_aangemaakt",
            omschrijving=f"{beslissing} toegevoegd", obj=beslissing, dossier_id=dossier.pk,
        )  # fmt: skip
    return beslissing


def beslissing_update(
    *, beslissing_pk: int, versie: int, gebruiker: Gebruiker, modules: list[Module], **values: Any
) -> Beslissing:
    """All beslissingen stay editable (000 §4.2.4)."""
    with transaction.atomic():
        beslissing = Beslissing.objects.filter(pk=beslissing_pk).select_related("dossier").first()
        if beslissing is None:
            raise Conflict(BESLISSING_WEG)
        dossier = _lock(beslissing.dossier_id)
        current = set(beslissing.modules.values_list("pk", flat=True))
        _beslissing_check(dossier, values["begindatum"], modules, keep=current)
        for name, value in values.items():
            setattr(beslissing, name, value)
        save_versioned(
            beslissing, versie=versie, fields=[*values, "gewijzigd_op"], gone_message=BESLISSING_WEG
        )
        beslissing.modules.set(modules)
        dossier_summary_refresh(dossier)
        activiteit_log(
            voorziening=dossier.voorziening, gebruiker=gebruiker, actie="beslissing_gewijzigd",
            omschrijving=f"{beslissing} gewijzigd", obj=beslissing, dossier_id=dossier.pk,
        )  # fmt: skip
    return beslissing


def beslissing_delete(*, beslissing_pk: int, gebruiker: Gebruiker) -> None:
    with transaction.atomic():
        beslissing = Beslissing.objects.filter(pk=beslissing_pk).first()
        if beslissing is None:
            raise Conflict(BESLISSING_WEG)
        dossier = _lock(beslissing.dossier_id)
        if beslissing.schakelingen.exists():
            raise ValidationError(
                "Een beslissing kan enkel verwijderd worden als er geen schakelingen aan "
                "gekoppeld zijn. Verwijder eerst de schakelingen."
            )
        activiteit_log(
            voorziening=dossier.voorziening, gebruiker=gebruiker, actie="beslissing_verwijderd",
            omschrijving=f"{beslissing} verwijderd", obj=beslissing, dossier_id=dossier.pk,
        )  # fmt: skip
        beslissing.delete()
        dossier_summary_refresh(dossier)


# --- Schakelingen: rules ----------------------------------------------------------------------


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def groeipakket_modules(
    invoer_modules: list[Module], *, geboortedatum: datetime.date | None, op: datetime.date
) -> list[Module]:
    """Modules with child-benefit impact for this client on this day (DOMAIN §5 table)."""
    result = []
    for module in invoer_modules:
        typemodule = module.typemodule
        if not typemodule.groeipakket_impact:
            continue
        limit = typemodule.groeipakket_leeftijdsgrens
        if limit is None or geboortedatum is None or leeftijd(geboortedatum, op) < limit:
            result.append(module)
    return result


def _dossier_start(dossier: Dossier) -> datetime.date | None:
    aanmelding = dossier.aanmelding
    if aanmelding.startdatum_lopend_dossier:
        return aanmelding.startdatum_lopend_dossier
    first = Schakeling.objects.filter(dossier=dossier).order_by("begindatum").first()
    return first.begindatum if first else None


def pleegzorgers_verplicht(dossier: Dossier, invoer: SchakelingInvoer) -> bool:
    """000 §4.2.7: 1 or 2 pleegzorgers for a client under 25 at the start with perspectief-
    zoekende or -biedende pleegzorg, unless the transitional arrangement pays the parents."""
    codes = {k.module.code for k in invoer.modules}
    if not codes & PLEEGZORG_MET_PLEEGZORGERS or invoer.uitbetaling_aan_ouders:
        return False
    geboren = dossier.client.geboortedatum
    return geboren is None or leeftijd(geboren, invoer.begindatum) < 25


def overgangsregeling_van_toepassing(dossier: Dossier, invoer: SchakelingInvoer) -> bool:
    codes = {k.module.code for k in invoer.modules}
    start = _dossier_start(dossier) or invoer.begindatum
    return bool(codes & PERSPECTIEFBIEDEND) and start < OVERGANGSREGELING_VOOR


def _check_invoer(
    dossier: Dossier, invoer: SchakelingInvoer, *, bestaand: set[int] = frozenset()
) -> None:
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if invoer.einddatum and invoer.einddatum < invoer.begindatum:
        add("einddatum", "De einddatum kan niet vóór de begindatum liggen.")
    if dossier.afgesloten_op:
        if invoer.einddatum is None:
            add("einddatum", "In een afgesloten dossier heeft elke schakeling een einddatum.")
        elif invoer.einddatum > dossier.afgesloten_op:
            add(
                "einddatum",
                f"Het dossier werd afgesloten op {dossier.afgesloten_op:%d/%m/%Y}: de schakeling "
                "kan niet later eindigen.",
            )
    if not invoer.modules:
        add("modules", "Kies minstens één module.")
    approved = set(modules_approved_on(voorziening=dossier.voorziening, datum=invoer.begindatum))
    refused = [
        k.module.code
        for k in invoer.modules
        if k.module not in approved and k.module.pk not in bestaand
    ]
    if refused:
        add(
            "modules",
            f"Niet goedgekeurd voor je voorziening op {invoer.begindatum:%d/%m/%Y}: "
            f"{', '.join(refused)}.",
        )
    crisismeldpunt = dossier.aanmelding.aanmelder == Aanmelder.CRISISMELDPUNT
    for keuze in invoer.modules:
        typemodule = keuze.module.typemodule.code
        if keuze.verzekerd_aanbod and not crisismeldpunt:
            add(
                "verzekerd_aanbod",
                "Verzekerd aanbod kan enkel bij een aanmelding door het crisismeldpunt.",
            )
        if typemodule == BEHANDELPLEEGZORG and not keuze.behandeling_gericht_op:
            add("behandeling_gericht_op", "Duid aan op wie de behandelpleegzorg gericht is.")
        if keuze.module.code in OVERBRUGGINGSZORG_MODULES and keuze.overbruggingszorg is None:
            add("overbruggingszorg", "Duid aan of het om overbruggingszorg gaat.")
        if typemodule == ONDERSTEUNENDE_BEGELEIDING and not keuze.ob_vorm:
            add("ob_vorm", "Duid aan welke vorm van ondersteunende begeleiding geboden wordt.")
    if overgangsregeling_van_toepassing(dossier, invoer) and invoer.uitbetaling_aan_ouders is None:
        add(
            "uitbetaling_aan_ouders",
            "Dit veld is verplicht voor dit dossier (overgangsregeling pleegzorgtoeslag).",
        )
    if len(invoer.pleegzorgers) > 2:
        add("pleegzorgers", "Vul hoogstens twee pleegzorgers in.")
    if (
        pleegzorgers_verplicht(dossier, invoer)
        and invoer.begindatum >= PLEEGZORG_GROEIPAKKET_SINDS
        and not invoer.pleegzorgers
    ):
        add(
            "pleegzorgers",
            PLEEGZORGER_VERPLICHT,
        )
    if (
        invoer.zwaartepunt_elders
        and dossier.voorziening.organisatietype != Organisatietype.PLEEGZORG
        and any(k.module.typemodule.code.startswith("pleeggezin") for k in invoer.modules)
    ):
        add(
            "zwaartepunt_elders",
            "Wanneer pleegzorg betrokken is, mag 'zwaartepunt verblijf elders' nooit aangevinkt "
            "worden.",
        )
    if errors:
        raise ValidationError(errors)


def schakeling_waarschuwingen(
    dossier: Dossier, invoer: SchakelingInvoer, *, voor: Schakeling | None, zelfde: bool
) -> list[str]:
    """What the manual warns about without forbidding it: the user confirms or changes it."""
    warnings = []
    typemodules = [k.module.typemodule for k in invoer.modules]
    verblijf = [t for t in typemodules if t.functie == Functie.VERBLIJF]
    pleegzorg = dossier.voorziening.organisatietype == Organisatietype.PLEEGZORG
    if len(verblijf) > 1 and not (
        pleegzorg and any(t.code == ONDERSTEUNENDE_PLEEGZORG for t in verblijf)
    ):
        warnings.append(
            "Een combinatie van meerdere verblijfsmodules is niet toegestaan (uitgezonderd "
            "Ondersteunende pleegzorg samen met een andere verblijfsmodule)."
        )
    crisisverblijf = any(v.code == CMP_CRISISVERBLIJF for v in verblijf)
    if dossier.voorziening.organisatietype == Organisatietype.CKG and verblijf:
        begeleiding = [
            t for t in typemodules
            if t.functie in {Functie.CONTEXTBEGELEIDING, Functie.BEGELEIDING, Functie.CRISISHULP}
            and not (t.code == CMP_CRISISBEGELEIDING and crisisverblijf)
        ]  # fmt: skip
        if begeleiding:
            warnings.append(
                "Voor CKG zit de contextbegeleiding vervat in de verblijfsmodule en wordt ze niet "
                "afzonderlijk aangevinkt (behalve Crisisbegeleiding bij Crisisverblijf op "
                "verwijzing van het crisismeldpunt)."
            )
    if groeipakket_wijziging(dossier, invoer, voor=voor, zelfde=zelfde):
        warnings.append(GROEIPAKKET_WAARSCHUWING)
    return warnings


def _meldt_groeipakket(dossier: Dossier, zwaartepunt_elders: bool) -> bool:
    # 000 §4.1: a time-out dossier sends no schakeling at all; 'zwaartepunt elders' (for
    # pleegzorg: 'combinatie met verblijf') sends nothing either.
    timeout = dossier.aanmelding.specifieke_aanmelding == SpecifiekeAanmelding.TIME_OUT
    return not timeout and not zwaartepunt_elders


def _impact(dossier: Dossier, modules: list[Module], op: datetime.date) -> set[int]:
    geboren = dossier.client.geboortedatum
    return {m.pk for m in groeipakket_modules(modules, geboortedatum=geboren, op=op)}


def groeipakket_wijziging(
    dossier: Dossier, invoer: SchakelingInvoer, *, voor: Schakeling | None, zelfde: bool
) -> bool:
    """Whether modules with child-benefit impact start or stop (000 §4.2). `voor` is the
    previous schakeling (when adding) or this schakeling before the change (`zelfde`)."""
    if not _meldt_groeipakket(dossier, invoer.zwaartepunt_elders):
        return False
    nu = _impact(dossier, [k.module for k in invoer.modules], invoer.begindatum)
    eerder = set()
    if voor is not None:
        eerder = _impact(dossier, [sm.module for sm in voor.modules.all()], voor.begindatum)
    if nu != eerder:
        return True
    if not nu:
        return False
    if zelfde:
        return (invoer.begindatum, invoer.einddatum) != (voor.begindatum, voor.einddatum)
    return invoer.einddatum is not None


def snapshot(schakeling: Schakeling) -> dict[str, Any]:
    """Everything the Groeipakket feed needs about a schakeling, as plain JSON."""
    beslissing = schakeling.beslissing
    return {
        "dossier": schakeling.dossier.code,
        "client": schakeling.dossier.client.rijksregisternummer,
        "soort": schakeling.soort,
        "begindatum": schakeling.begindatum.isoformat(),
        "einddatum": schakeling.einddatum.isoformat() if schakeling.einddatum else None,
        "verwijzingsgrond": beslissing.verwijzingsgrond,
        "zwaartepunt_elders": schakeling.zwaartepunt_elders,
        "uitbetaling_aan_ouders": schakeling.uitbetaling_aan_ouders,
        "modules": [
            {
                "code": sm.module.code,
                "groeipakket": sm.module.typemodule.groeipakket_impact,
                "verzekerd_aanbod": sm.verzekerd_aanbod,
                "behandeling_gericht_op": sm.behandeling_gericht_op,
                "overbruggingszorg": sm.overbruggingszorg,
                "ob_vorm": sm.ob_vorm,
            }
            for sm in schakeling.modules.select_related("module__typemodule").order_by(
                "module__code"
            )
        ],
        "pleegzorgers": [
            {"rijksregisternummer": p.rijksregisternummer, "naam": p.naam}
            for p in schakeling.pleegzorgers.all()
        ],
    }


def _history(
    schakeling: Schakeling, *, actie: str, voor, na, gebruiker: Gebruiker, groeipakket: bool
) -> None:
    SchakelingWijziging.objects.create(
        voorziening=schakeling.dossier.voorziening, dossier_id=schakeling.dossier_id,
        schakeling_id=schakeling.pk, actie=actie, voor=voor, na=na, gebruiker=gebruiker,
        groeipakket=groeipakket,
    )  # fmt: skip


def _write_modules(schakeling: Schakeling, invoer: SchakelingInvoer) -> None:
    schakeling.modules.all().delete()
    schakeling.pleegzorgers.all().delete()
    SchakelingModule.objects.bulk_create(
        SchakelingModule(
            schakeling=schakeling,
            module=k.module,
            verzekerd_aanbod=k.verzekerd_aanbod,
            behandeling_gericht_op=k.behandeling_gericht_op,
            overbruggingszorg=k.overbruggingszorg,
            ob_vorm=k.ob_vorm,
        )
        for k in invoer.modules
    )
    Pleegzorger.objects.bulk_create(
        Pleegzorger(schakeling=schakeling, rijksregisternummer=nummer, naam=naam)
        for nummer, naam in invoer.pleegzorgers
    )


def _copy_from(vorige: Schakeling, invoer: SchakelingInvoer) -> SchakelingInvoer:
    """Verlenging (000 §4.2.6): same modules, detail and pleegzorgers as before."""
    copy = _invoer_of(vorige)
    copy.begindatum, copy.einddatum, copy.verlenging = invoer.begindatum, invoer.einddatum, True
    return copy


def verlenging_mogelijk(beslissing: Beslissing, vorige: Schakeling | None) -> bool:
    """A verlenging continues the previous offer under a new beslissing; not when the previous
    schakeling ends in a processed year (000 §4.2.4.1)."""
    if vorige is None or vorige.beslissing_id == beslissing.pk:
        return False
    return not (vorige.einddatum and vorige.einddatum.year in verwerkte_jaren())


# --- Schakelingen: changes -------------------------------------------------------------------


def _save(schakeling_write) -> Schakeling:
    try:
        with transaction.atomic():
            return schakeling_write()
    except IntegrityError as exc:
        if "schakeling_no_overlap" in str(exc):
            raise ValidationError({"begindatum": [OVERLAP]}) from exc
        raise


def schakeling_add(
    *,
    dossier_pk: int,
    beslissing_pk: int,
    invoer: SchakelingInvoer,
    gebruiker: Gebruiker,
    bevestigd: bool = False,
) -> Schakeling | list[str]:
    """Add a schakeling under the latest beslissing. Returns the warnings to confirm when there
    are any and `bevestigd` is false; nothing is saved then."""
    with transaction.atomic():
        dossier = _lock(dossier_pk)
        beslissing = Beslissing.objects.filter(pk=beslissing_pk, dossier=dossier).first()
        if beslissing is None:
            raise Conflict(BESLISSING_WEG)
        if laatste_beslissing(dossier).pk != beslissing.pk:
            raise Conflict()  # a newer beslissing was added meanwhile: stale form
        vorige = laatste_schakeling(dossier)
        if vorige is not None and vorige.einddatum is None:
            raise Conflict(OPEN_SCHAKELING_INTUSSEN)
        verwerkt = verwerkte_jaren()
        if invoer.begindatum.year in verwerkt:
            raise ValidationError({"begindatum": [GEEN_NIEUWE_IN_VERWERKT_JAAR]})
        _check_na_vorige(vorige, invoer.begindatum)
        if invoer.verlenging:
            if not verlenging_mogelijk(beslissing, vorige):
                raise ValidationError({"verlenging": ["Een verlenging is hier niet mogelijk."]})
            invoer = _copy_from(vorige, invoer)
        _check_invoer(dossier, invoer)
        if not bevestigd:
            warnings = schakeling_waarschuwingen(dossier, invoer, voor=vorige, zelfde=False)
            if warnings:
                return warnings
        melden = groeipakket_wijziging(dossier, invoer, voor=vorige, zelfde=False)
        if vorige is None:
            soort = SchakelingSoort.START_HULPAANBOD
        elif invoer.verlenging:
            soort = SchakelingSoort.VERLENGING
        else:
            soort = SchakelingSoort.SCHAKELING

        def write() -> Schakeling:
            schakeling = Schakeling.objects.create(
                dossier=dossier, beslissing=beslissing, soort=soort, begindatum=invoer.begindatum,
                einddatum=invoer.einddatum, zwaartepunt_elders=invoer.zwaartepunt_elders,
                uitbetaling_aan_ouders=invoer.uitbetaling_aan_ouders,
            )  # fmt: skip
            _write_modules(schakeling, invoer)
            return schakeling

        schakeling = _save(write)
        _history(
            schakeling, actie=WijzigingActie.AANGEMAAKT, voor=None, na=snapshot(schakeling),
            gebruiker=gebruiker, groeipakket=melden,
        )  # fmt: skip
        dossier_summary_refresh(dossier)
        activiteit_log(
            voorziening=dossier.voorziening, gebruiker=gebruiker, actie="schakeling_aangemaakt",
            omschrijving=f"{schakeling} toegevoegd", obj=schakeling, dossier_id=dossier.pk,
        )  # fmt: skip
    return schakeling


def _editable(dossier: Dossier, schakeling_pk: int) -> Schakeling:
    schakeling = Schakeling.objects.filter(pk=schakeling_pk, dossier=dossier).first()
    latest = laatste_schakeling(dossier)
    if schakeling is None or latest is None or latest.pk != schakeling.pk:
        raise Conflict(NIET_MEEST_RECENTE_SCHAKELING, causes=[])
    return latest


def schakeling_update(
    *,
    schakeling_pk: int,
    dossier_pk: int,
    versie: int,
    invoer: SchakelingInvoer,
    gebruiker: Gebruiker,
    bevestigd: bool = False,
) -> Schakeling | list[str]:
    """Only the most recent schakeling can be changed (000 §4.2.4), within the processed-year
    rules (000 §4.2.4.1)."""
    with transaction.atomic():
        dossier = _lock(dossier_pk)
        schakeling = _editable(dossier, schakeling_pk)
        verwerkt = verwerkte_jaren()
        if schakeling.einddatum and schakeling.einddatum.year in verwerkt:
            raise ValidationError(EINDIGT_IN_VERWERKT_JAAR)
        bestaand = {sm.module_id for sm in schakeling.modules.all()}
        if schakeling.begindatum.year in verwerkt:
            before = _invoer_of(schakeling)
            if (before.begindatum, sorted(_keys(before))) != (
                invoer.begindatum,
                sorted(_keys(invoer)),
            ) or (
                before.zwaartepunt_elders,
                before.uitbetaling_aan_ouders,
                before.pleegzorgers,
            ) != (invoer.zwaartepunt_elders, invoer.uitbetaling_aan_ouders, invoer.pleegzorgers):
                raise ValidationError(START_IN_VERWERKT_JAAR)
            if invoer.einddatum is not None and invoer.einddatum <= _year_end(max(verwerkt)):
                raise ValidationError({"einddatum": [
                    f"De einddatum moet na het laatste verwerkte jaar ({max(verwerkt)}) liggen."
                ]})  # fmt: skip
        vorige = laatste_schakeling(dossier, behalve=schakeling.pk)
        _check_na_vorige(vorige, invoer.begindatum)
        _check_invoer(dossier, invoer, bestaand=bestaand)
        if not bevestigd:
            warnings = schakeling_waarschuwingen(dossier, invoer, voor=schakeling, zelfde=True)
            if warnings:
                return warnings
        melden = groeipakket_wijziging(dossier, invoer, voor=schakeling, zelfde=True)
        voor = snapshot(schakeling)
        schakeling.begindatum, schakeling.einddatum = invoer.begindatum, invoer.einddatum
        schakeling.zwaartepunt_elders = invoer.zwaartepunt_elders
        schakeling.uitbetaling_aan_ouders = invoer.uitbetaling_aan_ouders

        def write() -> Schakeling:
            fields = ["begindatum", "einddatum", "zwaartepunt_elders", "uitbetaling_aan_ouders"]
            save_versioned(schakeling, versie=versie, fields=[*fields, "gewijzigd_op"])
            _write_modules(schakeling, invoer)
            return schakeling

        _save(write)
        _history(
            schakeling, actie=WijzigingActie.GEWIJZIGD, voor=voor, na=snapshot(schakeling),
            gebruiker=gebruiker, groeipakket=melden,
        )  # fmt: skip
        dossier_summary_refresh(dossier)
        activiteit_log(
            voorziening=dossier.voorziening, gebruiker=gebruiker, actie="schakeling_gewijzigd",
            omschrijving=f"{schakeling} gewijzigd", obj=schakeling, dossier_id=dossier.pk,
        )  # fmt: skip
    return schakeling


def schakeling_einddatum_set(
    *,
    schakeling_pk: int,
    dossier_pk: int,
    versie: int,
    einddatum: datetime.date,
    gebruiker: Gebruiker,
) -> Schakeling:
    """'Afsluiten vorig hulpaanbod' (000 §4.2.2): give the previous schakeling its end date,
    under the same rules as any change to it."""
    schakeling = Schakeling.objects.filter(pk=schakeling_pk, dossier_id=dossier_pk).first()
    if schakeling is None:
        raise Conflict(NIET_MEEST_RECENTE_SCHAKELING, causes=[])
    invoer = _invoer_of(schakeling)
    invoer.einddatum = einddatum
    return schakeling_update(
        schakeling_pk=schakeling_pk, dossier_pk=dossier_pk, versie=versie, invoer=invoer,
        gebruiker=gebruiker, bevestigd=True,
    )  # fmt: skip


def schakeling_delete(*, schakeling_pk: int, dossier_pk: int, gebruiker: Gebruiker) -> None:
    """Only the most recent; never one starting in a processed year (000 §4.2.4.1)."""
    with transaction.atomic():
        dossier = _lock(dossier_pk)
        schakeling = _editable(dossier, schakeling_pk)
        if schakeling.begindatum.year in verwerkte_jaren():
            raise ValidationError(
                "Een schakeling die start in een verwerkt jaar kan niet worden verwijderd."
            )
        melden = _meldt_groeipakket(dossier, schakeling.zwaartepunt_elders) and bool(
            _impact(dossier, [sm.module for sm in schakeling.modules.all()], schakeling.begindatum)
        )
        _history(
            schakeling, actie=WijzigingActie.VERWIJDERD, voor=snapshot(schakeling), na=None,
            gebruiker=gebruiker, groeipakket=melden,
        )  # fmt: skip
        activiteit_log(
            voorziening=dossier.voorziening, gebruiker=gebruiker, actie="schakeling_verwijderd",
            omschrijving=f"{schakeling} verwijderd", obj=schakeling, dossier_id=dossier.pk,
        )  # fmt: skip
        schakeling.delete()
        dossier_summary_refresh(dossier)


def _keys(invoer: SchakelingInvoer) -> list[tuple]:
    return [
        (
            k.module.pk,
            k.verzekerd_aanbod,
            tuple(k.behandeling_gericht_op),
            k.overbruggingszorg,
            k.ob_vorm,
        )
        for k in invoer.modules
    ]


def _invoer_of(schakeling: Schakeling) -> SchakelingInvoer:
    return SchakelingInvoer(
        begindatum=schakeling.begindatum,
        einddatum=schakeling.einddatum,
        modules=[
            ModuleKeuze(
                sm.module,
                sm.verzekerd_aanbod,
                list(sm.behandeling_gericht_op),
                sm.overbruggingszorg,
                sm.ob_vorm,
            )
            for sm in schakeling.modules.select_related("module__typemodule")
        ],
        zwaartepunt_elders=schakeling.zwaartepunt_elders,
        uitbetaling_aan_ouders=schakeling.uitbetaling_aan_ouders,
        pleegzorgers=[(p.rijksregisternummer, p.naam) for p in schakeling.pleegzorgers.all()],
    )
