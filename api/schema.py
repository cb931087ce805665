"""How the OpenAPI document describes the authentication: OAuth2 client credentials at
/api/v1/token/ with the scopes 'lezen' and 'schrijven'."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class KoppelingScheme(OpenApiAuthenticationExtension):
    target_class = "api.toegang.KoppelingAuthentication"
    name = "oauth2"

    def get_security_requirement(self, auto_schema):
        lezen = auto_schema.method in ("GET", "HEAD", "OPTIONS")
        return {self.name: ["lezen" if lezen else "schrijven"]}

    def get_security_definition(self, auto_schema):
        return {
            "type": "oauth2",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": "/api/v1/token/",
                    "scopes": {
                        "lezen": "Dossiers, beslissingen, schakelingen en wijzigingen lezen",
                        "schrijven": "Cliënten, dossiers, beslissingen en schakelingen registreren",
                    },
                }
            },
        }


def met_slash(endpoints):
    """Each operation once in the document, under its path with the trailing slash (the path
    without it answers the same: api.urls)."""
    return [e for e in endpoints if e[0].endswith("/")]
