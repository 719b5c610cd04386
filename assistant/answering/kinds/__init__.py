"""One module per kind of question, each registering its patterns, examples, searches and plan
with `answering.registry` when imported. Adding a kind: a module here, its import below, and
its examples are tested by tests/answering/test_kinds.py."""
from . import (byline, comparison, date, definition, extremum, how, listing, number, person, place,
               role, summary, why, yesno)

__all__ = ["byline", "comparison", "date", "definition", "extremum", "how", "listing", "number",
           "person", "place", "role", "summary", "why", "yesno"]
