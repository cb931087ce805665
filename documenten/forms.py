"""'Toevoegen document' (000 §18.1, §18.2) and 'Gebruikersbeheer documenten' (§18.3.1)."""

import datetime
from typing import cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from binc.models import Dienst, Voorziening
from documenten import selectors
from documenten.bestanden import LEEG, controleren
from documenten.services import (
    GEEN_PERSOONLIJKE_ONTVANGER,
    ONBEKENDE_GEADRESSEERDE,
    TE_GROOT,
    Ontvanger,
    delen_tot_fout,
    delen_tot_uiterlijk,
)
from dossiers.forms.common import rijksregisternummer_clean
from lib.formvelden import DateInput, hint

ONBEKENDE_DIENST = "Kies een dienst uit de lijst: enkel met gekende diensten kan je delen."
ONBEKENDE_PERSOON = ONBEKENDE_GEADRESSEERDE[:-1] + ": begin de naam te typen."
EMAIL_NODIG = "Vul het e-mailadres van de medewerker in."
NIET_GEVONDEN = (
    "Geen gekende persoon met dit rijksregisternummer. Die moet minstens één keer in Binc "
    "aangemeld zijn."
)


def dienst_label(organisatie: Voorziening | Dienst) -> str:
    """How a service appears in the 'Dienst' list; a voorziening with its erkenningsnummer,
    since two voorzieningen may share a name."""
    if isinstance(organisatie, Voorziening):
        return f"{organisatie.naam} ({organisatie.erkenningsnummer})"
    return organisatie.naam


class DocumentForm(forms.Form):
    beschrijving = forms.CharField(
        label="Beschrijving",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Een korte beschrijving voor de ontvanger, bv. 'Handelingsplan maart'.",
    )
    bestand = forms.FileField(
        label="Bestand",
        max_length=None,
        error_messages={"required": "Kies het bestand dat je wil delen.", "empty": LEEG},
        help_text="Eén bestand van hoogstens 10 MB: pdf, Office of OpenDocument, afbeelding "
        "(png, jpg) of tekst.",
    )
    vertrouwelijk = forms.BooleanField(
        label="Vertrouwelijk document",
        required=False,
        help_text="Enkel jij ziet het document bij de verzonden documenten, je collega's niet.",
    )
    persoonlijk = forms.BooleanField(
        label="Persoonlijk document voor ontvanger",
        required=False,
        help_text="Enkel de geadresseerde ziet het document: kies bij elke voorziening een van de "
        "personen die zij opgaf in 'Gebruikersbeheer documenten'.",
    )

    def __init__(
        self, *args, client_gebonden: bool, persoonlijk: bool, te_groot=frozenset(), **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.te_groot = "bestand" in te_groot
        if self.te_groot:
            self.fields["bestand"].required = False
        if client_gebonden:
            del self.fields["vertrouwelijk"]
        if not persoonlijk:
            del self.fields["persoonlijk"]

    def clean_bestand(self):
        if self.te_groot:
            raise ValidationError(TE_GROOT.format(max=settings.UPLOAD_MAX_BYTES))
        bestand = self.cleaned_data["bestand"]
        if reden := controleren(bestand.name, bestand):
            raise ValidationError(reden)
        return bestand


class OntvangerForm(forms.Form):
    """One recipient row; the blue plus adds another (000 §18.1)."""

    dienst = forms.CharField(
        label="Dienst",
        max_length=250,
        widget=forms.TextInput(attrs={"list": "diensten", "autocomplete": "off"}),
        error_messages={"required": "Kies de dienst waarmee je het document deelt."},
    )
    naam = forms.CharField(
        label="Naam medewerker",
        max_length=200,
        widget=forms.TextInput(attrs={"list": "personen", "autocomplete": "off"}),
        error_messages={"required": "Vul de naam van de medewerker in."},
    )
    email = forms.EmailField(
        label="E-mail medewerker",
        required=False,
        help_text="Het e-mailadres waarop de ontvanger het bericht krijgt. Bij een dienst vult "
        "Binc het adres van de gekozen medewerker in.",
        widget=forms.EmailInput(attrs={"list": "emails", "autocomplete": "off"}),
        error_messages={"invalid": "Vul een geldig e-mailadres in."},
    )
    delen_tot = forms.DateField(
        label="Delen tot en met",
        widget=DateInput(),
        error_messages={
            "required": "Vul in tot wanneer het document beschikbaar is.",
            "invalid": "Vul een geldige datum in.",
        },
    )

    def __init__(
        self,
        *args,
        diensten: dict[str, Voorziening | Dienst],
        persoonlijk: bool = False,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.diensten = diensten
        self.persoonlijk = persoonlijk
        self.fields["delen_tot"].initial = delen_tot_uiterlijk(timezone.localdate())
        # Mandatory for a voorziening's recipient; for a dienst's, Binc fills it in (clean).
        hint(self.fields["email"], verplicht=True)

    def clean_dienst(self) -> Voorziening | Dienst:
        organisatie = self.diensten.get(self.cleaned_data["dienst"].strip().casefold())
        if organisatie is None:
            raise ValidationError(ONBEKENDE_DIENST)
        return organisatie

    def clean_delen_tot(self) -> datetime.date:
        datum = self.cleaned_data["delen_tot"]
        if fout := delen_tot_fout(datum, timezone.localdate()):
            raise ValidationError(fout)
        return datum

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        organisatie = data.get("dienst")
        if isinstance(organisatie, Dienst) and data.get("naam"):
            mensen = [m.gebruiker for m in selectors.dienst_medewerkers(dienst=organisatie)]
            self._geadresseerde(mensen, data, ONBEKENDE_PERSOON.format(dienst=organisatie))
        elif self.persoonlijk and organisatie is not None and data.get("naam"):
            # 000 §18.3.1: a personal document goes to one of the persons the voorziening listed.
            rijen = selectors.ontvangers_persoonlijk(voorziening=organisatie)
            fout = GEEN_PERSOONLIJKE_ONTVANGER.format(voorziening=organisatie.naam)
            self._geadresseerde([r.gebruiker for r in rijen], data, fout)
        elif organisatie is not None and not data.get("email") and "email" not in self.errors:
            self.add_error("email", EMAIL_NODIG)
        return data

    def _geadresseerde(self, mensen: list, data: dict, fout: str) -> None:
        """The row names one of these known people, found by e-mail or else by name, and the
        e-mail is theirs."""
        email, naam = (data.get("email") or "").casefold(), data["naam"].strip().casefold()
        gevonden = [g for g in mensen if email and g.email.casefold() == email] or [
            g for g in mensen if g.get_full_name().casefold() == naam
        ]
        if len(gevonden) != 1 or not gevonden[0].email:
            self.add_error("naam", fout)
            return
        data["geadresseerde"] = gevonden[0]
        data["naam"], data["email"] = gevonden[0].get_full_name(), gevonden[0].email

    def ontvanger(self) -> Ontvanger:
        data = self.cleaned_data
        return Ontvanger(
            organisatie=data["dienst"],
            naam=data["naam"],
            email=data["email"],
            delen_tot=data["delen_tot"],
            geadresseerde=data.get("geadresseerde"),
        )


class BaseOntvangers(forms.BaseFormSet):
    def __init__(self, *args, diensten, persoonlijk: bool = False, **kwargs) -> None:
        self.diensten = diensten
        self.persoonlijk = persoonlijk
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "diensten": self.diensten,
            "persoonlijk": self.persoonlijk,
        }


OntvangersFormSet = cast(
    type[BaseOntvangers],
    forms.formset_factory(
        OntvangerForm,
        formset=BaseOntvangers,
        extra=0,
        min_num=1,
        validate_min=True,
        max_num=20,
        validate_max=True,
    ),
)


def diensten_op_label() -> dict[str, Voorziening | Dienst]:
    """The known services by their label (and a voorziening also by its bare name when no other
    service has it), case-insensitive."""
    bekend = selectors.diensten_gekend()
    namen: dict[str, list] = {}
    for naam, organisatie in bekend:
        namen.setdefault(naam.casefold(), []).append(organisatie)
    opties = {dienst_label(o).casefold(): o for _, o in bekend}
    for naam, organisaties in namen.items():
        if len(organisaties) == 1:
            opties.setdefault(naam, organisaties[0])
    return opties


class ZoekPersoonForm(forms.Form):
    rijksregisternummer = forms.CharField(
        label="Zoek persoon",
        max_length=20,
        help_text="Het rijksregisternummer van de persoon, bv. 85.07.30-033.28.",
        error_messages={"required": "Vul een rijksregisternummer in."},
    )

    def clean_rijksregisternummer(self):
        nummer = rijksregisternummer_clean(self.cleaned_data["rijksregisternummer"])
        persoon = selectors.opgezochte_persoon(rijksregisternummer=nummer)
        if persoon is None:
            raise ValidationError(NIET_GEVONDEN)
        self.persoon = persoon
        return nummer
