"""The persisted index: articles, chunks, vectors and the lexical fields, with a manifest.

Layout of `index/` (see index/README.md): `CURRENT` names the live build directory, whose
`manifest.json` (schema version, embedder and dimension, chunking, corpus hash, counts, the
hash, size and time of every docs/ file it was built from, checksums of every file) names the
segments the build is made of and the articles removed from each (`segments`, `builds`,
`live`). A build is written beside the live one and switched to by replacing `CURRENT`
atomically, so a build killed halfway leaves the old index serving, and readers never wait for
a writer: when docs/ is unchanged the index is loaded without taking the lock, and while
another process builds, a reader serves the last good build.

`ensure_index` touches only what changed: docs/ files whose size and time are unchanged are not
even read; of the others only new or changed articles are cleaned, chunked and embedded, into
one new segment; removed and replaced articles are marked removed in theirs. It rebuilds from
scratch when the embedder, the chunking or the schema changed: vectors of two models are never
mixed. Any damaged file under index/ is reported in one line and rebuilt or set aside (the
embedding cache is only a cache).
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import re
import threading
import time
import weakref
from typing import Callable
from pathlib import Path

from .. import messages as msg
from .arrays import map_above
from .index import BuildReport, Index, IndexUnavailable
from .builds import (live_build, lock_file, read_manifest, read_pointer, remove, remove_stale,
                     try_lock, update_manifest, write_build, CURRENT)
from .embed import CachedEmbedder, Embedder
from ..articles.ingest import list_doc_files, load_articles
from .live import assemble
from ..schema import Article
from .segments import SEGMENTS, Segment, sha256, write_segment
from ..settings import Settings
from .updates import fresh_pieces, new_segment, passage_input, plan_merge, segment_pieces

__all__ = ["SCHEMA_VERSION", "Index", "IndexUnavailable", "BuildReport", "ensure_index",
           "load_index", "live_build", "passage_input"]

SCHEMA_VERSION = 7  # 7: segments, own BM25 postings, memory-mapped; photo captions marked
_VERIFY_BYTES = 32 << 20  # files up to this size are checksummed at load, larger ones sized
_SEGMENT_FILE = re.compile(r"seg-[A-Za-z0-9_.-]{1,120}/[a-z_-]{1,40}\.(npy|jsonl|json|faiss)")
_log = logging.getLogger(__name__)


def _config(settings: Settings, embedder: Embedder) -> dict:
    return {"schema_version": SCHEMA_VERSION, "embedder": embedder.name, "dim": embedder.dim,
            "chunking": {"max_tokens": settings.chunk_max_tokens,
                         "min_tokens": settings.chunk_min_tokens,
                         "overlap_sentences": settings.chunk_overlap_sentences},
            "chunk_vectors": {"from": settings.chunk_vectors,
                              "title_weight": settings.chunk_title_weight},
            "max_article_chars": settings.max_article_chars}


def _corpus_hash(articles) -> str:
    pairs = sorted(f"{a.id}:{a.content_hash}" for a in articles)
    return hashlib.sha256("\n".join(pairs).encode()).hexdigest()[:16]


def _doc_sources(docs_dir: Path, before: dict | None = None) -> dict[str, list]:
    """[raw-byte hash, size, mtime_ns] of every file of docs/; a file whose size and time are
    those recorded in `before` is not read. Hashes equal to the manifest's mean nothing to do,
    with no article parsed or cleaned."""
    before = before or {}
    sources = {}
    for path in list_doc_files(docs_dir):
        try:
            info = path.stat()
            stamp = [info.st_size, info.st_mtime_ns]
            old = before.get(path.name)
            if isinstance(old, list) and len(old) == 3 and old[1:] == stamp:
                sources[path.name] = old
            else:
                sources[path.name] = [sha256(path)[:16], *stamp]
        except OSError:
            sources[path.name] = ["unreadable", 0, 0]
    return sources


def _hashes(sources: object) -> dict[str, str]:
    if not isinstance(sources, dict):
        return {}
    return {k: v[0] if isinstance(v, list) and v else v for k, v in sources.items()}


# One load at a time in a process: the chat's threads may all see a new build at once, and
# numpy parses each .npy header with ast.literal_eval, which CPython 3.11 before 3.11.8 does not
# make thread-safe ("SystemError: AST constructor recursion depth mismatch", cpython#106905).
# The segments cache then hands the waiting threads what the first one read.
_LOAD_LOCK = threading.Lock()


def load_index(index_dir: Path, settings: Settings | None = None) -> Index:
    """Load and verify the live build; raise IndexUnavailable with a readable message if unusable.
    With `settings`, the search side is the store they name (Milvus or the files here), and
    their `map_above_bytes` is this process's mapping threshold from now on (`arrays`)."""
    if settings is not None:
        map_above(settings.map_above_bytes)
    with _LOAD_LOCK:
        index = _load(index_dir)
    return _attach(index, settings) if settings is not None else index


def _load(index_dir: Path) -> Index:
    build, problem = read_pointer(index_dir)
    if build is None:
        raise IndexUnavailable(problem or msg.INDEX_NONE.format(path=index_dir))
    root = index_dir / SEGMENTS
    try:
        manifest = read_manifest(build)
        for rel, digest in manifest["files"].items():
            _verify(root, rel, digest, manifest.get("sizes", {}).get(rel))
        parts = [(_segment(root / entry["name"], entry["index_type"]),
                  frozenset(entry.get("removed", ()))) for entry in manifest["segments"]]
        live = assemble(parts, int(manifest["dim"]))
    except IndexUnavailable:
        raise
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, AttributeError,
            IndexError) as exc:
        raise IndexUnavailable(msg.INDEX_UNREADABLE.format(path=build,
                                                           kind=type(exc).__name__)) from exc
    if live.dense.ntotal != manifest["counts"]["chunks"] \
            or len(live.articles) != manifest["counts"]["articles"]:
        raise IndexUnavailable(msg.INDEX_COUNTS)
    return Index(live.articles, live.chunks, live.dense, live.lexical, manifest, build,
                 live.sentences, live.sentence_vectors, live)


_VERIFIED: set[tuple] = set()  # (path, digest, size, mtime_ns) of files checked in this process
_SEGMENTS: "weakref.WeakValueDictionary[str, Segment]" = weakref.WeakValueDictionary()


def _verify(root: Path, rel: str, digest: str, size: int | None) -> None:
    """Check one segment file against the manifest (its size always, its checksum when it is
    small enough; once per process while the file is unchanged: segments never change)."""
    if not _SEGMENT_FILE.fullmatch(rel):
        raise IndexUnavailable(msg.INDEX_NOT_SEGMENT.format(file=rel))
    path = root / rel
    info = path.stat()
    key = (str(path), digest, info.st_size, info.st_mtime_ns)
    if key in _VERIFIED:
        return
    if size is not None and info.st_size != size:
        raise IndexUnavailable(msg.INDEX_CHECKSUM.format(file=rel))
    if (size is None or size <= _VERIFY_BYTES) and sha256(path) != digest:
        raise IndexUnavailable(msg.INDEX_CHECKSUM.format(file=rel))
    _VERIFIED.add(key)


def _segment(directory: Path, index_type: str) -> Segment:
    """A segment read once per process (segments never change; a build that names it again
    shares it)."""
    segment = _SEGMENTS.get(str(directory))
    if segment is None or segment.index_type != index_type:
        segment = _SEGMENTS[str(directory)] = Segment.read(directory, index_type)
    return segment


def _ready(settings: Settings, config: dict) -> tuple[Index, dict] | None:
    """The live index when it was built from exactly today's docs/ with this configuration
    (no lock taken, no article parsed), else None."""
    build, _ = read_pointer(settings.index_dir)
    manifest = read_manifest(build)
    if not manifest or any(manifest.get(k) != v for k, v in config.items()):
        return None
    sources = _doc_sources(settings.docs_dir, manifest.get("sources"))
    if _hashes(manifest.get("sources")) != _hashes(sources):
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
    map_above(settings.map_above_bytes)  # the process's mapping threshold (`arrays`)
    config = _config(settings, embedder)
    if not rebuild:
        ready = _ready(settings, config)
        if ready is not None:
            skipped = tuple(ready[1].get("skipped", ()))
            return _attach(ready[0], settings), BuildReport(
                "unchanged", errors=skipped, seconds=time.monotonic() - started)
    with lock_file(settings.index_dir) as handle:
        if not try_lock(handle):
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
        return _attach(index, settings, locked=True), report


def _ensure_locked(settings: Settings, embedder: Embedder, config: dict, rebuild: bool,
                   progress: bool, started: float,
                   on_progress: Callable[[int, int], None] | None = None
                   ) -> tuple[Index, BuildReport]:
    index_dir = settings.index_dir
    reason = "requested" if rebuild else ""
    build, problem = read_pointer(index_dir)
    if problem:
        reason = problem
        remove(index_dir / CURRENT)
    manifest = read_manifest(build)
    if manifest and any(manifest.get(k) != v for k, v in config.items()):
        reason, rebuild = msg.INDEX_CONFIG_CHANGED, True
    old: Index | None = None
    if not rebuild and build is not None:
        try:
            old = load_index(index_dir)
        except IndexUnavailable as exc:
            reason = str(exc)
    sources = _doc_sources(settings.docs_dir, old.manifest.get("sources") if old else None)
    if old is not None and _hashes(old.manifest.get("sources")) == _hashes(sources):
        # another process built what we need while we waited
        return old, BuildReport("unchanged", errors=tuple(old.manifest.get("skipped", ())),
                                seconds=time.monotonic() - started)
    # of two files with one id, the one the previous build indexed keeps it (never replaced);
    # files unchanged since the previous build are not read again
    indexed = {a.id: a.path for a in old.articles.values()} if old is not None else None
    previous = _hashes(old.manifest.get("sources")) if old is not None else {}
    same = {name for name, h in _hashes(sources).items() if previous.get(name) == h}
    known = {a.path: a for a in old.articles.values() if a.path in same} if old else None
    articles, errors = load_articles(settings.docs_dir, indexed=indexed, known=known)
    articles, errors = _within_size(articles, errors, settings.max_article_chars)
    current = {a.id: a.content_hash for a in articles}
    if old is not None and old.manifest["articles"] == current:
        update_manifest(old.directory, sources=sources, skipped=errors)
        return old, BuildReport("unchanged", errors=tuple(errors),
                                seconds=time.monotonic() - started)
    if not articles:
        raise IndexUnavailable(msg.INDEX_NO_ARTICLE.format(path=settings.docs_dir))
    before = old.manifest["articles"] if old is not None else {}
    fresh = [a for a in articles if before.get(a.id) != a.content_hash]
    cached = CachedEmbedder(embedder, settings.cache_dir or index_dir / "cache")
    repaired = [msg.INDEX_FILE_REPAIRED.format(problem=cached.problem)] if cached.problem else []
    try:
        pieces = fresh_pieces(fresh, embedder, cached, settings, progress, on_progress)
        entries, forget = _segments(index_dir, old, current, pieces, settings, config)
        live = write_build(index_dir, {
            **config, "corpus_hash": _corpus_hash(articles),
            "counts": {"articles": len(articles),
                       "chunks": sum(e["chunks"] - e["removed_chunks"] for e in entries)},
            "index_type": max(entries, key=lambda e: e["chunks"])["index_type"],
            "articles": current, "sources": sources, "skipped": errors,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "segments": [
                {k: e[k] for k in ("name", "articles", "chunks", "index_type", "removed",
                                   "removed_chunks")} for e in entries],
            "files": {k: v for e in entries for k, v in e["files"].items()},
            "sizes": {k: v for e in entries for k, v in e["sizes"].items()}})
        if settings.cache_prune:
            if old is None:
                cached.prune()
            else:
                keep = {t for p in pieces for t in _texts(p.article, p.sentences)}
                cached.forget([t for t in forget if t not in keep])
    finally:
        cached.close()
    remove_stale(index_dir, {live} | ({build} if build is not None else set()))
    index = load_index(index_dir)
    report = BuildReport(
        "updated" if old is not None else "rebuilt", reason=reason,
        added=tuple(sorted(set(current) - set(before))) if old is not None else (),
        changed=tuple(sorted(k for k in current if k in before and before[k] != current[k])),
        removed=tuple(sorted(set(before) - set(current))),
        embedded=cached.misses, cached=cached.hits, errors=tuple(errors),
        seconds=time.monotonic() - started, repaired=tuple(repaired))
    return index, report


def _texts(article: Article, sentences) -> list[str]:
    """The texts embedded for an article: its sentences and its title."""
    return [article.text[s:e] for _, s, e in sentences] + ([article.title] if article.title
                                                             else [])


def _segments(index_dir: Path, old: Index | None, current: dict[str, str], pieces, settings,
              config: dict) -> tuple[list[dict], list[str]]:
    """The segment entries of the new build: the previous build's, with the articles no longer
    current (removed or replaced) marked removed, plus one new segment holding `pieces` and
    whatever `plan_merge` folds into it. Also the texts of the articles dropped (for the
    embedding cache to forget)."""
    root = index_dir / SEGMENTS
    root.mkdir(parents=True, exist_ok=True)
    entries, loaded, forget = [], [], []
    for entry, (segment, removed) in zip(old.manifest["segments"] if old else (),
                                         old.live.parts if old else ()):
        gone = {a.id for a in segment.articles if a.id not in removed
                and current.get(a.id) != a.content_hash}
        rows = {a.id: r for r, a in enumerate(segment.articles)}
        for ident in gone:
            r = rows[ident]
            forget.extend(segment.sentence_texts(r) + [segment.articles[r].title])
        dead = removed | gone
        removed_chunks = sum(hi - lo for lo, hi in (segment.chunk_rows(rows[i]) for i in dead))
        entries.append({**entry, "removed": sorted(dead), "removed_chunks": int(removed_chunks),
                        "files": {k: v for k, v in old.manifest["files"].items()
                                  if k.startswith(entry["name"] + "/")},
                        "sizes": {k: v for k, v in old.manifest["sizes"].items()
                                  if k.startswith(entry["name"] + "/")}})
        loaded.append((segment, frozenset(dead)))
    keep = [i for i, e in enumerate(entries) if e["articles"] > len(e["removed"])]
    entries, loaded = [entries[i] for i in keep], [loaded[i] for i in keep]
    merge = plan_merge(entries, [e["removed_chunks"] for e in entries], bool(pieces), settings)
    pieces = list(pieces) + [p for i in sorted(merge) for p in segment_pieces(*loaded[i])]
    entries = [e for i, e in enumerate(entries) if i not in merge]
    if pieces:
        written = write_segment(root, new_segment(pieces, int(config["dim"])), settings)
        entries.append({**written, "removed": [], "removed_chunks": 0})
    return entries, [t for t in forget if t]


def _attach(index: Index, settings: Settings, locked: bool = False) -> Index:
    """The index with its search side on Milvus when `settings.store` says so, or its lexical
    side on tantivy when `settings.lexical_engine` does."""
    if settings.lexical_engine == "tantivy" and settings.store != "milvus" \
            and index.live is not None:
        index = _on_tantivy(index, settings, locked)
    if settings.store != "milvus":
        return index
    from dataclasses import replace

    from .milvus_store import sync_to_milvus

    passages = [passage_input(index.articles[c.article_id], c) for c in index.chunks]
    search = sync_to_milvus(index, passages, settings.replace(
        milvus_uri=settings.milvus_uri or str(settings.index_dir / "milvus.db")))
    return replace(index, dense=search, lexical=search)


def _on_tantivy(index: Index, settings: Settings, locked: bool) -> Index:
    """The index with its lexical side on tantivy, synced first when this build is the live
    one and tantivy does not hold it yet (under the index lock: `locked` when the caller
    holds it)."""
    from dataclasses import replace

    from . import tantivy_lexical as tl

    folder = settings.index_dir / tl.FOLDER
    want = {s.name: sorted(dead) for s, dead in index.live.parts}
    if read_pointer(settings.index_dir)[0] == index.directory and tl.synced(folder) != want:
        with lock_file(settings.index_dir) as handle:
            if not locked:
                fcntl.flock(handle, fcntl.LOCK_EX)
            if tl.synced(folder) != want:
                tl.sync_parts(folder, index.live.parts)
    lexical = tl.TantivyLexical(folder, index.live.positions(), len(index.chunks),
                                max(4 * settings.candidates, 200), settings.lexical_max_df,
                                settings.lexical_max_df_from)
    return replace(index, lexical=lexical)


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


