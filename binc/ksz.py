"""A connection to a KSZ service: HTTPS with a client certificate (the national register's
identification service, the Groeipakket funds' endpoint)."""


class KszVerbinding:
    def __init__(self, *, url: str, cert: tuple[str, str] | None, session=None) -> None:
        self.url = url.rstrip("/")
        self.cert = cert
        if session is None:
            import requests  # only where a real connection is made

            session = requests.Session()
        self.session = session
