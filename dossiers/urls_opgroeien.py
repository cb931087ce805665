from django.urls import path

from dossiers.views import inzage

app_name = "dossiers_opgroeien"

urlpatterns = [path("", inzage.opgroeien, name="inzage")]
