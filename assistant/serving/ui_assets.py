"""The web chat's stylesheet and page scripts (static text, used by `ui.py`).

`PAGE_JS` runs once per page load; it is a %-template filled by `server.launch_options` with the
Vietnamese labels from `messages.py` (no Vietnamese text lives here).
"""
from __future__ import annotations

__all__ = ["CSS", "SCROLL_JS", "TAKE_QUESTION_JS", "CONFIRM_IN_VIEW_JS", "STATUS_IN_VIEW_JS",
           "PAGE_JS", "DRAFT_KEY"]

DRAFT_KEY = "tro-ly-cau-hoi-dang-go"  # localStorage: the half-typed question

CSS = """
.answer .sources {font-size: .92em; border-top: 1px solid var(--border-color-primary);
                  margin-top: .6em; padding-top: .3em}
.answer .sources summary {cursor: pointer; font-weight: 600}
.answer .src-list {list-style: none; padding-left: 0; margin: .3em 0}
.answer .src-list li {margin-bottom: .5em}
.answer mark, .article mark {background: #ffe58a; color: #222; padding: 0 2px}
.answer a.cite {text-decoration: none; font-weight: 600}
.answer .related {font-size: .92em; margin-top: .5em}
.answer .plain-copy {display: none}
.answer a.copy-answer {font-size: .85em; display: inline-block; margin-top: .4em}
.article {position: relative; max-height: 520px; overflow-y: auto; padding: .5em 1em;
          border: 1px solid var(--border-color-primary); border-radius: 6px; line-height: 1.6}
.article h3 {margin-top: 0; position: sticky; top: -.5em; padding: .3em 0;
             background: var(--block-background-fill)}
.library-table {width: 100%; border-collapse: collapse; font-family: var(--font)}
.library-table th, .library-table td {text-align: left; vertical-align: top; padding: .35em .5em;
                                      border: 0 !important;
                                      border-bottom: 1px solid var(--border-color-primary) !important}
.library-table .lib-id {font-size: .85em; color: var(--body-text-color-subdued)}
.library-table .phone-only {display: none}
.add-progress {display: flex; flex-direction: column; gap: .3em}
.add-progress progress {width: 100%; height: .8em}
#remove-confirm {border: 1px solid var(--border-color-primary); border-radius: 8px;
                 padding: .8em 1em; gap: .6em; background: var(--block-background-fill);
                 box-shadow: 0 2px 8px rgba(0, 0, 0, .12)}
#remove-confirm #remove-question {width: 100%; min-width: 0}
#remove-buttons {flex-wrap: wrap; gap: .5em}
.q-long summary {list-style: none; cursor: pointer}
.q-long summary::-webkit-details-marker {display: none}
.q-long .q-more {text-decoration: underline; font-weight: 600; white-space: nowrap}
.q-long[open] summary {display: none}
#library-upload [data-testid="status-tracker"]:has(.error) {display: none !important}
.article-removed {padding: .5em 1em; border-left: 4px solid #d97706}
.figures {margin-top: .6em; font-size: .9em}
.figures .fig-title {font-weight: 600; margin-bottom: .3em}
.figures .fig-row {display: grid; grid-template-columns: minmax(4.5em, 30%) 1fr;
                   gap: .4em; align-items: center; margin: .2em 0}
.figures .fig-label {overflow-wrap: anywhere}
.figures .fig-bar {background: #2563eb; height: 1.1em; border-radius: 3px; min-width: 2px;
                   flex: none}
.figures .fig-value {white-space: nowrap; flex: none; font-variant-numeric: tabular-nums}
.figures .fig-track {display: flex; align-items: center; gap: .4em; min-width: 0}
@media (max-height: 500px) and (orientation: landscape) {
  #intro {display: none}
  #chat {height: calc(100vh - 205px) !important; max-height: calc(100vh - 205px) !important;
         min-height: 140px}
}
@media (max-width: 700px) {
  #intro p {font-size: .9em; margin: 0}
  #chat {height: 52vh !important; max-height: 52vh !important}
  .library-table thead {display: none}
  .library-table tr {display: block; padding: .5em 0;
                     border-bottom: 1px solid var(--border-color-primary)}
  .library-table td {display: inline; border: 0 !important; padding: 0 .4em 0 0}
  .library-table td.lib-title {display: block; font-weight: 600}
  .library-table td.lib-id {display: none}
  .library-table .phone-only {display: inline}
}
"""
# The cited sentence in the middle of the article viewer, scrolling only the viewer (and, on a
# phone where the viewer sits below the chat, bringing the viewer into the window).
SCROLL_JS = """() => { const m = document.getElementById('cited-span');
  if (!m) { const v = document.getElementById('article-view'), r = v && v.getBoundingClientRect();
    if (r && (r.top < 0 || r.top > window.innerHeight - 80)) v.scrollIntoView({block: 'start'});
    return; }
  const box = m.closest('.article');
  box.scrollTop = Math.max(0, m.offsetTop - box.clientHeight / 3);
  const r = box.getBoundingClientRect();
  if (r.top < 0 || r.top > window.innerHeight - 80) box.scrollIntoView({block: 'start'}); }"""
TAKE_QUESTION_JS = """(question, ...rest) => {
  const box = document.querySelector('#question textarea');
  if (box) { box.value = ''; box.dispatchEvent(new Event('input', {bubbles: true})); }
  try { localStorage.removeItem('%s'); } catch (e) {}
  return [question, ...rest]; }""" % DRAFT_KEY
# The confirmation asked before removing an article, brought into the window.
CONFIRM_IN_VIEW_JS = """() => { setTimeout(() => { const row = document.getElementById('remove-confirm');
  const el = row && row.offsetParent ? row : document.getElementById('library-status');
  if (el) el.scrollIntoView({block: 'nearest'}); }, 100); }"""
# A status message of the library tab (an element id, %-filled) brought into the window.
STATUS_IN_VIEW_JS = """() => { setTimeout(() => { const el = document.getElementById('%s');
  if (el && el.offsetParent) el.scrollIntoView({block: 'nearest'}); }, 100); }"""
PAGE_JS = r"""() => {
  const FIXED = %(fixed)s, ROLE = %(roles)s, COPY = %(copy)s, COPIED = %(copied)s,
    TOO_LARGE = %(too_large)s, BAD_TYPE = %(bad_type)s, DRAFT = %(draft)s;
  const root = document.documentElement;
  const keepLang = () => { if (root.lang !== 'vi') root.lang = 'vi'; };
  keepLang();
  new MutationObserver(keepLang).observe(root, {attributes: true, attributeFilter: ['lang']});
  const relabel = () => {
    document.querySelectorAll('[aria-label]').forEach((el) => {
      const label = el.getAttribute('aria-label');
      const m = /^(user|bot|assistant)'s message: /.exec(label);
      if (m) {  // the label holds the message's HTML: read it inertly, keep its plain text
        const t = document.createElement('template');
        t.innerHTML = label.slice(m[0].length);
        const plain = t.content.querySelector('.plain-copy');
        el.setAttribute('aria-label', ROLE[m[1]] + ': ' + (plain || t.content).textContent.trim());
      } else if (label in FIXED) {
        el.setAttribute('aria-label', FIXED[label]);
        if (el.getAttribute('title') === label) el.setAttribute('title', FIXED[label]);
      }
    });
    document.querySelectorAll('.toast-title').forEach((el) => {  // Gradio ignores gr.Info's title
      const t = el.textContent.trim();
      if (t in FIXED) el.textContent = FIXED[t];
    });
    document.querySelectorAll('.toast-message-text').forEach((el) => {
      const m = /^File\(s\) exceed the maximum allowed size of [^:]*: (.*)$/.exec(el.textContent.trim());
      if (m) el.textContent = TOO_LARGE.replace('{files}', m[1].replace(/"/g, ''));
      const t = /^Invalid file types?: (.*)\. Only .* allowed\.$/.exec(el.textContent.trim());
      if (t) el.textContent = BAD_TYPE.replace('{files}', t[1]);
    });
  };
  const scroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowY;
      if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
    }
    return null;
  };
  let questions = 0;
  const keepAnswerInView = () => {
    const rows = document.querySelectorAll('#chat .message-row.user-row');
    if (rows.length > questions) {
      const row = rows[rows.length - 1], box = scroller(row);
      if (box) box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
    }
    questions = rows.length;
  };
  new MutationObserver(() => { relabel(); keepAnswerInView(); }).observe(document.body,
    {subtree: true, childList: true, characterData: true, attributes: true,
     attributeFilter: ['aria-label']});
  const draftBox = () => document.querySelector('#question textarea');
  const keepDraft = () => {  // the half-typed question, kept across reloads
    const box = draftBox();
    if (!box) { setTimeout(keepDraft, 200); return; }
    try {
      const draft = localStorage.getItem(DRAFT);
      if (draft && !box.value) {
        box.value = draft; box.dispatchEvent(new Event('input', {bubbles: true})); }
    } catch (e) {}
    box.addEventListener('input', () => {
      try { if (box.value) localStorage.setItem(DRAFT, box.value);
            else localStorage.removeItem(DRAFT); } catch (e) {}
    });
  };
  keepDraft();
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest("a[href^='#nguon-'], a[href^='#chep-']");
    if (!a) return;
    ev.preventDefault(); ev.stopPropagation();
    const href = a.getAttribute('href');
    if (href.startsWith('#nguon-')) {
      const box = document.querySelector('#open-ref textarea, #open-ref input');
      box.value = href.slice(7) + '-' + Date.now();
      box.dispatchEvent(new Event('input', {bubbles: true}));
    } else {
      const text = a.closest('.answer').querySelector('.plain-copy').textContent;
      navigator.clipboard.writeText(text).then(() => {
        a.textContent = COPIED; setTimeout(() => { a.textContent = COPY; }, 2000); });
    }
  }, true);
}"""
