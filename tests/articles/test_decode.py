"""Legacy encodings: what decodes reliably is decoded (NFC), the rest is refused by name."""
from __future__ import annotations

import unicodedata

import pytest

from assistant.articles.decode import EncodingRefused, decode_text

from ..conftest import DOCS

TEXT = "Đề án 06 được phê duyệt ngày 06/1/2022. Chuyển đổi số ở Sóc Trăng, Hải Dương."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as legacy editors wrote it: precomposed vowels, combining tone marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"), b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("utf-16"),
    unicodedata.normalize("NFD", TEXT).encode("utf-8"), to_cp1258(TEXT),
    TEXT.encode("utf-8").decode("latin-1").encode("utf-8"),  # UTF-8 once read as latin-1
])
def test_reliable_encodings_are_decoded_to_nfc(data: bytes) -> None:
    assert decode_text(data) == unicodedata.normalize("NFC", TEXT)


@pytest.mark.parametrize("name", sorted(p.name for p in DOCS.iterdir()))
def test_shipped_articles_round_trip_through_cp1258_and_mojibake(name: str) -> None:
    text = unicodedata.normalize("NFC", (DOCS / name).read_text(encoding="utf-8"))
    assert decode_text((DOCS / name).read_bytes()) == text  # UTF-8 is left alone
    assert decode_text(to_cp1258(text)) == text
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    assert decode_text(text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")) == text


@pytest.mark.parametrize("data", [
    "Vi\xd6t Nam cã nhiÒu tØnh".encode("latin-1"),  # TCVN3 (ABC): no reliable decoder
    "Größe der Straße".encode("cp1252"),  # not Vietnamese at all
    b"\x00\xff\xfe\x81garbage",
    TEXT.encode("utf-16-le"),  # UTF-16 without its BOM
])
def test_unreliable_bytes_are_refused_with_the_encoding_named(data: bytes) -> None:
    with pytest.raises(EncodingRefused) as info:
        decode_text(data)
    assert info.value.encoding
