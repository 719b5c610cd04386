"""The loaded assistant: embedder, index, retriever and answerers behind one small surface.

The terminal chat, the web UI and its API all talk to an `Engine`; they hold no logic of their
own. Adding or removing an article re-indexes incrementally and swaps the retriever only once
the new index is complete, so questions keep being answered from the old one meanwhile. An add
reports its embedding progress and can be cancelled (while it waits for another change or while
it embeds): docs/ and the index are then left as they were.
"""
from __future__ import annotations

import dataclasses
import logging
import threading
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from .. import messages as msg
from ..answering.answer import answer_question, stream_text
from ..answering.figures import extract_figures
from ..articles.clean import scrub
from ..indexing.embed import Embedder, make_embedder
from ..articles.ingest import (IngestError, find_article_file, os_reason,
                               remove_upload_leftovers, save_article)
from ..indexing.retrieve import Retriever
from ..schema import Answer, Article, Turn, as_turns
from ..settings import Settings
from ..indexing.store import BuildReport, IndexUnavailable, ensure_index, live_build, load_index
from .damage import DamageWatch

__all__ = ["Engine", "ArticleInfo", "LibraryError", "AddCancelled", "user_reason"]

_log = logging.getLogger(__name__)


def _log_skipped(report: BuildReport) -> None:
    """One Vietnamese log line per docs/ file a build left out, naming the file and why."""
    for line in report.errors:
        _log.warning(msg.FILE_SKIPPED.format(error=line))


def user_reason(exc: BaseException) -> str:
    """Why something failed, for a reader: our own errors carry a Vietnamese message; a
    system error is named in Vietnamese ("không có quyền truy cập", never "[Errno 13] ..."); any
    other is a bug, logged with its traceback and named only by its kind."""
    if isinstance(exc, (IngestError, LibraryError, IndexUnavailable)):
        return str(exc)
    if isinstance(exc, OSError):
        return os_reason(exc)
    _log.error("unexpected failure", exc_info=exc)
    return msg.INTERNAL_ERROR.format(kind=type(exc).__name__)


class LibraryError(ValueError):
    """An article could not be added or removed; the message is for the user (Vietnamese)."""


class AddCancelled(LibraryError):
    """The add was cancelled by its caller; docs/ and the index are as they were."""


class _Stop(Exception):
    """Raised from the progress callback to stop a build whose add was cancelled."""


@dataclass(frozen=True)
class ArticleInfo:
    """A row of the article library."""

    article: Article
    chunks: int


class Engine:
    """Everything needed to answer, loaded once."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None,
                 progress: bool = False, background: bool = False) -> None:
        """`background` (the server): with a usable last build, answer from it at once and
        bring the index in line with docs/ in a thread (articles an add killed before its
        end are embedded meanwhile; adds and removals wait for it)."""
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        self._lock = threading.Lock()
        self._switching = threading.Lock()  # one thread loads a newer build at a time
        self.watch = DamageWatch()
        leftovers = remove_upload_leftovers(settings.docs_dir)
        if leftovers:  # hidden files of an add killed between writing and linking
            _log.warning(msg.UPLOAD_LEFTOVERS_REMOVED.format(
                count=len(leftovers), path=settings.docs_dir, names=", ".join(leftovers)))
        if background and self._serve_last_build():
            return
        index, self.last_report = ensure_index(settings, self.embedder, progress=progress)
        self._retriever = Retriever(index, self.embedder, settings)
        _log_skipped(self.last_report)

    def _serve_last_build(self) -> bool:
        """Serve the last good build now and catch up with docs/ in a thread; False when
        there is no usable build (then the caller builds one, waiting)."""
        try:
            index = load_index(self.settings.index_dir, self.settings)
        except IndexUnavailable:
            return False
        if index.embedder_name != self.embedder.name:
            return False
        self._retriever = Retriever(index, self.embedder, self.settings)
        self.last_report = BuildReport("unchanged",
                                       errors=tuple(index.manifest.get("skipped", ())))
        self._lock.acquire()  # released by the catch-up thread when it is done
        threading.Thread(target=self._catch_up, daemon=True, name="index-catch-up").start()
        return True

    def _catch_up(self) -> None:
        try:
            report = self._reindex()
            if report.action != "unchanged":
                _log.warning(msg.INDEX_CAUGHT_UP.format(
                    added=len(report.added), changed=len(report.changed),
                    removed=len(report.removed)))
        except Exception as exc:  # noqa: BLE001 - the last build keeps serving
            _log.error(msg.INDEX_CATCH_UP_FAILED.format(reason=user_reason(exc)))
        finally:
            self._lock.release()

    @property
    def retriever(self) -> Retriever:
        """The retriever of the current build: every reader (the chat, /api, /v1) goes
        through here, so a build made by another process is picked up by all of them alike,
        and a build whose files are damaged under the server is noticed (`watch`)."""
        self.refresh()
        self.watch.check(self)
        return self._retriever

    def refresh(self) -> bool:
        """Switch to a newer build made by another process (`python -m assistant index`,
        another server) without a restart; True when it switched. Cheap when nothing changed:
        one small file is read. A newer build that cannot be loaded is ignored. While this
        process changes the library itself (it switches when done), or another thread is
        already switching, the build in hand is kept."""
        live = live_build(self.settings.index_dir)
        if live is None or live == self._retriever.index.directory or self._lock.locked():
            return False
        if not self._switching.acquire(blocking=False):
            return False
        try:
            if live_build(self.settings.index_dir) == self._retriever.index.directory:
                return False
            index = load_index(self.settings.index_dir, self.settings)
            if index.embedder_name != self.embedder.name:
                return False
            self._retriever = Retriever(index, self.embedder, self.settings)
            return True
        except IndexUnavailable:
            return False
        finally:
            self._switching.release()

    def ask(self, question: str, history: Sequence[Turn | str] = (), *, k: int | None = None,
            mode: str | None = None) -> Answer:
        """The final answer to `question`, given the earlier turns (Turns, or plain earlier
        questions)."""
        final = None
        for final in self.stream(question, history, k=k, mode=mode):  # noqa: B007 (the last)
            pass
        return final

    def stream(self, question: str, history: Sequence[Turn | str] = (), *, k: int | None = None,
               mode: str | None = None) -> Iterator[Answer]:
        """Partial answers whose text grows, then the complete, verified answer (last).

        Any string is answered: characters that cannot be encoded (bytes that were not UTF-8,
        lone surrogates) are replaced by U+FFFD and a notice says so."""
        question = question if isinstance(question, str) else str(question or "")
        clean = scrub(question)
        history = tuple(Turn(scrub(t.question), scrub(t.answer)) for t in as_turns(history))
        notices = (msg.QUESTION_BAD_CHARS,) if clean != question else ()
        for answer in self._stream(clean, history, k=k, mode=mode):
            figures = extract_figures(answer.text, answer.citations) if answer.citations else ()
            yield dataclasses.replace(answer, notices=notices + answer.notices, figures=figures) \
                if notices or figures else answer

    def _stream(self, question: str, history: Sequence[Turn], *, k: int | None,
                mode: str | None) -> Iterator[Answer]:
        mode = mode or self.settings.answer_mode
        retriever = self.retriever
        if mode == "llm" and self.llm_available:
            from ..answering.llm import stream_llm_answer

            yield from stream_llm_answer(question, retriever, history=history, k=k)
            return
        answer = answer_question(question, retriever, history=history, k=k)
        for text in stream_text(answer.text):
            yield Answer(question=answer.question, text=text, notices=answer.notices,
                         resolved_question=answer.resolved_question)
        yield answer

    @property
    def llm_available(self) -> bool:
        """True when an LLM endpoint is configured (it may still turn out unreachable)."""
        return bool(self.settings.llm_model and (self.settings.llm_base_url
                                                 or self.settings.llm_provider == "ollama"))

    def articles(self) -> list[ArticleInfo]:
        """The indexed articles, newest first, with their chunk counts."""
        index = self.retriever.index
        counts = index.chunk_counts()
        rows = [ArticleInfo(a, counts.get(a.id, 0)) for a in index.articles.values()]
        return sorted(rows, key=lambda r: (r.article.date, r.article.id), reverse=True)

    def skipped(self) -> list[tuple[str, str]]:
        """(file name, why) of every docs/ file the live build left out."""
        rows = self.retriever.index.manifest.get("skipped") or ()
        return [tuple(str(line).split(": ", 1)) if ": " in str(line) else (str(line), "")
                for line in rows]

    def article(self, article_id: str) -> Article | None:
        return self.retriever.index.articles.get(article_id)

    def _reindex(self, on_progress: Callable[[int, int], None] | None = None,
                 cancel: threading.Event | None = None) -> BuildReport:
        index, report = ensure_index(self.settings, self.embedder, wait=True,
                                     on_progress=on_progress)
        if cancel is not None and cancel.is_set():
            raise _Stop  # cancelled after the last batch: never served, undone by the caller
        self._retriever = Retriever(index, self.embedder, self.settings)
        self.last_report = report
        _log_skipped(report)
        return report

    def _acquire(self, cancel: threading.Event | None,
                 waiting: Callable[[], None] | None) -> None:
        """Take the library lock; while another add or removal holds it, say so once through
        `waiting()` and give up (AddCancelled) as soon as `cancel` is set."""
        if self._lock.acquire(blocking=False):
            return
        if waiting is not None:
            waiting()
        while not self._lock.acquire(timeout=0.1):
            if cancel is not None and cancel.is_set():
                raise AddCancelled(msg.ARTICLE_CANCELLED)

    def add_article(self, content: str | bytes, *, filename: str = "", title: str = "",
                    date: str = "", source: str = "", author: str = "",
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None,
                    waiting: Callable[[], None] | None = None) -> tuple[Article, str]:
        """Save a new article into docs/ and index it; returns it with a message to show.

        Raises LibraryError (message in Vietnamese) and leaves docs/ and the index as they
        were when the article cannot be added. `progress(done, total)`: texts embedded so far
        of those the embedding cache lacks, after each batch. `cancel`: set it to stop the add
        (AddCancelled; docs/ and the index as they were). `waiting()`: called once when the
        add has to wait for another add or removal to finish.
        """
        if not (content.strip() if isinstance(content, str) else content.strip()):
            raise LibraryError(msg.ARTICLE_REJECTED.format(reason=msg.ARTICLE_EMPTY))

        def on_progress(done: int, total: int) -> None:
            if cancel is not None and cancel.is_set():
                raise _Stop
            if progress is not None:
                progress(done, total)

        self._acquire(cancel, waiting)
        try:
            if cancel is not None and cancel.is_set():
                raise AddCancelled(msg.ARTICLE_CANCELLED)
            try:
                known = {a.path: a for a in self._retriever.index.articles.values()}
                path = save_article(self.settings.docs_dir, content=content, filename=filename,
                                    title=title, date=date, source=source, author=author,
                                    known=known, max_bytes=self.settings.library_max_bytes)
            except (IngestError, OSError) as exc:
                raise LibraryError(msg.ARTICLE_REJECTED.format(reason=user_reason(exc))) \
                    from exc
            try:
                report = self._reindex(on_progress, cancel)
                article = next((a for a in self._retriever.index.articles.values()
                                if a.path == path.name), None)
                if article is None:  # skipped by the indexer: say why, leave nothing behind
                    reason = next((e.split(": ", 1)[-1] for e in report.errors
                                   if e.startswith(f"{path.name}: ")), msg.ARTICLE_NO_TEXT)
                    raise IngestError(reason)
            except Exception as exc:
                path.unlink(missing_ok=True)
                self._reindex_quietly()
                if isinstance(exc, _Stop):
                    raise AddCancelled(msg.ARTICLE_CANCELLED) from None
                raise LibraryError(msg.ARTICLE_REJECTED.format(reason=user_reason(exc))) \
                    from exc
            chunks = self._retriever.index.chunk_counts().get(article.id, 0)
            return article, msg.ARTICLE_ADDED.format(title=article.display_title, chunks=chunks)
        finally:
            self._lock.release()

    def _reindex_quietly(self) -> None:
        """Back to the index of docs/ as it is after a failed add (errors are not the user's)."""
        try:
            self._reindex()
        except Exception:  # noqa: BLE001 - the add already failed; the old index keeps serving
            pass

    def remove_article(self, article_id: str, *,
                       waiting: Callable[[], None] | None = None) -> str:
        """Delete an article's file from docs/ and drop it from the index; `waiting()` is
        called once when it has to wait for an add to finish."""
        self._acquire(None, waiting)
        try:
            article = self.article(article_id)
            path = find_article_file(self.settings.docs_dir, article_id,
                                     hint=article.path if article else "")
            if path is None or article is None:
                raise LibraryError(msg.ARTICLE_NOT_FOUND.format(id=article_id))
            try:
                backup = path.read_bytes()
                path.unlink()
            except OSError as exc:
                raise LibraryError(msg.ARTICLE_NOT_REMOVED.format(reason=user_reason(exc))) \
                    from exc
            try:
                self._reindex()
            except Exception as exc:
                path.write_bytes(backup)
                raise LibraryError(msg.ARTICLE_NOT_REMOVED.format(reason=user_reason(exc))) \
                    from exc
            return msg.ARTICLE_REMOVED.format(title=article.display_title)
        finally:
            self._lock.release()
