from django.conf import settings
from django.http import HttpRequest

from binc.selectors import voorzieningen_of


def binc(request: HttpRequest) -> dict:
    voorziening = getattr(request, "voorziening", None)
    return {
        "actieve_voorziening": voorziening,
        "oidc_enabled": settings.OIDC_ENABLED,
        # Lazy: evaluated only where the header shows the 'Wissel voorziening' link.
        "kan_wisselen": lambda: (
            voorziening is not None and voorzieningen_of(gebruiker=request.user).count() > 1
        ),
    }
