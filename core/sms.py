"""Text messages (SMS) through a pluggable backend, like Django's e-mail backends.

``settings.GONGHUI_SMS_BACKEND`` names the backend class:

* ``core.sms.LogBackend`` (the default) writes each message to the Python log (logger
  ``gonghui.sms``), for development and demos where no SMS gateway is configured;
* ``core.sms.LocmemBackend`` keeps the messages in ``core.sms.outbox``, for tests (like
  ``django.core.mail.outbox``);
* a gateway backend subclasses ``BaseSmsBackend`` and implements ``send_messages``.

Senders call ``send_sms(phone, text)``; the phone number is already normalised.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from core import pii

logger = logging.getLogger("gonghui.sms")

DEFAULT_BACKEND = "core.sms.LogBackend"


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str


# Messages "sent" through LocmemBackend, oldest first; tests read and clear it.
outbox: list[SmsMessage] = []


class BaseSmsBackend(ABC):
    @abstractmethod
    def send_messages(self, messages: list[SmsMessage]) -> int:
        """Send the messages; return how many were sent. Raise on a gateway failure."""


class LogBackend(BaseSmsBackend):
    """Writes each message to the log; the number is masked, the text is kept whole so a
    developer can read a verification code."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        for message in messages:
            logger.info("SMS to %s: %s", pii.mask_phone(message.phone), message.text)
        return len(messages)


class LocmemBackend(BaseSmsBackend):
    """Keeps the messages in ``core.sms.outbox`` (tests)."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


def get_backend() -> BaseSmsBackend:
    path = getattr(settings, "GONGHUI_SMS_BACKEND", "") or DEFAULT_BACKEND
    return import_string(path)()


def send_sms(phone: str, text: str) -> None:
    get_backend().send_messages([SmsMessage(phone=phone, text=text)])
