from typing import Any

from django.db import models

from binc.models import Activiteit, Gebruiker, Voorziening


def activiteit_log(
    *,
    voorziening: Voorziening,
    gebruiker: Gebruiker | None,
    actie: str,
    omschrijving: str,
    obj: models.Model | None = None,
    dossier_id: int | None = None,
    gegevens: dict[str, Any] | None = None,
) -> Activiteit:
    """Write one entry to the append-only activity log (000 §7). Call it inside the same
    transaction as the change it describes, so the log never claims what did not happen."""
    return Activiteit.objects.create(
        voorziening=voorziening,
        gebruiker=gebruiker if gebruiker and gebruiker.is_authenticated else None,
        actie=actie,
        omschrijving=omschrijving[:500],
        object_type=obj._meta.label if obj is not None else "",
        object_id=obj.pk if obj is not None else None,
        dossier_id=dossier_id,
        gegevens=gegevens or {},
    )
