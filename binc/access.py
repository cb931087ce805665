"""Who may use a voorziening's screens: the request side of tenancy. The middleware activates
the voorziening the medewerker chose (``binc.tenancy`` scopes every query to it) and
``medewerker_required`` guards the views of a voorziening's data."""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from binc.beveiligingslog import gebeurtenis
from binc.models import Gebruiker, Voorziening
from binc.selectors import lidmaatschap
from binc.services.inzage import inzage_log
from binc.tenancy import SESSION_KEY, voorziening_context


class VoorzieningRequest(HttpRequest):
    """A request after the middleware: it carries the active voorziening (if any)."""

    voorziening: Voorziening | None
    htmx: HtmxDetails


class IngelogdRequest(VoorzieningRequest):
    """A request behind a decorator that lets only a signed-in user through."""

    user: Gebruiker  # narrowed by the decorator


class MedewerkerRequest(IngelogdRequest):
    """A request behind ``medewerker_required``: a signed-in medewerker and their voorziening."""

    voorziening: Voorziening


P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)


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


def naar_kies_voorziening(request: HttpRequest) -> HttpResponse:
    """Choose a voorziening first, then on to the page that was asked for (a GET only)."""
    if request.method != "GET":
        return redirect("binc:kies_voorziening")
    return redirect(
        f"{reverse('binc:kies_voorziening')}?{urlencode({'next': request.get_full_path()})}"
    )


def verder_na_keuze(request: HttpRequest) -> HttpResponse:
    """After choosing: the page asked for, if it is one of this site's, else the start page."""
    verder = request.POST.get("next") or request.GET.get("next") or ""
    if verder and url_has_allowed_host_and_scheme(
        verder, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(verder)
    return redirect("dossiers:overzicht")


def activate_for_session(request: VoorzieningRequest, voorziening: Voorziening) -> None:
    # A new session id for the new voorziening (ASVS V7): an id seen before cannot follow.
    request.session.cycle_key()
    request.session[SESSION_KEY] = voorziening.pk
    gebeurtenis(
        "voorziening_gekozen", request, gebruiker=request.user.pk, voorziening=voorziening.pk
    )
    request.voorziening = voorziening


def medewerker_required(
    view: Callable[Concatenate[MedewerkerRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponse]:
    """Views of a voorziening's data: a logged-in medewerker with an active voorziening."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if getattr(request, "voorziening", None) is None:
            return naar_kies_voorziening(request)
        return view(request, *args, **kwargs)  # type: ignore[arg-type]  # narrowed above

    return wrapper


def opgroeien_required(
    view: Callable[Concatenate[IngelogdRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponse]:
    """Opgroeien's own screens beside its admin site: staff only. Signed out, to the login
    page; signed in as anyone else (a medewerker), 403 with the Dutch page, as the admin site
    answers (never the login page, which sends a signed-in user straight back)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("binc:login"))
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied
        return view(request, *args, **kwargs)  # type: ignore[arg-type]  # narrowed above

    return wrapper


def is_privacycontact(request: HttpRequest) -> bool:
    """The medewerker is the chosen voorziening's privacy contact (read with the membership)."""
    lid = getattr(request, "binc_lid", None)
    return lid is not None and lid.privacycontact


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
