import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Notice attachments and activity photos go to a scratch directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
