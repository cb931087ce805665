from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from binc.admin import ReadOnlyAdmin, opgroeien_site
from dossiers.constants import AanvraagStatus
from dossiers.models import (
    Aanmelding,
    Client,
    ContextPersoon,
    Dossier,
    HeropenAanvraag,
    SchakelingWijziging,
)
from dossiers.services.afsluiten import heropenaanvraag_behandelen


class AanmeldingInline(admin.StackedInline):
    model = Aanmelding
    can_delete = False
    readonly_fields = [f.name for f in Aanmelding._meta.fields]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Dossier, site=opgroeien_site)
class DossierAdmin(ReadOnlyAdmin):
    list_display = ["code", "client", "voorziening", "status", "gewijzigd_op"]
    list_filter = ["status", "voorziening__organisatietype"]
    search_fields = ["code", "client__naam", "client__voornaam", "voorziening__naam"]
    list_select_related = ["client", "voorziening"]
    inlines = [AanmeldingInline]


class ContextPersoonInline(admin.TabularInline):
    model = ContextPersoon
    extra = 0
    readonly_fields = [f.name for f in ContextPersoon._meta.fields]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Client, site=opgroeien_site)
class ClientAdmin(ReadOnlyAdmin):
    list_display = ["naam", "voornaam", "geboortedatum", "rijksregisternummer", "ongeboren"]
    search_fields = ["naam", "voornaam", "rijksregisternummer"]
    inlines = [ContextPersoonInline]


class IngediendFilter(admin.SimpleListFilter):
    """The work list: pending requests first, handled ones on request."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("alle", "Alle"), *AanvraagStatus.choices]

    def queryset(self, request, queryset):
        value = self.value() or AanvraagStatus.INGEDIEND
        return queryset if value == "alle" else queryset.filter(status=value)

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or AanvraagStatus.INGEDIEND) == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


@admin.register(HeropenAanvraag, site=opgroeien_site)
class HeropenAanvraagAdmin(ReadOnlyAdmin):
    """000 §10: the dossierbehandelaar approves or rejects requests to reopen."""

    list_display = [
        "aangevraagd_op",
        "voorziening",
        "dossier",
        "client",
        "aangevraagd_door",
        "status",
    ]
    list_filter = [IngediendFilter]
    list_select_related = ["dossier__voorziening", "dossier__client", "aangevraagd_door"]
    actions = ["goedkeuren", "afkeuren"]

    @admin.display(description="voorziening")
    def voorziening(self, obj):
        return obj.dossier.voorziening

    @admin.display(description="cliënt")
    def client(self, obj):
        return obj.dossier.client

    def has_change_permission(self, request, obj=None):
        # Needed to run the actions; the records themselves stay read-only.
        return obj is None and request.user.has_perm("dossiers.change_heropenaanvraag")

    def _behandel(self, request, queryset, *, goedkeuren: bool) -> None:
        for aanvraag in queryset:
            try:
                heropenaanvraag_behandelen(
                    aanvraag_pk=aanvraag.pk, gebruiker=request.user, goedkeuren=goedkeuren
                )
            except ValidationError as error:
                self.message_user(request, error.messages[0], messages.ERROR)
            else:
                verb = "heropend" if goedkeuren else "afgekeurd"
                self.message_user(
                    request, f"Dossier {aanvraag.dossier.code}: {verb}.", messages.SUCCESS
                )

    @admin.action(description="Goedkeuren: dossier heropenen", permissions=["change"])
    def goedkeuren(self, request, queryset):
        self._behandel(request, queryset, goedkeuren=True)

    @admin.action(description="Afkeuren", permissions=["change"])
    def afkeuren(self, request, queryset):
        self._behandel(request, queryset, goedkeuren=False)


@admin.register(SchakelingWijziging, site=opgroeien_site)
class SchakelingWijzigingAdmin(ReadOnlyAdmin):
    list_display = [
        "tijdstip",
        "voorziening",
        "dossier_id",
        "schakeling_id",
        "actie",
        "groeipakket",
        "verzonden_op",
    ]
    list_filter = ["actie", "groeipakket"]
    list_select_related = ["voorziening"]
