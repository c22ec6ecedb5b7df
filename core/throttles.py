"""Rate limits for the public (no login) endpoints, per client address.

One mechanism for the API and the worker-facing pages: DRF's throttling with the rates of
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` (e.g. ``"join_code": "10/hour"``), counted in
Django's cache. API views return ``[ClientRateThrottle(scope)]`` from ``get_throttles``;
plain Django views call ``allow_request`` themselves.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """Counts the requests of one client address (logged in or not) for one scope."""

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__()

    def get_rate(self):
        # Read the rates at call time (not at import), so settings changes apply.
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError as exc:
            raise ImproperlyConfigured(f"No throttle rate set for scope {self.scope!r}.") from exc

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
