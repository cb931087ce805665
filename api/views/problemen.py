"""The pages the problem details' `type` opens: what each refusal means and what to do."""

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from lib.problemen import SOORTEN


def _opgemaakt(uitleg: str) -> str:
    # `naam` in the catalogue is code: shown as such.
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(uitleg)))  # noqa: S308


@require_GET
def problemen(request: HttpRequest, code: str | None = None) -> HttpResponse:
    if code is not None and code not in SOORTEN:
        raise Http404
    soorten = [
        (c, s.status, s.titel, _opgemaakt(s.uitleg))
        for c, s in SOORTEN.items()
        if code is None or c == code
    ]
    return render(request, "api/problemen.html", {"soorten": soorten, "code": code})
