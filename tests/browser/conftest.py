"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against a
live server. Without Chromium they are skipped locally and fail in CI (CI=true)."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: `make chromium` installeert het.")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the test's own database
    # calls (factories, assertions) are synchronous and safe, so Django may allow them.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, as the Flemish government requires of its sites.
AXE_RUN = (
    "axe.run(document, {runOnly: {type: 'tag', values: "
    "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations.map(v => "
    "({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
)


# WCAG 1.4.10 Reflow: the narrowest screen the criterion names, in CSS pixels.
SMAL = {"width": 320, "height": 640}
PAGINABREEDTE = "document.documentElement.scrollWidth"
# The page as it is now, laid out again in a hidden frame 320 px wide (without its scripts):
# the test's own window keeps its size, so nothing the test is doing meanwhile moves. Answers
# how wide the page then is and the first element that sticks out outside a box that scrolls.
REFLOW = """async (breed) => {
  // A document the browser is still replacing has nothing to measure yet; its own load
  // event brings it back here.
  if (!document.body || document.readyState !== "complete") return [0, 0, ""];
  const kader = document.createElement("iframe");
  kader.setAttribute("sandbox", "allow-same-origin");
  // Out of the page's tab order: a test tabbing through the page meanwhile never lands in it.
  kader.inert = true;
  Object.assign(kader.style, {position: "fixed", left: "-10000px", top: "0", border: "0",
    width: `${breed}px`, height: "640px"});
  const geladen = new Promise((klaar) => { kader.onload = klaar; });
  kader.srcdoc = "<!DOCTYPE html>" + document.documentElement.outerHTML;
  document.body.append(kader);
  await geladen;
  const doc = kader.contentDocument;
  // Rules a script put in through the CSSOM (Redoc's) are not in the HTML: carried over whole.
  const regels = [...document.styleSheets].filter((blad) => blad.ownerNode?.tagName === "STYLE")
    .flatMap((blad) => [...blad.cssRules].map((regel) => regel.cssText)).join(" ");
  const blad = new kader.contentWindow.CSSStyleSheet();
  blad.replaceSync(regels);
  doc.adoptedStyleSheets = [blad];
  const scherm = doc.documentElement.clientWidth;
  const schuift = (e) => ["auto", "scroll", "hidden"].includes(getComputedStyle(e).overflowX);
  const eigen = (e) => { for (let o = e.parentElement; o && o !== doc.body; o = o.parentElement) {
    if (schuift(o)) return true; } return false; };
  const buiten = [...doc.body.querySelectorAll("*")].filter(
    (e) => e.getBoundingClientRect().right > scherm + 1);
  const uit = buiten.find((e) => !eigen(e)) || buiten[0];
  const breedte = doc.documentElement.scrollWidth;
  kader.remove();
  const naam = uit ? `${uit.tagName.toLowerCase()}.${[...uit.classList].join(".")}` : "";
  return [breedte, scherm, naam];
}"""


class Toegankelijkheid:
    """Runs axe-core on every page the test loads, and lays it out on a 320 px screen: the
    test fails on any violation and on any page that scrolls sideways there."""

    def __init__(self, page) -> None:
        self.page = page
        self.bron = AXE.read_text()
        self.fouten: list[str] = []
        self.pagina_s = 0

    def controleer(self, page) -> None:
        from playwright.sync_api import Error

        try:
            if not page.evaluate("document.contentType === 'text/html'"):
                return
            # Evaluated by the browser's debugger, so the site's own CSP (no inline scripts)
            # stays in force for everything else.
            page.evaluate(self.bron)
            gevonden = page.evaluate(AXE_RUN)
            breedte, scherm, uit = page.evaluate(REFLOW, SMAL["width"])
        except Error as fout:
            # The page went on to the next one meanwhile, the test ended, or a check of this
            # very page is still running (two load events close together).
            if any(w in str(fout).lower() for w in ("destroyed", "navigation", "closed")) or (
                "already running" in str(fout)
            ):
                return
            # Raised here it would only be logged: the test fails on it instead.
            self.fouten.append(f"{page.url}: controle mislukt: {fout}")
            return
        self.pagina_s += 1
        self.fouten += [f"{page.url}: {v['id']} ({v['help']}) at {v['nodes']}" for v in gevonden]
        if breedte > scherm:
            self.fouten.append(f"{page.url}: {breedte} px breed op 320 px, door {uit} (1.4.10)")


@pytest.fixture
def page(browser, live_server, settings):
    # The live server finds static files through the finders, which know no hashed names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    axe = None
    if AXE.exists():
        axe = Toegankelijkheid(page)
        page.on("load", axe.controleer)
    elif os.environ.get("CI"):
        pytest.fail("axe-core ontbreekt: `make axe` installeert het.")
    yield page
    context.close()
    if axe is not None:
        assert not axe.fouten, "WCAG 2.1 AA (axe-core):\n" + "\n".join(axe.fouten)
