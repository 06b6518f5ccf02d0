import hashlib
import time

import pytest

from app.core.signing import TimestampUnit, make_timestamp, new_sequence_id, parse_timestamp, sign


def test_sign_is_lowercase_hex_sha256_of_plain_concatenation() -> None:
    expected = hashlib.sha256(b"myid" + "密钥secret".encode() + b"1700000000000").hexdigest()
    assert sign("myid", "密钥secret", "1700000000000") == expected
    # A known vector, computed independently (printf 'abc' | sha256sum).
    assert sign("a", "b", "c") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_timestamp_units() -> None:
    assert make_timestamp(TimestampUnit.MILLISECONDS, now=1700000000.1234) == "1700000000123"
    assert make_timestamp(TimestampUnit.SECONDS, now=1700000000.9) == "1700000000"
    assert len(make_timestamp()) == 13


def test_parse_timestamp_reads_both_units() -> None:
    assert parse_timestamp("1700000000123") == 1700000000.123
    assert parse_timestamp("1700000000") == 1700000000.0
    assert parse_timestamp("17e9") is None
    assert parse_timestamp("") is None


def test_sequence_id_is_64_random_alphanumerics() -> None:
    ids = {new_sequence_id() for _ in range(50)}
    assert len(ids) == 50
    assert all(len(i) == 64 and i.isalnum() and i.isascii() for i in ids)


def test_sign_known_vectors_computed_outside_python() -> None:
    # printf '%s' 'myid密钥secret1700000000000' | sha256sum  (UTF-8 bytes of the concatenation)
    assert sign("myid", "密钥secret", "1700000000000") == (
        "0ca5afc33bed29588d1e07d670b60896bf834d9f2855dc652f259c09dc3a2ec2")
    assert sign("AKID", "secret", "1700000000") == "15cb811b29196db996b2ac111fa9a0a169c335fe6c2fb6177770a88863d9f438"
    assert sign("AKID", "secret", "1700000000") != sign("secret", "AKID", "1700000000")  # order matters


def test_timestamp_units_truncate_never_round() -> None:
    assert make_timestamp(TimestampUnit.SECONDS, now=1700000000.999) == "1700000000"
    assert make_timestamp(TimestampUnit.MILLISECONDS, now=1700000000.9999) == "1700000000999"
    assert make_timestamp(now=1.0) == "1000"  # milliseconds by default
    assert make_timestamp(TimestampUnit.SECONDS, now=0.0) == "0"
    assert TimestampUnit("ms") is TimestampUnit.MILLISECONDS and TimestampUnit("s") is TimestampUnit.SECONDS


def test_timestamp_now_is_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: 1234567890.5)
    assert make_timestamp() == "1234567890500"
    assert make_timestamp(TimestampUnit.SECONDS) == "1234567890"


def test_parse_timestamp_unit_boundary_is_twelve_digits() -> None:
    # 10**11 and above are milliseconds (13 digits until 2286); below are seconds.
    assert parse_timestamp("100000000000") == 100000000.0  # 10**11 ms
    assert parse_timestamp("99999999999") == 99999999999.0  # seconds
    assert parse_timestamp("285311670610") == 285311670.61  # ms, between 10**11 and 11**11
    assert parse_timestamp("999999999999") == 999999999.999  # ms, below 10**12
    assert parse_timestamp("0") == 0.0
    assert parse_timestamp("٣") is None  # a digit, but not ASCII
    assert parse_timestamp("-1") is None
    assert parse_timestamp(" 1") is None
