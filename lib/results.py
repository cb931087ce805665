"""The shape of a service's answer when the user may have to confirm first."""

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Resultaat(Generic[T]):
    """The saved object, or the warnings the user must confirm first; with warnings nothing
    was saved and `object` is None."""

    object: T | None = None
    waarschuwingen: tuple[str, ...] = ()

    @property
    def te_bevestigen(self) -> bool:
        return bool(self.waarschuwingen)
