"""A small threaded HTTP receiver standing in for the funds, started by the test on 127.0.0.1:
it parses each message, answers accept, reject or a server error as told, and counts what it
receives and accepts per message id (deduplicating, as a real receiver must)."""

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from lxml import etree

NS = {"g": "urn:binc:groeipakket:1"}


class Ontvanger:
    def __init__(self) -> None:
        self.ontvangen: Counter[str] = Counter()
        self.aanvaard: Counter[str] = Counter()
        self.weigeren: set[str] = set()  # dossier codes to reject
        self.fouten_eerst = 0  # answer this many requests with HTTP 500 first
        self.vertraging = 0.0  # seconds per request, to catch a worker mid-delivery
        self.lock = threading.Lock()
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                time.sleep(ontvanger.vertraging)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                bericht = etree.fromstring(body).find("g:bericht", NS)
                bericht_id = bericht.get("id")
                dossier = bericht.findtext("g:dossier", namespaces=NS)
                with ontvanger.lock:
                    ontvanger.ontvangen[bericht_id] += 1
                    if ontvanger.fouten_eerst > 0:
                        ontvanger.fouten_eerst -= 1
                        self._answer(500, {"status": "fout"})
                        return
                    if dossier in ontvanger.weigeren:
                        self._answer(200, {"status": "geweigerd", "reden": "Kind onbekend"})
                        return
                    if not ontvanger.aanvaard[bericht_id]:  # deduplicate on the id
                        ontvanger.aanvaard[bericht_id] += 1
                self._answer(200, {"status": "aanvaard"})

            def _answer(self, code: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Ontvanger":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
