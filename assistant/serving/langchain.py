"""A LangChain retriever over the assistant's hybrid index.

    from assistant.serving.langchain import ArticleRetriever
    docs = ArticleRetriever(k=3).invoke("Hải Dương có bao nhiêu sản phẩm OCOP?")

Each `Document` holds one passage (`page_content`) and, in its metadata, where it comes from:
`article_id`, `title`, `date`, `source`, `start`, `end` (the passage's span in the article),
`score`, `chunk_id` and `rank` (the `search --json` fields). The index (and the embedder) is
loaded once per process and per Settings, then shared by every retriever built with the same
Settings; it is built first when missing, like the CLI does.
"""
from __future__ import annotations

import threading
from typing import Any, Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from ..schema import Hit
from ..serialize import to_dict
from ..settings import Settings, load_settings

__all__ = ["ArticleRetriever", "hit_to_document", "shared_engine"]

_ENGINES: dict[Settings, Any] = {}
_ENGINES_LOCK = threading.Lock()


def shared_engine(settings: Settings):
    """The process's one `Engine` for these Settings (loaded on first use)."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(settings)
        if engine is None:
            from .engine import Engine

            engine = _ENGINES[settings] = Engine(settings)
        return engine


def hit_to_document(hit: Hit) -> Document:
    """A retrieved passage as a LangChain Document: its metadata is the `search --json` hit
    (`serialize.to_dict`) without the text."""
    metadata = to_dict(hit)
    text = metadata.pop("text")
    return Document(page_content=text, id=hit.chunk.id, metadata=metadata)


class ArticleRetriever(BaseRetriever):
    """The passages of the news articles that best match a (Vietnamese) query.

    Fields: `k` (passages returned; None: `Settings.top_k`, i.e. `ASSISTANT_TOP_K`), `mode`
    ("hybrid", "dense" or "lexical") and `settings` (None: defaults and `ASSISTANT_*`
    variables, as the CLI reads them). `invoke(query, k=...)` overrides `k` for one call.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    k: int | None = Field(default=None, ge=1)
    mode: Literal["hybrid", "dense", "lexical"] = "hybrid"
    settings: Settings | None = None

    def _settings(self) -> Settings:
        return self.settings if self.settings is not None else load_settings()

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None, **kwargs: Any) -> list[Document]:
        settings = self._settings()
        hits = shared_engine(settings).retriever.search(
            query, k=k or self.k or settings.top_k, mode=self.mode)
        return [hit_to_document(h) for h in hits]
