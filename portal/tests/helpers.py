"""Signing a member in to the worker portal in tests, without the SMS round trip."""

from portal.auth import SESSION_KEY


def login_member(client, member):
    """Sign ``member`` in on the Django test ``client``; returns the client."""
    session = client.session
    session[SESSION_KEY] = member.pk
    session.save()
    return client
