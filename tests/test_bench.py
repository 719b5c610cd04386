"""The bench's corpus and its flat-vs-HNSW measurement (the figures themselves are printed by
`python -m assistant bench`, never asserted as times)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant import bench
from assistant.ingest import load_articles
from assistant.settings import load_settings

from .conftest import DOCS


def test_the_bench_corpus_is_made_of_distinct_recombined_real_sentences(tmp_path: Path) -> None:
    settings = load_settings(env={}, docs_dir=str(DOCS))
    pool, titles = bench._pool(settings)
    bench._write_corpus(tmp_path / "docs", 12, pool, titles, seed=1)
    articles, errors = load_articles(tmp_path / "docs")
    assert not errors and len(articles) == 12
    words = {w for s in pool for w in s.split()}
    for article in articles:
        tokens = article.text.split()
        assert sum(w in words for w in tokens) > 0.8 * len(tokens)  # real wording
    texts = [a.text for a in articles]
    assert len(set(texts)) == len(texts)


def test_hnsw_at_the_default_ef_search_finds_the_exact_top_5() -> None:
    settings = load_settings(env={})
    rng = np.random.default_rng(0)
    base = rng.normal(size=(200, 32)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    queries = base[:40] + rng.normal(0, 0.1, (40, 32)).astype(np.float32)
    row = bench._vector_side(settings, 20_000, base, queries, [])
    ef = row[f"hnsw_ef{settings.hnsw_ef_search}"]
    assert ef["recall@5"] >= 0.95 and row["hnsw_ef16"]["recall@10"] <= ef["recall@10"]
    lines = bench.bench_lines({"machine": "m", "method": "x", "per_text_s": {}, "sizes": [],
                               "vector_side": [row]})
    assert any(line.startswith("| 20000 |") for line in lines)
