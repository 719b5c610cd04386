"""Shared fixtures: the real index over docs/ is built once per test session.

Tests never write into the repository's index/ or var/: every path is redirected to pytest's
temporary directories.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.settings import Settings, load_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def until(condition, what: str, limit: float = 30.0) -> None:
    """Wait for `condition()` to hold (polled), failing with `what` after `limit` seconds: for
    tests that watch other threads or servers reach a state, never to time anything."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.005)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: browser, server and load tests (run in CI)")


class FakeEmbedder:
    """Deterministic bag-of-syllables vectors: fast, and similar texts get similar vectors."""

    def __init__(self, name: str = "fake-embedder", dim: int = 64) -> None:
        self.name, self.dim = name, dim
        self.calls: list[str] = []

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            v[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1
        return v / max(float(np.linalg.norm(v)), 1e-9)

    def embed_queries(self, texts):
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def embed_passages(self, texts):
        self.calls.extend(texts)
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def count_tokens(self, text: str) -> int:
        return len(text.split())


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    base = tmp_path_factory.mktemp("assistant")
    return load_settings(env={}, docs_dir=str(DOCS), index_dir=str(base / "index"),
                         data_dir=str(base / "var"), cache_dir=str(base / "cache"))


@pytest.fixture(scope="session")
def real_embedder(session_settings: Settings):
    from assistant.indexing.embed import make_embedder

    return make_embedder(session_settings)


@pytest.fixture(scope="session")
def real_index(session_settings: Settings, real_embedder):
    """The real index over the shipped articles with the bundled model, built once."""
    from assistant.indexing.store import ensure_index

    index, _ = ensure_index(session_settings, real_embedder)
    return index


@pytest.fixture(scope="session")
def retriever(real_index, real_embedder, session_settings):
    from assistant.indexing.retrieve import Retriever

    return Retriever(real_index, real_embedder, session_settings)


@pytest.fixture(scope="session")
def articles():
    from assistant.articles.ingest import load_articles

    found, errors = load_articles(DOCS)
    assert not errors
    return {a.id: a for a in found}


@pytest.fixture
def small_docs(tmp_path: Path) -> Path:
    """A copy of two real articles in a docs folder a test may change."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("tang-cuong-nhan-thuc-chuyen-doi-so.txt", "de-an-06-hoi-nghi-da-nang.txt"):
        (docs / name).write_bytes((DOCS / name).read_bytes())
    return docs
