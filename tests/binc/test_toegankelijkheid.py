import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_accessibility_statement_is_public_and_linked_from_every_page(client):
    statement = client.get(reverse("binc:toegankelijkheid"))
    login = client.get(reverse("binc:login")).content.decode()

    assert statement.status_code == 200
    html = statement.content.decode()
    assert "WCAG" in html
    assert "Vlaamse Ombudsdienst" in html
    assert "helpdesk@binc.example" in html
    assert reverse("binc:toegankelijkheid") in login
