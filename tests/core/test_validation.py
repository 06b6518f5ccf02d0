import datetime as dt
import io
import os
import random
import re
import shutil
import socket
import struct
import subprocess
import sys
import unicodedata
import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from app.core.contract import (
    LIVENESS_FILE_MAX_BYTES,
    FileSource,
    IdNumberRequest,
    StoredIdSource,
    TokenRequest,
    UrlSource,
)
from app.core.errors import InputRejected
from app.core.validation import (
    ACCEPTED_IMAGE_FORMATS,
    SELFIE_MAX_BYTES,
    ImageInfo,
    check_detection_type,
    check_id_number,
    check_image_file,
    check_liveness_file,
    check_name,
    check_open_file,
    check_regular_file,
    check_request,
    check_sequence_id,
    check_url,
    id_check_char,
    image_header,
    inspect_image,
)
from tests.words import Worded

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
    assert info.value.params == {"expected": "X"}
    assert "compare the whole number" in Worded(info.value).message and "X" not in Worded(info.value).message_zh


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


# --- local file conditions -----------------------------------------------------------------------

LIVENESS = "liveness_encrypt_data"
ROOT = Path(__file__).resolve().parents[2]


def rejection(call, *args) -> Worded:  # type: ignore[no-untyped-def]
    """The refusal, with its words in English and Chinese from the catalogue."""
    with pytest.raises(InputRejected) as info:
        call(*args)
    return Worded(info.value)


def test_regular_file_returns_its_size(tmp_path: Path) -> None:
    path = tmp_path / "capture.dat"
    path.write_bytes(b"abc")
    assert check_regular_file(LIVENESS, path) == 3


def test_missing_file_and_folder_are_named(tmp_path: Path) -> None:
    missing = rejection(check_regular_file, LIVENESS, tmp_path / "missing.dat")
    assert (missing.rule, missing.message, missing.message_zh) == (
        "exists", "No such file: missing.dat.", "文件不存在：missing.dat。")
    folder = tmp_path / "captures"
    folder.mkdir()
    refused = rejection(check_liveness_file, folder)
    assert (refused.field, refused.rule) == (LIVENESS, "is_folder")
    assert refused.message == "captures is a folder; choose a file."
    assert refused.message_zh == "captures 是文件夹，请选择文件。"
    assert rule_of(check_image_file, folder) == "is_folder"


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX symlinks")
def test_symlinks_are_judged_by_their_target(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "to-folder").symlink_to(tmp_path / "folder")
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.dat")
    assert rule_of(check_regular_file, LIVENESS, tmp_path / "to-folder") == "is_folder"
    assert rule_of(check_regular_file, LIVENESS, tmp_path / "dangling") == "exists"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.timeout(20)  # opening a FIFO for reading would block until a writer comes
def test_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "capture.dat"
    os.mkfifo(fifo)
    refused = rejection(check_liveness_file, fifo)
    assert (refused.rule, refused.message) == ("not_regular", "capture.dat is not a regular file (a pipe or device).")
    assert refused.message_zh == "capture.dat 不是普通文件（是管道或设备）。"
    assert rule_of(check_image_file, fifo) == "not_regular"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_device_is_refused() -> None:
    assert rule_of(check_regular_file, LIVENESS, Path("/dev/null")) == "not_regular"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert rule_of(check_regular_file, LIVENESS, path) == "not_regular"


def _without_file_permission_override() -> list[str]:
    """The command prefix that runs Python without root's power to read any file (CAP_DAC_OVERRIDE)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv") or "/usr/bin/setpriv"
    if not Path(setpriv).exists():
        pytest.skip("running as root without setpriv: a mode-000 file is readable")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]


_CHECK_IN_CHILD = """
import sys
from pathlib import Path
from app.core.errors import InputRejected
from app.core.validation import check_regular_file
path = Path(sys.argv[1])
try:
    open(path, "rb").close()
    print("open")
except PermissionError:
    print("denied")
try:
    check_regular_file("liveness_encrypt_data", path)
    print("accepted")
except InputRejected as refused:
    print(refused.rule)
    print(refused.variant, refused.params["file"])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_unreadable_file_is_refused_before_sending(tmp_path: Path) -> None:
    path = tmp_path / "capture.dat"
    path.write_bytes(b"capture")
    path.chmod(0)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    child = subprocess.run([*_without_file_permission_override(), sys.executable, "-c", _CHECK_IN_CHILD, str(path)],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=True)
    raw_open, *outcome = child.stdout.splitlines()
    if raw_open == "open":
        pytest.skip("this process may read a mode-000 file")
    assert outcome == ["readable", "permission capture.dat"]  # worded: "capture.dat cannot be read: permission denied."


# --- sizes: the limit and the size, exactly ------------------------------------------------------


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path


def test_liveness_size_message_states_limit_and_size(tmp_path: Path) -> None:
    refused = rejection(check_liveness_file, _sparse(tmp_path / "big.dat", LIVENESS_FILE_MAX_BYTES + 1))
    assert refused.rule == "max_size"
    assert refused.message == ("The liveness file is too large: the API accepts at most 10 MB (10,485,760 bytes); "
                               "this file is 10,485,761 bytes.")
    assert refused.message_zh == "活体文件过大：接口上限为 10 MB（10,485,760 字节），此文件为 10,485,761 字节。"


def test_selfie_size_message_states_limit_and_size(tmp_path: Path) -> None:
    assert SELFIE_MAX_BYTES == 5 * 1024 * 1024
    refused = rejection(check_image_file, _sparse(tmp_path / "big.jpg", SELFIE_MAX_BYTES + 1))
    assert refused.rule == "max_size"
    assert refused.message == ("The image is too large: the API accepts at most 5 MB (5,242,880 bytes); "
                               "this file is 5,242,881 bytes.")
    assert refused.message_zh == "图片过大：接口上限为 5 MB（5,242,880 字节），此文件为 5,242,881 字节。"


def test_selfie_of_exactly_the_limit_is_accepted(tmp_path: Path) -> None:
    path = _image(tmp_path / "p.png", (50, 40), "PNG")
    with path.open("ab") as f:  # bytes after IEND: the image is intact, the file exactly 5 MB
        f.truncate(SELFIE_MAX_BYTES)
    assert path.stat().st_size == SELFIE_MAX_BYTES
    assert check_image_file(path) == ImageInfo("PNG", 50, 40)


def test_empty_selfie_is_refused_as_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    refused = rejection(check_image_file, empty)
    assert (refused.rule, refused.message) == ("non_empty", "The image is empty; choose another image.")


# --- the open handle, right before it is streamed ------------------------------------------------


@pytest.fixture
def capture(tmp_path: Path) -> Iterator[tuple[Path, BinaryIO]]:
    path = tmp_path / "capture.dat"
    path.write_bytes(b"x" * 100)
    with path.open("rb") as handle:
        yield path, handle


def test_open_file_checks_the_handle_that_is_sent(capture: tuple[Path, BinaryIO]) -> None:
    path, handle = capture
    assert check_open_file(handle, LIVENESS, "capture.dat", 100) == 100
    path.rename(path.with_name("moved.dat"))
    path.mkdir()  # a folder now has the name; the handle still streams the file it opened
    assert check_open_file(handle, LIVENESS, "capture.dat", 100) == 100


def test_open_file_emptied_or_grown_after_the_check(capture: tuple[Path, BinaryIO]) -> None:
    path, handle = capture
    _sparse(path, 101)
    grown = rejection(check_open_file, handle, LIVENESS, "capture.dat", 100)
    assert (grown.rule, grown.message, grown.message_zh) == (
        "max_size", "The liveness file is too large: the API accepts at most 100 bytes; this file is 101 bytes.",
        "活体文件过大：接口上限为 100 字节，此文件为 101 字节。")
    _sparse(path, LIVENESS_FILE_MAX_BYTES + 1)
    assert rejection(check_open_file, handle, LIVENESS, "capture.dat", LIVENESS_FILE_MAX_BYTES).message == (
        "The liveness file is too large: the API accepts at most 10 MB (10,485,760 bytes); "
        "this file is 10,485,761 bytes.")
    _sparse(path, 0)
    emptied = rejection(check_open_file, handle, LIVENESS, "capture.dat", 100)
    assert (emptied.rule, emptied.message) == ("non_empty", "The liveness file is empty; ask for the capture again.")


class _Descriptor:
    """A handle on a descriptor Python's file objects refuse to wrap (a folder)."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor

    def fileno(self) -> int:
        return self._descriptor


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors on folders and pipes")
def test_open_handle_on_a_folder_or_pipe(tmp_path: Path) -> None:
    folder_fd = os.open(tmp_path, os.O_RDONLY)
    try:
        handle = cast(BinaryIO, _Descriptor(folder_fd))
        assert rule_of(check_open_file, handle, LIVENESS, "capture.dat", 100) == "is_folder"
    finally:
        os.close(folder_fd)
    os.mkfifo(tmp_path / "pipe")
    with os.fdopen(os.open(tmp_path / "pipe", os.O_RDONLY | os.O_NONBLOCK), "rb") as pipe:
        refused = rejection(check_open_file, pipe, "selfie_file", "selfie.jpg", SELFIE_MAX_BYTES)
    assert (refused.field, refused.rule) == ("selfie_file", "not_regular")
    assert refused.message == "selfie.jpg is not a regular file (a pipe or device)."


# --- images are decoded before they are billed ---------------------------------------------------


def _noise(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """A picture with detail in every pixel, so its compressed data has no slack."""
    return Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))


def _encoded(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def _chunk_span(png: bytes, kind: bytes) -> tuple[int, int]:
    """Where the first chunk of ``kind`` has its data: (start, length)."""
    at = png.index(kind)
    return at + 4, struct.unpack(">I", png[at - 4 : at])[0]


def _truncated_jpeg() -> bytes:
    jpeg = _encoded(_noise((200, 150)), "JPEG")
    return jpeg[: len(jpeg) * 6 // 10]


def _damaged_png() -> bytes:
    png = bytearray(_encoded(_noise((200, 150)), "PNG"))
    start, length = _chunk_span(bytes(png), b"IDAT")
    for i in range(start + length // 2, start + length // 2 + 16):
        png[i] ^= 0xFF  # the chunk's CRC is left as it was: only the compressed pixels are wrong
    return bytes(png)


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny, valid PNG whose header claims width x height pixels (CRC fixed)."""
    png = bytearray(_encoded(Image.new("1", (10, 10)), "PNG"))
    start, _ = _chunk_span(bytes(png), b"IHDR")
    png[start : start + 8] = struct.pack(">II", width, height)
    png[start + 13 : start + 17] = struct.pack(">I", zlib.crc32(bytes(png[start - 4 : start + 13])))
    return bytes(png)


@pytest.mark.parametrize(("make", "fmt"), [(_truncated_jpeg, "JPEG"), (_damaged_png, "PNG")])
def test_damaged_image_is_refused_after_its_header_passed(tmp_path: Path, make, fmt: str) -> None:  # type: ignore[no-untyped-def]
    data = make()
    assert image_header(io.BytesIO(data)) == ImageInfo(fmt, 200, 150)  # the header alone looks fine
    path = tmp_path / "selfie.img"
    path.write_bytes(data)
    refused = rejection(check_image_file, path)
    assert (refused.field, refused.rule) == ("selfie_file", "image_damaged")
    assert refused.message.startswith("The image is damaged or incomplete (") and refused.message.endswith(").")
    assert refused.message_zh.startswith("图片已损坏或不完整（")
    assert rule_of(inspect_image, io.BytesIO(data)) == "image_damaged"


@pytest.mark.parametrize("side", [20000, 10000])  # beyond Pillow's error limit, and in its warning band
def test_decompression_bomb_is_refused_as_such(side: int) -> None:
    bomb = _png_declaring(side, side)
    assert len(bomb) < 200
    filters_before = list(warnings.filters)
    assert rule_of(inspect_image, io.BytesIO(bomb)) == "decompression_bomb"
    assert rule_of(image_header, io.BytesIO(bomb)) == "decompression_bomb"
    assert warnings.filters == filters_before  # the warning was an error for that call only


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "BMP", "GIF", "TIFF"])
def test_intact_images_of_every_format_decode(fmt: str) -> None:
    data = _encoded(_noise((64, 48)), fmt)
    stream = io.BytesIO(data)
    assert inspect_image(stream) == ImageInfo(fmt, 64, 48)
    stream.seek(0)
    assert stream.read() == data  # the caller's stream is left open and whole


def test_shipped_samples_decode(samples_dir: Path) -> None:
    for name in ("li-si-selfie.jpg", "zhang-san-selfie.jpg", "wang-wu-selfie.png", "zhang-san-id-photo.png"):
        assert check_image_file(samples_dir / name).width > 8
    assert rule_of(check_image_file, samples_dir / "oversized-4001px.png") == "image_pixels"


IMAGE_RULES = {"image_content", "image_format", "image_pixels", "image_damaged", "decompression_bomb"}
SMALL_IMAGES = [_encoded(_noise((16, 12), seed), fmt) for seed, fmt in enumerate(("PNG", "JPEG", "GIF", "BMP"))]


@given(st.sampled_from(SMALL_IMAGES), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6),
       st.none() | st.integers(0, 10**6))
def test_mutated_images_refused_or_decodable(base: bytes, flips: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(base)
    for at, value in flips:
        data[at % len(data)] = value
    if cut is not None:
        data = data[: cut % len(data)]
    try:
        info = inspect_image(io.BytesIO(bytes(data)))
    except InputRejected as refused:
        worded = Worded(refused)
        assert refused.rule in IMAGE_RULES and worded.message and worded.message_zh
        return
    assert info.format in set(ACCEPTED_IMAGE_FORMATS.values())
    assert type(info.width) is int and type(info.height) is int and 8 < info.width <= 4000 and 8 < info.height <= 4000
    with Image.open(io.BytesIO(bytes(data))) as image:
        image.load()  # what was accepted does decode


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "张三",
        "阿卜杜·热合曼",  # U+00B7, the middle dot of minority names
        "阿卜杜・热合曼",  # U+30FB
        "阿卜杜•热合曼",  # U+2022
        "O'Brien",
        "O’Brien",
        "Jean-Luc Picard",
        "J. R. Smith",
        unicodedata.normalize("NFD", "José"),  # a combining acute accent (Mn)
        "𠀀",  # CJK Extension B, outside the BMP
        "李四2",
    ],
)
def test_real_names_are_accepted(name: str) -> None:
    assert check_name(name) == name


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("张三😀", "symbols"),
        ("张三\u2764\ufe0f", "symbols"),
        ("张三\ufe0f", "symbols"),  # an emoji presentation selector, even without its emoji
        ("👨\u200d👩\u200d👧", "symbols"),  # an emoji sequence is named as emoji, not by its joiners
        ("张+三", "symbols"),  # Sm
        ("张^三", "symbols"),  # Sk
        ("张$三", "symbols"),  # Sc
        ("张\ue000三", "symbols"),  # private use
        ("张\ud800三", "symbols"),  # a lone surrogate
        ("张\u0378三", "symbols"),  # unassigned
        ("张三1\u20e3", "symbols"),  # keycap (an enclosing mark)
        ("张\u200b三", "invisible_characters"),
        ("张\u200d三", "invisible_characters"),
        ("\u202e张三", "invisible_characters"),
        ("张\u2066三", "invisible_characters"),
        ("\ufeff张三", "invisible_characters"),
        ("张\u2028三", "invisible_characters"),
        ("张\u2029三", "invisible_characters"),
        ("张\x85三", "characters"),  # a C1 control
        ("123456", "letters_required"),
        ("- . '", "letters_required"),
    ],
)
def test_name_rules(raw: str, rule: str) -> None:
    assert rule_of(check_name, raw) == rule


def test_name_messages_name_the_character() -> None:
    emoji = rejection(check_name, "张三😀")
    assert "emoji" in emoji.message and "U+1F600" in emoji.message and "U+1F600" in emoji.message_zh
    assert "表情" in emoji.message_zh
    invisible = rejection(check_name, "张\u202e三")
    assert "U+202E" in invisible.message and "U+202E" in invisible.message_zh


REFUSED_NAME_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "So", "Sk", "Sm", "Sc", "Me", "Co", "Cs", "Cn"}
name_characters = st.one_of(
    st.characters(),
    st.characters(categories=["Cs"]),
    st.sampled_from(" ·・•-'.\u200b\u200d\u202e\u2066\ufeff\ufe0f😀\U00020000张"),
)


@given(st.text(name_characters, max_size=80))
def test_accepted_names_are_clean(raw: str) -> None:
    try:
        value = check_name(raw)
    except InputRejected as refused:
        assert refused.field == "name" and refused.rule in {
            "required", "length", "characters", "symbols", "invisible_characters", "letters_required"}
        return
    assert value == raw.strip() == value.strip()
    assert 1 <= len(value) <= 64
    assert any(unicodedata.category(c).startswith("L") for c in value)
    assert not any(unicodedata.category(c) in REFUSED_NAME_CATEGORIES or c in "\ufe0e\ufe0f" for c in value)


words = st.text(st.characters(categories=["Lu", "Ll", "Lo"]), min_size=1, max_size=10)


@given(st.lists(words, min_size=1, max_size=4), st.sampled_from([" ", "·", "-", "'", ". "]))
def test_names_of_letters_and_separators_are_accepted(parts: list[str], separator: str) -> None:
    name = separator.join(parts)[:64].strip()
    if any(unicodedata.category(c).startswith("L") for c in name):
        assert check_name(name) == name


# --- URLs and sequence ids -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["https://user:s3cret@example.com/a.dat", "https://user@example.com/a.dat", "http://:s3cret@example.com/"])
def test_url_with_credentials_is_refused_without_echoing_them(url: str) -> None:
    refused = rejection(check_url, "selfie_url", url)
    assert (refused.field, refused.rule) == ("selfie_url", "url_credentials")
    assert "s3cret" not in refused.message + refused.message_zh + str(refused)
    assert "history" in refused.message


def test_url_with_at_sign_outside_the_host_is_accepted() -> None:
    assert check_url("f", "https://example.com/a.dat?owner=a@b.cn") == "https://example.com/a.dat?owner=a@b.cn"


@pytest.mark.parametrize("value", ["abc-DEF_123", "a" * 64, "0", " trimmed-1 "])
def test_sequence_id_accepted(value: str) -> None:
    assert check_sequence_id(value) == value.strip()


@pytest.mark.parametrize("value", ["", " ", "a" * 65, "has space", "ünicode", "a/b", "a.b", "١٢٣", "a\nb", "a\x00"])
def test_sequence_id_refused(value: str) -> None:
    refused = rejection(check_sequence_id, value)
    assert (refused.field, refused.rule) == ("sequence_id", "sequence_id_format")
    assert "64" in refused.message and "64" in refused.message_zh


@given(st.text(max_size=80))
def test_accepted_sequence_ids_are_safe(raw: str) -> None:
    try:
        value = check_sequence_id(raw)
    except InputRejected as refused:
        assert refused.rule == "sequence_id_format"
        return
    assert value == raw.strip()
    assert 1 <= len(value) <= 64 and value.isascii()
    assert re.fullmatch(r"[A-Za-z0-9_-]+", value)


@given(st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True))
def test_every_well_formed_sequence_id_is_accepted(value: str) -> None:
    assert check_sequence_id(value) == value
