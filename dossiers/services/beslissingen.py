"""Beslissingen (000 §4.2.1): added, changed and deleted under a lock on the dossier, so two
medewerkers in the same dossier are serialised (000 §11)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from binc.models import Gebruiker, Module
from binc.services.activiteiten import activiteit_log
from dossiers import rules
from dossiers.constants import BESLISSING_WEG
from dossiers.models import Beslissing, Dossier
from dossiers.selectors import approved_module_ids, dossier_feiten, dossier_get
from dossiers.services.dossiers import dossier_summary_refresh
from lib.concurrency import Conflict, check_versie, save_versioned


def _locked(beslissing_pk: int) -> tuple[Dossier, Beslissing]:
    """Lock the beslissing's dossier first, then read the beslissing: it may have been deleted
    while we waited (000 §11)."""
    dossier_pk = Beslissing.objects.filter(pk=beslissing_pk).values_list("dossier", flat=True)
    if not dossier_pk:
        raise Conflict(BESLISSING_WEG)
    dossier = dossier_get(pk=dossier_pk[0], for_update=True)
    beslissing = Beslissing.objects.filter(pk=beslissing_pk).first()
    if beslissing is None:
        raise Conflict(BESLISSING_WEG)
    return dossier, beslissing


def _check(
    dossier: Dossier, values: dict[str, Any], modules: list[Module], keep: set[int] | None = None
) -> None:
    begindatum = values["begindatum"]
    rules.beslissing_check(
        dossier_feiten(dossier),
        begindatum=begindatum,
        modules=modules,
        approved=approved_module_ids(voorziening=dossier.voorziening, datum=begindatum),
        keep=keep or set(),
    )


def _log(dossier: Dossier, beslissing: Beslissing, gebruiker: Gebruiker, actie: str) -> None:
    activiteit_log(
        voorziening=dossier.voorziening,
        gebruiker=gebruiker,
        actie=f"beslissing_{actie}",
        omschrijving=f"{beslissing} {ACTIE_WOORD[actie]}",
        obj=beslissing,
        dossier_id=dossier.pk,
    )


ACTIE_WOORD = {"aangemaakt": "toegevoegd", "gewijzigd": "gewijzigd", "verwijderd": "verwijderd"}


def beslissing_create(
    *, dossier_pk: int, gebruiker: Gebruiker, modules: list[Module], **values: Any
) -> Beslissing:
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        _check(dossier, values, modules)
        beslissing = Beslissing.objects.create(dossier=dossier, **values)
        beslissing.modules.set(modules)
        dossier_summary_refresh(dossier)
        _log(dossier, beslissing, gebruiker, "aangemaakt")
    return beslissing


def beslissing_update(
    *, beslissing_pk: int, versie: int, gebruiker: Gebruiker, modules: list[Module], **values: Any
) -> Beslissing:
    """All beslissingen stay editable (000 §4.2.4)."""
    with transaction.atomic():
        dossier, beslissing = _locked(beslissing_pk)
        _check(dossier, values, modules, keep=set(beslissing.modules.values_list("pk", flat=True)))
        for name, value in values.items():
            setattr(beslissing, name, value)
        save_versioned(
            beslissing, versie=versie, fields=[*values, "gewijzigd_op"], gone_message=BESLISSING_WEG
        )
        beslissing.modules.set(modules)
        dossier_summary_refresh(dossier)
        _log(dossier, beslissing, gebruiker, "gewijzigd")
    return beslissing


def beslissing_delete(
    *, beslissing_pk: int, gebruiker: Gebruiker, versie: int | None = None
) -> None:
    """Only a beslissing without schakelingen (000 §4.2.1); given `versie`, only that one."""
    with transaction.atomic():
        dossier, beslissing = _locked(beslissing_pk)
        check_versie(beslissing, versie)
        if beslissing.schakelingen.exists():
            raise ValidationError(
                "Een beslissing kan enkel verwijderd worden als er geen schakelingen aan "
                "gekoppeld zijn. Verwijder eerst de schakelingen."
            )
        _log(dossier, beslissing, gebruiker, "verwijderd")
        beslissing.delete()
        dossier_summary_refresh(dossier)
