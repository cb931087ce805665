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
