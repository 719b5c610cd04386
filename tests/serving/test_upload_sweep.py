"""`upload_sweep` on its own (issue 19, point 10): only uploads, only in Gradio's temp folder,
only when older than the TTL. The real server's sweep: `test_http_guard`."""
from __future__ import annotations

import os

from assistant.serving.upload_sweep import UploadSweeper, interval


def _file(path, mtime: float):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    os.utime(path, (mtime, mtime))
    return path


def test_only_old_uploads_inside_the_temp_folder_are_removed(tmp_path, monkeypatch) -> None:
    temp = tmp_path / "gradio"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(temp))
    old = _file(temp / "a1" / "cu.txt", 1000)
    young = _file(temp / "b2" / "moi.txt", 1990)
    outside = _file(tmp_path / "docs" / "bai.txt", 1000)  # listed, but not Gradio's
    stranger = _file(temp / "c3" / "khac.txt", 1000)  # Gradio's folder, but no upload of ours
    gone = str(temp / "d4" / "da-them.txt")  # added already: its file removed by the add
    uploads = {str(old), str(young), str(outside), gone}
    sweeper = UploadSweeper(uploads, ttl_seconds=60, clock=lambda: 2000)
    assert sweeper.sweep() == 1
    assert not old.exists() and not old.parent.exists()
    assert young.exists() and outside.exists() and stranger.exists()
    assert uploads == {str(young), str(outside)}
    sweeper._clock = lambda: 2100
    assert sweeper.sweep() == 1 and not young.exists() and outside.exists()


def test_the_sweep_interval_follows_the_ttl() -> None:
    assert interval(6) == 1.5 and interval(3600) == 60 and interval(1) == 1
