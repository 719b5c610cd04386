"""Places: where something happened or which locality; answered by the single-fact plan."""
from __future__ import annotations

from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="place", order=130,
    patterns=(r"\b(?:o\s+dau|tai\s+dau|noi\s+nao|dia\s+phuong\s+nao|tinh\s+nao|dau)\b",),
    examples=("Hội nghị Đề án 06 tổ chức ở đâu?",)))
