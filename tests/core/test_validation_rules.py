"""Every local rule pinned: its field, its rule id, its boundary and its exact words in English and Chinese.

The messages are the product's words (the window and the CLI show them as they are), so each is
asserted whole. File conditions that root cannot produce (permission denied) or that need a race
(a pipe swapped in after the check) are simulated at the OS call; everything else is real.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import stat
import struct
import sys
import unicodedata
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageFile

from app.core.contract import (
    LIVENESS_SOURCE,
    SELFIE_SOURCE,
    FileSource,
    HackRequest,
    SelfieRequest,
    StoredIdSource,
    TokenRequest,
    UrlSource,
)
from app.core.errors import InputRejected
from app.core.validation import (
    ImageInfo,
    check_detection_type,
    check_id_number,
    check_image_file,
    check_name,
    check_open_file,
    check_regular_file,
    check_request,
    check_sequence_id,
    check_source,
    check_stored_id,
    check_url,
    id_check_char,
    image_header,
    inspect_image,
    inspect_image_bytes,
)
from tests.words import Worded

Refusal = tuple[str, str, str, str]
LIVENESS = "liveness_encrypt_data"
VALID = "11010519491231002X"  # GB 11643's own example


def refusal(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Refusal:
    """(field, rule, message, message_zh) of the InputRejected the call raises."""
    with pytest.raises(InputRejected) as info:
        call(*args, **kwargs)
    refused = Worded(info.value)
    assert str(refused).startswith(f"{refused.field}: {refused.rule}")
    return refused.field, refused.rule, refused.message, refused.message_zh


def with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


# --- ID number ---------------------------------------------------------------------------------


def test_check_character_is_mod_11_2() -> None:
    assert id_check_char("11010519491231002") == "X"  # the standard's example
    # (sum of digit x weight 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) mod 11, as an index into 10X98765432
    assert id_check_char("00000000000000000") == "1"  # 0
    assert id_check_char("10000000000000000") == "5"  # 7
    assert id_check_char("01000000000000000") == "3"  # 9
    assert id_check_char("00000000000000001") == "X"  # 2
    assert id_check_char("00000000000000010") == "8"  # 4
    assert id_check_char("99999999999999999") == "3"  # 9 x 100 = 900 = 81 x 11 + 9


# A typo anywhere breaks the check: the clerk compares the whole number, never just "fixes" the last character.
CHECK_DIGIT_WORDS = ("The ID number does not add up (its check character does not match): compare the whole number "
                     "with the ID card, character by character.")
CHECK_DIGIT_WORDS_ZH = "身份证号码校验未通过：请对照身份证逐位核对整个号码。"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ("id_number", "required", "Enter the ID number.", "请输入身份证号。")),
        (" \t ", ("id_number", "required", "Enter the ID number.", "请输入身份证号。")),
        ("11010519491231002", ("id_number", "length", "An ID number has 18 characters; this one has 17.",
                               "身份证号应为 18 位，当前为 17 位。")),
        ("11010519491231002XX", ("id_number", "length", "An ID number has 18 characters; this one has 19.",
                                 "身份证号应为 18 位，当前为 19 位。")),
        ("1101051949123100AX", ("id_number", "characters",
                                "The first 17 characters must be digits and the last a digit or X.",
                                "身份证号前 17 位须为数字，最后一位为数字或 X。")),
        ("11010519491231002Y", ("id_number", "characters",
                                "The first 17 characters must be digits and the last a digit or X.",
                                "身份证号前 17 位须为数字，最后一位为数字或 X。")),
        ("110105194902301234", ("id_number", "birth_date", "Characters 7 to 14 (19490230) are not a valid birth date.",
                                "第 7–14 位（19490230）不是有效的出生日期。")),
        ("110105194913011234", ("id_number", "birth_date", "Characters 7 to 14 (19491301) are not a valid birth date.",
                                "第 7–14 位（19491301）不是有效的出生日期。")),
        ("110105189912311234", ("id_number", "birth_date", "Characters 7 to 14 (18991231) are not a valid birth date.",
                                "第 7–14 位（18991231）不是有效的出生日期。")),
        ("110105194912310021", ("id_number", "check_digit", CHECK_DIGIT_WORDS, CHECK_DIGIT_WORDS_ZH)),
        ("110105194912310027", ("id_number", "check_digit", CHECK_DIGIT_WORDS, CHECK_DIGIT_WORDS_ZH)),
    ],
)
def test_id_number_refusals_word_for_word(raw: str, expected: Refusal) -> None:
    assert refusal(check_id_number, raw) == expected


def test_id_number_with_a_non_ascii_check_character_is_a_character_error() -> None:
    assert refusal(check_id_number, "11010519491231002Ⅹ")[1] == "characters"  # Roman numeral ten
    assert refusal(check_id_number, "1101051949123100２X")[1] == "characters"  # full-width digit


def test_birth_date_may_be_today_but_not_tomorrow() -> None:
    number = with_check("110105" + "20200101" + "123")
    assert check_id_number(number, today=dt.date(2020, 1, 1)) == number
    assert check_id_number(number, today=dt.date(2020, 1, 2)) == number
    assert refusal(check_id_number, number, today=dt.date(2019, 12, 31)) == (
        "id_number", "birth_date", "Characters 7 to 14 (20200101) are not a valid birth date.",
        "第 7–14 位（20200101）不是有效的出生日期。")


def test_birth_year_1900_is_the_first_accepted() -> None:
    first = with_check("110105" + "19000101" + "123")
    assert check_id_number(first) == first
    before = with_check("110105" + "18991231" + "123")
    assert refusal(check_id_number, before)[1] == "birth_date"


def test_leap_days() -> None:
    leap = with_check("110105" + "20000229" + "123")
    assert check_id_number(leap, today=dt.date(2024, 1, 1)) == leap
    assert refusal(check_id_number, with_check("110105" + "19000229" + "123"))[1] == "birth_date"  # 1900: no leap


def test_check_digit_names_the_expected_character() -> None:
    number = with_check("44052419800101001")
    assert number == "440524198001010013"
    wrong = number[:17] + "X"
    assert refusal(check_id_number, wrong) == ("id_number", "check_digit", CHECK_DIGIT_WORDS, CHECK_DIGIT_WORDS_ZH)
    with pytest.raises(InputRejected) as info:
        check_id_number(wrong)
    assert info.value.params == {"expected": "3"}  # for support (the CLI's JSON), not in the clerk's words


def test_id_number_normalized_spaces_and_lowercase_x() -> None:
    assert check_id_number("110105 1949 1231 002x") == VALID
    assert check_id_number("\u3000" + VALID + "\n") == VALID


# --- name --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ("name", "required", "Enter the customer's name.", "请输入客户姓名。")),
        ("  \t", ("name", "required", "Enter the customer's name.", "请输入客户姓名。")),
        ("x" * 65, ("name", "length", "The name is longer than 64 characters.", "姓名超过 64 个字符。")),
        ("张\x00三", ("name", "characters", "The name contains control characters.", "姓名包含控制字符。")),
        ("张\x7f三", ("name", "characters", "The name contains control characters.", "姓名包含控制字符。")),
        ("张三😀", ("name", "symbols",
                  "The name contains an emoji or other symbol (U+1F600); enter the name as written on the ID card.",
                  "姓名包含表情符号或其他符号（U+1F600），请按身份证上的写法输入。")),
        ("张©三", ("name", "symbols",
                 "The name contains an emoji or other symbol (U+00A9); enter the name as written on the ID card.",
                 "姓名包含表情符号或其他符号（U+00A9），请按身份证上的写法输入。")),
        ("张\ufe0f三", ("name", "symbols",
                      "The name contains an emoji or other symbol (U+FE0F); enter the name as written on the ID card.",
                      "姓名包含表情符号或其他符号（U+FE0F），请按身份证上的写法输入。")),
        ("张\u200b三", ("name", "invisible_characters",
                      "The name contains an invisible character (U+200B, such as a zero-width space or a "
                      "text-direction mark); retype the name.",
                      "姓名包含不可见字符（U+200B，如零宽空格或文字方向控制符），请重新输入姓名。")),
        ("张\u202e三", ("name", "invisible_characters",
                      "The name contains an invisible character (U+202E, such as a zero-width space or a "
                      "text-direction mark); retype the name.",
                      "姓名包含不可见字符（U+202E，如零宽空格或文字方向控制符），请重新输入姓名。")),
        ("12 34", ("name", "letters_required", "The name has no letters; enter the customer's name.",
                   "姓名中没有文字，请输入客户姓名。")),
        ("·-'.", ("name", "letters_required", "The name has no letters; enter the customer's name.",
                  "姓名中没有文字，请输入客户姓名。")),
    ],
)
def test_name_refusals_word_for_word(raw: str, expected: Refusal) -> None:
    assert refusal(check_name, raw) == expected


def test_name_of_exactly_64_characters_is_accepted_after_trimming() -> None:
    assert check_name("张" * 64) == "张" * 64
    assert check_name("  " + "a" * 64 + " \n") == "a" * 64


def test_name_rules_are_checked_in_order() -> None:
    # Too long and holding an emoji: the length is reported; control before symbol before invisible.
    assert refusal(check_name, "😀" * 65)[1] == "length"
    assert refusal(check_name, "😀\x01\u200b张")[1] == "characters"
    assert refusal(check_name, "\u200b😀张")[1] == "symbols"
    assert refusal(check_name, "\u200b9")[1] == "invisible_characters"
    # The first offending character is the one named.
    assert "(U+1F600)" in refusal(check_name, "张😀🙂")[2]
    assert "(U+200B," in refusal(check_name, "张\u200b\u200c")[2]


# --- sequence id, detection type ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "a" * 65, "a b", "é"])
def test_sequence_id_refusal_word_for_word(value: str) -> None:
    assert refusal(check_sequence_id, value) == (
        "sequence_id", "sequence_id_format",
        "The sequence id must be 1 to 64 characters, each an ASCII letter, a digit, - or _.",
        "sequence_id 须为 1–64 个字符，仅限英文字母、数字、- 和 _。")


def test_detection_type_refusal_lists_the_allowed_values() -> None:
    assert refusal(check_detection_type, "silent") == (
        "detection_type", "allowed_values", "Detection type must be one of: liveness, idcard_ocr, bankcard_ocr.",
        "检测类型须为以下之一：liveness、idcard_ocr、bankcard_ocr。")
    assert refusal(check_detection_type, "liveness", ("a", "b")) == (
        "detection_type", "allowed_values", "Detection type must be one of: a, b.", "检测类型须为以下之一：a、b。")


def test_check_request_uses_the_profiles_detection_types() -> None:
    assert check_request(TokenRequest("silent"), ("liveness", "silent")) == TokenRequest("silent")
    assert refusal(check_request, TokenRequest("liveness"), ("silent",)) == (
        "detection_type", "allowed_values", "Detection type must be one of: silent.", "检测类型须为以下之一：silent。")


# --- URLs and stored ids -----------------------------------------------------------------------

URL_SCHEME = ("The address must start with http:// or https:// and name a host.",
              "地址须以 http:// 或 https:// 开头并包含主机名。")
URL_CREDENTIALS = ("The address contains a user name or password (before @); remove it: it would be sent to the "
                   "vendor and kept in history.",
                   "地址中包含用户名或密码（@ 之前的部分），请删除：否则会发送给服务商并保存在历史记录中。")
URL_FORMAT = ("The address is too long or contains spaces.", "地址过长或包含空格。")


@pytest.mark.parametrize(
    ("url", "rule", "words"),
    [
        ("ftp://example.com/a", "url_scheme", URL_SCHEME),
        ("https://", "url_scheme", URL_SCHEME),
        ("example.com/a", "url_scheme", URL_SCHEME),
        ("HTTPS//example.com", "url_scheme", URL_SCHEME),
        ("https://user:secret@example.com/a", "url_credentials", URL_CREDENTIALS),
        ("http://user@example.com/a", "url_credentials", URL_CREDENTIALS),
        ("https://example.com/a b", "url_format", URL_FORMAT),
        ("https://example.com/a\tb", "url_format", URL_FORMAT),
        ("https://example.com/" + "a" * 2029, "url_format", URL_FORMAT),  # 2049 characters
    ],
)
def test_url_refusals_word_for_word(url: str, rule: str, words: tuple[str, str]) -> None:
    assert refusal(check_url, "selfie_url", url) == ("selfie_url", rule, *words)


def test_url_of_exactly_2048_characters_is_accepted() -> None:
    url = "https://example.com/" + "a" * 2028
    assert len(url) == 2048
    assert check_url("selfie_url", f"  {url}\n") == url
    assert check_url("f", "http://example.com") == "http://example.com"


STORED_FORMAT = ("The stored id has spaces, control characters or is too long.", "编号包含空格或控制字符，或过长。")


@pytest.mark.parametrize("value", ["a" * 257, "a b", "a\x00b", "a\u200bb", "a\u3000b"])
def test_stored_id_format_refusals(value: str) -> None:
    assert refusal(check_stored_id, "selfie_image_id", value) == ("selfie_image_id", "id_format", *STORED_FORMAT)


def test_stored_id_required_and_length_boundary() -> None:
    assert refusal(check_stored_id, "liveness_encrypt_data_id", " \n") == (
        "liveness_encrypt_data_id", "required", "Enter the stored id.", "请输入已存储的编号。")
    assert check_stored_id("x", " " + "a" * 256 + " ") == "a" * 256


def test_sources_name_their_own_fields() -> None:
    assert refusal(check_source, SELFIE_SOURCE, StoredIdSource(" "))[:2] == ("selfie_image_id", "required")
    assert refusal(check_source, SELFIE_SOURCE, UrlSource("ftp://x/y"))[:2] == ("selfie_url", "url_scheme")
    assert refusal(check_source, LIVENESS_SOURCE, StoredIdSource("a b"))[:2] == ("liveness_encrypt_data_id",
                                                                                 "id_format")
    assert refusal(check_source, LIVENESS_SOURCE, UrlSource("x"))[:2] == ("liveness_encrypt_data_url", "url_scheme")
    assert check_source(SELFIE_SOURCE, StoredIdSource(" img-1 ")) == StoredIdSource("img-1")
    assert check_source(LIVENESS_SOURCE, UrlSource(" https://h/x ")) == UrlSource("https://h/x")
    assert check_request(HackRequest(StoredIdSource(" s "))) == HackRequest(StoredIdSource("s"))


def test_selfie_request_keeps_its_flags() -> None:
    request = SelfieRequest(StoredIdSource(" l "), StoredIdSource(" s "), auto_rotate=True, auto_hack=True)
    assert check_request(request) == SelfieRequest(StoredIdSource("l"), StoredIdSource("s"), True, True)


# --- what is accepted is what the rules promise -------------------------------------------------

RULES = {"required", "length", "characters", "birth_date", "check_digit", "symbols", "invisible_characters",
         "letters_required", "url_scheme", "url_credentials", "url_format", "id_format"}


def accepted_or_rule(call: Callable[..., str], *args: Any) -> str | None:
    try:
        return call(*args)
    except InputRejected as refused:
        worded = Worded(refused)
        assert refused.rule in RULES and worded.message and worded.message_zh
        assert worded.message != f"{refused.field}: {refused.rule}"  # the catalogue has words for it
        return None


@given(st.one_of(st.text(max_size=22), st.from_regex(r"\s?[1-9]\d{5}(19|20)\d{9}[\dXx]\s?", fullmatch=True)))
def test_an_accepted_id_number_is_well_formed(raw: str) -> None:
    value = accepted_or_rule(check_id_number, raw)
    if value is not None:
        assert len(value) == 18 and value[:17].isascii() and value[:17].isdigit() and value[17] in "0123456789X"
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
        assert birth.year >= 1900 and birth <= dt.date.today()
        assert value[17] == id_check_char(value[:17])


@given(st.text(max_size=70))
def test_an_accepted_name_is_trimmed_with_letters_and_nothing_hidden(raw: str) -> None:
    value = accepted_or_rule(check_name, raw)
    if value is not None:
        assert value == raw.strip() and 1 <= len(value) <= 64
        categories = {unicodedata.category(c) for c in value}
        assert not categories & {"Cc", "Cf", "Zl", "Zp", "So", "Sk", "Sm", "Sc", "Me", "Co", "Cs", "Cn"}
        assert any(c.startswith("L") for c in categories) and not {"\ufe0e", "\ufe0f"} & set(value)


# ASCII and some CJK, without the brackets that urlsplit itself refuses (see the xfail test below).
_url_text = st.text(st.characters(max_codepoint=0x7F, exclude_characters="[]") | st.sampled_from("张三图片"),
                    max_size=14)


@given(st.one_of(_url_text, st.builds("{}://{}{}".format, st.sampled_from(["http", "https", "HTTP", "ftp", ""]),
                                      _url_text, _url_text)))
def test_an_accepted_url_is_http_with_a_host_and_no_credentials(raw: str) -> None:
    value = accepted_or_rule(check_url, "selfie_url", raw)
    if value is not None:
        parts = urlsplit(value)
        assert parts.scheme in ("http", "https") and parts.netloc and "@" not in parts.netloc
        assert len(value) <= 2048 and not any(c.isspace() for c in value) and value == raw.strip()


@pytest.mark.parametrize("url", ["http://[", "https://[::1/x", "https://]x", "https://exa\u2100mple.com/x"])
def test_a_url_urlsplit_cannot_read_is_refused(url: str) -> None:
    assert refusal(check_url, "selfie_url", url) == (
        "selfie_url", "url_format", "The address cannot be read; check it character by character.",
        "无法识别该地址，请逐字检查。")


@given(st.text(max_size=300))
def test_an_accepted_stored_id_is_one_printable_word(raw: str) -> None:
    value = accepted_or_rule(check_stored_id, "selfie_image_id", raw)
    if value is not None:
        assert 1 <= len(value) <= 256 and value.isprintable() and " " not in value and value == raw.strip()


# --- files ---------------------------------------------------------------------------------------


def test_missing_file_and_folder_word_for_word(tmp_path: Path) -> None:
    assert refusal(check_regular_file, LIVENESS, tmp_path / "gone.dat") == (
        LIVENESS, "exists", "No such file: gone.dat.", "文件不存在：gone.dat。")
    assert refusal(check_regular_file, LIVENESS, tmp_path) == (
        LIVENESS, "is_folder", f"{tmp_path.name} is a folder; choose a file.",
        f"{tmp_path.name} 是文件夹，请选择文件。")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX root folder")
def test_a_path_without_a_name_is_shown_whole() -> None:
    assert refusal(check_regular_file, "f", Path("/")) == ("f", "is_folder", "/ is a folder; choose a file.",
                                                          "/ 是文件夹，请选择文件。")


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX symlinks")
def test_symlink_loop_is_unreadable_with_the_systems_reason(tmp_path: Path) -> None:
    loop = tmp_path / "loop.dat"
    loop.symlink_to(loop)
    reason = os.strerror(errno.ELOOP)
    assert refusal(check_regular_file, LIVENESS, loop) == (
        LIVENESS, "readable", f"loop.dat cannot be read: {reason}.",
        f"无法读取 loop.dat：{reason}。")


def _failing_open(monkeypatch: pytest.MonkeyPatch, target: Path, error: OSError) -> None:
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == target:
            raise error
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


def test_permission_denied_word_for_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "capture.dat"
    path.write_bytes(b"x")
    _failing_open(monkeypatch, path, PermissionError(errno.EACCES, "Permission denied", str(path)))
    assert refusal(check_regular_file, LIVENESS, path) == (
        LIVENESS, "readable", "capture.dat cannot be read: permission denied.", "无法读取 capture.dat：没有读取权限。")


@pytest.mark.parametrize(
    ("error", "english", "chinese"),
    [
        (OSError(errno.EIO, "Input/output error"), "Input/output error", "Input/output error"),
        (OSError("Device went away"), "Device went away", "Device went away"),  # no strerror: its text
    ],
)
def test_other_os_errors_give_their_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError,
                                           english: str, chinese: str) -> None:
    path = tmp_path / "capture.dat"
    path.write_bytes(b"x")
    _failing_open(monkeypatch, path, error)
    assert refusal(check_regular_file, LIVENESS, path) == (
        LIVENESS, "readable", f"capture.dat cannot be read: {english}.", f"无法读取 capture.dat：{chinese}。")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.timeout(10)  # a blocking open of a pipe without a writer would hang here
def test_pipe_swapped_in_after_the_stat_is_refused_without_hanging(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = tmp_path / "capture.dat"
    os.mkfifo(pipe)
    regular = tmp_path / "regular.dat"
    regular.write_bytes(b"x")
    real_stat = Path.stat

    def stat_before_the_swap(self: Path, **kwargs: Any) -> os.stat_result:
        return real_stat(regular if self == pipe else self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat_before_the_swap)
    assert stat.S_ISREG(pipe.stat().st_mode)
    assert refusal(check_regular_file, LIVENESS, pipe) == (
        LIVENESS, "not_regular", "capture.dat is not a regular file (a pipe or device).",
        "capture.dat 不是普通文件（是管道或设备）。")


def test_without_o_nonblock_the_file_is_still_opened_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows has no O_NONBLOCK (and no FIFOs to hang on): the file is then opened plainly, for reading.
    path = tmp_path / "capture.dat"
    path.write_bytes(b"abc")
    real_open = os.open
    flags_used: list[int] = []

    def recording_open(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        flags_used.append(flags)
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.delattr(os, "O_NONBLOCK", raising=False)
    monkeypatch.setattr(os, "open", recording_open)
    assert check_regular_file(LIVENESS, path) == 3
    assert flags_used == [os.O_RDONLY]


class _Handle:
    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor

    def fileno(self) -> int:
        return self.descriptor


def test_open_handle_that_cannot_be_read(tmp_path: Path) -> None:
    reason = os.strerror(errno.EBADF)
    handle: Any = _Handle(1 << 20)  # no such descriptor
    assert refusal(check_open_file, handle, LIVENESS, "capture.dat", 100) == (
        LIVENESS, "readable", f"capture.dat cannot be read: {reason}.",
        f"无法读取 capture.dat：{reason}。")


@pytest.mark.parametrize(
    ("field", "english", "chinese"),
    [
        (LIVENESS, "The liveness file is empty; ask for the capture again.", "活体文件为空，请重新采集。"),
        ("selfie_file", "The image is empty; choose another image.", "图片为空，请重新选择。"),
        ("attachment", "The file is empty; choose another file.", "文件为空，请重新选择。"),
    ],
)
def test_empty_file_word_for_word(tmp_path: Path, field: str, english: str, chinese: str) -> None:
    path = tmp_path / "empty.dat"
    path.write_bytes(b"")
    with path.open("rb") as handle:
        assert refusal(check_open_file, handle, field, "empty.dat", 10) == (field, "non_empty", english, chinese)


def test_too_large_file_of_a_generic_field(tmp_path: Path) -> None:
    path = tmp_path / "big.dat"
    path.write_bytes(b"x" * 1001)
    with path.open("rb") as handle:
        assert refusal(check_open_file, handle, "attachment", "big.dat", 1000) == (
            "attachment", "max_size", "The file is too large: the API accepts at most 1,000 bytes; "
            "this file is 1,001 bytes.", "文件过大：接口上限为 1,000 字节，此文件为 1,001 字节。")
        assert check_open_file(handle, "attachment", "big.dat", 1001) == 1001


# --- images --------------------------------------------------------------------------------------


def _encoded(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_declaring(width: int, height: int) -> bytes:
    """A PNG header claiming width x height pixels, with one empty image chunk."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"")) + _chunk(b"IEND", b"")


NOT_AN_IMAGE = ("image_content", "The file is not an image, or it is damaged.", "文件不是图片或已损坏。")
BOMB = ("decompression_bomb", "The image declares far more pixels than any photo (a decompression bomb); "
        "it was not decoded.", "图片声明的像素数远超任何照片（疑似解压炸弹），未予解码。")


def test_image_functions_default_to_the_selfie_field() -> None:
    for call in (image_header, inspect_image):
        assert refusal(call, io.BytesIO(b"not an image")) == ("selfie_file", *NOT_AN_IMAGE)
        assert refusal(call, io.BytesIO(b"not an image"), "id_photo") == ("id_photo", *NOT_AN_IMAGE)
    assert refusal(inspect_image_bytes, b"") == ("selfie_file", *NOT_AN_IMAGE)
    assert refusal(inspect_image_bytes, b"GIF89a", "id_photo") == ("id_photo", *NOT_AN_IMAGE)


def test_check_image_file_names_its_field(tmp_path: Path) -> None:
    assert refusal(check_image_file, tmp_path / "gone.png")[:2] == ("selfie_file", "exists")
    assert refusal(check_image_file, tmp_path / "gone.png", "id_photo")[:2] == ("id_photo", "exists")
    text = tmp_path / "photo.png"
    text.write_text("not an image")
    assert refusal(check_image_file, text, "id_photo") == ("id_photo", *NOT_AN_IMAGE)
    good = tmp_path / "good.png"
    good.write_bytes(_encoded(Image.new("RGB", (30, 20)), "PNG"))
    assert check_image_file(good, "id_photo") == ImageInfo("PNG", 30, 20)


def test_selfie_file_source_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "selfie.png"
    path.write_bytes(b"")
    assert refusal(check_source, SELFIE_SOURCE, FileSource(path)) == (
        "selfie_file", "non_empty", "The image is empty; choose another image.", "图片为空，请重新选择。")


def test_unaccepted_format_word_for_word() -> None:
    ppm = b"P6 10 10 255\n" + bytes(300)
    assert refusal(image_header, io.BytesIO(ppm)) == (
        "selfie_file", "image_format", "PPM images are not accepted; use JPG, PNG, BMP, GIF or TIFF.",
        "不支持 PPM 格式，请使用 JPG、PNG、BMP、GIF 或 TIFF。")


@pytest.mark.parametrize(
    ("size", "english", "chinese"),
    [
        ((8, 100), "The image width is 8 px; it must be 9 to 4000 px.", "图片宽为 8 像素，须在 9–4000 像素之间。"),
        ((4001, 100), "The image width is 4001 px; it must be 9 to 4000 px.",
         "图片宽为 4001 像素，须在 9–4000 像素之间。"),
        ((100, 8), "The image height is 8 px; it must be 9 to 4000 px.", "图片高为 8 像素，须在 9–4000 像素之间。"),
        ((100, 4001), "The image height is 4001 px; it must be 9 to 4000 px.",
         "图片高为 4001 像素，须在 9–4000 像素之间。"),
        ((1, 1), "The image width is 1 px; it must be 9 to 4000 px.", "图片宽为 1 像素，须在 9–4000 像素之间。"),
    ],
)
def test_pixel_bounds_word_for_word(size: tuple[int, int], english: str, chinese: str) -> None:
    assert refusal(image_header, io.BytesIO(_png_declaring(*size)), "selfie_file") == (
        "selfie_file", "image_pixels", english, chinese)


@pytest.mark.parametrize("size", [(9, 9), (4000, 4000), (9, 4000), (4000, 9)])
def test_pixel_bounds_accepted(size: tuple[int, int]) -> None:
    assert image_header(io.BytesIO(_png_declaring(*size))) == ImageInfo("PNG", *size)


@pytest.mark.parametrize("side", [20000, 10000])  # beyond Pillow's error limit, and in its warning band
def test_bomb_in_the_header_word_for_word(side: int) -> None:
    bomb = _png_declaring(side, side)
    assert refusal(image_header, io.BytesIO(bomb), "id_photo") == ("id_photo", *BOMB)
    assert refusal(inspect_image, io.BytesIO(bomb)) == ("selfie_file", *BOMB)


def _decoder_failing_with(monkeypatch: pytest.MonkeyPatch, failure: Callable[[], None]) -> None:
    def load(self: ImageFile.ImageFile) -> Any:
        failure()
        return None

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


def _raise(error: BaseException) -> Callable[[], None]:
    def fail() -> None:
        raise error

    return fail


def _warn_bomb() -> None:
    warnings.warn("pixels", Image.DecompressionBombWarning, stacklevel=1)


@pytest.mark.parametrize("failure", [_raise(Image.DecompressionBombError("pixels")), _warn_bomb])
def test_bomb_found_while_decoding_is_a_bomb(monkeypatch: pytest.MonkeyPatch, failure: Callable[[], None]) -> None:
    png = _encoded(Image.new("RGB", (20, 20)), "PNG")
    _decoder_failing_with(monkeypatch, failure)
    assert image_header(io.BytesIO(png)) == ImageInfo("PNG", 20, 20)  # the header is not decoded
    assert refusal(inspect_image, io.BytesIO(png), "id_photo") == ("id_photo", *BOMB)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError("image file is truncated"), "image file is truncated"),
        (ValueError(), "ValueError"),  # an exception without text is named by its type
        (EOFError(), "EOFError"),
        (ValueError("x" * 200), "x" * 120),  # at most 120 characters of the decoder's text
        (ValueError("y" * 121), "y" * 120),
    ],
)
def test_damaged_image_gives_the_decoders_reason(monkeypatch: pytest.MonkeyPatch, error: Exception,
                                                 reason: str) -> None:
    png = _encoded(Image.new("RGB", (20, 20)), "PNG")
    _decoder_failing_with(monkeypatch, _raise(error))
    assert refusal(inspect_image, io.BytesIO(png)) == (
        "selfie_file", "image_damaged", f"The image is damaged or incomplete ({reason}).",
        f"图片已损坏或不完整（{reason}）。")


def test_a_harmless_decoder_warning_does_not_refuse_the_image() -> None:
    png = _encoded(Image.new("RGB", (20, 20), (1, 2, 3)), "PNG")
    end_of_header = 8 + 25
    odd = png[:end_of_header] + _chunk(b"acTL", struct.pack(">II", 0, 0)) + png[end_of_header:]  # Pillow warns
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert inspect_image(io.BytesIO(odd)) == ImageInfo("PNG", 20, 20)
    assert any("APNG" in str(w.message) for w in caught)
