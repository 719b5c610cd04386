"""Reading docs/: front matter, Markdown, HTML through trafilatura, bad files reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import (IngestError, load_articles, read_doc, render_doc, save_article,
                              slugify)

from .conftest import DOCS

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
    # shown under its opening words (the photo caption), not a slug
    assert da_nang.display_title == "Toàn cảnh hội nghị tại Đà Nẵng"
    assert da_nang.text.startswith(da_nang.display_title)


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
