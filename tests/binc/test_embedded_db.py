"""`make run` on the embedded PostgreSQL survives being stopped the hard ways: a process manager's
SIGTERM and a SIGKILL of the whole process group, each followed by a new `make run` that serves
the site again."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from lib.embedded_db import EmbeddedPostgres

pytestmark = pytest.mark.traag  # starts `make run` twice

ROOT = Path(__file__).resolve().parents[2]


def _standaard_signalen() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serves(port: int, proces: subprocess.Popen, timeout: float = 180) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proces.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/aanmelden/", timeout=5) as page:
                return page.status == 200
        except (urllib.error.URLError, ConnectionError) as error:
            if isinstance(error, urllib.error.HTTPError):
                return False
            time.sleep(0.5)
    return False


@pytest.fixture
def make_run(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    env.update(PORT=str(port), BINC_EMBEDDED_DB_DIR=str(tmp_path / "postgres"))
    log = tmp_path / "make-run.log"
    started = []

    def start() -> subprocess.Popen:
        with open(log, "a") as output:
            proces = subprocess.Popen(  # noqa: S603 - our own make target
                [shutil.which("make") or "make", "run"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, as a terminal or manager has
                # Ctrl+C as in a terminal: whatever an earlier test did to this process's
                # signals, `make run` starts with the default handlers (an ignored SIGINT would
                # be inherited, and Python then never stops on it).
                preexec_fn=_standaard_signalen,
            )
        started.append(proces)
        assert _serves(port, proces), log.read_text()[-3000:]
        return proces

    yield start
    for proces in started:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGINT)
            proces.wait(timeout=60)
    EmbeddedPostgres(tmp_path / "postgres").stop()


def test_make_run_starts_again_after_sigterm_and_sigkill(make_run):
    for signum in (signal.SIGTERM, signal.SIGKILL):
        proces = make_run()
        os.killpg(proces.pid, signum)
        proces.wait(timeout=60)
    make_run()
