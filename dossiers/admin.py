from django.contrib import admin

from binc.admin import ReadOnlyAdmin, opgroeien_site
from dossiers.models import Aanmelding, Client, ContextPersoon, Dossier


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
