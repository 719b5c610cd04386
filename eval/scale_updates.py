"""One-article add/remove and engine start-up at N articles (README, "One-article changes and
start-up: segments"), with the tests' hashing embedder (dimension 384) instead of the model.

usage: python eval/scale_updates.py CODE_DIR N WORK_DIR
CODE_DIR: the checkout whose `assistant` package is measured (another checkout gives the
"before" figures); WORK_DIR receives docs/ (N perturbed copies of the shipped articles),
index/ and cache/. Prints the JSON (`startup.start_to_first_answer_s`: engine start-up plus the
first answer, imports apart) and a one-line summary on stderr. Env: REPEAT (rounds of add +
remove, 3), ANN_THRESHOLD (override).
"""
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

code, n, work = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.conftest.FakeEmbedder (a hashing embedder)
sys.path.insert(0, str(code))
docs, index = work / "docs", work / "index"
SRC = sorted((ROOT / "docs").glob("*.txt"))


def perturb(text: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), text)


def make_corpus() -> None:
    docs.mkdir(parents=True, exist_ok=True)
    if len(list(docs.glob("*.txt"))) == n:
        return
    for i in range(n):
        src = SRC[i % len(SRC)].read_text(encoding="utf-8")
        head, body = src.split("\n---\n", 1) if src.startswith("---") else ("", src)
        rng = random.Random(i)
        head = re.sub(r"^id: .*$", f"id: a{i:05d}", head, flags=re.M)
        head = re.sub(r"^title: (.*)$", lambda m, i=i: "title: " + (json.dumps(
            json.loads(m.group(1)) + f" (bản {i})", ensure_ascii=False)
            if m.group(1) not in ('""', "") else '""'), head, flags=re.M)
        lines = body.split("\n")
        body = "\n".join(perturb(line, rng) + (f" Mã tin {i}-{k}." if line.strip() else "")
                         for k, line in enumerate(lines))
        (docs / f"a{i:05d}.txt").write_text(f"{head}\n---\n{body}", encoding="utf-8")


STARTUP = r"""
import sys, time, json
sys.path.insert(0, {root!r}); sys.path.insert(0, {code!r})
t0 = time.monotonic()
from assistant.settings import load_settings
from assistant.serving.engine import Engine
from tests.conftest import FakeEmbedder
s = load_settings(env={{}}, docs_dir={docs!r}, index_dir={index!r}, data_dir={data!r},
                  cache_dir={cache!r})
import os
if os.environ.get("ANN_THRESHOLD"):
    s = s.replace(ann_threshold=int(os.environ["ANN_THRESHOLD"]))
t1 = time.monotonic()
engine = Engine(s, FakeEmbedder(dim=384))
t2 = time.monotonic()
engine.ask("Đề án 06 được phê duyệt ngày nào?")
t3 = time.monotonic()
engine.ask("Hải Dương có bao nhiêu sản phẩm OCOP?")
t4 = time.monotonic()
rss = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
print(json.dumps({{"imports_s": t1 - t0, "engine_start_s": t2 - t1, "first_ask_s": t3 - t2,
                  "start_to_first_answer_s": t3 - t1,
                  "second_ask_s": t4 - t3, "action": engine.last_report.action,
                  "rss_mib_after_two_asks": rss}}))
"""


def startup() -> dict:
    script = STARTUP.format(code=str(code), root=str(ROOT), docs=str(docs), index=str(index),
                            data=str(work / "var"), cache=str(work / "cache"))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def du(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def main() -> None:
    from assistant.serving.engine import Engine
    from assistant.settings import load_settings
    from tests.conftest import FakeEmbedder

    make_corpus()
    settings = load_settings(env={}, docs_dir=str(docs), index_dir=str(index),
                             data_dir=str(work / "var"), cache_dir=str(work / "cache"))
    if os.environ.get("ANN_THRESHOLD"):  # no HNSW graph for the base segment (build time)
        settings = settings.replace(ann_threshold=int(os.environ["ANN_THRESHOLD"]))
    result = {"code": str(code), "articles": n}
    t = time.monotonic()
    engine = Engine(settings, FakeEmbedder(dim=384))
    result["first_engine_s"] = time.monotonic() - t
    result["first_action"] = engine.last_report.action
    result["chunks"] = len(engine.retriever.index.chunks)
    result["index_mib"] = du(index)
    result["startup"] = startup()
    body = SRC[0].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    adds, removes = [], []
    for k in range(int(os.environ.get("REPEAT", "3"))):
        t = time.monotonic()
        article, _ = engine.add_article(perturb(body, random.Random(10**6 + k)) + f" Tin mới {k}.",
                                        title=f"Bài đo thêm {k}")
        adds.append(time.monotonic() - t)
        t = time.monotonic()
        engine.remove_article(article.id)
        removes.append(time.monotonic() - t)
    result["add_s"], result["remove_s"] = adds, removes
    result["index_mib_after"] = du(index)
    result["startup_after"] = startup()
    print(json.dumps(result, indent=1))
    print(f"start-up + first answer: {result['startup']['start_to_first_answer_s']:.2f} s "
          f"(after the changes: {result['startup_after']['start_to_first_answer_s']:.2f} s); "
          f"add one article: {max(adds):.2f} s at most", file=sys.stderr)


main()
