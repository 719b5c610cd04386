"""Read the articles in docs/: front matter + text/Markdown, or HTML through trafilatura.

Every regular file in docs/ with a supported suffix is an article; symbolic links and other
non-regular files are skipped with a message, so nothing outside docs/ is ever read. Metadata
comes from the front matter (text, Markdown) or from trafilatura's extraction (HTML); what the
source does not show stays empty. Two files with the same id: the one indexed before keeps it
(when the caller says which), else the one named after the id (that is how the library and
the shipped files are named), else the older one; the other is reported with the file that
holds the id.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import yaml

from .. import messages as msg
from .clean import clean_body, normalize
from .frontmatter import HeaderError, read_header, split_header
from .metadata import infer_metadata
from .decode import EncodingRefused, decode_text
from ..schema import Article

__all__ = ["SUFFIXES", "RawDoc", "read_doc", "to_article", "load_articles", "list_doc_files",
           "slugify", "render_doc", "save_article", "find_article_file", "IngestError",
           "remove_upload_leftovers"]

SUFFIXES = (".txt", ".md", ".html", ".htm")
_STAGED = ".upload-"  # a new article's hidden file before it is linked into place
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)|(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))",
                      re.M)
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
_UNSAFE_ID = re.compile(r"[/\\\x00-\x1f\x7f]|\.\.|^\.|^$")
_FILE_MODE = 0o644  # like the shipped articles: readable by the server's other users


_log = logging.getLogger(__name__)


def os_reason(exc: OSError) -> str:
    """What went wrong with a file, in Vietnamese ("không có quyền truy cập", not "[Errno 13]")."""
    name = errno.errorcode.get(exc.errno or 0, "")
    return msg.OS_REASONS.get(name) or msg.OS_REASON_OTHER.format(code=name or "?")


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


def _scan(docs_dir: Path) -> tuple[list[Path], list[str]]:
    """The regular article files of `docs_dir` sorted by name, and one line per candidate
    skipped because it is a symbolic link, a folder or another non-regular file (the file
    type comes with the listing: no call per file)."""
    if not docs_dir.is_dir():
        return [], []
    files, skipped = [], []
    with os.scandir(docs_dir) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name)
        if entry.name.startswith(".") or suffix.lower() not in SUFFIXES \
                or stem.upper() == "README":
            continue
        try:
            regular = entry.is_file(follow_symlinks=False)
        except OSError:
            continue
        if regular:
            files.append(docs_dir / entry.name)
        else:
            skipped.append(f"{entry.name}: {msg.FILE_NOT_REGULAR}")
    return files, skipped


def list_doc_files(docs_dir: Path) -> list[Path]:
    """The article files in `docs_dir`, sorted by name: regular files only (no symbolic link,
    nothing outside docs/), README files excluded."""
    return _scan(docs_dir)[0]


def _read_regular(path: Path) -> bytes:
    """The bytes of `path`, refusing a symbolic link or a non-regular file even if one was put
    there after the folder was listed (O_NOFOLLOW, then fstat on the open file)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if os.path.islink(path):
            raise IngestError(msg.FILE_NOT_REGULAR) from exc
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise IngestError(msg.FILE_NOT_REGULAR)
        return handle.read()


def _check_id(ident: str) -> str:
    if _UNSAFE_ID.search(ident) or len(ident) > 200:
        raise IngestError(msg.ARTICLE_UNSAFE_ID.format(id=ident[:80]))
    return ident


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    header, body = split_header(text)
    if header is None:
        return {}, text
    try:
        return read_header(header), body
    except HeaderError as exc:
        raise IngestError(str(exc)) from None


def _from_html(html: str) -> tuple[dict[str, str], str]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise IngestError(msg.ARTICLE_NO_HTML_TEXT)
    meta = {"title": doc.title or "", "date": doc.date or "",
            "source": doc.sitename or doc.hostname or "", "author": doc.author or ""}
    return meta, doc.text


def _from_markdown(body: str) -> str:
    return _MD_MARK.sub("", _MD_LINK.sub(r"\1", body))


def _decode(data: bytes) -> str:
    try:
        return normalize(decode_text(data))
    except EncodingRefused as exc:
        raise IngestError(msg.ARTICLE_ENCODING.format(encoding=exc.encoding)) from exc


def _parse(data: bytes, name: str) -> RawDoc:
    suffix = Path(name).suffix.lower()
    text = _decode(data)
    if suffix in (".html", ".htm"):
        meta, body = _from_html(text)
    else:
        meta, body = _front_matter(text)
        if suffix == ".md":
            body = _from_markdown(body)
    return RawDoc(id=_check_id(meta.get("id") or slugify(Path(name).stem)), body=body,
                  title=meta.get("title", ""), date=meta.get("date", ""),
                  source=meta.get("source", ""), author=meta.get("author", ""),
                  path=name, content_hash=hashlib.sha256(data).hexdigest()[:16])


def read_doc(path: Path) -> RawDoc:
    """Parse one file of docs/ into its raw body and metadata (a regular file only; UTF-8, or a
    legacy Vietnamese encoding that decodes reliably, see `decode`)."""
    return _parse(_read_regular(path), path.name)


def to_article(doc: RawDoc) -> Article:
    """Clean a raw document into an Article; refuse one with no body left."""
    text, captions = clean_body(doc.body, title=doc.title, author=doc.author)
    if not text.strip():
        raise IngestError(msg.ARTICLE_NO_TEXT)
    return infer_metadata(Article(id=doc.id, text=text, title=normalize(doc.title).strip(),
                                  date=doc.date, source=doc.source, author=doc.author,
                                  path=doc.path, content_hash=doc.content_hash,
                                  captions=captions))


def _precedence(article: Article, path: Path, indexed: Mapping[str, str]) -> tuple:
    """Which of two files with the same id is kept: the file that held the id in the previous
    build, then the file named after the id, then the older file, then the name."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (indexed.get(article.id) != article.path, Path(article.path).stem != article.id,
            mtime, article.path)


def load_articles(docs_dir: Path, indexed: Mapping[str, str] | None = None, *,
                  known: Mapping[str, Article] | None = None) -> tuple[list[Article], list[str]]:
    """All articles of `docs_dir` in file-name order, plus one line per file skipped (unreadable,
    not a regular file, or carrying an id another file holds). `indexed` maps the ids of the
    previous build to their file names: of two files with one id, that file keeps it. `known`
    maps file names to the articles already read from them (files the caller knows are
    unchanged): those files are not read or cleaned again."""
    files, errors = _scan(docs_dir)
    by_id: dict[str, list[tuple[Article, Path]]] = {}
    known = known or {}
    for path in files:
        try:
            article = known.get(path.name) or to_article(read_doc(path))
        except IngestError as exc:
            errors.append(f"{path.name}: {exc}")
            continue
        except OSError as exc:
            errors.append(f"{path.name}: " + msg.FILE_UNREADABLE.format(reason=os_reason(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
            _log.warning("reading %s failed", path, exc_info=True)
            errors.append(f"{path.name}: "
                          + msg.ARTICLE_READ_FAILED.format(kind=type(exc).__name__))
            continue
        by_id.setdefault(article.id, []).append((article, path))
    kept = []
    for ident, found in by_id.items():
        if len(found) > 1:  # the precedence looks at file times: only for duplicates
            found.sort(key=lambda pair: _precedence(*pair, indexed or {}))
        kept.append(found[0][0])
        holder = found[0][0].path
        errors.extend(f"{a.path}: " + msg.FILE_DUPLICATE_ID.format(id=ident, holder=holder)
                      for a, _ in found[1:])
    return sorted(kept, key=lambda a: a.path), errors


def render_doc(body: str, *, id: str, title: str = "", date: str = "", source: str = "",
               author: str = "") -> str:
    """The text of a docs/ file: YAML front matter, then the body (used when adding articles)."""
    meta = {"id": id, "title": title, "date": date, "source": source, "author": author}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n{normalize(body).strip()}\n"


def save_article(docs_dir: Path, *, content: str | bytes, filename: str = "",
                 title: str = "", date: str = "", source: str = "", author: str = "",
                 known: Mapping[str, Article] | None = None, max_bytes: int = 0) -> Path:
    """Write a new article into `docs_dir` after checking it parses and cleans to a body.

    `content` is an uploaded file's bytes (`filename` gives its type) or pasted text. Pasted
    text and text/Markdown uploads get front matter with the metadata given; HTML is kept (as
    UTF-8) and trafilatura reads its metadata. The id becomes the file name, so it must be a
    slug: anything else (`../x`, `/tmp/x`) is refused and no file is written. The article is
    checked in memory, written beside as a hidden file, and linked into place only if no file
    has that name (never replacing one); raises IngestError with a Vietnamese message.
    `known`: articles already read, by file name (the live index), not read again to check
    that the id is free. `max_bytes` (0: none): the most the file written may hold.
    """
    import tempfile

    suffix = Path(filename).suffix.lower() if filename else ".txt"
    if suffix not in SUFFIXES:
        raise IngestError(msg.ARTICLE_BAD_TYPE)
    text = _decode(normalize(content).encode("utf-8") if isinstance(content, str) else content)
    if suffix in (".txt", ".md"):
        meta, body = _front_matter(text)
        title = title or meta.get("title", "") or (Path(filename).stem if filename else "")
        ident = meta.get("id") or slugify(title or "bai-viet")
        text = render_doc(body, id=ident, title=title, date=date or meta.get("date", ""),
                          source=source or meta.get("source", ""),
                          author=author or meta.get("author", ""))
    else:
        ident = slugify(Path(filename).stem or title)  # an HTML article's id is its file name
    if not _SLUG.fullmatch(ident):
        raise IngestError(msg.ARTICLE_BAD_ID.format(id=ident[:80], slug=slugify(ident)))
    data = text.encode("utf-8")
    if max_bytes and len(data) > max_bytes:  # what is written stays within the limit
        raise IngestError(msg.ARTICLE_FILE_TOO_LARGE.format(size=len(data), limit=max_bytes))
    final = docs_dir / f"{ident}{suffix}"
    article = to_article(_parse(data, final.name))
    taken = {a.id for a in load_articles(docs_dir, known=known)[0]}
    if article.id in taken or os.path.lexists(final):
        raise IngestError(msg.ARTICLE_EXISTS.format(id=article.id))
    docs_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=docs_dir, prefix=_STAGED, suffix=suffix,
                                     delete=False) as tmp:
        tmp.write(data)
        os.fchmod(tmp.fileno(), _FILE_MODE)
    staged = Path(tmp.name)
    try:
        os.link(staged, final)  # fails if the name was taken meanwhile: never replaces
    except FileExistsError as exc:
        raise IngestError(msg.ARTICLE_EXISTS.format(id=article.id)) from exc
    finally:
        staged.unlink(missing_ok=True)
    return final


def remove_upload_leftovers(docs_dir: Path, older_than: float = 10.0) -> list[str]:
    """Delete the hidden `.upload-*` files an add killed between writing and linking left in
    `docs_dir` (one of a running add lives milliseconds: only those older than `older_than`
    seconds go); returns their names."""
    removed = []
    try:
        candidates = sorted(docs_dir.glob(f"{_STAGED}*"))
    except OSError:
        return removed
    for path in candidates:
        try:
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and time.time() - info.st_mtime >= older_than:
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue
    return removed


def find_article_file(docs_dir: Path, article_id: str, hint: str = "") -> Path | None:
    """The docs/ file that holds the article `article_id`; the file named `hint` (where the
    index found it) is tried first, so the folder is read only when the article moved."""
    files = list_doc_files(docs_dir)
    first = [p for p in files if hint and p.name == hint]
    for path in first + [p for p in files if p not in first]:
        try:
            if read_doc(path).id == article_id:
                return path
        except (IngestError, OSError):
            continue
    return None
