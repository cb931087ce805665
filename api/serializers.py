"""What the API answers, and the bodies it takes as the OpenAPI document describes them. The
bodies are checked by the screens' own forms (`views.basis.formulier`); these classes only say
their shape."""

from django import forms
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import waardesoorten
from api.paginering import pagina_serializer
from dossiers.constants import (
    BehandelingGerichtOp,
    GemandateerdeVoorziening,
    NietBegeleid,
    OndersteunendeBegeleidingVorm,
    Verwijzingsgrond,
)
from dossiers.forms import AanmeldingForm
from dossiers.models import Aanmelding, Beslissing, Client, Dossier, Schakeling

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
    return serializers.CharField(allow_blank=True, max_length=veld.max_length, **uitleg)


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


class ToewijzenSerializer(serializers.Serializer):
    behandelaar = serializers.IntegerField(help_text="De id van een medewerker van je voorziening.")


class BevestigdSerializer(serializers.Serializer):
    bevestigd = serializers.BooleanField(required=False)


class HeropenenSerializer(serializers.Serializer):
    uitkomst = serializers.ChoiceField(choices=["heropend", "aangevraagd"])
    dossier = DossierSerializer()


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
BeslissingPaginaSerializer = pagina_serializer("BeslissingPagina", BeslissingSerializer)
SchakelingPaginaSerializer = pagina_serializer("SchakelingPagina", SchakelingSerializer)
KwartaalPaginaSerializer = pagina_serializer("KwartaalPagina", KwartaalKortSerializer)


def antwoorden(ok: dict, *fouten: int) -> dict:
    """An operation's responses: its own, and its refusals as problem details."""
    return {
        **ok,
        **{(code, "application/problem+json"): ProbleemSerializer for code in (*fouten, *ALTIJD)},
    }
