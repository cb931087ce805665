"""Worked cases (`../shared/engine-cases/FORMAT.md`): a case's plain data fed to the engine as the
selectors would, and its answer compared with the expected one (rates to 4 decimals, numerators
and denominators exactly; only the keys the case expects)."""

import datetime
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from bezetting.engine.benutting import benutting
from bezetting.engine.bezetting import Bezetting, bezetting, bezetting_ob, cah_inzet
from bezetting.engine.bezetting import cah_schakelingen as cah_lijst
from bezetting.engine.ckg import ckg_punten
from bezetting.engine.formule import typemodule
from bezetting.engine.inzet import inzet_modules
from bezetting.engine.model import (
    Benutting,
    Capaciteit,
    Gegevens,
    Module,
    Schakeling,
    Typemodule,
)
from kwartaal.rules import afronding_geldig
from lib.dates import iso_of_none


def _dag(tekst: str) -> datetime.date:
    return datetime.date.fromisoformat(tekst)


def _kwartaal(tekst: str) -> tuple[int, int]:
    jaar, nummer = tekst.split("-Q")
    return int(jaar), int(nummer)


Catalogus = Mapping[str, Mapping[str, Any]]


def _typemodule(t: dict[str, Any], organisatietype: str, catalogus: Catalogus) -> Typemodule:
    """A case's typemodule: its own properties, or, given by catalogue code alone, the project's
    catalogue entry; the formula from the one chooser the screens use, unless the case names
    it."""
    if set(t) == {"code"}:
        if t["code"] not in catalogus:
            raise ValueError(f"Onbekende typemodule in de catalogus: {t['code']}")
        t = {**catalogus[t["code"]], "code": t["code"]}
    eigen = typemodule(
        code=t["code"],
        naam=t.get("naam", ""),
        functie=t["functie"],
        organisatietype=organisatietype,
        intensiteit=Decimal(str(t["intensiteit"])) if t.get("intensiteit") else None,
        ckg_punten=int(t.get("ckg_punten") or 0),
        in_verblijfscapaciteit=bool(t.get("in_verblijfscapaciteit")),
        geen_benutting_input=bool(t.get("geen_benutting_input")),
    )
    return replace(eigen, bezetting=t["bezetting"]) if t.get("bezetting") else eigen


def gegevens(case: dict[str, Any], catalogus: Catalogus | None = None) -> Gegevens:
    organisatietype = case["voorziening"]["organisatietype"]
    typemodules = {
        t["code"]: _typemodule(t, organisatietype, catalogus or {})
        for t in case.get("typemodules", [])
    }
    van_module = {m["code"]: m["typemodule"] for m in case.get("modules", [])}
    return Gegevens(
        organisatietype=organisatietype,
        typemodules=typemodules,
        capaciteit=[
            Capaciteit(
                typemodule=c["typemodule"],
                van=datetime.date.fromisoformat(c["van"]),
                erkend=Decimal(c["erkend"]),
                innovatief=Decimal(c.get("innovatief", "0")),
                verzekerd=Decimal(c.get("verzekerd", "0")),
                overtal_op=c.get("overtal_op"),
            )
            for c in case.get("capaciteit", [])
        ],
        schakelingen=[
            Schakeling(
                id=s["id"],
                dossier=s["dossier"],
                soort=s.get("soort", "schakeling"),
                begin=datetime.date.fromisoformat(s["begin"]),
                einde=iso_of_none(s.get("einde")),
                modules=tuple(
                    Module(
                        module=m["module"],
                        typemodule=van_module.get(m["module"], m["module"]),
                        verzekerd_aanbod=bool(m.get("verzekerd_aanbod")),
                    )
                    for m in s["modules"]
                ),
            )
            for s in case.get("schakelingen", [])
        ],
        kwartaal=[
            Benutting(k["jaar"], k["kwartaal"], k["typemodule"], Decimal(k["benutting"]))
            for k in case.get("kwartaal", [])
        ],
    )


def _als_dict(result: Bezetting) -> dict[str, Any]:
    return {
        "typemodules": {code: r.als_dict() for code, r in result.typemodules.items()},
        "gewogen": result.gewogen.als_dict(),
    }


def antwoord(case: dict[str, Any], catalogus: Catalogus | None = None) -> dict[str, Any]:
    """The engine's answer to the case's question, in the format of `expected`; `catalogus`
    holds the project's typemodules by code, for a case that names one by code alone."""
    data = gegevens(case, catalogus)
    ((soort, vraag),) = case["query"].items()
    if soort == "bezetting":
        return _als_dict(
            bezetting(data, _dag(vraag["van"]), _dag(vraag["tot"]), vraag["typemodules"])
        )
    if soort == "bezetting_ob":
        return _als_dict(
            bezetting_ob(
                data, _kwartaal(vraag["van"]), _kwartaal(vraag["tot"]), vraag["typemodules"]
            )
        )
    if soort == "benutting":
        kwartalen = [_kwartaal(k) for k in vraag["kwartalen"]]
        uitkomst = benutting(data, kwartalen, vraag["typemodules"])
        return {
            "typemodules": {code: r.als_dict() for code, r in uitkomst.typemodules.items()},
            "functies": {functie: r.als_dict() for functie, r in uitkomst.functies.items()},
        }
    if soort == "cah_inzet":
        van, tot = _dag(vraag["van"]), _dag(vraag["tot"])
        begeleiding = [c for c, t in data.typemodules.items() if t.bezetting == "cah_begeleiding"]
        interventie = [c for c, t in data.typemodules.items() if t.bezetting == "cah_interventie"]
        return {
            "schakelingen": {
                s.id: str(cah_inzet(s, tot))
                for code in begeleiding
                for s in cah_lijst(data, code, van, tot)
            },
            "interventie_schakelingen": sum(
                len(cah_lijst(data, code, van, tot)) for code in interventie
            ),
        }
    if soort == "ckg_punten":
        per, ratio = ckg_punten(data, int(vraag["jaar"]), _dag(vraag["tot"]), vraag["typemodules"])
        result: dict[str, Any] = {
            "dossiers": {
                dossier: {
                    code: {"dagen": p.dagen, "maanden": p.maanden, "punten": str(p.punten)}
                    for code, p in codes.items()
                }
                for dossier, codes in per.items()
            }
        }
        if ratio is not None:
            result.update(ratio.als_dict())
        return result
    if soort == "inzet_modules":
        inzet = inzet_modules(data, _dag(vraag["van"]), _dag(vraag["tot"]), vraag["modules"])
        return {
            "modules": {
                m: {"actief": inzet.actief[m], "gestart": inzet.gestart[m]}
                for m in vraag["modules"]
            },
            "combinatie": inzet.combinatie,
        }
    if soort == "kwartaal_afronding":
        return {"geldig": afronding_geldig(Decimal(vraag["waarde"]), vraag["afronding"])}
    raise ValueError(f"Onbekende vraag: {soort}")


def verschillen(verwacht: Any, gekregen: Any, pad: str = "") -> list[str]:
    """Where `gekregen` differs from `verwacht`, looking only at the keys `verwacht` has; a
    `melding` matches when it contains the expected key words."""
    if isinstance(verwacht, dict):
        if not isinstance(gekregen, dict):
            return [f"{pad}: verwacht {verwacht!r}, gekregen {gekregen!r}"]
        result = []
        for sleutel, waarde in verwacht.items():
            deel = gekregen.get(sleutel) if isinstance(gekregen, dict) else None
            if sleutel == "melding":
                if not deel or str(waarde).lower() not in str(deel).lower():
                    result.append(f"{pad}.melding: verwacht '{waarde}', gekregen {deel!r}")
                continue
            result += verschillen(waarde, deel, f"{pad}.{sleutel}" if pad else sleutel)
        return result
    getallen = isinstance(verwacht, str) and isinstance(gekregen, str)
    if (
        getallen
        and _getal(verwacht)
        and _getal(gekregen)
        and Decimal(verwacht) == Decimal(gekregen)
    ):
        return []
    if verwacht != gekregen:
        return [f"{pad}: verwacht {verwacht!r}, gekregen {gekregen!r}"]
    return []


def _getal(tekst: str) -> bool:
    try:
        Decimal(tekst)
    except ArithmeticError:
        return False
    return True
