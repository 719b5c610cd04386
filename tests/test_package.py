"""The package: `pip install -e .` in a fresh venv gives a working `assistant` command."""
from __future__ import annotations

import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_editable_install_gives_the_assistant_command(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=300)
    purelib = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies (pip and setuptools too) come from the test environment, already
    # installed and pinned; only the project itself is installed here, offline.
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install",
                              "--no-build-isolation",
                              "--no-index", "-e", str(ROOT)], capture_output=True, text=True,
                             timeout=600)
    assert install.returncode == 0, install.stdout + install.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    out = subprocess.run([str(venv / "bin" / "assistant"), "--help"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: assistant ") and "ASSISTANT_DOCS_DIR" in out.stdout
    for command in ("index", "search", "ask", "chat", "serve", "eval", "bench"):
        assert f"    {command} " in out.stdout
    bad = subprocess.run([str(venv / "bin" / "assistant"), "nonsense"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2
