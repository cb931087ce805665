"""Closing and reopening dossiers (000 §9, §10; 001 §6–7)."""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from binc.models import Gebruiker
from binc.services.activiteiten import activiteit_log
from dossiers.constants import (
    AL_OPEN_DOSSIER,
    DOSSIER_REEDS_AFGESLOTEN,
    AanvraagStatus,
    DossierStatus,
)
from dossiers.hooks import Ontbrekend, closing_checks
from dossiers.models import Beslissing, Dossier, HeropenAanvraag, Schakeling
from dossiers.rules import Waarschuwing
from dossiers.selectors import dossier_get
from dossiers.services.dossiers import dossier_touch
from lib.concurrency import Conflict


@dataclass(frozen=True)
class Afsluitresultaat:
    """What keeps the dossier from closing (nothing changed), the warnings to confirm first
    (nothing changed), or neither: closed."""

    ontbrekend: list[Ontbrekend] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)

    @property
    def afgesloten(self) -> bool:
        return not self.ontbrekend and not self.waarschuwingen


class Heropenuitkomst(StrEnum):
    HEROPEND = "heropend"
    AANGEVRAAGD = "aangevraagd"


def afsluiten_ontbrekend(
    dossier: Dossier, *, vandaag: datetime.date | None = None
) -> list[Ontbrekend]:
    """000 §9: ≥1 beslissing and ≥1 schakeling, every schakeling ended in the past, the
    mandatory registration filled (unless facultative). 001 §6: a 1G1P dossier, which has no
    beslissingen, only needs its mandatory parameters."""
    if dossier.voorziening.is_1g1p:
        return closing_checks(dossier)
    vandaag = vandaag or timezone.localdate()
    dossier_url = dossier.get_absolute_url()
    missing = []
    if not Beslissing.objects.filter(dossier=dossier).exists():
        missing.append(
            Ontbrekend(
                "Het dossier bevat nog geen beslissing.",
                reverse("dossiers:beslissing_nieuw", args=[dossier.pk]),
            )
        )
    schakelingen = list(Schakeling.objects.filter(dossier=dossier).order_by("begindatum"))
    if not schakelingen:
        missing.append(
            Ontbrekend("Het dossier bevat nog geen schakeling.", dossier_url + "#beslissingen")
        )
    for schakeling in schakelingen:
        url = reverse("dossiers:schakeling_wijzigen", args=[dossier.pk, schakeling.pk])
        if schakeling.einddatum is None:
            missing.append(Ontbrekend(f"{schakeling} heeft nog geen einddatum.", url))
        elif schakeling.einddatum >= vandaag:
            # "ligt in het verleden": a schakeling ending today is not yet past.
            missing.append(
                Ontbrekend(
                    f"{schakeling} eindigt op {schakeling.einddatum:%d/%m/%Y}: de einddatum moet "
                    "in het verleden liggen.",
                    url,
                )
            )
    missing.extend(closing_checks(dossier))
    return missing


def afsluiten_waarschuwingen(dossier: Dossier) -> list[str]:
    """000 §9: a warning, not a block, for a beslissing without schakeling."""
    zonder = Beslissing.objects.filter(dossier=dossier, schakelingen__isnull=True)
    return [
        Waarschuwing("beslissing_zonder_schakeling", f"{b} heeft geen schakeling.") for b in zonder
    ]


def dossier_afsluiten(
    *, dossier_pk: int, gebruiker: Gebruiker, bevestigd: bool
) -> Afsluitresultaat:
    """Close the dossier, unless something is missing or (without `bevestigd`) there are
    warnings to confirm."""
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        if dossier.status == DossierStatus.AFGESLOTEN:
            raise Conflict(DOSSIER_REEDS_AFGESLOTEN, causes=[])
        missing = afsluiten_ontbrekend(dossier)
        if missing:
            return Afsluitresultaat(ontbrekend=missing)
        warnings = afsluiten_waarschuwingen(dossier)
        if warnings and not bevestigd:
            return Afsluitresultaat(waarschuwingen=warnings)
        vandaag = timezone.localdate()
        Dossier.objects.filter(pk=dossier.pk).update(
            status=DossierStatus.AFGESLOTEN, afgesloten_op=vandaag
        )
        dossier_touch(dossier)
        activiteit_log(
            voorziening=dossier.voorziening,
            gebruiker=gebruiker,
            actie="dossier_afgesloten",
            omschrijving=f"Dossier {dossier.code} afgesloten",
            obj=dossier,
            dossier_id=dossier.pk,
        )
    return Afsluitresultaat()


def heropenen_mogelijk(dossier: Dossier) -> bool:
    """000 §10: only when the client has no other open dossier in the voorziening."""
    # Also from the Opgroeien site, where every voorziening is in context: the voorziening is
    # named explicitly.
    other = Dossier.objects.filter(
        client_id=dossier.client_id,
        voorziening_id=dossier.voorziening_id,
        status=DossierStatus.OPEN,
    ).exclude(pk=dossier.pk)
    return dossier.status == DossierStatus.AFGESLOTEN and not other.exists()


def heropenen_direct(dossier: Dossier, *, vandaag: datetime.date | None = None) -> bool:
    """Within a year after the last schakeling's end (000 §10), for 1G1P after the closing
    date (001 §7): reopened at once, else a request to Opgroeien."""
    vandaag = vandaag or timezone.localdate()
    if dossier.voorziening.is_1g1p:
        return (
            dossier.afgesloten_op is None
            or dossier.afgesloten_op >= vandaag - datetime.timedelta(days=365)
        )
    last = Schakeling.objects.filter(dossier_id=dossier.pk).order_by("-begindatum").first()
    return (
        last is None
        or last.einddatum is None
        or last.einddatum >= vandaag - datetime.timedelta(days=365)
    )


def _reopen(dossier: Dossier) -> None:
    Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.OPEN, afgesloten_op=None)
    dossier_touch(dossier)


def dossier_heropenen(*, dossier_pk: int, gebruiker: Gebruiker) -> Heropenuitkomst:
    """Reopen at once, or ask Opgroeien (000 §10)."""
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        if dossier.is_open:
            raise Conflict()
        if not heropenen_mogelijk(dossier):
            raise ValidationError(AL_OPEN_DOSSIER)
        if heropenen_direct(dossier):
            _reopen(dossier)
            outcome, text = Heropenuitkomst.HEROPEND, f"Dossier {dossier.code} heropend"
        else:
            if HeropenAanvraag.objects.filter(
                dossier=dossier, status=AanvraagStatus.INGEDIEND
            ).exists():
                raise ValidationError(
                    "Er is al een aanvraag tot heropenen ingediend voor dit dossier."
                )
            HeropenAanvraag.objects.create(dossier=dossier, aangevraagd_door=gebruiker)
            outcome, text = (
                Heropenuitkomst.AANGEVRAAGD,
                f"Heropenen van dossier {dossier.code} aangevraagd bij Opgroeien",
            )
        activiteit_log(
            voorziening=dossier.voorziening,
            gebruiker=gebruiker,
            actie=f"dossier_{outcome}",
            omschrijving=text,
            obj=dossier,
            dossier_id=dossier.pk,
        )
    return outcome


def heropenaanvraag_behandelen(*, aanvraag_pk: int, gebruiker: Gebruiker, goedkeuren: bool) -> None:
    """The Opgroeien dossierbehandelaar approves or rejects; approval re-checks that the client
    has no other open dossier (one may have been created since the request)."""
    with transaction.atomic():
        aanvraag = (
            HeropenAanvraag.objects.select_for_update()
            .select_related("dossier")
            .get(pk=aanvraag_pk)
        )
        if aanvraag.status != AanvraagStatus.INGEDIEND:
            raise ValidationError("Deze aanvraag werd al behandeld.")
        dossier = aanvraag.dossier
        if goedkeuren:
            if not heropenen_mogelijk(dossier):
                raise ValidationError(
                    f"Dossier {dossier.code}: de cliënt heeft intussen een open dossier in deze "
                    "voorziening; heropenen kan niet."
                )
            _reopen(dossier)
        aanvraag.status = AanvraagStatus.GOEDGEKEURD if goedkeuren else AanvraagStatus.AFGEKEURD
        aanvraag.behandeld_door, aanvraag.behandeld_op = gebruiker, timezone.now()
        aanvraag.save(update_fields=["status", "behandeld_door", "behandeld_op"])
        status = aanvraag.get_status_display().lower()
        activiteit_log(
            voorziening=dossier.voorziening,
            gebruiker=gebruiker,
            actie=f"heropenen_{aanvraag.status}",
            omschrijving=f"Aanvraag tot heropenen {status} door Opgroeien",
            obj=dossier,
            dossier_id=dossier.pk,
        )
