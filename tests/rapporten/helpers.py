"""Building report data by hand, and opening a generated file in a real spreadsheet program."""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from dossiers.constants import DossierStatus
from tests.dossiers.factories import ClientFactory, DossierFactory, SchakelingFactory
from tests.dossiers.zorg_helpers import D


def dossier(voorziening, begin, *, einde=None, client=None, aanmelding=None, **client_velden):
    """A dossier whose only schakeling runs from `begin`; closed on `einde` when given."""
    gesloten = (
        {
            "status": DossierStatus.AFGESLOTEN,
            "afgesloten_op": einde,
            "laatste_schakeling_einddatum": einde,
        }
        if einde
        else {}
    )
    nieuw = DossierFactory(
        voorziening=voorziening,
        client=client or ClientFactory(**client_velden),
        **gesloten,
        **{f"aanmelding__{veld}": waarde for veld, waarde in (aanmelding or {}).items()},
    )
    SchakelingFactory(beslissing__dossier=nieuw, begindatum=begin, einddatum=einde)
    return nieuw


def libreoffice_opent(pad: Path) -> None:
    """Debian's LibreOffice Calc converts the file headless, or the test fails."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice ontbreekt: `make libreoffice` installeert het.")
        pytest.skip("LibreOffice not installed")
    profiel = pad.parent / f"lo-{uuid.uuid4().hex}"
    uit = pad.parent / "csv"
    resultaat = subprocess.run(  # noqa: S603 - a fixed program on our own file
        [
            soffice,
            f"-env:UserInstallation=file://{profiel}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(uit),
            str(pad),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert (uit / f"{pad.stem}.csv").stat().st_size > 0, resultaat.stdout


__all__ = ["D", "dossier", "libreoffice_opent"]
