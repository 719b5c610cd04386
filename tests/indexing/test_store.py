"""Persistence: identical results after reload, incremental updates, atomic builds, damage."""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from assistant.indexing import store
from assistant.indexing.retrieve import Retriever
from assistant.settings import load_settings
from assistant.indexing.store import IndexUnavailable, ensure_index, load_index
from assistant.indexing.tables import article_names, corpus_table

from ..conftest import DOCS, FakeEmbedder


@pytest.fixture
def settings(tmp_path: Path, small_docs: Path):
    return load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "index"))


def _ids(retriever: Retriever, query: str) -> list[tuple[str, float]]:
    return [(h.chunk.id, round(h.score, 6)) for h in retriever.search(query, k=5)]


def test_save_then_load_gives_identical_search_results(real_index, real_embedder,
                                                       session_settings) -> None:
    reloaded = load_index(session_settings.index_dir, session_settings)
    before = Retriever(real_index, real_embedder, session_settings)
    after = Retriever(reloaded, real_embedder, session_settings)
    for query in ("Hải Dương có bao nhiêu sản phẩm OCOP?", "chuyen doi so", "VNeID"):
        for mode in ("dense", "lexical", "hybrid"):
            assert [(h.chunk.id, h.score) for h in before.search(query, 5, mode)] == \
                   [(h.chunk.id, h.score) for h in after.search(query, 5, mode)]


def test_manifest_records_what_built_the_index(real_index, real_embedder) -> None:
    m = real_index.manifest
    assert m["schema_version"] == store.SCHEMA_VERSION
    assert m["embedder"] == real_embedder.name and m["dim"] == 384
    assert m["counts"] == {"articles": 5, "chunks": len(real_index.chunks)}
    assert m["corpus_hash"] and all(len(v) == 64 for v in m["files"].values())


def test_unchanged_docs_reuse_the_index(settings, fake_embedder) -> None:
    _, first = ensure_index(settings, fake_embedder)
    calls = len(fake_embedder.calls)
    _, second = ensure_index(settings, fake_embedder)
    assert (first.action, second.action) == ("rebuilt", "unchanged")
    assert len(fake_embedder.calls) == calls


def test_only_changed_articles_are_embedded_again(settings, fake_embedder,
                                                  small_docs: Path) -> None:
    ensure_index(settings, fake_embedder)
    fake_embedder.calls.clear()
    path = small_docs / "de-an-06-hoi-nghi-da-nang.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nCâu mới về 77 dịch vụ công.\n",
                    encoding="utf-8")
    (small_docs / "moi.txt").write_text("---\ntitle: Bài mới\n---\nNghệ An có 42 điểm mới.\n",
                                        encoding="utf-8")
    index, report = ensure_index(settings, fake_embedder)
    assert report.action == "updated"
    assert report.changed == ("de-an-06-hoi-nghi-da-nang",) and report.added == ("moi",)
    assert fake_embedder.calls and all("Sóc Trăng" not in t for t in fake_embedder.calls)
    assert "moi" in index.articles
    (small_docs / "moi.txt").unlink()
    index, report = ensure_index(settings, fake_embedder)
    assert report.removed == ("moi",) and "moi" not in index.articles


def test_another_embedder_rebuilds_instead_of_mixing(settings, fake_embedder) -> None:
    ensure_index(settings, fake_embedder)
    other = FakeEmbedder(name="another-model", dim=32)
    index, report = ensure_index(settings, other)
    assert report.action == "rebuilt" and index.manifest["embedder"] == "another-model"
    assert index.dense.d == 32 and len(other.calls) >= len(index.chunks)


def test_damaged_index_gives_a_clear_message_and_is_rebuilt(settings, fake_embedder) -> None:
    index, _ = ensure_index(settings, fake_embedder)
    segment = settings.index_dir / "segments" / index.manifest["segments"][0]["name"]
    (segment / "articles.jsonl").write_text("garbage", encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="checksum"):
        load_index(settings.index_dir)
    rebuilt, report = ensure_index(settings, fake_embedder)
    assert report.action == "rebuilt" and "checksum" in report.reason
    assert len(rebuilt.chunks) == len(index.chunks)


def test_a_build_that_dies_halfway_leaves_the_old_index_serving(settings, fake_embedder,
                                                               small_docs: Path,
                                                               monkeypatch) -> None:
    index, _ = ensure_index(settings, fake_embedder)
    (small_docs / "moi.txt").write_text("Bài mới có 12 câu.", encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed while writing the new segment's arrays")

    monkeypatch.setattr("numpy.save", killed)
    with pytest.raises(KeyboardInterrupt):
        ensure_index(settings, fake_embedder)
    monkeypatch.undo()
    survivor = load_index(settings.index_dir)
    assert survivor.directory == index.directory and "moi" not in survivor.articles
    fresh, report = ensure_index(settings, fake_embedder)
    assert "moi" in fresh.articles
    assert not any(p.name.startswith(".staging-") for p in settings.index_dir.iterdir())
    assert not any(p.name.startswith(".staging-")
                   for p in (settings.index_dir / "segments").iterdir())


@pytest.mark.parametrize("kind,built", [("ivf-sq8", "IndexIVFScalarQuantizer"),
                                         ("hnsw", "IndexHNSWFlat")])
def test_large_corpora_get_an_approximate_index(settings, fake_embedder, kind, built,
                                                tmp_path: Path) -> None:
    index, _ = ensure_index(settings.replace(ann_threshold=3, ann_index=kind), fake_embedder)
    assert index.manifest["index_type"] == built
    hits = Retriever(index, fake_embedder, settings).search("Đà Nẵng", k=3, mode="dense")
    assert len(hits) == 3
    # candidates re-scored exactly: the scores are those of the stored vectors, as flat
    flat, _ = ensure_index(settings.replace(index_dir=tmp_path / "flat"), fake_embedder)
    want = Retriever(flat, fake_embedder, settings).search("Đà Nẵng", k=3, mode="dense")
    assert np.allclose([h.dense_score for h in hits], [h.dense_score for h in want], atol=1e-6)


def test_empty_docs_folder_is_an_error_with_a_message(tmp_path: Path, fake_embedder) -> None:
    (tmp_path / "docs").mkdir()
    s = load_settings(env={}, docs_dir=str(tmp_path / "docs"), index_dir=str(tmp_path / "i"))
    with pytest.raises(IndexUnavailable, match="không có bài viết nào đọc được"):
        ensure_index(s, fake_embedder)


def test_manifest_is_plain_json(real_index) -> None:
    text = (real_index.directory / "manifest.json").read_text(encoding="utf-8")
    assert json.loads(text)["counts"]["articles"] == 5


# --- issue 9, point 4: any damaged file under index/ is reported in one line and repaired ---

def test_a_truncated_embedding_cache_is_reported_and_started_over(settings,
                                                                  fake_embedder) -> None:
    index, _ = ensure_index(settings, fake_embedder)
    damaged = [p for p in (settings.index_dir / "cache").iterdir() if p.is_file()]
    assert damaged
    for path in damaged:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    rebuilt, report = ensure_index(settings, fake_embedder, rebuild=True)
    assert len(report.repaired) == 1 and "Bộ nhớ đệm" in report.repaired[0]
    assert [c.id for c in rebuilt.chunks] == [c.id for c in index.chunks]
    _, again = ensure_index(settings, fake_embedder, rebuild=True)
    assert again.repaired == () and again.embedded == 0  # the fresh cache works


@pytest.mark.parametrize("damage", ["binary", "folder", "elsewhere"])
def test_an_unreadable_current_pointer_is_reported_and_repaired(settings, fake_embedder,
                                                                damage) -> None:
    from assistant.indexing.index import report_lines

    index, _ = ensure_index(settings, fake_embedder)
    pointer = settings.index_dir / "CURRENT"
    pointer.unlink()
    if damage == "binary":
        pointer.write_bytes(b"\xff\xfe\x00\x81garbage")
    elif damage == "folder":
        pointer.mkdir()
    else:
        pointer.write_text("../../etc\n", encoding="utf-8")
    assert store.live_build(settings.index_dir) is None
    with pytest.raises(IndexUnavailable, match="CURRENT"):
        load_index(settings.index_dir)
    fresh, report = ensure_index(settings, fake_embedder)
    assert report.action == "rebuilt" and "CURRENT" in report.reason
    lines = report_lines(report, fresh)
    assert len(lines) == 2 and lines[0].startswith("Chỉ mục hỏng")  # one line, then the build
    assert pointer.is_file() and len(fresh.chunks) == len(index.chunks)


def test_a_folder_in_place_of_the_lock_file_is_replaced(settings, fake_embedder) -> None:
    (settings.index_dir).mkdir(parents=True)
    (settings.index_dir / ".lock").mkdir()
    index, report = ensure_index(settings, fake_embedder)
    assert report.action == "rebuilt" and index.chunks


# --- issue 9, point 6: readers never wait for writers; a waiting writer says so ---

class _HeldLock:
    """Another process's build in progress: the index lock held from another file handle."""

    def __init__(self, index_dir: Path) -> None:
        import fcntl

        self._handle = (index_dir / ".lock").open("a")
        fcntl.flock(self._handle, fcntl.LOCK_EX)

    def release(self) -> None:
        import fcntl

        fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()


def _in_thread(call):
    import threading

    out: dict = {}
    thread = threading.Thread(target=lambda: out.setdefault("value", call()), daemon=True)
    thread.start()
    return thread, out


def test_readers_do_not_wait_while_another_process_builds(settings, fake_embedder,
                                                          small_docs: Path) -> None:
    index, _ = ensure_index(settings, fake_embedder)
    held = _HeldLock(settings.index_dir)
    try:
        thread, out = _in_thread(lambda: ensure_index(settings, fake_embedder))
        thread.join(20)
        assert not thread.is_alive(), "a reader waited for the writer's lock"
        assert out["value"][1].action == "unchanged"
        (small_docs / "moi.txt").write_text("Bài mới về 12 xã.", encoding="utf-8")
        thread, out = _in_thread(lambda: ensure_index(settings, fake_embedder))
        thread.join(20)
        assert not thread.is_alive(), "a reader waited for the writer's lock"
        served, report = out["value"]
        assert report.action == "busy" and served.directory == index.directory
    finally:
        held.release()


def test_a_writer_waiting_for_the_lock_says_so(settings, fake_embedder, small_docs: Path,
                                               caplog) -> None:
    import logging
    import time

    ensure_index(settings, fake_embedder)
    (small_docs / "moi.txt").write_text("Bài mới về 12 xã.", encoding="utf-8")
    held = _HeldLock(settings.index_dir)
    caplog.set_level(logging.INFO, logger="assistant")
    try:
        thread, out = _in_thread(lambda: ensure_index(settings, fake_embedder, wait=True))
        deadline = time.monotonic() + 20
        while "đang chờ" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "đang chờ" in caplog.text and thread.is_alive()
    finally:
        held.release()
    thread.join(60)
    index, report = out["value"]
    assert report.action == "updated" and "moi" in index.articles


# --- issue 9, point 7: size cap, each distinct text once, cache written as it goes, logs ---

def test_an_article_over_the_size_limit_is_left_out_with_a_message(settings, fake_embedder,
                                                                   small_docs: Path) -> None:
    (small_docs / "dai.txt").write_text("Một câu rất dài về chuyển đổi số. " * 200,
                                        encoding="utf-8")
    index, report = ensure_index(settings.replace(max_article_chars=5000), fake_embedder)
    assert "dai" not in index.articles and len(index.articles) == 2
    assert any(e.startswith("dai.txt:") and "vượt giới hạn 5000 ký tự" in e
               for e in report.errors)


def test_each_distinct_text_is_embedded_once(settings, fake_embedder,
                                             small_docs: Path) -> None:
    paragraph = ("Tỉnh A có 12 xã đạt chuẩn nông thôn mới. Tỉnh B có 30 xã. "
                 "Năm 2024 tăng 5%.\n\n")
    (small_docs / "lap.txt").write_text(paragraph * 300, encoding="utf-8")
    ensure_index(settings, fake_embedder)
    assert fake_embedder.calls and len(fake_embedder.calls) == len(set(fake_embedder.calls))
    assert sum("Tỉnh B có 30 xã." in t for t in fake_embedder.calls) <= 3


def test_an_interrupted_build_resumes_from_the_texts_already_embedded(settings,
                                                                      fake_embedder) -> None:
    class Killed(FakeEmbedder):
        def embed_passages(self, texts):
            if len(self.calls) >= 16:
                raise KeyboardInterrupt("killed halfway")
            return super().embed_passages(texts)

    killed = Killed()
    with pytest.raises(KeyboardInterrupt):
        ensure_index(settings.replace(embed_batch_size=16), killed)
    _, report = ensure_index(settings, fake_embedder)
    assert report.cached >= 16 and len(fake_embedder.calls) == report.embedded
    assert not set(fake_embedder.calls) & set(killed.calls)


def test_embedding_progress_is_logged_without_a_terminal(settings, fake_embedder,
                                                         caplog) -> None:
    import logging

    caplog.set_level(logging.INFO, logger="assistant")
    ensure_index(settings, fake_embedder, progress=False)
    assert any("Đang mã hóa" in r.getMessage() and "100%" in r.getMessage()
               for r in caplog.records)


def test_the_cache_forgets_texts_no_longer_indexed(settings, fake_embedder,
                                                   small_docs: Path) -> None:
    from assistant.indexing.embed import CachedEmbedder

    (small_docs / "moi.txt").write_text("Nghệ An có 42 điểm phát sóng mới.", encoding="utf-8")
    ensure_index(settings, fake_embedder)
    (small_docs / "moi.txt").unlink()
    ensure_index(settings, fake_embedder)
    cache = CachedEmbedder(fake_embedder, settings.index_dir / "cache")
    fake_embedder.calls.clear()
    cache.embed_passages(["Nghệ An có 42 điểm phát sóng mới."])
    assert cache.misses == 1 and fake_embedder.calls  # pruned, so embedded again


def test_start_up_reads_the_saved_tables_instead_of_the_chunks(settings, fake_embedder) -> None:
    from assistant.indexing.lexical import DiacriticRestorer
    from assistant.indexing.index import _idf, _restorer

    index, _ = ensure_index(settings, fake_embedder)
    loaded = load_index(settings.index_dir)
    assert loaded.idf == pytest.approx(_idf(index.chunks))
    fresh = _restorer(index.chunks, index.articles)
    for plain in ("chuyen doi so", "de an 06", "hoi nghi tai da nang"):
        assert loaded.restorer.restore(plain) == fresh.restore(plain)
    assert isinstance(loaded.restorer, DiacriticRestorer)
    segment = settings.index_dir / "segments" / index.manifest["segments"][0]["name"]
    assert (segment / "stats.json").is_file()


def test_build_progress_counts_the_texts_not_in_the_cache_and_can_stop_the_build(
        settings, fake_embedder, small_docs: Path) -> None:
    index, _ = ensure_index(settings, fake_embedder)
    (small_docs / "moi.txt").write_text(" ".join(f"Xã {i} có {i} điểm phát sóng mới."
                                                  for i in range(40)), encoding="utf-8")
    fake_embedder.calls.clear()
    seen: list[tuple[int, int]] = []

    def stop(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 8:
            raise InterruptedError("cancelled")

    with pytest.raises(InterruptedError):
        ensure_index(settings.replace(embed_batch_size=4), fake_embedder, on_progress=stop)
    assert seen[0][0] == 0 and [d for d, _ in seen] == [0, 4, 8]
    assert load_index(settings.index_dir).directory == index.directory  # still serving
    assert [p.name for p in settings.index_dir.iterdir()
            if p.name.startswith(("build-", ".staging-"))] == [index.directory.name]
    seen.clear()
    fresh, report = ensure_index(settings.replace(embed_batch_size=4), fake_embedder,
                                 on_progress=lambda d, t: seen.append((d, t)))
    assert "moi" in fresh.articles
    total = seen[0][1]  # the new article's texts the cache lacked, the 8 embedded before gone
    assert seen[-1] == (total, total) and total == report.embedded
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --- issue 12, point 2: one-article changes touch only what changed, and answer the same ---

_QUERIES = ("Hải Dương có bao nhiêu sản phẩm OCOP?", "chuyen doi so", "VNeID", "Đề án 06",
            "Nghệ An điểm phát sóng", "hội nghị tại Đà Nẵng")


def _top(index, embedder, settings, mode: str, query: str) -> list[tuple[str, float]]:
    hits = Retriever(index, embedder, settings).search(query, k=10, mode=mode)
    return [(h.chunk.id, h.score) for h in hits]


def _same_results(updated, fresh, embedder, settings) -> None:
    assert list(updated.articles) == list(fresh.articles)
    assert [c.id for c in updated.chunks] == [c.id for c in fresh.chunks]
    assert list(updated.sentences) == list(fresh.sentences)
    assert np.allclose(np.asarray(updated.sentence_vectors), np.asarray(fresh.sentence_vectors))
    for mode in ("dense", "lexical", "hybrid"):
        for query in _QUERIES:
            got = _top(updated, embedder, settings, mode, query)
            want = _top(fresh, embedder, settings, mode, query)
            assert [i for i, _ in got] == [i for i, _ in want], (mode, query)
            assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-6, rtol=0)
    assert updated.idf == pytest.approx(fresh.idf)
    # the names table and sentence rows saved with the segments, as a fresh build and as the
    # article texts give them
    assert updated.names == fresh.names == corpus_table(
        article_names(a.text) for a in fresh.articles.values())
    assert list(updated.names.shown) == list(fresh.names.shown)
    rows = {s: i for i, s in enumerate(fresh.sentences)}
    assert all(updated.sentence_rows[s] == i for s, i in rows.items())
    assert updated.sentence_rows.get(("no-such-article", 0, 1)) is None
    for plain in ("chuyen doi so", "de an 06", "nghe an co 42 diem"):
        assert updated.restorer.restore(plain) == fresh.restorer.restore(plain)


def test_an_index_updated_article_by_article_answers_like_a_fresh_build(
        settings, fake_embedder, small_docs: Path, tmp_path: Path) -> None:
    ensure_index(settings, fake_embedder)
    extra = DOCS / "thu-huong-thanh-qua-chuyen-doi-so.txt"
    (small_docs / "moi.txt").write_text(
        "---\nid: moi\ntitle: Bài mới về Nghệ An\n---\nNghệ An có 42 điểm phát sóng mới. "
        "Chuyển đổi số ở Nghệ An được đẩy mạnh.\n", encoding="utf-8")
    _, added = ensure_index(settings, fake_embedder)
    (small_docs / "moi.txt").unlink()
    _, removed = ensure_index(settings, fake_embedder)
    (small_docs / extra.name).write_bytes(extra.read_bytes())
    fake_embedder.calls.clear()
    updated, third = ensure_index(settings, fake_embedder)
    assert (added.added, removed.removed, third.added) == (("moi",), ("moi",),
                                                           ("thu-huong-thanh-qua-chuyen-doi-so",))
    new = updated.articles["thu-huong-thanh-qua-chuyen-doi-so"]
    assert fake_embedder.calls and all(t in new.text or t == new.title
                                       for t in fake_embedder.calls)  # only the new article
    assert len(updated.manifest["segments"]) == 2  # the first and the new (moi's emptied)
    fresh, report = ensure_index(settings.replace(index_dir=tmp_path / "fresh"), fake_embedder)
    assert report.action == "rebuilt" and len(fresh.manifest["segments"]) == 1
    _same_results(updated, fresh, fake_embedder, settings)


def test_many_small_segments_are_merged_and_still_answer_like_a_fresh_build(
        settings, fake_embedder, small_docs: Path, tmp_path: Path) -> None:
    settings = settings.replace(segment_max_count=3)
    ensure_index(settings, fake_embedder)
    for n in range(5):
        (small_docs / f"tin-{n}.txt").write_text(
            f"---\nid: tin-{n}\ntitle: Tin số {n}\n---\nTỉnh thứ {n} có {n + 40} điểm phát sóng "
            f"mới. Chuyển đổi số ở tỉnh {n} được đẩy mạnh.\n", encoding="utf-8")
        index, _ = ensure_index(settings, fake_embedder)
        assert len(index.manifest["segments"]) <= 3
    (small_docs / "tin-2.txt").unlink()
    updated, _ = ensure_index(settings, fake_embedder)
    fresh, _ = ensure_index(settings.replace(index_dir=tmp_path / "fresh"), fake_embedder)
    _same_results(updated, fresh, fake_embedder, settings)


def test_a_segment_that_lost_most_of_its_articles_is_rewritten_without_them(
        settings, fake_embedder, small_docs: Path) -> None:
    first, _ = ensure_index(settings, fake_embedder)
    (small_docs / "de-an-06-hoi-nghi-da-nang.txt").unlink()
    index, _ = ensure_index(settings, fake_embedder)
    names = [s["name"] for s in index.manifest["segments"]]
    assert first.manifest["segments"][0]["name"] not in names
    assert all(not s["removed"] for s in index.manifest["segments"])
    assert "de-an-06-hoi-nghi-da-nang" not in index.articles


def test_an_unchanged_file_is_not_read_again(settings, fake_embedder, small_docs: Path,
                                             monkeypatch) -> None:
    ensure_index(settings, fake_embedder)
    read = []
    real = store.sha256
    monkeypatch.setattr(store, "sha256", lambda path: read.append(path.name) or real(path))
    (small_docs / "moi.txt").write_text("Nghệ An có 42 điểm phát sóng mới.", encoding="utf-8")
    index, report = ensure_index(settings, fake_embedder)
    assert report.added == ("moi",) and "moi.txt" in read
    assert not any(name.endswith(".txt") and name != "moi.txt" for name in read)


def test_bm25_scores_equal_those_of_bm25s(articles) -> None:
    import bm25s

    from assistant.indexing.lexical import LexicalIndex, tokenize

    texts = [a.text[i:i + 700] for a in articles.values() for i in range(0, len(a.text), 500)]
    exact, folded = LexicalIndex.build_fields(texts)
    ours = LexicalIndex([(exact, folded, np.arange(len(texts)))], len(texts))
    reference = bm25s.BM25()
    reference.index([tokenize(t, folded=True) or [""] for t in texts], show_progress=False)
    for query in ("chuyen doi so", "de an 06 ha noi", "ocop hai duong so so"):
        tokens = [t for t in tokenize(query, folded=True, query=True)
                  if t in reference.vocab_dict]
        assert np.allclose(ours.scores(query, 0.5), reference.get_scores(tokens), rtol=1e-5,
                           atol=1e-5)


def test_removed_articles_never_come_back_from_an_approximate_index(
        settings, fake_embedder, small_docs: Path, tmp_path: Path) -> None:
    approximate = settings.replace(ann_threshold=3, segment_rewrite_fraction=0.9)
    ensure_index(approximate, fake_embedder)
    (small_docs / "tang-cuong-nhan-thuc-chuyen-doi-so.txt").unlink()
    updated, _ = ensure_index(approximate, fake_embedder)
    assert updated.manifest["segments"][0]["removed"]  # marked removed, graph kept
    fresh, _ = ensure_index(settings.replace(index_dir=tmp_path / "fresh"), fake_embedder)
    for query in _QUERIES:
        got = _top(updated, fake_embedder, approximate, "dense", query)
        want = _top(fresh, fake_embedder, settings, "dense", query)
        assert all(i.startswith("de-an-06") for i, _ in got)
        assert len({i for i, _ in got[:5]} & {i for i, _ in want[:5]}) >= 5 * 0.95


@pytest.mark.slow
def test_with_the_real_model_an_updated_index_answers_like_a_fresh_build(
        real_embedder, small_docs: Path, tmp_path: Path) -> None:
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"),
                             cache_dir=str(tmp_path / "cache"))
    ensure_index(settings, real_embedder)
    extra = DOCS / "thu-huong-thanh-qua-chuyen-doi-so.txt"
    (small_docs / extra.name).write_bytes(extra.read_bytes())
    ensure_index(settings, real_embedder)
    (small_docs / "tang-cuong-nhan-thuc-chuyen-doi-so.txt").unlink()
    updated, report = ensure_index(settings, real_embedder)
    assert report.action == "updated" and report.embedded == 0  # a removal embeds nothing
    fresh, _ = ensure_index(settings.replace(index_dir=tmp_path / "fresh"), real_embedder)
    _same_results(updated, fresh, real_embedder, settings)


def test_tantivy_lexical_side_after_add_remove_add_equals_a_fresh_build(
        settings, fake_embedder, small_docs: Path, tmp_path: Path) -> None:
    settings = settings.replace(lexical_engine="tantivy")
    ensure_index(settings, fake_embedder)
    (small_docs / "moi.txt").write_text(
        "---\nid: moi\ntitle: Bài mới về Nghệ An\n---\nNghệ An có 42 điểm phát sóng mới. "
        "Chuyển đổi số ở Nghệ An được đẩy mạnh.\n", encoding="utf-8")
    ensure_index(settings, fake_embedder)
    (small_docs / "moi.txt").unlink()
    ensure_index(settings, fake_embedder)
    (small_docs / "tin.txt").write_text(
        "---\nid: tin\ntitle: Tin khác\n---\nĐà Nẵng có 12 điểm phát sóng mới.\n",
        encoding="utf-8")
    updated, _ = ensure_index(settings, fake_embedder)
    fresh, _ = ensure_index(settings.replace(index_dir=tmp_path / "fresh"), fake_embedder)
    assert type(updated.lexical).__name__ == "TantivyLexical"
    for query in _QUERIES + ("Nghệ An có 42 điểm", "da nang diem phat song"):
        got = _top(updated, fake_embedder, settings, "lexical", query)
        want = _top(fresh, fake_embedder, settings, "lexical", query)
        assert [i for i, _ in got] == [i for i, _ in want], query
        assert not any(i.startswith("moi#") for i, _ in got)
        assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-5, rtol=0), query


def test_a_damaged_tantivy_index_is_made_again_from_the_segments(settings, fake_embedder) -> None:
    settings = settings.replace(lexical_engine="tantivy")
    index, _ = ensure_index(settings, fake_embedder)
    want = _top(index, fake_embedder, settings, "lexical", "Đề án 06")
    folder = settings.index_dir / "lexical-tantivy"
    for path in folder.iterdir():
        if path.name != "synced-2.json":  # new files in their place: the first index still
            spare = path.with_name(path.name + ".garbage")  # maps the old ones (no SIGBUS)
            spare.write_bytes(b"garbage")
            os.replace(spare, path)
    (folder / "synced-2.json").write_text("{}", encoding="utf-8")
    again = load_index(settings.index_dir, settings)
    assert _top(again, fake_embedder, settings, "lexical", "Đề án 06") == want


def test_tantivy_leaves_out_the_terms_most_chunks_hold(settings, fake_embedder) -> None:
    from dataclasses import replace

    from assistant.indexing import tantivy_lexical as tl

    settings = settings.replace(lexical_engine="tantivy")
    index, _ = ensure_index(settings, fake_embedder)
    whole = index.lexical
    searcher = whole._searcher()
    query = "Chuyển đổi số ở Hải Dương có bao nhiêu sản phẩm OCOP?"
    kept = whole._terms(searcher, query, 0.5)
    assert {t for _, t, _ in kept} >= {"chuyển_đổi", "chuyen_doi"}
    half = replace(index, lexical=tl.TantivyLexical(
        whole._directory, index.live.positions(), len(index.chunks), whole.depth, 0.5))
    left = half.lexical._terms(searcher, query, 0.5)
    limit = 0.5 * searcher.num_docs
    assert left and all(searcher.doc_freq(f, t) <= limit for f, t, _ in left)
    assert [t for t in kept if t not in left]  # some are held by more than half the chunks
    assert all(searcher.doc_freq(f, t) > limit for f, t, _ in kept if (f, t, _) not in left)
    # the passage that answers still comes first, with a score near the whole query's
    got = _top(half, fake_embedder, settings, "lexical", query)
    want = _top(index, fake_embedder, settings, "lexical", query)
    assert got[0][0] == want[0][0]
    # a query of common terms only is searched whole
    common = next(t for f, t, _ in kept if (f, t, _) not in left and f == "folded"
                  and "_" not in t)
    found = half.lexical.top(common, 0.5)[0]
    assert len(found) and found.tolist() == whole.top(common, 0.5)[0].tolist()
