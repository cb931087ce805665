import datetime
from typing import cast

from django import forms
from django.core.exceptions import ValidationError

from bezetting.engine.bezetting import kwartalen_tussen, periode_fout
from lib.formvelden import DateInput


class PeriodeForm(forms.Form):
    """A period of at most one year (000 §14.1), counted up to and including its last day."""

    van = forms.DateField(label="Van", widget=DateInput)
    tot = forms.DateField(
        label="Tot en met", widget=DateInput, help_text="We tellen tot en met deze datum."
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        van, tot = data.get("van"), data.get("tot")
        if van and tot and (fout := periode_fout("", van, tot)):
            self.add_error("tot", fout)
        return data


def alle_of_gekozen(form: forms.Form, veld: str, fout: str) -> list[str]:
    """Every choice when 'Alle …' is ticked; else those chosen, at least one."""
    if form.data.get("alle") in ("on", "true", "1"):
        keuzes = cast(forms.ChoiceField, form.fields[veld]).choices
        return [code for code, _ in keuzes]  # type: ignore[union-attr, misc]  # a plain list
    if not form.cleaned_data[veld]:
        raise ValidationError(f"{fout} of vink '{form.fields['alle'].label}' aan.")
    return form.cleaned_data[veld]


class TypemodulesMixin(forms.Form):
    """The typemodules to compute, or all of them at once."""

    alle = forms.BooleanField(label="Alle typemodules", required=False)
    typemodules = forms.MultipleChoiceField(
        label="Typemodules",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Of vink 'Alle typemodules' aan.",
    )

    def _keuzes(self, keuzes: list[tuple[str, str]]) -> None:
        cast(forms.ChoiceField, self.fields["typemodules"]).choices = keuzes

    def clean_typemodules(self):
        return alle_of_gekozen(self, "typemodules", "Kies minstens één typemodule")


class BezettingForm(TypemodulesMixin, PeriodeForm):
    """'Bereken bezettingsgraad' (000 §14.1): a period and the typemodules."""

    def __init__(self, *args, keuzes: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._keuzes(keuzes)
        # The fields in the order a person fills them in: period, then typemodules.
        self.order_fields(["van", "tot", "alle", "typemodules"])


def _kwartaal_van(dag: datetime.date) -> tuple[int, int]:
    return dag.year, (dag.month - 1) // 3 + 1


def voorkeuzes(vandaag: datetime.date, *, per_kwartaal: bool) -> list[tuple[str, dict]]:
    """Dit kwartaal, vorig kwartaal, dit jaar, vorig jaar: the form's values for each, with
    every typemodule. A period of days runs up to today, never into days not yet lived."""
    jaar, nummer = _kwartaal_van(vandaag)
    vorig = (jaar - 1, 4) if nummer == 1 else (jaar, nummer - 1)
    if per_kwartaal:
        perioden = [
            ("Dit kwartaal", (jaar, nummer), (jaar, nummer)),
            ("Vorig kwartaal", vorig, vorig),
            ("Dit jaar", (jaar, 1), (jaar, nummer)),
            ("Vorig jaar", (jaar - 1, 1), (jaar - 1, 4)),
        ]
        return [
            (naam, {"van": f"{v[0]}-Q{v[1]}", "tot": f"{t[0]}-Q{t[1]}", "alle": "on"})
            for naam, v, t in perioden
        ]
    begin = datetime.date(jaar, 3 * nummer - 2, 1)
    vorig_begin = datetime.date(vorig[0], 3 * vorig[1] - 2, 1)
    dagen = [
        ("Dit kwartaal", begin, vandaag),
        ("Vorig kwartaal", vorig_begin, begin - datetime.timedelta(days=1)),
        ("Dit jaar", datetime.date(jaar, 1, 1), vandaag),
        ("Vorig jaar", datetime.date(jaar - 1, 1, 1), datetime.date(jaar - 1, 12, 31)),
    ]
    return [
        (naam, {"van": v.isoformat(), "tot": t.isoformat(), "alle": "on"}) for naam, v, t in dagen
    ]


def _kwartalen(vandaag_jaar: int) -> list[tuple[str, str]]:
    return [
        (f"{jaar}-Q{nummer}", f"Kwartaal {nummer} - {jaar}")
        for jaar in range(vandaag_jaar, 2014, -1)
        for nummer in (4, 3, 2, 1)
    ]


class KwartaalForm(TypemodulesMixin, forms.Form):
    """'Bereken benuttingsgraad' (000 §13) and OB bezetting (000 §14.1): from one quarter to
    another; the same quarter twice for one quarter."""

    van = forms.ChoiceField(label="Van kwartaal")
    tot = forms.ChoiceField(label="Tot en met kwartaal")

    def __init__(self, *args, keuzes: list[tuple[str, str]], jaar: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._keuzes(keuzes)
        kwartalen = _kwartalen(jaar)
        cast(forms.ChoiceField, self.fields["van"]).choices = kwartalen
        cast(forms.ChoiceField, self.fields["tot"]).choices = kwartalen
        self.order_fields(["van", "tot", "alle", "typemodules"])

    def kwartalen(self) -> list[tuple[int, int]]:
        van = tuple(int(x) for x in self.cleaned_data["van"].split("-Q"))
        tot = tuple(int(x) for x in self.cleaned_data["tot"].split("-Q"))
        return kwartalen_tussen(van, tot)  # type: ignore[arg-type]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("van") and data.get("tot"):
            aantal = len(self.kwartalen())
            if aantal == 0:
                self.add_error("tot", "Het laatste kwartaal ligt vóór het eerste.")
            elif aantal > 4:
                self.add_error("tot", "Kies hoogstens 4 kwartalen (1 jaar).")
        return data


class InzetForm(forms.Form):
    """'Inzet modules' (000 §16): modules and a period; one day shows the open places."""

    van = forms.DateField(label="Van", widget=DateInput)
    tot = forms.DateField(label="Tot en met", widget=DateInput)
    alle = forms.BooleanField(label="Alle modules", required=False)
    modules = forms.MultipleChoiceField(
        label="Modules",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Of vink 'Alle modules' aan.",
    )

    def __init__(self, *args, keuzes: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["modules"]).choices = keuzes

    def clean_modules(self):
        return alle_of_gekozen(self, "modules", "Kies minstens één module")

    def clean(self):
        super().clean()
        data = self.cleaned_data
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data
