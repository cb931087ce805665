"""The day's batch (000 §4.2): the schakeling history rows not yet taken up are the outbox. One
transaction turns them into messages and stamps them, so a change is taken up exactly once; an
advisory lock keeps a second run from building beside the first. Rows are read in chunks, so
memory stays flat however large the backlog."""

import datetime
from collections.abc import Iterator
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from dossiers.models import SchakelingWijziging
from groeipakket.berichten import Inhoud, bericht_voor
from groeipakket.constants import BerichtActie
from groeipakket.models import GroeipakketBatch, GroeipakketBericht

# pg_advisory_xact_lock key: 'GP' + 227 (the D227 message).
SLOT = 0x4750_0227
CHUNK = 2_000


def _schakelingen_met_wijzigingen() -> Iterator[list[int]]:
    ids = (
        SchakelingWijziging.objects.filter(verzonden_op__isnull=True)
        .order_by("schakeling_id")
        .values_list("schakeling_id", flat=True)
        .distinct()
    )
    chunk: list[int] = []
    for schakeling_id in ids.iterator(chunk_size=CHUNK):
        chunk.append(schakeling_id)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _laatst_gemeld(schakeling_ids: list[int]) -> dict[int, Inhoud]:
    """What the funds last heard of each schakeling; nothing after an annulering."""
    laatste = (
        GroeipakketBericht.objects.filter(schakeling_id__in=schakeling_ids)
        .order_by("schakeling_id", "-aangemaakt_op", "-id")
        .distinct("schakeling_id")
        .values_list("schakeling_id", "actie", "inhoud")
    )
    return {s: inhoud for s, actie, inhoud in laatste if actie != BerichtActie.ANNULERING}


def batch_maken(*, nu: datetime.datetime | None = None) -> GroeipakketBatch | None:
    """Take up every change not yet taken up. Returns the batch, or None when there was nothing
    to take up or another run holds the lock."""
    nu = nu or timezone.now()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SLOT])
            (vrij,) = cursor.fetchone()
        if not vrij:
            return None
        batch = GroeipakketBatch.objects.create(dag=timezone.localdate(nu))
        aantal = 0
        for schakeling_ids in _schakelingen_met_wijzigingen():
            rijen = list(
                SchakelingWijziging.objects.filter(
                    verzonden_op__isnull=True, schakeling_id__in=schakeling_ids
                )
                .select_for_update()
                .order_by("schakeling_id", "tijdstip", "id")
                .values("id", "schakeling_id", "dossier_id", "voorziening_id", "groeipakket", "na")
            )
            gemeld = _laatst_gemeld(schakeling_ids)
            per_schakeling: dict[int, list[Any]] = {}
            for rij in rijen:
                per_schakeling.setdefault(rij["schakeling_id"], []).append(rij)
            berichten = []
            for schakeling_id, wijzigingen in per_schakeling.items():
                te_melden = [w for w in wijzigingen if w["groeipakket"]]
                if not te_melden:
                    continue
                uitkomst = bericht_voor(
                    te_melden[-1]["na"], laatst_gemeld=gemeld.get(schakeling_id)
                )
                if uitkomst is None:
                    continue
                actie, inhoud = uitkomst
                berichten.append(
                    GroeipakketBericht(
                        batch=batch,
                        voorziening_id=te_melden[-1]["voorziening_id"],
                        dossier_id=te_melden[-1]["dossier_id"],
                        dossier_code=inhoud["dossier"],
                        schakeling_id=schakeling_id,
                        actie=actie,
                        inhoud=inhoud,
                        wijzigingen=[w["id"] for w in wijzigingen],
                    )
                )
            GroeipakketBericht.objects.bulk_create(berichten)
            SchakelingWijziging.objects.filter(id__in=[r["id"] for r in rijen]).update(
                verzonden_op=nu
            )
            aantal += len(berichten)
        if aantal == 0:
            batch.delete()
            return None
        batch.aantal = aantal
        batch.save(update_fields=["aantal"])
    return batch
