"""The bench's vector and lexical side alone, at 10^5 and 10^6 chunks, and its memory probe.

`vector_side(n)` builds what the store builds for `n` chunks, without articles or a model:
real docs/ vectors perturbed (each chunk gets a real vector plus noise) in a flat FAISS index
and in the store's HNSW (`Settings.hnsw_m`, `hnsw_ef_construction`, searched at
`hnsw_ef_search` and at a few other breadths), and, up to `lexical_max` chunks, the store's
`LexicalIndex` over chunk texts made of the real docs/ sentences recombined. It reports the
build time and peak memory of each step, recall@10 and @5 of HNSW against flat, and the warm
latency of the whole `Retriever.search` (dense + lexical + fusion, the code a question runs)
over that index: so the step that bounds a search at that size is named by figures.
"""
from __future__ import annotations

import random
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..settings import Settings

__all__ = ["PeakRss", "latency", "perturb_sentence", "real_sentences", "vector_side"]


def latency(values_ms: list[float]) -> dict:
    """p50 and p95 of a list of milliseconds."""
    ordered = sorted(values_ms)
    return {"p50_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2)}


def _rss_now() -> float:
    """Resident set size of this process now (MiB), from /proc (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@dataclass
class PeakRss:
    """Peak RSS while a `with` block runs, sampled every 20 ms by a thread (ru_maxrss only
    ever grows, so it cannot tell one stage from the next): `peak_mib` and `grew_mib` (peak
    minus the RSS at the start)."""

    every: float = 0.02
    start_mib: float = 0.0
    peak_mib: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> "PeakRss":
        self.start_mib = self.peak_mib = _rss_now()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._stop.wait(self.every):
            self.peak_mib = max(self.peak_mib, _rss_now())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mib = max(self.peak_mib, _rss_now())

    @property
    def grew_mib(self) -> float:
        return self.peak_mib - self.start_mib

    def figures(self) -> dict:
        return {"peak_rss_mib": round(self.peak_mib), "grew_mib": round(self.grew_mib)}


def real_sentences(settings: Settings) -> tuple[list[str], list[str]]:
    """The real sentences and titles of docs/."""
    from ..articles.chunk import split_sentences
    from ..articles.ingest import load_articles

    articles, _ = load_articles(settings.docs_dir)
    sentences = [a.text[s:e] for a in articles for s, e in split_sentences(a.text)]
    return [s for s in sentences if len(s) > 20], [a.title for a in articles if a.title]


def perturb_sentence(sentence: str, rng: random.Random, words: list[str]) -> str:
    """The same sentence with other figures and one syllable swapped: a distinct real-looking
    text (so de-duplication does not flatter the figures)."""
    sentence = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()))), sentence)
    parts = sentence.split(" ")
    at = rng.randrange(len(parts))
    if parts[at].isalpha():
        parts[at] = rng.choice(words)
    return " ".join(parts)


def _perturbed(base: np.ndarray, n: int, seed: int) -> np.ndarray:
    """`n` unit vectors: a real docs/ vector each, plus noise (cosine about 0.9 to it)."""
    rng = np.random.default_rng(seed)
    dim = base.shape[1]
    vectors = np.empty((n, dim), dtype=np.float32)
    for at in range(0, n, 100_000):
        m = min(100_000, n - at)
        v = base[rng.integers(0, len(base), m)] + rng.normal(0, 0.5 / np.sqrt(dim), (m, dim))
        vectors[at:at + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return vectors


def _chunk_texts(n: int, pool: list[str], titles: list[str], seed: int) -> list[str]:
    """`n` chunk texts as the store indexes them (title, then about 150 tokens: five real
    docs/ sentences recombined, each with other figures and one syllable swapped)."""
    rng = random.Random(seed)
    words = sorted({w for s in pool for w in s.split() if w.isalpha() and w.islower()})
    return [f"{rng.choice(titles)}\n"
            + " ".join(perturb_sentence(rng.choice(pool), rng, words) for _ in range(5))
            for _ in range(n)]


def build_lexical(texts: list[str]):
    """The store's lexical index over `texts`, as one segment."""
    from ..indexing.lexical import LexicalIndex

    exact, folded = LexicalIndex.build_fields(texts)
    return LexicalIndex([(exact, folded, np.arange(len(texts)))], len(texts))


def _lexical_mib(lexical) -> float:
    """Size of the postings of both fields, MiB."""
    return sum(getattr(postings, name).nbytes for field in (lexical.exact, lexical.folded)
               for postings, _ in field.parts
               for name in ("vocab", "ptr", "rows", "tf", "lengths")) / 2**20


def _tiled(lexical, times: int):
    """The BM25 index repeated `times` over, as `times` segments of the same postings
    (document d of copy j is d + j x n): postings as long as `times` x the corpus would give,
    so query latency is that of the larger index (its build was measured on the smaller one).
    Document frequencies and the total grow together, so the idf stays nearly the same."""
    from ..indexing.lexical import LexicalIndex

    n = lexical.exact.total
    (exact, pos), (folded, _) = lexical.exact.parts[0], lexical.folded.parts[0]
    return LexicalIndex([(exact, folded, pos + j * n) for j in range(times)], n * times)


class _Chunks:
    """`n` chunks made on demand (only the top k of a search are ever looked at)."""

    def __init__(self, n: int, texts: list[str]) -> None:
        self.n, self.texts = n, texts

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int):
        from ..schema import Chunk

        text = self.texts[i % len(self.texts)] if self.texts else ""
        return Chunk(id=f"bench#{i}", article_id=f"bench-{i // 5}", start=0, end=len(text),
                     text=text)


class _Articles(dict):
    def __missing__(self, key: str):
        from ..schema import Article

        return Article(id=key, text="", title="bench")


@dataclass(frozen=True)
class _BareIndex:
    """What `Retriever` reads of an `Index`: the search side of `n` chunks, no articles."""

    chunks: _Chunks
    dense: object
    lexical: object
    embedder_name: str
    articles: dict = field(default_factory=_Articles)
    restorer: None = None


@dataclass(frozen=True)
class _QueryVectors:
    name: str


def _timed(run, items) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        run(item)
        out.append((time.perf_counter() - t) * 1000)
    return out


def vector_side(settings: Settings, n: int, base: np.ndarray, queries: np.ndarray,
                questions: list[str], pool: list[str], titles: list[str], *,
                lexical_max: int = 100_000, ef_values: tuple[int, ...] = (16, 64, 128),
                cache: dict | None = None) -> dict:
    """Flat against HNSW, the lexical fields and the whole `Retriever.search` at `n` chunks.

    The BM25 fields are built (timed, peak memory) on at most `lexical_max` chunks; above
    that the index built is repeated up to `n` (`_tiled`) so the search runs over postings
    of the full size; the row says so (`lexical.built_chunks`, `lexical.tiled`)."""
    import faiss

    from ..indexing.retrieve import Retriever

    cache = {} if cache is None else cache
    times = -(-n // lexical_max)
    built = n // times
    n = built * times
    row: dict = {"chunks": n, "search_threads": 1}
    threads = faiss.omp_get_max_threads()  # builds use every core; searches one thread, as a
    faiss.omp_set_num_threads(1)  # server should (OMP_NUM_THREADS=1: idle threads spin)
    vectors = _perturbed(base, n, seed=n)
    row["vectors_mib"] = round(vectors.nbytes / 2**20)
    started = time.perf_counter()
    with PeakRss() as peak:
        flat = faiss.IndexFlatIP(base.shape[1])
        flat.add(vectors)
    row["flat"] = {"build_s": round(time.perf_counter() - started, 1), **peak.figures(),
                   **latency(_timed(lambda q, f=flat: f.search(q[None], 10), queries))}
    _, exact = flat.search(queries, 10)
    approximate = n > settings.ann_threshold  # what store._dense_index chooses
    if approximate:
        flat.reset()  # its memory, for the HNSW build
    started = time.perf_counter()
    faiss.omp_set_num_threads(threads)
    with PeakRss() as peak:  # as store._dense_index builds it above ann_threshold
        hnsw = faiss.IndexHNSWFlat(base.shape[1], settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = settings.hnsw_ef_construction
        hnsw.add(vectors)
    faiss.omp_set_num_threads(1)
    del vectors
    row["hnsw"] = {"m": settings.hnsw_m, "ef_construction": settings.hnsw_ef_construction,
                   "build_s": round(time.perf_counter() - started, 1), **peak.figures()}
    for ef in sorted(set(ef_values) | {settings.hnsw_ef_search}):
        params = faiss.SearchParametersHNSW(efSearch=max(ef, 10))
        took = _timed(lambda q, p=params: hnsw.search(q[None], 10, params=p), queries)
        _, approx = hnsw.search(queries, 10, params=params)
        row[f"hnsw_ef{ef}"] = {
            **latency(took),
            "recall@10": round(float(np.mean([len(set(a) & set(e)) / 10
                                              for a, e in zip(approx, exact)])), 3),
            "recall@5": round(float(np.mean([len(set(a[:5]) & set(e[:5])) / 5
                                             for a, e in zip(approx, exact)])), 3)}
    if built not in cache:
        texts = _chunk_texts(built, pool, titles, seed=built)
        started = time.perf_counter()
        with PeakRss() as peak:
            lexical = build_lexical(texts)
        cache.clear()
        cache[built] = (texts, lexical, {"built_chunks": built,
                                         "build_s": round(time.perf_counter() - started, 1),
                                         **peak.figures()})
    texts, lexical, figures = cache[built]
    row["lexical"] = {**figures, "tiled": times,
                      "index_mib": round(_lexical_mib(lexical) * times)}
    if times > 1:
        lexical = _tiled(lexical, times)
    index = _BareIndex(_Chunks(n, texts), hnsw if approximate else flat, lexical, "bench")
    retriever = Retriever(index, _QueryVectors("bench"), settings)
    asked = list(zip(questions, queries))
    row["search"] = {"index": "HNSW" if approximate else "flat",  # the whole search side held:
                     "process_rss_mib": round(_rss_now())}  # index, BM25, chunk texts
    for mode in ("dense", "lexical", "hybrid"):
        retriever.search(*asked[0][:1], mode=mode, query_vector=asked[0][1])  # warm
        row["search"][mode] = latency(_timed(
            lambda qv, m=mode: retriever.search(qv[0], mode=m, query_vector=qv[1]), asked))
    row["lexical"]["scores_only"] = latency(_timed(
        lambda q: lexical.scores(q, settings.exact_weight), questions))
    faiss.omp_set_num_threads(threads)
    row["hnsw"]["build_threads"] = threads
    return row
