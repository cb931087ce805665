"""A radio list never offers Django's empty choice '---------': leaving every button unticked
is the empty answer, and a required one says so at the field."""

import re

from django import forms
from django.urls import reverse

from lib.formvelden import Keuzerondjes
from tests.conftest import logged_in_client


def test_the_empty_choice_is_no_radio_button():
    veld = forms.ChoiceField(choices=[("", "---------"), ("ja", "Ja")], widget=Keuzerondjes)
    html = veld.widget.render("antwoord", "", attrs={"id": "id_antwoord"})
    assert "---------" not in html
    assert 'value="ja"' in html


def test_no_screen_with_a_radio_list_offers_the_empty_choice(omgeving):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    for url in (
        reverse("dossiers:beslissing_nieuw", args=[dossier.pk]),
        reverse("dossiers:aanmelding_wijzigen", args=[dossier.pk]),
        reverse("registratie:formulier", args=[dossier.pk, "begin"]),
        reverse("registratie:formulier", args=[dossier.pk, "einde"]),
    ):
        html = client.get(url).content.decode()
        assert 'type="radio"' in html, url
        assert not re.search(r'<input type="radio"[^>]*value=""', html), url
