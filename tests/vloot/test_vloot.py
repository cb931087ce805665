"""The production topology, started and used over HTTP as users would (docs/production.md):
two `bin/start-web` processes on two ports (DEBUG off, deploy check, migrations as the owner,
the application as its non-owner role), one Celery worker and beat, on the machine's PostgreSQL
and Redis, in a fresh database; each process in its own empty working directory.

`.ci/run` runs it after `make test` (`pytest -m vloot`); it is skipped, saying why, where no
PostgreSQL server or Redis answers on 127.0.0.1."""

import datetime
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import redis
import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG = "postgres://postgres@127.0.0.1:5432"
REDIS_DB = 7
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"x" * 300_000
RAPPORTEN = [
    "aantallen",
    "aanmelding",
    "beslissingen",
    "beginregistratie",
    "gezinssituatie",
    "reden_einde",
    "samenwerking",
    "vervolghulp",
]

pytestmark = pytest.mark.vloot


def _bereikbaar(poort: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", poort), timeout=2):
            return True
    except OSError:
        return False


def _vrije_poort() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wacht(voorwaarde, *, seconden: float, waarom: str):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if resultaat := voorwaarde():
            return resultaat
        time.sleep(0.2)
    pytest.fail(f"Niet binnen {seconden} s: {waarom}")


class Vloot:
    """The processes, each in its own working directory, with its output in a log there."""

    def __init__(self, basis: Path, env: dict[str, str]) -> None:
        self.basis, self.env = basis, env
        self.processen: dict[str, subprocess.Popen] = {}

    def map(self, naam: str) -> Path:
        pad = self.basis / naam
        pad.mkdir(exist_ok=True)
        return pad

    def start(self, naam: str, opdracht: list[str], **extra: str) -> subprocess.Popen:
        with open(self.map(naam) / f"{naam}.log", "a") as log:
            proces = subprocess.Popen(  # noqa: S603 - our own programs
                opdracht,
                cwd=self.map(naam),
                env={**self.env, **extra},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processen[naam] = proces
        return proces

    def web(self, naam: str, poort: int) -> str:
        proces = self.start(naam, [str(ROOT / "bin" / "start-web")], PORT=str(poort))
        basis = f"http://127.0.0.1:{poort}"

        def klaar() -> bool:
            if proces.poll() is not None:
                pytest.fail(self.log(naam))
            try:
                antwoord = requests.get(
                    basis + "/aanmelden/",
                    headers={"X-Forwarded-Proto": "https"},
                    allow_redirects=False,
                    timeout=2,
                )
            except requests.ConnectionError:
                return False
            return antwoord.status_code == 200

        _wacht(klaar, seconden=120, waarom=f"{naam} antwoordt niet")
        return basis

    def worker(self) -> subprocess.Popen:
        celery = [str(BIN / "celery"), "-A", "config"]
        return self.start(
            "worker",
            [*celery, "worker", "--concurrency", "1"],
        )

    def doden(self, naam: str, signum: int = signal.SIGKILL) -> None:
        proces = self.processen.pop(naam)
        os.killpg(proces.pid, signum)
        proces.wait(timeout=30)

    def log(self, naam: str) -> str:
        return (self.map(naam) / f"{naam}.log").read_text()[-4000:]

    def stoppen(self) -> None:
        for proces in self.processen.values():
            if proces.poll() is None:
                os.killpg(proces.pid, signal.SIGTERM)
        for proces in self.processen.values():
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proces.pid, signal.SIGKILL)


class Bezoeker:
    """A browser as far as the server can tell: its cookies, and the headers the TLS proxy
    adds (the web processes only ever see plain HTTP behind it)."""

    def __init__(self) -> None:
        self.koekjes: dict[str, str] = {}

    def vraag(self, methode: str, url: str, **kwargs) -> requests.Response:
        for _ in range(10):
            host = urlsplit(url).netloc
            koppen = {
                "X-Forwarded-Proto": "https",
                "Referer": f"https://{host}/",
                "Origin": f"https://{host}",
                "Cookie": "; ".join(f"{k}={v}" for k, v in self.koekjes.items()),
            }
            antwoord = requests.request(
                methode, url, headers=koppen, allow_redirects=False, timeout=60, **kwargs
            )
            self.koekjes.update({c.name: c.value for c in antwoord.cookies})
            if antwoord.status_code not in (301, 302, 303):
                return antwoord
            volgende = urlsplit(antwoord.headers["Location"])
            url = f"http://{host}{volgende.path}" + (f"?{volgende.query}" if volgende.query else "")
            methode, kwargs = "GET", {}
        pytest.fail(f"Te veel doorverwijzingen vanaf {url}")

    def get(self, url: str) -> requests.Response:
        return self.vraag("GET", url)

    def post(self, url: str, data: dict, **kwargs) -> requests.Response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(url).text)
        assert token, url
        return self.vraag("POST", url, data={**data, "csrfmiddlewaretoken": token[1]}, **kwargs)

    def aanmelden(self, basis: str, gebruiker: str) -> "Bezoeker":
        antwoord = self.post(f"{basis}/aanmelden/", {"username": gebruiker, "password": "demo"})
        assert antwoord.status_code == 200, antwoord.text[-2000:]
        assert "Aanmelden" not in antwoord.text.split("<h1", 1)[-1][:200]
        return self


@pytest.fixture
def vloot(tmp_path):
    if not _bereikbaar(5432) or not _bereikbaar(6379):
        pytest.skip("De vloottest heeft PostgreSQL (127.0.0.1:5432) en Redis (6379) nodig.")
    code = uuid.uuid4().hex[:8]
    databank, eigenaar, app = f"binc_vloot_{code}", f"vloot_eigenaar_{code}", f"vloot_app_{code}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as beheer:
        beheer.execute(f'CREATE ROLE "{eigenaar}" LOGIN')
        beheer.execute(f'CREATE ROLE "{app}" LOGIN')
        beheer.execute(f'CREATE DATABASE "{databank}" OWNER "{eigenaar}"')
    redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()
    uitwisseling = tmp_path / "groeipakket"  # the declared exchange mount
    env = {
        "PATH": f"{BIN}:{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "DEBUG": "false",
        "SECRET_KEY": "vloot-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://{app}@127.0.0.1:5432/{databank}",
        "MIGRATE_DATABASE_URL": f"postgres://{eigenaar}@127.0.0.1:5432/{databank}",
        "BINC_APP_ROL": app,
        "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "GROEIPAKKET_UITGAAND": str(uitwisseling / "uitgaand"),
        "GROEIPAKKET_ANTWOORDEN": str(uitwisseling / "antwoorden"),
        "WEB_CONCURRENCY": "2",
        # Beat's bookkeeping of its own: one left by an earlier run would make it catch up on
        # a job it thinks it missed (the daily Groeipakket batch) the moment it starts.
        "CELERY_BEAT_SCHEDULE_FILENAME": str(tmp_path / "beat-schedule"),
        "PYTHONDONTWRITEBYTECODE": "1",
        # Celery finds the project on the path, not through its working directory.
        "PYTHONPATH": str(ROOT),
    }
    processen = Vloot(tmp_path / "processen", env)
    (tmp_path / "processen").mkdir()
    yield processen, databank
    processen.stoppen()
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as beheer:
        beheer.execute(f'DROP DATABASE IF EXISTS "{databank}" WITH (FORCE)')
        for rol in (app, eigenaar):
            beheer.execute(f'DROP ROLE IF EXISTS "{rol}"')


def _aanvragen(databank: str) -> list[tuple]:
    with psycopg.connect(f"{PG}/{databank}") as verbinding:
        return verbinding.execute(
            "SELECT a.id, a.status, a.bestand, (SELECT count(*) FROM binc_bestand b "
            "WHERE b.naam = a.bestand) FROM rapporten_rapportaanvraag a ORDER BY a.id"
        ).fetchall()


def test_the_fleet_keeps_everything_in_postgresql_and_redis(vloot):
    processen, databank = vloot
    web_a = processen.web("web-a", _vrije_poort())
    # The demo data, written as the owner before the others start (its command wants DEBUG).
    seed = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "seed_demo"],
        cwd=processen.map("seed"),
        env={
            **processen.env,
            "DEBUG": "true",
            "DATABASE_URL": processen.env["MIGRATE_DATABASE_URL"],
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert seed.returncode == 0, seed.stderr[-3000:]
    web_b = processen.web("web-b", _vrije_poort())
    processen.worker()
    processen.start("beat", [str(BIN / "celery"), "-A", "config", "beat"])

    # 1. A document shared on A is downloaded on B, byte for byte; the receipt shows on A.
    beleid = Bezoeker().aanmelden(web_a, "beleid")
    gedeeld = beleid.post(
        f"{web_a}/documenten/nieuw/",
        {
            "beschrijving": "Vlootproef",
            "ontvanger-TOTAL_FORMS": "1",
            "ontvanger-INITIAL_FORMS": "0",
            "ontvanger-MIN_NUM_FORMS": "1",
            "ontvanger-MAX_NUM_FORMS": "20",
            "ontvanger-0-dienst": "OCJ Antwerpen",
            "ontvanger-0-naam": "Sofie Consulent",
            "ontvanger-0-delen_tot": (
                datetime.date.today() + datetime.timedelta(days=5)
            ).isoformat(),
        },
        files={"bestand": ("vloot.pdf", PDF, "application/pdf")},
    )
    assert "is gedeeld" in gedeeld.text, gedeeld.text[-3000:]
    consulent = Bezoeker().aanmelden(web_b, "consulent")
    ontvangen = consulent.get(f"{web_b}/documenten/ontvangen/").text
    (download,) = re.findall(r'href="(/documenten/\d+/download/)"[^>]*>vloot\.pdf', ontvangen)
    assert consulent.get(web_b + download).content == PDF
    assert "door Sofie Consulent (OCJ Antwerpen)" in beleid.get(f"{web_a}/documenten/").text

    # 2. and 3. Reports requested on B are made by the worker, which is killed halfway; after
    # a restart each is made exactly once, and a report offered is always whole.
    ovbj = Bezoeker().aanmelden(web_b, "ovbj")
    tot = datetime.date.today()
    ovbj.post(
        f"{web_b}/rapporten/nieuw/",
        {
            "van": (tot - datetime.timedelta(days=364)).isoformat(),
            "tot": tot.isoformat(),
            "rapporten": [*RAPPORTEN, "ruw_opgestart"],
        },
    )
    _wacht(
        lambda: any(status == "bezig" for _, status, *_ in _aanvragen(databank)),
        seconden=60,
        waarom="de worker begint niet aan de rapporten",
    )
    processen.doden("worker")
    time.sleep(6)  # past the broker's visibility timeout: the task goes to the next worker
    processen.worker()
    ovbj_a = Bezoeker().aanmelden(web_a, "ovbj")

    def allemaal_klaar() -> bool:
        aanvragen = _aanvragen(databank)
        for pk, status, naam, bestanden in aanvragen:
            if status == "klaar":
                assert bestanden == 1
                inhoud = ovbj_a.get(f"{web_a}/rapporten/{pk}/download/").content
                if naam.endswith(".xlsx"):
                    assert zipfile.ZipFile(io.BytesIO(inhoud)).testzip() is None
                else:
                    assert inhoud.rstrip().endswith(b">")
            assert status in ("wachtrij", "bezig", "klaar"), aanvragen
        return all(status == "klaar" for _, status, *_ in aanvragen)

    _wacht(allemaal_klaar, seconden=180, waarom="niet elk rapport werd gemaakt")
    with psycopg.connect(f"{PG}/{databank}") as verbinding:
        (aantal,) = verbinding.execute("SELECT count(*) FROM binc_bestand").fetchone()
        # The demo's documents, the one shared above, and one file per report: no orphans.
        (documenten,) = verbinding.execute("SELECT count(*) FROM documenten_document").fetchone()
        # And a Groeipakket delivery's file, should beat's daily batch fall in this minute.
        (groeipakket,) = verbinding.execute(
            "SELECT count(*) FROM groeipakket_groeipakketbestand"
        ).fetchone()
    assert aantal == documenten + len(RAPPORTEN) + 1 + groeipakket

    # 4. The daily Groeipakket batch runs through the worker; its XML downloads from A.
    opgroeien = Bezoeker().aanmelden(web_a, "opgroeien")
    opgroeien.post(f"{web_a}/opgroeien/groeipakket/groeipakketbatch/nu-verzenden/", {})
    lijst = f"{web_a}/opgroeien/groeipakket/groeipakketbestand/"

    def xml() -> list[str]:
        return re.findall(
            r'href="(/opgroeien/groeipakket/groeipakketbestand/\d+/download/)"',
            opgroeien.get(lijst).text,
        )

    (pad, *_) = _wacht(xml, seconden=120, waarom="geen Groeipakket-batch")
    assert b"<?xml" in opgroeien.get(web_a + pad).content[:100]

    # 5. Web A goes; who was signed in there carries on on B.
    processen.doden("web-a")
    pagina = beleid.get(f"{web_b}/documenten/")
    assert pagina.status_code == 200
    assert "vloot.pdf" in pagina.text

    # 6. No process's working directory holds anything but its log.
    processen.stoppen()
    rommel = [
        str(p.relative_to(processen.basis))
        for p in processen.basis.rglob("*")
        if p.is_file() and not p.name.endswith(".log")
    ]
    assert rommel == []
    assert not any(p.is_dir() for p in processen.basis.rglob("*/*"))
    shutil.rmtree(processen.basis)
