"""Turn a raw news text into the article body: NFC, normal spaces, no page furniture.

What goes: image file names, audio-player labels, bylines and date lines, category labels,
bare photo credits ("Ảnh: VGP", "(Ảnh: Phạm Hải)"), "Theo ..." source lines, site footers,
comment boxes, "Xem thêm" blocks and visit counters. What stays: every sentence of the body,
sub-headings, and the caption sentences in front of a photo credit.

Also home of `fold`, the diacritic folding shared by retrieval and answering, because folding
is a text normalisation like the rest of this module.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

__all__ = ["clean_text", "clean_body", "normalize", "fold", "scrub"]

_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005"
                                   "\u2006\u2008\u2009\u200a\u3000\t\v\f"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), " ")
# both as one character class: what the two `str.translate` tables give, about 15 times faster
# on Vietnamese text (a dict lookup per character there)
_AS_SPACE = re.compile("[" + "".join(map(chr, {**_SPACE_LIKE, **_ZERO_WIDTH})) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")

_IMAGE_FILE = re.compile(r"^\S.*\.(?:jpe?g|png|gif|webp|bmp|svg|avif)$", re.I)
_AUDIO_LABEL = re.compile(r"^(?:giọng\s+(?:nữ|nam)\s+miền\s+(?:nam|bắc|trung)|nghe\s+bài\s+viết"
                          r"|đọc\s+bài\s+viết|tốc\s+độ\s+đọc|\d+(?:[.,]\d+)?x)$", re.I)
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_DATE_LINE = re.compile(rf"^(?:(?:thứ\s+\w+|chủ\s+nhật),?\s*)?{_DATE}"
                        r"(?:\s*[|,-]?\s*\d{1,2}:\d{2})?"
                        r"(?:\s*(?:gmt|utc)\s*[+-]\s*\d+)?$", re.I)
_BYLINE = re.compile(rf"^[^\W\d_][^\d]{{1,40}}?\s+{_DATE}(?:\s+\d{{1,2}}:\d{{2}})?$")
_META_LINE = re.compile(r"^(?:nguồn|tác\s+giả|cập\s+nhật|ngày\s+đăng)\s*:", re.I)
_SOURCE_LINE = re.compile(r"^theo\s+\S+\.(?:vn|com|net|org)\S*$", re.I)
_CREDIT_TAIL = re.compile(r"(?:^|(?<=[.!?…”\"])\s*)\(?\s*(?:ảnh|nguồn\s+ảnh|ảnh\s+minh\s+họa)"
                          r"\s*:\s*[^()\n]{1,60}?\)?\s*$",
                          re.I)
_FOOTER_START = re.compile(r"^(?:>>\s*)?(?:bình\s+luận|ý\s+kiến\s+bạn\s+đọc"
                           r"|tin\s+cùng\s+chuyên\s+mục"
                           r"|xem\s+thêm|tin\s+liên\s+quan|bài\s+liên\s+quan|tin\s+khác"
                           r"|gửi\s+bình\s+luận"
                           r"|tổng\s+số\s+lượt\s+truy\s+cập|cơ\s+quan\s+chủ\s+quản)\b", re.I)
_FOOTER_LINE = re.compile(r"^(?:tổng\s+số\s+lượt\s+truy\s+cập|giấy\s+phép\s+xuất\s+bản"
                          r"|tổng\s+biên\s+tập"
                          r"|phó\s+tổng\s+biên\s+tập|tòa\s+soạn|điện\s+thoại|email|fax|hotline)\b"
                          r"|^.{0,80}\bgiữ\s+bản\s+quyền\b.{0,60}$", re.I)
_DATELINE_CODE = re.compile(r"^[A-ZĐ]{2,6}\s+[-–]\s+(?=\S)")
_BULLET = re.compile(r"^[•·▪●◦*\-–]\s+")
_MULTI_SPACE = re.compile(r" {2,}")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’')]$")


def scrub(text: str) -> str:
    """`text` with every lone surrogate (bytes that were not UTF-8, kept by Python as
    U+DC80..U+DCFF, or a bad JSON escape) replaced by U+FFFD, so it can always be encoded."""
    return _SURROGATE.sub("\ufffd", text)


def normalize(text: str) -> str:
    """NFC, every space-like or zero-width character as a plain space, no control characters,
    and U+FFFD for a lone surrogate (undecodable bytes from argv, or bad JSON escapes)."""
    text = _AS_SPACE.sub(" ", scrub(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # NFC last: removing a control character can bring a combining mark next to its letter
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _fold_char(ch: str) -> str:
    low = ch.lower()[0]  # "İ".lower() is two characters: keep one
    if low == "đ":
        return "d"
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isascii() or not low.isalpha() else low


_FOLDED: dict[str, str] = {}  # per-character cache: fold runs on every sentence retrieved
_FOLDED_BMP: list = []  # the folded code point of every BMP character, made on first use
_LONG = 4096  # from this length on, fold by table lookup in numpy


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics ("Chuyển đổi số" -> "chuyen doi so").

    Length-preserving for any text (one character out per character in, even for "İ" whose
    lower case is two characters), so offsets in the folded text are offsets in the original.
    """
    if len(text) >= _LONG:
        return _fold_long(text)
    cache = _FOLDED
    out = []
    for ch in text:
        folded = cache.get(ch)
        if folded is None:
            folded = cache[ch] = _fold_char(ch)
        out.append(folded)
    return "".join(out)


def _fold_long(text: str) -> str:
    """`fold` of a long text (a batch of passages) as one table lookup per code point: the
    same characters as the loop, at a small fraction of its time. The table of BMP code
    points is filled as characters are first met."""
    import numpy as np

    if not _FOLDED_BMP:
        _FOLDED_BMP.append(np.full(0x10000, 0xFFFFFFFF, dtype=np.uint32))
    table = _FOLDED_BMP[0]
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = np.minimum(codes, 0xFFFF)
    out = table[bmp]
    new = np.unique(bmp[out == 0xFFFFFFFF])
    if len(new):
        table[new] = [ord(_fold_char(chr(c))) for c in new.tolist()]
        out = table[bmp]
    for at in np.flatnonzero(codes > 0xFFFF).tolist():
        out[at] = ord(fold(chr(int(codes[at]))))
    return out.tobytes().decode("utf-32-le", "surrogatepass")


def _same(a: str, b: str) -> bool:
    return bool(a) and fold(a).strip(" .") == fold(b).strip(" .")


def _is_short_label(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= 4 and not _SENTENCE_END.search(line)
            and not any(c.isdigit() for c in line))


def _strip_title(line: str, title: str) -> str:
    """Remove the title when a line repeats it, with at most a short category prefix before it."""
    if not title:
        return line
    at = fold(line).find(fold(title).strip(" ."))
    if at < 0 or len(line[:at].split()) > 3:
        return line
    return line[at + len(title.strip(" .")):].lstrip(" .:-–")


def _drop_line(line: str, author: str) -> bool:
    plain = _BULLET.sub("", line).strip()
    if not plain:
        return True
    if _IMAGE_FILE.match(plain) or _AUDIO_LABEL.match(plain) or _DATE_LINE.match(plain):
        return True
    if _BYLINE.match(plain) or _META_LINE.match(plain) or _SOURCE_LINE.match(plain):
        return True
    if _FOOTER_LINE.search(plain):
        return True
    if _same(plain, author):
        return True
    if _CREDIT_TAIL.sub("", plain) == "":
        return True
    # an all-capitals signature ("HÀ KIÊN", "TẤN PHÁT") at the foot of the article
    letters = [c for c in plain if c.isalpha()]
    return plain.upper() == plain and len(plain.split()) <= 4 and len(letters) >= 4


def _lines(raw: str, title: str, author: str) -> Iterable[tuple[str, bool]]:
    body_started = False
    for line in raw.split("\n"):
        line = _MULTI_SPACE.sub(" ", line).strip()
        if _FOOTER_START.match(_BULLET.sub("", line)):
            return
        if _same(line, title) or _same(_BULLET.sub("", line), title):
            body_started = True
            continue
        if not body_started:
            line = _strip_title(line, title)
        if _drop_line(line, author):
            continue
        line = _BULLET.sub("", line)
        if not body_started and _is_short_label(line) and title:
            continue  # a category label above the title ("Chuyển đổi số", "Thời sự")
        body_started = True
        line = _DATELINE_CODE.sub("", line)
        uncredited = _CREDIT_TAIL.sub("", line).strip()
        if uncredited:
            yield uncredited, uncredited != line.strip()


def clean_body(raw: str, title: str = "", author: str = ""
               ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The article body as paragraphs separated by one blank line, and the (start, end) of
    each photo caption in it (a line that stood in front of a photo credit): a caption
    describes a picture, so it is no context for the paragraph after it.

    `title` and `author` come from the article's metadata; lines that only repeat them are
    page furniture, not body.
    """
    parts, captions, at = [], [], 0
    for line, caption in _lines(normalize(raw), normalize(title).strip(),
                                normalize(author).strip()):
        if parts:
            at += 2
        if caption:
            captions.append((at, at + len(line)))
        parts.append(line)
        at += len(line)
    return "\n\n".join(parts), tuple(captions)


def clean_text(raw: str, title: str = "", author: str = "") -> str:
    """The article body as paragraphs separated by one blank line (see `clean_body`)."""
    return clean_body(raw, title, author)[0]
