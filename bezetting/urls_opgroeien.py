from django.urls import path

from bezetting import opgroeien

app_name = "bezetting_opgroeien"

urlpatterns = [path("", opgroeien.overzicht, name="overzicht")]
