"""The API's refusals as RFC 9457 problem details: one catalogue of codes, each with its
status, its Dutch title and what to do about it. The `type` of a problem is the page of the
site that explains its code (`/api/v1/problemen/<code>/`); `instance` is the path asked for and
`verzoek_id` the request's id, also in the `X-Request-ID` header and the logs."""

from dataclasses import dataclass

from django.http import HttpRequest

from lib.verzoek import verzoek_id

PAD = "/api/v1/problemen/"
MEDIATYPE = "application/problem+json"


@dataclass(frozen=True)
class Soort:
    status: int
    titel: str
    uitleg: str


SOORTEN = {
    "ongeldig": Soort(
        400,
        "Ongeldig verzoek",
        "Een veld is niet ingevuld zoals het formulier van de schermen het vraagt. `fouten` "
        "noemt per veld (`veld`) de melding van het scherm (`melding`) en een vaste `code`: "
        "verplicht, ongeldig, onbekende_keuze, te_lang, te_kort, te_groot, te_klein, "
        "te_veel_cijfers, bestaat_al.",
    ),
    "onleesbaar": Soort(
        400,
        "Onleesbaar verzoek",
        "De inhoud is geen JSON die Binc kan lezen: geen geldige JSON, dieper dan 20 niveaus, "
        "een tekst met een NUL-teken of een losse surrogaat, of een getal van duizenden cijfers. "
        "Er werd niets bewaard.",
    ),
    "niet_aangemeld": Soort(
        401,
        "Niet aangemeld",
        "Stuur `Authorization: Bearer <token>`; een token haal je met de client-id en het "
        "geheim van de koppeling aan `/api/v1/token/`. Een token blijft een uur geldig.",
    ),
    "geen_toegang": Soort(
        403,
        "Geen toegang",
        "De koppeling heeft het recht niet: lezen (`lezen`) of registreren (`schrijven`).",
    ),
    "niet_gevonden": Soort(
        404,
        "Niet gevonden",
        "Dat bestaat niet, of niet voor deze voorziening: een id van een andere voorziening "
        "antwoordt zoals een onbestaand id.",
    ),
    "methode_niet_toegelaten": Soort(
        405,
        "Methode niet toegelaten",
        "Dit pad kent deze HTTP-methode niet; de kop `Allow` noemt wat wel kan.",
    ),
    "formaat_niet_beschikbaar": Soort(
        406,
        "Formaat niet beschikbaar",
        "Binc antwoordt in JSON (`application/json`); vraag dat in `Accept`, of laat `Accept` weg.",
    ),
    "bevestigen": Soort(
        409,
        "Bevestiging nodig",
        "Het scherm zou eerst om bevestiging vragen (een D227 aan het kinderbijslagfonds, een "
        "combinatie van modules). Er werd niets bewaard; `waarschuwingen` noemt ze met een vaste "
        '`code`. Stuur hetzelfde verzoek met `"bevestigd": true` om te bewaren.',
    ),
    "conflict": Soort(
        409,
        "Conflict",
        "Wat je wijzigt, bestaat intussen niet meer, of de toestand laat het niet toe (bv. een "
        "afgesloten dossier). De melding is die van de schermen.",
    ),
    "afsluiten_onvolledig": Soort(
        409,
        "Dossier nog niet af te sluiten",
        "`ontbrekend` noemt wat het afsluiten nog tegenhoudt, zoals de werklijst het toont.",
    ),
    "intussen_gewijzigd": Soort(
        412,
        "Intussen gewijzigd",
        "Iemand bewaarde eerst: de ETag in `If-Match` is niet meer de huidige. Lees opnieuw en "
        "beslis of je wijziging nog klopt.",
    ),
    "te_groot": Soort(
        413,
        "Verzoek te groot",
        "De inhoud is groter dan Binc aanneemt (2,5 MB). Geen enkel formulier vraagt zoveel.",
    ),
    "formaat_niet_ondersteund": Soort(
        415,
        "Formaat niet ondersteund",
        "Stuur de inhoud als JSON, met `Content-Type: application/json`.",
    ),
    "sleutel_hergebruikt": Soort(
        422,
        "Verzoek past niet bij de sleutel",
        "Deze Idempotency-Key werd binnen 24 uur al gebruikt voor een ander verzoek. Kies per "
        "verzoek een nieuwe sleutel; herhaal met dezelfde sleutel enkel hetzelfde verzoek.",
    ),
    "if_match_ontbreekt": Soort(
        428,
        "If-Match ontbreekt",
        "Een wijziging of verwijdering vraagt in `If-Match` de ETag van wat je las: zo "
        "overschrijf je nooit wat een ander intussen bewaarde.",
    ),
    "te_veel_verzoeken": Soort(
        429,
        "Te veel verzoeken",
        "De koppeling deed deze minuut meer verzoeken dan toegelaten; `Retry-After` zegt na "
        "hoeveel seconden het weer kan.",
    ),
    "fout_in_binc": Soort(
        500,
        "Fout in Binc",
        "Er liep iets mis in Binc; er werd niets bewaard. Meld het met het `verzoek_id`.",
    ),
}

# The codes a DRF exception carries, in Binc's words.
DRF_CODES = {
    "parse_error": "onleesbaar",
    "not_authenticated": "niet_aangemeld",
    "authentication_failed": "niet_aangemeld",
    "permission_denied": "geen_toegang",
    "not_found": "niet_gevonden",
    "method_not_allowed": "methode_niet_toegelaten",
    "not_acceptable": "formaat_niet_beschikbaar",
    "unsupported_media_type": "formaat_niet_ondersteund",
    "throttled": "te_veel_verzoeken",
}

# A refused field's code: Django's validation codes, in Binc's words.
VELDCODES = {
    "required": "verplicht",
    "blank": "verplicht",
    "null": "verplicht",
    "invalid": "ongeldig",
    "invalid_choice": "onbekende_keuze",
    "invalid_pk_value": "onbekende_keuze",
    "invalid_list": "ongeldig",
    "does_not_exist": "onbekende_keuze",
    "max_length": "te_lang",
    "min_length": "te_kort",
    "max_value": "te_groot",
    "min_value": "te_klein",
    "max_digits": "te_veel_cijfers",
    "max_decimal_places": "te_veel_cijfers",
    "max_whole_digits": "te_veel_cijfers",
    "unique": "bestaat_al",
}


def veldcode(code: str | None) -> str:
    return VELDCODES.get(code or "", "ongeldig")


def inhoud(request: HttpRequest, code: str, detail: str, **extra: object) -> dict:
    """A problem's body: its page, title and status from the catalogue."""
    soort = SOORTEN[code]
    return {
        "type": request.build_absolute_uri(f"{PAD}{code}/"),
        "title": soort.titel,
        "status": soort.status,
        "detail": detail,
        "instance": request.path,
        "verzoek_id": verzoek_id(),
        **extra,
    }
