"""Reading docs/: front matter, Markdown, HTML through trafilatura, bad files reported."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assistant.articles.ingest import (IngestError, load_articles, read_doc, render_doc, save_article,
                              slugify)

from ..conftest import DOCS

HTML = """<!doctype html><html><head><title>Hà Nội đẩy mạnh chuyển đổi số | Báo Thủ Đô</title>
<meta property="og:title" content="Hà Nội đẩy mạnh chuyển đổi số">
<meta property="og:site_name" content="Báo Thủ Đô">
<meta name="author" content="Minh Anh">
<meta property="article:published_time" content="2024-05-02T08:00:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav>
<article><h1>Hà Nội đẩy mạnh chuyển đổi số</h1>
<p>Thành phố Hà Nội đã có 1.250 dịch vụ công trực tuyến toàn trình trong năm 2024, tăng mạnh so với năm trước.</p>
<p>Theo Sở Thông tin và Truyền thông, tỷ lệ hồ sơ trực tuyến đạt 61,5% trong quý I, cao nhất từ trước tới nay.</p>
<p>Người dân có thể nộp hồ sơ qua Cổng dịch vụ công quốc gia mà không cần đến trụ sở cơ quan nhà nước.</p>
</article><footer>Bản quyền thuộc Báo Thủ Đô. Tổng số lượt truy cập: 123456</footer></body></html>"""


def test_shipped_articles_have_the_metadata_their_text_shows(articles) -> None:
    assert len(articles) == 5
    soc_trang = articles["tang-cuong-nhan-thuc-chuyen-doi-so"]
    assert (soc_trang.date, soc_trang.source, soc_trang.author) == \
        ("2024-04-24", "Báo Sóc Trăng", "Tấn Phát")
    da_nang = articles["de-an-06-hoi-nghi-da-nang"]
    assert da_nang.title == "" and da_nang.source == "danang.gov.vn"  # no title shown: none
    # shown under the opening words of its lead, not the photo caption above it, nor a slug
    assert da_nang.display_title.startswith("Trong thời gian qua, Đề án 06")
    assert da_nang.date == "" and not da_nang.inferred  # its text names no day: none guessed
    # dates and publishers the text gives (issue 8, point 10), marked as read from the text
    review = articles["toan-dan-toan-dien-toan-trinh"]  # "Chiều 6/2 ... tổng kết ... năm 2024"
    assert (review.date, review.inferred) == ("2025-02-06", ("date",))
    midyear = articles["muc-dich-chuyen-doi-so-phuc-vu-con-nguoi"]  # "Theo Chinhphu.vn, ..."
    assert (midyear.date, midyear.source) == ("2023-07-12", "Chinhphu.vn")
    assert midyear.inferred == ("date", "source")
    assert soc_trang.inferred == ()  # front matter wins


def test_html_goes_through_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "ha-noi.html"
    path.write_text(HTML, encoding="utf-8")
    doc = read_doc(path)
    assert doc.title == "Hà Nội đẩy mạnh chuyển đổi số"
    assert doc.date == "2024-05-02" and doc.author == "Minh Anh"
    assert "1.250 dịch vụ công trực tuyến" in doc.body and "61,5%" in doc.body
    assert "Trang chủ" not in doc.body and "lượt truy cập" not in doc.body


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bai.md"
    path.write_text("---\ntitle: Bài thử\n---\n# Bài thử\n\n**Hải Phòng** có [120 dịch vụ]"
                    "(http://x.vn) trực tuyến.\n", encoding="utf-8")
    articles, errors = load_articles(tmp_path)
    assert not errors
    assert articles[0].text == "Hải Phòng có 120 dịch vụ trực tuyến."


def test_bad_files_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Câu thân bài có nội dung.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x81garbage")
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    articles, errors = load_articles(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 2 and any("binary.txt" in e for e in errors)


def test_slugify_and_render_round_trip(tmp_path: Path) -> None:
    assert slugify("Đề án 06: Đà Nẵng!") == "de-an-06-da-nang"
    text = render_doc("Thân bài ở Đà Nẵng.", id="x", title="Tiêu đề: có dấu hai chấm",
                      date="2024-01-02", source="Báo A")
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    doc = read_doc(tmp_path / "x.txt")
    assert (doc.id, doc.title, doc.date, doc.source) == \
        ("x", "Tiêu đề: có dấu hai chấm", "2024-01-02", "Báo A")


def test_save_article_refuses_bad_input_and_duplicates(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    saved = save_article(docs, content="Bình Định có 120 sản phẩm OCOP.", title="OCOP Bình Định")
    assert saved.name == "ocop-binh-dinh.txt"
    with pytest.raises(IngestError):
        save_article(docs, content="Nội dung khác.", title="OCOP Bình Định")
    with pytest.raises(IngestError):
        save_article(docs, content=b"\x00\xff", filename="x.txt")
    with pytest.raises(IngestError):
        save_article(docs, content=b"data", filename="x.exe")
    assert sorted(p.name for p in docs.iterdir()) == ["ocop-binh-dinh.txt"]


def test_docs_folder_holds_only_articles() -> None:
    assert all(p.suffix in (".txt", ".md", ".html") for p in DOCS.iterdir())


# Issue 9: files confined to docs/, duplicate ids, mode and encodings of added articles

def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.mark.parametrize("ident", ["../../escape", "../escape", "ABS", "a/b", "..", "x\\y",
                                   "Bài 1", ".hidden", "a" * 81])
def test_header_ids_that_are_not_safe_slugs_are_refused_and_nothing_is_written(
        tmp_path: Path, ident: str) -> None:
    docs = tmp_path / "a" / "b" / "docs"
    docs.mkdir(parents=True)
    ident = str(tmp_path / "abs") if ident == "ABS" else ident  # an absolute path
    before = _files(tmp_path)
    for kwargs in ({"content": f"---\nid: '{ident}'\n---\nĐà Nẵng có 120 dịch vụ công."},
                   {"content": f"---\nid: '{ident}'\n---\nThân bài.".encode(), "filename": "x.md"}):
        with pytest.raises(IngestError, match="mã bài"):
            save_article(docs, **kwargs)
        assert _files(tmp_path) == before


def test_an_unsafe_id_in_a_docs_file_is_skipped_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Câu thân bài.", encoding="utf-8")
    (tmp_path / "evil.txt").write_text("---\nid: ../../etc/x\n---\nCâu.", encoding="utf-8")
    articles, errors = load_articles(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and errors[0].startswith("evil.txt: mã bài")


def test_links_and_non_regular_files_in_docs_are_not_indexed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "real.txt").write_text("Bài thật có nội dung.", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:mật khẩu bí mật ngoài docs", encoding="utf-8")
    (docs / "passwd.txt").symlink_to(secret)
    (docs / "inside-link.txt").symlink_to(docs / "real.txt")
    (docs / "folder.md").mkdir()
    os.mkfifo(docs / "pipe.txt")
    articles, errors = load_articles(docs)
    assert [a.id for a in articles] == ["real"]
    assert not any("bí mật" in a.text for a in articles)
    skipped = sorted(e.split(":", 1)[0] for e in errors)
    assert skipped == ["folder.md", "inside-link.txt", "passwd.txt", "pipe.txt"]
    assert all("không phải tệp thường" in e for e in errors)
    with pytest.raises(IngestError):
        read_doc(docs / "passwd.txt")  # even when asked for directly


def test_a_file_carrying_another_articles_id_never_replaces_it(small_docs: Path) -> None:
    real = "tang-cuong-nhan-thuc-chuyen-doi-so"
    (small_docs / "aaa-fake.txt").write_text(f"---\nid: {real}\n---\nTin giả: 0 sản phẩm.",
                                             encoding="utf-8")
    articles, errors = load_articles(small_docs)
    kept = {a.id: a for a in articles}[real]
    assert kept.path == f"{real}.txt" and "Tin giả" not in kept.text
    assert errors == [f"aaa-fake.txt: mã bài “{real}” đã thuộc về tệp {real}.txt; giữ bài trong "
                      f"{real}.txt, bỏ qua tệp này"]


def test_between_files_not_named_after_the_id_the_older_one_is_kept(tmp_path: Path) -> None:
    for name, body, age in (("a.txt", "Bài mới.", 0), ("b.txt", "Bài cũ.", 3600)):
        (tmp_path / name).write_text(f"---\nid: chung\n---\n{body}", encoding="utf-8")
        stamp = (tmp_path / name).stat().st_mtime - age
        os.utime(tmp_path / name, (stamp, stamp))
    articles, errors = load_articles(tmp_path)
    assert [(a.path, a.text) for a in articles] == [("b.txt", "Bài cũ.")]
    assert errors and errors[0].startswith("a.txt: ") and "b.txt" in errors[0]


def test_added_articles_are_saved_0644_like_the_shipped_ones(tmp_path: Path) -> None:
    path = save_article(tmp_path, content="Bình Định có 120 sản phẩm OCOP.", title="OCOP")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert stat.S_IMODE((DOCS / "de-an-06-hoi-nghi-da-nang.txt").stat().st_mode) == 0o644


def test_legacy_vietnamese_uploads_are_decoded_or_refused_by_name(tmp_path: Path) -> None:
    from .test_decode import to_cp1258

    body = "Đề án 06 được phê duyệt ngày 06/1/2022 tại Đà Nẵng."
    saved = save_article(tmp_path, content=to_cp1258(body), filename="de-an.txt")
    assert read_doc(saved).body.strip() == body
    assert body in saved.read_text(encoding="utf-8")  # stored as UTF-8
    mojibake = body.replace("06", "07").encode("utf-8").decode("latin-1").encode("utf-8")
    saved = save_article(tmp_path, content=mojibake, filename="bai-hai.txt")
    assert read_doc(saved).body.strip() == body.replace("06", "07")
    with pytest.raises(IngestError, match="mã hóa đoán được: cp"):
        save_article(tmp_path, content="Vi\xd6t Nam cã nhiÒu".encode("latin-1"),
                     filename="tcvn3.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai-hai.txt", "de-an.txt"]


def test_a_cp1258_file_dropped_into_docs_is_indexed(tmp_path: Path) -> None:
    from .test_decode import to_cp1258

    (tmp_path / "cu.txt").write_bytes(to_cp1258("---\ntitle: Bài cũ\n---\nHải Dương có 234 "
                                                "sản phẩm OCOP."))
    articles, errors = load_articles(tmp_path)
    assert not errors and articles[0].title == "Bài cũ"
    assert articles[0].text == "Hải Dương có 234 sản phẩm OCOP."


def test_the_file_indexed_before_keeps_its_id(small_docs: Path) -> None:
    real = "tang-cuong-nhan-thuc-chuyen-doi-so"
    (small_docs / f"{real}.txt").rename(small_docs / "ban-goc.txt")  # renamed since indexed
    (small_docs / f"{real}.txt").write_text(f"---\nid: {real}\n---\nTin giả.", encoding="utf-8")
    articles, errors = load_articles(small_docs, indexed={real: "ban-goc.txt"})
    assert {a.id: a.path for a in articles}[real] == "ban-goc.txt"
    assert errors[0].startswith(f"{real}.txt: ") and "ban-goc.txt" in errors[0]
