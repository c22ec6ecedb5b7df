"""Personal data protection and validation: the one place for 身份证号, phone numbers and names.

Storage rule: a personal value is stored twice, never in the clear.

* ``encrypt`` / ``decrypt``: AES-256-GCM with a random 12-byte nonce. The token is the
  base64url (no padding) of ``version byte + nonce + ciphertext-with-tag``; the version byte
  is also bound as associated data. The same plaintext encrypts differently every time.
* ``blind_index``: HMAC-SHA256 of ``kind + ":" + normalised value``, hex. Equal values of the
  same kind give equal indexes, so a full ID number or phone can be looked up exactly without
  decrypting anything. Always normalise (``normalise_id_number`` / ``normalise_phone``) first.

Both keys are derived from ``settings.GONGHUI_FIELD_KEY`` with HKDF-SHA256, with different
``info`` labels, so the encryption key and the index key are independent. Changing the setting
makes existing tokens undecryptable and existing indexes unmatched: rotating it needs a
re-encryption and re-indexing pass.

Validation functions raise ``django.core.exceptions.ValidationError`` with a stable ``code``
(see ``ERROR_CODES``) and a translated message; the value shown in a message is the input as
typed (after cleaning), shortened if very long.
"""

import base64
import datetime as dt
import functools
import hashlib
import hmac
import os
import re
import unicodedata
from typing import Literal, TypedDict

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import numdb
from stdnum.cn import ric

__all__ = [
    "ERROR_CODES",
    "KIND_ID_NUMBER",
    "KIND_PHONE",
    "DecryptionError",
    "IdNumberFacts",
    "blind_index",
    "decrypt",
    "encrypt",
    "id_number_facts",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "masked_message",
    "normalise_id_number",
    "normalise_phone",
]

# Blind-index kinds used by the models; pass these rather than string literals.
KIND_ID_NUMBER = "id_number"
KIND_PHONE = "phone"

# ValidationError codes raised by this module.
ERROR_CODES = (
    "id_required",
    "id_length",
    "id_format",
    "id_checksum",
    "id_birth_date",
    "id_region",
    "phone_required",
    "phone_invalid",
)

# ---------------------------------------------------------------------------------------------
# Keys

_ENCRYPTION_INFO = b"gonghui-field-encryption"
_BLIND_INDEX_INFO = b"gonghui-blind-index"


def _hkdf(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


@functools.lru_cache(maxsize=8)
def _derived_keys(secret: str) -> tuple[bytes, bytes]:
    """(encryption key, blind-index key), both 32 bytes, derived once per setting value."""
    raw = secret.encode("utf-8")
    return _hkdf(raw, _ENCRYPTION_INFO), _hkdf(raw, _BLIND_INDEX_INFO)


def _keys() -> tuple[bytes, bytes]:
    secret = getattr(settings, "GONGHUI_FIELD_KEY", None)
    if not secret:
        raise ImproperlyConfigured("GONGHUI_FIELD_KEY is not set.")
    return _derived_keys(secret)


# ---------------------------------------------------------------------------------------------
# Encryption at rest

_TOKEN_VERSION = b"\x01"
_NONCE_BYTES = 12
_TAG_BYTES = 16
_TOKEN_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")


class DecryptionError(ValueError):
    """The token is malformed, has an unknown version, or fails authentication.

    Authentication fails when the token was made with another key or was altered.
    """


def encrypt(plain: str) -> str:
    """Encrypt ``plain`` with AES-256-GCM; return an ASCII token (base64url, no padding).

    A fresh random nonce is used every call, so equal plaintexts give different tokens.
    """
    if not isinstance(plain, str):
        raise TypeError("encrypt() takes a str")
    key, _index_key = _keys()
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plain.encode("utf-8"), _TOKEN_VERSION)
    return base64.urlsafe_b64encode(_TOKEN_VERSION + nonce + sealed).rstrip(b"=").decode("ascii")


def decrypt(token: str) -> str:
    """Return the plaintext of a token made by ``encrypt`` with the current key.

    Raises ``DecryptionError`` when the token is malformed, of an unknown version, made with
    another key, or altered.
    """
    if not isinstance(token, str) or not _TOKEN_ALPHABET.fullmatch(token):
        raise DecryptionError("Not an encrypted token.")
    try:
        data = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError as exc:
        raise DecryptionError("Not an encrypted token.") from exc
    if len(data) < 1 + _NONCE_BYTES + _TAG_BYTES:
        raise DecryptionError("The token is too short.")
    version, nonce, sealed = data[:1], data[1 : 1 + _NONCE_BYTES], data[1 + _NONCE_BYTES :]
    if version != _TOKEN_VERSION:
        raise DecryptionError("Unknown token version.")
    key, _index_key = _keys()
    try:
        plain = AESGCM(key).decrypt(nonce, sealed, version)
    except InvalidTag as exc:
        raise DecryptionError("The token was made with another key or has been altered.") from exc
    return plain.decode("utf-8")


# ---------------------------------------------------------------------------------------------
# Blind index

_KIND = re.compile(r"[a-z][a-z0-9_]*")


def blind_index(kind: str, normalised_value: str) -> str:
    """HMAC-SHA256 (index key) of ``kind + ":" + normalised_value``, as 64 hex characters.

    ``kind`` names what the value is (``KIND_ID_NUMBER``, ``KIND_PHONE``); it must be lower-case
    letters, digits and underscores, so the ``kind:value`` message is unambiguous. The same value
    under different kinds gives different indexes.
    """
    if not isinstance(kind, str) or not _KIND.fullmatch(kind):
        raise ValueError(f"Invalid blind-index kind {kind!r}.")
    if not isinstance(normalised_value, str):
        raise TypeError("blind_index() takes a str value")
    _key, index_key = _keys()
    message = f"{kind}:{normalised_value}".encode()
    return hmac.new(index_key, message, hashlib.sha256).hexdigest()


# ---------------------------------------------------------------------------------------------
# Shared cleaning

_SEPARATORS = re.compile(r"[\s\-]+")
_SHOWN_MAX = 40


def _clean(raw: str | None) -> str:
    """NFKC (full-width digits and letters become ASCII), then drop whitespace and hyphens."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", raw or ""))


def _shown(value: str) -> str:
    """The value to show in an error message, shortened if someone pasted a whole paragraph."""
    return value if len(value) <= _SHOWN_MAX else value[: _SHOWN_MAX - 1] + "…"


# ---------------------------------------------------------------------------------------------
# 居民身份证号码 (GB 11643)

_ID_18 = re.compile(r"[0-9]{17}[0-9X]")
_ID_15 = re.compile(r"[0-9]{15}")
_ID_CHARS = re.compile(r"[0-9X]*")
_EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)


def _id_error(message: str, code: str, value: str, **params: str) -> ValidationError:
    return ValidationError(message, code=code, params={"value": _shown(value), **params})


def _upgrade_15(number15: str) -> str:
    """A legacy 15-digit number becomes 18: "19" goes before the 2-digit year, then the check
    digit is appended (GB 11643-1999)."""
    body = number15[:6] + "19" + number15[6:]
    # calc_check_digit expects the check position to be present and ignores it.
    return body + ric.calc_check_digit(body + "0")


def _birth_date(number18: str) -> dt.date | None:
    return _date_of(number18[6:14])


@functools.lru_cache(maxsize=65536)
def _date_of(digits: str) -> dt.date | None:
    """YYYYMMDD → a date, or None; cached because imports meet the same dates again and again."""
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


@functools.lru_cache(maxsize=8192)
def _region_known(code: str) -> bool:
    """True when the 6-digit administrative division code has ever existed (GB/T 2260).

    stdnum's own ``validate`` also requires the county to have existed in the birth year; that
    rejects real numbers (a Pudong 310115 number for someone born in 1980: people born before a
    county was created received its code when their card was issued), so only existence counts.
    """
    results = numdb.get("cn/loc").info(code)
    return any("county" in props for _part, props in results)


def normalise_id_number(raw: str) -> str:
    """Return the canonical 18-character ID number, or raise ``ValidationError``.

    Rules, in order:

    * cleaning: NFKC (full-width ０-９ and ｘ become ASCII), whitespace and hyphens removed,
      x upper-cased to X;
    * empty → ``id_required``;
    * a length other than 18 (or 15 for a legacy first-generation card) → ``id_length``;
    * 18 characters must be 17 digits then a digit or X, 15 characters must all be digits
      → ``id_format``;
    * a 15-digit number is upgraded to 18 by inserting "19" before the 2-digit year and
      appending the check digit;
    * an 18-character number's check digit (ISO 7064 MOD 11-2) must match → ``id_checksum``;
    * the birth date (characters 7-14) must be a real date, not before 1900-01-01 and not after
      today (Asia/Shanghai) → ``id_birth_date``;
    * the region code (first 6 digits) must be a known GB/T 2260 code → ``id_region``.
    """
    value = _clean(raw).upper()
    if not value:
        raise ValidationError(_("Enter the ID number."), code="id_required")

    if len(value) == 15 and _ID_15.fullmatch(value):
        number = _upgrade_15(value)
    elif len(value) not in (15, 18):
        raise _id_error(
            _(
                "The ID number %(value)s is not valid: it must have 18 characters "
                "(15 for an old first-generation card)."
            ),
            "id_length",
            value,
        )
    elif not _ID_18.fullmatch(value):
        if len(value) == 18 and _ID_CHARS.fullmatch(value):
            message = _("The ID number %(value)s is not valid: X may only be the last character.")
        else:
            message = _(
                "The ID number %(value)s is not valid: only digits are allowed, "
                "and X as the last character."
            )
        raise _id_error(message, "id_format", value)
    else:
        number = value
        if number[-1] != ric.calc_check_digit(number):
            raise _id_error(
                _("The ID number %(value)s is not valid: wrong check digit."),
                "id_checksum",
                value,
            )

    birth_date = _birth_date(number)
    if birth_date is None or birth_date < _EARLIEST_BIRTH_DATE:
        raise _id_error(
            _("The ID number %(value)s is not valid: the birth date is impossible."),
            "id_birth_date",
            value,
        )
    if birth_date > timezone.localdate():
        raise _id_error(
            _("The ID number %(value)s is not valid: the birth date is in the future."),
            "id_birth_date",
            value,
        )

    if not _region_known(number[:6]):
        raise _id_error(
            _("The ID number %(value)s is not valid: unknown region code %(region)s."),
            "id_region",
            value,
            region=number[:6],
        )
    return number


class IdNumberFacts(TypedDict):
    birth_date: dt.date
    gender: Literal["male", "female"]
    region_code: str


def id_number_facts(number18: str) -> IdNumberFacts:
    """Facts written in a canonical 18-character ID number (the output of
    ``normalise_id_number``): birth date (characters 7-14), gender (the 17th digit, the order
    code's last digit: odd is male, even is female) and the 6-digit region code.

    Raises ``ValueError`` when the argument is not 17 digits plus a digit or X, or its birth
    date does not exist. No other check is made, so stored numbers always yield their facts.
    """
    if not isinstance(number18, str) or not _ID_18.fullmatch(number18):
        raise ValueError("id_number_facts() takes a normalised 18-character ID number.")
    birth_date = _birth_date(number18)
    if birth_date is None:
        raise ValueError("The ID number's birth date does not exist.")
    return IdNumberFacts(
        birth_date=birth_date,
        gender="male" if int(number18[16]) % 2 else "female",
        region_code=number18[:6],
    )


# ---------------------------------------------------------------------------------------------
# Phone numbers (mainland China)

_PHONE_SEPARATORS = re.compile(r"[()]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# 0 + area code + subscriber number: 2-digit area codes (010, 020-029) take 8 digits,
# 3-digit area codes (03xx-09xx) take 7 or 8.
_LANDLINE = re.compile(r"0(?:10|2[0-9])[0-9]{8}|0[3-9][0-9]{2}[0-9]{7,8}")


def normalise_phone(raw: str, *, allow_landline: bool = False) -> str:
    """Return the phone number as digits only, or raise ``ValidationError``.

    Rules:

    * cleaning: NFKC (full-width digits become ASCII), whitespace, hyphens and parentheses
      removed; an international prefix ``+86`` or ``0086`` is dropped;
    * empty → ``phone_required``;
    * a mainland mobile number is 11 digits starting 13-19: ``13812345678``;
    * with ``allow_landline=True`` a landline is also accepted: 0, an area code, and the
      subscriber number (010/02x + 8 digits, 0xxx + 7 or 8 digits): ``0571-88886666`` →
      ``057188886666``; after ``+86`` the trunk 0 may be left out (``+86 571 88886666``);
    * anything else → ``phone_invalid``.
    """
    value = _PHONE_SEPARATORS.sub("", _clean(raw))
    if not value:
        raise ValidationError(_("Enter the phone number."), code="phone_required")
    shown = value
    international = False
    for prefix in ("+86", "0086"):
        if value.startswith(prefix):
            value, international = value[len(prefix) :], True
            break

    if _MOBILE.fullmatch(value):
        return value
    if allow_landline:
        if international and not value.startswith("0"):
            value = "0" + value
        if _LANDLINE.fullmatch(value):
            return value
        message = _(
            "The phone number %(value)s is not valid: enter an 11-digit mobile number, "
            "or a landline number with its area code."
        )
    else:
        message = _("The phone number %(value)s is not valid: enter an 11-digit mobile number.")
    raise ValidationError(message, code="phone_invalid", params={"value": _shown(shown)})


# ---------------------------------------------------------------------------------------------
# Masking for display


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def mask_id_number(value: str) -> str:
    """Keep the first 4 and last 4 characters, star the rest:
    ``110101199003074215`` → ``1101**********4215``. Values of 8 characters or fewer are
    starred entirely."""
    return _mask(value or "", 4, 4)


def masked_message(error: ValidationError, mask=mask_id_number) -> str:
    """The first message of a validation error of this module with the typed value masked,
    for text that is shared (import reports)."""
    params = dict(getattr(error, "params", None) or {})
    if "value" in params and getattr(error, "message", None):
        params["value"] = mask(str(params["value"]))
        return error.message % params
    return error.messages[0]


def mask_phone(value: str) -> str:
    """Keep the first 3 and last 4 digits, star the rest: ``13812345678`` → ``138****5678``.
    Values of 7 characters or fewer are starred entirely."""
    return _mask(value or "", 3, 4)


def mask_name(value: str) -> str:
    """Keep the first character, star the rest: ``张三丰`` → ``张**``, ``张三`` → ``张*``.
    A one-character name becomes ``*``; surrounding whitespace is dropped."""
    name = (value or "").strip()
    if len(name) <= 1:
        return "*" * len(name)
    return name[0] + "*" * (len(name) - 1)
