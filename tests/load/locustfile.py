"""50 medewerkers doing what they do all day (`make loadtest`): the start page, a letter and a
sort, a search, opening a dossier, saving its beginregistratie, adding a schakeling and opening
the kwartalen. Each simulated medewerker signs in once as belastingNN."""

import itertools
import random
import re

from locust import HttpUser, between, task

NUMMERS = itertools.count(1)
AANGEMELD = itertools.count(1)
WACHTWOORD = "belasting-niet-geheim"
DOSSIER = re.compile(r'href="/dossiers/(\d+)/"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSIE = re.compile(r'name="versie" value="(\d+)"')
BESLISSING = re.compile(r'name="beslissing" value="(\d+)"')
# The dossier's first registration form, whichever its organisatietype asks (begin, gezinssituatie).
REGISTRATIE = re.compile(r'href="(/dossiers/\d+/registratie/\w+/)"')


class Medewerker(HttpUser):
    # People read and type between clicks.
    wait_time = between(1, 4)

    def on_start(self) -> None:
        nummer = next(NUMMERS)
        pagina = self.client.get("/aanmelden/", name="aanmelden (pagina)")
        self.client.post(
            "/aanmelden/",
            {
                "username": f"belasting{nummer:02d}",
                "password": WACHTWOORD,
                "csrfmiddlewaretoken": self._csrf(pagina.text),
            },
            name="aanmelden",
        )
        self.dossiers = [int(d) for d in DOSSIER.findall(self.client.get("/", name="start").text)]
        # Once everyone is signed in (a password hash costs CPU on purpose), the working day
        # begins: only that is measured.
        if next(AANGEMELD) == self.environment.runner.target_user_count:
            self.environment.runner.stats.reset_all()

    def _csrf(self, html: str) -> str:
        gevonden = CSRF.search(html)
        return gevonden.group(1) if gevonden else self.client.cookies.get("csrftoken", "")

    def _dossier(self) -> int | None:
        return random.choice(self.dossiers) if self.dossiers else None

    @task(6)
    def startpagina(self) -> None:
        self.client.get("/", name="start")

    @task(3)
    def letter_en_sortering(self) -> None:
        letter = random.choice("ABCDEFGHIJKLMNOPRSTVW")
        sort = random.choice(["naam", "-geboortedatum", "code", "gewijzigd"])
        self.client.get(f"/?letter={letter}&sort={sort}", name="start: letter en sortering")

    @task(2)
    def zoeken(self) -> None:
        pagina = self.client.get("/dossiers/zoeken/", name="zoeken (pagina)")
        self.client.post(
            "/dossiers/zoeken/",
            {"naam": "Naam1", "csrfmiddlewaretoken": self._csrf(pagina.text)},
            name="zoeken",
        )

    @task(6)
    def dossier_openen(self) -> None:
        if (pk := self._dossier()) is not None:
            self.client.get(f"/dossiers/{pk}/", name="dossier")

    @task(2)
    def registratie_bewaren(self) -> None:
        if (pk := self._dossier()) is None:
            return
        dossier = self.client.get(f"/dossiers/{pk}/", name="dossier")
        if (link := REGISTRATIE.search(dossier.text)) is None:
            return
        url = link.group(1)
        pagina = self.client.get(url, name="registratie")
        versie = VERSIE.search(pagina.text)
        self.client.post(
            url,
            {
                "versie": versie.group(1) if versie else "0",
                "actie": "opslaan",
                "schoolachterstand": str(random.randint(0, 3)),
                "csrfmiddlewaretoken": self._csrf(pagina.text),
            },
            name="registratie bewaren",
        )

    @task(1)
    def schakeling_toevoegen(self) -> None:
        if (pk := self._dossier()) is None:
            return
        url = f"/dossiers/{pk}/schakelingen/nieuw/"
        pagina = self.client.get(url, name="schakeling toevoegen")
        beslissing = BESLISSING.search(pagina.text)
        if beslissing is None:
            return  # a running schakeling must be closed first: the form is not offered
        self.client.post(
            url,
            {
                "beslissing": beslissing.group(1),
                "versie": "0",
                "begindatum": "2026-01-05",
                "csrfmiddlewaretoken": self._csrf(pagina.text),
            },
            name="schakeling toevoegen",
        )

    @task(1)
    def kwartalen(self) -> None:
        self.client.get("/kwartaal/", name="kwartalen")
