"""An OpenDocument upload is checked by reading its 'mimetype' member: a zip bomb (a few KB that
unpack to many MB) is refused unopened, with the memory of the check flat."""

import io
import tracemalloc
import zipfile

import pytest

from documenten.bestanden import KLOPT_NIET, controleren


def _bom(grootte: int, *, liegt: bool = False) -> bytes:
    """An .odt whose 'mimetype' unpacks to `grootte` bytes from a few hundred (bzip2); with
    `liegt`, its headers claim the real mimetype's length instead."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_BZIP2) as archief:
        archief.writestr("mimetype", b"a" * grootte)
    data = buffer.getvalue()
    if liegt:
        echt, gelogen = grootte.to_bytes(4, "little"), (39).to_bytes(4, "little")
        data = data.replace(echt, gelogen)
    return data


@pytest.mark.parametrize("liegt", [False, True])
def test_a_zip_bomb_is_refused_without_unpacking_it(liegt):
    bom = _bom(50_000_000, liegt=liegt)
    assert len(bom) < 5_000
    tracemalloc.start()
    try:
        reden = controleren("plan.odt", io.BytesIO(bom))
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reden == KLOPT_NIET.format(ext="odt")
    assert piek < 2_000_000  # unpacked whole, it would take 50 MB
