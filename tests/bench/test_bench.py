"""The bench's corpus, its vector and lexical side, its memory probe, its report, and one run
end to end with the real model and a real server (the figures themselves are printed by
`python -m assistant bench`, never asserted as times)."""
from __future__ import annotations

import json
import random
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.bench import run as bench, scale as bench_scale
from assistant.bench.report import bench_lines, merge_reports, write_report
from assistant.evaluation.evaluate import load_questions
from assistant.evaluation.kinds import load_kind_questions, run_kinds
from assistant.articles.ingest import load_articles
from assistant.settings import load_settings

from ..conftest import DOCS


@pytest.fixture(scope="module")
def pool() -> tuple[list[str], list[str]]:
    return bench_scale.real_sentences(load_settings(env={}, docs_dir=str(DOCS)))


def test_the_bench_corpus_is_made_of_distinct_recombined_real_sentences(tmp_path: Path,
                                                                         pool) -> None:
    sentences, titles = pool
    bench._write_corpus(tmp_path / "docs", 12, sentences, titles, seed=1)
    articles, errors = load_articles(tmp_path / "docs")
    assert not errors and len(articles) == 12
    words = {w for s in sentences for w in s.split()}
    for article in articles:
        tokens = article.text.split()
        assert sum(w in words for w in tokens) > 0.8 * len(tokens)  # real wording
    texts = [a.text for a in articles]
    assert len(set(texts)) == len(texts)


def _clustered(n: int, dim: int = 32) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    base = rng.normal(size=(n, dim)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    return base, base[:12] + rng.normal(0, 0.1, (12, dim)).astype(np.float32)


@pytest.mark.parametrize("engine", ["own", "tantivy"])
def test_the_vector_side_compares_the_shipped_index_with_flat_and_times_the_whole_search(
        pool, engine) -> None:
    settings = load_settings(env={}, ann_threshold=2000, lexical_engine=engine)
    sentences, titles = pool
    base, queries = _clustered(200)
    questions = ["tỷ lệ phủ sóng 4G", "chuyen doi so quoc gia"] * 6
    cache: dict = {}
    rows = [bench_scale.vector_side(settings, n, base, queries, questions, sentences, titles,
                                    lexical_max=1500, ef_values=(1,), cache=cache)
            for n in (1500, 3000)]
    for row in rows:
        assert set(row["search"]) >= {"dense", "lexical", "hybrid", "process_rss_mib",
                                      "recall@5"}
        assert row["search"]["hybrid"]["p95_ms"] > 0
    big = rows[1]
    best = big[f"breadth{settings.ivf_nprobe}"]
    assert best["recall@5"] >= 0.95 and big["breadth1"]["recall@10"] <= best["recall@10"]
    assert big["search"]["recall@5"] >= 0.95  # the shipped settings, through the retriever
    # the whole search runs on the index the store would build at that size
    assert [r["search"]["index"] for r in rows] == ["flat", "ivf-sq8"]
    assert rows[0]["search"]["recall@5"] == 1.0
    if engine == "own":  # the 3,000-chunk row reuses the 1,500-chunk BM25 build, twice
        assert rows[0]["lexical"]["tiled"] == 1 and rows[1]["lexical"]["tiled"] == 2
        assert rows[1]["lexical"]["built_chunks"] == 1500
        assert rows[1]["lexical"]["index_mib"] >= 2 * rows[0]["lexical"]["index_mib"] - 1
    else:  # tantivy indexes every chunk
        assert rows[1]["lexical"]["built_chunks"] == 3000
    lines = bench_lines({"machine": "m", "method": "x", "per_text_s": {}, "sizes": [],
                         "vector_side": rows})
    assert any(line.startswith("| 3,000 |") for line in lines)


@pytest.mark.parametrize("query", ["tỷ lệ phủ sóng 4G", "chuyen doi so", "Đề án 06", "xyz"])
@pytest.mark.parametrize("times", [2, 3])
def test_a_repeated_lexical_index_scores_each_copy_as_the_original(pool, query, times) -> None:
    sentences, titles = pool
    texts = bench_scale._chunk_texts(40, sentences, titles, seed=3)
    small = bench_scale.build_lexical(texts)
    big = bench_scale._tiled(small, times)
    expected = np.tile(small.scores(query, 0.5), times)
    # document frequencies grow with the total: the idf (and so each score) moves a little
    assert np.allclose(big.scores(query, 0.5), expected, rtol=0.05, atol=0.05)  # a term in
    # every chunk has an idf near 0 that halves with twice the chunks
    assert big.exact.total == times * small.exact.total


def test_peak_memory_is_seen_per_stage_even_when_freed_before_the_end() -> None:
    with bench_scale.PeakRss() as small:
        sum(range(1000))
    with bench_scale.PeakRss(every=0.005) as big:
        block = np.ones(64 * 2**20 // 8)  # 64 MiB, touched
        for _ in range(500):  # until the sampling thread has seen it (at most 5 s)
            if big.peak_mib >= big.start_mib + 48:
                break
            time.sleep(0.01)
        del block
    assert big.grew_mib >= 48 > small.grew_mib
    assert big.peak_mib > bench_scale._rss_now() + 32  # freed: ru_maxrss could not tell


def test_the_report_shows_each_route_and_level_and_draws_the_chart(tmp_path: Path) -> None:
    levels = [{"route": r, "clients": n, "answers": 10, "errors": e, "seconds": 1.0,
               "answers_per_s": 10.0, "p50_ms": 50.0, "p95_ms": 90.0}
              for r in ("api", "queue") for n, e in ((1, 0), (4, 2))]
    result = {"machine": "m", "method": "x", "per_text_s": {}, "sizes": [], "vector_side": [],
              "http": {"server": "s", "chat_concurrency": 4, "seconds_per_level": 1,
                       "levels": levels}}
    lines = bench_lines(result)
    assert "| 4 | 10.0, 50.0 / 90.0 (2 errors) | 10.0, 50.0 / 90.0 (2 errors) |" in lines
    json_path, png = write_report(result, tmp_path)
    assert json.loads(Path(json_path).read_text(encoding="utf-8"))["http"]["levels"] == levels
    assert Path(png).stat().st_size > 10_000


@pytest.mark.slow
def test_a_tiny_bench_runs_every_part_with_the_real_model_and_server(
        session_settings, real_embedder, real_index, tmp_path: Path) -> None:
    import shutil

    from assistant.indexing.store import ensure_index

    questions = [q.question for q in load_questions(DOCS.parent / "eval" / "questions.jsonl")]
    questions = random.Random(0).sample(questions, 4)
    built = tmp_path / "built"  # an index left by an earlier run, for --measure-built
    shutil.copytree(DOCS, built / "docs")
    ensure_index(session_settings.replace(docs_dir=str(built / "docs"),
                                          index_dir=str(built / "index"),
                                          cache_dir=str(built / "cache")), real_embedder)
    result = bench.run_bench(session_settings, questions, sizes=(6,), vector_sizes=(1200,),
                             sample=4, concurrency=(1, 3), http_seconds=1.0, lexical_max=600,
                             ef_values=(16,), measure_built=built,
                             http_routes=("api", "queue", "mixed"),
                             reports_dir=tmp_path / "reports", kinds=2,
                             kind_questions=load_kind_questions(
                                 DOCS.parent / "eval" / "questions-kinds.jsonl"),
                             run_kinds=run_kinds)
    assert result["built"]["articles"] == len(load_articles(DOCS)[0])
    assert result["built"]["search"]["p95_ms"] > 0
    size = result["sizes"][0]
    assert size["articles"] == 6 and size["texts_embedded"] > 6 * 10
    assert set(size["stages_rss"]) >= {"build", "add_one", "remove_one", "startup"}
    vec = result["vector_side"][0]
    assert vec["chunks"] == 1200 and vec["lexical"]["tiled"] == 2
    levels = result["http"]["levels"]
    assert {(r["route"], r["clients"]) for r in levels} == {
        (r, n) for r in ("api", "queue", "mixed api", "mixed queue") for n in (1, 3)}
    assert all(r["errors"] == 0 and r["answers"] > 0 for r in levels)
    saved = json.loads(Path(result["files"][0]).read_text(encoding="utf-8"))
    assert saved["http"]["chat_concurrency"] == session_settings.chat_concurrency
    assert Path(result["files"][1]).exists()
    by_kind = result["ask_by_kind"]  # warm asks of every kind of question, two of each
    assert set(by_kind) >= {"definition", "list", "summary", "comparison", "yesno", "followup"}
    assert all(r["questions"] == 2 and r["p50_ms"] > 0 for r in by_kind.values())
    assert any(line.startswith("| warm ask on the shipped articles |")
               for line in bench_lines(result))


def test_reports_of_separate_runs_merge_into_one_with_every_table(tmp_path: Path) -> None:
    def level(route: str, n: int) -> dict:
        return {"route": route, "clients": n, "answers": 5, "errors": 0, "seconds": 1.0,
                "answers_per_s": 5.0 * n, "p50_ms": 40.0, "p95_ms": 80.0}

    def run(name: str, **parts) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps({"machine": "m", "method": "x", "per_text_s": {},
                                    "sizes": [], "vector_side": [], "http": {}, **parts}))
        return path

    one = run("a.json", http={"server": "python -m assistant serve", "chat_concurrency": 4,
                              "seconds_per_level": 1, "levels": [level("api", 1)]})
    two = run("b.json", http={"server": "http://127.0.0.1:8080 (started outside)",
                              "chat_concurrency": None, "seconds_per_level": 1,
                              "levels": [level("api", 1), level("api", 4)]})
    merged = merge_reports([one, two])
    assert [r["route"] for r in merged["http"]["levels"]] == [
        "api", "api @ http://127.0.0.1:8080", "api @ http://127.0.0.1:8080"]
    lines = bench_lines(merged)
    assert "| 4 | – | 20.0, 40.0 / 80.0 |" in lines
    assert merged["merged_from"] == ["a.json", "b.json"]


@pytest.mark.parametrize("given, routes", [
    ("api", ("api",)), ("queue,api", ("queue", "api")), ("api, mixed", ("api", "mixed")),
    ("chat", None), ("api,mix", None),
])
def test_http_routes_flag(given: str, routes, capsys) -> None:
    from assistant.cli import _parser

    if routes is None:
        with pytest.raises(SystemExit) as bad:
            _parser().parse_args(["bench", "--http-routes", given])
        assert bad.value.code == 2 and "mixed" in capsys.readouterr().err
    else:
        assert _parser().parse_args(["bench", "--http-routes", given]).http_routes == routes


@pytest.mark.slow
def test_churn_answers_while_another_process_adds_and_removes(real_index,
                                                              session_settings) -> None:
    from assistant.bench.throughput import http_throughput

    before = sorted(p.name for p in DOCS.iterdir())
    result = http_throughput(session_settings, ["Đề án 06 được phê duyệt ngày nào?",
                                                "Hải Dương có bao nhiêu sản phẩm OCOP?"],
                             levels=(3,), seconds=5.0, routes=("churn",))
    row = result["levels"][0]
    assert row["route"] == "churn api" and row["rounds"] >= 1
    assert row["errors"] == 0 and row["answers"] > 0 and row["p95_ms"] > 0
    assert sorted(p.name for p in DOCS.iterdir()) == before  # docs/ itself never touched
