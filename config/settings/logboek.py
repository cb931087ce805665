"""The log: to standard output (the platform collects it), each line with its request's id
(`X-Request-ID`, lib.verzoek), so one call can be followed from the proxy's log to ours."""

import environ

env = environ.Env()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"verzoek": {"()": "lib.verzoek.VerzoekIdFilter"}},
    "formatters": {
        "regel": {"format": "%(asctime)s %(levelname)s %(name)s [%(verzoek_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["verzoek"],
            "formatter": "regel",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # binc.beveiligingslog logs every authentication event; django-axes need not say it again.
    "loggers": {"axes": {"level": "WARNING"}},
}
