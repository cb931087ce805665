from typing import cast

from django import forms

from api.models import Scope


class KoppelingForm(forms.Form):
    naam = forms.CharField(
        label="Naam",
        max_length=100,
        help_text="Het systeem dat de koppeling gebruikt, bv. 'Eigen cliëntdossier'.",
    )
    scopes = forms.MultipleChoiceField(
        label="Rechten",
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Scope.LEZEN],
        error_messages={"required": "Kies minstens één recht."},
        help_text="Lezen: dossiers, beslissingen, schakelingen en wijzigingen. Schrijven: "
        "cliënten, dossiers, beslissingen en schakelingen registreren.",
    )


class AbonnementForm(forms.Form):
    url = forms.URLField(
        label="Adres",
        max_length=500,
        assume_scheme="https",
        help_text="Het https-adres waar je systeem de wijzigingen ontvangt.",
    )


class WebhookForm(AbonnementForm):
    """'Nieuwe webhook' on the koppelingen page: which koppeling's subscription, and where to."""

    field_order = ["koppeling", "url"]

    koppeling: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Koppeling",
        queryset=None,
        empty_label=None,
        help_text="Het systeem dat de wijzigingen ontvangt.",
        error_messages={"invalid_choice": "Kies een actieve koppeling van je voorziening."},
    )

    def __init__(self, *args, koppelingen, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["koppeling"]).queryset = koppelingen
