from django.urls import path

from bezetting import opgroeien, uitsplitsing

app_name = "bezetting_opgroeien"

urlpatterns = [
    path("", opgroeien.overzicht, name="overzicht"),
    path("<int:pk>/opbouw/", uitsplitsing.opgroeien_opbouw, name="opbouw"),
]
