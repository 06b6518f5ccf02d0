import hashlib

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
