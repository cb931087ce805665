"""Opgroeien's view of the notifications that could not be delivered (000 §18.1): who was to
be told, the error, and a retry. Not the documents themselves: their name and content stay
with the sender and the recipients."""

from django.contrib import admin, messages

from binc.admin import ActiesAdmin, opgroeien_site
from documenten.constants import MailStatus
from documenten.models import NietAfgeleverdeMail
from documenten.services import mislukte_mails_herstarten


@admin.register(NietAfgeleverdeMail, site=opgroeien_site)
class NietAfgeleverdeMailAdmin(ActiesAdmin):
    list_display = [
        "email",
        "naam",
        "afzender",
        "ontvanger",
        "delen_tot",
        "mail_pogingen",
        "mail_fout",
    ]
    fields = ["email", "naam", "delen_tot", "mail_status", "mail_pogingen", "mail_fout"]
    list_select_related = [
        "document__afzender_voorziening",
        "document__afzender_dienst",
        "ontvanger_voorziening",
        "ontvanger_dienst",
    ]
    search_fields = ["email"]
    actions = ["opnieuw"]
    actie_permissie = "documenten.change_nietafgeleverdemail"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(mail_status=MailStatus.MISLUKT)

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    @admin.display(description="afzender")
    def afzender(self, obj):
        document = obj.document
        return document.afzender_voorziening or document.afzender_dienst

    @admin.action(description="De e-mail van de geselecteerde delingen opnieuw versturen")
    def opnieuw(self, request, queryset):
        aantal = mislukte_mails_herstarten(list(queryset.values_list("pk", flat=True)))
        messages.success(request, f"{aantal} e-mails staan opnieuw in de wachtrij.")
