"""Persistence: identical results after reload, incremental updates, atomic builds, damage."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import store
from assistant.retrieve import Retriever
from assistant.settings import load_settings
from assistant.store import IndexUnavailable, ensure_index, load_index

from .conftest import FakeEmbedder


@pytest.fixture
def settings(tmp_path: Path, small_docs: Path):
    return load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "index"))


def _ids(retriever: Retriever, query: str) -> list[tuple[str, float]]:
    return [(h.chunk.id, round(h.score, 6)) for h in retriever.search(query, k=5)]


def test_save_then_load_gives_identical_search_results(real_index, real_embedder,
                                                       session_settings) -> None:
    reloaded = load_index(session_settings.index_dir)
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
    (index.directory / "chunks.jsonl").write_text("garbage", encoding="utf-8")
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
        raise KeyboardInterrupt("killed while writing the dense index")

    monkeypatch.setattr("faiss.write_index", killed)
    with pytest.raises(KeyboardInterrupt):
        ensure_index(settings, fake_embedder)
    monkeypatch.undo()
    survivor = load_index(settings.index_dir)
    assert survivor.directory == index.directory and "moi" not in survivor.articles
    fresh, report = ensure_index(settings, fake_embedder)
    assert "moi" in fresh.articles
    assert not any(p.name.startswith(".staging-") for p in settings.index_dir.iterdir())


def test_large_corpora_get_an_approximate_index(settings, fake_embedder) -> None:
    index, _ = ensure_index(settings.replace(ann_threshold=3), fake_embedder)
    assert index.manifest["index_type"] == "IndexHNSWFlat"
    hits = Retriever(index, fake_embedder, settings).search("Đà Nẵng", k=3, mode="dense")
    assert len(hits) == 3


def test_empty_docs_folder_is_an_error_with_a_message(tmp_path: Path, fake_embedder) -> None:
    (tmp_path / "docs").mkdir()
    s = load_settings(env={}, docs_dir=str(tmp_path / "docs"), index_dir=str(tmp_path / "i"))
    with pytest.raises(IndexUnavailable, match="no readable article"):
        ensure_index(s, fake_embedder)


def test_manifest_is_plain_json(real_index) -> None:
    text = (real_index.directory / "manifest.json").read_text(encoding="utf-8")
    assert json.loads(text)["counts"]["articles"] == 5
