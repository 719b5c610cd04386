"""Index files damaged under a running server (issue 19, point 5).

The current build's files are compared with the sizes its manifest records (one `stat` per
file, at every question, list or search). A file that changed is logged once in Vietnamese
and the index is rebuilt in a thread of its own, under the library lock; meanwhile the server
answers from the build it has in memory (`indexing.arrays` reads index files into memory, not
mapped, unless they are large). When a damaged file is one of the few large, memory-mapped
ones, the server stops touching it and says the index is being rebuilt (503 on the API) until
it is: never a SIGBUS."""
from __future__ import annotations

import logging
import threading

from .. import messages as msg
from ..indexing.arrays import MAPPED
from ..indexing.segments import SEGMENTS
from ..indexing.store import IndexUnavailable

__all__ = ["DamageWatch"]

_log = logging.getLogger(__name__)


class DamageWatch:
    """Whether the engine's current build is intact on disk; the repair when it is not."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.repairing: threading.Thread | None = None
        self.unusable = ""  # a damaged, memory-mapped file: why the build may not be used

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
        """Look; start a repair on damage; raise IndexUnavailable while the build in hand
        cannot be used safely."""
        if self.repairing is None and self._lock.acquire(blocking=False):
            try:
                if self.repairing is None:
                    self._look(engine)
            finally:
                self._lock.release()
        if self.unusable:
            raise IndexUnavailable(self.unusable)

    def _look(self, engine) -> None:
        index = engine._retriever.index
        rel = self.damaged(index, engine.settings.index_dir)
        if not rel:
            return
        _log.warning(msg.INDEX_DAMAGED_LIVE.format(file=rel))
        root = engine.settings.index_dir / SEGMENTS
        if any(path.startswith(str(root / rel.split("/")[0])) for path in MAPPED):
            self.unusable = msg.INDEX_DAMAGED_MAPPED.format(file=rel)
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
            self.unusable = ""
        except Exception as exc:  # noqa: BLE001 - logged; the next check tries again
            _log.error(msg.INDEX_REPAIR_FAILED.format(reason=exc))
        finally:
            self.repairing = None
