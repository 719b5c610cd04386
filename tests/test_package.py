"""The package: a clean venv, `pip install .[eval]` (torch's CPU build first, as the README
says), and every module imports from the installed copy, with `assistant --help` and
`assistant eval --help` working: pyproject.toml declares what the code imports."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

# Run from the venv on the installed copy (cwd outside the repository): every module, walked.
_IMPORT_ALL = """
import importlib, pkgutil, assistant
names = [m.name for m in pkgutil.walk_packages(assistant.__path__, "assistant.")]
for name in names:
    importlib.import_module(name)
print(assistant.__file__)
print(len(names))
"""


def _run(args: list, cwd: Path, timeout: int) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ASSISTANT_", "PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_a_clean_install_with_the_eval_extra_imports_every_module(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py, pip = venv / "bin" / "python", [venv / "bin" / "python", "-m", "pip", "install", "-q"]
    torch = _run(pip + ["torch==2.13.0"], tmp_path, 1800)  # the CPU build, before anything
    assert torch.returncode == 0, torch.stdout + torch.stderr
    source = tmp_path / "source"  # a copy: the build leaves nothing in the checkout
    shutil.copytree(ROOT / "assistant", source / "assistant",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    install = _run(pip + [f"{source}[eval]"], tmp_path, 1800)
    assert install.returncode == 0, install.stdout + install.stderr

    imported = _run([py, "-c", _IMPORT_ALL], tmp_path, 600)
    assert imported.returncode == 0, imported.stderr
    where, count = imported.stdout.split()
    assert str(venv) in where and int(count) > 40  # the installed copy, not the checkout

    out = _run([venv / "bin" / "assistant", "--help"], tmp_path, 120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: assistant ") and "ASSISTANT_DOCS_DIR" in out.stdout
    for command in ("index", "search", "ask", "chat", "serve", "eval", "bench"):
        assert f"    {command} " in out.stdout
    assert "--sweep" in _run([venv / "bin" / "assistant", "eval", "--help"], tmp_path,
                             120).stdout
    assert _run([venv / "bin" / "assistant", "nonsense"], tmp_path, 120).returncode == 2
