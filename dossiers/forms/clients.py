"""Identification, the client form and the client context (000 §3)."""

from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from binc.constants import Geslacht
from binc.forms import BeperkingBijVeld
from dossiers.constants import (
    NietBegeleid,
)
from dossiers.forms.common import rijksregisternummer_clean
from dossiers.models import Client, ContextPersoon
from lib.dates import geboortedatum_fout
from lib.formvelden import DateInput, Keuzerondjes, VersieForm


class RijksregisterZoekForm(forms.Form):
    nummer = forms.CharField(
        label="Rijksregisternummer of BIS-nummer",
        required=False,
        max_length=20,
        help_text="Vul het nummer in zonder spaties of leestekens.",
    )
    naam = forms.CharField(
        label="Naam",
        required=False,
        max_length=100,
        help_text="De volledige familienaam, exact zoals in het rijksregister.",
    )
    geslacht = forms.ChoiceField(
        label="Geslacht",
        required=False,
        choices=[("", "---------"), (Geslacht.MAN, "Man"), (Geslacht.VROUW, "Vrouw")],
    )
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DateInput)
    geboortejaar = forms.IntegerField(label="Geboortejaar", required=False, min_value=1900)

    def __init__(self, *args, voorziening, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # 001 §4.1: a samenwerkingsverband 1G1P searches on the birth year, the others on the
        # birth date (000 §3.1).
        weg = "geboortedatum" if voorziening.is_1g1p else "geboortejaar"
        del self.fields[weg]
        self.geboorte = "geboortejaar" if voorziening.is_1g1p else "geboortedatum"

    def clean_geboortejaar(self) -> int | None:
        jaar = self.cleaned_data["geboortejaar"]
        if jaar is not None and jaar > timezone.localdate().year:
            raise ValidationError("Het geboortejaar kan niet in de toekomst liggen.")
        return jaar

    def clean_nummer(self) -> str:
        value = self.cleaned_data["nummer"].strip()
        return rijksregisternummer_clean(value) if value else ""

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if self.errors or data.get("nummer"):
            return data
        missing = [name for name in ("naam", "geslacht", self.geboorte) if not data.get(name)]
        if len(missing) == 3:
            raise ValidationError(
                "Zoek op rijksregisternummer (of BIS-nummer), of op naam, geslacht en "
                f"{str(self.fields[self.geboorte].label).lower()} samen."
            )
        for name in missing:
            self.add_error(name, "Vul ook dit veld in om op gegevens te zoeken.")
        return data


class ClientExtraForm(BeperkingBijVeld, forms.ModelForm):
    """The mandatory fields Binc adds to the register's identification (000 §3.3.1)."""

    class Meta:
        model = Client
        fields = ["niet_begeleide_minderjarige", "land_van_origine", "omgangstaal"]
        widgets = {"niet_begeleide_minderjarige": Keuzerondjes}
        beperking_velden = {"client_birth_date_unless_unborn": "geboortedatum"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ChoiceField, self.fields["niet_begeleide_minderjarige"]
        ).choices = NietBegeleid.choices
        widget = self.fields["land_van_origine"].widget
        widget.attrs.update({"list": "landen", "data-shortcut": "België"})  # 000 §3.3.1


class ClientWijzigenForm(ClientExtraForm, VersieForm):
    class Meta(ClientExtraForm.Meta):
        pass


class OngeborenForm(ClientExtraForm):
    class Meta(ClientExtraForm.Meta):
        fields = ["naam", "voornaam", *ClientExtraForm.Meta.fields]
        labels = {"naam": "Naam van de moeder", "voornaam": "Voornaam van de moeder"}
        help_texts = {
            "voornaam": "Binc voegt '(ongeboren kind)' toe. Koppel het kind na de geboorte aan "
            "zijn rijksregisternummer."
        }


class KoppelenForm(VersieForm):
    nummer = forms.CharField(
        label="Rijksregisternummer of BIS-nummer",
        max_length=20,
        help_text="Het nummer van het kind na de geboorte.",
        error_messages={"required": "Vul het rijksregisternummer van het kind in."},
    )

    def clean_nummer(self) -> str:
        return rijksregisternummer_clean(self.cleaned_data["nummer"])


class ContextPersoonForm(forms.ModelForm):
    class Meta:
        model = ContextPersoon
        fields = ["relatie", "naam", "voornaam", "geboortedatum", "rijksregisternummer"]
        widgets = {"geboortedatum": DateInput}

    def clean_rijksregisternummer(self) -> str:
        value = self.cleaned_data["rijksregisternummer"].strip()
        return rijksregisternummer_clean(value) if value else ""

    def clean_geboortedatum(self):
        datum = self.cleaned_data["geboortedatum"]
        if datum and (fout := geboortedatum_fout(datum, vandaag=timezone.localdate())):
            raise ValidationError(fout)
        return datum
