"""`eval --first-sight FILE`: the one run of a sealed question set on the final build.

A sealed set (eval/sealed/) was written by someone who read only the articles and the question
format, and was committed unread. Its first run is the measure of answering on questions
nobody here has seen, so it is run once: the run is recorded in eval/FIRST_SIGHT.md with the
set's sha256, and a set whose sha256 is already recorded there is refused. Figures: key-point
coverage per kind, declined answerable questions, near misses handled, words per answer,
citations verified, and the best passage of a plain search shown as it is, cut to the answer's
length (the baseline an answer must beat).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Sequence

from .kinds import load_kind_questions, run_kinds, summarize_kinds

__all__ = ["sealed_sha256", "already_run", "first_sight_section", "main", "run"]


def sealed_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def already_run(record: Path, digest: str) -> bool:
    """The set with this sha256 has had its first run (its digest is in the record)."""
    return record.exists() and digest in record.read_text(encoding="utf-8")


def _build() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True, cwd=Path(__file__).resolve().parent)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "assistant"],
                               capture_output=True, text=True,
                               cwd=Path(__file__).resolve().parent).stdout.strip()
        return out.stdout.strip() + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _f(value) -> str:
    return "–" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


def first_sight_section(name: str, digest: str, build: str, summary: dict,
                        rows: Sequence[dict], when: str) -> str:
    """The Markdown section recorded for one first run."""
    overall = summary["overall"]
    answerable = [r for r in rows if not r["near_miss"]]
    lines = [f"## {name} — first run {when}",
             "",
             f"- set: `{name}`, sha256 `{digest}`; build `{build}`",
             f"- questions: {len(rows)} ({len(answerable)} answerable, "
             f"{len(rows) - len(answerable)} near misses)",
             f"- key-point coverage: **{_f(overall['key_point_coverage'])}**; best passage "
             f"as-is at the same length: {_f(overall['best_passage'])}",
             f"- answerable questions declined: {_f(overall['false_abstention'])}",
             f"- near misses handled: {_f(overall['near_miss_handled'])}",
             f"- words per answer (mean, answers given): {_f(overall['words'])}",
             f"- citations verified: {_f(overall['citations_verified'])}",
             "",
             "| kind | answerable | near misses | key points | best passage | declined "
             "| near misses handled | words |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, row in sorted(summary.items(), key=lambda kv: (kv[0] != "overall", kv[0])):
        lines.append(f"| {kind} | {row['n']} | {row['n_near_miss']} | "
                     + " | ".join(_f(row[k]) for k in ("key_point_coverage", "best_passage",
                                                       "false_abstention",
                                                       "near_miss_handled", "words")) + " |")
    styles: dict[str, list[dict]] = {}
    for row in answerable:
        styles.setdefault(row["style"], []).append(row)
    lines += ["", "| style | answerable | key points | best passage | declined |",
              "|---|---:|---:|---:|---:|"]
    for style, group in sorted(styles.items()):
        s = summarize_kinds(group)["overall"]
        lines.append(f"| {style} | {len(group)} | {_f(s['key_point_coverage'])} | "
                     f"{_f(s['best_passage'])} | {_f(s['false_abstention'])} |")
    return "\n".join(lines) + "\n"


def main(settings, path: Path, retriever, reports_dir: Path, record: Path) -> int:
    """Run a sealed set once; refuse a set already run. Returns the exit code."""
    digest = sealed_sha256(path)
    if already_run(record, digest):
        print(f"{path.name} (sha256 {digest[:12]}…) already had its first run: see {record}. "
              "A first sight happens once; use it as a development set now.")
        return 2
    questions = load_kind_questions(path)
    rows = run_kinds(questions, retriever)
    summary = summarize_kinds(rows)
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = first_sight_section(path.name, digest, _build(), summary, rows, when)
    reports_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = reports_dir / f"first-sight-{stamp}.json"
    out.write_text(json.dumps({"set": path.name, "sha256": digest, "summary": summary,
                               "rows": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
    head = "" if record.exists() else (
        "# First sight\n\nEach section is the one and only first run of a sealed question set "
        "(eval/sealed/), written by someone who read only the articles and the question "
        "format, committed unread, run once on the build named. These are the figures of "
        "answering on questions nobody here had seen; cross-validated figures on the "
        "development sets are in the evaluation reports.\n\n")
    with record.open("a", encoding="utf-8") as f:
        f.write(head + section + f"\nRows (every question, answer and figure): `{out.name}` "
                                 "in eval/reports/.\n\n")
    print(section)
    print(f"recorded in {record}; rows in {out}")
    return 0


def run(settings, args) -> int:
    """`python -m assistant eval --first-sight FILE`."""
    import sys

    from .. import messages as msg
    from ..indexing.embed import make_embedder
    from ..indexing.retrieve import Retriever
    from ..indexing.store import ensure_index

    path = Path(args.first_sight)
    if not path.is_file():
        print(msg.FILE_NOT_FOUND.format(path=path), file=sys.stderr)
        return 2
    embedder = make_embedder(settings)
    index, _ = ensure_index(settings, embedder)
    reports = Path(args.reports_dir) if args.reports_dir else settings.eval_dir / "reports"
    return main(settings, path, Retriever(index, embedder, settings), reports,
                settings.eval_dir / "FIRST_SIGHT.md")
