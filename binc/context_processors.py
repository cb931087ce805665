from django.conf import settings
from django.http import HttpRequest

from binc.access import is_privacycontact


def binc(request: HttpRequest) -> dict:
    voorziening = getattr(request, "voorziening", None)
    # Read with the voorziening itself (binc.access.VoorzieningMiddleware): no query of its own.
    lid = getattr(request, "binc_lid", None)
    return {
        "actieve_voorziening": voorziening,
        "oidc_enabled": settings.OIDC_ENABLED,
        "sessie": {
            "idle": settings.SESSION_IDLE_SECONDS,
            "waarschuwing": settings.SESSION_WARN_SECONDS,
        },
        "is_privacycontact": is_privacycontact(request),
        "kan_wisselen": lid is not None and (lid.aantal_voorzieningen or 0) > 1,
    }
