"""Real app servers for the UI tests: the whole corpus copied to a temporary docs folder, the
app launched with the same options as `python -m assistant serve`."""
from __future__ import annotations

import shutil
import socket
import time

import pytest

from assistant.serving.engine import Engine
from assistant.settings import load_settings
from assistant.serving.server import launch_options
from assistant.serving.ui import build_app

from ..conftest import DOCS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(base, embedder, cache_dir, *, auth=None, library_editing=True, **overrides):
    """(url, engine, app) of an app launched over a copy of docs/ in `base`."""
    shutil.copytree(DOCS, base / "docs")
    settings = load_settings(env={}, docs_dir=str(base / "docs"), index_dir=str(base / "index"),
                             data_dir=str(base / "var"), cache_dir=str(cache_dir), **overrides)
    engine = Engine(settings, embedder)
    app = build_app(engine, library_editing=library_editing)
    port = _free_port()
    app.queue(default_concurrency_limit=settings.chat_concurrency)
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
               **launch_options(settings, auth, library_editing))
    return f"http://127.0.0.1:{port}/", engine, app


@pytest.fixture(scope="module")
def server(tmp_path_factory, real_embedder, session_settings):
    """(url, engine) of a launched app with library editing on; docs/, index and feedback live
    in temp folders."""
    url, engine, app = launch(tmp_path_factory.mktemp("ui"), real_embedder,
                              session_settings.cache_dir)
    yield url, engine
    app.close()


class SlowEmbedder:
    """The real embedder, with `delay` seconds more per passage embedded (0 at first): an add
    of an article lasts long enough in a test to watch its progress, wait behind it and
    cancel it. Same name as the real one, so the index and the embedding cache are shared."""

    def __init__(self, inner) -> None:
        self.inner, self.delay = inner, 0.0
        self.name, self.dim = inner.name, inner.dim

    def embed_queries(self, texts):
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts):
        time.sleep(self.delay * len(texts))
        return self.inner.embed_passages(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory, real_embedder, session_settings):
    """(url, engine, embedder) of a launched app whose embedder is a `SlowEmbedder`."""
    embedder = SlowEmbedder(real_embedder)
    url, engine, app = launch(tmp_path_factory.mktemp("ui-slow"), embedder,
                              session_settings.cache_dir)
    yield url, engine, embedder
    app.close()
