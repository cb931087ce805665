"""Beslissingen, schakelingen and closing (000 §4.2, §9)."""

import datetime
from dataclasses import dataclass
from typing import cast

from django import forms
from django.utils import timezone

from binc.constants import Detailvraag
from binc.models import Module, Voorziening
from binc.selectors import modules_goedgekeurd
from dossiers import selectors
from dossiers.constants import (
    Aanmelder,
    BehandelingGerichtOp,
    OndersteunendeBegeleidingVorm,
    SchakelingSoort,
)
from dossiers.forms.common import rijksregisternummer_clean
from dossiers.models import Beslissing, Dossier, Schakeling
from dossiers.rules import OVERGANGSREGELING_VOOR, ModuleKeuze, SchakelingInvoer
from lib.formvelden import DateInput, JaNeeField, Keuzerondjes, VersieForm, hint

PLEEGZORGER_ONVOLLEDIG = "Vul voor een pleegzorger zowel het rijksregisternummer als de naam in."


class ModuleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.naam} ({obj.code})"


class BeslissingForm(forms.ModelForm):
    modules = ModuleChoiceField(
        label="Modulair aanbod",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=Beslissing._meta.get_field("modules").help_text,
        error_messages={"required": "Kies minstens één module."},
    )

    class Meta:
        model = Beslissing
        fields = ["begindatum", "modules", "verwijzingsgrond", "gemandateerde_voorziening"]
        widgets = {
            "begindatum": DateInput,
            "verwijzingsgrond": Keuzerondjes,
            "gemandateerde_voorziening": Keuzerondjes,
        }

    def __init__(self, *args, voorziening: Voorziening, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        queryset = modules_goedgekeurd(voorziening)
        if self.instance.pk:  # modules chosen earlier stay visible even if no longer approved
            queryset = (queryset | self.instance.modules.all()).distinct()
        cast(forms.ModelChoiceField, self.fields["modules"]).queryset = queryset


class BeslissingWijzigenForm(BeslissingForm, VersieForm):
    pass


def _loopt_sinds(dossier) -> datetime.date:
    """The dossier's start (000 §4.1), or its creation while it has no schakeling yet."""
    return selectors.dossier_start(dossier) or timezone.localtime(dossier.aangemaakt_op).date()


class SchakelingForm(VersieForm):
    """Toevoegen/Wijzigen schakeling (000 §4.2). Detail questions appear with their module."""

    begindatum = forms.DateField(
        label="Begindatum",
        widget=DateInput,
        help_text=Schakeling._meta.get_field("begindatum").help_text,
    )
    einddatum = forms.DateField(
        label="Einddatum",
        required=False,
        widget=DateInput,
        help_text=Schakeling._meta.get_field("einddatum").help_text,
    )
    verlenging = forms.BooleanField(
        label="Verlenging: hetzelfde hulpaanbod wordt voortgezet onder de nieuwe beslissing",
        required=False,
        help_text="De modules, details en pleegzorgers van de vorige schakeling worden "
        "overgenomen. Vink uit om ze te wijzigen.",
    )
    modules = ModuleChoiceField(
        label="Modules",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Alle modules die samen lopen. Verandert er één, dan sluit je deze schakeling af "
        "en start je een nieuwe.",
    )
    verzekerd_aanbod = ModuleChoiceField(
        label="Ingezet als verzekerd aanbod (art. 74)",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Enkel bij een aanmelding door het crisismeldpunt.",
    )
    behandeling_gericht_op = forms.MultipleChoiceField(
        label="Behandelpleegzorg: de behandeling is gericht op",
        choices=BehandelingGerichtOp.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    overbruggingszorg = JaNeeField(
        label="Ondersteunende pleegzorg korte duur: gaat het om overbruggingszorg?", required=False
    )
    ob_vorm = forms.ChoiceField(
        label="Vorm van ondersteunende begeleiding",
        required=False,
        choices=[("", "---------"), *OndersteunendeBegeleidingVorm.choices],
    )
    zwaartepunt_elders = forms.BooleanField(
        label="Het zwaartepunt van het verblijf ligt elders",
        required=False,
        help_text=Schakeling._meta.get_field("zwaartepunt_elders").help_text,
    )
    uitbetaling_aan_ouders = JaNeeField(
        label="Overgangsregeling pleegzorgtoeslag: uitbetaling aan ouders?",
        required=False,
        help_text=Schakeling._meta.get_field("uitbetaling_aan_ouders").help_text,
    )
    pleegzorger_1_nummer = forms.CharField(
        label="Pleegzorger 1: rijksregisternummer", required=False, max_length=20
    )
    pleegzorger_1_naam = forms.CharField(
        label="Pleegzorger 1: naam", required=False, max_length=200
    )
    pleegzorger_2_nummer = forms.CharField(
        label="Pleegzorger 2: rijksregisternummer", required=False, max_length=20
    )
    pleegzorger_2_naam = forms.CharField(
        label="Pleegzorger 2: naam", required=False, max_length=200
    )
    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)

    # The service names the pleegzorgers as one; the form asks them per person.
    ERROR_ALIASES = {"pleegzorgers": "pleegzorger_1_nummer"}

    def __init__(
        self, *args, dossier, verlenging_mogelijk: bool = False, nieuw: bool = True, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        if nieuw:
            del self.fields["versie"]
        if not verlenging_mogelijk:
            del self.fields["verlenging"]
        queryset = modules_goedgekeurd(dossier.voorziening)
        instance_modules = kwargs.get("initial", {}).get("modules", [])
        # A saved schakeling keeps its modules, also one approved no longer; a new one offers
        # only what is approved now (its beslissing's others are simply not ticked).
        if instance_modules and not nieuw:
            queryset = (
                queryset | Module.objects.filter(pk__in=[m.pk for m in instance_modules])
            ).distinct()
        cast(forms.ModelChoiceField, self.fields["modules"]).queryset = queryset
        cast(forms.ModelChoiceField, self.fields["verzekerd_aanbod"]).queryset = queryset
        if dossier.aanmelding.aanmelder != Aanmelder.CRISISMELDPUNT:
            del self.fields["verzekerd_aanbod"]
        if dossier.voorziening.is_pleegzorg:
            self.fields["zwaartepunt_elders"].label = "Er is een combinatie met verblijf"

        # Which question shows with which modules comes from the catalogue (000 §4.2.3, §4.2.7).
        def pks(wanted) -> list[int]:
            return [m.pk for m in queryset if wanted(m)]

        pleegzorg = pks(lambda m: m.typemodule.pleegzorgers_gevraagd)
        # 000 §4.2.7: only dossiers running before 01/01/2019 fall under the overgangsregeling.
        overgang = _loopt_sinds(dossier) < OVERGANGSREGELING_VOOR
        conditions = {
            "behandeling_gericht_op": pks(
                lambda m: m.typemodule.detailvraag == Detailvraag.BEHANDELING_GERICHT_OP
            ),
            "overbruggingszorg": pks(lambda m: m.vraagt_overbruggingszorg),
            "ob_vorm": pks(lambda m: m.typemodule.detailvraag == Detailvraag.OB_VORM),
            "uitbetaling_aan_ouders": pks(
                lambda m: m.typemodule.overgangsregeling_pleegzorgtoeslag and overgang
            ),
        }
        for n in ("1", "2"):
            conditions[f"pleegzorger_{n}_nummer"] = pleegzorg
            conditions[f"pleegzorger_{n}_naam"] = pleegzorg
        for name, gekozen in conditions.items():
            if not gekozen:
                del self.fields[name]
            else:
                hint(self.fields[name], show_when="modules=" + "|".join(map(str, gekozen)))
        for name in ("modules", "verzekerd_aanbod", *conditions, "zwaartepunt_elders"):
            if name in self.fields and "verlenging" in self.fields:
                hint(self.fields[name], lock_when="verlenging=on")

    def clean_pleegzorger_1_nummer(self) -> str:
        value = self.cleaned_data["pleegzorger_1_nummer"].strip()
        return rijksregisternummer_clean(value) if value else ""

    def clean_pleegzorger_2_nummer(self) -> str:
        value = self.cleaned_data["pleegzorger_2_nummer"].strip()
        return rijksregisternummer_clean(value) if value else ""

    def clean(self):
        super().clean()
        data = self.cleaned_data
        for n in ("1", "2"):
            nummer, naam = data.get(f"pleegzorger_{n}_nummer"), data.get(f"pleegzorger_{n}_naam")
            if bool(nummer) != bool(naam) and f"pleegzorger_{n}_nummer" not in self.errors:
                missing = f"pleegzorger_{n}_naam" if nummer else f"pleegzorger_{n}_nummer"
                self.add_error(missing, PLEEGZORGER_ONVOLLEDIG)
        return data

    def invoer(self) -> SchakelingInvoer:
        data = self.cleaned_data
        verzekerd = set(data.get("verzekerd_aanbod") or [])
        keuzes = []
        for module in data.get("modules") or []:
            vraag = module.typemodule.detailvraag
            keuzes.append(
                ModuleKeuze(
                    module=module,
                    verzekerd_aanbod=module in verzekerd,
                    behandeling_gericht_op=list(data.get("behandeling_gericht_op") or [])
                    if vraag == Detailvraag.BEHANDELING_GERICHT_OP
                    else [],
                    overbruggingszorg=data.get("overbruggingszorg")
                    if module.vraagt_overbruggingszorg
                    else None,
                    ob_vorm=(data.get("ob_vorm") or "") if vraag == Detailvraag.OB_VORM else "",
                )
            )
        pleegzorgers = [
            (data[f"pleegzorger_{n}_nummer"], data[f"pleegzorger_{n}_naam"].strip())
            for n in ("1", "2")
            if data.get(f"pleegzorger_{n}_nummer") and data.get(f"pleegzorger_{n}_naam")
        ]
        return SchakelingInvoer(
            begindatum=data["begindatum"],
            einddatum=data.get("einddatum"),
            modules=keuzes,
            zwaartepunt_elders=data.get("zwaartepunt_elders", False),
            uitbetaling_aan_ouders=data.get("uitbetaling_aan_ouders"),
            pleegzorgers=pleegzorgers,
            verlenging=data.get("verlenging", False),
        )


def schakeling_initial(schakeling) -> dict:
    """The form's initial values for an existing schakeling."""
    modules = [sm.module for sm in schakeling.modules.all()]
    initial = {
        "begindatum": schakeling.begindatum,
        "einddatum": schakeling.einddatum,
        "modules": modules,
        "verzekerd_aanbod": [sm.module for sm in schakeling.modules.all() if sm.verzekerd_aanbod],
        "zwaartepunt_elders": schakeling.zwaartepunt_elders,
        "uitbetaling_aan_ouders": schakeling.uitbetaling_aan_ouders,
        "verlenging": schakeling.soort == SchakelingSoort.VERLENGING,
        "versie": schakeling.versie,
    }
    for sm in schakeling.modules.all():
        if sm.behandeling_gericht_op:
            initial["behandeling_gericht_op"] = sm.behandeling_gericht_op
        if sm.overbruggingszorg is not None:
            initial["overbruggingszorg"] = sm.overbruggingszorg
        if sm.ob_vorm:
            initial["ob_vorm"] = sm.ob_vorm
    for n, pleegzorger in enumerate(schakeling.pleegzorgers.all(), start=1):
        initial[f"pleegzorger_{n}_nummer"] = pleegzorger.rijksregisternummer
        initial[f"pleegzorger_{n}_naam"] = pleegzorger.naam
    return initial


class EinddatumForm(VersieForm):
    einddatum = forms.DateField(
        label="Einddatum vorige schakeling",
        widget=DateInput,
        help_text="De vorige schakeling moet eerst een einddatum hebben. Een schakeling die "
        "naadloos aansluit, begint op deze einddatum.",
        error_messages={"required": "Vul de einddatum van de vorige schakeling in."},
    )


class AfsluitenForm(forms.Form):
    bevestigd = forms.BooleanField(
        label="Ik bevestig dat ik het dossier wil afsluiten",
        error_messages={"required": "Bevestig dat je het dossier wil afsluiten."},
    )


@dataclass(frozen=True)
class SchakelingFormulier:
    """What the schakeling form needs, read in one place for the screen and the API: the
    beslissing it goes under, the previous schakeling, and the schakeling being changed."""

    dossier: Dossier
    beslissing: Beslissing | None
    vorige: Schakeling | None
    schakeling: Schakeling | None = None

    def kwargs(self) -> dict:
        assert self.beslissing is not None  # the caller refuses a dossier without one
        if self.schakeling is None:
            initial = selectors.schakeling_voorstel(self.beslissing, self.vorige)
        else:
            initial = schakeling_initial(self.schakeling)
        mogelijk = selectors.verlenging_mogelijk(self.dossier, self.beslissing, self.vorige)
        return {
            "dossier": self.dossier,
            "nieuw": self.schakeling is None,
            "initial": initial,
            "verlenging_mogelijk": mogelijk,
        }

    def form(self, data=None) -> SchakelingForm:
        return SchakelingForm(data, **self.kwargs())


def nieuwe_schakeling(dossier: Dossier) -> SchakelingFormulier:
    """'Toevoegen schakeling': under the latest beslissing (None: there is none yet)."""
    return SchakelingFormulier(
        dossier, selectors.laatste_beslissing(dossier), selectors.laatste_schakeling(dossier)
    )


def bestaande_schakeling(dossier: Dossier, pk: int) -> SchakelingFormulier:
    """'Wijzigen schakeling': one of the dossier's schakelingen (404 for any other)."""
    schakeling = selectors.schakeling_get(dossier, pk)
    vorige = selectors.laatste_schakeling(dossier, behalve=schakeling.pk)
    return SchakelingFormulier(dossier, schakeling.beslissing, vorige, schakeling)
