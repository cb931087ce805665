from django.urls import path

from bezetting import views, voorbeeld

app_name = "bezetting"

urlpatterns = [
    path("bezetting/", views.bezettingsgraad, name="bezettingsgraad"),
    path("bezetting/ondersteunende-begeleiding/", views.bezetting_ob_scherm, name="bezetting_ob"),
    path("benutting/", views.benuttingsgraad, name="benuttingsgraad"),
    path("inzet-modules/", views.inzet, name="inzet"),
    path("dossiers/<int:pk>/bezetting-voorbeeld/", voorbeeld.voorbeeld, name="voorbeeld"),
]
