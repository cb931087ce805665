"""What changes the API's own records: credentials made and revoked, answers kept for
repeated requests, requests counted per minute."""

import datetime
import hashlib
import json
import uuid

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import AccessToken, Application

from api.models import Antwoord, Koppeling, Scope
from binc.models import Gebruiker, Voorziening
from binc.services.activiteiten import activiteit_log

# A repeated request within this time gets the kept answer (Idempotency-Key).
ANTWOORD_BEWAARD = datetime.timedelta(hours=24)


def koppeling_maken(
    *, voorziening: Voorziening, naam: str, scopes: list[str], door: Gebruiker
) -> tuple[Koppeling, str]:
    """A new credential: returns it and its secret, which is stored only hashed and so can be
    shown this once."""
    bezet = Koppeling.alle.filter(voorziening=voorziening, naam=naam, ingetrokken_op__isnull=True)
    if bezet.exists():
        raise ValidationError({"naam": ["Deze voorziening heeft al een koppeling met die naam."]})
    geheim = generate_client_secret()
    with transaction.atomic():
        gebruiker = Gebruiker.objects.create(
            username=f"api-{uuid.uuid4().hex[:12]}",
            first_name=naam[:150],
            last_name=f"(API {voorziening.naam})"[:150],
            password=make_password(None),
        )
        application = Application.objects.create(
            name=f"{voorziening.naam}: {naam}"[:255],
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
            client_secret=geheim,
            hash_client_secret=True,
        )
        koppeling = Koppeling.objects.create(
            naam=naam,
            voorziening=voorziening,
            application=application,
            gebruiker=gebruiker,
            scopes=" ".join(s for s in Scope.values if s in scopes),
            aangemaakt_door=door,
        )
        activiteit_log(
            voorziening=voorziening,
            gebruiker=door,
            actie="api_koppeling_gemaakt",
            omschrijving=f"API-koppeling '{naam}' aangemaakt",
            obj=koppeling,
        )
    return koppeling, geheim


def koppeling_intrekken(*, koppeling: Koppeling, door: Gebruiker) -> None:
    """Revoked at once: its tokens go, its next call is refused."""
    with transaction.atomic():
        Koppeling.objects.filter(pk=koppeling.pk, ingetrokken_op__isnull=True).update(
            ingetrokken_op=timezone.now()
        )
        AccessToken.objects.filter(application_id=koppeling.application_id).delete()
        Gebruiker.objects.filter(pk=koppeling.gebruiker_id).update(is_active=False)
        activiteit_log(
            voorziening=koppeling.voorziening,
            gebruiker=door,
            actie="api_koppeling_ingetrokken",
            omschrijving=f"API-koppeling '{koppeling.naam}' ingetrokken",
            obj=koppeling,
        )


def vingerafdruk(methode: str, pad: str, inhoud: bytes) -> str:
    """What makes two requests 'the same' for an Idempotency-Key: method, path and body."""
    try:
        genormaliseerd = json.dumps(json.loads(inhoud or b"null"), sort_keys=True).encode()
    except ValueError:
        genormaliseerd = inhoud
    return hashlib.sha256(f"{methode} {pad}\n".encode() + genormaliseerd).hexdigest()


def antwoord_zoeken(koppeling: Koppeling, sleutel: str) -> Antwoord | None:
    return (
        Antwoord.objects.filter(
            koppeling=koppeling,
            sleutel=sleutel,
            aangemaakt_op__gte=timezone.now() - ANTWOORD_BEWAARD,
        )
        .order_by()
        .first()
    )


def antwoord_bewaren(
    *, koppeling: Koppeling, sleutel: str, vingerafdruk: str, status: int, inhoud, koppen
) -> None:
    """Kept in the request's own transaction: a request that failed keeps nothing. An older
    answer under the same key (past its day) gives way."""
    Antwoord.objects.filter(
        koppeling=koppeling,
        sleutel=sleutel,
        aangemaakt_op__lt=timezone.now() - ANTWOORD_BEWAARD,
    ).delete()
    Antwoord.objects.create(
        koppeling=koppeling,
        sleutel=sleutel,
        vingerafdruk=vingerafdruk,
        status=status,
        inhoud=inhoud,
        koppen=koppen,
    )


def antwoord_afronden(
    *, koppeling: Koppeling, sleutel: str, status: int, inhoud=None, koppen=None
) -> None:
    """The kept answer of a request that ended: a success fills it in, a refusal frees the key
    (a refused request claims none)."""
    bewaard = Antwoord.objects.filter(koppeling=koppeling, sleutel=sleutel)
    if status >= 400:
        bewaard.delete()
    else:
        bewaard.update(status=status, inhoud=inhoud, koppen=koppen or {})


def verzoek_tellen(koppeling: Koppeling, nu: datetime.datetime) -> int:
    """This minute's requests of the koppeling, this one included: one statement, shared by
    every web process."""
    minuut = nu.replace(second=0, microsecond=0)
    with connection.cursor() as c:
        c.execute(
            """
            INSERT INTO api_verzoekteller (koppeling_id, minuut, aantal) VALUES (%s, %s, 1)
            ON CONFLICT (koppeling_id, minuut)
            DO UPDATE SET aantal = api_verzoekteller.aantal + 1
            RETURNING aantal
            """,
            [koppeling.pk, minuut],
        )
        return c.fetchone()[0]
