"""Opgroeien's view of the Groeipakket feed (000 §4.2): the daily batches with their counts per
status, the messages with filters, rejected and failed ones as a work list, retry, a button
to run the feed now, and the exchange's files: each delivered batch's XML to download, each
answer file, and uploading one (so the exchange also works without shell access)."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from binc.admin import ActiesAdmin, ReadOnlyAdmin, opgroeien_site
from binc.wachtrij import inplannen
from groeipakket.adapters import OngeldigAntwoordbestand
from groeipakket.constants import BerichtStatus
from groeipakket.models import GroeipakketBatch, GroeipakketBericht, GroeipakketBestand
from groeipakket.relay import antwoordbestand_verwerken, opnieuw_versturen


@admin.register(GroeipakketBatch, site=opgroeien_site)
class GroeipakketBatchAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "aangemaakt_op", "aantal", *BerichtStatus.values, "xml"]
    date_hierarchy = "dag"
    change_list_template = "admin/groeipakket/groeipakketbatch/change_list.html"

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

    @admin.display(description="Verzonden XML")
    def xml(self, batch):
        # The delivery files of this batch are named after it (LokaalGroeipakket).
        url = reverse("opgroeien:groeipakket_groeipakketbestand_changelist")
        return format_html('<a href="{}?q=groeipakket-{}-">Bestanden</a>', url, batch.pk)

    def get_urls(self):
        return [
            path(
                "nu-verzenden/",
                self.admin_site.admin_view(self.nu_verzenden),
                name="groeipakket_nu",
            ),
            *super().get_urls(),
        ]

    def nu_verzenden(self, request):
        """Run the feed now, as the nightly job would (in-process without a broker)."""
        if request.method != "POST" or not request.user.has_perm(
            "groeipakket.change_groeipakketbericht"
        ):
            return redirect("opgroeien:groeipakket_groeipakketbatch_changelist")
        inplannen("groeipakket.tasks.groeipakket_dagelijks")
        messages.success(
            request,
            "De Groeipakket-verzending werd gestart: de batch verschijnt hieronder zodra ze "
            "klaar is.",
        )
        return redirect("opgroeien:groeipakket_groeipakketbatch_changelist")


def _telling(status: str):
    def kolom(batch) -> int:
        return getattr(batch, f"n_{status}")

    kolom.short_description = BerichtStatus(status).label  # type: ignore[attr-defined]
    return kolom


for _status in BerichtStatus.values:
    setattr(GroeipakketBatchAdmin, _status, staticmethod(_telling(_status)))


@admin.register(GroeipakketBericht, site=opgroeien_site)
class GroeipakketBerichtAdmin(ActiesAdmin):
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
    actie_permissie = "groeipakket.change_groeipakketbericht"

    @admin.action(description="Geselecteerde geweigerde of mislukte berichten opnieuw versturen")
    def opnieuw(self, request, queryset):
        aantal = opnieuw_versturen(list(queryset.values_list("pk", flat=True)))
        messages.success(request, f"{aantal} berichten staan opnieuw in de wachtrij.")


# An answer file holds one short line per message: a day's answers stay far below this.
ANTWOORD_MAX_BYTES = 5 * 1024 * 1024


class AntwoordForm(forms.Form):
    bestand = forms.FileField(
        label="Antwoordbestand (JSON)",
        help_text="Het antwoord van de fondsen: een lijst van {bericht_id, status, reden}. Een "
        "onleesbaar bestand wordt helemaal geweigerd en verandert niets.",
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > ANTWOORD_MAX_BYTES:
            raise forms.ValidationError("Dit bestand is te groot voor een antwoordbestand.")
        return bestand


@admin.register(GroeipakketBestand, site=opgroeien_site)
class GroeipakketBestandAdmin(ReadOnlyAdmin):
    list_display = ["naam", "soort", "batch", "aangemaakt_op", "downloaden"]
    list_filter = ["soort", "batch__dag"]
    search_fields = ["naam"]
    list_select_related = ["batch"]
    change_list_template = "admin/groeipakket/groeipakketbestand/change_list.html"

    @admin.display(description="Bestand")
    def downloaden(self, obj):
        url = reverse("opgroeien:groeipakket_groeipakketbestand_download", args=[obj.pk])
        return format_html('<a href="{}">Downloaden</a>', url)

    def get_urls(self):
        return [
            path(
                "<int:pk>/download/",
                self.admin_site.admin_view(self.download),
                name="groeipakket_groeipakketbestand_download",
            ),
            path(
                "antwoord-opladen/",
                self.admin_site.admin_view(self.antwoord_opladen),
                name="groeipakket_antwoord",
            ),
            *super().get_urls(),
        ]

    def download(self, request, pk: int):
        """Streamed from the database part by part, as an attachment."""
        bestand = GroeipakketBestand.objects.filter(pk=pk).first()
        if bestand is None or not self.has_view_permission(request, bestand):
            raise Http404("Dit bestand bestaat niet.")
        response = FileResponse(
            bestand.bestand.open("rb"), as_attachment=True, filename=bestand.naam
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def antwoord_opladen(self, request):
        if not request.user.has_perm("groeipakket.change_groeipakketbericht"):
            raise Http404("Deze pagina bestaat niet.")
        form = AntwoordForm(request.POST or None, request.FILES or None)
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            try:
                telling = antwoordbestand_verwerken(bestand.name, bestand.read())
            except OngeldigAntwoordbestand as fout:
                form.add_error("bestand", str(fout))
            else:
                messages.success(
                    request,
                    f"Antwoordbestand verwerkt: {telling.aanvaard} aanvaard, "
                    f"{telling.geweigerd} geweigerd.",
                )
                return redirect("opgroeien:groeipakket_groeipakketbestand_changelist")
        return TemplateResponse(
            request,
            "admin/groeipakket/groeipakketbestand/antwoord.html",
            {
                **self.admin_site.each_context(request),
                "form": form,
                "title": "Antwoordbestand opladen",
            },
        )
