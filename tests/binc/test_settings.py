"""Production refuses to start without its secrets and its database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _boot(**env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DATABASE_URL", "DEBUG", "BINC_EMBEDDED_DB"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DATABASE_URL": "postgres://localhost/binc"}, "SECRET_KEY is verplicht"),
        ({"SECRET_KEY": "x" * 50}, "DATABASE_URL is verplicht"),
    ],
)
def test_production_refuses_to_start_without(env, message):
    result = _boot(DEBUG="false", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_both():
    result = _boot(DEBUG="false", SECRET_KEY="x" * 50, DATABASE_URL="postgres://localhost/binc")
    assert result.returncode == 0, result.stderr
