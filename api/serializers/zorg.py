"""Beslissingen and schakelingen, as they are answered and as they are sent."""

from rest_framework import serializers

from api.paginering import pagina_serializer
from dossiers.constants import (
    BehandelingGerichtOp,
    GemandateerdeVoorziening,
    OndersteunendeBegeleidingVorm,
    Verwijzingsgrond,
)
from dossiers.models import Beslissing, Schakeling


class BeslissingSerializer(serializers.ModelSerializer):
    modules = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Beslissing
        fields = [
            "id",
            "begindatum",
            "verwijzingsgrond",
            "gemandateerde_voorziening",
            "modules",
            "aangemaakt_op",
            "versie",
        ]


class BeslissingInvoerSerializer(serializers.Serializer):
    begindatum = serializers.DateField()
    modules = serializers.ListField(
        child=serializers.CharField(max_length=20),
        help_text="Modulecodes uit de moduledatabank, goedgekeurd voor je voorziening.",
    )
    verwijzingsgrond = serializers.ChoiceField(choices=Verwijzingsgrond.choices)
    gemandateerde_voorziening = serializers.ChoiceField(
        choices=GemandateerdeVoorziening.choices, required=False
    )


class ModuleInzetSerializer(serializers.Serializer):
    code = serializers.CharField(source="module.code")
    verzekerd_aanbod = serializers.BooleanField()
    behandeling_gericht_op = serializers.ListField(child=serializers.CharField())
    overbruggingszorg = serializers.BooleanField(allow_null=True)
    ob_vorm = serializers.CharField()


class PleegzorgerSerializer(serializers.Serializer):
    rijksregisternummer = serializers.CharField()
    naam = serializers.CharField()


class SchakelingSerializer(serializers.ModelSerializer):
    modules = ModuleInzetSerializer(many=True, read_only=True)
    pleegzorgers = PleegzorgerSerializer(many=True, read_only=True)

    class Meta:
        model = Schakeling
        fields = [
            "id",
            "soort",
            "beslissing",
            "begindatum",
            "einddatum",
            "zwaartepunt_elders",
            "uitbetaling_aan_ouders",
            "modules",
            "pleegzorgers",
            "versie",
        ]


class SchakelingInvoerSerializer(serializers.Serializer):
    begindatum = serializers.DateField()
    einddatum = serializers.DateField(required=False, allow_null=True)
    modules = serializers.ListField(child=serializers.CharField(max_length=20))
    verzekerd_aanbod = serializers.ListField(
        child=serializers.CharField(max_length=20),
        required=False,
        help_text="De modules die als verzekerd aanbod (art. 74) ingezet worden.",
    )
    verlenging = serializers.BooleanField(required=False)
    zwaartepunt_elders = serializers.BooleanField(required=False)
    uitbetaling_aan_ouders = serializers.BooleanField(required=False, allow_null=True)
    behandeling_gericht_op = serializers.ListField(
        child=serializers.ChoiceField(choices=BehandelingGerichtOp.choices), required=False
    )
    overbruggingszorg = serializers.BooleanField(required=False, allow_null=True)
    ob_vorm = serializers.ChoiceField(choices=OndersteunendeBegeleidingVorm.choices, required=False)
    pleegzorger_1_nummer = serializers.CharField(required=False)
    pleegzorger_1_naam = serializers.CharField(required=False)
    pleegzorger_2_nummer = serializers.CharField(required=False)
    pleegzorger_2_naam = serializers.CharField(required=False)
    bevestigd = serializers.BooleanField(
        required=False,
        help_text="Bevestigt de waarschuwingen (een D227 naar de fondsen, een "
        "modulecombinatie) die een eerder verzoek met 409 teruggaf.",
    )


BeslissingPaginaSerializer = pagina_serializer("BeslissingPagina", BeslissingSerializer)


SchakelingPaginaSerializer = pagina_serializer("SchakelingPagina", SchakelingSerializer)
