"""Who may use a voorziening's screens: the request side of tenancy. The middleware activates
the voorziening the medewerker chose (``binc.tenancy`` scopes every query to it) and
``medewerker_required`` guards the views of a voorziening's data."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from binc.aanmelding import gebeurtenis
from binc.models import Gebruiker, Voorziening
from binc.selectors import lidmaatschap
from binc.services.inzage import inzage_log
from binc.tenancy import SESSION_KEY, voorziening_context


class VoorzieningRequest(HttpRequest):
    """A request after the middleware: it carries the active voorziening."""

    voorziening: Voorziening | None


class VoorzieningMiddleware:
    """Activates the voorziening the logged-in medewerker chose, for the whole request.

    The choice lives in the session and is checked against the medewerker's active memberships
    on every request, so a removed membership takes effect at once.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: VoorzieningRequest) -> HttpResponse:
        request.voorziening = self._voorziening(request)
        with voorziening_context(request.voorziening):
            return self.get_response(request)

    @staticmethod
    def _voorziening(request: HttpRequest) -> Voorziening | None:
        voorziening_id = request.session.get(SESSION_KEY)
        if voorziening_id is None or not request.user.is_authenticated:
            return None
        # One query per request: the membership, and what the menu needs of it (whether the
        # medewerker may switch voorziening, whether they are its privacy contact).
        lid = lidmaatschap(gebruiker=request.user, voorziening_id=voorziening_id)
        request.binc_lid = lid  # type: ignore[attr-defined]
        return lid.voorziening if lid is not None else None


def activate_for_session(request: VoorzieningRequest, voorziening: Voorziening) -> None:
    # A new session id for the new voorziening (ASVS V7): an id seen before cannot follow.
    request.session.cycle_key()
    request.session[SESSION_KEY] = voorziening.pk
    gebeurtenis(
        "voorziening_gekozen", request, gebruiker=request.user.pk, voorziening=voorziening.pk
    )
    request.voorziening = voorziening


def medewerker_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Views of a voorziening's data: a logged-in medewerker with an active voorziening."""

    @wraps(view)
    def wrapper(request: VoorzieningRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.voorziening is None:
            return redirect("binc:kies_voorziening")
        return view(request, *args, **kwargs)

    return wrapper


def inzage(
    request: VoorzieningRequest,
    soort: str,
    *,
    object_id: int,
    client_id: int | None = None,
    dossier_id: int | None = None,
) -> None:
    """This request opens a child's file: one access row (binc_inzage), in the request itself."""
    gebruiker = request.user
    assert isinstance(gebruiker, Gebruiker)  # behind medewerker_required or lezer_required
    inzage_log(
        gebruiker=gebruiker,
        voorziening=request.voorziening,
        soort=soort,
        object_id=object_id,
        client_id=client_id,
        dossier_id=dossier_id,
    )
