"""Bytes of an article file as text: UTF-8, or a legacy Vietnamese encoding when it is certain.

Accepted: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1258 (cp1258, whose tone
marks are combining characters, hence NFC after decoding) when every letter decoded is a
Vietnamese letter, and UTF-8 text that was once read as cp1252/latin-1 and saved again
("Chuyá»ƒn đổi" -> "Chuyển đổi", repaired by ftfy). Anything else is refused with the encoding
charset-normalizer guesses, so the user knows what to convert from.
"""
from __future__ import annotations

import codecs
import unicodedata

from .. import messages as msg

__all__ = ["decode_text", "EncodingRefused"]

# Marks a Vietnamese letter may carry: breve, circumflex, horn (vowels) and the five tones.
_VIETNAMESE_MARKS = frozenset("\u0306\u0302\u031b\u0300\u0301\u0303\u0309\u0323")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


class EncodingRefused(ValueError):
    """The bytes are not UTF-8 and cannot be decoded reliably; `encoding` is the best guess."""

    def __init__(self, encoding: str) -> None:
        super().__init__(encoding)
        self.encoding = encoding


def _vietnamese_letter(ch: str) -> bool:
    if ch in "đĐ" or ch.isascii():
        return True
    base, *marks = unicodedata.normalize("NFD", ch)
    return base.isascii() and base.isalpha() and bool(marks) \
        and all(m in _VIETNAMESE_MARKS for m in marks) and sum(m in _TONES for m in marks) <= 1


def _is_vietnamese(text: str) -> bool:
    """Every letter is one of the Vietnamese alphabet, no mark is left dangling after NFC,
    no control character but line breaks and tabs, and at least one letter is not ASCII."""
    if any(unicodedata.combining(ch) or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
           for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return all(map(_vietnamese_letter, letters)) and any(not ch.isascii() for ch in letters)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None else msg.ENCODING_UNKNOWN


def decode_text(data: bytes) -> str:
    """The text of `data` (NFC); raise EncodingRefused when it cannot be read reliably."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return unicodedata.normalize("NFC", data.decode("utf-16"))
        except UnicodeDecodeError:
            raise EncodingRefused("utf-16") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        if any("\u0080" <= ch <= "\u00ff" for ch in text):  # mojibake shows Latin-1 letters
            import ftfy

            text = ftfy.fix_encoding(text)
        return unicodedata.normalize("NFC", text)
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and _is_vietnamese(text):
        return text
    raise EncodingRefused(_guess(data))
