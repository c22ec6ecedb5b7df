from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings


def test_every_ui_string_has_a_chinese_translation():
    path = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale="zh_Hans")
    untranslated = [
        message.id
        for message in catalog
        if message.id
        and (
            "fuzzy" in message.flags
            or not (message.string[0] if isinstance(message.string, tuple) else message.string)
        )
    ]
    assert untranslated == []
