"""Who may use the documenten screens: a medewerker of the chosen voorziening, or a medewerker
of a dienst (OCJ, SDJ, GI, Opgroeien), who has no voorziening to choose."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from binc.access import naar_kies_voorziening
from documenten import selectors


def lezer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A medewerker of the chosen voorziening or of a dienst (OCJ, SDJ, GI, Opgroeien)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        lezer = documenten_lezer(request)
        if not lezer.kan_delen:
            return naar_kies_voorziening(request)
        return view(request, lezer, *args, **kwargs)

    return wrapper


def documenten_lezer(request: HttpRequest) -> selectors.Lezer:
    """Once per request: the menu's count and the view share it."""
    if not hasattr(request, "documenten_lezer"):
        request.documenten_lezer = selectors.lezer(
            gebruiker=request.user, voorziening=getattr(request, "voorziening", None)
        )
    return request.documenten_lezer
