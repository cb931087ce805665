from django.urls import path

from documenten import views

app_name = "documenten"
urlpatterns = [
    path("documenten/ontvangen/", views.ontvangen, name="ontvangen"),
    path("documenten/", views.verzonden, name="verzonden"),
    path("documenten/nieuw/", views.toevoegen, name="toevoegen"),
    path("dossiers/<int:pk>/documenten/nieuw/", views.dossier_toevoegen, name="dossier_toevoegen"),
    path("documenten/<int:pk>/download/", views.downloaden, name="downloaden"),
    path("documenten/<int:pk>/intrekken/", views.intrekken, name="intrekken"),
    path("documenten/gebruikersbeheer/", views.gebruikersbeheer, name="gebruikersbeheer"),
]
