"""The aanmelding, search and transfer (000 §2, §4.1, §6)."""

import datetime
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from binc.forms import BeperkingBijVeld
from binc.models import Voorziening
from dossiers.constants import (
    Aanmelder,
    Hulpfunctie,
)
from dossiers.models import Aanmelding
from dossiers.rules.aanmelding import aanmelding_clean, aanmelding_formulier, specifieke_choices
from lib.formvelden import DateInput, JaNeeField, Keuzerondjes, VersieForm, hint


def _help(name: str) -> str:
    veld = Aanmelding._meta.get_field(name)
    assert isinstance(veld, models.Field)
    return str(veld.help_text)


class AanmeldingForm(BeperkingBijVeld, forms.ModelForm):
    """The aanmelding as the voorziening's organisatietype asks it (000 §4.1, 001 §5.1)."""

    lopend_dossier = JaNeeField(
        label="Is dossier een lopend dossier?", help_text=_help("lopend_dossier")
    )
    via_toegangspoort = JaNeeField(
        label="Via toegangspoort (NRTJ)?", help_text=_help("via_toegangspoort")
    )
    uitstroom_gi = JaNeeField(
        label="Uitstroom uit de gemeenschapsinstelling", help_text=_help("uitstroom_gi")
    )
    wachtlijst = JaNeeField(
        label="Staat het aangemelde gezin of een lid van het gezin op een wachtlijst jeugdhulp?",
        help_text="Zo ja, duid aan voor welke hulp het gezin staat te wachten.",
    )
    wachtlijst_functies = forms.MultipleChoiceField(
        label="Zo ja, voor welke hulp?",
        choices=Hulpfunctie.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Aanmelding
        fields = [
            "uw_referentie",
            "lopend_dossier",
            "startdatum_lopend_dossier",
            "via_toegangspoort",
            "aanmelder",
            "aanmelder_andere",
            "gerechtelijk",
            "uitstroom_gi",
            "specifieke_aanmelding",
            "soort_pleegzorg",
            "pleegzorgdoelgroep",
            "provincie",
            "datum_aanmelding",
            "wachtlijst",
            "wachtlijst_functies",
        ]
        widgets = {
            "startdatum_lopend_dossier": DateInput,
            "datum_aanmelding": DateInput,
            "specifieke_aanmelding": Keuzerondjes,
            "soort_pleegzorg": Keuzerondjes,
            "pleegzorgdoelgroep": Keuzerondjes,
        }
        beperking_velden = {
            "aanmelding_startdatum_only_when_lopend": "startdatum_lopend_dossier",
            "aanmelding_specifiek_never_crisismeldpunt": "specifieke_aanmelding",
            "aanmelding_andere_has_text": "aanmelder_andere",
            "aanmelding_gerechtelijk_only_crisismeldpunt": "gerechtelijk",
            "aanmelding_no_aanmelder_via_toegangspoort": "aanmelder",
        }

    def __init__(self, *args, voorziening: Voorziening, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.voorziening = voorziening
        formulier = aanmelding_formulier(voorziening)
        wanted = formulier.namen()
        for name in self.Meta.fields:
            if name not in wanted:
                del self.fields[name]
        # Which fields are mandatory depends on other answers: aanmelding_clean decides, so
        # nothing is marked required by the browser alone.
        for name in wanted:
            self.fields[name].required = False
        for name in formulier.verplicht_wanneer_getoond():
            hint(self.fields[name], verplicht=True)
        # Shown only with the answer they depend on (forms/form.html, static/js/binc.js).
        for name, condition in formulier.show_when().items():
            hint(self.fields[name], show_when=condition)
        if "specifieke_aanmelding" in self.fields:
            cast(
                forms.ChoiceField, self.fields["specifieke_aanmelding"]
            ).choices = specifieke_choices(voorziening)
        if "aanmelder" in self.fields:
            cast(forms.ChoiceField, self.fields["aanmelder"]).choices = [
                ("", "---------"),
                *Aanmelder.choices,
            ]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        try:
            self.aanmelding_values = aanmelding_clean(
                data, voorziening=self.voorziening, vandaag=timezone.localdate()
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.add_error(name if name in self.fields else None, messages)
            return data
        # The model's constraints are checked on the normalised answers, not the raw input.
        data.update({k: v for k, v in self.aanmelding_values.items() if k in self.fields})
        return data

    def summary(self) -> list[tuple[str, str]]:
        """The saved answers as (question, answer) for the dossier page; unanswered ones and
        unticked checkboxes are left out."""
        rows = []
        for name, field in self.fields.items():
            value = self.initial.get(name)
            if value in (None, "", []) or (
                value is False and isinstance(field, forms.BooleanField)
            ):
                continue
            keuzes = getattr(field, "choices", None)
            if isinstance(value, bool):
                text = "Ja" if value else "Nee"
            elif isinstance(value, datetime.date):
                text = f"{value:%d/%m/%Y}"
            elif isinstance(value, list):
                text = ", ".join(str(dict(keuzes or ()).get(v, v)) for v in value)
            elif keuzes:
                text = str(dict(keuzes).get(value, value))
            else:
                text = str(value)
            rows.append((str(field.label), text))
        return rows


class AanmeldingWijzigenForm(AanmeldingForm, VersieForm):
    pass


class DossierZoekForm(forms.Form):
    naam = forms.CharField(label="Naam", required=False, max_length=100)
    voornaam = forms.CharField(label="Voornaam", required=False, max_length=100)
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DateInput)
    code = forms.CharField(label="Dossiercode", required=False, max_length=30)
    uw_referentie = forms.CharField(label="Uw referentie", required=False, max_length=100)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not self.errors and not any(data.values()):
            raise ValidationError("Vul minstens 1 zoekterm in.")
        return data


class OverdragenForm(forms.Form):
    dossiers = forms.MultipleChoiceField(
        label="Dossiers",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Selecteer minstens één dossier om over te dragen."},
    )

    def __init__(self, *args, dossiers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["dossiers"]).choices = [
            (str(d.pk), f"{d.client.naam} {d.client.voornaam} – {d.code}") for d in dossiers
        ]
