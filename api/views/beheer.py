"""'API-koppelingen': a voorziening's medewerkers make and revoke the credentials of their own
systems. The secret is shown once, on the page right after it was made; Binc keeps it only
hashed."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from api.forms import KoppelingForm
from api.selectors import koppeling_actief, koppelingen_lijst
from api.services import koppeling_intrekken, koppeling_maken
from binc.access import MedewerkerRequest, medewerker_required
from binc.forms import add_service_errors

NIEUW_GEHEIM = "api_nieuw_geheim"


def geheim_onthouden(
    request: HttpRequest, gemaakt: Model, geheim: str, *, sleutel: str = NIEUW_GEHEIM
) -> None:
    """The new secret (of a koppeling or a webhook), for the page the redirect opens."""
    request.session[sleutel] = [gemaakt.pk, geheim]


def geheim_eenmalig(
    request: HttpRequest, gemaakten: QuerySet, *, sleutel: str = NIEUW_GEHEIM
) -> tuple[Any, str | None]:
    """What was just made (read from `gemaakten`) and its secret, once: gone from the session
    when shown."""
    if request.method != "GET" or sleutel not in request.session:
        return None, None
    pk, geheim = request.session.pop(sleutel)
    return gemaakten.filter(pk=pk).first(), geheim


@never_cache
@medewerker_required
@require_http_methods(["GET", "POST"])
def koppelingen(request: MedewerkerRequest) -> HttpResponse:
    form = KoppelingForm(request.POST or None)
    if form.is_valid():
        try:
            koppeling, geheim = koppeling_maken(
                voorziening=request.voorziening,
                naam=form.cleaned_data["naam"],
                scopes=form.cleaned_data["scopes"],
                door=request.user,
            )
        except ValidationError as fout:
            add_service_errors(form, fout)
        else:
            geheim_onthouden(request, koppeling, geheim)
            return redirect("koppelingen:lijst")
    nieuw, eenmalig = geheim_eenmalig(request, koppelingen_lijst())
    return render(
        request,
        "api/koppelingen.html",
        {
            "form": form,
            "koppelingen": koppelingen_lijst(),
            "nieuw": nieuw,
            "geheim": eenmalig,
            "breadcrumbs": [("API-koppelingen", "")],
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def intrekken(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """Asks first, naming the koppeling: revoking stops a live system at once."""
    koppeling = koppeling_actief(pk)
    if koppeling is None:
        raise Http404("Deze koppeling bestaat niet (meer).")
    if request.method == "POST":
        koppeling_intrekken(koppeling=koppeling, door=request.user)
        messages.success(request, f"De koppeling '{koppeling.naam}' werd ingetrokken.")
        return redirect("koppelingen:lijst")
    return render(
        request,
        "api/koppeling_intrekken.html",
        {
            "koppeling": koppeling,
            "breadcrumbs": [
                ("API-koppelingen", reverse("koppelingen:lijst")),
                (f"'{koppeling.naam}' intrekken", ""),
            ],
        },
    )
