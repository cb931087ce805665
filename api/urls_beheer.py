from django.urls import path

from api.views import beheer, webhooks

app_name = "koppelingen"

urlpatterns = [
    path("api-koppelingen/", beheer.koppelingen, name="lijst"),
    path("api-koppelingen/<int:pk>/intrekken/", beheer.intrekken, name="intrekken"),
    path("api-koppelingen/webhooks/", webhooks.lijst, name="webhooks"),
    path("api-koppelingen/webhooks/<int:pk>/", webhooks.actie, name="webhook"),
]
