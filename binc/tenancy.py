"""Tenancy: the one mechanism that scopes voorziening data to the active voorziening.

Every model that belongs to a voorziening declares ``objects = TenantManager()`` (and, when the
voorziening is not a direct field, ``tenant_path``, e.g. ``"dossier__voorziening"``). The
manager filters every query on the voorziening that is active *in this context*:

- a web request: ``binc.access.VoorzieningMiddleware`` activates the voorziening the
  medewerker chose;
- a Celery task or management command: ``voorziening_context(v)`` for one voorziening, or
  ``all_voorzieningen()`` for the batch jobs and Opgroeien screens that see across them.

With nothing active the manager raises ``NoActiveVoorziening`` instead of returning rows: a view
that forgets to scope fails loudly in tests and can never show another voorziening's data. A
lookup of another voorziening's object therefore finds nothing and the view answers 404.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models

SESSION_KEY = "binc_voorziening_id"


class _AllVoorzieningen:
    """Marks an explicit, deliberate cross-voorziening context."""

    def __repr__(self) -> str:
        return "ALL_VOORZIENINGEN"


ALL_VOORZIENINGEN = _AllVoorzieningen()

_active: ContextVar["models.Model | _AllVoorzieningen | None"] = ContextVar(
    "binc_active_voorziening", default=None
)


class NoActiveVoorziening(RuntimeError):
    """Voorziening data was queried outside a voorziening context."""


def active_voorziening() -> models.Model | None:
    """The voorziening of this context, or None (also in a cross-voorziening context)."""
    value = _active.get()
    return None if value is None or isinstance(value, _AllVoorzieningen) else value


@contextmanager
def voorziening_context(voorziening: models.Model | None) -> Iterator[None]:
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


class UnscopedManager(models.Manager):
    """Every voorziening's rows, whatever context is active. Declared as ``alle`` next to
    ``objects`` on tenant models, for the few reads and writes that must cross voorzieningen
    (another voorziening's open dossier of the same client, merging a client known in several);
    each use says why in a comment. Never for a screen's data."""
