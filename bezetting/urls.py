from django.urls import path

from bezetting import uitsplitsing, views, voorbeeld

app_name = "bezetting"

urlpatterns = [
    path("bezetting/", views.bezettingsgraad, name="bezettingsgraad"),
    path("bezetting/ondersteunende-begeleiding/", views.bezetting_ob_scherm, name="bezetting_ob"),
    path("bezetting/trend/", views.bezetting_trend, name="bezetting_trend"),
    path("bezetting/opbouw/", uitsplitsing.bezetting_opbouw_scherm, name="bezetting_opbouw"),
    path("benutting/", views.benuttingsgraad, name="benuttingsgraad"),
    path("benutting/opbouw/", uitsplitsing.benutting_opbouw_scherm, name="benutting_opbouw"),
    path("inzet-modules/", views.inzet, name="inzet"),
    path("dossiers/<int:pk>/bezetting-voorbeeld/", voorbeeld.voorbeeld, name="voorbeeld"),
]
