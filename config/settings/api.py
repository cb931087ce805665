"""The registration API (api/, docs/api.md): OAuth2 client credentials per koppeling, problem
details in Dutch, a rate limit per koppeling counted in PostgreSQL."""

import environ

env = environ.Env()
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.toegang.KoppelingAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.toegang.HeeftScope"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.invoer.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problemen.afhandelen",
}
API_VERZOEKEN_PER_MINUUT = env.int("API_VERZOEKEN_PER_MINUUT", default=600)
# Webhooks go to HTTPS addresses on the internet only (never into Binc's own network); a test
# receiver on this machine needs both off.
WEBHOOKS_ENKEL_HTTPS = env.bool("WEBHOOKS_ENKEL_HTTPS", default=True)
WEBHOOKS_ENKEL_PUBLIEK = env.bool("WEBHOOKS_ENKEL_PUBLIEK", default=True)
# django-oauth-toolkit's own models, named as it asks when another app refers to them (model
# names, not secrets).
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER_ACCESS_TOKEN_MODEL = "oauth2_provider.AccessToken"  # noqa: S105
OAUTH2_PROVIDER_REFRESH_TOKEN_MODEL = "oauth2_provider.RefreshToken"  # noqa: S105
OAUTH2_PROVIDER_ID_TOKEN_MODEL = "oauth2_provider.IDToken"  # noqa: S105
OAUTH2_PROVIDER_GRANT_MODEL = "oauth2_provider.Grant"
OAUTH2_PROVIDER = {
    "SCOPES": {"lezen": "Lezen", "schrijven": "Schrijven"},
    "SCOPES_BACKEND_CLASS": "api.toegang.KoppelingScopes",
    "OAUTH2_VALIDATOR_CLASS": "api.toegang.KoppelingValidator",
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    # Only client credentials are used; every RFC 9700 safeguard on (tokens stored hashed,
    # only in the Authorization header, no implicit or password grant, exact https redirects).
    "PKCE_REQUIRED": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
    "ALLOW_URI_WILDCARDS": False,
    **{
        f"COMPLIANT_BCP_RFC9700_{poort}": True
        for poort in (
            "IMPLICIT_GRANT",
            "PASSWORD_GRANT",
            "PKCE_METHOD",
            "ACCESS_TOKEN_TRANSPORT",
            "AUTHZ_RESPONSE_ISS",
            "TOKEN_STORAGE",
            "REFRESH_TOKEN",
            "REDIRECT_URI_SCHEME",
            "REDIRECT_URI_MATCHING",
            "PKCE_REQUIRED",
        )
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Binc registratie-API",
    # Markdown, read by an outside integrator on /api/v1/docs/: what they need to start.
    "DESCRIPTION": """Registreren vanuit het eigen systeem van een voorziening, onder dezelfde \
regels en met dezelfde meldingen als de schermen van Binc.

**Toegang.** Een medewerker maakt op de pagina 'API-koppelingen' een koppeling voor uw systeem: \
u krijgt een client id en een geheim (één keer getoond) met het recht `lezen` of ook \
`schrijven`. Vraag een token met `POST /api/v1/token/` (HTTP Basic met client id en geheim, \
`grant_type=client_credentials`); het blijft een uur geldig. Stuur het bij elke vraag mee als \
`Authorization: Bearer <token>`. Een koppeling ziet alleen haar eigen voorziening: een id van \
een andere antwoordt 404. Per koppeling zijn er zoveel vragen per minuut toegelaten; daarboven \
429 met `Retry-After`.

**De volgorde.** Identificeer de cliënt (`POST /clienten/`, met het rijksregisternummer in de \
inhoud), maak het dossier (`POST /dossiers/`; welke vragen de aanmelding heeft, zegt \
`GET /aanmelding/`), voeg de jeugdhulpbeslissing toe (`POST /dossiers/{id}/beslissingen/`; \
welke modules je mag gebruiken, zegt `GET /modules/`), dan de schakeling \
(`POST /dossiers/{id}/schakelingen/`) en vul de registraties in \
(`PUT /dossiers/{id}/registraties/begin/`). Volg daarna `GET /wijzigingen/` om bij te blijven \
met wat collega's en Opgroeien veranderen. Een dossier dat per vergissing werd aangemaakt, \
verwijder je zolang het geen beslissingen heeft. Elke lijst bladert met `limit` en `cursor` en \
zegt in `meer` of er nog volgt.

**Een testomgeving** zoekt in een eigen testregister in plaats van het rijksregister: \
`GET /testpersonen/` noemt wie je er kan identificeren.

**Fouten** zijn problem details (`application/problem+json`) met in `fouten` per veld de \
melding van het scherm en een vaste `code`; `type` is de pagina die de fout uitlegt (alle \
foutmeldingen: `/api/v1/problemen/`). Elk antwoord draagt `X-Request-ID`, ook als \
`verzoek_id` in een foutmelding: vermeld het bij een vraag aan de helpdesk. Wat het scherm \
laat bevestigen, antwoordt 409 met `waarschuwingen`: herhaal de vraag met `"bevestigd": true`.

**Wijzigen en verwijderen** vraagt `If-Match` met de `ETag` die u las; bewaarde iemand anders \
intussen, dan 412. Lezen met `If-None-Match` en de `ETag` die u al hebt, antwoordt 304 zolang \
er niets wijzigde. Geef bij elke POST een `Idempotency-Key`: dezelfde vraag opnieuw maakt \
niets dubbel.

Modules heten naar hun code in de moduledatabank, datums zijn `JJJJ-MM-DD`, het \
rijksregisternummer staat nooit in een URL.""",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["api.schema.met_slash"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.koppen_en_formaten",
        "api.schema.token_operatie",
        "api.schema.links",
        "api.schema.voorbeelden",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
}
