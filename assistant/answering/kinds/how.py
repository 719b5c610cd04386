"""How: the means or the way ("bằng cách nào", "làm gì để"), from the sentences that give it
(a means word nearby is preferred); answered by the single-fact plan."""
from __future__ import annotations

from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="how", order=90,
    patterns=(r"\b(?:nhu\s+the\s+nao|bang\s+cach\s+nao|lam\s+(?:the\s+nao|sao|gi)\s+de"
              r"|ra\s+sao|(?<!cu\s)the\s+nao|cach\s+nao|bien\s+phap|giai\s+phap\s+gi)\b",),
    examples=("Hải Dương đã làm gì để người dân dùng dịch vụ công trực tuyến?",
              "Đà Nẵng triển khai Đề án 06 bằng cách nào?")))
