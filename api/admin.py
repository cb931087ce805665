"""Opgroeien's view of every voorziening's API-koppelingen: who has one with which rights, a
new one for a voorziening (its secret shown once) and revoking."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from api.forms import KoppelingForm
from api.models import Koppeling
from api.services import koppeling_intrekken, koppeling_maken
from api.views.beheer import geheim_eenmalig, geheim_onthouden
from binc.admin import ActiesAdmin, opgroeien_site
from binc.forms import add_service_errors
from binc.models import Voorziening


class NieuweKoppelingForm(KoppelingForm):
    voorziening = forms.ModelChoiceField(
        label="Voorziening", queryset=Voorziening.objects.order_by("naam")
    )
    field_order = ["voorziening", "naam", "scopes"]


@admin.register(Koppeling, site=opgroeien_site)
class KoppelingAdmin(ActiesAdmin):
    list_display = ["naam", "voorziening", "scopes", "aangemaakt_op", "aangemaakt_door", "actief"]
    list_filter = ["scopes", "voorziening"]
    list_select_related = ["voorziening", "aangemaakt_door"]
    search_fields = ["naam", "voorziening__naam"]
    actions = ["intrekken"]
    actie_permissie = "api.change_koppeling"
    change_list_template = "admin/api/koppeling/change_list.html"

    @admin.display(boolean=True, description="actief")
    def actief(self, obj):
        return obj.actief

    @admin.action(description="De geselecteerde koppelingen intrekken", permissions=["change"])
    def intrekken(self, request, queryset):
        for koppeling in queryset.filter(ingetrokken_op__isnull=True):
            koppeling_intrekken(koppeling=koppeling, door=request.user)
        messages.success(request, "De koppelingen werden ingetrokken.")

    def get_urls(self):
        return [
            path("nieuw/", self.admin_site.admin_view(self.nieuw_view), name="api_koppeling_nieuw"),
            *super().get_urls(),
        ]

    def nieuw_view(self, request):
        if not request.user.has_perm(self.actie_permissie):
            return TemplateResponse(request, "errors/403.html", status=403)
        form = NieuweKoppelingForm(request.POST or None)
        if form.is_valid():
            try:
                koppeling, geheim = koppeling_maken(
                    voorziening=form.cleaned_data["voorziening"],
                    naam=form.cleaned_data["naam"],
                    scopes=form.cleaned_data["scopes"],
                    door=request.user,
                )
            except ValidationError as fout:
                add_service_errors(form, fout)
            else:
                geheim_onthouden(request, koppeling, geheim)
                return redirect("opgroeien:api_koppeling_nieuw")
        nieuw, eenmalig = geheim_eenmalig(
            request, Koppeling.alle.select_related("voorziening", "application")
        )
        return TemplateResponse(
            request,
            "admin/api/koppeling/nieuw.html",
            {
                **self.admin_site.each_context(request),
                "form": form,
                "nieuw": nieuw,
                "geheim": eenmalig,
                "title": "Nieuwe API-koppeling",
            },
        )
