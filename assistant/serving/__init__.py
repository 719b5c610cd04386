"""Serving: the loaded assistant (`Engine`) and what people and programs reach it through.

engine (index, embedder and answerer wired, library edits) → ui (the Gradio chat; ui_render
its HTML, ui_assets its CSS/JS, ui_guard login and editing rights) and api (HTTP and OpenAI
routes on the chat's server; server launches the two on one port), both sharing slots (one
budget of answers at once); feedback (votes log) and langchain (`ArticleRetriever`). Names
load lazily: `ask` never imports Gradio.
"""
from importlib import import_module

_EXPORTS = {"Engine": "engine", "LibraryError": "engine", "serve": "server", "build_app": "ui",
            "mount_api": "api", "AnswerSlots": "slots", "ArticleRetriever": "langchain"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
