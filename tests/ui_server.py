"""A real app server for the UI tests: the whole corpus copied to a temporary docs folder."""
from __future__ import annotations

import shutil
import socket

import pytest

from assistant.engine import Engine
from assistant.settings import load_settings
from assistant.ui import build_app

from .conftest import DOCS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, real_embedder, session_settings):
    """(url, engine) of a launched app; docs/, index and feedback live in temp folders."""
    base = tmp_path_factory.mktemp("ui")
    shutil.copytree(DOCS, base / "docs")
    settings = load_settings(env={}, docs_dir=str(base / "docs"), index_dir=str(base / "index"),
                             data_dir=str(base / "var"), cache_dir=str(session_settings.cache_dir))
    engine = Engine(settings, real_embedder)
    app = build_app(engine)
    port = _free_port()
    app.queue()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/", engine
    app.close()
