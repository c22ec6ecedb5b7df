"""Uploaded files, the same way in every app: the checks an upload passes (size and type by
name, images by their content), random stored names that never carry the uploader's file
name, and the response that serves a stored file from a scoped view (files are never a
public media directory)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

# The first bytes of the image formats a phone produces, and the type each is served as.
IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"RIFF", "webp", "image/webp"),
)


def file_suffix(filename: str, default: str = "bin") -> str:
    """The lower-case extension of ``filename`` (``default`` when it has none)."""
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else default


def random_name(filename: str) -> str:
    """A stored name that keeps only the extension of the uploader's name."""
    return f"{secrets.token_hex(16)}.{file_suffix(filename)}"


def upload_problem(upload, *, extensions, max_bytes: int) -> str:
    """Why ``upload`` cannot be stored ("" when it can): its type by the name's extension,
    then its size, in words for the person who sent it."""
    suffix = file_suffix(getattr(upload, "name", "") or "", default="")
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


def check_upload(upload, errors: dict, field: str) -> None:
    """Size and type of an uploaded file against ``GONGHUI["UPLOAD_MAX_BYTES"]`` and
    ``GONGHUI["UPLOAD_EXTENSIONS"]``; a problem is appended to ``errors[field]``."""
    problem = upload_problem(
        upload,
        extensions=settings.GONGHUI["UPLOAD_EXTENSIONS"],
        max_bytes=settings.GONGHUI["UPLOAD_MAX_BYTES"],
    )
    if problem:
        errors.setdefault(field, []).append(problem)


def image_kind(head: bytes, allowed=("jpg", "png", "webp")) -> tuple[str, str] | None:
    """``(extension, content type)`` of an image recognised by its first bytes, or None."""
    for signature, extension, content_type in IMAGE_SIGNATURES:
        if extension not in allowed or not head.startswith(signature):
            continue
        if extension != "webp" or head[8:12] == b"WEBP":
            return extension, content_type
    return None


def sniff_image(upload, allowed=("jpg", "png", "webp")) -> tuple[str, str] | None:
    """``image_kind`` of an uploaded file, read from its content (the name may lie)."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return image_kind(head, allowed)


def file_response(
    stored, *, filename: str | None = None, content_type: str | None = None
) -> FileResponse:
    """Serve a stored file (a FieldFile): as a download named ``filename``, or inline with
    ``content_type`` (images shown on a page). A file missing from storage is a 404."""
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404(_("The file is not available.")) from error
    if content_type:
        response = FileResponse(handle, content_type=content_type)
    else:
        response = FileResponse(handle, as_attachment=True, filename=filename)
    # A scoped file: never cached by shared proxies, never sniffed into another type.
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
