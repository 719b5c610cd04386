"""Settings: defaults < environment < flags, and every bounded value checked at start-up."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assistant.settings import Settings, SettingsError, load_settings

from .conftest import ROOT

BAD = [  # (variable, value, a piece of the allowed values the message must show)
    ("FUSION", "weigthed", "weighted, rrf"),
    ("ANSWER_MODE", "lmm", "extractive, llm"),
    ("LLM_PROVIDER", "olama", "openai, ollama"),
    ("TOP_K", "0", "≥ 1"),
    ("TOP_K", "abc", "≥ 1"),
    ("CANDIDATES", "-5", "≥ 1"),
    ("EMBED_BATCH_SIZE", "0", "≥ 1"),
    ("CHUNK_MAX_TOKENS", "0", "≥ 1"),
    ("CHUNK_MIN_TOKENS", "500", "chunk_min_tokens ≤ chunk_max_tokens"),
    ("CHUNK_OVERLAP_SENTENCES", "-1", "≥ 0"),
    ("MAX_QUESTION_CHARS", "0", "≥ 1"),
    ("PORT", "70000", "từ 1 đến 65535"),
    ("PORT", "0", "từ 1 đến 65535"),
    ("DENSE_WEIGHT", "1.5", "từ 0.0 đến 1.0"),
    ("DENSE_WEIGHT", "nan", "từ 0.0 đến 1.0"),
    ("EXACT_WEIGHT", "-0.1", "từ 0.0 đến 1.0"),
    ("MIN_ANSWER_SCORE", "2", "từ 0.0 đến 1.0"),
    ("SCORE_DENSE_WEIGHT", "x", "từ 0.0 đến 1.0"),
    ("DENSE_FLOOR", "3", "từ -1.0 đến 1.0"),
    ("DENSE_SPAN", "0", "> 0"),
    ("LLM_TIMEOUT", "-1", "> 0"),
    ("LLM_TIMEOUT", "inf", "> 0"),
    ("HOST", " ", "không rỗng"),
    ("API_QUEUE_TIMEOUT", "-1", "từ 0.0 đến 3600.0"),
    ("API_QUEUE_TIMEOUT", "nan", "từ 0.0 đến 3600.0"),
    ("API_QUEUE_TIMEOUT", "ba mươi", "từ 0.0 đến 3600.0"),
    # issue 19 (11): every value checked, each refused for its own reason
    ("INDEX_DIR", "/etc/passwd", "một thư mục"),
    ("DOCS_DIR", "/etc/passwd/docs", "một thư mục"),
    ("MAX_ARTICLE_CHARS", "-1", "≥ 0"),
    ("CACHE_PRUNE", "maybe", "true hoặc false"),
    ("RELATED_MIN_LEXICAL", "abc", "số thực từ 0.0 đến 1000.0"),
    ("RELATED_MIN_LEXICAL", "-2", "số thực từ 0.0 đến 1000.0"),
    ("STORE", "milvu", "faiss, milvus"),
    ("CHUNK_VECTORS", "sentence", "sentences, chunks"),
    ("HNSW_EF_SEARCH", "0", "≥ 1"),
    ("CHUNK_TITLE_WEIGHT", "-1", "từ 0.0 đến 10.0"),
    ("LLM_BASE_URL", "localhost:8000/v1", "http://"),
    ("TRUSTED_PROXIES", "10.0.0.0/33", "địa chỉ IP"),
    ("API_MODEL_NAME", " ", "không rỗng"),
    ("UPLOAD_TTL_MINUTES", "0", "từ 0.1 đến 10080.0"),
    ("UPLOAD_TTL_MINUTES", "-5", "từ 0.1 đến 10080.0"),
    ("UPLOAD_TTL_MINUTES", "nan", "từ 0.1 đến 10080.0"),
    ("UPLOAD_TTL_MINUTES", "một giờ", "từ 0.1 đến 10080.0"),
    ("UPLOAD_TTL_MINUTES", "20000", "từ 0.1 đến 10080.0"),
]


@pytest.mark.parametrize("name,value,allowed", BAD)
def test_bad_values_are_refused_with_the_variable_and_the_allowed_values(name, value,
                                                                         allowed) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(env={f"ASSISTANT_{name}": value})
    message = str(info.value)
    assert f"ASSISTANT_{name}=" in message and allowed in message
    assert message.startswith("Cấu hình không hợp lệ")


@pytest.mark.parametrize("name,value,field,expected", [
    ("FUSION", "rrf", "fusion", "rrf"), ("FUSION", " Weighted ", "fusion", "weighted"),
    ("ANSWER_MODE", "llm", "answer_mode", "llm"),
    ("LLM_PROVIDER", "ollama", "llm_provider", "ollama"),
    ("DENSE_WEIGHT", "0", "dense_weight", 0.0), ("PORT", "8080", "port", 8080),
    ("API_QUEUE_TIMEOUT", "2.5", "api_queue_timeout", 2.5),
    ("API_QUEUE_TIMEOUT", "0", "api_queue_timeout", 0.0),
    ("UPLOAD_TTL_MINUTES", "0.5", "upload_ttl_minutes", 0.5),
])
def test_good_values_pass(name, value, field, expected) -> None:
    assert getattr(load_settings(env={f"ASSISTANT_{name}": value}), field) == expected


def test_every_setting_has_its_check() -> None:
    """A new field must say what it accepts (issue 19, point 11)."""
    from dataclasses import fields

    from assistant import settings as module

    checked = (set(module._CHOICES) | set(module._INT_RANGE) | set(module._FLOAT_RANGE)
               | set(module._POSITIVE) | set(module._NOT_EMPTY) | set(module._DIRS)
               | set(module._URLS) | set(module._ADDRESSES) | set(module._FREE) | {"cache_prune"})
    assert {f.name for f in fields(Settings)} <= checked


@pytest.mark.parametrize("value, expected", [("off", False), ("1", True), (" Yes ", True),
                                             ("false", False)])
def test_booleans_read_as_written(value, expected) -> None:
    assert load_settings(env={"ASSISTANT_CACHE_PRUNE": value}).cache_prune is expected


def test_defaults_flags_and_replace_are_checked_too() -> None:
    Settings()  # the defaults are valid
    with pytest.raises(SettingsError, match="ASSISTANT_PORT"):
        load_settings(env={}, port=-1)
    with pytest.raises(SettingsError, match="ASSISTANT_FUSION"):
        Settings().replace(fusion="weigthed")


@pytest.mark.parametrize("args,env", [
    (["search", "x"], {"ASSISTANT_FUSION": "weigthed"}),
    (["ask", "x"], {"ASSISTANT_ANSWER_MODE": "lmm"}),
    (["serve"], {"ASSISTANT_LLM_PROVIDER": "olama"}),
    (["serve", "--port", "70000"], {}),
    (["index"], {"ASSISTANT_MAX_ARTICLE_CHARS": "-1"}),
])
def test_the_cli_exits_2_with_the_message_before_doing_anything(tmp_path, args, env) -> None:
    full = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path / "index"), **env}
    out = subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=full,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    assert "Cấu hình không hợp lệ" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "index").exists()


def test_a_k_below_one_is_bad_usage() -> None:
    out = subprocess.run([sys.executable, "-m", "assistant", "search", "x", "--k", "0"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
