from django.urls import path

from dossiers import views

app_name = "dossiers"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("dossiers/zoeken/", views.dossier_zoeken, name="dossier_zoeken"),
    path("dossiers/overdragen/", views.overdragen, name="overdragen"),
    path("dossiers/overdragen/<int:pk>/", views.overdragen_collega, name="overdragen_collega"),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("dossiers/<int:pk>/aanmelding/", views.aanmelding_wijzigen, name="aanmelding_wijzigen"),
    path("dossiers/<int:pk>/activiteiten/", views.dossier_activiteiten, name="activiteiten"),
    path("dossiers/<int:pk>/verwijderen/", views.dossier_verwijderen, name="dossier_verwijderen"),
    path("clienten/zoeken/", views.client_zoeken, name="client_zoeken"),
    path("clienten/toevoegen/", views.client_toevoegen, name="client_toevoegen"),
    path("clienten/nieuw/", views.client_nieuw, name="client_nieuw"),
    path("clienten/ongeboren/", views.client_ongeboren, name="client_ongeboren"),
    path("clienten/<int:pk>/", views.client_detail, name="client_detail"),
    path("clienten/<int:pk>/wijzigen/", views.client_wijzigen, name="client_wijzigen"),
    path("clienten/<int:pk>/koppelen/", views.client_koppelen, name="client_koppelen"),
    path("clienten/<int:pk>/context/", views.context_toevoegen, name="context_toevoegen"),
    path(
        "clienten/<int:pk>/context/<int:persoon_pk>/verwijderen/",
        views.context_verwijderen,
        name="context_verwijderen",
    ),
    path("clienten/<int:pk>/dossier/", views.dossier_nieuw, name="dossier_nieuw"),
]
