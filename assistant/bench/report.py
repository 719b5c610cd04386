"""The bench's report: `bench-<timestamp>.json`, its chart, and the Markdown tables printed."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

__all__ = ["write_report", "bench_lines", "merge_reports"]

_SIZE_ROWS = (("texts embedded", "texts_embedded"),
              ("cold build, estimated s", "build_estimated_s"),
              ("  of which measured (not embedding) s", "build_measured_s"),
              ("  embedding share", "embedding_share"), ("texts/s", "texts_per_s"),
              ("s per article (before: chunks + sentences)", "per_article"),
              ("add one article s", "add_one_s"), ("remove one article s", "remove_one_s"),
              ("engine start-up s", "startup_s"),
              ("first question: restorer and idf tables s", "first_plain_query_s"),
              ("search p50 / p95 ms", "search"), ("ask p50 / p95 ms", "ask"),
              ("peak RSS MiB: build", "rss:build"), ("  add one", "rss:add_one"),
              ("  remove one", "rss:remove_one"), ("  engine start-up", "rss:startup"),
              ("  search and ask", "rss:search_and_ask"),
              ("index on disk MiB", "disk_mib"))


def _size_cell(row: dict, key: str) -> str:
    if key == "per_article":
        return f"{row['per_article_s']} ({row['per_article_before_s']})"
    if key in ("search", "ask"):
        return f"{row[key]['p50_ms']} / {row[key]['p95_ms']}"
    if key.startswith("rss:"):
        stage = row.get("stages_rss", {}).get(key[4:])
        return str(stage["peak_rss_mib"]) if stage else "–"
    return str(row.get(key, "–"))


def _breadth(key: str) -> int:
    return int(key[7:] if key.startswith("breadth") else key[7:])


def _efs(vec: list[dict]) -> list[str]:
    """The breadth rows of the approximate index (IVF lists probed or HNSW efSearch; older
    reports: `hnsw_ef*`), over every size."""
    keys = {k for row in vec for k in row if k.startswith(("breadth", "hnsw_ef"))}
    return sorted(keys, key=_breadth)


def _ann(row: dict) -> dict:
    return row.get("ann") or row.get("hnsw") or {}


def _vector_lines(vec: list[dict]) -> list[str]:
    efs = _efs(vec)
    kind = next((_ann(r).get("kind", "hnsw") for r in vec if _ann(r)), "")
    name = "nprobe" if kind.startswith("ivf") else "efSearch"
    out = ["", f"| chunks | flat p50 / p95 ms | {kind or 'ANN'} build s (peak RSS MiB) | "
           + " | ".join(f"{name} {_breadth(k)}: p95 ms, r@10, r@5" for k in efs)
           + " | lexical build s (peak RSS MiB, at chunks) | lexical index MiB | lexical "
           "scores p95 ms | search p95 ms: dense / lexical / hybrid | search side RSS MiB | "
           "shipped r@5 |",
           "|---:|---:|---:|" + "---:|" * len(efs) + "---:|---:|---:|---:|---:|---:|"]
    for r in vec:
        lex, search, ann = r["lexical"], r["search"], _ann(r)
        tiled = f", x{lex['tiled']}" if lex.get("tiled", 1) > 1 else ""
        out.append(
            f"| {r['chunks']:,} | {r['flat']['p50_ms']} / {r['flat']['p95_ms']} | "
            + (f"{ann['build_s']} ({ann['peak_rss_mib']})" if ann else "–") + " | "
            + " | ".join(f"{r[k]['p95_ms']}, {r[k]['recall@10']}, {r[k]['recall@5']}"
                         if k in r else "–" for k in efs)
            + f" | {lex['build_s']} ({lex['peak_rss_mib']}, {lex['built_chunks']:,}{tiled}) | "
            f"{lex['index_mib']} | {lex['scores_only']['p95_ms']} | "
            f"{search['dense']['p95_ms']} / {search['lexical']['p95_ms']} / "
            f"{search['hybrid']['p95_ms']} | {search.get('process_rss_mib', '–')} | "
            f"{search.get('recall@5', '–')} |")
    return out


def bench_lines(result: dict) -> list[str]:
    """The figures as Markdown tables (what the README shows)."""
    out = [f"machine: {result['machine']}; {result['method']}; per text: "
           f"{result['per_text_s']}"]
    sizes = result["sizes"]
    if sizes:
        out += ["", "| articles | " + " | ".join(f"{r['articles']:,}" for r in sizes) + " |",
                "|---|" + "---:|" * len(sizes)]
        out += [f"| {label} | " + " | ".join(_size_cell(r, key) for r in sizes) + " |"
                for label, key in _SIZE_ROWS]
    built = result.get("built")
    if built:
        startup_rss = built["stages_rss"]["startup"]["peak_rss_mib"]
        out += ["", f"index already built ({built['articles']:,} articles, "
                    f"{built['chunks']:,} chunks, {built['disk_mib']} MiB on disk): start-up "
                    f"{built['startup_s']} s (peak RSS {startup_rss} "
                    f"MiB), first plain question {built['first_plain_query_s']} s, search p50 / "
                    f"p95 {built['search']['p50_ms']} / {built['search']['p95_ms']} ms, ask "
                    f"{built['ask']['p50_ms']} / {built['ask']['p95_ms']} ms, peak RSS "
                    f"{built['peak_rss_mib']} MiB"]
    by_kind = result.get("ask_by_kind") or {}
    if by_kind:
        out += ["", "| warm ask on the shipped articles | " + " | ".join(by_kind) + " |",
                "|---|" + "---:|" * len(by_kind),
                "| p50 / p95 ms | " + " | ".join(f"{r['p50_ms']} / {r['p95_ms']}"
                                                 for r in by_kind.values()) + " |",
                "| questions | " + " | ".join(str(r["questions"]) for r in by_kind.values())
                + " |"]
    if result.get("vector_side"):
        out += _vector_lines(result["vector_side"])
    http = result.get("http") or {}
    if http.get("levels"):
        routes = sorted({r["route"] for r in http["levels"]})
        out += ["", f"{http['server']}; chat_concurrency {http['chat_concurrency']}; "
                    f"{http['seconds_per_level']} s per level", "",
                "| clients | " + " | ".join(f"{r}: answers/s, p50 / p95 ms" for r in routes)
                + " |", "|---:|" + "---:|" * len(routes)]
        by = {(r["route"], r["clients"]): r for r in http["levels"]}
        for n in sorted({r["clients"] for r in http["levels"]}):
            cells = [by.get((route, n)) for route in routes]
            out.append(f"| {n} | " + " | ".join(
                f"{c['answers_per_s']}, {c['p50_ms']} / {c['p95_ms']}"
                + (f" ({c['errors']} errors)" if c["errors"] else "") if c else "–"
                for c in cells) + " |")
    return out


def merge_reports(paths: list[Path]) -> dict:
    """Several bench JSON reports (runs of different parts) as one: sizes and vector rows
    side by side, the first index measured built, and every HTTP table (the levels of a run
    after the first are named after its server: `api @ http://127.0.0.1:8080`)."""
    runs = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
    loads = [float(m.group(1)) for r in runs
             for m in [re.search(r"load average ([\d.]+)", r["machine"])] if m]
    cpus = runs[0]["machine"].split(",")[0]
    merged: dict = {"machine": f"{cpus} shared with other jobs, load average "
                               f"{min(loads, default=0):.1f} to {max(loads, default=0):.1f} at "
                               f"the starts of {len(runs)} runs merged",
                    "machines": [r["machine"] for r in runs],
                    "method": runs[0]["method"], "merged_from": [Path(p).name for p in paths],
                    "per_text_s": next((r["per_text_s"] for r in runs if r["sizes"]),
                                       runs[0]["per_text_s"]),
                    "sizes": sorted((row for r in runs for row in r["sizes"]),
                                    key=lambda row: row["articles"]),
                    "vector_side": sorted((row for r in runs for row in r["vector_side"]),
                                          key=lambda row: row["chunks"]), "http": {}}
    built = [r["built"] for r in runs if r.get("built")]
    if built:
        merged["built"] = built[0]
    for run in runs:
        http = run.get("http") or {}
        if not http.get("levels"):
            continue
        if not merged["http"]:
            merged["http"] = {**http, "levels": list(http["levels"])}
        else:
            where = http["server"].split(" ")[0]
            merged["http"]["levels"] += [{**row, "route": f"{row['route']} @ {where}"}
                                         for row in http["levels"]]
            merged["http"]["server"] += f"; {http['server']}"
    return merged


def write_report(result: dict, reports_dir: Path, stamp: str = "", *,
                 chart: bool = True) -> list[str]:
    """`bench-<stamp>.json` and `.png` (latency and memory against size) in `reports_dir`;
    `chart=False`: the JSON only (what the bench has measured so far, written after each step
    so a run stopped halfway keeps its figures)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    reports_dir.mkdir(parents=True, exist_ok=True)
    path = reports_dir / f"bench-{stamp or time.strftime('%Y%m%d-%H%M%S')}.json"
    partial = path.with_suffix(".json.tmp")
    partial.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)
    if not chart:
        return [str(path)]
    panels = [p for p in (_sizes_panels(result["sizes"], result.get("built"))
                          if result["sizes"] else [])
              + ([_vector_panel(result["vector_side"])] if result.get("vector_side") else [])
              + ([_http_panel(result["http"])] if (result.get("http") or {}).get("levels")
                 else [])]
    cols = min(3, max(len(panels), 1))
    rows = -(-max(len(panels), 1) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.8 * cols, 4 * rows), squeeze=False)
    for ax, draw in zip(axes.flat, panels):
        draw(ax)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    fig.suptitle(f"python -m assistant bench — {result['machine']}", fontsize=9)
    fig.tight_layout()
    png = path.with_suffix(".png")
    fig.savefig(png)
    plt.close(fig)
    return [str(path), str(png)]


def _sizes_panels(sizes: list[dict], built: dict | None = None) -> list:
    """Figures against articles; `built`: a size measured on an index already built (start-up,
    search and ask only), drawn as hollow markers joined by dotted lines."""
    n = [r["articles"] for r in sizes]

    def extra(ax, values, color_of, label) -> None:
        if built:
            line = color_of.get_color()
            ax.plot([n[-1], built["articles"]], values, ":", color=line)
            ax.plot([built["articles"]], values[-1:], "o", mfc="none", color=line,
                    label=f"{label}, built index")

    def latency(ax) -> None:
        for key, mark in (("search", "o-"), ("ask", "s-")):
            (line,) = ax.plot(n, [r[key]["p95_ms"] for r in sizes], mark, label=f"{key} p95")
            extra(ax, [sizes[-1][key]["p95_ms"], (built or {}).get(key, {}).get("p95_ms")],
                  line, f"{key} p95")
        ax.set(xscale="log", yscale="log", xlabel="articles", ylabel="ms",
               title="latency (warm)")

    def seconds(ax) -> None:
        for key, label in (("add_one_s", "add one article"), ("remove_one_s", "remove one"),
                           ("startup_s", "engine start-up")):
            (line,) = ax.plot(n, [r[key] for r in sizes], "o-", label=label)
            if key == "startup_s":
                extra(ax, [sizes[-1][key], (built or {}).get(key)], line, label)
        ax.axhline(3, color="grey", linestyle=":", label="target 3 s")
        ax.set(xscale="log", yscale="log", xlabel="articles", ylabel="s",
               title="changes and start-up")

    def memory(ax) -> None:
        for stage in ("build", "add_one", "startup", "search_and_ask"):
            (line,) = ax.plot(n, [r.get("stages_rss", {}).get(stage, {}).get("peak_rss_mib")
                                  for r in sizes], "o-", label=f"peak RSS: {stage}")
            if stage == "startup":
                extra(ax, [sizes[-1]["stages_rss"]["startup"]["peak_rss_mib"],
                           (built or {}).get("stages_rss", {}).get("startup", {})
                           .get("peak_rss_mib")], line, "peak RSS: startup")
        ax.plot(n, [r["disk_mib"] for r in sizes], "s--", label="index on disk")
        ax.set(xscale="log", yscale="log", xlabel="articles", ylabel="MiB", title="memory")

    return [latency, seconds, memory]


def _vector_panel(vec: list[dict]):
    def draw(ax) -> None:
        c = [r["chunks"] for r in vec]
        ax.plot(c, [r["flat"]["p95_ms"] for r in vec], "o-", label="flat p95")
        for k in _efs(vec):
            have = [r for r in vec if k in r]
            ax.plot([r["chunks"] for r in have], [r[k]["p95_ms"] for r in have], "s--",
                    label=f"ANN {_breadth(k)} p95 (r@5 {have[-1][k]['recall@5']})")
        ax.plot(c, [r["search"]["hybrid"]["p95_ms"] for r in vec], "D-",
                label="whole hybrid search p95")
        ax.axhline(50, color="grey", linestyle=":", label="target 50 ms")
        ax.set(xscale="log", yscale="log", xlabel="chunks", ylabel="ms",
               title="vector and lexical side alone")
    return draw


def _http_panel(http: dict):
    def draw(ax) -> None:
        for route in sorted({r["route"] for r in http["levels"]}):
            rows = [r for r in http["levels"] if r["route"] == route]
            ax.plot([r["clients"] for r in rows], [r["answers_per_s"] for r in rows], "o-",
                    label=f"{route}: answers/s")
        ax.set(xscale="log", xlabel="concurrent clients", ylabel="answers/s",
               title="loopback HTTP throughput")
    return draw
