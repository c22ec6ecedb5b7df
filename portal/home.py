"""What the worker's home page offers (办事): each capability adds its own entries.

Register from the app's ``AppConfig.ready``::

    from portal import home

    home.register("service-request", _("Request a service"), "services:m-catalogue",
                  icon="ti-heart-handshake", order=20)

An entry is a link to a page of the capability's own (which uses ``MemberRequiredMixin``
when it needs the signed-in member). Entries are shown by ascending ``order``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class HomeEntry:
    key: str
    label: str
    url_name: str
    icon: str = ""
    order: int = 100
    hint: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_entries: dict[str, HomeEntry] = {}


def register(key: str, label, url_name: str, *, icon: str = "", order: int = 100, hint="") -> None:
    _entries[key] = HomeEntry(key, label, url_name, icon, order, hint)


def entries() -> list[HomeEntry]:
    return sorted(_entries.values(), key=lambda entry: (entry.order, entry.key))
