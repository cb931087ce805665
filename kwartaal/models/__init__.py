from kwartaal.models.capaciteit import Capaciteit
from kwartaal.models.kwartaal import ClientInzet, Kwartaalstaat, SoortInzet, TypemoduleInzet

__all__ = ["Capaciteit", "ClientInzet", "Kwartaalstaat", "SoortInzet", "TypemoduleInzet"]
