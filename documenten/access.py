"""Who may use the documenten screens: a medewerker of the chosen voorziening, or a medewerker
of a dienst (OCJ, SDJ, GI, Opgroeien), who has no voorziening to choose."""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from binc.access import IngelogdRequest, P, R, naar_kies_voorziening
from binc.models import Gebruiker
from documenten import selectors


def lezer_required(
    view: Callable[Concatenate[IngelogdRequest, selectors.Lezer, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponse]:
    """A medewerker of the chosen voorziening or of a dienst (OCJ, SDJ, GI, Opgroeien)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        lezer = documenten_lezer(request)
        if not lezer.kan_delen:
            return naar_kies_voorziening(request)
        return view(request, lezer, *args, **kwargs)  # type: ignore[arg-type]  # signed in

    return wrapper


def documenten_lezer(request: HttpRequest) -> selectors.Lezer:
    """Once per request: the menu's count and the view share it."""
    lezer: selectors.Lezer | None = getattr(request, "documenten_lezer", None)
    if lezer is None:
        assert isinstance(request.user, Gebruiker)  # signed in: checked by the caller
        lezer = selectors.lezer(
            gebruiker=request.user, voorziening=getattr(request, "voorziening", None)
        )
        request.documenten_lezer = lezer  # type: ignore[attr-defined]
    return lezer
