"""The persisted index: articles, chunks, FAISS vectors and the lexical fields, with a manifest.

Layout of `index/`: `CURRENT` names the live build directory; each build directory holds
`manifest.json` (schema version, embedder and dimension, chunking, corpus hash, counts,
checksums of every file), `articles.jsonl`, `chunks.jsonl`, `dense.faiss` and `lexical/`.
A build is written beside the live one and switched to by replacing `CURRENT` atomically, so
a build killed halfway leaves the old index serving. `ensure_index` re-indexes only the
articles whose files changed, and rebuilds from scratch when the embedder, the chunking or
the schema changed: vectors of two models are never mixed.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np

from .chunk import chunk_article
from .embed import CachedEmbedder, Embedder
from .ingest import load_articles
from .lexical import DiacriticRestorer, LexicalIndex
from .schema import Article, Chunk
from .settings import Settings

__all__ = ["SCHEMA_VERSION", "Index", "IndexUnavailable", "BuildReport", "ensure_index",
           "load_index", "live_build", "passage_input"]

SCHEMA_VERSION = 5  # 5: metadata inferred from the text at ingest
_CURRENT = "CURRENT"


class IndexUnavailable(RuntimeError):
    """The index on disk is missing, damaged or unreadable; the message says what to do."""


@dataclass(frozen=True)
class Index:
    """Everything retrieval needs, loaded in memory."""

    articles: dict[str, Article]
    chunks: tuple[Chunk, ...]
    dense: object  # faiss.Index
    lexical: LexicalIndex
    manifest: dict
    directory: Path
    sentences: tuple[tuple[str, int, int], ...] = ()  # (article_id, start, end) of every sentence
    sentence_vectors: np.ndarray | None = None  # row i = sentences[i], for answer selection
    idf: dict[str, float] = field(default_factory=dict)  # folded term -> idf over chunks
    restorer: DiacriticRestorer | None = None  # puts diacritics back on plain queries

    @property
    def embedder_name(self) -> str:
        return self.manifest["embedder"]


@dataclass(frozen=True)
class BuildReport:
    """What `ensure_index` did, for the CLI and the UI to tell the user."""

    action: str  # "unchanged", "updated", "rebuilt"
    reason: str = ""
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    embedded: int = 0
    cached: int = 0
    errors: tuple[str, ...] = field(default=())
    seconds: float = 0.0


def passage_input(article: Article, chunk: Chunk) -> str:
    """The text embedded for a chunk: the article title gives the passage its context."""
    return f"{article.title}\n{chunk.text}" if article.title else chunk.text


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _config(settings: Settings, embedder: Embedder) -> dict:
    return {"schema_version": SCHEMA_VERSION, "embedder": embedder.name, "dim": embedder.dim,
            "chunking": {"max_tokens": settings.chunk_max_tokens,
                         "min_tokens": settings.chunk_min_tokens,
                         "overlap_sentences": settings.chunk_overlap_sentences}}


def _corpus_hash(articles: list[Article]) -> str:
    pairs = sorted(f"{a.id}:{a.content_hash}" for a in articles)
    return hashlib.sha256("\n".join(pairs).encode()).hexdigest()[:16]


def _live_dir(index_dir: Path) -> Path | None:
    pointer = index_dir / _CURRENT
    if not pointer.exists():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    return index_dir / name if name else None


def live_build(index_dir: Path) -> Path | None:
    """The build directory `CURRENT` names now (None when there is none or it is unreadable):
    a cheap check that lets a running server notice a build made by another process."""
    try:
        return _live_dir(index_dir)
    except (OSError, ValueError):
        return None


def _read_manifest(index_dir: Path) -> dict:
    build = _live_dir(index_dir)
    try:
        return json.loads((build / "manifest.json").read_text(encoding="utf-8")) if build else {}
    except (OSError, ValueError):
        return {}


def load_index(index_dir: Path) -> Index:
    """Load and verify the live build; raise IndexUnavailable with a readable message if
    unusable."""
    import faiss

    build = _live_dir(index_dir)
    if build is None:
        raise IndexUnavailable(f"no index in {index_dir}")
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
        for rel, digest in manifest["files"].items():
            if _sha256(build / rel) != digest:
                raise IndexUnavailable(f"index file {rel} does not match its checksum")
        articles = {}
        for line in (build / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            article = Article(**{**row, "inferred": tuple(row.get("inferred", ()))})
            articles[article.id] = article
        chunks = tuple(
            Chunk(**{**row, "sentences": tuple(tuple(s) for s in row["sentences"])})
            for row in map(json.loads,
                           (build / "chunks.jsonl").read_text(encoding="utf-8").splitlines()))
        dense = faiss.read_index(str(build / "dense.faiss"))
        lexical = LexicalIndex.load(build / "lexical")
        sentences = tuple((a, int(s), int(e)) for a, s, e in
                          json.loads((build / "sentences.json").read_text(encoding="utf-8")))
        sentence_vectors = np.load(build / "sentence_vectors.npy", allow_pickle=False)
    except IndexUnavailable:
        raise
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexUnavailable(f"index in {build} cannot be read ({type(exc).__name__}: {exc})") \
            from exc
    if dense.ntotal != len(chunks) or manifest["counts"]["chunks"] != len(chunks) \
            or len(sentence_vectors) != len(sentences):
        raise IndexUnavailable("index counts do not match (vectors, chunks, manifest)")
    restorer = DiacriticRestorer([c.text for c in chunks] + [a.title for a in articles.values()])
    return Index(articles, chunks, dense, lexical, manifest, build, sentences, sentence_vectors,
                 _idf(chunks), restorer)


def _idf(chunks: tuple[Chunk, ...]) -> dict[str, float]:
    from collections import Counter

    from .lexical import tokenize

    df = Counter(t for c in chunks for t in set(tokenize(c.text, folded=True)))
    n = max(len(chunks), 1)
    return {t: float(np.log(1 + (n - k + 0.5) / (k + 0.5))) for t, k in df.items()}


@contextmanager
def _lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _dense_index(vectors: np.ndarray, settings: Settings) -> object:
    import faiss

    dim = vectors.shape[1]
    if len(vectors) > settings.ann_threshold:
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(vectors)
    return index


def _write_build(index_dir: Path, articles: list[Article], chunks: list[Chunk],
                 vectors: np.ndarray, sentences: list[tuple[str, int, int]],
                 sentence_vectors: np.ndarray, settings: Settings, config: dict) -> Path:
    import faiss

    name = f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    staging = index_dir / f".staging-{name}"
    staging.mkdir(parents=True)
    with (staging / "articles.jsonl").open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    with (staging / "chunks.jsonl").open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    (staging / "sentences.json").write_text(json.dumps(sentences), encoding="utf-8")
    np.save(staging / "sentence_vectors.npy", sentence_vectors, allow_pickle=False)
    dense = _dense_index(vectors, settings)
    faiss.write_index(dense, str(staging / "dense.faiss"))
    by_id = {a.id: a for a in articles}
    LexicalIndex.build([passage_input(by_id[c.article_id], c) for c in chunks]).save(
        staging / "lexical")
    files = {str(p.relative_to(staging)): _sha256(p)
             for p in sorted(staging.rglob("*")) if p.is_file()}
    manifest = {**config, "corpus_hash": _corpus_hash(articles),
                "counts": {"articles": len(articles), "chunks": len(chunks)},
                "index_type": type(dense).__name__,
                "articles": {a.id: a.content_hash for a in articles},
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "files": files}
    (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    final = index_dir / name
    os.replace(staging, final)
    pointer = index_dir / f".{_CURRENT}.tmp"
    pointer.write_text(name + "\n", encoding="utf-8")
    with pointer.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, index_dir / _CURRENT)
    return final


def _remove_stale(index_dir: Path, keep: Path) -> None:
    for path in index_dir.iterdir():
        if path.is_dir() and path != keep and (path.name.startswith("build-")
                                               or path.name.startswith(".staging-")):
            shutil.rmtree(path, ignore_errors=True)


def ensure_index(settings: Settings, embedder: Embedder, *, rebuild: bool = False,
                 progress: bool = False) -> tuple[Index, BuildReport]:
    """Bring the index in line with docs/: load it, update what changed, or build it anew."""
    started = time.monotonic()
    index_dir = settings.index_dir
    with _lock(index_dir):
        articles, errors = load_articles(settings.docs_dir)
        config = _config(settings, embedder)
        old: Index | None = None
        reason = "requested" if rebuild else ""
        manifest = _read_manifest(index_dir)
        if manifest and any(manifest.get(k) != v for k, v in config.items()):
            reason, rebuild = "embedder, chunking or schema changed", True
        if not rebuild:
            try:
                old = load_index(index_dir)
            except IndexUnavailable as exc:
                reason = str(exc)
        current = {a.id: a.content_hash for a in articles}
        if old is not None and old.manifest["articles"] == current:
            return old, BuildReport("unchanged", errors=tuple(errors),
                                    seconds=time.monotonic() - started)
        if not articles:
            raise IndexUnavailable(f"no readable article in {settings.docs_dir}")
        before = old.manifest["articles"] if old is not None else {}
        chunks: list[Chunk] = []
        for article in articles:
            if before.get(article.id) == article.content_hash:
                chunks.extend(c for c in old.chunks if c.article_id == article.id)
            else:
                chunks.extend(chunk_article(article, embedder.count_tokens,
                                            max_tokens=settings.chunk_max_tokens,
                                            min_tokens=settings.chunk_min_tokens,
                                            overlap=settings.chunk_overlap_sentences))
        cached = CachedEmbedder(embedder, settings.cache_dir or index_dir / "cache")
        by_id = {a.id: a for a in articles}
        texts = [passage_input(by_id[c.article_id], c) for c in chunks]
        sentences = sorted({(c.article_id, s, e) for c in chunks for s, e in c.sentences})
        sentence_texts = [by_id[a].text[s:e] for a, s, e in sentences]
        bar = _progress_bar(len(texts) + len(sentences), progress)
        vectors = cached.embed_passages(texts, settings.embed_batch_size, progress=bar)
        sentence_vectors = cached.embed_passages(sentence_texts, settings.embed_batch_size,
                                                 progress=bar)
        if bar is not None:
            bar.close()
        cached.save()
        build = _write_build(index_dir, articles, chunks, vectors, sentences, sentence_vectors,
                             settings, config)
        _remove_stale(index_dir, build)
        index = load_index(index_dir)
    report = BuildReport(
        "updated" if old is not None else "rebuilt", reason=reason,
        added=tuple(sorted(set(current) - set(before))) if old is not None else (),
        changed=tuple(sorted(k for k in current if k in before and before[k] != current[k])),
        removed=tuple(sorted(set(before) - set(current))),
        embedded=cached.misses, cached=cached.hits, errors=tuple(errors),
        seconds=time.monotonic() - started)
    return index, report


def _progress_bar(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc="embedding", unit="text", leave=False)
