"""Optional store on Milvus (`ASSISTANT_STORE=milvus`): chunk vectors and BM25 in a collection.

The local build (articles, chunks, sentences and their vectors: what answers are quoted from)
is made as with the default store; the search side moves to Milvus: a dense field (inner
product) and two BM25 full-text fields computed by Milvus's built-in BM25 function over our
own Vietnamese tokens (syllables and syllable pairs, with and without diacritics), so the
lexical side matches the default store's. Results come back as the same per-chunk scores, and
`retrieve` fuses them exactly as with FAISS and the BM25 postings. `ASSISTANT_MILVUS_URI` is
a local file (Milvus Lite, embedded) or `http://host:19530` (a Milvus server or cluster, same
code).
Changes are incremental: only the chunks of added or changed articles are upserted, those of
changed or removed ones deleted; a small `milvus-sync.json` in index/ records what was sent.
Requires `requirements-milvus.txt`.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from .lexical import has_diacritics, tokenize

__all__ = ["MilvusSearch", "sync_to_milvus", "milvus_filter"]

_BATCH = 256
_MAX_TEXT = 65535


def _collection(settings, index) -> str:
    tag = hashlib.sha256(f"{index.embedder_name}|{index.manifest['dim']}|"
                         f"{json.dumps(index.manifest.get('chunking'), sort_keys=True)}|"
                         f"{json.dumps(index.manifest.get('chunk_vectors'), sort_keys=True)}"
                         .encode()).hexdigest()[:10]
    return f"{settings.milvus_collection}_{tag}"


def _client(uri: str):
    from pymilvus import MilvusClient

    if "://" not in uri:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    token = os.environ.get("ASSISTANT_MILVUS_TOKEN", "")
    return MilvusClient(uri=uri, token=token) if token else MilvusClient(uri=uri)


def _create(client, name: str, dim: int, settings) -> None:
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=512)
    schema.add_field("article_id", DataType.VARCHAR, max_length=512)
    schema.add_field("date", DataType.VARCHAR, max_length=16)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    analyzer = {"tokenizer": "standard"}  # Lite has no whitespace one; keeps "a_b" whole
    for field in ("exact", "folded"):
        schema.add_field(field, DataType.VARCHAR, max_length=_MAX_TEXT, enable_analyzer=True,
                         analyzer_params=analyzer)
        schema.add_field(f"{field}_sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name=f"{field}_bm25", function_type=FunctionType.BM25,
                                     input_field_names=[field],
                                     output_field_names=[f"{field}_sparse"]))
    params = client.prepare_index_params()
    params.add_index(field_name="dense", index_type=settings.milvus_index_type,
                     metric_type="IP")
    for field in ("exact", "folded"):
        params.add_index(field_name=f"{field}_sparse", index_type="SPARSE_INVERTED_INDEX",
                         metric_type="BM25", params={"bm25_k1": 1.5, "bm25_b": 0.75})
    client.create_collection(name, schema=schema, index_params=params,
                             consistency_level="Strong")  # a search sees every upsert


def _tokens(text: str, folded: bool) -> str:
    return " ".join(tokenize(text, folded=folded))[:_MAX_TEXT]


def sync_to_milvus(index, passages: Sequence[str], settings) -> "MilvusSearch":
    """Bring the collection in line with `index` (upserting and deleting only what changed)
    and return the search side that reads from it."""
    client = _client(settings.milvus_uri)
    name = _collection(settings, index)
    marker = index.directory.parent / "milvus-sync.json"
    try:
        synced = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        synced = {}
    if not client.has_collection(name):
        _create(client, name, int(index.manifest["dim"]), settings)
        synced = {}
    key = f"{settings.milvus_uri}|{name}"
    sent: dict = synced.get(key, {}) if isinstance(synced.get(key), dict) else {}
    now = index.manifest["articles"]
    gone = [a for a in sent if now.get(a) != sent[a]]
    for at in range(0, len(gone), _BATCH):
        client.delete(name, filter=f"article_id in {json.dumps(gone[at:at + _BATCH])}")
    new = {a for a in now if sent.get(a) != now[a]}
    rows = [i for i, c in enumerate(index.chunks) if c.article_id in new]
    vectors = index.dense.reconstruct_n(0, index.dense.ntotal) if rows else None
    for at in range(0, len(rows), _BATCH):
        batch = []
        for i in rows[at:at + _BATCH]:
            chunk = index.chunks[i]
            batch.append({"id": chunk.id, "article_id": chunk.article_id,
                          "date": index.articles[chunk.article_id].date,
                          "dense": vectors[i].tolist(),
                          "exact": _tokens(passages[i], False) or "_",
                          "folded": _tokens(passages[i], True) or "_"})
        client.upsert(name, batch)
    if gone or new:
        synced[key] = dict(now)
        tmp = marker.with_suffix(".tmp")
        tmp.write_text(json.dumps(synced), encoding="utf-8")
        os.replace(tmp, marker)
    client.load_collection(name)
    return MilvusSearch(client, name, {c.id: i for i, c in enumerate(index.chunks)},
                        len(index.chunks), settings.candidates)


def milvus_filter(article_ids: Sequence[str] = (), date_from: str = "",
                  date_to: str = "") -> str:
    """A Milvus filter expression on the metadata fields (article ids, ISO date range)."""
    parts = []
    if article_ids:
        parts.append(f"article_id in {json.dumps(list(article_ids), ensure_ascii=False)}")
    if date_from:
        parts.append(f"date >= {json.dumps(date_from)}")
    if date_to:
        parts.append(f"date <= {json.dumps(date_to)}")
    return " and ".join(parts)


@dataclass(frozen=True)
class MilvusSearch:
    """Both search sides of an index, on Milvus, shaped as `retrieve` uses FAISS and the BM25
    postings: `search(vectors, k)` -> (scores, positions) and `scores(query, exact_weight)` ->
    one score per chunk. `where` (see `milvus_filter`) restricts both sides."""

    client: object
    collection: str
    positions: dict[str, int]
    ntotal: int
    depth: int
    where: str = ""

    def filtered(self, where: str) -> "MilvusSearch":
        return replace(self, where=where)

    def _search(self, data, field: str, limit: int, metric: str):
        return self.client.search(self.collection, data=data, anns_field=field, limit=limit,
                                  filter=self.where, output_fields=["id"],
                                  search_params={"metric_type": metric},
                                  consistency_level="Strong")

    def search(self, vectors: np.ndarray, k: int, params=None):
        vectors = np.asarray(vectors, dtype=np.float32)
        found = self._search([v.tolist() for v in vectors], "dense", k, "IP")
        scores = np.full((len(vectors), k), -1.0, dtype=np.float32)
        ids = np.full((len(vectors), k), -1, dtype=np.int64)
        for row, hits in enumerate(found):
            for col, hit in enumerate(hits[:k]):
                scores[row, col] = hit["distance"]
                ids[row, col] = self.positions.get(hit["entity"]["id"], -1)
        return scores, ids

    def _field(self, field: str, text: str) -> np.ndarray:
        out = np.zeros(self.ntotal, dtype=np.float32)
        if not text.strip():
            return out
        for hit in self._search([text], f"{field}_sparse", 2 * self.depth, "BM25")[0]:
            pos = self.positions.get(hit["entity"]["id"])
            if pos is not None:  # Milvus Lite reports BM25 scores negated
                out[pos] = abs(hit["distance"])
        return out

    def scores(self, query: str, exact_weight: float) -> np.ndarray:
        """Like `LexicalIndex.scores`: without diacritics only the folded field counts."""
        folded = self._field("folded", " ".join(tokenize(query, folded=True, query=True)))
        if not has_diacritics(query):
            return folded
        exact = self._field("exact", " ".join(tokenize(query, folded=False, query=True)))
        return exact_weight * exact + (1 - exact_weight) * folded
