"""Sending a document through the screens (000 §18.1, §18.2): the form, its checks, the e-mail,
the receipts in 'Activiteiten dossier', withdrawal and the end of the 30 days."""

import datetime
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from binc.constants import DienstFunctie, Dienstsoort
from binc.models import Activiteit, Bestand
from binc.tenancy import voorziening_context
from documenten import services
from documenten.bestanden import NIET_TOEGELATEN
from documenten.constants import MailStatus
from documenten.models import Deling, Document, Opening
from tests.conftest import OP_VANDAAG, VANDAAG, logged_in_client
from tests.documenten.helpers import PDF, delen, dienst, dienst_medewerker, lezer, pdf
from tests.dossiers.factories import DossierFactory

pytestmark = [pytest.mark.django_db, OP_VANDAAG]
MAX = 10 * 1024 * 1024
BRUSSEL = ZoneInfo("Europe/Brussels")


@pytest.fixture
def consulent():
    return dienst_medewerker(
        dienst(), DienstFunctie.CONSULENT, first_name="Sofie", last_name="Peeters"
    )


@pytest.fixture
def dossier(voorziening):
    return DossierFactory(voorziening=voorziening)


def _rij(dienst_naam, naam="", email="", delen_tot=None, i=0):
    return {
        f"ontvanger-{i}-dienst": dienst_naam,
        f"ontvanger-{i}-naam": naam,
        f"ontvanger-{i}-email": email,
        f"ontvanger-{i}-delen_tot": (
            delen_tot or VANDAAG + datetime.timedelta(days=30)
        ).isoformat(),
    }


def _post(client, url, bestand, *rijen, **extra):
    data = {
        "beschrijving": "Handelingsplan",
        "bestand": bestand,
        "ontvanger-TOTAL_FORMS": str(len(rijen)),
        "ontvanger-INITIAL_FORMS": "0",
        "ontvanger-MIN_NUM_FORMS": "1",
        "ontvanger-MAX_NUM_FORMS": "20",
        **extra,
    }
    for rij in rijen:
        data.update(rij)
    return client.post(url, data)


def _opgeslagen() -> list[str]:
    """The names of the files the documenten storage holds (PostgreSQL by default)."""
    return list(Bestand.objects.values_list("naam", flat=True))


def test_a_client_bound_share_reaches_the_consulent_with_the_manuals_mail(
    medewerker_client,
    medewerker,
    dossier,
    consulent,
    voorziening,
    taken_direct,
    django_capture_on_commit_callbacks,
):
    url = reverse("documenten:dossier_toevoegen", args=[dossier.pk])
    assert medewerker_client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(medewerker_client, url, pdf(), _rij("OCJ Antwerpen", naam="Sofie Peeters"))

    assert response.status_code == 302
    document = Document.objects.get()
    deling = document.delingen.get()
    assert (document.dossier_id, deling.ontvanger_gebruiker, deling.email) == (
        dossier.pk,
        consulent,
        consulent.email,
    )
    assert deling.mail_status == MailStatus.VERZONDEN
    [bericht] = mail.outbox
    assert bericht.to == [consulent.email]
    tekst = bericht.body
    assert "Het bestand handelingsplan.pdf is gedeeld door" in tekst
    assert f"{medewerker.get_full_name()} – {voorziening.naam}" in tekst
    assert "Dit document is bedoeld voor Sofie Peeters." in tekst
    assert "tot en met 15/04/2026" in tekst
    assert "'Ontvangen documenten' op de startpagina" in tekst
    assert "automatisch gegenereerde mail waarop u niet kan antwoorden" in tekst
    assert "strikt vertrouwelijk" in tekst
    assert "handelingsplan.pdf" in bericht.subject
    assert "handelingsplan.pdf" in bericht.alternatives[0][0]
    with voorziening_context(voorziening):
        gedeeld = Activiteit.objects.get(dossier_id=dossier.pk, actie="document_gedeeld")
    assert "OCJ Antwerpen (Sofie Peeters)" in gedeeld.omschrijving


def test_several_recipients_each_get_a_row_and_a_mail(
    medewerker_client,
    dossier,
    consulent,
    andere_voorziening,
    taken_direct,
    django_capture_on_commit_callbacks,
):
    url = reverse("documenten:dossier_toevoegen", args=[dossier.pk])
    with django_capture_on_commit_callbacks(execute=True):
        _post(
            medewerker_client,
            url,
            pdf(),
            _rij("OCJ Antwerpen", naam="Sofie Peeters"),
            _rij(andere_voorziening.naam, "Directie", "directie@andere.example", i=1),
        )

    assert Deling.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [consulent.email, "directie@andere.example"]
    )


def test_errors_are_shown_at_their_fields_and_nothing_is_stored(
    medewerker_client, dossier, consulent
):
    url = reverse("documenten:dossier_toevoegen", args=[dossier.pk])
    response = _post(
        medewerker_client,
        url,
        pdf(),
        _rij("Onbekende dienst", "X", "x@example.org"),
        _rij("OCJ Antwerpen", "Niet Gekend", delen_tot=VANDAAG + datetime.timedelta(days=31), i=1),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een dienst uit de lijst" in html
    assert "Kies een gekende medewerker van OCJ Antwerpen" in html
    assert "hoogstens 30 dagen gedeeld worden: kies 15/04/2026 of vroeger" in html
    assert 'value="Onbekende dienst"' in html  # what the user typed stays
    assert "error-summary" in html
    # A browser cannot keep the chosen file: the summary and the field say to choose it again.
    assert html.count("Kies het bestand opnieuw") == 2
    assert not Document.objects.exists()
    assert not _opgeslagen()


def test_every_required_field_is_marked_also_the_recipients_email(medewerker_client, dossier):
    html = medewerker_client.get(
        reverse("documenten:dossier_toevoegen", args=[dossier.pk])
    ).content.decode()
    label = html[html.index('for="id_ontvanger-0-email"') :][:200]
    assert "(verplicht)" in label
    assert "Kies het bestand opnieuw" not in html  # nothing refused yet


def test_the_last_allowed_day_is_today_plus_30(medewerker_client, dossier, andere_voorziening):
    url = reverse("documenten:dossier_toevoegen", args=[dossier.pk])
    rij = _rij(
        andere_voorziening.naam,
        "Directie",
        "d@andere.example",
        VANDAAG + datetime.timedelta(days=30),
    )

    assert _post(medewerker_client, url, pdf(), rij).status_code == 302


@pytest.mark.parametrize(
    ("grootte", "aanvaard"), [(MAX, True), (MAX + 1, False)], ids=["10MB", "10MB+1"]
)
def test_size_at_the_boundary(medewerker_client, dossier, andere_voorziening, grootte, aanvaard):
    inhoud = PDF + b"0" * (grootte - len(PDF))
    url = reverse("documenten:dossier_toevoegen", args=[dossier.pk])

    response = _post(
        medewerker_client,
        url,
        pdf(inhoud=inhoud),
        _rij(andere_voorziening.naam, "D", "d@x.example"),
    )

    assert (response.status_code == 302) == aanvaard
    if aanvaard:
        assert Document.objects.get().grootte == MAX
    else:
        assert "Het bestand is groter dan 10 MB" in response.content.decode()
        assert not Document.objects.exists()
        assert not _opgeslagen()


def _zip(namen: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam, inhoud in namen.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("plan.docx", DOCX, None),
        ("plan.odt", ODT, None),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, None),
        ("notities.txt", "Één regel tekst".encode(), None),
        ("plan.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "past niet bij de extensie .pdf"),
        ("plan.docx", ODT, "past niet bij de extensie .docx"),
        ("plan.xlsx", DOCX, "past niet bij de extensie .xlsx"),
        ("notities.txt", PDF, "past niet bij de extensie .txt"),
        ("virus.exe", b"MZ\x90\x00", "Dit soort bestand kan niet gedeeld worden"),
        ("pagina.html", b"<html>", "Dit soort bestand kan niet gedeeld worden"),
        ("zonder_extensie", PDF, "Dit soort bestand kan niet gedeeld worden"),
        ("leeg.pdf", b"", "Het bestand is leeg"),
    ],
)
def test_types_by_extension_and_content(
    medewerker_client, dossier, andere_voorziening, naam, inhoud, fout
):
    url = reverse("documenten:dossier_toevoegen", args=[dossier.pk])
    bestand = SimpleUploadedFile(naam, inhoud)

    response = _post(
        medewerker_client, url, bestand, _rij(andere_voorziening.naam, "D", "d@x.example")
    )

    if fout is None:
        assert response.status_code == 302
    else:
        assert fout in response.content.decode()
        assert not Document.objects.exists()
        assert not _opgeslagen()


def test_disallowed_message_lists_the_allowed_types():
    assert ".pdf" in NIET_TOEGELATEN
    assert ".docx" in NIET_TOEGELATEN
    assert ".exe" not in NIET_TOEGELATEN


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\jan\\plan.pdf", "plan.pdf"),
        ('plan "definitief".pdf', 'plan "definitief".pdf'),
        ("Évaluatie kind 😀 ñ.pdf", "Évaluatie kind 😀 ñ.pdf"),
        ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),
    ],
)
def test_file_names_are_kept_safely_and_never_used_for_storage(
    medewerker, voorziening, andere_voorziening, medewerker_client, naam, verwacht
):
    document = delen(medewerker, voorziening, andere_voorziening, bestand=pdf(naam=naam))

    assert document.bestandsnaam == verwacht
    [opgeslagen] = _opgeslagen()
    assert opgeslagen == document.opslagnaam
    assert len(opgeslagen) == 32
    response = medewerker_client.get(reverse("documenten:downloaden", args=[document.pk]))
    kop = response["Content-Disposition"]
    assert kop.startswith("attachment;")
    assert "/" not in kop
    assert "\\\\" not in kop
    assert "\n" not in kop
    assert response["Cache-Control"].count("no-store") == 1
    assert b"".join(response.streaming_content) == PDF


def test_a_database_failure_leaves_no_stored_file(medewerker, voorziening):
    """A row the database refuses (a name longer than its column): the share fails whole."""
    with pytest.raises(DatabaseError):
        services.document_delen(
            lezer=lezer(medewerker, voorziening),
            bestand=pdf(),
            bestandsnaam="plan.pdf",
            grootte=len(PDF),
            ontvangers=[services.Ontvanger(voorziening, "X" * 201, "x@example.org", VANDAAG)],
        )

    assert not Document.objects.exists()
    assert not _opgeslagen()


class KapotteMail:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP-server onbereikbaar")


def test_a_failed_mail_is_visible_to_the_sender_and_retried_without_losing_the_share(
    medewerker,
    medewerker_client,
    voorziening,
    andere_voorziening,
    settings,
    taken_direct,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = f"{__name__}.KapotteMail"
    with django_capture_on_commit_callbacks(execute=True):
        document = delen(medewerker, voorziening, andere_voorziening)

    deling = document.delingen.get()
    assert (deling.mail_status, deling.mail_pogingen) == (MailStatus.MISLUKT, 1)
    html = medewerker_client.get(reverse("documenten:verzonden")).content.decode()
    assert "Niet verzonden: SMTP-server onbereikbaar (Binc probeert opnieuw)" in html

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(datetime.datetime.now() + datetime.timedelta(minutes=20)):
        from documenten.tasks import openstaande_mails_verzenden

        assert openstaande_mails_verzenden.apply().get() == 1
    deling.refresh_from_db()
    assert (deling.mail_status, deling.mail_pogingen) == (MailStatus.VERZONDEN, 2)
    assert len(mail.outbox) == 1


def test_opening_is_a_receipt_in_activiteiten_dossier(
    medewerker, medewerker_client, voorziening, dossier, consulent
):
    document = delen(
        medewerker, voorziening, dienst(), geadresseerde=consulent, dossier_id=dossier.pk
    )
    consulent_client = logged_in_client(consulent)
    assert "Nieuw" in consulent_client.get(reverse("documenten:ontvangen")).content.decode()

    response = consulent_client.get(reverse("documenten:downloaden", args=[document.pk]))

    assert response.status_code == 200
    assert Opening.objects.get().gebruiker == consulent
    html = medewerker_client.get(
        reverse("dossiers:activiteiten", args=[dossier.pk])
    ).content.decode()
    assert "gedeeld met OCJ Antwerpen (Sofie Peeters)" in html
    assert "bekeken door Sofie Peeters (OCJ Antwerpen)" in html
    assert "Nieuw" not in consulent_client.get(reverse("documenten:ontvangen")).content.decode()


def test_the_menu_counts_unopened_documents(
    medewerker, voorziening, andere_voorziening, buitenstaander
):
    delen(medewerker, voorziening, andere_voorziening)
    delen(medewerker, voorziening, andere_voorziening)
    client = logged_in_client(buitenstaander, andere_voorziening)

    html = client.get(reverse("dossiers:overzicht")).content.decode()

    assert 'Ontvangen documenten <span class="tag">2<span class="visually-hidden"> nieuw' in html


def test_the_last_day_is_available_the_day_after_answers_404_and_the_bytes_go(
    medewerker, voorziening, andere_voorziening, buitenstaander
):
    document = delen(medewerker, voorziening, andere_voorziening, dagen=2)
    url = reverse("documenten:downloaden", args=[document.pk])
    from documenten.tasks import verlopen_opruimen

    with time_machine.travel(datetime.datetime(2026, 3, 18, 23, 59, tzinfo=BRUSSEL)):
        client = logged_in_client(buitenstaander, andere_voorziening)
        assert client.get(url).status_code == 200
        assert verlopen_opruimen.apply().get() == 0
    with time_machine.travel(datetime.datetime(2026, 3, 19, 0, 1, tzinfo=BRUSSEL)):
        client = logged_in_client(buitenstaander, andere_voorziening)
        assert client.get(url).status_code == 404
        assert verlopen_opruimen.apply().get() == 1

    assert not _opgeslagen()
    document.refresh_from_db()
    assert document.bestand_verwijderd_op is not None
    assert document.delingen.exists()  # what was sent to whom stays
    eigen = logged_in_client(medewerker, voorziening)
    assert "niet meer beschikbaar" in eigen.get(reverse("documenten:verzonden")).content.decode()


def test_the_sender_withdraws_a_share(
    medewerker,
    collega,
    voorziening,
    andere_voorziening,
    buitenstaander,
    taken_direct,
    django_capture_on_commit_callbacks,
):
    document = delen(medewerker, voorziening, andere_voorziening)
    url = reverse("documenten:intrekken", args=[document.pk])

    assert logged_in_client(buitenstaander, andere_voorziening).post(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in_client(medewerker, voorziening).post(url)

    assert response.status_code == 302
    download = reverse("documenten:downloaden", args=[document.pk])
    assert logged_in_client(buitenstaander, andere_voorziening).get(download).status_code == 404
    assert logged_in_client(collega, voorziening).get(download).status_code == 404
    assert not _opgeslagen()


def test_vertrouwelijk_is_offered_only_outside_a_dossier(medewerker_client, dossier):
    assert (
        "Vertrouwelijk document"
        in medewerker_client.get(reverse("documenten:toevoegen")).content.decode()
    )
    html = medewerker_client.get(
        reverse("documenten:dossier_toevoegen", args=[dossier.pk])
    ).content.decode()
    assert "Vertrouwelijk document" not in html
    assert "Persoonlijk document voor ontvanger" not in html


def test_persoonlijk_is_refused_to_anyone_but_voorzieningenbeleid(
    medewerker, voorziening, andere_voorziening
):
    with pytest.raises(services.ValidationError) as fout:
        delen(medewerker, voorziening, andere_voorziening, persoonlijk=True)

    assert "Enkel Voorzieningenbeleid" in str(fout.value)


def test_the_blue_plus_without_javascript_adds_a_row(medewerker_client, dossier):
    url = reverse("documenten:dossier_toevoegen", args=[dossier.pk])

    response = _post(medewerker_client, url, pdf(), _rij("", ""), rij_toevoegen="1")

    assert response.status_code == 200
    assert 'name="ontvanger-1-dienst"' in response.content.decode()
    assert not Document.objects.exists()


def test_voorzieningenbeleid_sends_a_personal_document_from_its_own_screens(
    andere_voorziening, buitenstaander, taken_direct, django_capture_on_commit_callbacks
):
    """A dienst member has no voorziening: 'Delen documenten' is their start page's sending."""
    beleid = dienst("Opgroeien – Voorzieningenbeleid", Dienstsoort.VOORZIENINGENBELEID)
    afzender = dienst_medewerker(beleid, DienstFunctie.ADMINISTRATIEF)
    buitenstaander.email = "directie@andere.example"
    buitenstaander.save()
    services.beheerder_toevoegen(voorziening=andere_voorziening, gebruiker=buitenstaander)
    client = logged_in_client(afzender)
    html = client.get(reverse("documenten:toevoegen")).content.decode()
    assert "Persoonlijk document voor ontvanger" in html
    assert f"{buitenstaander.get_full_name()} – {andere_voorziening.naam}" in html  # suggested

    # A person the voorziening did not list is refused at the field; nothing is sent.
    response = _post(
        client,
        reverse("documenten:toevoegen"),
        pdf("personeelslijst.pdf"),
        _rij(andere_voorziening.naam, "Directie", "iemand@andere.example"),
        persoonlijk="on",
    )
    assert "opgaf voor persoonlijke documenten" in response.content.decode()
    assert not Document.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            reverse("documenten:toevoegen"),
            pdf("personeelslijst.pdf"),
            _rij(andere_voorziening.naam, buitenstaander.get_full_name(), ""),
            persoonlijk="on",
        )

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.afzender_dienst, document.afzender_voorziening, document.persoonlijk) == (
        beleid,
        None,
        True,
    )
    assert "personeelslijst.pdf" in client.get(reverse("documenten:verzonden")).content.decode()
    ontvanger = logged_in_client(buitenstaander, andere_voorziening)
    assert "personeelslijst.pdf" in ontvanger.get(reverse("documenten:ontvangen")).content.decode()
    assert [m.to for m in mail.outbox] == [["directie@andere.example"]]
    assert document.delingen.get().ontvanger_gebruiker == buitenstaander


def test_a_dienst_recipient_must_be_a_known_medewerker_of_that_dienst(
    medewerker, voorziening, consulent
):
    """The service holds the rule whatever calls it: the visibility of a dienst's share
    depends on its addressee."""
    sdj = dienst("SDJ Gent", Dienstsoort.SDJ)
    for geadresseerde in (None, consulent):  # nobody, or the OCJ's consulent at the SDJ
        with pytest.raises(ValidationError) as fout:
            delen(medewerker, voorziening, sdj, geadresseerde=geadresseerde)
        assert "Kies een gekende medewerker van SDJ Gent." in fout.value.message_dict["naam"]
    assert not Document.objects.exists()
    assert not _opgeslagen()
