from django.contrib import admin

from binc.admin import opgroeien_site
from registratie.models import Antwoord


@admin.register(Antwoord, site=opgroeien_site)
class AntwoordAdmin(admin.ModelAdmin):
    """The answer lists: add values, rename them, or retire them (niet actief); never delete
    a value that records use."""

    list_display = ["label", "lijst", "volgorde", "actief"]
    list_filter = ["lijst", "actief"]
    list_editable = ["volgorde", "actief"]
    search_fields = ["label"]
