"""Tenancy: the one mechanism that scopes voorziening data to the active voorziening.

Every model that belongs to a voorziening declares ``objects = TenantManager()`` (and, when the
voorziening is not a direct field, ``tenant_path``, e.g. ``"dossier__voorziening"``). The
manager filters every query on the voorziening that is active *in this context*:

- a web request: ``VoorzieningMiddleware`` activates the voorziening the medewerker chose;
- a Celery task or management command: ``voorziening_context(v)`` for one voorziening, or
  ``all_voorzieningen()`` for the batch jobs and Opgroeien screens that see across them.

With nothing active the manager raises ``NoActiveVoorziening`` instead of returning rows: a view
that forgets to scope fails loudly in tests and can never show another voorziening's data. A
lookup of another voorziening's object therefore finds nothing and the view answers 404.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

if TYPE_CHECKING:
    from binc.models import Voorziening

SESSION_KEY = "binc_voorziening_id"


class _AllVoorzieningen:
    """Marks an explicit, deliberate cross-voorziening context."""

    def __repr__(self) -> str:
        return "ALL_VOORZIENINGEN"


ALL_VOORZIENINGEN = _AllVoorzieningen()

_active: ContextVar["Voorziening | _AllVoorzieningen | None"] = ContextVar(
    "binc_active_voorziening", default=None
)


class NoActiveVoorziening(RuntimeError):
    """Voorziening data was queried outside a voorziening context."""


def active_voorziening() -> "Voorziening | None":
    """The voorziening of this context, or None (also in a cross-voorziening context)."""
    value = _active.get()
    return None if value is None or value is ALL_VOORZIENINGEN else value


@contextmanager
def voorziening_context(voorziening: "Voorziening | None") -> Iterator[None]:
    token = _active.set(voorziening)
    try:
        yield
    finally:
        _active.reset(token)


@contextmanager
def all_voorzieningen() -> Iterator[None]:
    """For Opgroeien screens and batch jobs that legitimately work across voorzieningen."""
    token = _active.set(ALL_VOORZIENINGEN)
    try:
        yield
    finally:
        _active.reset(token)


class TenantManager(models.Manager):
    def get_queryset(self) -> models.QuerySet:
        queryset = super().get_queryset()
        value = _active.get()
        if value is ALL_VOORZIENINGEN:
            return queryset
        if value is None:
            raise NoActiveVoorziening(
                f"{self.model.__name__} opgevraagd zonder actieve voorziening."
            )
        return queryset.filter(**{getattr(self.model, "tenant_path", "voorziening"): value})


class VoorzieningMiddleware:
    """Activates the voorziening the logged-in medewerker chose, for the whole request.

    The choice lives in the session and is checked against the medewerker's active memberships
    on every request, so a removed membership takes effect at once.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.voorziening = self._voorziening(request)
        with voorziening_context(request.voorziening):
            return self.get_response(request)

    @staticmethod
    def _voorziening(request: HttpRequest) -> "Voorziening | None":
        from binc.selectors import voorzieningen_of

        voorziening_id = request.session.get(SESSION_KEY)
        if voorziening_id is None or not request.user.is_authenticated:
            return None
        return voorzieningen_of(gebruiker=request.user).filter(pk=voorziening_id).first()


def activate_for_session(request: HttpRequest, voorziening: "Voorziening") -> None:
    request.session[SESSION_KEY] = voorziening.pk
    request.voorziening = voorziening


def medewerker_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Views of a voorziening's data: a logged-in medewerker with an active voorziening."""
    # Imported here: auth views pull in the user model, which imports this module.
    from django.contrib.auth.views import redirect_to_login

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.voorziening is None:
            return redirect("binc:kies_voorziening")
        return view(request, *args, **kwargs)

    return wrapper
