"""Evaluation reports: the JSON record, a Markdown summary, a PNG chart, a terminal table,
and the regression gate against eval/floors.json."""
from __future__ import annotations

import json
import time
from pathlib import Path

__all__ = ["write_reports", "table", "check_floors", "kinds_table"]

_HEADLINE = ("recall@1", "recall@5", "mrr@10", "ndcg@10", "fact_accuracy", "citation_recall",
             "citation_precision", "citations_verified", "gold_evidence_cited",
             "abstention_recall", "false_abstention", "followup_resolved", "latency_p50_ms",
             "latency_p95_ms")
_CHART = ("recall@1", "recall@5", "mrr@10", "fact_accuracy", "citation_precision",
          "abstention_recall")


def _fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if isinstance(value, float) and value > 1.5 else f"{value:.3f}"


def table(result: dict, metrics: tuple[str, ...] = _HEADLINE) -> str:
    """Systems side by side, one metric a row (Markdown table, readable in a terminal)."""
    names = list(result["systems"])
    lines = ["| metric | " + " | ".join(names) + " |",
             "|---|" + "---:|" * len(names)]
    for metric in metrics:
        cells = [_fmt(result["systems"][n]["overall"].get(metric)) for n in names]
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _by_type_table(result: dict, system: str = "ours") -> str:
    metrics = ("recall@5", "mrr@10", "fact_accuracy", "citation_recall", "followup_resolved")
    by_type = result["systems"][system]["by_type"]
    lines = ["| type | n | " + " | ".join(metrics) + " | abstained |",
             "|---|---:|" + "---:|" * (len(metrics) + 1)]
    counts = result["counts"]["by_type"]
    for qtype, scores in by_type.items():
        abstained = scores.get("abstained_unanswerable", scores.get("false_abstention"))
        lines.append(f"| {qtype} | {counts.get(qtype, 0)} | "
                     + " | ".join(_fmt(scores.get(m)) for m in metrics)
                     + f" | {_fmt(abstained)} |")
    return "\n".join(lines)


def _sweep_tables(result: dict) -> list[str]:
    """How the fusion weights and the abstention threshold were chosen, when measured."""
    parts = []
    if result.get("fusion_sweep"):
        lines = ["| fusion | dense weight | recall@1 | recall@5 | mrr@10 | folded recall@1 "
                 "| folded mrr@10 |", "|---|---:|---:|---:|---:|---:|---:|"]
        for row in result["fusion_sweep"]:
            lines.append(f"| {row['fusion']} | {row['dense_weight']:.1f} | "
                         + " | ".join(_fmt(row.get(m)) for m in (
                             "recall@1", "recall@5", "mrr@10", "folded_recall@1",
                             "folded_mrr@10")) + " |")
        parts += ["## Fusion sweep (retrieval, answerable questions)", "\n".join(lines)]
    cv = result.get("fusion_cv")
    if cv:
        parts.append(
            f"Cross-validated (5 folds, best mrr@10 on the other folds): chosen on all "
            f"questions {cv['chosen_all']}; per fold {', '.join(cv['chosen_per_fold'])}. "
            f"In-sample / held-out: recall@1 {_fmt(cv['in_sample_recall@1'])} / "
            f"{_fmt(cv['held_out_recall@1'])}, recall@5 {_fmt(cv['in_sample_recall@5'])} / "
            f"{_fmt(cv['held_out_recall@5'])}, mrr@10 {_fmt(cv['in_sample_mrr@10'])} / "
            f"{_fmt(cv['held_out_mrr@10'])}.")
    sweep = result.get("abstention_sweep") or {}
    if sweep.get("table"):
        lines = ["| threshold | abstention recall | false abstention |", "|---:|---:|---:|"]
        lines += [f"| {row['threshold']:.2f} | {row['abstention_recall']:.3f} | "
                  f"{row['false_abstention']:.3f} |" for row in sweep["table"]]
        parts += [f"## Abstention sweep (ours)\nBest threshold with at most "
                  f"{sweep['false_abstention_max'] / 2:.1%} false abstentions (half the "
                  f"{sweep['false_abstention_max']:.0%} allowed): {sweep['chosen']:.2f}.",
                  "\n".join(lines)]
    return parts


_KIND_METRICS = ("key_point_coverage", "false_abstention", "near_miss_handled")


def kinds_table(result: dict) -> list[str]:
    """Answers by kind of question: ours at the shipped settings, ours cross-validated (the
    threshold chosen on the other folds), and the plain LangChain baseline."""
    kinds = result.get("kinds")
    if not kinds:
        return []
    ours, lc = kinds.get("ours", {}), kinds.get("langchain", {})
    cv = (result.get("threshold_cv") or {}).get("held_out", {}).get("kinds", {})
    ins = (result.get("threshold_cv") or {}).get("in_sample", {}).get("kinds", {})
    head = ["| kind | n | near misses | key points (ours) | in-sample | cross-validated "
            "| LangChain | false abst. (ours) | cross-validated | near misses handled (ours) "
            "| cross-validated | best passage, same length | words |",
            "|---|---:|---:|" + "---:|" * 10]
    for kind, row in ours.items():
        cvr, insr, lcr = cv.get(kind, {}), ins.get(kind, {}), lc.get(kind, {})
        head.append(f"| {kind} | {row['n']} | {row['n_near_miss']} | "
                    + " | ".join(_fmt(x) for x in (
                        row.get("key_point_coverage"), insr.get("key_point_coverage"),
                        cvr.get("key_point_coverage"), lcr.get("key_point_coverage"),
                        row.get("false_abstention"), cvr.get("false_abstention"),
                        row.get("near_miss_handled"), cvr.get("near_miss_handled"),
                        row.get("best_passage"))) + f" | {row.get('words') or '–'} |")
    parts = ["## Answers by kind of question (eval/questions-kinds.jsonl)",
             "Key points: share of a good answer's points the answer holds. *ours*: the shipped "
             "settings; *in-sample*: the abstention threshold chosen on all questions; "
             "*cross-validated*: chosen on the other 4 of 5 folds (what a new question may "
             "expect). LangChain never declines, so it has no false abstentions. *Best passage*: "
             "the top passage of a plain search shown as it is, cut to the answer's length "
             "(the baseline an answer must beat).",
             "\n".join(head)]
    tcv = result.get("threshold_cv")
    if tcv:
        facts_in, facts_cv = tcv["in_sample"]["facts"], tcv["held_out"]["facts"]
        parts.append(
            f"Threshold chosen on all questions: {tcv['chosen_all']:.2f}; per fold: "
            + ", ".join(f"{t:.2f}" for t in tcv["chosen_per_fold"])
            + f". Fact questions (eval/questions.jsonl) in-sample / cross-validated: fact "
            f"accuracy {_fmt(facts_in['fact_accuracy'])} / {_fmt(facts_cv['fact_accuracy'])}, "
            f"false abstention {_fmt(facts_in['false_abstention'])} / "
            f"{_fmt(facts_cv['false_abstention'])}, unanswerable declined "
            f"{_fmt(facts_in['abstention_recall'])} / {_fmt(facts_cv['abstention_recall'])}.")
    for group in result.get("tuned_cv") or []:
        ins, held = group["in_sample"], group["held_out"]
        parts.append(
            f"{group['name'].capitalize()} ({', '.join(group['fields'])}): shipped "
            f"{tuple(group['shipped'])}, chosen on all questions {tuple(group['chosen_all'])}, "
            "per fold " + ", ".join(str(tuple(v)) for v in group["chosen_per_fold"])
            + ". Key points in-sample / cross-validated: "
            f"{_fmt(ins['kinds']['key_point_coverage'])} / "
            f"{_fmt(held['kinds']['key_point_coverage'])}; false abstention "
            f"{_fmt(ins['kinds']['false_abstention'])} / "
            f"{_fmt(held['kinds']['false_abstention'])}; near misses handled "
            f"{_fmt(ins['kinds']['near_miss_handled'])} / "
            f"{_fmt(held['kinds']['near_miss_handled'])}"
            + (f"; fact accuracy {_fmt(ins['fact_accuracy'])} / {_fmt(held['fact_accuracy'])}"
               if ins.get("fact_accuracy") is not None else "") + ".")
    return parts


def _chart(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = list(result["systems"])
    x = np.arange(len(_CHART))
    width = 0.8 / len(names)
    fig, ax = plt.subplots(figsize=(10, 4.2), dpi=110)
    for i, name in enumerate(names):
        values = [result["systems"][name]["overall"].get(m, 0.0) for m in _CHART]
        ax.bar(x + i * width - 0.4 + width / 2, values, width, label=name)
    ax.set_xticks(x, _CHART)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title(f"Evaluation on {result['counts']['questions']} questions: ours vs baselines")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_reports(result: dict, reports_dir: Path, meta: dict) -> dict[str, Path]:
    """Write <timestamp>.json/.md/.png and refresh latest.md/latest.png; return the paths."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    paths = {"json": reports_dir / f"{stamp}.json", "md": reports_dir / f"{stamp}.md",
             "png": reports_dir / f"{stamp}.png"}
    paths["json"].write_text(json.dumps({"meta": meta, **result}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    _chart(result, paths["png"])
    feedback = meta.get("feedback", {})
    markdown = "\n\n".join([
        f"# Evaluation {stamp}",
        f"Command: `{meta['command']}`  \nQuestions: {result['counts']['questions']} "
        f"(+{result['counts']['with_folded_copies'] - result['counts']['questions']} copies typed "
        f"without diacritics, type `folded`, not in the overall figures); embedder "
        f"`{meta['embedder']}`.",
        "## Ours vs baselines (overall)", table(result),
        "## Ours by question type", _by_type_table(result), *kinds_table(result),
        *_sweep_tables(result),
        f"## Feedback from the chat\nliked: {feedback.get('like', 0)}, "
        f"disliked: {feedback.get('dislike', 0)}",
        f"![chart]({paths['png'].name})"])
    paths["md"].write_text(markdown + "\n", encoding="utf-8")
    (reports_dir / "latest.md").write_text(markdown.replace(paths["png"].name, "latest.png")
                                           + "\n", encoding="utf-8")
    (reports_dir / "latest.png").write_bytes(paths["png"].read_bytes())
    return paths


def check_floors(result: dict, floors_path: Path) -> list[str]:
    """Every figure under its floor (or latency over its ceiling), as readable lines."""
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    failures = []
    for system, metrics in floors.items():
        got = (result.get("kinds", {}).get("ours", {}).get("overall", {}) if system == "kinds"
               else result["systems"].get(system, {}).get("overall", {}))
        for metric, bound in metrics.items():
            value = got.get(metric)
            worse = value is None or (value > bound if metric.startswith(("latency",
                                                                          "false_"))
                                      else value < bound)
            if worse:
                failures.append(f"{system} {metric} = {value} (bound {bound})")
    return failures
