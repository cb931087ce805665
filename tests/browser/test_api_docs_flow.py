"""The registration API's documentation page in Chromium: Redoc renders the document from the
site itself and a reader finds an endpoint. Nothing comes from another origin: the one address
Redoc's bundle asks elsewhere (its maker's logo) the page's CSP refuses."""

from urllib.parse import urlsplit

from playwright.sync_api import expect


def test_the_api_documentation_renders_from_the_site_alone(page, live_server):
    eigen = urlsplit(live_server.url).netloc

    def elders(request) -> bool:
        return urlsplit(request.url).scheme in {"http", "https"} and (
            urlsplit(request.url).netloc != eigen
        )

    opgehaald, geweigerd = [], []
    page.on("requestfinished", lambda r: elders(r) and opgehaald.append(r.url))
    page.on("requestfailed", lambda r: elders(r) and geweigerd.append(r.failure))
    page.goto("/api/v1/docs/")
    expect(page.get_by_role("heading", name="Binc registratie-API")).to_be_visible()
    operatie = page.get_by_role(
        "heading", name="De benuttingsgraad van je voorziening per kwartaal"
    )
    operatie.scroll_into_view_if_needed()
    expect(operatie).to_be_visible()
    expect(page.get_by_text("Het eerste kwartaal: JJJJ-Qn")).to_be_visible()
    assert opgehaald == [], "fetched from another origin"
    assert set(geweigerd) <= {"csp"}, geweigerd  # refused by the CSP, never sent
