"""Property tests (hypothesis): any Unicode text keeps the offset promises of clean and chunk.

Kept fast: modest example counts, the fake embedder's token counter, no model and no index.
"""
from __future__ import annotations

import base64
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.articles.chunk import chunk_article, split_sentences
from assistant.articles.clean import clean_text, fold, normalize
from assistant.schema import Article

from ..conftest import FakeEmbedder

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


@pytest.fixture(scope="module")
def fake_engine(tmp_path_factory):
    """An Engine over two real articles with the fake embedder (no model): fast to build."""
    from assistant.serving.engine import Engine
    from assistant.settings import load_settings

    from ..conftest import DOCS

    base = tmp_path_factory.mktemp("props")
    (base / "docs").mkdir()
    for name in ("tang-cuong-nhan-thuc-chuyen-doi-so.txt", "de-an-06-hoi-nghi-da-nang.txt"):
        (base / "docs" / name).write_bytes((DOCS / name).read_bytes())
    settings = load_settings(env={}, docs_dir=str(base / "docs"), index_dir=str(base / "index"),
                             data_dir=str(base / "var"))
    return Engine(settings, FakeEmbedder())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=TEXT, history=st.lists(TEXT, max_size=2))
@example(question="a \udcff b", history=[])
@example(question="\ud800", history=["Đề án 06 \udfff"])
def test_every_question_string_gets_an_answer(fake_engine, question: str,
                                              history: list[str]) -> None:
    import json

    from assistant import messages as msg
    from assistant.serialize import to_dict

    answer = fake_engine.ask(question, history)
    assert answer.text  # an answer, a refusal or a prompt: never nothing, never an exception
    json.dumps(to_dict(answer), ensure_ascii=False).encode("utf-8")  # printable as is
    if any("\ud800" <= ch <= "\udfff" for ch in question):
        assert msg.QUESTION_BAD_CHARS in answer.notices


# Front matter as an editor or an attacker writes it (issue 19): real and impossible dates,
# deep nesting, aliases, binary, huge values, any text; one header per generated article.
def _nested(n: int) -> str:
    return "[" * n + "]" * n


def _bomb(width: int, levels: int) -> str:
    lines = ["l0: &l0 [" + ",".join(["lol"] * width) + "]"]
    lines += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * width) + "]"
              for i in range(1, levels)]
    return "\n".join(lines + [f"title: *l{levels - 1}"])


_LINES = st.one_of(
    st.dates().map(lambda d: f"date: {d.isoformat()}"),
    st.tuples(st.integers(1900, 2100), st.integers(0, 13), st.integers(0, 32)).map(
        lambda t: f"date: {t[0]}-{t[1]:02d}-{t[2]:02d}"),
    st.integers(0, 4000).map(lambda n: f"title: {_nested(n)}"),
    st.integers(0, 400).map(lambda n: "author:\n" + "".join(f"{'  ' * i}- x\n"
                                                            for i in range(n))),
    st.tuples(st.integers(1, 9), st.integers(1, 8)).map(lambda t: _bomb(*t)),
    st.binary(max_size=64).map(lambda b: "source: !!binary " + base64.b64encode(b).decode()),
    st.binary(max_size=64).map(lambda b: "title: " + b.decode("latin-1")),
    st.integers(0, 400_000).map(lambda n: "title: " + "Đ" * n),
    st.text(max_size=40).map(lambda t: f"title: {t}"),
    st.text(max_size=40),
    st.sampled_from(["id: ../x", "id: [1]", "? [a]\n: b", "title: !!python/object:os.system x",
                     "date: !!timestamp x", "n: " + "9" * 5000, "- a", "&x a: *x"]),
)
HEADERS = st.lists(_LINES, min_size=1, max_size=4).map("\n".join)
GOOD = {"bai-ocop.txt": "---\ntitle: OCOP Hải Dương\n---\nTỉnh Hải Dương có 234 sản phẩm OCOP "
                        "được công nhận trong năm 2024.\n",
        "bai-vneid.txt": "---\ntitle: VNeID\n---\nCả nước có 60 triệu tài khoản định danh "
                         "điện tử VNeID được kích hoạt.\n"}


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(HEADERS)
@example("date: 2024-02-30")
@example("title: " + _nested(3000))
@example(_bomb(9, 6))
def test_any_front_matter_never_stops_index_and_nothing_over_the_limits_is_written(
        header: str) -> None:
    import tempfile
    from pathlib import Path

    from assistant.articles.frontmatter import MAX_FIELD_CHARS
    from assistant.articles.ingest import IngestError, save_article
    from assistant.indexing.retrieve import Retriever
    from assistant.indexing.store import ensure_index
    from assistant.settings import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        docs = base / "docs"
        docs.mkdir()
        for name, text in GOOD.items():
            (docs / name).write_text(text, "utf-8")
        (docs / "bai-la.txt").write_text(f"---\n{header}\n---\nChuyển đổi số ở cơ sở.\n",
                                         "utf-8", errors="surrogatepass")
        settings_ = load_settings(env={}, docs_dir=str(docs), index_dir=str(base / "index"),
                                  cache_dir=str(base / "cache"))
        embedder = FakeEmbedder()
        index, report = ensure_index(settings_, embedder)
        assert {"bai-ocop", "bai-vneid"} <= set(index.articles)
        assert len(index.articles) == 3 or any(e.startswith("bai-la.txt: ")
                                               for e in report.errors)
        for article in index.articles.values():
            assert all(len(getattr(article, f)) <= MAX_FIELD_CHARS
                       for f in ("title", "date", "source", "author"))
        hits = Retriever(index, embedder, settings_).search("sản phẩm OCOP Hải Dương", k=1)
        assert hits[0].article.id == "bai-ocop"
        library = base / "library"
        try:
            written = save_article(library, content=f"---\n{header}\n---\nBài dán.\n",
                                   max_bytes=200_000)
        except IngestError:
            assert not library.exists() or not any(library.iterdir())
        else:
            assert written.stat().st_size <= 200_000
