import dataclasses
from typing import cast

from django import forms
from django.db import models
from django.db.models import Q
from django.http import Http404

from binc.forms import BeperkingBijVeld, keuzes_uit
from dossiers.constants import Hulpfunctie
from lib.formvelden import DateInput, JaNeeField, Keuzerondjes, hint
from registratie.constants import GerealiseerdVervolg, Soort
from registratie.models import Antwoord, Registratie
from registratie.schema import altijd_verplicht, show_when, velden
from registratie.selectors import MODELS, registratie_get, soorten

JA_NEE_MODELVELDEN = {
    "zwanger",
    "schuldenlast",
    "uitval",
    "gezinsplan_opgesteld",
    "gespecialiseerde_hulp",
}


class RegistratieForm(BeperkingBijVeld, forms.ModelForm):
    """One of the four registration forms, as the voorziening's organisatietype asks it. Nothing
    is required to save (registration is gradual); '*' marks what [Valideren] checks."""

    class Meta:
        beperking_velden = {
            "beginregistratie_schoolachterstand_range": "schoolachterstand",
            "traject_begeleiding_in_order": "begeleiding_einde",
        }

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, soort: str, organisatietype: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.soort = soort
        for field in self.fields.values():
            field.required = False
        for name in altijd_verplicht(soort, organisatietype):
            hint(self.fields[name], verplicht=True)
        conditions = show_when(soort, organisatietype)
        for name, condition in conditions.items():
            if name in self.fields:
                hint(self.fields[name], show_when=condition)
        self._answer_lists()
        if soort == Soort.TRAJECT:
            self.fields["hulp_functies"] = forms.MultipleChoiceField(
                label="Welke gespecialiseerde hulp is aangewezen?",
                choices=Hulpfunctie.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            hint(self.fields["hulp_functies"], show_when=conditions["hulp_functies"])
            gerealiseerd = (self.instance.hulp_gerealiseerd or {}) if self.instance.pk else {}
            for value, label in Hulpfunctie.choices:
                name = f"gerealiseerd_{value}"
                self.fields[name] = forms.ChoiceField(
                    label=f"{label}: gerealiseerd?",
                    required=False,
                    choices=[("", "---------"), *GerealiseerdVervolg.choices],
                    initial=gerealiseerd.get(value, ""),
                )
                hint(self.fields[name], show_when=f"hulp_functies={value}")
            del self.fields["hulp_gerealiseerd"]

    def _answer_lists(self) -> None:
        """Each list's active answers, plus retired ones this record already chose; every list
        of the form in one query."""
        keuzes = {
            name: field
            for name, field in self.fields.items()
            if isinstance(field, forms.ModelChoiceField)
        }
        lijsten: dict[str, str] = {}
        houden: dict[str, set[int]] = {}
        for name, field in keuzes.items():
            relatie = self.Meta.model._meta.get_field(name).remote_field
            lijsten[name] = relatie.limit_choices_to["lijst"]
            houden[name] = set()
            if self.instance.pk:
                if isinstance(field, forms.ModelMultipleChoiceField):
                    houden[name] = set(getattr(self.instance, name).values_list("pk", flat=True))
                elif pk := getattr(self.instance, f"{name}_id"):
                    houden[name] = {pk}
        if not keuzes:
            return
        alle = list(
            Antwoord.objects.filter(lijst__in=set(lijsten.values())).filter(
                Q(actief=True) | Q(pk__in=set().union(*houden.values()))
            )
        )
        for name, field in keuzes.items():
            lijst = [
                a for a in alle if a.lijst == lijsten[name] and (a.actief or a.pk in houden[name])
            ]
            # What is offered is what a post may choose.
            field.queryset = Antwoord.objects.filter(pk__in=[a.pk for a in lijst])
            keuzes_uit(field, lijst)

    def values(self) -> dict:
        data = {
            k: v
            for k, v in self.cleaned_data.items()
            if k != "versie" and not k.startswith("gerealiseerd_")
        }
        if self.soort == Soort.TRAJECT:
            data["hulp_gerealiseerd"] = {
                value: self.cleaned_data[f"gerealiseerd_{value}"]
                for value, _ in Hulpfunctie.choices
                if self.cleaned_data.get(f"gerealiseerd_{value}")
            }
        return data


def registratie_form_class(soort: str, organisatietype: str) -> type[RegistratieForm]:
    model = MODELS[soort]
    fields = velden(soort, organisatietype)
    widgets: dict[str, type[forms.Widget] | forms.Widget] = {}
    for name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field)  # a form field is a model field, never a relation
        if field.get_internal_type() == "DateField":
            widgets[name] = DateInput
        elif field.many_to_many:
            widgets[name] = forms.CheckboxSelectMultiple
        elif field.choices and name != "begeleiding_reden_einde":
            widgets[name] = Keuzerondjes
    field_classes = {name: JaNeeField for name in JA_NEE_MODELVELDEN if name in fields}
    return cast(
        type[RegistratieForm],
        forms.modelform_factory(
            model, form=RegistratieForm, fields=fields, widgets=widgets, field_classes=field_classes
        ),
    )


@dataclasses.dataclass(frozen=True)
class RegistratieFormulier:
    """A dossier's registration form as the screen shows it, for the screen and the API: the
    voorziening's questions, the stored answers, and for a new beginregistratie the client's
    'niet-begeleide minderjarige' as the answer already known."""

    form_class: type[RegistratieForm]
    instance: Registratie | None
    kwargs: dict = dataclasses.field(default_factory=dict)

    @property
    def versie(self) -> int:
        """The ETag of a form not saved yet is version 0, as the screen sends it."""
        return self.instance.versie if self.instance else 0

    def form(self, data=None) -> RegistratieForm:
        return self.form_class(data, **self.kwargs)


def registratie_formulier(dossier, soort: str) -> RegistratieFormulier:
    if soort not in soorten(dossier):
        raise Http404("Dit formulier bestaat niet voor dit dossier.")
    organisatietype = dossier.voorziening.organisatietype
    instance = registratie_get(dossier, soort)
    initial = {"versie": instance.versie if instance else 0}
    if instance is None and soort == Soort.BEGIN:
        initial["niet_begeleide_minderjarige"] = dossier.client.niet_begeleide_minderjarige
    kwargs = {
        "instance": instance,
        "initial": initial,
        "soort": soort,
        "organisatietype": organisatietype,
    }
    return RegistratieFormulier(registratie_form_class(soort, organisatietype), instance, kwargs)
