"""Plans that read more than the best sentence: a list gathered from the passage that
announces it, a summary of the article meant, a comparison searched side by side."""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

import numpy as np

from .. import messages as msg
from ..articles.clean import fold
from ..articles.patterns import NUMBER as _NUMBER, YEAR as _YEAR
from .compose import Pick, clauses
from .evidence import (Candidate, coverage, in_caption, in_scope, is_caption,
                       question_weights)
from .lexicon import ends_on_items, heads_items, procedural
from .parts import aspect_part
from .question import LIST_NOUNS, Analysis, extremes
from ..schema import Answer, Article, Hit
from .searches import side_query
from .names import (article_bodies, article_chunks, article_sentences, corpus_names, display,
                    following_paragraphs, hits_for_spans, paragraph_after, sentence_rows)
from .plans import Context, abstain, candidates, dated, piece, plan_fact, respond


__all__ = ["plan_list", "plan_summary", "plan_comparison", "plan_extremum", "figured_items",
           "target_article"]


# A meeting named by its number ("ở phiên họp thứ 9"): what a side is, not what is compared
_EVENT_ORDINAL = re.compile(r"\b(?:o\s+)?(?:phien\s+hop|hoi\s+nghi|phien|lan)\s+(?:lan\s+)?thu"
                            r"(?:\s+\d+)?\b")
_COUNT_ANNOUNCED = re.compile(rf"\b(\d{{1,2}})\s+(?:{LIST_NOUNS})\b")
# A count of items in a question ("6 chính sách mới ... là những gì?"), not an ordinal or a
# name ("phiên họp thứ 8", "Đề án 06")
_COUNT_ASKED = re.compile(rf"(?<!thu\s)(?<!so\s)\b(\d{{1,2}})\s+(?:{LIST_NOUNS}|linh\s+vuc"
                          r"|van\s+ban|diem|y|buoc|tieu\s+chi|dich\s+vu|loai)\b")


# A sentence that goes on with the items of the one before ("... nhiều văn bản. Trong đó,
# Chính phủ đã ban hành 2 nghị định, ...")
_GOES_ON = re.compile(r"^\W*(?:trong\s+do|cu\s+the|bao\s+gom|gom|do\s+la|nhu)\b")
# The lead paragraphs where an article says which period it reports on (characters)
_PERIOD_OPENING = 1000
_PART_OF_YEAR = re.compile(r"\b(?:thang|nua\s+(?:dau|cuoi)|quy|giua\s+nam)\b")


def plan_list(ctx: Context, hits: list[Hit]) -> Answer:
    """The passage that announces the list, and its items one per line: the clauses after
    its colon or between its semicolons, or the paragraphs that follow an announced count."""
    cands = [c for c in candidates(ctx, hits) if c.fits]
    if not cands or cands[0].score < ctx.threshold:
        return plan_fact(ctx, hits)
    best = _announcing(ctx, cands) or cands[0]
    article, text = best.hit.article, best.text
    count = _COUNT_ANNOUNCED.search(fold(text))
    announces = count is not None and len(fold(text)[count.end():].split()) <= 10
    colon = text.find(":")
    items: list[Pick] = []
    counted, listed = _counted_in(ctx.analysis, text), text[colon + 1:] if colon > 10 else text
    if counted and max(len(clauses(listed)), len(re.split(r",|\bvà\b", listed)), 1) < counted \
            and not announces:  # "11/22 Bộ, ngành chưa ..." asked as "những bộ nào?"
        return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                       best.score, missing=[msg.NOT_LISTED])
    asked = _asked_count(ctx.analysis)
    restated = _restated_count(ctx.analysis, text)  # "5 nhóm nhiệm vụ" named again, no items
    tail = fold(text)[restated:] if restated is not None else ""  # (unless "3 trụ cột: A, B và C")
    inline = len(re.split(r",|\bva\b", tail.split(":", 1)[1])) if ":" in tail[:40] else 0
    if restated is not None and not announces and max(len(clauses(tail)), inline) < asked:
        return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                       best.score, missing=[msg.NOT_LISTED])
    if announces and text.rstrip().endswith(".") and len(clauses(text)) < 2:
        spans = following_paragraphs(article, best.end, min(int(count.group(1)), 8))
        hits = hits_for_spans(article, article_chunks(ctx.index, article.id), spans, hits)
        items = [Pick(best.hit, best.start, best.end)]
        for a, b in spans:
            hit = next(h for h in hits if h.article.id == article.id
                       and h.chunk.start <= a and b <= h.chunk.end)
            items.append(Pick(hit, a, b))
        return _respond_items(ctx, items[0], items[1:], hits, best.score)
    after_colon = 10 < colon < len(text) - 20
    parts = clauses(text[colon + 1:] if after_colon else text)
    goes_on = heads_items(parts[-1]) and bool(paragraph_after(ctx.index, article, best.end))
    if len(parts) >= (2 if after_colon else 3) and (not asked or len(parts) >= asked) \
            and not goes_on:  # "…, Thủ tướng chỉ rõ một số hạn chế …. X. Y.": those follow
        items = [Pick(best.hit, best.start, best.end, p) for p in parts[:10]]
        lead = Pick(best.hit, best.start, best.end, text[:colon + 1].rstrip(":") + ".") \
            if after_colon else None
        return _respond_items(ctx, lead, items, hits, best.score)
    commas = text.count(",")
    if asked and max(len(parts), commas + 1) < asked or not asked and commas < 2 and \
            len([c for c in cands if c.score >= 0.9 * best.score]) < 2:
        # the articles name the list (or one item) without enumerating it
        return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                       best.score, missing=[msg.NOT_LISTED])
    picks = [c for c in cands[:6] if c.score >= 0.75 * best.score][:5]
    picks += [c for c in cands if c not in picks and c.hit.article.id == article.id
              and 0 <= c.start - best.end <= 3 and _GOES_ON.match(fold(c.text))][:1]
    picks.sort(key=lambda c: (c.hit.article.id != article.id, c.start))
    chosen = [Pick(c.hit, c.start, c.end, piece(ctx, c)) for c in picks]
    head = next((c for c in picks if heads_items(c.text)), None)
    if head is not None:  # "chỉ rõ một số hạn chế …. X. Y.": the paragraph goes on with them
        rest = paragraph_after(ctx.index, head.hit.article, head.end)[:4]
        if not rest and head is best and ends_on_items(best.text):  # "… đề xuất các nhiệm vụ
            # trọng tâm cần tập trung …." ends its paragraph: the items are never named
            return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                           best.score, missing=[msg.NOT_LISTED])
        hits = hits_for_spans(head.hit.article, article_chunks(ctx.index, head.hit.article.id),
                              rest, hits)
        chosen += [Pick(next(h for h in hits if h.article.id == head.hit.article.id
                             and h.chunk.start <= a and b <= h.chunk.end), a, b)
                   for a, b in rest if not any(p.start == a for p in chosen)]
    return respond(ctx, chosen, hits, best.score, lines=len(chosen) > 1)


def _announcing(ctx: Context, cands: Sequence[Candidate]) -> Candidate | None:
    """The best answer-worthy sentence that announces a count of what the question lists
    ("4 quan điểm chỉ đạo" for "những quan điểm nào?"), over a sentence that only shares
    more of the question's other words (the meeting's opening)."""
    noun = re.search(LIST_NOUNS, fold(ctx.analysis.text))
    if not noun:
        return None
    said = re.compile(rf"\b\d{{1,2}}\s+{noun.group(0)}\b")
    return next((c for c in cands if c.score >= ctx.threshold and said.search(fold(c.text))),
                None)


def _respond_items(ctx: Context, lead: Pick | None, items: list[Pick], hits: list[Hit],
                   score: float) -> Answer:
    """A list, one item per line under the sentence that announces it; or, for a question
    that asks for one item by its position ("quan điểm thứ hai"), that item alone."""
    n = ctx.analysis.ordinal
    if not n:
        return respond(ctx, [lead, *items] if lead else items, hits, score, lines=True)
    if n > len(items):
        return respond(ctx, [lead or items[0]], hits, score, missing=[msg.NOT_LISTED])
    return respond(ctx, [p for p in (lead, items[n - 1]) if p], hits, score)


def _counted_in(analysis: Analysis, sentence: str) -> int:
    """How many of the things a list question asks for ("những bộ nào?") the sentence counts
    ("11/22 Bộ, ngành chưa ..."): 0 when it gives no such count."""
    asked = re.search(r"\b(?:nhung|cac)\s+(\w+(?:\s+\w+)?)\s+(?:nao|gi)\b", fold(analysis.text))
    if not asked:
        return 0
    head = asked.group(1).split()[0]
    found = re.search(rf"\b(\d{{1,3}})(?:/\d+)?\s+{re.escape(head)}\b", fold(sentence))
    return int(found.group(1)) if found else 0


def _restated_count(analysis: Analysis, sentence: str) -> int | None:
    """Where, in the folded sentence, the count the question gives ("5 nhóm nhiệm vụ") ends,
    when the sentence says it in the same words; None otherwise."""
    folded = fold(sentence)
    for m in _COUNT_ASKED.finditer(fold(analysis.text)):
        said = re.search(rf"\b{re.escape(m.group(0))}\b", folded)
        if said:
            return said.end()
    return None


def _asked_count(analysis: Analysis) -> int:
    """How many items a list question says there are ("7 quan điểm ... là những gì?"); not
    an ordinal or a name ("phiên họp thứ 8", "Đề án 06")."""
    counts = [int(m.group(1)) for m in _COUNT_ASKED.finditer(fold(analysis.text))]
    return max([n for n in counts if 1 < n < 100], default=0)


def _period_fit(article: Article, analysis: Analysis, head: str) -> float:
    """How well the article's period fits the question's: a question about a whole year
    ("kết quả năm 2024") means the article that reports on that year ("... năm 2024" in its
    opening, not "6 tháng đầu năm 2024"), which may be published the next year; a question
    about months means the article of those months."""
    if not analysis.years:
        return 0.0
    if analysis.months or _PART_OF_YEAR.search(fold(analysis.text)):
        return 2.0 if dated(article, analysis) else float(
            any(y in head for y in analysis.years))
    opening = fold(article.text[:_PERIOD_OPENING])
    whole = any(not _PART_OF_YEAR.search(opening[max(0, m.start() - 14):m.start()])
                for y in analysis.years for m in re.finditer(rf"\bnam\s+{y}\b", opening))
    return 2.0 if whole else 1.0 if dated(article, analysis) else 0.5 * any(
        y in head for y in analysis.years)


def target_article(ctx: Context, hits: Sequence[Hit]) -> tuple[Article, bool]:
    """The article a summary question means: the one whose title, opening, date or source
    matches the question's names and dates (a name written twice in its body counts half);
    else the one retrieval ranks first."""
    articles = ctx.index.articles
    votes: dict[str, float] = {}
    for hit in hits:
        votes[hit.article.id] = votes.get(hit.article.id, 0.0) + hit.score
    best, best_score = None, 0.0
    folded = article_bodies(ctx.index, 600)  # (past the opening read below)
    for article in articles.values():
        head = fold(f"{article.title} {article.source} {article.date} {article.text[:600]}")
        score = sum(2.0 if re.search(rf"\b{re.escape(e)}\b", head) else  # else written
                    1.0 if len(re.findall(rf"\b{re.escape(e)}\b", folded.get(article.id, ""))) >= 2
                    else 0.0 for e in ctx.analysis.entities)  # twice in its body
        score += _period_fit(article, ctx.analysis, head)
        score += sum(1.0 for n in ctx.analysis.numbers
                     if re.search(rf"\b(?:lan\s+thu|de\s+an)\s+{re.escape(n)}\b", head))
        score += votes.get(article.id, 0.0) / (max(votes.values(), default=1.0) or 1.0)
        if score > best_score:
            best, best_score = article, score
    if best is None:
        return hits[0].article, False
    return best, best_score >= 2.0


def plan_summary(ctx: Context, hits: list[Hit]) -> Answer:
    """3–6 key sentences of the article meant, in its order: central to the article, close
    to the question, not repeating each other (maximal marginal relevance)."""
    if not hits:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, 0.0, "summary")
    index = ctx.index
    article, matched = target_article(ctx, hits)
    rows = sentence_rows(index)
    spans = [(s, e) for s, e in article_sentences(index, article.id)
             if not in_caption(article, s, e)]
    local = [e for e in ctx.analysis.local if e not in fold(article.title)]
    focused = [(s, e) for s, e in spans if all(in_scope(p, article, s, e) for p in local)]
    if local and len(focused) >= 3:  # "Hải Dương ... nói gọn lại": its part of the article
        spans = focused
    places = corpus_names(index).places
    if not set(ctx.analysis.entities) & places:  # the meeting, not a province that joined it
        folded = fold(article.text)
        joined = [p for p in places if p in folded]
        national = [(s, e) for s, e in spans
                    if not any(in_scope(p, article, s, e) for p in joined)]
        if len(national) >= ctx.settings.summary_sentences:
            spans = national
    spans = aspect_part(f"{ctx.analysis.text} {ctx.analysis.original}", article.text, spans,
                        ctx.settings.summary_sentences + 2)
    if not spans or index.sentence_vectors is None:
        return plan_fact(ctx, hits)
    vectors = np.stack([index.sentence_vectors[rows[(article.id, s, e)]] for s, e in spans])
    centroid = vectors.mean(axis=0)
    facts = np.array([min(len(set(_NUMBER.findall(article.text[s:e]))), 3) for s, e in spans])
    weights = question_weights(ctx.analysis, index.idf)
    asked = np.array([coverage(weights, article.text[s:e]) for s, e in spans])
    settings = ctx.settings
    how_it_went = np.array([0.0 if procedural(ctx.analysis.text) else
                            float(procedural(article.text[s:e])) for s, e in spans])
    relevance = (0.5 * (vectors @ centroid) + vectors @ ctx.qvec
                 + settings.summary_fact_weight * facts + settings.summary_focus_weight * asked
                 - settings.summary_procedural_weight * how_it_went)
    chosen: list[int] = []
    size = min(ctx.settings.summary_sentences, len(spans))
    lengths = [len(article.text[s:e].split()) for s, e in spans]
    while len(chosen) < size and (len(chosen) < 2 or sum(lengths[i] for i in chosen)
                                  < settings.summary_words):
        redundancy = (vectors @ vectors[chosen].T).max(axis=1) if chosen else 0.0
        mmr = 0.7 * relevance - 0.3 * redundancy
        if chosen:
            mmr[chosen] = -np.inf
        chosen.append(int(np.argmax(mmr)))
    picked = sorted(spans[i] for i in chosen)
    hits = hits_for_spans(article, article_chunks(index, article.id), picked, hits)
    picks = []
    for s, e in picked:
        hit = next(h for h in hits if h.article.id == article.id
                   and h.chunk.start <= s and e <= h.chunk.end)
        picks.append(Pick(hit, s, e))
    cands = candidates(ctx, [h for h in hits if h.article.id == article.id])
    confidence = 1.0 if matched else (cands[0].score if cands else 0.0)
    if confidence < ctx.threshold:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, confidence, "summary")
    return respond(ctx, picks, hits, confidence, lines=True)


def _one_sentence_for_all(ctx: Context, hits: list[Hit], sides: Sequence[str]
                          ) -> Candidate | None:
    """A fitting sentence that names every side (by the last words of each), when the
    comparison is made within one sentence of the articles."""
    cores = [" ".join(re.findall(r"\w+", fold(side))[-2:]) for side in sides]
    if not all(cores):
        return None
    side_words = {w for core in cores for w in core.split()}
    measure = dataclasses.replace(ctx.analysis, text=" ".join(
        w for w in re.findall(r"\w+", fold(ctx.analysis.text)) if w not in side_words))
    weights = question_weights(measure, ctx.index.idf)
    for cand in candidates(ctx, hits):
        folded = " ".join(re.findall(r"\w+", fold(cand.text)))
        if cand.score >= ctx.threshold and coverage(weights, cand.text) >= 0.5 and all(
                re.search(rf"\b{re.escape(c)}\b", folded) for c in cores):
            return cand  # the measure asked, and every side, in one sentence
    return None


# "Which is higher?": a comparison that needs a figure on each side
_MORE_ASKED = re.compile(r"\b(?:cao|thap|nhieu|it|lon|nho|nhanh|cham)\s+hon\b")


def _figures_of(pick: Pick, sides: Sequence[str]) -> list[str]:
    """The figures of a side's sentence: numbers that are neither a year nor a side."""
    text = pick.hit.article.text[pick.start:pick.end]
    return [n for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n) and n not in sides]


def plan_comparison(ctx: Context, hits: list[Hit]) -> Answer:
    """The same measure for each side, side by side (each side searched on its own); a side
    the articles lack is said to be missing; which is higher when both give a percentage."""
    sides = ctx.analysis.sides
    if len(sides) < 2:
        return plan_fact(ctx, hits)
    both = _one_sentence_for_all(ctx, hits, sides)
    if both is not None:  # "tại các địa phương đạt 58,2%, tại các bộ, ngành đạt 31,7%"
        return respond(ctx, [Pick(both.hit, both.start, both.end, piece(ctx, both))], hits,
                       both.score)
    picks, missing, all_hits, figures, best_score = [], [], list(hits), {}, 0.0
    for side in sides:
        is_year = bool(_YEAR.fullmatch(side))
        # a meeting is the article's (its opening names it, checked with the question's
        # numbers), not a sentence's; a place or a person is a sentence's
        article_wide = is_year or _EVENT_ORDINAL.fullmatch(fold(side)) is not None
        query = side_query(ctx.analysis, side)
        side_hits = list(ctx.searched.get(query, ()))
        analysis = dataclasses.replace(
            ctx.analysis, kind="open", text=query,
            entities=() if article_wide else (fold(side),),
            local=frozenset() if article_wide else frozenset({fold(side)}),
            numbers=frozenset(n for n in ctx.analysis.numbers if n in query.split()),
            years=frozenset({side}) if is_year else frozenset(
                y for y in ctx.analysis.years if y not in sides))
        # the measure: what is compared, without the side and what qualifies it ("ở phiên
        # họp thứ 9")
        measure = dataclasses.replace(analysis, text=" ".join(
            w for w in _EVENT_ORDINAL.sub(" ", fold(query)).split()
            if w not in fold(side).split() and not w.isdigit()))
        weights = {t: w for t, w in question_weights(measure, ctx.index.idf).items()
                   if "_" not in t}  # its words, not pairs the removed words leave behind
        scored = [(c, coverage(weights, c.text)) for c in candidates(ctx, side_hits, analysis)
                  if c.fits and not is_caption(c.text)]
        scored = [(c, said) for c, said in scored if said >= 0.3]
        answering = [x for x in scored if x[0].score >= ctx.threshold * 0.9]
        if answering:  # of those that answer, the one that says most of what is compared
            scored = sorted(answering, key=lambda x: -x[1])
        taken = {(p.hit.article.id, p.start) for p in picks}
        cands = [c for c, _ in scored  # one sentence holds one year's figure (both: above)
                 if not (is_year and (c.hit.article.id, c.start) in taken)]
        label = side if is_year else display(fold(side), corpus_names(ctx.index),
                                             ctx.analysis.original)
        if not cands or cands[0].score < ctx.threshold * 0.9:
            missing.append(msg.NOT_GIVEN_SIDE.format(side=label))
            continue
        best = cands[0]
        best_score = max(best_score, best.score)
        all_hits += [h for h in side_hits if h.chunk.id not in {x.chunk.id for x in all_hits}]
        picks.append(Pick(best.hit, best.start, best.end, piece(ctx, best), label=label,
                          label_checked=is_year))  # its period was checked (period_ok)
        percents = re.findall(r"(\d+(?:,\d+)?)\s*%", best.text)
        if len(percents) == 1:
            figures[label] = float(percents[0].replace(",", "."))
    if not picks:
        return abstain(ctx.question, all_hits, ctx.notices, ctx.resolved, 0.0, "comparison",
                       missing)
    spans = {(p.hit.article.id, p.start, p.end): p for p in picks}  # one sentence, one side
    if _MORE_ASKED.search(fold(ctx.analysis.text)) and not missing and sum(
            bool(_figures_of(p, sides)) for p in spans.values()) < 2:  # no figure per side
        missing.append(msg.NOT_GIVEN_FIGURES)
    closing = ""
    if len(figures) >= 2 and not missing:
        closing = msg.HIGHER.format(side=max(figures, key=figures.get))
    return respond(ctx, picks, all_hits, best_score, lines=True, missing=missing,
                   closing=closing)


# An item of a list with its percentage: "Thông báo lưu trú (97%)", "tại các bộ, ngành đạt 31,7%"
_FIGURED_ITEM = re.compile(r"([^:;,()]+?)\s*\(?\s*(\d+(?:[.,]\d+)?)\s*%\s*\)?(?=\s*[;,.)]|\s*$)")


def figured_items(sentence: str) -> list[tuple[str, float]]:
    """The items of a sentence listing percentages, as (the item as written, its figure)."""
    out = []
    for m in _FIGURED_ITEM.finditer(sentence):
        item = m.group(0).strip(" ;,.")
        out.append((item, float(m.group(2).replace(",", "."))))
    return out


def plan_extremum(ctx: Context, hits: list[Hit]) -> Answer:
    """"Thủ tục nào tỷ lệ cao nhất, thủ tục nào thấp nhất?": the sentence that lists the
    items with their figures, and the item with the highest (lowest) one, each quoted as the
    article writes it. Without such a list it is a single fact."""
    highest, lowest = extremes(ctx.analysis.text)
    wants = [(label, pick) for label, pick, asked in ((msg.HIGHEST, max, highest),
                                                      (msg.LOWEST, min, lowest)) if asked]
    for cand in candidates(ctx, hits):
        if cand.score < ctx.threshold * 0.8 or not (cand.entity_ok and cand.period_ok):
            continue
        items = figured_items(cand.text)
        if len(items) < 3:
            continue
        picks = [Pick(cand.hit, cand.start, cand.end, pick(items, key=lambda x: x[1])[0],
                      label=label, label_checked=True) for label, pick in wants]
        return respond(ctx, picks, hits, max(cand.score, ctx.threshold), lines=True)
    return plan_fact(ctx, hits)
