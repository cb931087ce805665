"""Schakelingen (000 §4.2.2–§4.2.7): each write locks the dossier, gathers the facts, asks the
pure rules in `dossiers.rules`, saves, and records the change for the Groeipakket in the same
transaction. PostgreSQL backs the no-overlap rule with an exclusion constraint."""

import dataclasses
import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from binc.models import Gebruiker
from binc.services.activiteiten import activiteit_log
from dossiers import rules
from dossiers.constants import (
    BESLISSING_WEG,
    NIET_MEEST_RECENTE_SCHAKELING,
    OPEN_SCHAKELING_INTUSSEN,
    WijzigingActie,
)
from dossiers.hooks import zorg_gewijzigd
from dossiers.models import Beslissing, Dossier, Pleegzorger, Schakeling, SchakelingModule
from dossiers.rules import DossierFeiten, SchakelingInvoer
from dossiers.selectors import (
    approved_module_ids,
    dossier_feiten,
    dossier_get,
    in_pleegzorg,
    laatste_beslissing,
    laatste_schakeling,
    schakeling_invoer,
    verlenging_mogelijk,
    verwerkte_jaren,
)
from dossiers.services.beslissingen import ACTIE_WOORD
from dossiers.services.dossiers import dossier_summary_refresh
from dossiers.services.groeipakket import snapshot, wijziging_record
from lib.concurrency import Conflict, check_versie, save_versioned
from lib.results import Resultaat

OVERLAP = "Deze schakeling overlapt met een andere schakeling in het dossier."


def _save(write: Callable[[], Schakeling]) -> Schakeling:
    """Run the write; the database's no-overlap constraint answers as the rule would."""
    try:
        with transaction.atomic():
            return write()
    except IntegrityError as exc:
        if "schakeling_no_overlap" in str(exc):
            raise ValidationError({"begindatum": [OVERLAP]}) from exc
        raise


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


def _log(dossier: Dossier, schakeling: Schakeling, gebruiker: Gebruiker, actie: str) -> None:
    activiteit_log(
        voorziening=dossier.voorziening,
        gebruiker=gebruiker,
        actie=f"schakeling_{actie}",
        omschrijving=f"{schakeling} {ACTIE_WOORD[actie]}",
        obj=schakeling,
        dossier_id=dossier.pk,
    )


def _pleegzorg_elders(
    dossier: Dossier,
    feiten: DossierFeiten,
    invoer: SchakelingInvoer,
    *,
    behalve: int | None = None,
) -> bool:
    """Only asked when 'zwaartepunt elders' is ticked outside pleegzorg (000 §4.2.7)."""
    if not rules.zwaartepunt_elders_vraagt_pleegzorg(feiten, invoer):
        return False
    return in_pleegzorg(
        client_id=dossier.client_id,
        begin=invoer.begindatum,
        einde=invoer.einddatum,
        behalve=behalve,
    )


def _afgeleid(
    dossier: Dossier,
    beslissing: Beslissing,
    vorige: Schakeling | None,
    invoer: SchakelingInvoer,
    *,
    aangemaakt_op: datetime.date | None = None,
) -> tuple[DossierFeiten, SchakelingInvoer]:
    """The dossier's facts and the input as it will be stored: a verlenging takes the previous
    offer (000 §4.2.6), answers the modules do not ask are dropped. A change keeps its stored
    creation date, which governs pleegzorg (000 §4.2.7), not the day of the change."""
    if invoer.verlenging:
        if not verlenging_mogelijk(dossier, beslissing, vorige) or vorige is None:
            raise ValidationError({"verlenging": [rules.VERLENGING_NIET_MOGELIJK]})
        invoer = rules.verlenging_van(schakeling_invoer(vorige), invoer)
    feiten = dossier_feiten(dossier)
    invoer = rules.zonder_onnodige_antwoorden(feiten, invoer)
    if aangemaakt_op is not None:
        invoer = dataclasses.replace(invoer, aangemaakt_op=aangemaakt_op)
    return feiten, invoer


def _gecontroleerd(
    dossier: Dossier,
    feiten: DossierFeiten,
    invoer: SchakelingInvoer,
    *,
    voor: SchakelingInvoer | None,
    bestaand: Schakeling | None,
    bevestigd: bool,
) -> tuple[tuple[str, ...], bool]:
    """Every rule of the input (refused with the field's message), then what the screen asks
    to confirm (nothing saved while unconfirmed) and whether the funds must hear of it (D227).
    `voor`: the schakeling as it was (a change), or the previous one (a new schakeling)."""
    rules.check_invoer(
        feiten,
        invoer,
        approved=approved_module_ids(voorziening=dossier.voorziening, datum=invoer.begindatum),
        bestaand={k.module.pk for k in voor.modules} if bestaand and voor else (),
        pleegzorg_elders=_pleegzorg_elders(
            dossier, feiten, invoer, behalve=bestaand.pk if bestaand else None
        ),
    )
    zelfde = bestaand is not None
    warnings = () if bevestigd else rules.waarschuwingen(feiten, invoer, voor=voor, zelfde=zelfde)
    return tuple(warnings), rules.groeipakket_wijziging(feiten, invoer, voor=voor, zelfde=zelfde)


def _na_het_schrijven(
    dossier: Dossier,
    schakeling: Schakeling,
    *,
    actie: str,
    perioden: list[tuple[datetime.date, datetime.date | None]],
    voor: dict | None,
    feiten: DossierFeiten,
    melden: bool,
    gebruiker: Gebruiker,
) -> None:
    """What follows every write: the quarters that cover the changed periods, the change for
    the Groeipakket, the dossier's summary and the activity log."""
    zorg_gewijzigd(dossier.voorziening_id, dossier.pk, perioden)
    wijziging_record(
        schakeling,
        actie=WijzigingActie.AANGEMAAKT if actie == "aangemaakt" else WijzigingActie.GEWIJZIGD,
        voor=voor,
        na=snapshot(schakeling, feiten),
        gebruiker=gebruiker,
        groeipakket=melden,
    )
    dossier_summary_refresh(dossier)
    _log(dossier, schakeling, gebruiker, actie)


def schakeling_add(
    *,
    dossier_pk: int,
    beslissing_pk: int,
    invoer: SchakelingInvoer,
    gebruiker: Gebruiker,
    bevestigd: bool = False,
) -> Resultaat[Schakeling]:
    """Add a schakeling under the latest beslissing. Without `bevestigd`, the warnings to
    confirm come back and nothing is saved."""
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        beslissing = Beslissing.objects.filter(pk=beslissing_pk, dossier=dossier).first()
        if beslissing is None:
            raise Conflict(BESLISSING_WEG)
        latest = laatste_beslissing(dossier)
        if latest is None or latest.pk != beslissing.pk:
            raise Conflict()  # a newer beslissing was added meanwhile: stale form
        vorige = laatste_schakeling(dossier)
        if vorige is not None and vorige.einddatum is None:
            # 000 §11: a message in the screen, not the error page; the form stays filled in.
            raise ValidationError(OPEN_SCHAKELING_INTUSSEN)
        rules.check_nieuw_in_verwerkt_jaar(
            invoer.begindatum, verwerkte_jaren(dossier.voorziening_id)
        )
        rules.check_na_vorige(vorige, invoer)
        feiten, invoer = _afgeleid(dossier, beslissing, vorige, invoer)
        voor = schakeling_invoer(vorige) if vorige is not None else None
        warnings, melden = _gecontroleerd(
            dossier, feiten, invoer, voor=voor, bestaand=None, bevestigd=bevestigd
        )
        if warnings:
            return Resultaat(waarschuwingen=warnings)

        def write() -> Schakeling:
            schakeling = Schakeling.objects.create(
                dossier=dossier,
                beslissing=beslissing,
                soort=rules.soort_van(vorige, verlenging=invoer.verlenging),
                begindatum=invoer.begindatum,
                einddatum=invoer.einddatum,
                zwaartepunt_elders=invoer.zwaartepunt_elders,
                uitbetaling_aan_ouders=invoer.uitbetaling_aan_ouders,
            )
            _write_modules(schakeling, invoer)
            return schakeling

        schakeling = _save(write)
        _na_het_schrijven(
            dossier,
            schakeling,
            actie="aangemaakt",
            perioden=[(invoer.begindatum, invoer.einddatum)],
            voor=None,
            feiten=feiten,
            melden=melden,
            gebruiker=gebruiker,
        )
    return Resultaat(object=schakeling)


def _editable(dossier: Dossier, schakeling_pk: int) -> Schakeling:
    """Only the most recent schakeling can be changed or deleted (000 §4.2.4); otherwise the
    manual's message in the screen, not the error page (000 §11)."""
    latest = laatste_schakeling(dossier)
    if latest is None or latest.pk != schakeling_pk:
        raise ValidationError(NIET_MEEST_RECENTE_SCHAKELING)
    return latest


def schakeling_update(
    *,
    schakeling_pk: int,
    dossier_pk: int,
    versie: int,
    invoer: SchakelingInvoer,
    gebruiker: Gebruiker,
    bevestigd: bool = False,
) -> Resultaat[Schakeling]:
    """Change the most recent schakeling within the processed-year rules (000 §4.2.4.1). A
    verlenging keeps the offer it copied; unticking 'verlenging' makes it a schakeling whose
    offer may change (000 §4.2.6)."""
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        schakeling = _editable(dossier, schakeling_pk)
        voor_invoer = schakeling_invoer(schakeling)
        vorige = laatste_schakeling(dossier, behalve=schakeling.pk)
        feiten, invoer = _afgeleid(
            dossier, schakeling.beslissing, vorige, invoer, aangemaakt_op=voor_invoer.aangemaakt_op
        )
        rules.check_wijziging_verwerkt(voor_invoer, invoer, verwerkte_jaren(dossier.voorziening_id))
        rules.check_na_vorige(vorige, invoer)
        warnings, melden = _gecontroleerd(
            dossier, feiten, invoer, voor=voor_invoer, bestaand=schakeling, bevestigd=bevestigd
        )
        if warnings:
            return Resultaat(waarschuwingen=warnings)
        voor = snapshot(schakeling, feiten)
        schakeling.begindatum, schakeling.einddatum = invoer.begindatum, invoer.einddatum
        schakeling.zwaartepunt_elders = invoer.zwaartepunt_elders
        schakeling.uitbetaling_aan_ouders = invoer.uitbetaling_aan_ouders
        schakeling.soort = rules.soort_van(vorige, verlenging=invoer.verlenging)

        def write() -> Schakeling:
            fields = [
                "soort",
                "begindatum",
                "einddatum",
                "zwaartepunt_elders",
                "uitbetaling_aan_ouders",
            ]
            save_versioned(schakeling, versie=versie, fields=[*fields, "gewijzigd_op"])
            _write_modules(schakeling, invoer)
            return schakeling

        _save(write)
        _na_het_schrijven(
            dossier,
            schakeling,
            actie="gewijzigd",
            perioden=[
                (voor_invoer.begindatum, voor_invoer.einddatum),
                (invoer.begindatum, invoer.einddatum),
            ],
            voor=voor,
            feiten=feiten,
            melden=melden,
            gebruiker=gebruiker,
        )
    return Resultaat(object=schakeling)


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
        raise ValidationError(NIET_MEEST_RECENTE_SCHAKELING)
    invoer = schakeling_invoer(schakeling)
    invoer.einddatum = einddatum
    resultaat = schakeling_update(
        schakeling_pk=schakeling_pk,
        dossier_pk=dossier_pk,
        versie=versie,
        invoer=invoer,
        gebruiker=gebruiker,
        bevestigd=True,
    )
    assert resultaat.object is not None  # confirmed: saved or raised
    return resultaat.object


def schakeling_delete(
    *, schakeling_pk: int, dossier_pk: int, gebruiker: Gebruiker, versie: int | None = None
) -> None:
    """Only the most recent; never one starting in a processed year (000 §4.2.4.1); given
    `versie`, only that one."""
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        schakeling = _editable(dossier, schakeling_pk)
        check_versie(schakeling, versie)
        rules.check_verwijderen(schakeling.begindatum, verwerkte_jaren(dossier.voorziening_id))
        feiten = dossier_feiten(dossier)
        melden = rules.verwijdering_meldt_groeipakket(feiten, schakeling_invoer(schakeling))
        wijziging_record(
            schakeling,
            actie=WijzigingActie.VERWIJDERD,
            voor=snapshot(schakeling, feiten),
            na=None,
            gebruiker=gebruiker,
            groeipakket=melden,
        )
        _log(dossier, schakeling, gebruiker, "verwijderd")
        perioden = [(schakeling.begindatum, schakeling.einddatum)]
        schakeling.delete()
        zorg_gewijzigd(dossier.voorziening_id, dossier.pk, perioden)
        dossier_summary_refresh(dossier)
