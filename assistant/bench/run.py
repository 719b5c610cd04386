"""`python -m assistant bench`: cost against corpus size, measured on this machine.

For each corpus size (articles made of the real sentences of docs/, recombined and lightly
perturbed so every sentence is a distinct text) one child process measures: the cold build,
adding and removing one article, engine start-up, warm search and ask latency over the eval
questions, the peak RSS of each stage and the size on disk. Embedding 10^4 articles would take
hours here, so the model embeds a sample of real texts to measure its per-text cost, and the
build runs on real vectors perturbed (each text gets a real docs/ vector plus noise): the
embedding time of a build is that per-text cost times the texts embedded, an extrapolation
the output names as such. Then the vector and lexical sides alone at 10^5 and 10^6 chunks
(`scale`), and throughput against concurrent HTTP clients on a real server
(`throughput`). Writes `bench-<timestamp>.json` (after each step) and `.png`
(`report`) in the reports folder.
"""
from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .throughput import ROUTES, http_throughput
from .report import bench_lines, write_report
from .scale import PeakRss, latency, perturb_sentence, real_sentences, vector_side
from ..settings import Settings

__all__ = ["run_bench", "bench_lines"]


def _rss_mib() -> float:
    """Peak RSS of this process so far (MiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write_corpus(docs: Path, n: int, pool: list[str], titles: list[str], seed: int) -> None:
    rng = random.Random(seed)
    words = sorted({w for s in pool for w in s.split() if w.isalpha() and w.islower()})
    docs.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = [perturb_sentence(rng.choice(pool), rng, words) for _ in range(rng.randint(18, 30))]
        paragraphs = "\n\n".join(" ".join(body[j:j + 4]) for j in range(0, len(body), 4))
        title = f"{perturb_sentence(rng.choice(titles), rng, words)} ({i})"
        (docs / f"bai-{i:06d}.txt").write_text(
            f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"date: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n"
            f"{paragraphs}\n", encoding="utf-8")


class _ScaledEmbedder:
    """The real model for queries; passages get a real docs/ vector plus noise, chosen by the
    text's hash (free, so a build's other costs are measured on their own)."""

    def __init__(self, real, base: np.ndarray) -> None:
        self.real, self.base = real, base
        self.name, self.dim = real.name, real.dim
        self.texts = 0

    def embed_queries(self, texts):
        return self.real.embed_queries(texts)

    def embed_passages(self, texts):
        self.texts += len(texts)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int(hashlib.blake2b(text.encode(), digest_size=8).hexdigest(), 16)
            rng = np.random.default_rng(seed)
            v = self.base[seed % len(self.base)] + rng.normal(0, 0.5 / np.sqrt(self.dim),
                                                                self.dim)
            out[i] = v / np.linalg.norm(v)
        return out

    def count_tokens(self, text: str) -> int:
        return self.real.count_tokens(text)


def _per_text_cost(real, pool: list[str], sample: int) -> dict:
    """Seconds per embedded text on a sample: sentences (what a build embeds now) and whole
    chunks of about 150 tokens (what it embedded before, besides every sentence)."""
    rng = random.Random(7)
    sentences = rng.sample(pool, min(sample, len(pool)))
    chunks = [" ".join(rng.sample(pool, 5)) for _ in range(max(4, sample // 4))]
    out = {}
    for name, texts in (("sentence", sentences), ("chunk", chunks)):
        started = time.perf_counter()
        for at in range(0, len(texts), 16):
            real.embed_passages(texts[at:at + 16])
        out[f"{name}_s"] = (time.perf_counter() - started) / len(texts)
    return out


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _one_size(settings: Settings, n: int, questions: list[str], base: np.ndarray,
              per_text: dict, queue) -> None:
    """Child process: every figure of one corpus size (its own peak RSS)."""
    from ..indexing.embed import make_embedder
    from ..indexing.store import ensure_index

    real = make_embedder(settings)
    pool, titles = real_sentences(settings)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        s = settings.replace(docs_dir=str(root / "docs"), index_dir=str(root / "index"),
                             data_dir=str(root / "var"), cache_dir=str(root / "cache"))
        _write_corpus(s.docs_dir, n, pool, titles, seed=n)
        emb = _ScaledEmbedder(real, base)
        stages = {}
        started = time.perf_counter()
        with PeakRss() as peak:
            index, report = ensure_index(s, emb)
        build = time.perf_counter() - started
        stages["build"] = peak.figures()
        sentences, chunks = len(index.sentences), len(index.chunks)
        embed_est = report.embedded * per_text["sentence_s"]
        old_est = chunks * per_text["chunk_s"] + sentences * per_text["sentence_s"]
        row = {"articles": len(index.articles), "chunks": chunks, "sentences": sentences,
               "texts_embedded": report.embedded,
               "build_measured_s": round(build, 1),
               "build_estimated_s": round(build + embed_est, 1),
               "embedding_share": round(embed_est / (build + embed_est), 3),
               "texts_per_s": round(report.embedded / (build + embed_est), 1),
               "per_article_s": round((build + embed_est) / n, 3),
               "per_article_before_s": round((build + old_est) / n, 3),
               "build_peak_rss_mib": round(_rss_mib())}
        _write_corpus(root / "extra", 1, pool, titles, seed=n + 1)
        extra = next((root / "extra").iterdir())
        added = s.docs_dir / "bai-extra.txt"
        added.write_bytes(extra.read_bytes())
        started = time.perf_counter()
        with PeakRss() as peak:
            ensure_index(s, emb, wait=True)
        stages["add_one"] = peak.figures()
        row["add_one_s"] = round(time.perf_counter() - started + 25 * per_text["sentence_s"], 2)
        added.unlink()
        started = time.perf_counter()
        with PeakRss() as peak:
            ensure_index(s, emb, wait=True)
        stages["remove_one"] = peak.figures()
        row["remove_one_s"] = round(time.perf_counter() - started, 2)
        del index
        gc.collect()
        _serving(s, emb, questions, row, stages)
        row["disk_mib"] = round(_du(s.index_dir) / 2**20, 1)
        row["peak_rss_mib"] = round(_rss_mib())
    queue.put(row)


def _serving(s: Settings, emb, questions: list[str], row: dict, stages: dict) -> None:
    """Engine start-up on a built index, the first plain question, warm search and ask."""
    from ..serving.engine import Engine

    started = time.perf_counter()
    with PeakRss() as peak:
        engine = Engine(s, emb)
    stages["startup"] = peak.figures()
    row["startup_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    with PeakRss() as peak:
        engine.retriever.restore("ty le phu song")
        len(engine.retriever.index.idf)  # the two tables read on first use
    stages["first_plain_query"] = peak.figures()
    row["first_plain_query_s"] = round(time.perf_counter() - started, 2)
    search, ask = [], []
    with PeakRss() as peak:
        for question in questions:
            t = time.perf_counter()
            engine.retriever.search(question)
            search.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            engine.ask(question)
            ask.append((time.perf_counter() - t) * 1000)
    stages["search_and_ask"] = peak.figures()
    row["search"], row["ask"] = latency(search), latency(ask)
    row["stages_rss"] = stages
    row["articles"], row["chunks"] = len(engine.retriever.index.articles), \
        len(engine.retriever.index.chunks)


def _asks_by_kind(s: Settings, emb, per_kind: int, kind_questions: Sequence,
                  run_kinds: Callable) -> dict:
    """Warm `ask` latency per kind of question on the shipped articles: up to `per_kind` of
    `kind_questions` of each kind asked once by `run_kinds` to warm (the kinds evaluation's
    runner, earlier turns first, handed in by the CLI: bench imports no evaluation), then
    again, timed."""
    from ..serving.engine import Engine

    engine = Engine(s, emb)
    taken: dict[str, int] = {}
    questions = []
    for q in kind_questions:
        if taken.get(q.kind, 0) < per_kind:
            taken[q.kind] = taken.get(q.kind, 0) + 1
            questions.append(q)
    run_kinds(questions, engine.retriever)
    times: dict[str, list[float]] = {}
    for row in run_kinds(questions, engine.retriever):
        times.setdefault(row["kind"], []).append(row["millis"])
    return {kind: {**latency(values), "questions": len(values)}
            for kind, values in times.items()}


def _measure_built(settings: Settings, root: Path, questions: list[str], queue) -> None:
    """Child process: start-up, search and ask on an index a bench run built and left in
    `root` (`root/docs`, `root/index`; e.g. a size whose add/remove did not fit in time)."""
    from ..indexing.embed import make_embedder

    s = settings.replace(docs_dir=str(root / "docs"), index_dir=str(root / "index"),
                         data_dir=str(root / "var"), cache_dir=str(root / "cache"))
    row: dict = {"measured_on": str(root)}
    _serving(s, make_embedder(s), questions, row, {})
    row["disk_mib"] = round(_du(s.index_dir) / 2**20, 1)
    row["peak_rss_mib"] = round(_rss_mib())
    queue.put(row)


def _in_child(target, *args):
    """Run `target(*args, queue)` in a fresh process (its own memory and peak RSS)."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    while True:
        try:
            row = queue.get(timeout=5)
            break
        except Exception as exc:  # queue.Empty: is the child still at work?
            if not child.is_alive():
                raise RuntimeError(f"bench step {target.__name__}{args[1:2]} failed "
                                   f"(exit {child.exitcode})") from exc
    child.join()
    return row


def _vector_sizes(settings: Settings, sizes: tuple[int, ...], base: np.ndarray,
                  queries: np.ndarray, questions: list[str], lexical_max: int,
                  ef_values: tuple[int, ...], queue) -> None:
    """Child process: the vector and lexical side alone at each size (one BM25 build shared
    by sizes that tile it)."""
    pool, titles = real_sentences(settings)
    cache: dict = {}
    queue.put([vector_side(settings, n, base, queries, questions, pool, titles,
                           lexical_max=lexical_max, ef_values=ef_values, cache=cache)
               for n in sizes])


def run_bench(settings: Settings, questions: list[str], *, sizes=(100, 1000, 10000),
              vector_sizes=(100_000, 1_000_000), sample: int = 64,
              concurrency: tuple[int, ...] = (1, 2, 4, 8, 16, 32), http_seconds: float = 10.0,
              http_routes: tuple[str, ...] = ROUTES, lexical_max: int = 100_000,
              ef_values: tuple[int, ...] = (16, 64, 128), http_url: str = "",
              measure_built: Path | None = None, reports_dir: Path | None = None,
              kinds: int = 1000, kind_questions: Sequence = (),
              run_kinds: Callable | None = None) -> dict:
    """Measure every size, write the JSON and the chart, and return the figures; `kinds`:
    questions of each kind of `kind_questions` asked warm on the shipped articles by
    `run_kinds` (the kinds evaluation's runner; None: no per-kind step)."""
    from ..indexing.embed import make_embedder
    from ..indexing.store import ensure_index

    started = time.perf_counter()
    real = make_embedder(settings)
    pool, titles = real_sentences(settings)
    per_text = _per_text_cost(real, pool, sample)
    with tempfile.TemporaryDirectory() as scratch:
        s = settings.replace(index_dir=str(Path(scratch) / "index"), cache_prune=False,
                             cache_dir=str(settings.cache_dir or settings.index_dir / "cache"))
        index, _ = ensure_index(s, real)
        base = np.asarray(index.sentence_vectors, dtype=np.float32)
        by_kind = (_asks_by_kind(s, real, kinds, kind_questions, run_kinds)
                   if kinds and run_kinds else {})
    result: dict = {"machine": f"{os.cpu_count()} CPUs, load average "
                               f"{os.getloadavg()[0]:.1f} at start (shared with other jobs), "
                               f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}",
                    "embedder": real.name, "per_text_s": {k: round(v, 4)
                                                         for k, v in per_text.items()},
                    "method": "embedding time = per-text cost on a real sample x texts "
                              "embedded (extrapolated); builds run on real docs/ vectors "
                              "perturbed", "sizes": [], "vector_side": [], "http": {},
                    "ask_by_kind": by_kind}
    stamp = time.strftime("%Y%m%d-%H%M%S")

    def keep() -> None:  # the figures so far, in case the run is stopped
        result["seconds"] = round(time.perf_counter() - started)
        if reports_dir is not None:
            write_report(result, reports_dir, stamp, chart=False)

    for n in sizes:
        result["sizes"].append(_in_child(_one_size, settings, n, questions, base, per_text))
        keep()
    if measure_built is not None:
        result["built"] = _in_child(_measure_built, settings, Path(measure_built), questions)
        keep()
    if vector_sizes:
        queries = np.asarray(real.embed_queries(questions), dtype=np.float32)
        result["vector_side"] = _in_child(_vector_sizes, settings, tuple(vector_sizes), base,
                                          queries, questions, lexical_max, tuple(ef_values))
        keep()
    if concurrency:
        result["http"] = http_throughput(settings, questions, tuple(concurrency),
                                         seconds=http_seconds, routes=tuple(http_routes),
                                         url=http_url)
    result["seconds"] = round(time.perf_counter() - started)
    if reports_dir is not None:
        result["files"] = write_report(result, reports_dir, stamp)
    return result
