from django.urls import path

from api.views import beheer

app_name = "koppelingen"

urlpatterns = [
    path("api-koppelingen/", beheer.koppelingen, name="lijst"),
    path("api-koppelingen/<int:pk>/intrekken/", beheer.intrekken, name="intrekken"),
]
