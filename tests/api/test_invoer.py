"""The API's input schema is the screen's form: every input serializer the OpenAPI document
shows has exactly the fields of the form the endpoint feeds, of the same kind, with the same
choices, so the document cannot drift from what the form accepts."""

from django import forms
from rest_framework import serializers

from api import serializers as s
from dossiers.forms import AanmeldingForm, BeslissingForm, SchakelingForm
from lib.formvelden import JaNeeField

# A form field's kind, as the JSON body carries it.
SOORTEN = [
    (forms.ModelMultipleChoiceField, serializers.ListField),
    (forms.MultipleChoiceField, serializers.ListField),
    (forms.NullBooleanField, serializers.BooleanField),
    (forms.BooleanField, serializers.BooleanField),
    (JaNeeField, serializers.BooleanField),  # ja/nee as true/false
    (forms.ChoiceField, serializers.ChoiceField),
    (forms.DateField, serializers.DateField),
    (forms.CharField, serializers.CharField),
]


def _soort(veld: forms.Field) -> type:
    return next(api for form, api in SOORTEN if isinstance(veld, form))


def test_each_input_schema_has_the_forms_fields_kinds_and_choices():
    # The fields a form can ask (a detail question only appears with its module).
    for serializer, form in (
        (s.BeslissingInvoerSerializer, BeslissingForm),
        (s.SchakelingInvoerSerializer, SchakelingForm),
        (s.AanmeldingInvoerSerializer, AanmeldingForm),
    ):
        velden = {n: v for n, v in form.base_fields.items() if n != "versie"}
        naam = serializer.__name__
        api_velden = serializer().fields
        assert set(api_velden) == set(velden), naam
        for veldnaam, veld in velden.items():
            api = api_velden[veldnaam]
            assert isinstance(api, _soort(veld)), f"{naam}.{veldnaam}"
            if isinstance(api, serializers.ListField) and not hasattr(veld, "queryset"):
                api = api.child  # a list of answers from the form's choices
                assert isinstance(api, serializers.ChoiceField), f"{naam}.{veldnaam}"
            if isinstance(api, serializers.ChoiceField):
                keuzes = {str(w) for w, _ in veld.choices if w != ""}
                assert set(map(str, api.choices)) == keuzes, f"{naam}.{veldnaam}"
