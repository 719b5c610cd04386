"""The bench's vector and lexical side alone, at 10^5 and 10^6 chunks, and its memory probe.

`vector_side(n)` builds what the store builds for `n` chunks, without articles or a model:
vectors drawn from a mixture fitted to real ones, exact (flat) and the store's approximate
index over them (re-scored on float16 vectors memory-mapped from a file, as the store keeps
them), the lexical side over chunk texts made of the real docs/ sentences recombined, and it
times the whole `Retriever.search` over that index: recall against exact, build times, peak
and resident memory, so the step that bounds a search at that size is named by figures.
"""
from __future__ import annotations

import random
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..indexing.live import Breadth, approximate_search
from .memory import PeakRss, latency, rss_now as _rss_now, trim as _trim
from ..settings import Settings

__all__ = ["PeakRss", "latency", "perturb_sentence", "real_sentences", "vector_side",
           "drawn_vectors"]


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


def drawn_vectors(base: np.ndarray, n: int, seed: int, components: int = 16) -> np.ndarray:
    """`n` unit vectors drawn from a Gaussian mixture fitted to the real vectors `base`
    (k-means components, each with the covariance of its residuals shrunk toward the
    diagonal): the anisotropic, clustered structure of real embeddings, which neither
    isotropic noise nor near-copies of a few vectors have."""
    import faiss

    rng = np.random.default_rng(seed)
    base = np.ascontiguousarray(base, dtype=np.float32)
    dim = base.shape[1]
    km = faiss.Kmeans(dim, max(1, min(components, len(base) // 8)), niter=20, seed=seed)
    km.train(base)
    label = km.index.search(base, 1)[1][:, 0]
    pick = rng.choice(km.k, size=n, p=np.bincount(label, minlength=km.k) / len(base))
    out = np.empty((n, dim), np.float32)
    for c in range(km.k):
        members, rows = base[label == c], np.flatnonzero(pick == c)
        if not len(rows) or not len(members):
            continue
        resid = members - members.mean(axis=0)
        cov = resid.T @ resid / max(len(members) - 1, 1)
        chol = np.linalg.cholesky(0.7 * cov + 0.3 * np.diag(np.diag(cov)) + 1e-6 * np.eye(dim))
        for at in range(0, len(rows), 100_000):
            part = rows[at:at + 100_000]
            z = rng.standard_normal((len(part), dim)).astype(np.float32)
            out[part] = members.mean(axis=0) + z @ chol.T.astype(np.float32)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def _chunk_texts(n: int, pool: list[str], titles: list[str], seed: int) -> list[str]:
    """`n` chunk texts as the store indexes them (title, then about 150 tokens: five real
    docs/ sentences recombined, each with other figures and one syllable swapped). `n`
    perturbed sentences are drawn, five per chunk (each used five times on average: the
    texts stay distinct, at a fifth of the perturbing)."""
    rng = random.Random(seed)
    words = sorted({w for s in pool for w in s.split() if w.isalpha() and w.islower()})
    drawn = [perturb_sentence(rng.choice(pool), rng, words) for _ in range(max(n, 5))]
    return [f"{rng.choice(titles)}\n" + " ".join(rng.choices(drawn, k=5)) for _ in range(n)]


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

    cache = {} if cache is None else cache
    if settings.lexical_engine != "tantivy":  # our postings are repeated: n a multiple
        n = (n // -(-n // lexical_max)) * -(-n // lexical_max)
    row: dict = {"chunks": n, "search_threads": 1}
    threads = faiss.omp_get_max_threads()  # builds use every core; searches one thread, as a
    faiss.omp_set_num_threads(1)  # server should (OMP_NUM_THREADS=1: idle threads spin)
    vectors = drawn_vectors(np.concatenate([base, queries]), n, seed=n)
    row["vectors_mib"] = round(vectors.nbytes / 2**20)
    started = time.perf_counter()
    with PeakRss() as peak:
        flat = faiss.IndexFlatIP(base.shape[1])
        flat.add(vectors)
    row["flat"] = {"build_s": round(time.perf_counter() - started, 1), **peak.figures(),
                   **latency(_timed(lambda q, f=flat: f.search(q[None], 10), queries))}
    _, exact = flat.search(queries, 10)
    work = Path(tempfile.mkdtemp(prefix="bench-side-"))
    held = [vectors, flat]  # handed over: the float32 copies are freed once the index is built
    del vectors, flat
    try:
        return _searched(settings, row, n, held, exact, queries, questions, pool, titles,
                         lexical_max, ef_values, cache, threads, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _stored(vectors: np.ndarray, folder: Path) -> np.ndarray:
    """The vectors as the store keeps them: float16 in a file, memory-mapped (only the rows a
    search re-scores are read into memory)."""
    path = folder / "chunk_vectors.npy"
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float16, shape=vectors.shape)
    for at in range(0, len(vectors), 100_000):
        out[at:at + 100_000] = vectors[at:at + 100_000]
    out.flush()
    return np.load(path, mmap_mode="r")  # `out` unmapped on return


def _searched(settings: Settings, row: dict, n: int, held: list, exact, queries, questions,
              pool, titles, lexical_max: int, ef_values, cache: dict, threads: int,
              work: Path) -> dict:
    """The approximate index, the lexical side and the whole search of `vector_side`."""
    import faiss

    from ..indexing.retrieve import Retriever
    from ..indexing.segments import dense_index

    vectors, flat = held
    held.clear()
    approximate = n > settings.ann_threshold  # what the store chooses
    stored = _stored(vectors, work)  # the precision the store keeps, memory-mapped
    dense = flat
    if approximate:
        dense = flat = None  # its memory, for the approximate build (reset() keeps it)
        started = time.perf_counter()
        faiss.omp_set_num_threads(threads)
        with PeakRss() as peak:  # as segments.dense_index builds it above ann_threshold
            ann = dense_index(vectors, settings)
        faiss.omp_set_num_threads(1)
        row["ann"] = {"kind": settings.ann_index, "build_s": round(time.perf_counter() - started,
                                                                   1),
                      "index_mib": round(len(faiss.serialize_index(ann)) / 2**20),
                      "build_threads": threads, **peak.figures()}
        hnsw = settings.ann_index == "hnsw"
        shipped = settings.hnsw_ef_search if hnsw else settings.ivf_nprobe
        for b in sorted(set(ef_values) | {shipped}):
            breadth = Breadth(ef_search=b) if hnsw else Breadth(nprobe=b)
            took, found = [], []
            for q in queries:
                t = time.perf_counter()
                found.append(approximate_search(ann, stored, q[None], settings.candidates,
                                                breadth)[1][:10])
                took.append((time.perf_counter() - t) * 1000)
            row[f"breadth{b}"] = {**latency(took), **_recall(found, exact)}
        dense = _Approximate(ann, stored)
    del vectors
    lexical, figures, texts = _lexical_side(settings, n, pool, titles, lexical_max, cache,
                                            work)
    row["lexical"] = figures
    index = _BareIndex(_Chunks(n, texts), dense, lexical, "bench")
    retriever = Retriever(index, _QueryVectors("bench"), settings)
    asked = list(zip(questions, queries))
    row["search"] = {"index": settings.ann_index if approximate else "flat",
                     "lexical_engine": settings.lexical_engine}
    for mode in ("dense", "lexical", "hybrid"):
        retriever.search(*asked[0][:1], mode=mode, query_vector=asked[0][1])  # warm
        row["search"][mode] = latency(_timed(
            lambda qv, m=mode: retriever.search(qv[0], mode=m, query_vector=qv[1]), asked))
    # the whole search side held (index, stored vectors, lexical side, chunk texts); what the
    # builds above freed is first handed back to the system (glibc keeps it otherwise)
    _trim()
    row["search"]["process_rss_mib"] = round(_rss_now())
    row["search"]["rss_file_mib"] = round(_rss_now("RssFile:"))
    found = [[int(h.chunk.id.split("#")[1]) for h in retriever.search(
        q, k=10, mode="dense", query_vector=v)] for q, v in asked]
    row["search"].update(_recall(found, exact))  # the shipped settings against exact
    row["lexical"]["scores_only"] = latency(_timed(
        lambda q: lexical.scores(q, settings.exact_weight), questions))
    faiss.omp_set_num_threads(threads)
    return row


def _recall(found, exact) -> dict:
    return {"recall@10": round(float(np.mean([len(set(a[:10]) & set(e)) / 10
                                              for a, e in zip(found, exact)])), 3),
            "recall@5": round(float(np.mean([len(set(a[:5]) & set(e[:5])) / 5
                                             for a, e in zip(found, exact)])), 3)}


@dataclass(frozen=True)
class _Approximate:
    """The store's approximate search over one segment: candidates re-scored on the stored
    vectors (`live.approximate_search`)."""

    index: object
    vectors: np.ndarray
    hnsw: bool = True  # marks an approximate index: the retriever passes its breadth

    @property
    def ntotal(self) -> int:
        return self.index.ntotal

    def search(self, query, k, params=None):
        scores, rows = approximate_search(self.index, self.vectors,
                                          np.asarray(query, np.float32).reshape(1, -1), k,
                                          params)
        return scores[None, :k], rows[None, :k]


def _lexical_side(settings: Settings, n: int, pool, titles, lexical_max: int, cache: dict,
                  work: Path):
    """The lexical side at `n` chunks: on tantivy, every chunk text indexed; on our postings,
    at most `lexical_max` built and repeated (`_tiled`). Returns (index, figures, texts)."""
    if settings.lexical_engine == "tantivy":
        from ..indexing import tantivy_lexical as tl

        built = min(n, lexical_max)
        texts = _chunk_texts(built, pool, titles, seed=built)
        folder = work / "lexical-tantivy"
        started = time.perf_counter()
        with PeakRss() as peak:
            ids = [f"bench-{i // 5}" for i in range(n)]  # five chunks an article, as `_Chunks`
            tl.sync(folder, [("bench", ids, frozenset(),
                              lambda: _texts_of(n, texts, pool, titles))])
        mib = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
        lexical = tl.TantivyLexical(folder, {"bench": np.arange(n)}, n,
                                    max(4 * settings.candidates, 200),
                                    settings.lexical_max_df, settings.lexical_max_df_from)
        return lexical, {"engine": "tantivy", "built_chunks": n, "tiled": 1,
                         "build_s": round(time.perf_counter() - started, 1),
                         "index_mib": round(mib), **peak.figures()}, texts
    times = -(-n // lexical_max)
    built = n // times
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
    figures = {**figures, "engine": "own", "tiled": times,
               "index_mib": round(_lexical_mib(lexical) * times)}
    return (_tiled(lexical, times) if times > 1 else lexical), figures, texts


def _texts_of(n: int, texts: list[str], pool, titles):
    """The chunk texts of rows 0..n: those built, then new ones made in batches."""
    yield from texts
    for at in range(len(texts), n, 50_000):
        yield from _chunk_texts(min(50_000, n - at), pool, titles, seed=at)
