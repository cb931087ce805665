from django.urls import path

from dossiers.views import clients, inzage, zorg
from dossiers.views import dossiers as views

app_name = "dossiers"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("dossiers/zoeken/", views.dossier_zoeken, name="dossier_zoeken"),
    path("dossiers/overdragen/", views.overdragen, name="overdragen"),
    path("dossiers/overdragen/<int:pk>/", views.overdragen_collega, name="overdragen_collega"),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("dossiers/<int:pk>/aanmelding/", views.aanmelding_wijzigen, name="aanmelding_wijzigen"),
    path("dossiers/<int:pk>/activiteiten/", views.dossier_activiteiten, name="activiteiten"),
    path("privacy/inzage/", inzage.privacy, name="privacy_inzage"),
    path("dossiers/<int:pk>/verwijderen/", views.dossier_verwijderen, name="dossier_verwijderen"),
    path("dossiers/<int:pk>/beslissingen/nieuw/", zorg.beslissing_nieuw, name="beslissing_nieuw"),
    path(
        "dossiers/<int:pk>/beslissingen/<int:beslissing_pk>/",
        zorg.beslissing_wijzigen,
        name="beslissing_wijzigen",
    ),
    path(
        "dossiers/<int:pk>/beslissingen/<int:beslissing_pk>/verwijderen/",
        zorg.beslissing_verwijderen,
        name="beslissing_verwijderen",
    ),
    path("dossiers/<int:pk>/schakelingen/nieuw/", zorg.schakeling_nieuw, name="schakeling_nieuw"),
    path(
        "dossiers/<int:pk>/schakelingen/vorige-afsluiten/",
        zorg.vorige_afsluiten,
        name="vorige_afsluiten",
    ),
    path(
        "dossiers/<int:pk>/schakelingen/<int:schakeling_pk>/",
        zorg.schakeling_wijzigen,
        name="schakeling_wijzigen",
    ),
    path(
        "dossiers/<int:pk>/schakelingen/<int:schakeling_pk>/verwijderen/",
        zorg.schakeling_verwijderen,
        name="schakeling_verwijderen",
    ),
    path("dossiers/<int:pk>/afsluiten/", zorg.dossier_afsluiten, name="dossier_afsluiten"),
    path("dossiers/<int:pk>/heropenen/", zorg.dossier_heropenen, name="dossier_heropenen"),
    path("clienten/zoeken/", clients.client_zoeken, name="client_zoeken"),
    path("clienten/toevoegen/", clients.client_toevoegen, name="client_toevoegen"),
    path("clienten/nieuw/", clients.client_nieuw, name="client_nieuw"),
    path("clienten/ongeboren/", clients.client_ongeboren, name="client_ongeboren"),
    path("clienten/<int:pk>/", clients.client_detail, name="client_detail"),
    path("clienten/<int:pk>/wijzigen/", clients.client_wijzigen, name="client_wijzigen"),
    path("clienten/<int:pk>/koppelen/", clients.client_koppelen, name="client_koppelen"),
    path("clienten/<int:pk>/context/", clients.context_toevoegen, name="context_toevoegen"),
    path(
        "clienten/<int:pk>/context/<int:persoon_pk>/verwijderen/",
        clients.context_verwijderen,
        name="context_verwijderen",
    ),
    path("clienten/<int:pk>/dossier/", views.dossier_nieuw, name="dossier_nieuw"),
]
