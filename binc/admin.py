"""The Opgroeien area: a separate, permission-guarded admin site at /opgroeien/.

Opgroeien staff work across voorzieningen, so every view of this site runs in an explicit
cross-voorziening tenancy context. Voorziening medewerkers are not staff and never get in.
"""

from collections import Counter
from functools import wraps

from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import ERROR_FLAG
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from binc import werk
from binc.forms import posted_id
from binc.models import (
    Activiteit,
    Dienst,
    DienstMedewerker,
    Gebruiker,
    Inzage,
    Medewerker,
    Module,
    ModuledatabankSync,
    ModuleGoedkeuring,
    RijksregisterOpzoeking,
    Typemodule,
    Voorziening,
)
from binc.tenancy import all_voorzieningen
from lib.invoer import geldige_datumfilters

# Opgroeien's screens by task, each with the permission it asks (docs/decisions.md).
TAKEN = [
    (
        "Kwartalen en capaciteit",
        [
            (
                "Kwartaalstaten",
                "opgroeien:kwartaal_kwartaalstaat_changelist",
                "kwartaal.view_kwartaalstaat",
            ),
            ("Verwerk jaar", "opgroeien:kwartaal_verwerken", "kwartaal.change_kwartaalstaat"),
            ("Capaciteit", "opgroeien:kwartaal_capaciteit_changelist", "kwartaal.view_capaciteit"),
            (
                "Capaciteit inladen",
                "opgroeien:kwartaal_capaciteit_importeren",
                "kwartaal.add_capaciteit",
            ),
            (
                "Bezetting van alle voorzieningen",
                "bezetting_opgroeien:overzicht",
                "kwartaal.view_capaciteit",
            ),
        ],
    ),
    (
        "Dossiers",
        [
            (
                "Aanvragen tot heropenen",
                "opgroeien:dossiers_heropenaanvraag_changelist",
                "dossiers.view_heropenaanvraag",
            ),
            ("Wie zag een dossier?", "dossiers_opgroeien:inzage", "binc.view_inzage"),
        ],
    ),
    (
        "Groeipakket",
        [
            (
                "Dagelijkse batches",
                "opgroeien:groeipakket_groeipakketbatch_changelist",
                "groeipakket.view_groeipakketbatch",
            ),
            (
                "Berichten",
                "opgroeien:groeipakket_groeipakketbericht_changelist",
                "groeipakket.view_groeipakketbericht",
            ),
            (
                "Antwoordbestand opladen",
                "opgroeien:groeipakket_antwoord",
                "groeipakket.change_groeipakketbericht",
            ),
        ],
    ),
    (
        "Documenten en koppelingen",
        [
            (
                "Niet afgeleverde e-mails",
                "opgroeien:documenten_nietafgeleverdemail_changelist",
                "documenten.view_nietafgeleverdemail",
            ),
            ("API-koppelingen", "opgroeien:api_koppeling_changelist", "api.view_koppeling"),
        ],
    ),
]


def taken_voor(gebruiker) -> list[tuple[str, list[tuple[str, str]]]]:
    """The screens this member of staff may open, grouped by task."""
    result = []
    for groep, schermen in TAKEN:
        toegestaan = []
        for naam, url, permissie in schermen:
            if not gebruiker.has_perm(permissie):
                continue
            try:
                toegestaan.append((naam, reverse(url)))
            except NoReverseMatch:  # an app that is not installed
                continue
        if toegestaan:
            result.append((groep, toegestaan))
    return result


class OpgroeienAdminSite(admin.AdminSite):
    # The lists need the whole width of a 1280 px screen (the kwartaal list's dates).
    enable_nav_sidebar = False
    site_header = "Binc – Opgroeien"
    site_title = "Binc – Opgroeien"
    index_title = "Binc voor Opgroeien"
    index_template = "admin/opgroeien_index.html"

    def index(self, request, extra_context=None):
        """Opgroeien's own start page: what waits for it (its work list per kind), its screens
        by task, and below them every record for the records' sake."""
        with all_voorzieningen():
            context = werk.Werkcontext(timezone.localdate(), request.user)
            items = werk.werklijst(context, werk.Doelgroep.OPGROEIEN)
        labels = {s.sleutel: s.label for s in werk.soorten(werk.Doelgroep.OPGROEIEN, request.user)}
        telling = Counter(item.soort for item in items)
        extra = {
            "wacht": [(labels[s], n) for s, n in telling.items() if s in labels],
            "taken": taken_voor(request.user),
            **(extra_context or {}),
        }
        return super().index(request, extra)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        return super().login(request, extra_context)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def wrapper(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                # A signed-in medewerker: 403 in Dutch, not the login page (which would send
                # them back to where they came from).
                raise PermissionDenied
            if not geldige_datumfilters(request.GET):
                # As Django answers any other filter it cannot apply.
                return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
            gekozen = request.POST.getlist(ACTION_CHECKBOX_NAME)
            if any(posted_id(pk) is None for pk in gekozen):
                # Django filters on the ticked ids as posted: a tampered one was a server
                # error. Without it, Django answers as for an action on nothing ticked.
                request.POST = request.POST.copy()
                request.POST.setlist(
                    ACTION_CHECKBOX_NAME, [pk for pk in gekozen if posted_id(pk) is not None]
                )
            with all_voorzieningen():
                return inner(request, *args, **kwargs)

        return wrapper


opgroeien_site = OpgroeienAdminSite(name="opgroeien")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that only a feed or the application writes: visible, never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ActiesAdmin(ReadOnlyAdmin):
    """Read-only records with list actions (retry, reopen): Django asks the change permission
    for an action, so the record's page is made read-only here, without save buttons."""

    actie_permissie = ""

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(self.actie_permissie)

    def get_readonly_fields(self, request, obj=None):
        # The row's id and its version for concurrent saves are plumbing, not information.
        return [f.name for f in self.model._meta.fields if f.name not in ("id", "versie")]

    def get_fields(self, request, obj=None):
        return self.get_readonly_fields(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        zonder = {
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), **zonder}
        )


class GeldigeAutocomplete(AutocompleteSelect):
    """Django's autocomplete draws a refused form again by looking up the posted ids as they
    came: a tampered id that is not a number made that a server error."""

    def optgroups(self, name, value, attr=None):
        geldig = [v for v in value if v in ("", None) or posted_id(str(v)) is not None]
        return super().optgroups(name, geldig, attr)


class AutocompleteMixin(admin.options.BaseModelAdmin):
    """For an admin or inline with `autocomplete_fields`: the widget above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = GeldigeAutocomplete(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MedewerkerInline(AutocompleteMixin, admin.TabularInline):
    model = Medewerker
    extra = 0
    fields = ["gebruiker", "actief", "privacycontact"]
    autocomplete_fields = ["gebruiker"]


@admin.register(Voorziening, site=opgroeien_site)
class VoorzieningAdmin(admin.ModelAdmin):
    list_display = ["naam", "erkenningsnummer", "organisatietype", "provincie", "actief"]
    list_filter = ["organisatietype", "provincie", "actief"]
    search_fields = ["naam", "erkenningsnummer"]
    inlines = [MedewerkerInline]


@admin.register(Gebruiker, site=opgroeien_site)
class GebruikerAdmin(UserAdmin):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Identificatie", {"fields": ["rijksregisternummer"]}),
    )
    search_fields = [*UserAdmin.search_fields, "rijksregisternummer"]


class DienstMedewerkerInline(AutocompleteMixin, admin.TabularInline):
    model = DienstMedewerker
    extra = 0
    autocomplete_fields = ["gebruiker"]


@admin.register(Dienst, site=opgroeien_site)
class DienstAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "email"]
    list_filter = ["soort"]
    search_fields = ["naam"]
    inlines = [DienstMedewerkerInline]


@admin.register(Typemodule, site=opgroeien_site)
class TypemoduleAdmin(admin.ModelAdmin):
    """The 'benuttingseigenschappen' are set by Opgroeien (000 §12)."""

    list_display = ["naam", "functie", "eenheid", "afronding", "intensiteit", "groeipakket_impact"]
    list_filter = ["functie", "eenheid", "groeipakket_impact"]
    search_fields = ["naam", "code"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Module, site=opgroeien_site)
class ModuleAdmin(ReadOnlyAdmin):
    list_display = ["code", "naam", "typemodule", "toegang", "actief"]
    list_filter = ["toegang", "actief", "typemodule__functie"]
    search_fields = ["code", "naam"]


@admin.register(ModuleGoedkeuring, site=opgroeien_site)
class ModuleGoedkeuringAdmin(ReadOnlyAdmin):
    list_display = ["voorziening", "module", "status", "geldig_van", "geldig_tot", "actief"]
    list_filter = ["status", "actief"]
    search_fields = ["voorziening__naam", "module__code"]
    list_select_related = ["voorziening", "module"]


@admin.register(Activiteit, site=opgroeien_site)
class ActiviteitAdmin(ReadOnlyAdmin):
    list_display = ["tijdstip", "voorziening", "gebruiker", "actie", "omschrijving"]
    list_filter = ["actie"]
    search_fields = ["omschrijving", "voorziening__naam"]
    list_select_related = ["voorziening", "gebruiker"]
    date_hierarchy = "tijdstip"


@admin.register(ModuledatabankSync, site=opgroeien_site)
class ModuledatabankSyncAdmin(ReadOnlyAdmin):
    list_display = ["gestart_op", "status", "bestand"]
    list_filter = ["status"]


@admin.register(RijksregisterOpzoeking, site=opgroeien_site)
class RijksregisterOpzoekingAdmin(ReadOnlyAdmin):
    """Audit of every lookup in the national register (001 §1)."""

    list_display = [
        "tijdstip",
        "gebruiker",
        "voorziening",
        "zoekwijze",
        "criteria",
        "aantal_resultaten",
        "aantal_geweigerd",
    ]
    list_filter = ["zoekwijze", "voorziening", ("tijdstip", admin.DateFieldListFilter)]
    search_fields = ["gebruiker__username", "gebruiker__last_name", "criteria"]
    list_select_related = ["gebruiker", "voorziening"]
    date_hierarchy = "tijdstip"


@admin.register(AccessAttempt, site=opgroeien_site)
class GeblokkeerdeAanmeldingAdmin(admin.ModelAdmin):
    """Unlock path (ASVS V6): Opgroeien deletes the failed attempts of a locked-out account or
    address, after checking with the person."""

    list_display = ["attempt_time", "username", "ip_address", "failures_since_start"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    actions = ["deblokkeren"]
    readonly_fields = ("username", "ip_address", "attempt_time", "failures_since_start")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Deblokkeren (mislukte pogingen wissen)", permissions=["delete"])
    def deblokkeren(self, request, queryset):
        aantal = queryset.count()
        queryset.delete()
        self.message_user(request, f"{aantal} geblokkeerde aanmelding(en) vrijgegeven.")


@admin.register(Inzage, site=opgroeien_site)
class InzageAdmin(ReadOnlyAdmin):
    """Every opening of a child's file (ASVS V16); per client at /opgroeien/inzage/."""

    list_display = ["tijdstip", "gebruiker", "voorziening", "soort", "object_id"]
    list_filter = ["soort"]
    list_select_related = ["gebruiker", "voorziening"]
    date_hierarchy = "tijdstip"
