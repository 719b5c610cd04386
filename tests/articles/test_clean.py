"""The cleaner on the real seeds: every noise pattern goes, every body sentence stays."""
from __future__ import annotations

import unicodedata

import pytest

from assistant.articles import clean
from assistant.articles.clean import clean_body, clean_text, fold, normalize
from assistant.articles.ingest import read_doc

from ..conftest import DOCS

# Lines of each raw article that are page furniture, by a piece of their text.
NOISE = {
    "thu-huong-thanh-qua-chuyen-doi-so": ["Chuyển đổi số", "HÀ KIÊN", ".jpg"],
    "tang-cuong-nhan-thuc-chuyen-doi-so": [
        "• Chuyển đổi số", "GMT +7", "Nguồn: Báo Sóc Trăng", "Thứ Tư, 24/04/2024", "Giọng Nữ",
        "Giọng Nam", "TẤN PHÁT", "Bình Luận", "Ý kiến bạn đọc", "Tin cùng chuyên mục",
        "Xem thêm", "baosoctrang.org.vn", "Cơ quan chủ quản", "Tổng Biên tập", "Giấy phép",
        "Tòa soạn", "Điện thoại", "Email", "giữ bản quyền", "Tổng số lượt truy cập"],
    "muc-dich-chuyen-doi-so-phuc-vu-con-nguoi": ["Bùi Huyền"],
    "toan-dan-toan-dien-toan-trinh": [],
    "de-an-06-hoi-nghi-da-nang": ["Theo danang.gov.vn"],
}
CREDITS = ("Ảnh: VGP", "(Ảnh: Phạm Hải)", "Ảnh: TẤN PHÁT", "Ảnh: Chinhphu.vn", "Ảnh: Thành Duy")


def _raw_and_clean(article_id: str) -> tuple[str, str]:
    doc = read_doc(DOCS / f"{article_id}.txt")
    return doc.body, clean_text(doc.body, title=doc.title, author=doc.author)


@pytest.mark.parametrize("article_id", sorted(NOISE))
def test_every_body_sentence_survives(article_id: str) -> None:
    raw, clean = _raw_and_clean(article_id)
    doc = read_doc(DOCS / f"{article_id}.txt")
    for line in normalize(raw).split("\n"):
        line = " ".join(line.split())
        if not line or any(n in line for n in NOISE[article_id]) or fold(line) == fold(doc.title):
            continue
        for credit in CREDITS:
            line = line.replace(credit, "").strip()
        line = line.removeprefix("STO - ")  # the paper's dateline code
        if doc.title and line.startswith("Thời sự"):
            line = line.split(doc.title, 1)[1].strip()  # category + title + lead on one line
        assert line in clean, f"lost body text: {line[:80]}"


@pytest.mark.parametrize("article_id", sorted(NOISE))
def test_noise_is_gone(article_id: str) -> None:
    _, clean = _raw_and_clean(article_id)
    for noise in NOISE[article_id][1:] + list(CREDITS) + [".jpg", "Giọng Nữ", "Xem thêm"]:
        assert noise not in clean
    assert not clean.startswith("Chuyển đổi số\n")  # the category label above the title


def test_non_breaking_and_zero_width_spaces_become_spaces() -> None:
    raw = (DOCS / "tang-cuong-nhan-thuc-chuyen-doi-so.txt").read_text(encoding="utf-8")
    assert "\u00a0" in raw  # the seed's real noise
    _, clean = _raw_and_clean("tang-cuong-nhan-thuc-chuyen-doi-so")
    assert "\u00a0" not in clean
    assert clean_text("Đề\u200bán 06\ufeff") == "Đề án 06"


def test_captions_stay_but_bare_credits_go() -> None:
    _, clean = _raw_and_clean("tang-cuong-nhan-thuc-chuyen-doi-so")
    assert "Các đại biểu tham dự phiên họp tại điểm cầu Sóc Trăng." in clean
    assert "TẤN PHÁT" not in clean
    assert clean_text("Ảnh: VGP\n\nCâu thân bài.") == "Câu thân bài."


def test_captions_are_marked_with_their_offsets() -> None:
    raw = ("Lời dẫn của bài viết về phiên họp.\n"
           "Các đại biểu dự phiên họp tại điểm cầu Sóc Trăng. Ảnh: TẤN PHÁT\n"
           "Cả nước có 80,2% hộ gia đình dùng cáp quang.")
    text, captions = clean_body(raw)
    assert [text[a:b] for a, b in captions] == [
        "Các đại biểu dự phiên họp tại điểm cầu Sóc Trăng."]
    assert clean_text(raw) == text


def test_output_is_nfc_and_round_trips() -> None:
    decomposed = unicodedata.normalize("NFD", "Chuyển đổi số là xu thế tất yếu.")
    out = clean_text(decomposed)
    assert out == unicodedata.normalize("NFC", decomposed)
    assert clean_text(out) == out


def test_fold_keeps_length_and_strips_diacritics() -> None:
    text = "Chuyển đổi số ở Đà Nẵng"
    assert fold(text) == "chuyen doi so o da nang"
    assert len(fold(text)) == len(text)


def test_a_long_text_folds_by_table_as_character_by_character() -> None:
    every = "".join(map(chr, range(0x20, 0x3000))) + "\U0001d400\U0001f600\udc80 İ Σ đ"
    long_text = (every + " Chuyển đổi số ở Đà Nẵng. ") * 3
    assert len(long_text) >= clean._LONG
    by_character = "".join(fold(long_text[i:i + 100]) for i in range(0, len(long_text), 100))
    assert fold(long_text) == by_character
    assert len(fold(long_text)) == len(long_text)


def test_normalize_turns_every_space_like_and_zero_width_character_into_a_space() -> None:
    odd = "\u00a0\u2007\u202f\u2000\u2009\u3000\t\v\f\u200b\u200c\u200d\u2060\ufeff\u00ad"
    assert normalize(f"a{odd}b") == "a" + " " * len(odd) + "b"


def test_title_and_category_prefix_removed_from_lead_line() -> None:
    _, clean = _raw_and_clean("toan-dan-toan-dien-toan-trinh")
    assert clean.startswith("Chiều 6/2, tại trụ sở Chính phủ")
    assert "phương hướng, nhiệm vụ trọng tâm năm 2025." in clean
