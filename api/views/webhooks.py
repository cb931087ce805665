"""'Webhooks' beside 'API-koppelingen': a voorziening's medewerkers see where the change feed is
pushed, add an address for one of their koppelingen (its secret shown once), resume a paused
subscription and stop one. The same services as the API's /abonnementen/."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from api import webhooks
from api.forms import WebhookForm
from api.selectors import abonnement_van_voorziening, abonnementen_lijst, koppelingen_actief
from api.views.beheer import geheim_eenmalig, geheim_onthouden
from binc.access import MedewerkerRequest, medewerker_required
from binc.forms import add_service_errors

NIEUW_GEHEIM = "webhook_nieuw_geheim"


@never_cache
@medewerker_required
@require_http_methods(["GET", "POST"])
def lijst(request: MedewerkerRequest) -> HttpResponse:
    form = WebhookForm(request.POST or None, koppelingen=koppelingen_actief())
    if form.is_valid():
        try:
            abonnement, nieuw_geheim = webhooks.abonnement_maken(
                koppeling=form.cleaned_data["koppeling"], url=form.cleaned_data["url"]
            )
        except ValidationError as fout:
            add_service_errors(form, fout)
        else:
            geheim_onthouden(request, abonnement, nieuw_geheim, sleutel=NIEUW_GEHEIM)
            return redirect("koppelingen:webhooks")
    nieuw, geheim = geheim_eenmalig(request, abonnementen_lijst(), sleutel=NIEUW_GEHEIM)
    return render(
        request,
        "api/webhooks.html",
        {
            "form": form,
            "abonnementen": abonnementen_lijst(),
            "nieuw": nieuw,
            "geheim": geheim,
            "breadcrumbs": [
                ("API-koppelingen", reverse("koppelingen:lijst")),
                ("Webhooks", ""),
            ],
        },
    )


@medewerker_required
@require_POST
def actie(request: MedewerkerRequest, pk: int) -> HttpResponse:
    abonnement = abonnement_van_voorziening(pk)
    if request.POST.get("actie") == "hervatten":
        webhooks.abonnement_hervatten(abonnement)
        messages.success(request, f"De webhook naar {abonnement.url} werd hervat.")
    else:
        webhooks.abonnement_verwijderen(abonnement)
        messages.success(request, f"De webhook naar {abonnement.url} werd gestopt.")
    return redirect("koppelingen:webhooks")
