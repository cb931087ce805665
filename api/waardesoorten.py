"""What a form question takes, as JSON: its value type and its values in the types the API
accepts and answers, so an answer read can be sent back unchanged. An answer from a list of
answers (an `Antwoord`) is its id, a number; a fixed choice is its text; ja/nee a boolean."""

import datetime
from decimal import Decimal

from django import forms

from lib.formvelden import JaNeeField

KEUZE = "keuze"
MEERDERE_KEUZES = "meerdere_keuzes"
GETAL = "getal"
DATUM = "datum"
JA_NEE = "ja_nee"
TEKST = "tekst"
SOORTEN = (KEUZE, MEERDERE_KEUZES, GETAL, DATUM, JA_NEE, TEKST)
KEUZESOORTEN = (KEUZE, MEERDERE_KEUZES)


def waardesoort(veld: forms.Field) -> str:
    # ModelMultipleChoiceField is no MultipleChoiceField, JaNeeField is a ChoiceField: the
    # order of the checks matters.
    if isinstance(veld, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return MEERDERE_KEUZES
    if isinstance(veld, JaNeeField | forms.BooleanField | forms.NullBooleanField):
        return JA_NEE
    if isinstance(veld, forms.ModelChoiceField | forms.ChoiceField):
        return KEUZE
    if isinstance(veld, forms.DateField):
        return DATUM
    if isinstance(veld, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return GETAL
    return TEKST


def keuzewaarde(veld: forms.Field, waarde):
    """One choice's value as JSON: an answer's id as a number, a fixed choice as its text."""
    if isinstance(veld, forms.ModelChoiceField):
        return int(getattr(waarde, "value", waarde))
    return str(waarde)


def als_json(veld: forms.Field, waarde):
    """A form value (as the screen shows it) in the question's JSON type; None when empty."""
    soort = waardesoort(veld)
    if soort == MEERDERE_KEUZES:
        return [keuzewaarde(veld, w) for w in waarde or []]
    if waarde in (None, "") and soort != JA_NEE:
        return None
    if soort == KEUZE:
        return keuzewaarde(veld, waarde)
    if soort == JA_NEE:
        return {"ja": True, "nee": False, True: True, False: False}.get(waarde)
    if soort == DATUM:
        return waarde.isoformat() if isinstance(waarde, datetime.date) else str(waarde)
    if soort == GETAL:
        getal = Decimal(str(waarde))
        return int(getal) if getal == getal.to_integral_value() else float(getal)
    return str(waarde)


def vraag(naam: str, veld: forms.Field) -> dict:
    """A question of a form as the API describes it (`VraagSerializer`)."""
    soort = waardesoort(veld)
    keuzes = getattr(veld, "choices", None) if soort in KEUZESOORTEN else None
    return {
        "veld": naam,
        "label": str(veld.label),
        "soort": soort,
        "verplicht": veld.required or getattr(veld, "verplicht", False),
        "voorwaarde": getattr(veld, "show_when", None),
        "meerdere": soort == MEERDERE_KEUZES,
        "keuzes": [{"waarde": keuzewaarde(veld, w), "label": str(t)} for w, t in keuzes if w != ""]
        if keuzes is not None
        else None,
    }


def formulier_vragen(form: forms.BaseForm) -> list[dict]:
    return [vraag(naam, veld) for naam, veld in form.fields.items() if naam != "versie"]
