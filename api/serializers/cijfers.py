"""Kwartalen, bezetting and benutting, and the catalogue (typemodules, modules)."""

from rest_framework import serializers

from api.paginering import pagina_serializer


class KwartaalKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jaar = serializers.IntegerField()
    kwartaal = serializers.IntegerField()
    status = serializers.CharField()
    verzonden_op = serializers.DateTimeField(allow_null=True)
    versie = serializers.IntegerField()


class KwartaalTypemoduleSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    eenheid = serializers.CharField()
    afronding = serializers.CharField(help_text="geen, half of kwart: de toegelaten decimalen.")
    clienten = serializers.IntegerField()
    in_te_vullen = serializers.BooleanField(
        help_text="Nee: 'benutting = inzet', berekend uit de schakelingen."
    )
    totaal = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)


class KwartaalSerializer(KwartaalKortSerializer):
    typemodules = KwartaalTypemoduleSerializer(many=True)


class KwartaalInvoerSerializer(serializers.Serializer):
    totalen = serializers.DictField(
        child=serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True),
        help_text="Per typemodulecode het totaal; null maakt het leeg.",
    )
    verzenden = serializers.BooleanField(required=False)


class RatioSerializer(serializers.Serializer):
    teller = serializers.CharField(allow_null=True)
    noemer = serializers.CharField(allow_null=True)
    graad = serializers.CharField(allow_null=True, help_text="Een breuk (0.8750 = 87,5 %).")
    melding = serializers.CharField(allow_blank=True, help_text="Waarom er geen graad is.")


class BezettingRijSerializer(RatioSerializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    punten = serializers.IntegerField(
        allow_null=True, help_text="Een CKG: de begeleidingspunten van deze typemodule."
    )


class BezettingSerializer(serializers.Serializer):
    van = serializers.DateField()
    tot = serializers.DateField()
    typemodules = BezettingRijSerializer(many=True)
    gewogen = RatioSerializer()


class BenuttingRijSerializer(RatioSerializer):
    code = serializers.CharField()
    naam = serializers.CharField()


class BenuttingGroepSerializer(serializers.Serializer):
    functie = serializers.CharField()
    naam = serializers.CharField()
    totaal = RatioSerializer(help_text="De graad van de functie: Σ teller / Σ noemer.")
    typemodules = BenuttingRijSerializer(many=True)


class BenuttingSerializer(serializers.Serializer):
    van = serializers.CharField(help_text="JJJJ-Qn")
    tot = serializers.CharField(help_text="JJJJ-Qn, inbegrepen")
    functies = BenuttingGroepSerializer(many=True)
    zonder_graad = BenuttingRijSerializer(
        many=True, help_text="Typemodules waarvoor de handleiding geen benuttingsgraad geeft."
    )


class TypemoduleSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Zoals `typemodules` in bezetting en benutting.")
    naam = serializers.CharField()
    functie = serializers.CharField()
    eenheid = serializers.CharField(help_text="Waarin de benutting geteld wordt.")


class PeriodeSerializer(serializers.Serializer):
    van = serializers.DateField(source="geldig_van")
    tot = serializers.DateField(source="geldig_tot", allow_null=True, help_text="Null: open.")


class ModuleSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="De code in de moduledatabank, zoals in `modules`.")
    naam = serializers.CharField()
    typemodule = serializers.CharField(source="typemodule.code")
    perioden = PeriodeSerializer(
        many=True, help_text="Wanneer je voorziening de module mag gebruiken."
    )


TypemodulePaginaSerializer = pagina_serializer("TypemodulePagina", TypemoduleSerializer)


ModulePaginaSerializer = pagina_serializer("ModulePagina", ModuleSerializer)


KwartaalPaginaSerializer = pagina_serializer("KwartaalPagina", KwartaalKortSerializer)
