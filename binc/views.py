from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binc import werk
from binc.access import (
    IngelogdRequest,
    MedewerkerRequest,
    activate_for_session,
    medewerker_required,
    opgroeien_required,
    verder_na_keuze,
)
from binc.admin import opgroeien_site
from binc.forms import KiesVoorzieningForm, LoginForm, ModuleFilterForm, WerkFilterForm
from binc.selectors import (
    goedkeuring_get,
    goedkeuring_list,
    medewerkers_en,
    werkt_voor_een_dienst,
)
from binc.tenancy import all_voorzieningen
from lib.xlsx import xlsx_response

if TYPE_CHECKING:
    from binc.models import ModuleGoedkeuring


class LoginView(auth_views.LoginView):
    template_name = "binc/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
@require_http_methods(["GET", "POST"])
def kies_voorziening(request: IngelogdRequest) -> HttpResponse:
    """000 §1.1: after logging in, a medewerker chooses the voorziening to register for."""
    data = request.POST if request.method == "POST" else None  # an empty POST is still a POST
    form = KiesVoorzieningForm(data, gebruiker=request.user)
    choices = form.voorzieningen
    if request.method == "GET" and request.voorziening is None:
        if len(choices) == 1:
            activate_for_session(request, choices[0])
            return verder_na_keuze(request)
        if not choices:
            if werkt_voor_een_dienst(gebruiker=request.user):
                # OCJ, SDJ, GI and Opgroeien medewerkers use Binc for shared documents only.
                return redirect("documenten:ontvangen")
            if request.user.is_staff:
                return redirect("opgroeien:index")
            return render(request, "binc/geen_toegang.html", status=403)
    if form.is_valid():
        activate_for_session(request, form.cleaned_data["voorziening"])
        return verder_na_keuze(request)
    return render(
        request,
        "binc/kies_voorziening.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@medewerker_required
def module_list(request: MedewerkerRequest) -> HttpResponse:
    form = ModuleFilterForm(request.GET or {"alleen_actief": True})
    goedkeuringen: Iterable[ModuleGoedkeuring] = []
    if form.is_valid():
        goedkeuringen = goedkeuring_list(
            zoek=form.cleaned_data["zoek"], alleen_actief=form.cleaned_data["alleen_actief"]
        )
    context = {
        "form": form,
        "goedkeuringen": goedkeuringen,
        "breadcrumbs": [("Overzicht Dossiers", reverse("dossiers:overzicht")), ("Modules", "")],
    }
    if request.htmx:
        return render(request, "binc/_module_rows.html", context)
    return render(request, "binc/module_list.html", context)


@medewerker_required
def module_detail(request: MedewerkerRequest, pk: int) -> HttpResponse:
    goedkeuring = goedkeuring_get(pk=pk)
    breadcrumbs = [
        ("Overzicht Dossiers", reverse("dossiers:overzicht")),
        ("Modules", reverse("binc:module_list")),
        (goedkeuring.module.code, ""),
    ]
    return render(
        request,
        "binc/module_detail.html",
        {"goedkeuring": goedkeuring, "breadcrumbs": breadcrumbs},
    )


@require_GET
def toegankelijkheid(request: HttpRequest) -> HttpResponse:
    """The accessibility statement Flemish government sites must publish (public)."""
    return render(request, "binc/toegankelijkheid.html", {"helpdesk": settings.HELPDESK_EMAIL})


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    """000 §1.2: 'Sluit af', top right."""
    auth_logout(request)
    messages.success(request, "Je bent afgemeld.")
    return redirect("binc:login")


def _werklijst(request: IngelogdRequest, doelgroep: werk.Doelgroep, context: werk.Werkcontext):
    """Every item of the audience, and the labels of the kinds this person sees."""
    labels = {s.sleutel: s.label for s in werk.soorten(doelgroep, request.user)}
    return werk.werklijst(context, doelgroep), labels


@medewerker_required
@require_GET
def werklijst(request: MedewerkerRequest) -> HttpResponse:
    """'Werklijst': what the voorziening's rules make due, per medewerker and for the team,
    most urgent first, each with the link that opens its action."""
    vandaag = timezone.localdate()
    context = werk.Werkcontext(vandaag, request.user, request.voorziening)
    items, labels = _werklijst(request, werk.Doelgroep.VOORZIENING, context)
    medewerkers = medewerkers_en(
        voorziening=request.voorziening,
        ook={i.behandelaar_id for i in items if i.behandelaar_id},
    )
    form = WerkFilterForm(request.GET, soorten=list(labels.items()), medewerkers=medewerkers)
    getoond = form.toepassen(items, gebruiker_id=request.user.pk)
    namen = {g.pk: g.get_full_name() or g.username for g in medewerkers}
    if request.GET.get("export"):
        titel = f"Werklijst {request.voorziening.naam}"
        boek = werk.werklijst_xlsx(
            getoond, titel=titel, vandaag=vandaag, labels=labels, namen=namen
        )
        return xlsx_response(boek, f"{titel} {vandaag:%Y%m%d}.xlsx")
    return render(
        request,
        "binc/werklijst.html",
        {
            "form": form,
            "rijen": [
                (i, labels[i.soort], namen.get(i.behandelaar_id or 0, "Team"))
                for i in getoond
                if not i.wacht_op
            ],
            "wachtend": [
                (i, labels[i.soort], namen.get(i.behandelaar_id or 0, "Team"))
                for i in getoond
                if i.wacht_op
            ],
            "vandaag": vandaag,
            "breadcrumbs": [("Werklijst", "")],
        },
    )


@medewerker_required
@require_GET
def werk_tellingen(request: MedewerkerRequest) -> HttpResponse:
    """The start page's counts, mine and the team's, loaded after the page itself."""
    vandaag = timezone.localdate()
    context = werk.Werkcontext(vandaag, request.user, request.voorziening)
    items = werk.werklijst(context, werk.Doelgroep.VOORZIENING)
    tellingen = werk.tellingen(items, gebruiker_id=request.user.pk, vandaag=vandaag)
    return render(request, "binc/_werk_tellingen.html", {"werk": tellingen})


@opgroeien_required
@require_GET
def opgroeien_werklijst(request: IngelogdRequest) -> HttpResponse:
    """Opgroeien's work list across every voorziening: what waits for its decision."""
    vandaag = timezone.localdate()
    with all_voorzieningen():
        items, labels = _werklijst(
            request, werk.Doelgroep.OPGROEIEN, werk.Werkcontext(vandaag, request.user)
        )
    form = WerkFilterForm(request.GET, soorten=list(labels.items()), medewerkers=None)
    getoond = form.toepassen(items, gebruiker_id=request.user.pk)
    if request.GET.get("export"):
        boek = werk.werklijst_xlsx(
            getoond, titel="Werklijst Opgroeien", vandaag=vandaag, labels=labels, namen={}
        )
        return xlsx_response(boek, f"Werklijst Opgroeien {vandaag:%Y%m%d}.xlsx")
    return TemplateResponse(
        request,
        "binc/opgroeien_werklijst.html",
        {
            **opgroeien_site.each_context(request),
            "form": form,
            "rijen": [(i, labels[i.soort], "") for i in getoond],
            "vandaag": vandaag,
            "title": "Werklijst",
        },
    )
