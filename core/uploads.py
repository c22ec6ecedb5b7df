"""Checks of uploaded files shared by every capability that stores them (evidence files,
works, attachments): the type by its suffix and the size against a limit from settings.
Stored names are random and files are served only through scoped views; see the apps."""

from django.utils.translation import gettext as _


def file_suffix(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def upload_problem(upload, *, extensions, max_bytes: int) -> str:
    """Why ``upload`` cannot be stored ("" when it can), in words for the person who sent it."""
    suffix = file_suffix(getattr(upload, "name", ""))
    if suffix not in extensions:
        return _("Files of type %(type)s are not accepted; use one of: %(allowed)s.") % {
            "type": suffix or "?",
            "allowed": "、".join(extensions),
        }
    if upload.size > max_bytes:
        return _("The file is larger than %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}
    if upload.size == 0:
        return _("The file is empty.")
    return ""
