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
