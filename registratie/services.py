"""Saving a registration form. A form may be saved incomplete (registration is filled in
gradually, 000 §5); the day it first becomes complete is kept for the BR icon."""

from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from binc.models import Gebruiker
from binc.services.activiteiten import activiteit_log
from dossiers.models import Dossier
from dossiers.selectors import dossier_get
from dossiers.services.dossiers import dossier_summary_refresh
from lib.concurrency import Conflict, save_versioned
from registratie.constants import REEDS_AANGEMAAKT, Soort
from registratie.models import Geopend
from registratie.schema import ontbrekend, te_veel, velden, verborgen
from registratie.selectors import MODELS


def registratie_geopend(*, dossier: Dossier, soort: str) -> None:
    """Reports count a form that was opened even if never saved (000 §17)."""
    Geopend.objects.get_or_create(dossier=dossier, soort=soort)


def _empty_value(model: type[models.Model], name: str) -> Any:
    field = model._meta.get_field(name)
    if field.many_to_many or isinstance(field, ArrayField):
        return []
    if isinstance(field, models.JSONField):
        return {}
    return "" if isinstance(field, models.CharField | models.TextField) else None


def _clean(soort: str, organisatietype: str, values: dict[str, Any]) -> dict[str, Any]:
    """Answers hidden by other answers are cleared, so reports never count stale values."""
    model = MODELS[soort]
    values = dict(values)
    for name in verborgen(soort, organisatietype, values):
        values[name] = _empty_value(model, name)
    if values.get("hulp_gerealiseerd"):
        functies = values.get("hulp_functies") or []
        values["hulp_gerealiseerd"] = {
            k: v for k, v in values["hulp_gerealiseerd"].items() if k in functies
        }
    return values


def registratie_opslaan(
    *, dossier_pk: int, soort: str, versie: int, values: dict[str, Any], gebruiker: Gebruiker
) -> list[str]:
    """Create (versie 0) or update the form under a lock on the dossier; returns the mandatory
    fields still blank. Two users creating the same form: the second gets the manual's message
    (000 §11)."""
    model = MODELS[soort]
    with transaction.atomic():
        dossier = dossier_get(pk=dossier_pk, for_update=True)
        organisatietype = dossier.voorziening.organisatietype
        allowed = set(velden(soort, organisatietype))
        values = _clean(soort, organisatietype, {k: v for k, v in values.items() if k in allowed})
        if fouten := te_veel(soort, organisatietype, values):
            raise ValidationError({name: [message] for name, message in fouten.items()})
        m2m = {f.name for f in model._meta.many_to_many}
        plain = {k: v for k, v in values.items() if k not in m2m}
        missing = ontbrekend(soort, organisatietype, values)
        instance = model._default_manager.select_for_update().filter(dossier=dossier).first()
        if versie == 0:
            if instance is not None:
                raise Conflict(REEDS_AANGEMAAKT[soort], causes=[])
            try:
                with transaction.atomic():
                    instance = model._default_manager.create(dossier=dossier, **plain)
            except IntegrityError as exc:
                raise Conflict(REEDS_AANGEMAAKT[soort], causes=[]) from exc
            # A form saved by any path (the API, the demo) was opened: reports count it (§17.2).
            registratie_geopend(dossier=dossier, soort=soort)
        else:
            if instance is None:
                raise Conflict()
            for name, value in plain.items():
                setattr(instance, name, value)
            save_versioned(instance, versie=versie, fields=[*plain, "gewijzigd_op"])
        for name in m2m & set(values):
            getattr(instance, name).set(values[name])
        volledig_op = None if missing else (instance.volledig_op or timezone.localdate())
        model._default_manager.filter(pk=instance.pk).update(volledig_op=volledig_op)
        dossier_summary_refresh(dossier)
        activiteit_log(
            voorziening=dossier.voorziening,
            gebruiker=gebruiker,
            actie=f"registratie_{soort}",
            omschrijving=f"{Soort(soort).label} opgeslagen"
            + (" (volledig)" if not missing else ""),
            obj=instance,
            dossier_id=dossier.pk,
        )
    return missing
