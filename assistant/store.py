"""The persisted index: articles, chunks, FAISS vectors and the lexical fields, with a manifest.

Layout of `index/`: `CURRENT` names the live build directory; each build directory holds
`manifest.json` (schema version, embedder and dimension, chunking, corpus hash, counts, the
hash of every docs/ file it was built from, checksums of every file), `articles.jsonl`,
`chunks.jsonl`, `dense.faiss`, `sentences.json`, `sentence_vectors.npy` and `lexical/`.
A build is written beside the live one and switched to by replacing `CURRENT` atomically, so
a build killed halfway leaves the old index serving, and readers never wait for a writer:
when docs/ is unchanged the index is loaded without taking the lock, and while another
process builds, a reader serves the last good build. `ensure_index` re-indexes only the
articles whose files changed, and rebuilds from scratch when the embedder, the chunking or
the schema changed: vectors of two models are never mixed. Any damaged file under index/ is
reported in one line and rebuilt or set aside (the embedding cache is only a cache).

Only sentences (and titles) are embedded: a chunk's vector is the normalized mean of its
sentences' vectors plus its title's (`Settings.chunk_vectors`), which halves a cold build and
gives the answerer the sentence vectors it scores with.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from . import messages as msg
from .chunk import chunk_article
from .embed import CachedEmbedder, Embedder
from .ingest import list_doc_files, load_articles
from .lexical import DiacriticRestorer, LexicalIndex
from .schema import Article, Chunk
from .settings import Settings

__all__ = ["SCHEMA_VERSION", "Index", "IndexUnavailable", "BuildReport", "ensure_index",
           "load_index", "live_build", "passage_input"]

SCHEMA_VERSION = 6  # 6: photo captions marked on the article (5: inferred metadata)
_CURRENT = "CURRENT"
_BUILD_NAME = re.compile(r"build-[A-Za-z0-9_.-]{1,120}")
_VERIFY_BYTES = 32 << 20  # files up to this size are checksummed at load, larger ones sized
_log = logging.getLogger(__name__)


class IndexUnavailable(RuntimeError):
    """The index on disk is missing, damaged or unreadable; the message says what to do."""


@dataclass(frozen=True)
class Index:
    """Everything retrieval needs. The idf and restorer tables are built on first use."""

    articles: dict[str, Article]
    chunks: tuple[Chunk, ...]
    dense: object  # faiss.Index
    lexical: LexicalIndex
    manifest: dict
    directory: Path
    sentences: tuple[tuple[str, int, int], ...] = ()  # (article_id, start, end) of every sentence
    sentence_vectors: np.ndarray | None = None  # row i = sentences[i], for answer selection
    _lazy: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def embedder_name(self) -> str:
        return self.manifest["embedder"]

    def _table(self, name: str, make):
        lazy = self._lazy
        if name not in lazy:
            with lazy.setdefault("lock", threading.Lock()):
                if name not in lazy:
                    lazy[name] = make()
        return lazy[name]

    def _saved(self, name: str) -> dict | None:
        try:
            return json.loads((self.directory / f"{name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # an older build, or damaged: computed from the chunks instead

    @property
    def idf(self) -> dict[str, float]:
        """Folded term -> idf over chunks (saved with the build, read on first use)."""
        return self._table("idf", lambda: self._saved("idf") or _idf(self.chunks))

    @property
    def restorer(self) -> DiacriticRestorer:
        """Puts diacritics back on plain queries, from the corpus's own syllable statistics
        (saved with the build, read on first use)."""
        def make() -> DiacriticRestorer:
            saved = self._saved("restorer")
            try:
                return DiacriticRestorer.from_json(saved)
            except (TypeError, KeyError, AttributeError, ValueError):
                return _restorer(self.chunks, self.articles)
        return self._table("restorer", make)


def _restorer(chunks, articles: dict[str, Article]) -> DiacriticRestorer:
    return DiacriticRestorer([c.text for c in chunks] + [a.title for a in articles.values()])


@dataclass(frozen=True)
class BuildReport:
    """What `ensure_index` did, for the CLI and the UI to tell the user."""

    action: str  # "unchanged", "updated", "rebuilt", or "busy" (another process is building)
    reason: str = ""
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    embedded: int = 0
    cached: int = 0
    errors: tuple[str, ...] = field(default=())
    seconds: float = 0.0
    repaired: tuple[str, ...] = ()  # damaged files set aside (one Vietnamese line each)


def passage_input(article: Article, chunk: Chunk) -> str:
    """The text a chunk is indexed with: the article title gives the passage its context."""
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
                         "overlap_sentences": settings.chunk_overlap_sentences},
            "chunk_vectors": {"from": settings.chunk_vectors,
                              "title_weight": settings.chunk_title_weight},
            "max_article_chars": settings.max_article_chars}


def _corpus_hash(articles: list[Article]) -> str:
    pairs = sorted(f"{a.id}:{a.content_hash}" for a in articles)
    return hashlib.sha256("\n".join(pairs).encode()).hexdigest()[:16]


def _doc_sources(docs_dir: Path) -> dict[str, str]:
    """Raw-byte hash of every file of docs/: equal to the manifest's means nothing to do,
    with no article parsed or cleaned."""
    sources = {}
    for path in list_doc_files(docs_dir):
        try:
            sources[path.name] = _sha256(path)[:16]
        except OSError:
            sources[path.name] = "unreadable"
    return sources


def _read_pointer(index_dir: Path) -> tuple[Path | None, str]:
    """(live build directory, "") or (None, what is wrong with `CURRENT`; "" when absent)."""
    pointer = index_dir / _CURRENT
    try:
        if pointer.is_dir():
            return None, f"{_CURRENT} is a folder"
        with pointer.open("rb") as handle:
            raw = handle.read(512)
        name = raw.decode("ascii").strip()
    except FileNotFoundError:
        return None, ""
    except UnicodeDecodeError:
        return None, f"{_CURRENT} holds binary bytes"
    except OSError as exc:
        return None, f"{_CURRENT} unreadable ({exc.strerror or exc})"
    if not _BUILD_NAME.fullmatch(name):
        return None, f"{_CURRENT} names no build"
    if not (index_dir / name).is_dir():
        return None, f"{_CURRENT} names a missing build {name}"
    return index_dir / name, ""


def live_build(index_dir: Path) -> Path | None:
    """The build directory `CURRENT` names now (None when there is none or it is unreadable):
    a cheap check that lets a running server notice a build made by another process."""
    return _read_pointer(index_dir)[0]


def _read_manifest(build: Path | None) -> dict:
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8")) \
            if build else {}
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def load_index(index_dir: Path, settings: Settings | None = None) -> Index:
    """Load and verify the live build; raise IndexUnavailable with a readable message if unusable.
    With `settings`, the search side is the store they name (Milvus or the files here)."""
    index = _load(index_dir)
    return _attach(index, settings) if settings is not None else index


def _load(index_dir: Path) -> Index:
    import faiss

    build, problem = _read_pointer(index_dir)
    if build is None:
        raise IndexUnavailable(problem or f"no index in {index_dir}")
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
        for rel, digest in manifest["files"].items():
            path = build / rel
            size = manifest.get("sizes", {}).get(rel)
            if size is not None and path.stat().st_size != size:
                raise IndexUnavailable(f"index file {rel} does not match its checksum (size)")
            if (size is None or size <= _VERIFY_BYTES) and _sha256(path) != digest:
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
        sentence_vectors = np.load(build / "sentence_vectors.npy", allow_pickle=False,
                                   mmap_mode="r")
    except IndexUnavailable:
        raise
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, AttributeError) as exc:
        raise IndexUnavailable(f"index in {build} cannot be read ({type(exc).__name__}: {exc})") \
            from exc
    if dense.ntotal != len(chunks) or manifest["counts"]["chunks"] != len(chunks) \
            or len(sentence_vectors) != len(sentences):
        raise IndexUnavailable("index counts do not match (vectors, chunks, manifest)")
    return Index(articles, chunks, dense, lexical, manifest, build, sentences, sentence_vectors)


def _idf(chunks: tuple[Chunk, ...]) -> dict[str, float]:
    from collections import Counter

    from .lexical import tokenize

    df = Counter(t for c in chunks for t in set(tokenize(c.text, folded=True)))
    n = max(len(chunks), 1)
    return {t: float(np.log(1 + (n - k + 0.5) / (k + 0.5))) for t, k in df.items()}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextmanager
def _lock_file(index_dir: Path) -> Iterator[object]:
    """The open lock file of `index_dir` (not locked yet); a damaged one is replaced."""
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / ".lock"
    if path.is_dir() or path.is_symlink():
        _remove(path)
    with path.open("a") as handle:
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _try_lock(handle) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _dense_index(vectors: np.ndarray, settings: Settings) -> object:
    import faiss

    dim = vectors.shape[1]
    if len(vectors) > settings.ann_threshold:
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = settings.hnsw_ef_construction
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(vectors)
    return index


def _write_build(index_dir: Path, articles: list[Article], chunks: list[Chunk],
                 vectors: np.ndarray, sentences: list[tuple[str, int, int]],
                 sentence_vectors: np.ndarray, settings: Settings, config: dict,
                 sources: dict[str, str], skipped: list[str]) -> Path:
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
    (staging / "idf.json").write_text(json.dumps(_idf(tuple(chunks)), ensure_ascii=False),
                                      encoding="utf-8")
    (staging / "restorer.json").write_text(
        json.dumps(_restorer(chunks, by_id).to_json(), ensure_ascii=False), encoding="utf-8")
    paths = [p for p in sorted(staging.rglob("*")) if p.is_file()]
    manifest = {**config, "corpus_hash": _corpus_hash(articles),
                "counts": {"articles": len(articles), "chunks": len(chunks)},
                "index_type": type(dense).__name__,
                "articles": {a.id: a.content_hash for a in articles},
                "sources": sources, "skipped": skipped,
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "files": {str(p.relative_to(staging)): _sha256(p) for p in paths},
                "sizes": {str(p.relative_to(staging)): p.stat().st_size for p in paths}}
    (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    final = index_dir / name
    os.replace(staging, final)
    pointer = index_dir / f".{_CURRENT}.tmp"
    _remove(pointer)
    pointer.write_text(name + "\n", encoding="utf-8")
    with pointer.open("rb") as handle:
        os.fsync(handle.fileno())
    if (index_dir / _CURRENT).is_dir():
        _remove(index_dir / _CURRENT)
    os.replace(pointer, index_dir / _CURRENT)
    return final


def _remove_stale(index_dir: Path, keep: set[Path]) -> None:
    """Drop old builds and dead staging folders; the build just replaced is kept one round
    so a reader that was loading it when `CURRENT` moved still finishes."""
    for path in index_dir.iterdir():
        if path.is_dir() and path not in keep and (path.name.startswith("build-")
                                                   or path.name.startswith(".staging-")):
            shutil.rmtree(path, ignore_errors=True)


def _ready(settings: Settings, config: dict) -> tuple[Index, dict] | None:
    """The live index when it was built from exactly today's docs/ with this configuration
    (no lock taken, no article parsed), else None."""
    build, _ = _read_pointer(settings.index_dir)
    manifest = _read_manifest(build)
    if not manifest or any(manifest.get(k) != v for k, v in config.items()):
        return None
    if manifest.get("sources") != _doc_sources(settings.docs_dir):
        return None
    try:
        return load_index(settings.index_dir), manifest
    except IndexUnavailable:
        return None


def ensure_index(settings: Settings, embedder: Embedder, *, rebuild: bool = False,
                 progress: bool = False, wait: bool = False,
                 on_progress: Callable[[int, int], None] | None = None
                 ) -> tuple[Index, BuildReport]:
    """Bring the index in line with docs/: load it, update what changed, or build it anew.

    Readers never wait: when docs/ is unchanged no lock is taken, and when another process is
    building, the last good build is returned (action "busy") unless `wait` (writers: the
    `index` command, library changes) or there is no usable build; a caller that waits is
    told so in the log. `on_progress(done, total)` follows the texts the embedding cache
    lacks as they are embedded (first with done 0); it may raise to stop the build, which
    then leaves the index as it was.
    """
    started = time.monotonic()
    config = _config(settings, embedder)
    if not rebuild:
        ready = _ready(settings, config)
        if ready is not None:
            skipped = tuple(ready[1].get("skipped", ()))
            return _attach(ready[0], settings), BuildReport(
                "unchanged", errors=skipped, seconds=time.monotonic() - started)
    with _lock_file(settings.index_dir) as handle:
        if not _try_lock(handle):
            if not wait and not rebuild:
                try:
                    old = load_index(settings.index_dir)
                except IndexUnavailable:
                    old = None
                if old is not None and old.embedder_name == embedder.name:
                    return _attach(old, settings), BuildReport(
                        "busy", seconds=time.monotonic() - started)
            _log.warning(msg.INDEX_WAITING.format(path=settings.index_dir))
            fcntl.flock(handle, fcntl.LOCK_EX)
        index, report = _ensure_locked(settings, embedder, config, rebuild, progress, started,
                                       on_progress)
        return _attach(index, settings), report


def _ensure_locked(settings: Settings, embedder: Embedder, config: dict, rebuild: bool,
                   progress: bool, started: float,
                   on_progress: Callable[[int, int], None] | None = None
                   ) -> tuple[Index, BuildReport]:
    index_dir = settings.index_dir
    reason = "requested" if rebuild else ""
    build, problem = _read_pointer(index_dir)
    if problem:
        reason = problem
        _remove(index_dir / _CURRENT)
    manifest = _read_manifest(build)
    if manifest and any(manifest.get(k) != v for k, v in config.items()):
        reason, rebuild = "embedder, chunking or schema changed", True
    sources = _doc_sources(settings.docs_dir)
    old: Index | None = None
    if not rebuild and build is not None:
        try:
            old = load_index(index_dir)
        except IndexUnavailable as exc:
            reason = str(exc)
    if old is not None and old.manifest.get("sources") == sources:
        # another process built what we need while we waited
        return old, BuildReport("unchanged", errors=tuple(old.manifest.get("skipped", ())),
                                seconds=time.monotonic() - started)
    # of two files with one id, the one the previous build indexed keeps it (never replaced)
    indexed = {a.id: a.path for a in old.articles.values()} if old is not None else None
    articles, errors = load_articles(settings.docs_dir, indexed=indexed)
    articles, errors = _within_size(articles, errors, settings.max_article_chars)
    current = {a.id: a.content_hash for a in articles}
    if old is not None and old.manifest["articles"] == current:
        _update_manifest(old.directory, sources=sources, skipped=errors)
        return old, BuildReport("unchanged", errors=tuple(errors),
                                seconds=time.monotonic() - started)
    if not articles:
        raise IndexUnavailable(f"no readable article in {settings.docs_dir}")
    before = old.manifest["articles"] if old is not None else {}
    kept: dict[str, list[Chunk]] = {}
    for chunk in old.chunks if old is not None else ():
        kept.setdefault(chunk.article_id, []).append(chunk)
    chunks: list[Chunk] = []
    for article in articles:
        if before.get(article.id) == article.content_hash:
            chunks.extend(kept.get(article.id, ()))
        else:
            chunks.extend(chunk_article(article, embedder.count_tokens,
                                        max_tokens=settings.chunk_max_tokens,
                                        min_tokens=settings.chunk_min_tokens,
                                        overlap=settings.chunk_overlap_sentences))
    cached = CachedEmbedder(embedder, settings.cache_dir or index_dir / "cache")
    repaired = [msg.INDEX_FILE_REPAIRED.format(problem=cached.problem)] if cached.problem else []
    try:
        vectors, sentences, sentence_vectors = _embed(articles, chunks, cached, settings,
                                                      progress, on_progress)
        live = _write_build(index_dir, articles, chunks, vectors, sentences, sentence_vectors,
                            settings, config, sources, errors)
        if settings.cache_prune:
            cached.prune()
    finally:
        cached.close()
    _remove_stale(index_dir, {live} | ({build} if build is not None else set()))
    index = load_index(index_dir)
    report = BuildReport(
        "updated" if old is not None else "rebuilt", reason=reason,
        added=tuple(sorted(set(current) - set(before))) if old is not None else (),
        changed=tuple(sorted(k for k in current if k in before and before[k] != current[k])),
        removed=tuple(sorted(set(before) - set(current))),
        embedded=cached.misses, cached=cached.hits, errors=tuple(errors),
        seconds=time.monotonic() - started, repaired=tuple(repaired))
    return index, report


def _update_manifest(build: Path, **changes: object) -> None:
    """Record new docs/ file hashes in the live manifest (a skipped file changed, nothing
    indexed did), atomically, so the next start-up takes the fast path again."""
    manifest = _read_manifest(build)
    if not manifest:
        return
    tmp = build / ".manifest.json.tmp"
    tmp.write_text(json.dumps({**manifest, **changes}, ensure_ascii=False, indent=1),
                   encoding="utf-8")
    os.replace(tmp, build / "manifest.json")


def _attach(index: Index, settings: Settings) -> Index:
    """The index with its search side on Milvus when `settings.store` says so."""
    if settings.store != "milvus":
        return index
    from dataclasses import replace

    from .milvus_store import sync_to_milvus

    passages = [passage_input(index.articles[c.article_id], c) for c in index.chunks]
    search = sync_to_milvus(index, passages, settings.replace(
        milvus_uri=settings.milvus_uri or str(settings.index_dir / "milvus.db")))
    return replace(index, dense=search, lexical=search)


def _within_size(articles: list[Article], errors: list[str],
                 limit: int) -> tuple[list[Article], list[str]]:
    """Articles longer than `limit` characters are left out, each with a message."""
    kept, errors = [], list(errors)
    for article in articles:
        if limit and len(article.text) > limit:
            errors.append(f"{article.path or article.id}: "
                          + msg.ARTICLE_TOO_LARGE.format(chars=len(article.text), limit=limit))
        else:
            kept.append(article)
    return kept, errors


def _embed(articles: list[Article], chunks: list[Chunk], cached: CachedEmbedder,
           settings: Settings, progress: bool,
           on_progress: Callable[[int, int], None] | None = None):
    """Chunk vectors, the sentences and their vectors. Every distinct sentence (and title) is
    embedded once; chunk vectors are derived from them unless `chunk_vectors` is "chunks"."""
    by_id = {a.id: a for a in articles}
    sentences = sorted({(c.article_id, s, e) for c in chunks for s, e in c.sentences})
    sentence_texts = [by_id[a].text[s:e] for a, s, e in sentences]
    titles = sorted({a.title for a in articles if a.title})
    from_chunks = settings.chunk_vectors == "chunks"
    chunk_texts = [passage_input(by_id[c.article_id], c) for c in chunks] if from_chunks else []
    texts = sentence_texts + (chunk_texts if from_chunks else titles)
    bar = _Progress(len(set(texts)), progress, report=on_progress)
    try:
        embedded = cached.embed_passages(texts, settings.embed_batch_size, progress=bar)
    finally:
        bar.close()
    sentence_vectors = embedded[:len(sentences)]
    if from_chunks:
        return embedded[len(sentences):], sentences, sentence_vectors
    title_vectors = dict(zip(titles, embedded[len(sentences):]))
    row = {s: i for i, s in enumerate(sentences)}
    vectors = np.zeros((len(chunks), cached.dim), dtype=np.float32)
    for i, chunk in enumerate(chunks):
        rows = [row[(chunk.article_id, s, e)] for s, e in chunk.sentences]
        mean = sentence_vectors[rows].mean(axis=0) if rows else np.zeros(cached.dim)
        title = by_id[chunk.article_id].title
        if title:
            mean = mean + settings.chunk_title_weight * title_vectors[title]
        vectors[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return vectors, sentences, sentence_vectors


class _Progress:
    """Embedding progress: a bar on a terminal, and a log line every few seconds anyway.
    `report(done, total)` gets the texts that were not in the cache (CachedEmbedder's first
    update counts the ones that were) after each batch; it may raise to stop the embedding."""

    def __init__(self, total: int, tty: bool, every: float = 10.0,
                 report: Callable[[int, int], None] | None = None) -> None:
        self.total, self.done, self._every = total, 0, every
        self._report, self._cached = report, None
        self._last = time.monotonic()
        self._bar = None
        if tty and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc="embedding", unit="text", leave=False)

    def update(self, n: int) -> None:
        self.done += n
        if self._report is not None:
            if self._cached is None:
                self._cached = n
            self._report(self.done - self._cached, self.total - self._cached)
        if self._bar is not None:
            self._bar.update(n)
        now = time.monotonic()
        if now - self._last >= self._every or (self.done >= self.total and n):
            self._last = now
            _log.info(msg.INDEX_PROGRESS.format(done=self.done, total=self.total,
                                                percent=100 * self.done / max(self.total, 1)))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
