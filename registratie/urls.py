from django.urls import path

from registratie import views

app_name = "registratie"

urlpatterns = [
    path("dossiers/<int:pk>/registratie/<str:soort>/", views.formulier, name="formulier"),
]
