from django.contrib import admin

from binc.admin import opgroeien_site
from dossiers.models import VerwerktJaar


@admin.register(VerwerktJaar, site=opgroeien_site)
class VerwerktJaarAdmin(admin.ModelAdmin):
    """Until the kwartaal screens mark years 'verwerkt' (000 §12.2), Opgroeien marks them here;
    the fact itself lives in dossiers, beside the schakelingen it locks."""

    list_display = ["jaar", "verwerkt_op"]
