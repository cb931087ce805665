from tests.dossiers.conftest import omgeving  # noqa: F401 - the same OVBJ set-up
