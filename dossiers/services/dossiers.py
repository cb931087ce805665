"""Creating, changing, transferring and deleting dossiers (000 §4, §6, §8)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from binc.models import Activiteit, Gebruiker, Voorziening
from binc.services.activiteiten import activiteit_log
from dossiers.constants import (
    AL_OPEN_DOSSIER,
    DOSSIER_AFGESLOTEN_NIET_VERWIJDERBAAR,
    DOSSIER_REEDS_VERWIJDERD,
    Aanmelder,
    DossierStatus,
)
from dossiers.hooks import summary_columns
from dossiers.models import Aanmelding, Client, Dossier, SchakelingModule
from dossiers.rules.aanmelding import aanmelding_clean, check_geen_overgang_naar_regulier
from dossiers.selectors import (
    dossier_get,
    eerste_schakeling_begindatum,
    heeft_schakeling,
    laatste_beslissing,
    laatste_schakeling,
)
from dossiers.services.clients import client_toegang_ensure
from lib.concurrency import Conflict, check_versie, save_versioned


def dossier_code_next() -> str:
    """BNC_<creation date>_<n>: one atomic upsert, so concurrent creations never share a
    number."""
    today = timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO dossiers_dossiercodeteller (datum, laatste) VALUES (%s, 1)
            ON CONFLICT (datum) DO UPDATE SET laatste = dossiers_dossiercodeteller.laatste + 1
            RETURNING laatste
            """,
            [today],
        )
        (number,) = cursor.fetchone()
    return f"BNC_{today:%Y%m%d}_{number:05d}"


def dossier_create(
    *, voorziening: Voorziening, gebruiker: Gebruiker, client: Client, aanmelding: dict[str, Any]
) -> Dossier:
    """'Maak nieuw dossier aan': a dossier with its aanmelding. One open dossier per client per
    voorziening (a database constraint backs this check)."""
    values = aanmelding_clean(
        aanmelding,
        voorziening=voorziening,
        vandaag=timezone.localdate(),
    )
    if Dossier.objects.filter(client=client, status=DossierStatus.OPEN).exists():
        raise ValidationError(AL_OPEN_DOSSIER)
    try:
        with transaction.atomic():
            dossier = Dossier.objects.create(
                voorziening=voorziening,
                client=client,
                code=dossier_code_next(),
                behandelaar=gebruiker,
            )
            Aanmelding.objects.create(dossier=dossier, **values)
            dossier_summary_refresh(dossier)
            client_toegang_ensure(client=client, voorziening=voorziening)
            activiteit_log(
                voorziening=voorziening,
                gebruiker=gebruiker,
                actie="dossier_aangemaakt",
                omschrijving=f"Dossier {dossier.code} aangemaakt voor {client}",
                obj=dossier,
                dossier_id=dossier.pk,
            )
    except IntegrityError as exc:
        if "dossier_one_open_per_client" in str(exc):
            raise ValidationError(AL_OPEN_DOSSIER) from exc
        raise
    return dossier


def dossier_touch(dossier: Dossier, **summary: Any) -> None:
    """Record a change of the dossier or one of its parts: 'laatst gewijzigd' on the start
    page, and any summary column that changed with it."""
    Dossier.objects.filter(pk=dossier.pk).update(gewijzigd_op=timezone.now(), **summary)


def dossier_summary_refresh(dossier: Dossier) -> None:
    """Keep the start page's columns in step with the dossier's care and with what the apps
    above contribute (the BR icon), in the same transaction as the change."""
    beslissing = laatste_beslissing(dossier)
    schakeling = laatste_schakeling(dossier)
    eerste = eerste_schakeling_begindatum(dossier)
    lopend = (
        Aanmelding.objects.filter(dossier=dossier)
        .values_list("startdatum_lopend_dossier", flat=True)
        .first()
    )
    dossier_touch(
        dossier,
        laatste_beslissing_begindatum=beslissing.begindatum if beslissing else None,
        laatste_schakeling_begindatum=schakeling.begindatum if schakeling else None,
        laatste_schakeling_einddatum=schakeling.einddatum if schakeling else None,
        eerste_schakeling_begindatum=eerste,
        startdatum=lopend or eerste,
        **summary_columns(dossier),
    )


def aanmelding_update(
    *, dossier_pk: int, versie: int, data: dict[str, Any], gebruiker: Gebruiker
) -> Aanmelding:
    """Change the aanmelding under a lock on the dossier: the verzekerd-aanbod check and the
    save cannot race a schakeling being added (000 §4.1, §11)."""
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        aanmelding = Aanmelding.objects.get(dossier=dossier)
        values = aanmelding_clean(
            data,
            voorziening=dossier.voorziening,
            vandaag=timezone.localdate(),
        )
        if (
            aanmelding.aanmelder == Aanmelder.CRISISMELDPUNT
            and values["aanmelder"] != Aanmelder.CRISISMELDPUNT
            and SchakelingModule.objects.filter(
                schakeling__dossier=dossier, verzekerd_aanbod=True
            ).exists()
        ):
            raise ValidationError(
                {
                    "aanmelder": [
                        "De aanmelder kan niet gewijzigd worden zolang een schakeling modules "
                        "bevat die als verzekerd aanbod zijn ingezet."
                    ]
                }
            )
        check_geen_overgang_naar_regulier(
            {name: getattr(aanmelding, name) for name in values},
            values,
            heeft_schakelingen=heeft_schakeling(dossier),
        )
        for name, value in values.items():
            setattr(aanmelding, name, value)
        save_versioned(aanmelding, versie=versie, fields=[*values, "gewijzigd_op"])
        dossier_summary_refresh(dossier)
        activiteit_log(
            voorziening=dossier.voorziening,
            gebruiker=gebruiker,
            actie="aanmelding_gewijzigd",
            omschrijving="Aanmelding gewijzigd",
            obj=aanmelding,
            dossier_id=dossier.pk,
        )
    return aanmelding


def dossier_has_care(dossier: Dossier) -> bool:
    """Whether the dossier holds beslissingen (and so possibly schakelingen)."""
    return dossier.beslissingen.exists()


@transaction.atomic
def dossier_delete(*, pk: int, gebruiker: Gebruiker, versie: int | None = None) -> str:
    """000 §8: only an open dossier without beslissingen and schakelingen; definitive; given
    `versie`, only that one. The activity log keeps the trace. Returns the deleted dossier's
    code."""
    dossier = Dossier.objects.select_for_update().select_related("client").filter(pk=pk).first()
    if dossier is None:
        raise Conflict(DOSSIER_REEDS_VERWIJDERD)
    check_versie(dossier, versie)
    if not dossier.is_open:
        raise ValidationError(DOSSIER_AFGESLOTEN_NIET_VERWIJDERBAAR)
    if dossier_has_care(dossier):
        raise ValidationError(
            "Het dossier bevat nog beslissingen of schakelingen. Verwijder die eerst."
        )
    activiteit_log(
        voorziening=dossier.voorziening,
        gebruiker=gebruiker,
        actie="dossier_verwijderd",
        omschrijving=f"Dossier {dossier.code} van {dossier.client} verwijderd",
        obj=dossier,
        dossier_id=dossier.pk,
    )
    code = dossier.code
    dossier.delete()
    return code


@transaction.atomic
def dossiers_transfer(
    *, gebruiker: Gebruiker, van: Gebruiker, dossier_ids: list[int], voorziening: Voorziening
) -> int:
    """000 §6: move a colleague's open dossiers to my 'Mijn dossiers'. Only dossiers that are
    still the colleague's and still open move; returns how many did."""
    dossiers = list(
        Dossier.objects.select_for_update()
        .filter(pk__in=dossier_ids, behandelaar=van, status=DossierStatus.OPEN)
        .select_related("client")
    )
    Dossier.objects.filter(pk__in=[d.pk for d in dossiers]).update(
        behandelaar=gebruiker, gewijzigd_op=timezone.now()
    )
    Activiteit.objects.bulk_create(
        Activiteit(
            voorziening=voorziening,
            gebruiker=gebruiker,
            actie="dossier_overgedragen",
            omschrijving=f"Dossier overgedragen van {van} naar {gebruiker}",
            object_type=Dossier._meta.label,
            object_id=d.pk,
            dossier_id=d.pk,
        )
        for d in dossiers
    )
    return len(dossiers)
