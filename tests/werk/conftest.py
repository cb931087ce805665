from tests.dossiers.conftest import omgeving  # noqa: F401  (the OVBJ with a dossier)
