"""A form's questions with their value types, and a registration form with its answers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import waardesoorten


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}]})
class KeuzewaardeField(serializers.JSONField):
    """An answer's id (a number) or a fixed choice's text."""


class KeuzeSerializer(serializers.Serializer):
    waarde = KeuzewaardeField(
        help_text="Wat je stuurt en terugkrijgt: het id van een antwoord (een getal) of de "
        "tekst van een vaste keuze."
    )
    label = serializers.CharField()


class VraagSerializer(serializers.Serializer):
    veld = serializers.CharField()
    label = serializers.CharField()
    soort = serializers.ChoiceField(
        choices=waardesoorten.SOORTEN,
        help_text="keuze: één `waarde` uit `keuzes` (of null); meerdere_keuzes: een lijst ervan; "
        "getal; datum (JJJJ-MM-DD); ja_nee: true, false of null; tekst.",
    )
    verplicht = serializers.BooleanField(
        help_text="Verplicht (wanneer de vraag gesteld wordt: zie `voorwaarde`)."
    )
    voorwaarde = serializers.CharField(
        allow_null=True,
        help_text="Null: altijd gesteld. Anders `veld=waarde1|waarde2`: enkel gesteld wanneer "
        "dat veld een van die waarden heeft.",
    )
    meerdere = serializers.BooleanField(help_text="Een lijst van waarden (meerdere_keuzes).")
    keuzes = KeuzeSerializer(many=True, allow_null=True)


class RegistratieSerializer(serializers.Serializer):
    soort = serializers.CharField()
    vragen = VraagSerializer(many=True)
    antwoorden = serializers.DictField(
        help_text="Per veld de waarde in het type dat de vraag noemt; zo terug te sturen."
    )
    ontbrekend = serializers.ListField(child=serializers.CharField())
    versie = serializers.IntegerField()
