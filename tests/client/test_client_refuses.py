"""The client's own checks, without the window's: every endpoint handed a bad file, URL, id or
selfie refuses it (InputRejected naming the field and rule) and nothing reaches the server.

"Nothing reached the server" is observed on the real sandbox: a fault is queued that the next
call would take; it must still be pending afterwards."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from app.core.client import LinkFaceClient
from app.core.connection import Connection
from app.core.contract import (
    LIVENESS_FILE_MAX_BYTES,
    FileSource,
    HackRequest,
    IdNumberRequest,
    ParseRequest,
    Request,
    SelfieRequest,
    Source,
    StoredIdSource,
    TokenRequest,
    UrlSource,
)
from app.core.errors import InputRejected
from app.core.validation import SELFIE_MAX_BYTES
from app.sandbox.faults import Fault
from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET, Sandbox

NAME, ID_NUMBER = "张三", "11010519491231002X"


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[LinkFaceClient]:
    with LinkFaceClient(Connection(sandbox.base_url, SANDBOX_API_ID, SANDBOX_API_SECRET)) as c:
        yield c


def liveness_calls(samples_dir: Path) -> dict[str, Callable[[Source], Request]]:
    selfie = FileSource(samples_dir / "zhang-san-selfie.jpg")
    return {
        "idnumber": lambda src: IdNumberRequest(NAME, ID_NUMBER, src),
        "hack": HackRequest,
        "selfie": lambda src: SelfieRequest(src, selfie),
        "parse": ParseRequest,
    }


def bad_liveness_sources(tmp: Path) -> dict[str, tuple[Source, str]]:
    """Each bad liveness source and the rule that refuses it."""
    empty = tmp / "empty.lfs"
    empty.write_bytes(b"")
    large = tmp / "large.lfs"
    with large.open("wb") as f:
        f.truncate(LIVENESS_FILE_MAX_BYTES + 1)
    fifo = tmp / "pipe.lfs"
    os.mkfifo(fifo)
    return {
        "missing": (FileSource(tmp / "nowhere.lfs"), "exists"),
        "folder": (FileSource(tmp), "is_folder"),
        "fifo": (FileSource(fifo), "not_regular"),
        "empty": (FileSource(empty), "non_empty"),
        "too_large": (FileSource(large), "max_size"),
        "ftp_url": (UrlSource("ftp://example.com/capture.lfs"), "url_scheme"),
        "credentials_url": (UrlSource("https://user:secret@example.com/capture.lfs"), "url_credentials"),
        "spaced_url": (UrlSource("https://example.com/a capture.lfs"), "url_format"),
        "blank_id": (StoredIdSource("  "), "required"),
        "spaced_id": (StoredIdSource("an id"), "id_format"),
    }


def assert_refused_unsent(sandbox: Sandbox, call: Callable[[], Any], field: str, rule: str) -> None:
    sandbox.inject(Fault(code="9999"))  # what the next call that reaches the server would take
    with pytest.raises(InputRejected) as info:
        call()
    assert (info.value.field, info.value.rule) == (field, rule)
    assert sandbox.pending_faults() == 1, "the request reached the server"
    sandbox.clear_faults()


@pytest.mark.parametrize("endpoint", ["idnumber", "hack", "selfie", "parse"])
def test_every_liveness_call_refuses_a_bad_source(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path,
                                                  tmp_path: Path, endpoint: str) -> None:
    build = liveness_calls(samples_dir)[endpoint]
    for _case, (source, rule) in bad_liveness_sources(tmp_path).items():
        field = {FileSource: "liveness_encrypt_data", UrlSource: "liveness_encrypt_data_url",
                 StoredIdSource: "liveness_encrypt_data_id"}[type(source)]
        assert_refused_unsent(sandbox, lambda source=source: client.call(build(source)), field, rule)


def bad_images(tmp: Path, samples_dir: Path) -> dict[str, tuple[Path, str]]:
    good = samples_dir / "zhang-san-selfie.jpg"
    truncated = tmp / "truncated.jpg"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size * 6 // 10])
    tiny = tmp / "tiny.png"
    Image.new("RGB", (8, 8)).save(tiny)
    webp = tmp / "photo.webp"
    Image.new("RGB", (64, 64)).save(webp, "WEBP")
    large = tmp / "large.jpg"
    large.write_bytes(good.read_bytes() + b"\0" * (SELFIE_MAX_BYTES + 1 - good.stat().st_size))
    return {
        "not_an_image": (samples_dir / "not-an-image.txt", "image_content"),
        "truncated": (truncated, "image_damaged"),
        "too_small": (tiny, "image_pixels"),
        "format": (webp, "image_format"),
        "too_large": (large, "max_size"),
    }


def test_selfie_call_refuses_a_bad_selfie(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path,
                                          tmp_path: Path) -> None:
    liveness = FileSource(samples_dir / "zhang-san.lfs")
    for _case, (path, rule) in bad_images(tmp_path, samples_dir).items():
        assert_refused_unsent(sandbox, lambda path=path: client.verify_selfie(liveness, FileSource(path)),
                              "selfie_file", rule)
    assert_refused_unsent(sandbox, lambda: client.verify_selfie(liveness, UrlSource("https://u:p@x.example/s.jpg")),
                          "selfie_url", "url_credentials")


@pytest.mark.parametrize(("name", "id_number", "field", "rule"), [
    ("", ID_NUMBER, "name", "required"),
    ("张三\u202e", ID_NUMBER, "name", "invisible_characters"),
    ("张三😀", ID_NUMBER, "name", "symbols"),
    ("123456", ID_NUMBER, "name", "letters_required"),
    (NAME, "11010519491231002", "id_number", "length"),
    (NAME, "110105194912310021", "id_number", "check_digit"),
])
def test_id_call_refuses_bad_person_fields(client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path,
                                           name: str, id_number: str, field: str, rule: str) -> None:
    liveness = FileSource(samples_dir / "zhang-san.lfs")
    assert_refused_unsent(sandbox, lambda: client.verify_id_number(name, id_number, liveness), field, rule)


def test_token_and_sequence_id_are_checked(client: LinkFaceClient, sandbox: Sandbox) -> None:
    assert_refused_unsent(sandbox, lambda: client.get_token("silent_liveness"), "detection_type", "allowed_values")
    for bad in ("", "x" * 65, "has space", "中文", "semi;colon"):
        assert_refused_unsent(sandbox, lambda bad=bad: client.call(TokenRequest("liveness"), sequence_id=bad),
                              "sequence_id", "sequence_id_format")
    assert client.call(TokenRequest("liveness"), sequence_id="my-serial_01").sequence_id == "my-serial_01"


def test_a_file_that_vanishes_after_its_check_is_refused_unsent(client: LinkFaceClient, sandbox: Sandbox,
                                                                samples_dir: Path, tmp_path: Path) -> None:
    capture = tmp_path / "capture.lfs"
    capture.write_bytes((samples_dir / "zhang-san.lfs").read_bytes())
    hook_ran: list[str] = []

    def vanish(_request: Request, sequence_id: str) -> None:  # between the checks and the upload
        hook_ran.append(sequence_id)
        capture.unlink()

    assert_refused_unsent(sandbox, lambda: client.call(HackRequest(FileSource(capture)), before_send=vanish),
                          "liveness_encrypt_data", "readable")
    assert len(hook_ran) == 1


def test_a_file_swapped_for_a_larger_one_after_its_check_is_refused_unsent(
        client: LinkFaceClient, sandbox: Sandbox, samples_dir: Path, tmp_path: Path) -> None:
    capture = tmp_path / "capture.lfs"
    capture.write_bytes((samples_dir / "zhang-san.lfs").read_bytes())

    def grow(_request: Request, _sequence_id: str) -> None:
        with capture.open("r+b") as f:
            f.truncate(LIVENESS_FILE_MAX_BYTES + 1)

    assert_refused_unsent(sandbox, lambda: client.call(ParseRequest(FileSource(capture)), before_send=grow),
                          "liveness_encrypt_data", "max_size")


def test_a_refusing_before_send_hook_stops_the_call(client: LinkFaceClient, sandbox: Sandbox,
                                                    samples_dir: Path) -> None:
    def refuse(_request: Request, _sequence_id: str) -> None:
        raise InputRejected("history", "history_full")

    assert_refused_unsent(sandbox, lambda: client.call(HackRequest(FileSource(samples_dir / "zhang-san.lfs")),
                                                       before_send=refuse), "history", "history_full")
