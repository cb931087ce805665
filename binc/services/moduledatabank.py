"""Synchronisation with the moduledatabank (000 §4.2, DOMAIN §14).

The moduledatabank delivers a full snapshot every night (format: docs/moduledatabank.md,
contract: binc/feeds/moduledatabank.xsd). A feed is applied whole or not at all: every check
runs before anything is written, and a rejected feed leaves a report and changes nothing.
Modules and approvals are never deleted, since history refers to them: what leaves the feed is
deactivated, and comes back to life if it returns.
"""

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from lxml import etree

from binc.constants import SyncStatus, Toegang
from binc.models import Module, ModuledatabankSync, ModuleGoedkeuring, Typemodule, Voorziening
from binc.tenancy import all_voorzieningen

XSD_PATH = Path(__file__).resolve().parent.parent / "feeds" / "moduledatabank.xsd"
NS = "{urn:binc:moduledatabank:1}"
# Serialises concurrent runs (a manual run during the nightly one) without a lock table.
ADVISORY_LOCK_KEY = 0x42494E43_4D4442  # "BINC" "MDB"


class FeedRejected(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class FeedModule:
    code: str
    naam: str
    typemodule_code: str
    toegang: str


@dataclass(frozen=True)
class FeedGoedkeuring:
    module_code: str
    status: str
    geldig_van: datetime.date
    geldig_tot: datetime.date | None


@dataclass
class Feed:
    modules: dict[str, FeedModule]
    # erkenningsnummer -> module code -> approval
    goedkeuringen: dict[str, dict[str, FeedGoedkeuring]]


@dataclass
class SyncResult:
    status: str
    telling: Counter = field(default_factory=Counter)
    verslag: list[str] = field(default_factory=list)
    run: ModuledatabankSync | None = None


def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


def feed_parse(content: bytes) -> Feed:
    """Parse and check a feed completely. Raises FeedRejected with every problem found."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedRejected([f"Het bestand is geen geldige XML: {exc}"]) from exc
    schema = _schema()
    if not schema.validate(root):
        raise FeedRejected(
            [f"Regel {e.line}: volgt het schema niet: {e.message}" for e in schema.error_log]
        )

    errors: list[str] = []
    modules: dict[str, FeedModule] = {}
    for element in root.iterfind(f"{NS}modules/{NS}module"):
        code = element.get("code")
        if code in modules:
            errors.append(f"Regel {element.sourceline}: modulecode {code} komt meer dan eens voor.")
            continue
        modules[code] = FeedModule(
            code=code,
            naam=element.get("naam").strip(),
            typemodule_code=element.get("typemodule"),
            toegang=Toegang.RTJ if element.get("toegang") == "RTJ" else Toegang.NRTJ,
        )

    goedkeuringen: dict[str, dict[str, FeedGoedkeuring]] = {}
    for vz_element in root.iterfind(f"{NS}voorziening"):
        nummer = vz_element.get("erkenningsnummer").strip()
        if nummer in goedkeuringen:
            errors.append(
                f"Regel {vz_element.sourceline}: voorziening {nummer} komt meer dan eens voor."
            )
            continue
        approvals: dict[str, FeedGoedkeuring] = {}
        for element in vz_element.iterfind(f"{NS}goedkeuring"):
            code = element.get("module")
            line = element.sourceline
            if code in approvals:
                errors.append(
                    f"Regel {line}: module {code} staat twee keer bij voorziening {nummer}."
                )
                continue
            if code not in modules:
                errors.append(f"Regel {line}: module {code} staat niet in de lijst met modules.")
            van = datetime.date.fromisoformat(element.get("geldigVan"))
            tot_text = element.get("geldigTot")
            tot = datetime.date.fromisoformat(tot_text) if tot_text else None
            if tot is not None and tot < van:
                errors.append(f"Regel {line}: geldigTot ligt vóór geldigVan voor module {code}.")
            approvals[code] = FeedGoedkeuring(code, element.get("status"), van, tot)
        goedkeuringen[nummer] = approvals

    known_typemodules = set(Typemodule.objects.values_list("code", flat=True))
    for module in modules.values():
        if module.typemodule_code not in known_typemodules:
            errors.append(
                f"Module {module.code}: typemodule '{module.typemodule_code}' is onbekend in Binc."
            )
    known_voorzieningen = set(Voorziening.objects.values_list("erkenningsnummer", flat=True))
    for nummer in goedkeuringen:
        if nummer not in known_voorzieningen:
            errors.append(f"Voorziening met erkenningsnummer {nummer} is onbekend in Binc.")

    if errors:
        raise FeedRejected(errors)
    return Feed(modules=modules, goedkeuringen=goedkeuringen)


def _apply_modules(feed: Feed, result: SyncResult) -> dict[str, Module]:
    existing = {m.code: m for m in Module.objects.all()}
    typemodules = dict(Typemodule.objects.values_list("code", "pk"))
    new, changed = [], []
    for item in feed.modules.values():
        wanted = {
            "naam": item.naam,
            "typemodule_id": typemodules[item.typemodule_code],
            "toegang": item.toegang,
            "actief": True,
        }
        module = existing.get(item.code)
        if module is None:
            new.append(Module(code=item.code, **wanted))
            result.verslag.append(f"Nieuwe module {item.code} ({item.naam}).")
        elif any(getattr(module, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(module, key, value)
            changed.append(module)
            result.verslag.append(f"Module {item.code} gewijzigd.")
    gone = [m for code, m in existing.items() if code not in feed.modules and m.actief]
    for module in gone:
        module.actief = False
        result.verslag.append(
            f"Module {module.code} staat niet meer in de moduledatabank: gedeactiveerd."
        )
    Module.objects.bulk_create(new)
    Module.objects.bulk_update([*changed, *gone], ["naam", "typemodule", "toegang", "actief"])
    result.telling.update(
        {
            "modules_nieuw": len(new),
            "modules_gewijzigd": len(changed),
            "modules_gedeactiveerd": len(gone),
        }
    )
    return {m.code: m for m in Module.objects.all()}


def _apply_goedkeuringen(feed: Feed, modules: dict[str, Module], result: SyncResult) -> None:
    voorzieningen = dict(Voorziening.objects.values_list("erkenningsnummer", "pk"))
    names = dict(Voorziening.objects.values_list("pk", "naam"))
    existing = {(g.voorziening_id, g.module_id): g for g in ModuleGoedkeuring.objects.all()}
    seen: set[tuple[int, int]] = set()
    new, changed = [], []
    for nummer, approvals in feed.goedkeuringen.items():
        voorziening_id = voorzieningen[nummer]
        for item in approvals.values():
            module = modules[item.module_code]
            key = (voorziening_id, module.pk)
            seen.add(key)
            wanted = {
                "status": item.status,
                "geldig_van": item.geldig_van,
                "geldig_tot": item.geldig_tot,
                "actief": True,
            }
            goedkeuring = existing.get(key)
            if goedkeuring is None:
                new.append(
                    ModuleGoedkeuring(voorziening_id=voorziening_id, module=module, **wanted)
                )
                result.verslag.append(
                    f"{names[voorziening_id]}: module {module.code} toegevoegd ({item.status})."
                )
            elif any(getattr(goedkeuring, k) != v for k, v in wanted.items()):
                for k, v in wanted.items():
                    setattr(goedkeuring, k, v)
                changed.append(goedkeuring)
                result.verslag.append(
                    f"{names[voorziening_id]}: module {module.code} gewijzigd ({item.status})."
                )
    gone = [g for key, g in existing.items() if key not in seen and g.actief]
    codes = {m.pk: m.code for m in modules.values()}
    for goedkeuring in gone:
        goedkeuring.actief = False
        result.verslag.append(
            f"{names[goedkeuring.voorziening_id]}: module {codes[goedkeuring.module_id]} "
            "staat niet meer in de moduledatabank: gedeactiveerd."
        )
    now = timezone.now()  # bulk_update skips auto_now
    for goedkeuring in [*changed, *gone]:
        goedkeuring.gewijzigd_op = now
    ModuleGoedkeuring.objects.bulk_create(new)
    ModuleGoedkeuring.objects.bulk_update(
        [*changed, *gone], ["status", "geldig_van", "geldig_tot", "actief", "gewijzigd_op"]
    )
    result.telling.update(
        {
            "goedkeuringen_nieuw": len(new),
            "goedkeuringen_gewijzigd": len(changed),
            "goedkeuringen_gedeactiveerd": len(gone),
        }
    )


def moduledatabank_sync(*, content: bytes, bestand: str = "") -> SyncResult:
    """Apply one feed. Always records the run; a rejected feed changes nothing else."""
    sha256 = hashlib.sha256(content).hexdigest()
    with all_voorzieningen(), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
        try:
            feed = feed_parse(content)
        except FeedRejected as rejected:
            result = SyncResult(status=SyncStatus.GEWEIGERD, verslag=rejected.errors)
        else:
            result = SyncResult(status=SyncStatus.GESLAAGD)
            modules = _apply_modules(feed, result)
            _apply_goedkeuringen(feed, modules, result)
            if not result.verslag:
                result.verslag.append("Geen wijzigingen.")
        result.run = ModuledatabankSync.objects.create(
            status=result.status,
            bestand=bestand,
            sha256=sha256,
            telling=dict(result.telling),
            verslag="\n".join(result.verslag),
        )
    return result


def moduledatabank_sync_file(*, path: str) -> SyncResult:
    """Apply the feed at `path`. No path configured is a skipped run, a missing or unreadable
    file a rejected one; both are recorded like any other run."""
    if not path:
        status, verslag = SyncStatus.OVERGESLAGEN, "MODULEDATABANK_FEED_PATH is niet ingesteld."
    else:
        try:
            return moduledatabank_sync(content=Path(path).read_bytes(), bestand=path)
        except OSError as exc:
            status, verslag = (
                SyncStatus.GEWEIGERD,
                f"Het bestand kon niet gelezen worden: {exc.strerror}.",
            )
    with all_voorzieningen():
        run = ModuledatabankSync.objects.create(status=status, bestand=path, verslag=verslag)
    return SyncResult(status=status, verslag=[verslag], run=run)


def feed_render(
    *,
    modules: list[FeedModule],
    goedkeuringen: dict[str, list[FeedGoedkeuring]],
    aangemaakt: datetime.datetime | None = None,
) -> bytes:
    """Write a feed in the moduledatabank's format: for demo data and tests."""
    stamp = (aangemaakt or timezone.now()).replace(microsecond=0).isoformat()
    root = etree.Element(f"{NS}moduledatabank", aangemaakt=stamp, nsmap={None: NS[1:-1]})
    catalogue = etree.SubElement(root, f"{NS}modules")
    for module in modules:
        etree.SubElement(
            catalogue,
            f"{NS}module",
            code=module.code,
            naam=module.naam,
            typemodule=module.typemodule_code,
            toegang=module.toegang.upper(),
        )
    for nummer, approvals in goedkeuringen.items():
        element = etree.SubElement(root, f"{NS}voorziening", erkenningsnummer=nummer)
        for item in approvals:
            attributes = {
                "module": item.module_code,
                "status": item.status,
                "geldigVan": item.geldig_van.isoformat(),
            }
            if item.geldig_tot:
                attributes["geldigTot"] = item.geldig_tot.isoformat()
            etree.SubElement(element, f"{NS}goedkeuring", **attributes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
