from django.contrib import admin

from binc.admin import opgroeien_site
from kwartaal.models import VerwerktJaar


@admin.register(VerwerktJaar, site=opgroeien_site)
class VerwerktJaarAdmin(admin.ModelAdmin):
    list_display = ["jaar", "verwerkt_op"]
