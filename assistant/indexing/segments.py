"""One segment of the index on disk: a set of articles with everything search needs for them.

A segment is written once, into `index/segments/.staging-seg-*`, renamed to `seg-*`, and never
changed afterwards; builds name the segments they are made of (and which of their articles
are removed), so an update writes only a segment for the articles that changed. Large arrays
are `.npy` files, checked and read at load (memory-mapped when large, `arrays`); the article
texts are one JSON line each.

Files of a segment (row = position in the segment):
`articles.jsonl` (sorted by file name), `chunks.npy` (article row, ordinal, start, end; the
chunks of an article are consecutive, `article_chunks.npy` gives each article's first row),
`chunk_spans.npy` + `chunk_span_ptr.npy` (each chunk's sentence spans), `sentences.npy`
(article row, start, end; sorted by article id then offsets, `article_sentences.npy` gives each
article's first row and count), `sentence_vectors.npy`, `chunk_vectors.npy`, `dense.faiss`
(an HNSW graph over the chunk vectors, only above `ann_threshold` chunks), `exact-*.npy` and
`folded-*.npy` (the two lexical fields), `names.json` (each article's names, `tables`),
`stats.json` (folded-term document frequencies over
chunk texts and the restorer's syllable counts, read on the first question only).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from .arrays import load_array
from .lexical import DiacriticRestorer, LexicalIndex, Postings, tokenize
from .tables import read_names, write_names
from ..schema import Article, Chunk
from ..settings import Settings

__all__ = ["SEGMENTS", "APPROXIMATE", "NewSegment", "Segment", "write_segment", "sha256",
           "chunk_stats", "dense_index"]

SEGMENTS = "segments"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class NewSegment:
    """What a segment is written from: articles sorted by file name, their chunks grouped by
    article in that order, one vector per chunk, the sentences sorted by (article id, start,
    end) with one vector each, and each chunk's indexed text (title + chunk)."""

    articles: Sequence[Article]
    chunks: Sequence[Chunk]
    chunk_vectors: np.ndarray
    sentences: Sequence[tuple[str, int, int]]
    sentence_vectors: np.ndarray
    passages: Sequence[str]


def chunk_stats(chunks: Sequence[Chunk], titles: Sequence[str]) -> dict:
    """Document frequencies of folded terms over chunk texts, and the restorer's syllable
    counts over chunk texts and titles: the tables `Index.idf` and `Index.restorer` add up."""
    df: Counter[str] = Counter(t for c in chunks for t in set(tokenize(c.text, folded=True)))
    uni, bi = DiacriticRestorer.counts([c.text for c in chunks] + list(titles))
    return {"df": df, "uni": uni, "bi": bi}


APPROXIMATE = ("IndexHNSWFlat", "IndexIVFScalarQuantizer")


def dense_index(vectors: np.ndarray, settings: Settings):
    """The approximate index the store builds above `ann_threshold` chunks (`ann_index`)."""
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    dim = vectors.shape[1]
    if settings.ann_index == "hnsw":
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = settings.hnsw_ef_construction
    else:
        # 2 sqrt(n) lists trained on 40 vectors each, 10 rounds: the build at 10^6 chunks
        # in minutes (4 sqrt(n) on 64 each, faiss's 25 rounds: 11 min here, eval/vector_side.py)
        nlist = max(1, min(int(2 * np.sqrt(len(vectors))), len(vectors) // 39))
        index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, nlist,
                                              faiss.ScalarQuantizer.QT_8bit,
                                              faiss.METRIC_INNER_PRODUCT)
        index.cp.niter = 10
        sample = np.random.default_rng(0).choice(len(vectors), min(len(vectors), 40 * nlist),
                                                 replace=False)
        index.train(vectors[np.sort(sample)])
    for at in range(0, len(vectors), 100_000):
        index.add(vectors[at:at + 100_000])
    return index


def _dense_file(vectors: np.ndarray, settings: Settings, path: Path) -> str:
    """Writes an approximate index above `ann_threshold` chunks; returns the type searched."""
    import faiss

    if len(vectors) <= settings.ann_threshold:
        return "IndexFlatIP"
    index = dense_index(vectors, settings)
    faiss.write_index(index, str(path))
    return type(index).__name__


def write_segment(root: Path, new: NewSegment, settings: Settings) -> dict:
    """Write `new` as a segment under `root` (the `segments/` folder); returns its entry for
    the build manifest: name, counts, index type, and the checksum and size of every file."""
    name = f"seg-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**9}"
    staging = root / f".staging-{name}"
    staging.mkdir(parents=True)
    row = {a.id: i for i, a in enumerate(new.articles)}
    with (staging / "articles.jsonl").open("w", encoding="utf-8") as out:
        for article in new.articles:
            out.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    chunks = np.zeros((len(new.chunks), 4), dtype=np.int64)
    spans: list[tuple[int, int]] = []
    span_ptr = np.zeros(len(new.chunks) + 1, dtype=np.int64)
    first_chunk = np.zeros(len(new.articles) + 1, dtype=np.int64)
    for i, chunk in enumerate(new.chunks):
        chunks[i] = (row[chunk.article_id], int(chunk.id.rsplit("#", 1)[1]), chunk.start,
                     chunk.end)
        spans.extend(chunk.sentences)
        span_ptr[i + 1] = len(spans)
    np.add.at(first_chunk, chunks[:, 0] + 1, 1)
    np.cumsum(first_chunk, out=first_chunk)
    sentences = np.asarray([(row[a], s, e) for a, s, e in new.sentences],
                           dtype=np.int64).reshape(-1, 3)
    per_article = np.zeros((len(new.articles), 2), dtype=np.int64)
    for i, (a, _, _) in enumerate(new.sentences):
        r = row[a]
        if not per_article[r, 1]:
            per_article[r, 0] = i
        per_article[r, 1] += 1
    arrays = {"chunks": chunks, "chunk_spans": np.asarray(spans, np.int64).reshape(-1, 2),
              "chunk_span_ptr": span_ptr, "article_chunks": first_chunk,
              "sentences": sentences, "article_sentences": per_article,
              # half precision: cosines of unit vectors to about 1e-3, which neither the
              # ranking nor the answers notice (eval), at half the disk and page cache
              "sentence_vectors": np.asarray(new.sentence_vectors, dtype=np.float16),
              "chunk_vectors": np.asarray(new.chunk_vectors, dtype=np.float16)}
    for key, value in arrays.items():
        np.save(staging / f"{key}.npy", value, allow_pickle=False)
    if settings.lexical_engine == "own":  # tantivy keeps its own index (tantivy_lexical)
        exact, folded = LexicalIndex.build_fields(new.passages)
        exact.save(staging, "exact")
        folded.save(staging, "folded")
    write_names(staging, new.articles)
    stats = chunk_stats(new.chunks, [a.title for a in new.articles])
    (staging / "stats.json").write_text(json.dumps(
        {"df": stats["df"], "uni": stats["uni"],
         "bi": {f"{a} {b}": n for (a, b), n in stats["bi"].items()}}, ensure_ascii=False),
        encoding="utf-8")
    index_type = _dense_file(arrays["chunk_vectors"].astype(np.float32), settings,
                             staging / "dense.faiss")
    paths = sorted(p for p in staging.iterdir() if p.is_file())
    os.replace(staging, root / name)
    return {"name": name, "articles": len(new.articles), "chunks": len(new.chunks),
            "index_type": index_type,
            "files": {f"{name}/{p.name}": sha256(root / name / p.name) for p in paths},
            "sizes": {f"{name}/{p.name}": (root / name / p.name).stat().st_size for p in paths}}


def _load(path: Path) -> np.ndarray:
    """An array checked (header, size) before use; in memory, or memory-mapped when large
    (`arrays`)."""
    return load_array(path)


@dataclass
class Segment:
    """A segment read back: article texts in memory, every array checked and loaded."""

    name: str
    directory: Path
    articles: list[Article]
    index_type: str
    _arrays: dict = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, directory: Path, index_type: str) -> "Segment":
        articles = []
        for line in (directory / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            articles.append(Article(**{**row, "inferred": tuple(row.get("inferred", ()))}))
        segment = cls(directory.name, directory, articles, index_type)
        for key in ("chunks", "chunk_spans", "chunk_span_ptr", "article_chunks", "sentences",
                    "article_sentences", "sentence_vectors", "chunk_vectors"):
            segment._arrays[key] = _load(directory / f"{key}.npy")
        if len(segment._arrays["article_chunks"]) != len(articles) + 1 \
                or len(segment._arrays["sentences"]) != len(segment.sentence_vectors) \
                or len(segment._arrays["chunks"]) != len(segment.chunk_vectors):
            raise ValueError(f"segment {directory.name}: counts do not match")
        if (directory / "exact-vocab.npy").is_file():  # else made when first needed (live)
            segment._arrays["exact"] = Postings.load(directory, "exact")
            segment._arrays["folded"] = Postings.load(directory, "folded")
        return segment

    def __getattr__(self, key: str):
        arrays = self.__dict__.get("_arrays", {})
        if key in arrays:
            return arrays[key]
        raise AttributeError(key)

    @property
    def dense(self):
        """The approximate index of this segment (None when it is searched exactly)."""
        if self.index_type not in APPROXIMATE:
            return None
        if "dense" not in self._arrays:
            import faiss

            self._arrays["dense"] = faiss.read_index(str(self.directory / "dense.faiss"))
        return self._arrays["dense"]

    @property
    def names(self) -> list:
        """Each article row's multi-word names (`tables.names.json`), read on first use."""
        if "names" not in self._arrays:
            self._arrays["names"] = read_names(self.directory, self.articles)
        return self._arrays["names"]

    def chunk_rows(self, article_row: int) -> tuple[int, int]:
        return int(self.article_chunks[article_row]), int(self.article_chunks[article_row + 1])

    def sentence_rows(self, article_row: int) -> tuple[int, int]:
        first, count = self.article_sentences[article_row]
        return int(first), int(first + count)

    def chunk(self, row: int) -> Chunk:
        a, ordinal, start, end = (int(v) for v in self.chunks[row])
        article = self.articles[a]
        lo, hi = int(self.chunk_span_ptr[row]), int(self.chunk_span_ptr[row + 1])
        return Chunk(id=f"{article.id}#{ordinal}", article_id=article.id, start=start, end=end,
                     text=article.text[start:end],
                     sentences=tuple((int(s), int(e)) for s, e in self.chunk_spans[lo:hi]))

    def chunks_at(self, rows: np.ndarray) -> list[Chunk]:
        """The chunks of these rows, made in one pass (what iterating the index does)."""
        table, ptr, spans = self.chunks[rows].tolist(), self.chunk_span_ptr, self.chunk_spans
        lo, hi = ptr[rows].tolist(), ptr[np.asarray(rows) + 1].tolist()
        out = []
        for (a, ordinal, start, end), s, e in zip(table, lo, hi):
            article = self.articles[a]
            out.append(Chunk(id=f"{article.id}#{ordinal}", article_id=article.id, start=start,
                             end=end, text=article.text[start:end],
                             sentences=tuple(map(tuple, spans[s:e].tolist()))))
        return out

    def sentences_at(self, rows: np.ndarray) -> list[tuple[str, int, int]]:
        return [(self.articles[a].id, s, e) for a, s, e in self.sentences[rows].tolist()]

    def article_chunks_of(self, article_row: int) -> list[Chunk]:
        return [self.chunk(r) for r in range(*self.chunk_rows(article_row))]

    def sentence_texts(self, article_row: int) -> list[str]:
        """The article's sentences as embedded (for forgetting them in the cache)."""
        text = self.articles[article_row].text
        return [text[int(s):int(e)] for _, s, e in self.sentences[slice(
            *self.sentence_rows(article_row))]]

    def stats(self) -> dict:
        data = json.loads((self.directory / "stats.json").read_text(encoding="utf-8"))
        return {"df": Counter(data["df"]), "uni": Counter(data["uni"]),
                "bi": Counter({tuple(k.split(" ", 1)): n for k, n in data["bi"].items()})}
