"""One id per request, to find a call again: the `X-Request-ID` the proxy sent (when it is a
plain token) or a new one, on the request, on every answer, in each log line written while it
runs, in the access log and in the API's problem details."""

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

KOP = "X-Request-ID"
# What a proxy may hand on: short, no spaces, nothing a header or a log line could split on.
GELDIG = re.compile(r"[A-Za-z0-9._:-]{1,100}")

_huidig: ContextVar[str] = ContextVar("verzoek_id", default="")


def verzoek_id() -> str:
    """The running request's id ("" outside a request, e.g. in a task)."""
    return _huidig.get()


class VerzoekIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        gegeven = request.headers.get(KOP, "")
        eigen = gegeven if GELDIG.fullmatch(gegeven) else uuid.uuid4().hex
        token = _huidig.set(eigen)
        try:
            response = self.get_response(request)
        finally:
            _huidig.reset(token)
        response[KOP] = eigen
        return response


class VerzoekIdFilter(logging.Filter):
    """Gives each log record `verzoek_id`, for the format string."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.verzoek_id = _huidig.get() or "-"
        return True
