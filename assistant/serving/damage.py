"""Index files damaged under a running server (issue 19, point 5).

The current build's files are compared with the sizes its manifest records (one `stat` per
file, at every question, list or search). A file that changed is logged once in Vietnamese
and the index is rebuilt in a thread of its own, under the library lock; meanwhile the server
answers from the build it has loaded, which damage on disk cannot reach (`indexing.arrays`
reads index arrays into memory, or maps the large ones from a private copy): the last good
build keeps answering, never a SIGBUS and never a 503 while it is rebuilt."""
from __future__ import annotations

import logging
import threading

from .. import messages as msg
from ..indexing.segments import SEGMENTS

__all__ = ["DamageWatch"]

_log = logging.getLogger(__name__)


class DamageWatch:
    """Whether the engine's current build is intact on disk; the repair when it is not."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.repairing: threading.Thread | None = None

    @staticmethod
    def damaged(index, index_dir) -> str:
        """The first file of `index`'s build whose size differs from its manifest's ("")."""
        root = index_dir / SEGMENTS
        for rel, size in (index.manifest.get("sizes") or {}).items():
            try:
                if (root / rel).stat().st_size != size:
                    return rel
            except OSError:
                return rel
        return ""

    def check(self, engine) -> None:
        """Look, and start a repair on damage (the build in hand keeps answering)."""
        if self.repairing is None and self._lock.acquire(blocking=False):
            try:
                if self.repairing is None:
                    self._look(engine)
            finally:
                self._lock.release()

    def _look(self, engine) -> None:
        rel = self.damaged(engine._retriever.index, engine.settings.index_dir)
        if not rel:
            return
        _log.warning(msg.INDEX_DAMAGED_LIVE.format(file=rel))
        self.repairing = threading.Thread(target=self._repair, args=(engine,), daemon=True,
                                          name="index-repair")
        self.repairing.start()

    def _repair(self, engine) -> None:
        try:
            with engine._lock:
                report = engine._reindex()
            index = engine._retriever.index
            _log.warning(msg.INDEX_REPAIRED_LIVE.format(
                articles=len(index.articles), chunks=sum(index.chunk_counts().values()))
                + (f" ({report.reason})" if report.reason else ""))
        except Exception as exc:  # noqa: BLE001 - logged; the next check tries again
            _log.error(msg.INDEX_REPAIR_FAILED.format(reason=exc))
        finally:
            self.repairing = None
