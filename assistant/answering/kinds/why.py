"""Why: the cause or the purpose, from the sentence that gives it (a cause word nearby is
preferred); a question opening with "Vì sao"/"Tại sao"/"Do đâu"/"Sao" is a why-question even when it
compares ("Sao tỷ lệ ở bộ, ngành lại thấp hơn?"). Answered by the single-fact plan; the
near-miss check says when no cause is given (`nearmiss`)."""
from __future__ import annotations

from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="why", order=70,
    patterns=(r"\b(?:vi\s+sao|tai\s+sao|vi\s+dau|sao\s+lai|nguyen\s+(?:nhan|do)|ly\s+do|muc\s+dich"
              r"|de\s+lam\s+gi|nham\s+muc\s+dich|y\s+nghia|nho\s+dau|do\s+dau"
              r"|(?:dieu\s+gi|yeu\s+to\s+nao)\s+(?:da\s+)?(?:giup|khien|lam\s+cho|dan\s+den))\b",
              r"^\s*sao\s+(?!roi\b|vay\b|the\b|nua\b|a\b|ha\b)\w+"),
    opening=(r"^\s*(?:vi\s+sao|tai\s+sao|do\s+dau|vi\s+dau|nho\s+dau)\b",
             r"^\s*sao\s+(?!roi\b|vay\b|the\b|nua\b|a\b|ha\b)\w+.*\blai\b"),
    examples=("Điều gì giúp cơ sở dữ liệu được kết nối nhanh như vậy?",
              "Yếu tố nào đã giúp Nghệ An tăng hạng?",
              "sao mấy bộ ngành phải làm tốt Nghị quyết 57 vậy?",
              "Nguyên nhân của nhiều vụ mất dữ liệu thời gian qua là gì?",
              "Vì sao xảy ra nhiều vụ mất dữ liệu?",
              "Nguyên do nào khiến nhiều địa phương chưa có kế hoạch?",
              "Sao tỷ lệ ở bộ, ngành lại thấp hơn ở địa phương?",
              "Tại sao Hải Dương tăng nhanh hơn Nghệ An?",
              "Do đâu mà tỷ lệ ở bộ, ngành thấp hơn hẳn ở địa phương?")))
