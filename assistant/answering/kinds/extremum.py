"""The highest or lowest of a list ("thủ tục nào tỷ lệ trực tuyến cao nhất"); the plan is
`gather.plan_extremum`."""
from __future__ import annotations

from ..gather import plan_extremum
from ..question import HIGHEST, LOWEST
from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="extremum", order=50,
    patterns=(rf"\b\w+(?:\s+\w+)?\s+nao\b.*(?:{HIGHEST.pattern}|{LOWEST.pattern})",),
    examples=("Thủ tục nào tỷ lệ trực tuyến cao nhất, thủ tục nào thấp nhất?",
              "Tinh nao co nhieu san pham OCOP nhat?"),
    plan=plan_extremum))
