from django import forms
from django.core.exceptions import ValidationError

from bezetting.engine.bezetting import periode_fout
from dossiers.forms.common import DateInput


class BezettingForm(forms.Form):
    """'Bereken bezettingsgraad' (000 §14.1): a period of at most one year and the typemodules."""

    van = forms.DateField(label="Van", widget=DateInput)
    tot = forms.DateField(
        label="Tot en met", widget=DateInput, help_text="We tellen tot en met deze datum."
    )
    typemodules = forms.MultipleChoiceField(
        label="Typemodules",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één typemodule."},
    )

    def __init__(self, *args, keuzes: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["typemodules"].choices = keuzes

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and (fout := periode_fout("", van, tot)):
            self.add_error("tot", fout)
        return data

    def clean_typemodules(self):
        waarde = self.cleaned_data["typemodules"]
        if not waarde:
            raise ValidationError("Kies minstens één typemodule.")
        return waarde
