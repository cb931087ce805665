"""Optimistic locking: the first save wins, a later conflicting save gets the manual's message
(000 §11). Versioned models carry a `versie` column; forms send back the version the user saw;
`save_versioned` writes only if nobody changed the row in between."""

from django.db import models
from django.db.models import F

STALE_MESSAGE = "De gevraagde actie kon niet uitgevoerd worden."
STALE_CAUSES = [
    "De gegevens zijn mogelijk verouderd. Probeer uw actie opnieuw uit te voeren.",
    "Er werd gebruik gemaakt van de navigatieknoppen van de browser. Gelieve enkel de navigatie "
    "in de applicatie te gebruiken.",
    "Er werd gebruik gemaakt van de meerdere tabbladen of browser windows. Gelieve slechts 1 "
    "scherm voor de applicatie te gebruiken.",
]


class Conflict(Exception):
    """A save lost against an earlier one. `causes` lists what the user may have done."""

    def __init__(self, message: str = STALE_MESSAGE, causes: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.causes = STALE_CAUSES if causes is None and message == STALE_MESSAGE else causes or []


class VersionedModel(models.Model):
    versie = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        abstract = True


def check_versie(instance: VersionedModel, versie: int | None) -> None:
    """A removal against the version the user saw (read under the caller's lock): someone who
    changed it meanwhile wins. None: the caller did not say (the screens' delete buttons)."""
    if versie is not None and instance.versie != versie:
        raise Conflict()


def save_versioned(
    instance: VersionedModel, *, versie: int, fields: list[str], gone_message: str = STALE_MESSAGE
) -> None:
    """Write `fields` of `instance` only if the row still has version `versie`.

    Raises Conflict with `gone_message` when the row no longer exists, and the stale-data
    message when someone else saved first.
    """
    attnames = {field.name: field.attname for field in instance._meta.concrete_fields}
    values = {name: getattr(instance, attnames[name]) for name in fields}
    for field in instance._meta.concrete_fields:
        if getattr(field, "auto_now", False) and field.name in fields:
            values[field.name] = field.pre_save(instance, add=False)
    manager = type(instance)._default_manager  # scoped: never another voorziening's row
    updated = manager.filter(pk=instance.pk, versie=versie).update(**values, versie=F("versie") + 1)
    if not updated:
        if not manager.filter(pk=instance.pk).exists():
            raise Conflict(gone_message)
        raise Conflict()
    instance.versie = versie + 1
