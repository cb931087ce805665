"""An upload larger than settings.UPLOAD_MAX_BYTES is dropped while it streams in, before it is
read into memory or a temporary file; the form then reports it at its field."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

TE_GROOT_ATTR = "binc_te_grote_bestanden"


class BegrensdeUpload(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: counts each file's bytes and skips the file at the first
    byte over the limit, noting its field on the request."""

    def new_file(self, field_name, *args, **kwargs) -> None:
        super().new_file(field_name, *args, **kwargs)
        self.ontvangen = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.ontvangen += len(raw_data)
        if self.ontvangen > settings.UPLOAD_MAX_BYTES:
            te_groot(self.request).add(self.field_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


def te_groot(request) -> set[str]:
    """The upload fields of this request whose file was over the limit."""
    if not hasattr(request, TE_GROOT_ATTR):
        setattr(request, TE_GROOT_ATTR, set())
    return getattr(request, TE_GROOT_ATTR)
