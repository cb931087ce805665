from django.conf import settings
from django.http import HttpRequest

from binc.models import Medewerker
from binc.selectors import voorzieningen_of


def binc(request: HttpRequest) -> dict:
    voorziening = getattr(request, "voorziening", None)
    return {
        "actieve_voorziening": voorziening,
        "oidc_enabled": settings.OIDC_ENABLED,
        "sessie": {
            "idle": settings.SESSION_IDLE_SECONDS,
            "waarschuwing": settings.SESSION_WARN_SECONDS,
        },
        # Lazy: evaluated only where the header shows the 'Wissel voorziening' link.
        "is_privacycontact": lambda: (
            voorziening is not None
            and Medewerker.objects.filter(
                gebruiker=request.user, voorziening=voorziening, privacycontact=True
            ).exists()
        ),
        "kan_wisselen": lambda: (
            voorziening is not None and voorzieningen_of(gebruiker=request.user).count() > 1
        ),
    }
