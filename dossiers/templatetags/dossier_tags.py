from django import template
from django.utils.html import format_html

from dossiers.constants import EINDIGT_IN_VERWERKT_JAAR, START_IN_VERWERKT_JAAR, BrStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_header(context, key: str, label: str):
    """A sortable column header: a link that toggles the order, with aria-sort."""
    request = context["request"]
    current = context["overzicht"]
    query = request.GET.copy()
    query.pop("pagina", None)
    active = current.sort == key
    query["sort"] = f"-{key}" if active and not current.desc else key
    state = ("descending" if current.desc else "ascending") if active else "none"
    arrow = ("▼" if current.desc else "▲") if active else ""
    return format_html(
        '<th scope="col" aria-sort="{}">'
        '<a href="?{}">{}<span aria-hidden="true"> {}</span></a></th>',
        state,
        query.urlencode(),
        label,
        arrow,
    )


@register.simple_tag(takes_context=True)
def with_param(context, name: str, value) -> str:
    """The current query string with one parameter replaced (and the page reset)."""
    query = context["request"].GET.copy()
    query.pop("pagina", None)
    if value in ("", None):
        query.pop(name, None)
    else:
        query[name] = value
    return f"?{query.urlencode()}"


@register.inclusion_tag("dossiers/_br_icon.html")
def br_icon(status: str):
    return {"volledig": status == BrStatus.VOLLEDIG, "onvolledig": status == BrStatus.ONVOLLEDIG}


@register.simple_tag
def verwerkt_melding(schakeling, verwerkt: set[int]):
    """000 §4.2.4.1: the manual's info message for a schakeling in a processed year."""
    if schakeling.einddatum and schakeling.einddatum.year in verwerkt:
        message = EINDIGT_IN_VERWERKT_JAAR
    elif schakeling.begindatum.year in verwerkt:
        message = START_IN_VERWERKT_JAAR
    else:
        return ""
    return format_html('<p class="info">{}</p>', message)


@register.inclusion_tag("dossiers/_groeipakket_status.html")
def groeipakket_status(schakeling, zorg):
    """The Groeipakket (D227) status of a schakeling's changes (000 §4.2)."""
    return {
        "wacht": schakeling.pk in zorg.wacht,
        "berichten": zorg.groeipakket.get(schakeling.pk, [])[:3],
    }
