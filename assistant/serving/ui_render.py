"""HTML and plain text of what the web chat shows: pure functions, no Gradio.

Escaping happens exactly once, here, with `html.escape`: the chat displays these strings as
HTML (Markdown rendering is off), so text from articles, uploads and users is never parsed as
Markdown or markup and never escaped twice. Answers may hold line breaks; they become <br>.

Links inside the chat carry what the page script (`ui.py`) needs in their `href`:
`#nguon-<turn>-<n>` opens source n of answer `turn` in the article viewer.
"""
from __future__ import annotations

import datetime
import html
import re

from .. import messages as msg
from ..answering.answer import format_date
from ..answering.render import answer_text, related_passages, snippet
from ..schema import Answer, Article, Citation, Figure

__all__ = ["answer_html", "user_html", "article_html", "library_html", "figures_html",
           "figures_text", "number", "decimal", "iso_date", "size_label", "add_progress_html",
           "plain_html"]

_MARKER = re.compile(r"\[(\d+)\]")


def _esc(text: str) -> str:
    return html.escape(text or "", quote=False)  # only text content: quotes need no escape


def plain_html(text: str | None) -> str:
    """A status line shown as exactly its text: an article title in it ("Đã thêm bài …", the
    removal question) is never read as Markdown or HTML (no link, no image, no tag)."""
    return f"<p class='plain-status'>{_esc(text)}</p>" if text else ""


def decimal(value: float, digits: int = 2) -> str:
    """A number as Vietnamese readers write it: 0,84 (decimal comma)."""
    return f"{value:.{digits}f}".replace(".", ",")


def number(value: float) -> str:
    """A figure as the answer writes it: 1250 -> "1.250", 18.3 -> "18,3", 53.62 -> "53,62"."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:.4f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


def _figure_value(f: Figure) -> str:
    unit = f.unit if f.unit.startswith("%") else f" {f.unit}"
    return f"{number(f.value)}{unit}"


def figures_text(figures: tuple[Figure, ...] | list[Figure]) -> str:
    """The figures as one plain line of the copied answer ("" when there are none)."""
    if not figures:
        return ""
    items = "; ".join(f"{f.label}: {_figure_value(f)} [{f.n}]" for f in figures)
    return f"{msg.UI_FIGURES_TITLE}: {items}"


def figures_html(figures: tuple[Figure, ...] | list[Figure], turn: int) -> str:
    """A small bar chart of the figures (plain HTML, widths in %): each bar with its label,
    value and [n], linked to its source like the marker in the text."""
    if not figures:
        return ""
    top = max(abs(f.value) for f in figures) or 1.0
    rows = "".join(
        f'<div class="fig-row"><span class="fig-label">{_esc(f.label)}</span>'
        f'<span class="fig-track"><span class="fig-bar" style="width:'
        f'{max(1.0, 60 * abs(f.value) / top):.1f}%"></span>'
        f'<span class="fig-value">{_esc(_figure_value(f))} '
        f'{_cite_link(turn, f.n, f"[{f.n}]")}</span></span></div>' for f in figures)
    return ('<figure class="figures">'
            f'<figcaption class="fig-title">{_esc(msg.UI_FIGURES_TITLE)}</figcaption>'
            f"{rows}</figure>")


def size_label(n_bytes: int) -> str:
    """200000 -> "195 KB"; 5242880 -> "5,0 MB"."""
    if n_bytes >= 1024 * 1024:
        return f"{decimal(n_bytes / 1024 / 1024, 1)} MB"
    return f"{max(1, round(n_bytes / 1024))} KB"


def iso_date(text: str) -> str | None:
    """A date as a reader types it, as YYYY-MM-DD: "15/11/2025", "15-11-2025", "2025-11-15"
    and "" (no date) are understood; None when it is not a real date."""
    text = (text or "").strip()
    if not text:
        return ""
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not m:
            return None
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _cite_link(turn: int, n: int, label: str, cls: str = "cite") -> str:
    return f'<a class="{cls}" href="#nguon-{turn}-{n}">{label}</a>'


def _answer_text_html(text: str, turn: int, known: set[int]) -> str:
    """The answer's text, escaped, its [n] markers links to their sources, lines kept."""
    out = []
    for line in text.split("\n"):
        pieces, last = [], 0
        for m in _MARKER.finditer(line):
            pieces.append(_esc(line[last:m.start()]))
            n = int(m.group(1))
            pieces.append(_cite_link(turn, n, f"[{n}]") if n in known else _esc(m.group(0)))
            last = m.end()
        pieces.append(_esc(line[last:]))
        out.append("".join(pieces))
    return "<br>".join(out)


def _meta(*parts: str) -> str:
    return " · ".join(_esc(p) for p in parts if p)


def _passage_html(c: Citation) -> str:
    before = c.passage[: c.start - c.passage_start]
    after = c.passage[c.end - c.passage_start:]
    return _lines(f"{_esc(before)}<mark>{_esc(c.quote)}</mark>{_esc(after)}")


def _lines(escaped: str) -> str:
    """Escaped text with its paragraph and line breaks shown."""
    return re.sub(r"\n\s*\n", "<br><br>", escaped).replace("\n", "<br>")


def answer_html(answer: Answer, turn: int, *, scores: dict[str, tuple[int, float]] | None = None,
                related_min_lexical: float = 0.0, partial: bool = False) -> str:
    """One answer of the chat: notices, the text with linked markers, its sources folded
    under it (each title opens the article), related passages when declining, and the plain
    text the copy link puts on the clipboard. `partial`: the text only, while it streams."""
    known = {c.n for c in answer.citations}
    if partial:
        return f'<div class="answer streaming"><div class="answer-text">' \
               f'{_answer_text_html(answer.text, turn, known)}</div></div>'
    parts = [f'<p class="notice"><i>{_esc(n)}</i></p>' for n in answer.notices]
    parts.append(f'<div class="answer-text">{_answer_text_html(answer.text, turn, known)}</div>')
    parts.append(figures_html(answer.figures, turn))
    if scores is not None:
        value = decimal(answer.confidence)
        parts.append(f'<p class="confidence"><small>{_esc(msg.UI_CONFIDENCE.format(value=value))}'
                     "</small></p>")
    if answer.citations:
        items = []
        for c in answer.citations:
            score = ""
            if scores is not None and c.chunk_id in scores:
                rank, value = scores[c.chunk_id]
                label = msg.UI_SCORE.format(rank=rank, score=decimal(value, 3))
                score = f" <small>({_esc(label)})</small>"
            title = _cite_link(turn, c.n, f"[{c.n}] {_esc(c.title)}", "cite src-title")
            items.append(f"<li>{title} <small>"
                         f"{_meta(c.source, format_date(c.date, c.date_inferred))}</small>"
                         f"{score}<br>{_passage_html(c)}</li>")
        parts.append(f'<details class="sources"><summary>'
                     f'{_esc(msg.UI_SOURCES_COUNT.format(n=len(answer.citations)))}</summary>'
                     f'<ul class="src-list">{"".join(items)}</ul></details>')
    related = related_passages(answer, related_min_lexical)
    if related:
        rows = "".join(f"<li><b>{_esc(h.article.display_title)}</b>: {_esc(snippet(h.chunk.text))}"
                       "</li>" for h in related)
        parts.append(f'<div class="related"><b>{_esc(msg.RELATED_INTRO)}</b><ul>{rows}</ul></div>')
    plain = answer_text(answer, related_min_lexical=related_min_lexical)
    if answer.figures:  # after the text, before the sources
        plain = plain.replace(f"\n\n{msg.SOURCES}:",
                              f"\n{figures_text(answer.figures)}\n\n{msg.SOURCES}:", 1)
    parts.append(f'<div class="plain-copy">{_esc(plain)}</div>')
    parts.append(f'<a class="copy-answer" href="#chep-{turn}">{_esc(msg.UI_COPY)}</a>')
    return f'<div class="answer" id="answer-{turn}">{"".join(parts)}</div>'


def _user_lines(text: str) -> str:
    return "<br>".join(_esc(line) for line in text.split("\n"))


def user_html(question: str, fold_at: int = 400, head: int = 280) -> str:
    """A question as the user typed it, escaped, line breaks kept; one longer than `fold_at`
    characters shows its first `head` or so (cut between words) and "Xem thêm", which opens
    the whole question."""
    question = question or ""
    if len(question) <= fold_at:
        return _user_lines(question)
    cut = question.rfind(" ", 0, head + 1)
    start = question[: cut if cut > head // 2 else head].rstrip()
    return (f'<details class="q-long"><summary>{_user_lines(start)}… '
            f'<span class="q-more">{_esc(msg.UI_QUESTION_MORE)}</span></summary>'
            f"{_user_lines(question)}</details>")


def article_html(article: Article, start: int, end: int) -> str:
    """The whole article with the cited span in <mark id="cited-span">."""
    text = article.text
    body = (f"{_esc(text[:start])}<mark id='cited-span'>{_esc(text[start:end])}</mark>"
            f"{_esc(text[end:])}").replace("\n\n", "</p><p>").replace("\n", "<br>")
    meta = _meta(article.source, format_date(article.date, "date" in article.inferred),
                 article.author)
    return (f"<div class='article'><h3>{_esc(article.display_title)}</h3><p><small>{meta}"
            f"</small></p><p>{body}</p></div>")


def library_html(rows: list[tuple[Article, int]],
                 skipped: list[tuple[str, str]] | tuple = ()) -> str:
    """The article library as a table (on a phone each row reads as a card), then the files
    of docs/ left out of the index, each with why."""
    left_out = ""
    if skipped:
        items = "".join(f"<li><span class='lib-skipped-file'>{_esc(name)}</span>: "
                        f"{_esc(reason)}</li>" for name, reason in skipped)
        left_out = (f"<div class='library-skipped' role='note'><p>"
                    f"{_esc(msg.UI_LIB_SKIPPED)}</p><ul>{items}</ul></div>")
    if not rows:
        return f"<p>{_esc(msg.UI_LIB_EMPTY)}</p>{left_out}"
    head = "".join(f"<th>{_esc(h)}</th>" for h in msg.UI_LIB_HEADERS)
    body = "".join(
        f"<tr><td class='lib-title'>{_esc(a.display_title)}</td>"
        f"<td class='lib-date'>{_esc(format_date(a.date))}</td>"
        f"<td class='lib-source'>{_esc(a.source)}</td><td class='lib-chunks'>{chunks}"
        f"<span class='phone-only'> {_esc(msg.UI_LIB_CHUNKS)}</span></td>"
        f"<td class='lib-id'>{_esc(a.id)}</td></tr>" for a, chunks in rows)
    return f"<table class='library-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody>" \
           f"</table>{left_out}"


def _count(n: int) -> str:
    """1250 -> "1.250" (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def add_progress_html(stage: str, done: int = 0, total: int = 0, outcome: str = "") -> str:
    """Where an add of an article stands: "started", "waiting" (another add holds the
    library), "progress" (`done` of `total` texts embedded: real figures, a real bar),
    "writing" (all embedded, the index being written), "cancelling", or "done" (`outcome`,
    the message of the add, shown where the reader clicked)."""
    if stage == "done":
        return (f"<div class='add-progress' data-stage='done' role='status'>"
                f"<span class='add-progress-text'>{_esc(outcome)}</span></div>")
    if stage == "progress":
        percent = 100 * done // max(total, 1)
        text = msg.UI_ADD_PROGRESS.format(done=_count(done), total=_count(total),
                                          percent=percent)
        bar = f"<progress max='{max(total, 1)}' value='{min(done, total)}'></progress>"
    else:
        text = {"started": msg.UI_ADD_STARTED, "waiting": msg.UI_ADD_WAITING,
                "writing": msg.UI_ADD_WRITING.format(total=_count(total)),
                "cancelling": msg.UI_ADD_CANCELLING}[stage]
        bar = "<progress></progress>"  # no figures yet: an indeterminate bar
    return (f"<div class='add-progress' data-stage='{stage}' role='status' aria-live='polite' "
            f"aria-label='{html.escape(msg.UI_ADD_PROGRESS_LABEL)}'>{bar}"
            f"<span class='add-progress-text'>{_esc(text)}</span></div>")
