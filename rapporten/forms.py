from typing import cast

from django import forms
from django.core.exceptions import ValidationError

from lib.formvelden import DateInput
from rapporten.catalogus import beschikbaar
from rapporten.constants import Rapportsoort
from rapporten.services.aanvragen import periode_fout

KIES_RAPPORT = "Kies minstens één rapport."


class RapportForm(forms.Form):
    """'Nieuw rapport' (000 §17.1): a period of at most one year and one or more reports."""

    van = forms.DateField(label="Van", widget=DateInput)
    tot = forms.DateField(
        label="Tot en met",
        widget=DateInput,
        help_text="De cijfers worden berekend tot en met deze datum. De maximumperiode is 1 jaar.",
    )
    rapporten = forms.MultipleChoiceField(
        label="Rapporten",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": KIES_RAPPORT},
    )

    def __init__(self, *args, is_1g1p: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["rapporten"]).choices = [
            (soort, Rapportsoort(soort).label) for soort in beschikbaar(is_1g1p)
        ]

    def clean_rapporten(self):
        waarde = self.cleaned_data["rapporten"]
        if not waarde:
            raise ValidationError(KIES_RAPPORT)
        return waarde

    def clean(self):
        super().clean()
        data = self.cleaned_data
        van, tot = data.get("van"), data.get("tot")
        if van and tot and (fout := periode_fout(van, tot)):
            self.add_error("tot", fout)
        return data
