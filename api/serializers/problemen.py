"""Problem details (RFC 9457) and the responses an operation documents."""

from rest_framework import serializers


class FoutSerializer(serializers.Serializer):
    veld = serializers.CharField(help_text="Het veld dat niet klopt; leeg: het geheel.")
    melding = serializers.CharField(help_text="De melding van het scherm.")
    code = serializers.CharField(
        help_text="Vast, om op te reageren: verplicht, ongeldig, onbekende_keuze, te_lang, "
        "te_kort, te_groot, te_klein, te_veel_cijfers, bestaat_al."
    )


class WaarschuwingSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Vast, om op te reageren in je eigen systeem.")
    melding = serializers.CharField()


class OntbrekendSerializer(serializers.Serializer):
    melding = serializers.CharField()


class ProbleemSerializer(serializers.Serializer):
    """RFC 9457 problem details, in Dutch."""

    type = serializers.URLField(help_text="De pagina die deze soort fout uitlegt.")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(help_text="Het gevraagde pad.")
    verzoek_id = serializers.CharField(help_text="Het kenmerk van het verzoek (X-Request-ID).")
    fouten = FoutSerializer(many=True, required=False)
    waarschuwingen = WaarschuwingSerializer(many=True, required=False)
    ontbrekend = OntbrekendSerializer(
        many=True, required=False, help_text="Wat het afsluiten nog tegenhoudt."
    )


# Every call can be refused for these: no or a revoked token, a missing scope, too many calls.
ALTIJD = (401, 403, 406, 429)


def antwoorden(ok: dict, *fouten: int) -> dict:
    """An operation's responses: its own, and its refusals as problem details."""
    return {
        **ok,
        **{(code, "application/problem+json"): ProbleemSerializer for code in (*fouten, *ALTIJD)},
    }
