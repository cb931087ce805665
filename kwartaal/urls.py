from django.urls import path

from kwartaal import views

app_name = "kwartaal"

urlpatterns = [
    path("kwartaal/", views.lijst, name="lijst"),
    path("kwartaal/<int:pk>/", views.staat, name="staat"),
    path("kwartaal/<int:pk>/typemodule/<int:inzet_pk>/", views.typemodule, name="typemodule"),
    path("kwartaal/<int:pk>/export/", views.export, name="export"),
    path("capaciteit/", views.capaciteit, name="capaciteit"),
    path(
        "capaciteit/<int:typemodule_pk>/", views.capaciteit_historiek, name="capaciteit_historiek"
    ),
]
