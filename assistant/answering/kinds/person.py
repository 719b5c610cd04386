"""People: who did something, from a sentence that names a person (not a place); answered by
the single-fact plan."""
from __future__ import annotations

from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="person", order=120,
    patterns=(r"\b(?:ai|nguoi\s+nao|vi\s+nao|dong\s+chi\s+nao|ong\s+nao|ba\s+nao)\b",),
    examples=("Ai chủ trì Phiên họp lần thứ 8?", "Đồng chí nào phát biểu khai mạc?")))
