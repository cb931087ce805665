from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The Flanders-sized dataset and the benchmarks (`make bench`, `bin/loadtest`): installed
    only with DEBUG on, so production carries none of it."""

    name = "bench"
    verbose_name = "Benchmarks"
