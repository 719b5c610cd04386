"""The README is a front page: at most 300 lines, every topic page of guide/ linked from it,
and every relative link or image of the README and the guide pages pointing at a real file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "guide").glob("*.md"))]
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_is_a_front_page_linking_every_topic_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 300
    linked = set(re.findall(r"\(guide/([\w-]+\.md)", readme))
    assert linked == {p.name for p in (ROOT / "guide").glob("*.md")}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_point_at_files_that_exist(page: Path) -> None:
    missing = []
    for target in _LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (page.parent / target.split("#", 1)[0]).resolve()
        if not path.exists():
            missing.append(target)
    assert not missing, f"{page.name}: {missing}"
