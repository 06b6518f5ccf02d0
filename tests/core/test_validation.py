import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from app.core.contract import FileSource, IdNumberRequest, StoredIdSource, TokenRequest, UrlSource
from app.core.errors import InputRejected
from app.core.validation import (
    check_detection_type,
    check_id_number,
    check_image_file,
    check_liveness_file,
    check_name,
    check_request,
    check_url,
    id_check_char,
)

VALID = "11010519491231002X"  # the standard's own example


def rule_of(call, *args):  # type: ignore[no-untyped-def]
    with pytest.raises(InputRejected) as info:
        call(*args)
    return info.value.rule


def test_valid_id_number_normalized() -> None:
    assert check_id_number(VALID) == VALID
    assert check_id_number(" 110105 19491231 002x ") == VALID


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("", "required"),
        ("11010519491231002", "length"),
        ("11010519491231002XX", "length"),
        ("1101051949123100AX", "characters"),
        ("１１０１０５１９４９１２３１００２X", "characters"),  # full-width digits
        ("110105194902301234", "birth_date"),  # 30 February
        ("110105189912311234", "birth_date"),  # before 1900
        ("110105194912310021", "check_digit"),
    ],
)
def test_id_number_rules(raw: str, rule: str) -> None:
    assert rule_of(check_id_number, raw) == rule


def test_future_birth_date_rejected() -> None:
    first17 = "11010520991231001"
    number = first17 + id_check_char(first17)
    assert rule_of(check_id_number, number) == "birth_date"
    assert check_id_number(number, today=dt.date(2100, 1, 1)) == number


def test_check_digit_message_names_expected_character() -> None:
    with pytest.raises(InputRejected) as info:
        check_id_number("110105194912310021")
    assert "X" in info.value.message and "X" in info.value.message_zh


@given(st.text(max_size=40))
def test_id_validator_never_raises_anything_else(raw: str) -> None:
    try:
        value = check_id_number(raw)
    except InputRejected:
        return
    assert len(value) == 18 and value[17] == id_check_char(value[:17])


FIRST17 = r"[1-6][0-9]{5}(19[0-9]{2}|20[01][0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}"


@given(st.from_regex(FIRST17, fullmatch=True))
def test_any_correct_check_char_accepted(first17: str) -> None:
    assert check_id_number(first17 + id_check_char(first17))


def test_name() -> None:
    assert check_name("  张三 ") == "张三"
    assert rule_of(check_name, "   ") == "required"
    assert rule_of(check_name, "x" * 65) == "length"
    assert rule_of(check_name, "张\x00三") == "characters"


def test_detection_type_and_url() -> None:
    assert check_detection_type("liveness") == "liveness"
    assert rule_of(check_detection_type, "silent_liveness") == "allowed_values"
    assert check_detection_type("silent_liveness", ("liveness", "silent_liveness")) == "silent_liveness"
    assert check_url("f", " https://example.com/a.dat ") == "https://example.com/a.dat"
    assert rule_of(check_url, "f", "ftp://example.com/a") == "url_scheme"
    assert rule_of(check_url, "f", "example.com/a") == "url_scheme"
    assert rule_of(check_url, "f", "https://exa mple.com/a") == "url_format"


def test_liveness_file_rules(tmp_path: Path) -> None:
    empty = tmp_path / "empty.dat"
    empty.write_bytes(b"")
    assert rule_of(check_liveness_file, empty) == "non_empty"
    assert rule_of(check_liveness_file, tmp_path / "missing.dat") == "exists"
    big = tmp_path / "big.dat"
    with big.open("wb") as f:
        f.truncate(10 * 1024 * 1024 + 1)
    assert rule_of(check_liveness_file, big) == "max_size"
    exact = tmp_path / "exact.dat"
    with exact.open("wb") as f:
        f.truncate(10 * 1024 * 1024)
    assert check_liveness_file(exact) == exact


def _image(path: Path, size: tuple[int, int], fmt: str) -> Path:
    Image.new("RGB", size, (120, 80, 40)).save(path, fmt)
    return path


def test_image_checks_read_content_not_extension(tmp_path: Path) -> None:
    png_named_jpg = _image(tmp_path / "photo.jpg", (100, 120), "PNG")
    assert check_image_file(png_named_jpg).format == "PNG"
    webp = _image(tmp_path / "photo.png", (100, 100), "WEBP")
    assert rule_of(check_image_file, webp) == "image_format"
    text = tmp_path / "photo.jpeg"
    text.write_text("not an image")
    assert rule_of(check_image_file, text) == "image_content"


@pytest.mark.parametrize(("size", "ok"), [((8, 100), False), ((9, 9), True), ((4000, 10), True), ((4001, 10), False)])
def test_image_pixel_bounds(tmp_path: Path, size: tuple[int, int], ok: bool) -> None:
    path = _image(tmp_path / "p.png", size, "PNG")
    if ok:
        assert check_image_file(path).width == size[0]
    else:
        assert rule_of(check_image_file, path) == "image_pixels"


def test_image_byte_limit(tmp_path: Path) -> None:
    path = _image(tmp_path / "p.bmp", (1000, 1000), "BMP")  # ~3 MB uncompressed
    assert check_image_file(path).format == "BMP"
    assert rule_of(check_image_file, path, "selfie_file", 2 * 1024 * 1024) == "max_size"


def test_check_request_normalizes_and_rejects(tmp_path: Path) -> None:
    capture = tmp_path / "c.dat"
    capture.write_bytes(b"x")
    request = check_request(IdNumberRequest(" 张三 ", VALID.lower(), FileSource(capture)))
    assert isinstance(request, IdNumberRequest)
    assert (request.name, request.id_number) == ("张三", VALID)
    assert rule_of(check_request, IdNumberRequest("张三", VALID, UrlSource("file:///etc/passwd"))) == "url_scheme"
    assert rule_of(check_request, IdNumberRequest("张三", VALID, StoredIdSource(" "))) == "required"
    assert rule_of(check_request, TokenRequest("bogus")) == "allowed_values"
