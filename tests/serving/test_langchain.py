"""The LangChain retriever: LangChain's own standard suite, our metadata, one load per process,
and the LCEL example of guide/http-api.md run as written."""
from __future__ import annotations

import re

import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.serving import langchain as lc
from assistant.serving.langchain import ArticleRetriever

from ..conftest import ROOT

pytestmark = pytest.mark.slow


class TestArticleRetrieverStandard(RetrieversIntegrationTests):
    """langchain-tests' RetrieversIntegrationTests over the real index (temporary folder)."""

    @pytest.fixture(autouse=True)
    def _index(self, real_index, session_settings) -> None:
        self._settings = session_settings

    @property
    def retriever_constructor(self) -> type[ArticleRetriever]:
        return ArticleRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"settings": self._settings}

    @property
    def retriever_query_example(self) -> str:
        return "Hải Dương có bao nhiêu sản phẩm OCOP?"


def test_documents_carry_the_passage_and_where_it_comes_from(real_index,
                                                            session_settings) -> None:
    docs = ArticleRetriever(k=3, settings=session_settings).invoke(
        "Hải Dương có bao nhiêu sản phẩm OCOP?")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert any("234 sản phẩm OCOP" in d.page_content for d in docs)
    for d in docs:
        assert {"article_id", "title", "date", "source", "start", "end", "score"} \
            <= set(d.metadata)
        article = real_index.articles[d.metadata["article_id"]]
        assert article.text[d.metadata["start"]:d.metadata["end"]] == d.page_content
    assert [d.metadata["rank"] for d in docs] == [1, 2, 3]


def test_k_falls_back_to_settings_top_k(real_index, session_settings) -> None:
    settings = session_settings.replace(top_k=2)
    assert len(ArticleRetriever(settings=settings).invoke("chuyển đổi số")) == 2


def test_the_index_is_loaded_once_per_process_and_settings(real_index, session_settings,
                                                           monkeypatch) -> None:
    import assistant.serving.engine as engine_module

    settings = session_settings.replace(candidates=49)  # Settings no other test uses
    made = []
    real = engine_module.Engine

    class CountingEngine(real):
        def __init__(self, *args, **kwargs):
            made.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(engine_module, "Engine", CountingEngine)
    for _ in range(3):
        ArticleRetriever(k=1, settings=settings).invoke("VNeID")
    assert len(made) == 1
    assert lc.shared_engine(settings) is lc.shared_engine(settings)


def _readme_block(title: str) -> str:
    readme = (ROOT / "guide" / "http-api.md").read_text(encoding="utf-8")
    section = readme.split(title, 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_lcel_example_runs_as_written(real_index, session_settings, monkeypatch,
                                             capsys) -> None:
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(session_settings.index_dir))
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(session_settings.cache_dir))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))
    exec(compile(_readme_block("### LangChain"), "guide/http-api.md", "exec"), {})
    out = capsys.readouterr().out
    assert "234 sản phẩm OCOP" in out and "[1]" in out
