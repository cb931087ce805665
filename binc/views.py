from collections.abc import Iterable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binc.access import activate_for_session, medewerker_required, verder_na_keuze
from binc.forms import KiesVoorzieningForm, LoginForm, ModuleFilterForm
from binc.models import ModuleGoedkeuring
from binc.selectors import goedkeuring_get, goedkeuring_list, werkt_voor_een_dienst


class LoginView(auth_views.LoginView):
    template_name = "binc/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
@require_http_methods(["GET", "POST"])
def kies_voorziening(request: HttpRequest) -> HttpResponse:
    """000 §1.1: after logging in, a medewerker chooses the voorziening to register for."""
    data = request.POST if request.method == "POST" else None  # an empty POST is still a POST
    form = KiesVoorzieningForm(data, gebruiker=request.user)
    choices = form.fields["voorziening"].queryset
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
def module_list(request: HttpRequest) -> HttpResponse:
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
def module_detail(request: HttpRequest, pk: int) -> HttpResponse:
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
