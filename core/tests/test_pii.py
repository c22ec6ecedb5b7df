"""Personal data: encryption round trips, blind indexes, ID number and phone rules, masks.

Known ID numbers:
11010519491231002X  the GB 11643-1999 sample (北京市朝阳区, 1949-12-31, order code 002: female)
360426199101010071  python-stdnum's sample (江西省德安县, 1991-01-01, order code 007: male);
                    its legacy 15-digit form is 360426910101007.
"""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from stdnum.cn import ric

from core import pii
from core.pii import (
    KIND_ID_NUMBER,
    KIND_PHONE,
    DecryptionError,
    blind_index,
    decrypt,
    encrypt,
    id_number_facts,
    mask_id_number,
    mask_name,
    mask_phone,
    normalise_id_number,
    normalise_phone,
)

SAMPLE_FEMALE = "11010519491231002X"
SAMPLE_MALE = "360426199101010071"


def with_check_digit(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


def error_code(excinfo: pytest.ExceptionInfo[ValidationError]) -> str:
    return excinfo.value.code


@pytest.fixture
def field_key(settings):
    settings.GONGHUI_FIELD_KEY = "test-field-key-one"
    return settings


# --- encryption -------------------------------------------------------------------------------


def test_round_trip(field_key):
    for plain in [SAMPLE_FEMALE, "13812345678", "张三丰", ""]:
        assert decrypt(encrypt(plain)) == plain


def test_token_is_compact_ascii(field_key):
    token = encrypt(SAMPLE_FEMALE)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    # 1 version byte + 12 nonce + 18 plaintext + 16 tag = 47 bytes → 63 base64url characters.
    assert len(token) == 63


def test_same_plaintext_encrypts_differently(field_key):
    tokens = {encrypt(SAMPLE_FEMALE) for _ in range(5)}
    assert len(tokens) == 5
    assert {decrypt(token) for token in tokens} == {SAMPLE_FEMALE}


def test_decrypt_with_another_key_fails(field_key):
    token = encrypt(SAMPLE_FEMALE)
    field_key.GONGHUI_FIELD_KEY = "test-field-key-two"
    with pytest.raises(DecryptionError):
        decrypt(token)
    field_key.GONGHUI_FIELD_KEY = "test-field-key-one"
    assert decrypt(token) == SAMPLE_FEMALE


def test_decrypt_rejects_altered_and_malformed_tokens(field_key):
    token = encrypt(SAMPLE_FEMALE)
    # Not the last character: in unpadded base64 its low bits may be unused padding.
    third_last = token[-3]
    altered = token[:-3] + ("A" if third_last != "A" else "B") + token[-2:]
    middle = len(token) // 2
    flipped = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]
    for bad in [altered, flipped, "", "not a token!", "AAAA", "Ag" + token[2:], token[:20]]:
        with pytest.raises(DecryptionError):
            decrypt(bad)


def test_missing_key_is_a_configuration_error(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.GONGHUI_FIELD_KEY = ""
    with pytest.raises(ImproperlyConfigured):
        encrypt("x")


# --- blind index ------------------------------------------------------------------------------


def test_blind_index_is_stable_hex(field_key):
    first = blind_index(KIND_ID_NUMBER, SAMPLE_FEMALE)
    assert first == blind_index(KIND_ID_NUMBER, SAMPLE_FEMALE)
    assert re.fullmatch(r"[0-9a-f]{64}", first)
    assert first != blind_index(KIND_ID_NUMBER, SAMPLE_MALE)


def test_blind_index_depends_on_key(field_key):
    first = blind_index(KIND_PHONE, "13812345678")
    field_key.GONGHUI_FIELD_KEY = "test-field-key-two"
    assert blind_index(KIND_PHONE, "13812345678") != first


def test_blind_index_depends_on_kind(field_key):
    assert blind_index(KIND_PHONE, "13812345678") != blind_index(KIND_ID_NUMBER, "13812345678")


def test_blind_index_key_is_not_the_encryption_key(field_key):
    encryption_key, index_key = pii._keys()
    assert encryption_key != index_key
    assert len(encryption_key) == len(index_key) == 32


def test_blind_index_rejects_ambiguous_kind(field_key):
    with pytest.raises(ValueError):
        blind_index("id:number", "x")
    with pytest.raises(ValueError):
        blind_index("", "x")


# --- ID numbers -------------------------------------------------------------------------------


def test_valid_numbers_pass_unchanged():
    assert normalise_id_number(SAMPLE_FEMALE) == SAMPLE_FEMALE
    assert normalise_id_number(SAMPLE_MALE) == SAMPLE_MALE


def test_full_width_spaces_and_lower_case_x_are_normalised():
    assert normalise_id_number("１１０１０５１９４９１２３１００２ｘ") == SAMPLE_FEMALE
    assert normalise_id_number(" 110105 19491231 002x ") == SAMPLE_FEMALE
    assert normalise_id_number("110105\u300019491231002x") == SAMPLE_FEMALE


def test_legacy_15_digit_number_is_upgraded():
    legacy = SAMPLE_MALE[:6] + SAMPLE_MALE[8:17]
    assert legacy == "360426910101007"
    assert normalise_id_number(legacy) == SAMPLE_MALE
    female_legacy = SAMPLE_FEMALE[:6] + SAMPLE_FEMALE[8:17]
    assert normalise_id_number(female_legacy) == SAMPLE_FEMALE


def test_wrong_check_digit_is_rejected():
    with pytest.raises(ValidationError) as excinfo:
        normalise_id_number("110105194912310021")
    assert error_code(excinfo) == "id_checksum"


def test_error_message_is_translated_and_carries_the_value():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        normalise_id_number("110105194912310021")
    assert excinfo.value.messages == [
        "The ID number 110105194912310021 is not valid: wrong check digit."
    ]
    with translation.override("zh-hans"), pytest.raises(ValidationError) as excinfo:
        normalise_id_number("110105194912310021")
    assert error_code(excinfo) == "id_checksum"
    assert "110105194912310021" in excinfo.value.messages[0]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "id_required"),
        ("   ", "id_required"),
        ("11010519491231002", "id_length"),
        ("11010519491231002X1", "id_length"),
        ("110105X94912310", "id_format"),
        ("11010519491231X02X", "id_format"),
        ("1101051949123100２A", "id_format"),
        ("11010519491231002Y", "id_format"),
    ],
)
def test_malformed_numbers_are_rejected(raw, code):
    with pytest.raises(ValidationError) as excinfo:
        normalise_id_number(raw)
    assert error_code(excinfo) == code


def test_long_input_is_shortened_in_the_message():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        normalise_id_number("1" * 500)
    assert error_code(excinfo) == "id_length"
    assert len(excinfo.value.messages[0]) < 200


@pytest.mark.parametrize(
    "first17",
    [
        "11010519900230001",  # 30 February
        "11010519901301001",  # month 13
        "11010518991231001",  # before 1900
    ],
)
def test_impossible_birth_date_is_rejected(first17):
    with pytest.raises(ValidationError) as excinfo:
        normalise_id_number(with_check_digit(first17))
    assert error_code(excinfo) == "id_birth_date"


def test_future_birth_date_is_rejected():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    number = with_check_digit("110105" + tomorrow.strftime("%Y%m%d") + "001")
    with pytest.raises(ValidationError) as excinfo:
        normalise_id_number(number)
    assert error_code(excinfo) == "id_birth_date"
    today = timezone.localdate()
    born_today = with_check_digit("110105" + today.strftime("%Y%m%d") + "001")
    assert normalise_id_number(born_today) == born_today


def test_unknown_region_is_rejected():
    with pytest.raises(ValidationError) as excinfo:
        normalise_id_number(with_check_digit("99010119900101001"))
    assert error_code(excinfo) == "id_region"
    with pytest.raises(ValidationError) as excinfo:
        normalise_id_number(with_check_digit("11019919900101001"))  # 北京 known, county not
    assert error_code(excinfo) == "id_region"


def test_region_created_after_birth_is_accepted():
    # 浦东新区 (310115) dates from 1992; people born earlier carry its code. python-stdnum's own
    # validate() rejects this, normalise_id_number must not.
    number = with_check_digit("31011519800101001")
    assert not ric.is_valid(number)
    assert normalise_id_number(number) == number


def test_facts():
    assert id_number_facts(SAMPLE_FEMALE) == {
        "birth_date": dt.date(1949, 12, 31),
        "gender": "female",
        "region_code": "110105",
    }
    assert id_number_facts(SAMPLE_MALE) == {
        "birth_date": dt.date(1991, 1, 1),
        "gender": "male",
        "region_code": "360426",
    }


def test_facts_need_a_normalised_number():
    for bad in ["360426910101007", "11010519491231002x", with_check_digit("11010519900230001")]:
        with pytest.raises(ValueError):
            id_number_facts(bad)


# --- phones -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086-13812345678",
        "１３８１２３４５６７８",
        "＋８６　１３８１２３４５６７８",
    ],
)
def test_mobile_numbers_are_normalised(raw):
    assert normalise_phone(raw) == "13812345678"


@pytest.mark.parametrize(
    "raw",
    [
        "12345678901",  # 12x is not a mobile prefix
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "1381234567a",
        "+1 13812345678",
        "0571-88886666",  # landline, not allowed by default
    ],
)
def test_bad_mobile_numbers_are_rejected(raw):
    with pytest.raises(ValidationError) as excinfo:
        normalise_phone(raw)
    assert error_code(excinfo) == "phone_invalid"


def test_empty_phone_is_required():
    with pytest.raises(ValidationError) as excinfo:
        normalise_phone(" - ")
    assert error_code(excinfo) == "phone_required"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0571-88886666", "057188886666"),
        ("(0571) 8888 666", "05718888666"),
        ("010-12345678", "01012345678"),
        ("+86 571 88886666", "057188886666"),
        ("+86 10 12345678", "01012345678"),
        ("13812345678", "13812345678"),
    ],
)
def test_landlines_when_allowed(raw, expected):
    assert normalise_phone(raw, allow_landline=True) == expected


@pytest.mark.parametrize("raw", ["010-1234567", "0571-888866", "0571-888866661", "88886666"])
def test_bad_landlines_are_rejected(raw):
    with pytest.raises(ValidationError) as excinfo:
        normalise_phone(raw, allow_landline=True)
    assert error_code(excinfo) == "phone_invalid"


# --- masks ------------------------------------------------------------------------------------


def test_mask_id_number():
    assert mask_id_number(SAMPLE_FEMALE) == "1101**********002X"
    assert mask_id_number("360426910101007") == "3604*******1007"
    assert mask_id_number("12345678") == "********"
    assert mask_id_number("") == ""


def test_mask_phone():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("057188886666") == "057*****6666"
    assert mask_phone("1234567") == "*******"


def test_mask_name():
    assert mask_name("张三丰") == "张**"
    assert mask_name("张三") == "张*"
    assert mask_name(" 王 ") == "*"
    assert mask_name("阿依古丽·买买提") == "阿*******"
    assert mask_name("") == ""
