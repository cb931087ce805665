"""Opgroeien's kwartaal and capaciteit screens in /opgroeien/: the work list of sent kwartalen,
'verwerk jaar' with a preview, heropenen, and the capacities with a spreadsheet import."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from binc.admin import ActiesAdmin, AutocompleteMixin, ReadOnlyAdmin, opgroeien_site
from binc.forms import add_service_errors
from dossiers.models import VerwerktJaar
from kwartaal.constants import EERSTE_JAAR, KwartaalStatus
from kwartaal.models import Capaciteit, Kwartaalstaat
from kwartaal.selectors import staat_inhoud
from kwartaal.services.capaciteit import KOLOMMEN, capaciteit_importeren
from kwartaal.services.opgroeien import heropenen, jaar_verwerken, jaar_voorbeeld


class JaarForm(forms.Form):
    jaar = forms.IntegerField(label="Jaar", min_value=EERSTE_JAAR)
    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand (xlsx of CSV)",
        help_text="Kolommen: " + ", ".join(KOLOMMEN) + ". Het hele bestand wordt aanvaard of "
        "geweigerd.",
    )


@admin.register(Kwartaalstaat, site=opgroeien_site)
class KwartaalstaatAdmin(ActiesAdmin):
    """The work list: filter on 'Verzonden' for the kwartalen to process (000 §12.2)."""

    actie_permissie = "kwartaal.change_kwartaalstaat"

    list_display = ["voorziening", "jaar", "kwartaal", "status", "verzonden_op", "verwerkt_op"]
    list_filter = ["status", "jaar"]
    search_fields = ["voorziening__naam"]
    list_select_related = ["voorziening"]
    actions = ["heropenen"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """What the voorziening sent: its totals per typemodule and the figures per client or
        soort it entered (000 §12.2)."""
        staat = self.get_object(request, object_id)
        extra = {**(extra_context or {}), "inhoud": staat_inhoud(staat) if staat else []}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    @admin.action(description="Geselecteerde verwerkte kwartalen heropenen")
    def heropenen(self, request, queryset):
        for staat in queryset.filter(status=KwartaalStatus.VERWERKT):
            heropenen(staat_pk=staat.pk, gebruiker=request.user)
        messages.success(request, "De verwerkte kwartalen werden heropend.")

    def get_urls(self):
        return [
            path(
                "verwerken/",
                self.admin_site.admin_view(self.verwerken_view),
                name="kwartaal_verwerken",
            ),
            *super().get_urls(),
        ]

    def verwerken_view(self, request):
        """'Verwerk jaar': a preview of what is not sent yet, then the sent kwartalen of the year
        become 'verwerkt' (`jaar_verwerken`)."""
        if not request.user.has_perm("kwartaal.change_kwartaalstaat"):
            return redirect("opgroeien:index")
        form = JaarForm(request.POST or None, initial={"jaar": timezone.localdate().year - 1})
        voorbeeld = None
        if form.is_valid():
            jaar = form.cleaned_data["jaar"]
            if form.cleaned_data["bevestigd"]:
                try:
                    aantal = jaar_verwerken(jaar=jaar, gebruiker=request.user)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(
                        request, f"{aantal} verzonden kwartalen van {jaar} werden verwerkt."
                    )
                    return redirect("opgroeien:kwartaal_kwartaalstaat_changelist")
            else:
                try:
                    voorbeeld = jaar_voorbeeld(jaar)
                except ValidationError as error:
                    add_service_errors(form, error)
        return TemplateResponse(
            request,
            "admin/kwartaal/verwerken.html",
            {
                **self.admin_site.each_context(request),
                "form": form,
                "voorbeeld": voorbeeld,
                "title": "Verwerk jaar",
            },
        )


@admin.register(Capaciteit, site=opgroeien_site)
class CapaciteitAdmin(AutocompleteMixin, admin.ModelAdmin):
    """History is never overwritten: a change is a new row from a date (000 §15)."""

    list_display = [
        "voorziening",
        "typemodule",
        "geldig_van",
        "erkende_capaciteit",
        "innovatief_project",
        "verzekerd_aanbod",
    ]
    list_filter = ["typemodule__functie"]
    search_fields = ["voorziening__naam", "typemodule__naam"]
    list_select_related = ["voorziening", "typemodule"]
    autocomplete_fields = ["voorziening"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "importeren/",
                self.admin_site.admin_view(self.importeren_view),
                name="kwartaal_capaciteit_importeren",
            ),
            *super().get_urls(),
        ]

    def importeren_view(self, request):
        if not request.user.has_perm("kwartaal.add_capaciteit"):
            return redirect("opgroeien:index")
        form = ImportForm(request.POST or None, request.FILES or None)
        verslag = None
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            verslag = capaciteit_importeren(bestand.file, bestand.name)
            if verslag.aanvaard:
                messages.success(request, f"{verslag.aantal} capaciteiten werden ingeladen.")
                return redirect("opgroeien:kwartaal_capaciteit_changelist")
        return TemplateResponse(
            request,
            "admin/kwartaal/capaciteit_import.html",
            {
                **self.admin_site.each_context(request),
                "form": form,
                "verslag": verslag,
                "title": "Capaciteit inladen",
            },
        )


@admin.register(VerwerktJaar, site=opgroeien_site)
class VerwerktJaarAdmin(ReadOnlyAdmin):
    """Written by 'verwerk jaar'; the fact lives in dossiers, beside the schakelingen it locks."""

    list_display = ["jaar", "verwerkt_op"]
