"""Evaluation: every stage measured on the question sets in eval/ (retrieval, answers,
citations, abstention, kinds of question, cross-validated tuning). It drives the public
functions of the layers below; only the CLI's `eval` command imports it.
"""
from .evaluate import main

__all__ = ["main"]
