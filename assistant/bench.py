"""`python -m assistant bench`: cost against corpus size, measured on this machine.

For each corpus size (articles made of the real sentences of docs/, recombined and lightly
perturbed so every sentence is a distinct text) one child process measures: the cold build,
adding and removing one article, engine start-up, warm search and ask latency over the eval
questions, peak memory and the size on disk. Embedding 10^4 articles would take hours here,
so the model embeds a sample of real texts to measure its per-text cost, and the build runs
on real vectors perturbed (each text gets a real docs/ vector plus noise): the embedding time
of a build is that per-text cost times the texts embedded, an extrapolation the output names
as such. The vector and lexical sides alone are then measured at 10^5 and 10^6 chunks: flat
against HNSW (recall@10 and @5 of HNSW against flat, search latency, memory). Writes
`bench-<timestamp>.json` and `.png` in the reports folder.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from .settings import Settings

__all__ = ["run_bench", "bench_lines"]


def _ms(values: list[float]) -> dict:
    ordered = sorted(values)
    return {"p50_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2)}


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pool(settings: Settings) -> tuple[list[str], list[str]]:
    """The real sentences and titles of docs/."""
    from .chunk import split_sentences
    from .ingest import load_articles

    articles, _ = load_articles(settings.docs_dir)
    sentences = [a.text[s:e] for a in articles for s, e in split_sentences(a.text)]
    return [s for s in sentences if len(s) > 20], [a.title for a in articles if a.title]


def _perturb(sentence: str, rng: random.Random, words: list[str]) -> str:
    """The same sentence with other figures and one syllable swapped: a distinct real-looking
    text (so de-duplication does not flatter the figures)."""
    sentence = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()))), sentence)
    parts = sentence.split(" ")
    at = rng.randrange(len(parts))
    if parts[at].isalpha():
        parts[at] = rng.choice(words)
    return " ".join(parts)


def _write_corpus(docs: Path, n: int, pool: list[str], titles: list[str], seed: int) -> None:
    rng = random.Random(seed)
    words = sorted({w for s in pool for w in s.split() if w.isalpha() and w.islower()})
    docs.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = [_perturb(rng.choice(pool), rng, words) for _ in range(rng.randint(18, 30))]
        paragraphs = "\n\n".join(" ".join(body[j:j + 4]) for j in range(0, len(body), 4))
        title = f"{_perturb(rng.choice(titles), rng, words)} ({i})"
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
    from .embed import make_embedder
    from .engine import Engine
    from .store import ensure_index

    real = make_embedder(settings)
    pool, titles = _pool(settings)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        s = settings.replace(docs_dir=str(root / "docs"), index_dir=str(root / "index"),
                             data_dir=str(root / "var"), cache_dir=str(root / "cache"))
        _write_corpus(s.docs_dir, n, pool, titles, seed=n)
        emb = _ScaledEmbedder(real, base)
        started = time.perf_counter()
        index, report = ensure_index(s, emb)
        build = time.perf_counter() - started
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
        ensure_index(s, emb, wait=True)
        row["add_one_s"] = round(time.perf_counter() - started + 25 * per_text["sentence_s"], 2)
        added.unlink()
        started = time.perf_counter()
        ensure_index(s, emb, wait=True)
        row["remove_one_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        engine = Engine(s, emb)
        row["startup_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        engine.retriever.restore("ty le phu song")
        len(engine.retriever.index.idf)  # the two tables built on first use
        row["first_plain_query_s"] = round(time.perf_counter() - started, 2)
        search, ask = [], []
        for question in questions:
            t = time.perf_counter()
            engine.retriever.search(question)
            search.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            engine.ask(question)
            ask.append((time.perf_counter() - t) * 1000)
        row["search"], row["ask"] = _ms(search), _ms(ask)
        row["disk_mib"] = round(_du(s.index_dir) / 2**20, 1)
        row["peak_rss_mib"] = round(_rss_mib())
    queue.put(row)


def _vector_side(settings: Settings, n: int, base: np.ndarray, queries: np.ndarray,
                 questions: list[str]) -> dict:
    """Flat against HNSW at `n` chunks of real vectors perturbed; BM25 on recombined text."""
    import faiss

    rng = np.random.default_rng(n)
    vectors = np.empty((n, base.shape[1]), dtype=np.float32)
    for at in range(0, n, 100_000):
        m = min(100_000, n - at)
        v = base[rng.integers(0, len(base), m)] + rng.normal(0, 0.5 / np.sqrt(base.shape[1]),
                                                             (m, base.shape[1]))
        vectors[at:at + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    row: dict = {"chunks": n}
    flat = faiss.IndexFlatIP(base.shape[1])
    flat.add(vectors)
    times = []
    for q in queries:
        t = time.perf_counter()
        _, exact = flat.search(q[None], 10)
        times.append((time.perf_counter() - t) * 1000)
    _, exact = flat.search(queries, 10)
    row["flat"] = {**_ms(times), "memory_mib": round(vectors.nbytes / 2**20)}
    started = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(base.shape[1], settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = settings.hnsw_ef_construction
    hnsw.add(vectors)
    row["hnsw_build_s"] = round(time.perf_counter() - started, 1)
    for ef in sorted({16, 64, settings.hnsw_ef_search, 256}):
        params = faiss.SearchParametersHNSW(efSearch=max(ef, 10))
        times = []
        for q in queries:
            t = time.perf_counter()
            hnsw.search(q[None], 10, params=params)
            times.append((time.perf_counter() - t) * 1000)
        _, approx = hnsw.search(queries, 10, params=params)
        recall10 = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact)])
        recall5 = np.mean([len(set(a[:5]) & set(e[:5])) / 5 for a, e in zip(approx, exact)])
        row[f"hnsw_ef{ef}"] = {**_ms(times), "recall@10": round(float(recall10), 3),
                               "recall@5": round(float(recall5), 3)}
    del hnsw, flat, vectors
    return row


def _concurrency(settings: Settings, questions: list[str], levels: tuple[int, ...]) -> list:
    """Answers per second and latency with 1, 4, 16... simultaneous askers on one engine
    (threads in this process, the way the web chat's workers share it; no HTTP)."""
    from concurrent.futures import ThreadPoolExecutor

    from .engine import Engine

    with tempfile.TemporaryDirectory() as scratch:
        engine = Engine(settings.replace(index_dir=str(Path(scratch) / "index"),
                                         cache_dir=str(settings.cache_dir
                                                       or settings.index_dir / "cache"),
                                         cache_prune=False))  # the user's cache: keep it whole
        engine.ask(questions[0])
        rows = []
        for level in levels:
            latencies: list[float] = []

            def one(question: str, latencies: list[float] = latencies) -> None:
                t = time.perf_counter()
                engine.ask(question)
                latencies.append((time.perf_counter() - t) * 1000)

            work = [questions[i % len(questions)] for i in range(max(level * 3, 12))]
            started = time.perf_counter()
            with ThreadPoolExecutor(level) as pool:
                list(pool.map(one, work))
            elapsed = time.perf_counter() - started
            rows.append({"concurrency": level, "answers": len(work),
                         "answers_per_s": round(len(work) / elapsed, 2), **_ms(latencies)})
    return rows


def run_bench(settings: Settings, questions: list[str], *, sizes=(100, 1000, 10000),
              vector_sizes=(100_000, 1_000_000), sample: int = 64,
              concurrency: tuple[int, ...] = (1, 4, 16),
              reports_dir: Path | None = None) -> dict:
    """Measure every size, write the JSON and the chart, and return the figures."""
    from .embed import make_embedder
    from .store import ensure_index

    started = time.perf_counter()
    real = make_embedder(settings)
    pool, titles = _pool(settings)
    per_text = _per_text_cost(real, pool, sample)
    with tempfile.TemporaryDirectory() as scratch:
        s = settings.replace(index_dir=str(Path(scratch) / "index"), cache_prune=False,
                             cache_dir=str(settings.cache_dir or settings.index_dir / "cache"))
        index, _ = ensure_index(s, real)
        base = np.asarray(index.sentence_vectors, dtype=np.float32)
    result: dict = {"machine": f"{os.cpu_count()} CPUs, load average "
                               f"{os.getloadavg()[0]:.1f} at start (shared with other jobs)",
                    "embedder": real.name, "per_text_s": {k: round(v, 4)
                                                         for k, v in per_text.items()},
                    "method": "embedding time = per-text cost on a real sample x texts "
                              "embedded (extrapolated); builds run on real docs/ vectors "
                              "perturbed", "sizes": [], "vector_side": []}
    ctx = multiprocessing.get_context("spawn")
    for n in sizes:
        queue = ctx.Queue()
        child = ctx.Process(target=_one_size, args=(settings, n, questions, base, per_text,
                                                    queue))
        child.start()
        while True:
            try:
                row = queue.get(timeout=5)
                break
            except Exception as exc:  # queue.Empty: is the child still at work?
                if not child.is_alive():
                    raise RuntimeError(f"bench at {n} articles failed (exit {child.exitcode})") \
                        from exc
        child.join()
        result["sizes"].append(row)
    queries = np.asarray(real.embed_queries(questions), dtype=np.float32)
    for n in vector_sizes:
        result["vector_side"].append(_vector_side(settings, n, base, queries, questions))
    result["concurrency"] = _concurrency(settings, questions, concurrency) if concurrency \
        else []
    result["seconds"] = round(time.perf_counter() - started)
    if reports_dir is not None:
        result["files"] = _write(result, reports_dir)
    return result


def _write(result: dict, reports_dir: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    reports_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = reports_dir / f"bench-{stamp}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    sizes = result["sizes"]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    n = [r["articles"] for r in sizes]
    axes[0].plot(n, [r["search"]["p95_ms"] for r in sizes], "o-", label="search p95")
    axes[0].plot(n, [r["ask"]["p95_ms"] for r in sizes], "s-", label="ask p95")
    axes[0].set(xscale="log", xlabel="articles", ylabel="ms", title="latency")
    axes[1].plot(n, [r["peak_rss_mib"] for r in sizes], "o-", label="peak RSS")
    axes[1].plot(n, [r["disk_mib"] for r in sizes], "s-", label="index on disk")
    axes[1].set(xscale="log", xlabel="articles", ylabel="MiB", title="memory")
    vec = result["vector_side"]
    if vec:
        c = [r["chunks"] for r in vec]
        axes[2].plot(c, [r["flat"]["p95_ms"] for r in vec], "o-", label="flat p95")
        ef = [k for k in vec[0] if k.startswith("hnsw_ef")]
        for k in ef:
            axes[2].plot(c, [r[k]["p95_ms"] for r in vec], "s--",
                         label=f"HNSW {k[5:]} p95 (r@10 {vec[-1][k]['recall@10']})")
        axes[2].set(xscale="log", xlabel="chunks", ylabel="ms", title="vector search alone")
    for ax in axes:
        ax.legend(fontsize=7)
    fig.suptitle(f"python -m assistant bench — {result['machine']}", fontsize=9)
    fig.tight_layout()
    png = path.with_suffix(".png")
    fig.savefig(png)
    return [str(path), str(png)]


def bench_lines(result: dict) -> list[str]:
    """The figures as a Markdown table (what the README shows)."""
    rows = [("texts embedded", "texts_embedded"), ("cold build, estimated s", "build_estimated_s"),
            ("  of which measured (not embedding) s", "build_measured_s"),
            ("  embedding share", "embedding_share"), ("texts/s", "texts_per_s"),
            ("s per article (before: chunks + sentences)", None),
            ("add one article s", "add_one_s"), ("remove one article s", "remove_one_s"),
            ("engine start-up s", "startup_s"),
            ("first question: restorer and idf tables s", "first_plain_query_s"),
            ("search p50 / p95 ms", "search"), ("ask p50 / p95 ms", "ask"),
            ("build peak RSS MiB", "build_peak_rss_mib"), ("peak RSS MiB", "peak_rss_mib"),
            ("index on disk MiB", "disk_mib")]
    sizes = result["sizes"]
    out = [f"machine: {result['machine']}; {result['method']}; per text: "
           f"{result['per_text_s']}", "",
           "| articles | " + " | ".join(str(r["articles"]) for r in sizes) + " |",
           "|---|" + "---:|" * len(sizes)]
    for label, key in rows:
        if key is None:
            cells = [f"{r['per_article_s']} ({r['per_article_before_s']})" for r in sizes]
        elif key in ("search", "ask"):
            cells = [f"{r[key]['p50_ms']} / {r[key]['p95_ms']}" for r in sizes]
        else:
            cells = [str(r[key]) for r in sizes]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    vec = result["vector_side"]
    if vec:
        ef = [k for k in vec[0] if k.startswith("hnsw_ef")]
        out += ["", "| chunks | flat p50/p95 ms | HNSW build s | "
                + " | ".join(f"{k[5:]} p95 ms, r@10, r@5" for k in ef) + " |",
                "|---:|---:|---:|" + "---:|" * len(ef)]
        for r in vec:
            out.append(f"| {r['chunks']} | {r['flat']['p50_ms']} / {r['flat']['p95_ms']} | "
                       f"{r['hnsw_build_s']} | "
                       + " | ".join(f"{r[k]['p95_ms']}, {r[k]['recall@10']}, {r[k]['recall@5']}"
                                    for k in ef) + " |")
    if result.get("concurrency"):
        out += ["", "| simultaneous askers | answers/s | p50 ms | p95 ms |",
                "|---:|---:|---:|---:|"]
        out += [f"| {r['concurrency']} | {r['answers_per_s']} | {r['p50_ms']} | {r['p95_ms']} |"
                for r in result["concurrency"]]
    return out
