"""Property tests (hypothesis): any Unicode text keeps the offset promises of clean and chunk.

Kept fast: modest example counts, the fake embedder's token counter, no model and no index.
"""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.chunk import chunk_article, split_sentences
from assistant.clean import clean_text, fold, normalize
from assistant.schema import Article

from .conftest import FakeEmbedder

# Any code point (surrogates included: they reach us from argv and JSON), with Vietnamese
# letters, sentence ends, quotes, spaces and line breaks drawn often enough to matter.
_PIECES = st.sampled_from(["Đề án 06", "Chuyển đổi số", ". ", "! ", "? ", "… ", "\n", "\n\n",
                           "“", "”", "\"", "1.234", "12,5%", "TP. ", "İ", "ß", "ﬁ", "\u0301",
                           "\u00a0", "\u200b", "\r\n", "\x00", "\ud800", " ", "Ảnh: VGP"])
TEXT = st.lists(st.one_of(st.text(max_size=12), _PIECES), max_size=30).map("".join)
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
_TOKENS = FakeEmbedder().count_tokens


@FAST
@given(TEXT)
@example("İstanbul ĐÀ NẴNG")
@example("e\x01\u0301")
def test_fold_keeps_the_length_of_any_text(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(fold(normalize(text))) == len(normalize(text))


@FAST
@given(TEXT)
@example("e\x01\u0301")
@example("a\u200b\u0301")
def test_normalize_gives_nfc_and_is_idempotent(text: str) -> None:
    out = normalize(text)
    assert unicodedata.is_normalized("NFC", out)
    assert normalize(out) == out


@FAST
@given(TEXT, st.sampled_from(["", "Đề án 06", "İ"]))
def test_clean_text_is_nfc_and_a_fixed_point(text: str, title: str) -> None:
    out = clean_text(text, title=title)
    assert unicodedata.is_normalized("NFC", out)
    assert normalize(out) == out  # NFC round trip: nothing left to normalise


@FAST
@given(TEXT)
def test_sentence_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        previous_end = end


@FAST
@given(TEXT, st.integers(1, 12), st.integers(0, 12), st.integers(0, 2))
def test_chunks_hold_exact_offsets_of_the_cleaned_article(text: str, max_tokens: int,
                                                          min_tokens: int, overlap: int) -> None:
    article = Article(id="a", text=clean_text(text))
    chunks = chunk_article(article, _TOKENS, max_tokens=max_tokens, min_tokens=min_tokens,
                           overlap=overlap)
    assert bool(chunks) == bool(article.text.strip())
    for n, chunk in enumerate(chunks):
        assert chunk.id == f"a#{n}"
        assert article.text[chunk.start:chunk.end] == chunk.text
        assert chunk.sentences[0][0] == chunk.start and chunk.sentences[-1][1] == chunk.end
        for start, end in chunk.sentences:
            assert chunk.start <= start < end <= chunk.end
    # every sentence of the article lies in some chunk
    covered = {s for c in chunks for s in c.sentences}
    assert covered == set(split_sentences(article.text))
