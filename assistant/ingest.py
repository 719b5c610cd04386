"""Read the articles in docs/: front matter + text/Markdown, or HTML through trafilatura.

Every file in docs/ with a supported suffix is an article. Metadata comes from the front
matter (text, Markdown) or from trafilatura's extraction (HTML); what the source does not show
stays empty.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .clean import clean_text, normalize
from .metadata import infer_metadata
from .schema import Article

__all__ = ["SUFFIXES", "RawDoc", "read_doc", "to_article", "load_articles", "list_doc_files",
           "slugify", "render_doc", "save_article", "find_article_file", "IngestError"]

SUFFIXES = (".txt", ".md", ".html", ".htm")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)|(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))",
                      re.M)
_META_FIELDS = ("id", "title", "date", "source", "author")


class IngestError(ValueError):
    """A file that cannot become an article (unreadable, empty after cleaning, bad header)."""


@dataclass(frozen=True)
class RawDoc:
    """A file's raw body with its metadata, before cleaning."""

    id: str
    body: str
    title: str = ""
    date: str = ""
    source: str = ""
    author: str = ""
    path: str = ""
    content_hash: str = ""


def slugify(text: str) -> str:
    """A readable ASCII id from a title or a file name ("Đề án 06" -> "de-an-06")."""
    from .clean import fold

    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:80].rstrip("-") or "bai-viet"


def list_doc_files(docs_dir: Path) -> list[Path]:
    """The article files in `docs_dir`, sorted by name (README files excluded)."""
    if not docs_dir.is_dir():
        return []
    return sorted(p for p in docs_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith(".") and p.stem.upper() != "README")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise IngestError(f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise IngestError("front matter must be a mapping")
    return {k: "" if meta.get(k) is None else str(meta[k]).strip() for k in _META_FIELDS}, \
        text[match.end():]


def _from_html(html: str) -> tuple[dict[str, str], str]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise IngestError("no article text found in the HTML page")
    meta = {"title": doc.title or "", "date": doc.date or "",
            "source": doc.sitename or doc.hostname or "", "author": doc.author or ""}
    return meta, doc.text


def _from_markdown(body: str) -> str:
    return _MD_MARK.sub("", _MD_LINK.sub(r"\1", body))


def read_doc(path: Path) -> RawDoc:
    """Parse one file of docs/ into its raw body and metadata."""
    data = path.read_bytes()
    try:
        text = normalize(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path.name} is not UTF-8 text") from exc
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        meta, body = _from_html(text)
    else:
        meta, body = _front_matter(text)
        if suffix == ".md":
            body = _from_markdown(body)
    return RawDoc(id=meta.get("id") or slugify(path.stem), body=body,
                  title=meta.get("title", ""), date=meta.get("date", ""),
                  source=meta.get("source", ""), author=meta.get("author", ""),
                  path=path.name, content_hash=hashlib.sha256(data).hexdigest()[:16])


def to_article(doc: RawDoc) -> Article:
    """Clean a raw document into an Article; refuse one with no body left."""
    text = clean_text(doc.body, title=doc.title, author=doc.author)
    if not text.strip():
        raise IngestError(f"{doc.path or doc.id}: no article text left after cleaning")
    return infer_metadata(Article(id=doc.id, text=text, title=normalize(doc.title).strip(),
                                  date=doc.date, source=doc.source, author=doc.author,
                                  path=doc.path, content_hash=doc.content_hash))


def load_articles(docs_dir: Path) -> tuple[list[Article], list[str]]:
    """All articles of `docs_dir`, plus one error line per file that could not be read."""
    articles: dict[str, Article] = {}
    errors: list[str] = []
    for path in list_doc_files(docs_dir):
        try:
            article = to_article(read_doc(path))
        except (IngestError, OSError) as exc:
            errors.append(f"{path.name}: {exc}")
            continue
        if article.id in articles:
            errors.append(f"{path.name}: id '{article.id}' already used by "
                          f"{articles[article.id].path}")
            continue
        articles[article.id] = article
    return list(articles.values()), errors


def render_doc(body: str, *, id: str, title: str = "", date: str = "", source: str = "",
               author: str = "") -> str:
    """The text of a docs/ file: YAML front matter, then the body (used when adding articles)."""
    meta = {"id": id, "title": title, "date": date, "source": source, "author": author}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n{normalize(body).strip()}\n"


def _validated(path: Path) -> Article:
    article = to_article(read_doc(path))
    if not article.text.strip():
        raise IngestError("empty")
    return article


def save_article(docs_dir: Path, *, content: str | bytes, filename: str = "",
                 title: str = "", date: str = "", source: str = "", author: str = "") -> Path:
    """Write a new article into `docs_dir` after checking it parses and cleans to a body.

    `content` is an uploaded file's bytes (`filename` gives its type) or pasted text. Pasted
    text and text/Markdown uploads get front matter with the metadata given; HTML is kept as
    is (trafilatura reads its metadata). The file appears in docs/ only once it is known to be
    good (written beside, then renamed), and never replaces an existing article.
    """
    import os
    import tempfile

    suffix = Path(filename).suffix.lower() if filename else ".txt"
    if suffix not in SUFFIXES:
        raise IngestError("unsupported file type")
    data = content.encode("utf-8") if isinstance(content, str) else content
    if suffix in (".txt", ".md"):
        try:
            text = normalize(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise IngestError("not UTF-8 text") from exc
        meta, body = _front_matter(text)
        title = title or meta.get("title", "") or (Path(filename).stem if filename else "")
        ident = meta.get("id") or slugify(title or "bai-viet")
        data = render_doc(body, id=ident, title=title, date=date or meta.get("date", ""),
                          source=source or meta.get("source", ""),
                          author=author or meta.get("author", "")).encode("utf-8")
    docs_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=docs_dir, prefix=".upload-", suffix=suffix,
                                     delete=False) as tmp:
        tmp.write(data)
    staged = Path(tmp.name)
    try:
        article = _validated(staged)
        final = docs_dir / f"{article.id}{suffix}"
        existing = {a.id for a in load_articles(docs_dir)[0]}
        if article.id in existing or final.exists():
            raise IngestError(f"id '{article.id}' exists")
        os.replace(staged, final)
        return final
    finally:
        staged.unlink(missing_ok=True)


def find_article_file(docs_dir: Path, article_id: str) -> Path | None:
    """The docs/ file that holds the article `article_id`."""
    for path in list_doc_files(docs_dir):
        try:
            if read_doc(path).id == article_id:
                return path
        except (IngestError, OSError):
            continue
    return None
