"""Opgroeien's view of the Groeipakket feed (000 §4.2): the daily batches with their counts per
status, the messages with filters, rejected and failed ones as a work list, retry, and a button
to run the feed now."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path

from binc.admin import ReadOnlyAdmin, opgroeien_site
from dossiers.constants import BerichtStatus
from dossiers.groeipakket.relay import opnieuw_versturen
from dossiers.models import GroeipakketBatch, GroeipakketBericht
from dossiers.tasks import groeipakket_dagelijks


@admin.register(GroeipakketBatch, site=opgroeien_site)
class GroeipakketBatchAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "aangemaakt_op", "aantal", *BerichtStatus.values]
    date_hierarchy = "dag"
    change_list_template = "admin/dossiers/groeipakketbatch/change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                **{
                    f"n_{status}": Count("berichten", filter=Q(berichten__status=status))
                    for status in BerichtStatus.values
                }
            )
        )

    def get_urls(self):
        return [
            path(
                "nu-verzenden/",
                self.admin_site.admin_view(self.nu_verzenden),
                name="dossiers_groeipakket_nu",
            ),
            *super().get_urls(),
        ]

    def nu_verzenden(self, request):
        """Run the feed now, as the nightly job would (in-process without a broker)."""
        if request.method != "POST" or not request.user.has_perm(
            "dossiers.change_groeipakketbericht"
        ):
            return redirect("opgroeien:dossiers_groeipakketbatch_changelist")
        resultaat = groeipakket_dagelijks.delay()
        messages.success(request, f"De Groeipakket-verzending werd gestart ({resultaat.id}).")
        return redirect("opgroeien:dossiers_groeipakketbatch_changelist")


def _telling(status: str):
    def kolom(batch) -> int:
        return getattr(batch, f"n_{status}")

    kolom.short_description = BerichtStatus(status).label  # type: ignore[attr-defined]
    return kolom


for _status in BerichtStatus.values:
    setattr(GroeipakketBatchAdmin, _status, staticmethod(_telling(_status)))


@admin.register(GroeipakketBericht, site=opgroeien_site)
class GroeipakketBerichtAdmin(ReadOnlyAdmin):
    """Filter on 'Geweigerd' or 'Mislukt' for the work list; search a child's dossier code for
    its full history."""

    list_display = [
        "aangemaakt_op",
        "voorziening",
        "dossier_code",
        "actie",
        "status",
        "pogingen",
        "reden",
        "bericht_id",
    ]
    list_filter = ["status", "actie", "batch__dag", "voorziening"]
    search_fields = ["dossier_code", "=bericht_id"]
    list_select_related = ["voorziening"]
    actions = ["opnieuw"]

    def has_change_permission(self, request, obj=None):
        # For the retry action only; the messages themselves are never edited.
        return request.user.has_perm("dossiers.change_groeipakketbericht")

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    @admin.action(description="Geselecteerde geweigerde of mislukte berichten opnieuw versturen")
    def opnieuw(self, request, queryset):
        aantal = opnieuw_versturen(list(queryset.values_list("pk", flat=True)))
        messages.success(request, f"{aantal} berichten staan opnieuw in de wachtrij.")
