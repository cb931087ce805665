"""Opgroeien staff roles as Django groups with exactly these permissions. Re-applied after every
migrate, so a permission added here reaches production with the next deploy."""

from binc.constants import OpgroeienRol

ROLE_PERMISSIONS: dict[str, list[str]] = {
    OpgroeienRol.DOSSIERBEHANDELAAR: [
        "binc.view_voorziening",
        "binc.view_activiteit",
        "binc.view_module",
        "binc.view_modulegoedkeuring",
        "binc.view_typemodule",
        "binc.view_rijksregisteropzoeking",
        "binc.view_inzage",
        "dossiers.view_dossier",
        "dossiers.view_client",
        "dossiers.view_heropenaanvraag",
        "dossiers.change_heropenaanvraag",
        "dossiers.view_schakelingwijziging",
        "groeipakket.view_groeipakketbatch",
        "groeipakket.view_groeipakketbericht",
        "groeipakket.change_groeipakketbericht",
        "groeipakket.view_groeipakketbestand",
        "dossiers.view_verwerktjaar",
        "kwartaal.view_kwartaalstaat",
        "kwartaal.change_kwartaalstaat",
        "kwartaal.view_capaciteit",
    ],
    OpgroeienRol.VOORZIENINGENBELEID: [
        "binc.view_voorziening",
        "binc.change_voorziening",
        "binc.view_medewerker",
        "binc.view_dienst",
        "binc.add_dienst",
        "binc.change_dienst",
        "binc.view_typemodule",
        "binc.change_typemodule",
        "binc.view_module",
        "binc.view_modulegoedkeuring",
        "binc.view_moduledatabanksync",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "kwartaal.view_capaciteit",
        "kwartaal.add_capaciteit",
        "api.view_koppeling",
        "api.change_koppeling",
        "documenten.view_nietafgeleverdemail",
        "documenten.change_nietafgeleverdemail",
    ],
}


def opgroeien_roles_ensure(**kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    for role, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = Permission.objects.filter(
            content_type__app_label__in={c.split(".")[0] for c in codes},
            codename__in=[c.split(".")[1] for c in codes],
        )
        group.permissions.set(wanted)
