"""Clients, dossiers and their aanmelding, the actions on a dossier and the change feed."""

from django import forms
from rest_framework import serializers

from api import waardesoorten
from api.paginering import pagina_serializer
from dossiers.constants import (
    NietBegeleid,
)
from dossiers.forms import AanmeldingForm
from dossiers.models import Aanmelding, Client, Dossier

# The aanmelding as the screen's form asks it.
AANMELDING_VELDEN = AanmeldingForm.Meta.fields


class ClientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Client
        fields = ["id", "naam", "voornaam", "geslacht", "geboortedatum", "ongeboren"]


class TestpersoonSerializer(serializers.Serializer):
    rijksregisternummer = serializers.CharField()
    naam = serializers.CharField()
    voornaam = serializers.CharField()
    geslacht = serializers.CharField()
    geboortedatum = serializers.DateField()


class ClientIdentificatieSerializer(serializers.Serializer):
    """The national number only ever travels in a body, never in a URL."""

    rijksregisternummer = serializers.CharField(max_length=15)
    niet_begeleide_minderjarige = serializers.ChoiceField(
        choices=NietBegeleid.choices, required=False
    )
    land_van_origine = serializers.CharField(max_length=100, required=False)
    omgangstaal = serializers.CharField(max_length=20, required=False)


class AanmeldingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Aanmelding
        fields = AANMELDING_VELDEN


class DossierSerializer(serializers.ModelSerializer):
    client = ClientSerializer(read_only=True)
    aanmelding = AanmeldingSerializer(read_only=True)
    behandelaar = serializers.CharField(source="behandelaar.get_full_name", read_only=True)

    class Meta:
        model = Dossier
        fields = [
            "id",
            "code",
            "status",
            "client",
            "behandelaar",
            "aangemaakt_op",
            "gewijzigd_op",
            "afgesloten_op",
            "br_status",
            "laatste_beslissing_begindatum",
            "laatste_schakeling_begindatum",
            "laatste_schakeling_einddatum",
            "aanmelding",
            "versie",
        ]


DossierPaginaSerializer = pagina_serializer("DossierPagina", DossierSerializer)


def _invoerveld(veld: forms.Field) -> serializers.Field:
    """A form field as the JSON body carries it; the form decides what is required."""
    uitleg = {"required": False, "help_text": str(veld.help_text) or None}
    soort = waardesoorten.waardesoort(veld)
    if soort == waardesoorten.JA_NEE:
        return serializers.BooleanField(allow_null=True, **uitleg)
    keuzes = [w for w, _ in getattr(veld, "choices", ()) if w != ""]
    if soort == waardesoorten.MEERDERE_KEUZES:
        return serializers.ListField(child=serializers.ChoiceField(choices=keuzes), **uitleg)
    if soort == waardesoorten.KEUZE:
        return serializers.ChoiceField(choices=keuzes, allow_null=True, allow_blank=True, **uitleg)
    if soort == waardesoorten.DATUM:
        return serializers.DateField(allow_null=True, **uitleg)
    return serializers.CharField(
        allow_blank=True, max_length=getattr(veld, "max_length", None), **uitleg
    )


AanmeldingInvoerSerializer = type(
    "AanmeldingInvoerSerializer",
    (serializers.Serializer,),
    {
        "__doc__": "De aanmelding zoals het scherm ze vraagt. Welke velden je organisatietype "
        "vraagt en welke verplicht zijn (soms pas bij een bepaald antwoord), zegt "
        "`GET /aanmelding/`; een veld dat het niet vraagt, telt niet mee.",
        **{naam: _invoerveld(veld) for naam, veld in AanmeldingForm.base_fields.items()},
    },
)


class DossierNieuwSerializer(serializers.Serializer):
    client = serializers.IntegerField(help_text="De id van een cliënt die je voorziening kent.")
    aanmelding = AanmeldingInvoerSerializer()


class ToewijzenSerializer(serializers.Serializer):
    behandelaar = serializers.IntegerField(help_text="De id van een medewerker van je voorziening.")


class BevestigdSerializer(serializers.Serializer):
    bevestigd = serializers.BooleanField(required=False)


class HeropenenSerializer(serializers.Serializer):
    uitkomst = serializers.ChoiceField(choices=["heropend", "aangevraagd"])
    dossier = DossierSerializer()


class WijzigingSerializer(serializers.Serializer):
    cursor = serializers.IntegerField(source="pk")
    tijdstip = serializers.DateTimeField()
    actie = serializers.CharField()
    omschrijving = serializers.CharField()
    dossier = serializers.IntegerField(source="dossier_id", allow_null=True)
    object_type = serializers.CharField()
    object_id = serializers.IntegerField(allow_null=True)
    door = serializers.CharField(source="gebruiker.get_full_name", allow_null=True)


class WijzigingenSerializer(serializers.Serializer):
    resultaten = WijzigingSerializer(many=True)
    volgende = serializers.IntegerField(
        help_text="Geef dit als `cursor` bij de volgende vraag: je krijgt wat daarna gebeurde."
    )
    meer = serializers.BooleanField(
        help_text="Of er na deze pagina al meer klaarstaat: vraag dan meteen opnieuw."
    )


class AbonnementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    cursor = serializers.IntegerField(help_text="Het laatste afgeleverde event (de feed-cursor).")
    gepauzeerd_op = serializers.DateTimeField(
        allow_null=True, help_text="Gepauzeerd na een dag mislukte pogingen: hervat het."
    )
    laatste_fout = serializers.CharField()
    aangemaakt_op = serializers.DateTimeField()


class AbonnementNieuwSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=500, help_text="Een https-adres op het internet.")


class AbonnementGemaaktSerializer(AbonnementSerializer):
    geheim = serializers.CharField(
        help_text="Eén keer getoond: controleer er elke levering mee (webhook-signature)."
    )


AbonnementPaginaSerializer = pagina_serializer("AbonnementPagina", AbonnementSerializer)
