"""Saving a registration form. A form may be saved incomplete (registration is filled in
gradually, 000 §5); the day it first becomes complete is kept for the BR icon."""

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from binc.concurrency import Conflict, save_versioned
from binc.models import Gebruiker
from binc.services.activiteiten import activiteit_log
from dossiers.models import Dossier
from dossiers.services.dossiers import dossier_touch
from registratie.constants import REEDS_AANGEMAAKT, Soort
from registratie.models import Geopend
from registratie.selectors import MODELS, br_status, ontbrekend, velden


def registratie_geopend(*, dossier: Dossier, soort: str) -> None:
    """Reports count a form that was opened even if never saved (000 §17)."""
    Geopend.objects.get_or_create(dossier=dossier, soort=soort)


def _clean(soort: str, organisatietype: str, values: dict[str, Any]) -> dict[str, Any]:
    """Answers hidden by other answers are cleared, so reports never count stale values."""
    values = dict(values)
    if soort == Soort.BEGIN:
        niveau = values.get("opleidingsniveau")
        if niveau is not None and niveau.buitengewoon_onderwijs:
            values["schoolachterstand"] = None  # NVT for buitengewoon onderwijs
    if soort == Soort.TRAJECT:
        if not values.get("begeleiding"):
            values.update(
                begeleiding_start=None,
                begeleiding_einde=None,
                begeleiding_reden_einde="",
                begeleiding_reden_andere="",
                gezinsplan_opgesteld=None,
            )
        elif values.get("begeleiding_reden_einde") != "andere":
            values["begeleiding_reden_andere"] = ""
        if not values.get("eerstelijnspsycholoog"):
            values.update(psycholoog_start=None, psycholoog_einde=None, psycholoog_sessies=None)
        if not values.get("gespecialiseerde_hulp"):
            values.update(hulp_functies=[], hulp_andere="", hulp_gerealiseerd={})
        else:
            functies = values.get("hulp_functies") or []
            values["hulp_gerealiseerd"] = {
                k: v for k, v in (values.get("hulp_gerealiseerd") or {}).items() if k in functies
            }
            if "andere" not in functies:
                values["hulp_andere"] = ""
    return values


def registratie_opslaan(
    *, dossier: Dossier, soort: str, versie: int, values: dict[str, Any], gebruiker: Gebruiker
) -> list[str]:
    """Create (versie 0) or update the form; returns the mandatory fields still blank. Two
    users creating the same form: the second gets the manual's message (000 §11)."""
    model = MODELS[soort]
    organisatietype = dossier.voorziening.organisatietype
    allowed = set(velden(soort, organisatietype))
    values = _clean(soort, organisatietype, {k: v for k, v in values.items() if k in allowed})
    m2m = {f.name for f in model._meta.many_to_many}
    plain = {k: v for k, v in values.items() if k not in m2m}
    missing = ontbrekend(soort, organisatietype, values)
    with transaction.atomic():
        instance = model.objects.select_for_update().filter(dossier=dossier).first()
        if versie == 0:
            if instance is not None:
                raise Conflict(REEDS_AANGEMAAKT[soort], causes=[])
            try:
                with transaction.atomic():
                    instance = model.objects.create(dossier=dossier, **plain)
            except IntegrityError as exc:
                raise Conflict(REEDS_AANGEMAAKT[soort], causes=[]) from exc
        else:
            if instance is None:
                raise Conflict()
            for name, value in plain.items():
                setattr(instance, name, value)
            save_versioned(instance, versie=versie, fields=[*plain, "gewijzigd_op"])
        for name in m2m & set(values):
            getattr(instance, name).set(values[name])
        volledig_op = None if missing else (instance.volledig_op or timezone.localdate())
        model._base_manager.filter(pk=instance.pk).update(volledig_op=volledig_op)
        dossier_touch(dossier, br_status=br_status(dossier))
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
