from hypothesis import given
from hypothesis import strategies as st

from app.core.masking import mask_id_number, mask_id_numbers_in, mask_name


def test_examples_from_the_brief() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name(" 欧阳娜娜 ") == "欧***"
    assert mask_name("A") == "A*"
    assert mask_name("") == ""
    assert mask_id_number("110105194912310012") == "110105********0012"
    assert mask_id_number("11010519491231002x") == "110105********002X"


def test_free_text() -> None:
    text = "id=110105194912310012; seq 11010519491231001234567"
    assert mask_id_numbers_in(text) == "id=110105********0012; seq 11010519491231001234567"


@given(st.text(alphabet="0123456789X", min_size=1, max_size=30))
def test_never_reveals_the_middle(value: str) -> None:
    masked = mask_id_number(value)
    assert len(masked) == len(value)
    if len(value) >= 14:
        assert masked[6:-4] == "*" * (len(value) - 10)
    assert masked != value or len(value) < 4


def test_id_number_mask_ignores_spaces_and_reads_x_as_upper_case() -> None:
    assert mask_id_number(" 110105 19491231 0012 ") == "110105********0012"
    assert mask_id_number("110105\t1949\n1231002x") == "110105********002X"
    assert mask_id_number("") == ""
    assert mask_id_number(" \t ") == ""


def test_id_number_mask_keeps_6_and_4_from_14_characters() -> None:
    assert mask_id_number("12345678901234") == "123456****1234"  # 14: the long rule
    assert mask_id_number("1234567890123") == "123**********"  # 13: a quarter kept
    assert mask_id_number("110105491231001") == "110105*****1001"  # a 15-digit old-style number


def test_short_values_keep_a_quarter() -> None:
    assert mask_id_number("12345678") == "12******"
    assert mask_id_number("1234") == "1***"
    assert mask_id_number("123") == "***"
    assert mask_id_number("12345") == "1****"


def test_name_mask_keeps_the_first_character() -> None:
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("  ") == ""
    assert mask_name("John Smith") == "J*********"
