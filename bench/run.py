"""afirma's speed and memory benchmark: one command, one table, one JSON file.

    python bench/run.py            # full sizes (about two hours on 2 cores)
    python bench/run.py --quick    # everything at a small size (a few minutes)
    python bench/run.py --only a,b,h

Run it from the repository root with the Python that has afirma installed
(`make bench` uses the venv). See bench/README.md for what each figure means.

Every case runs in its own fresh child process, so a peak RSS is that case's
own: it is `ru_maxrss` from `os.wait4` on the child (its largest process,
including reaped workers; never a sum over processes). This parent process
stays small (it never imports spaCy) because on Linux a child's `ru_maxrss`
can start from its parent's size when it is spawned; the parent's own peak is
recorded in the JSON to show that floor. The Python workers (a, b, d) also
report their own `VmHWM` as a check.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402  (bench/corpus.py, found through the path set just above)

CASES = "abcdefghi"
# Sizes of the full run and of --quick; an explicit flag wins over both.
SIZES = {
    "articles": (500, 100),
    "jobs_articles": (2000, 200),
    "mem_small": (1000, 100),
    "mem_large": (10000, 1000),
    "folder_articles": (20000, 2000),
    "long_mb": (5.0, 0.5),
    "jobs_mem_small": (2000, 200),
}
GOALS = {"api_ratio": 0.85, "jobs_speedup": 1.6, "mem_growth": 1.10, "startup_s": 0.5, "jobs_mem_growth": 1.10}
TINY_TEXT = "Musk anunció que Colossus tiene 100.000 GPU H100.\n"


# ============================================================ child workers
# These run in their own process (`run.py --worker X`), import spaCy and
# write one JSON result file; the parent only reads that file.

def _read_texts(folder: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def _own_peak_mb() -> float | None:
    """VmHWM of this process: its own peak, independent of how it was spawned."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _quiet_warnings() -> None:
    # W095 (the sm model is older than spaCy 3.8) is known and would only
    # clutter the logs; afirma explains it itself.
    import warnings

    warnings.filterwarnings("ignore", message=r".*\[W095\].*")


def worker_bare(folder: Path, batch_size: int, model: str | None) -> dict:
    """(a) spacy.load + list(nlp.pipe(texts)); only the pipe is timed."""
    _quiet_warnings()
    import spacy

    from pipeline.model import resolve_model

    texts = [text for _, text in _read_texts(folder)]
    start = time.perf_counter()
    nlp = spacy.load(resolve_model(model))
    load = time.perf_counter() - start
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']}=={nlp.meta['version']}",
        "pipes": list(nlp.pipe_names),
        "articles": len(docs),
        "words": words,
        "tokens": sum(len(d) for d in docs),
        "load_s": load,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "own_peak_mb": _own_peak_mb(),
    }


def _consume(extractor, items: list) -> tuple[int, int, int, int, list[str]]:
    """Every record of `extract_many` built and serialised to JSON.

    One stream over all items, as a user would run it. If a record fails
    (afirma raises, which ends the stream), the article after the last one
    yielded is tried alone; if it fails it is counted and skipped, and the
    stream restarts after it, so a bug costs its own article only.
    """
    records = spans = claims = size = 0
    errors: list[str] = []
    position = 0
    while position < len(items):
        try:
            for article in extractor.extract_many(items[position:]):
                size += len(article.model_dump_json())
                records += 1
                spans += len(article.spans)
                claims += len(article.claims)
                position += 1
        except Exception as error:  # noqa: BLE001 - counted and reported, the run goes on
            article_id, text, meta = items[position]
            try:
                article = extractor.extract(text, article_id, meta)
                size += len(article.model_dump_json())
                records += 1
            except Exception as alone:  # noqa: BLE001
                errors.append(f"{article_id}: {type(alone).__name__}: {str(alone).splitlines()[-1][:200]}")
            else:
                if not errors or not errors[-1].startswith("(stream)"):
                    errors.append(f"(stream) {type(error).__name__}: {str(error).splitlines()[-1][:200]}")
            position += 1
    return records, spans, claims, size, errors


def worker_api(folder: Path, batch_size: int, model: str | None) -> dict:
    """(b) Extractor + extract_many + model_dump_json; load not timed."""
    _quiet_warnings()
    from pipeline.api import Extractor

    texts = _read_texts(folder)
    items = [(name, text, {"path": f"{name}.txt"}) for name, text in texts]
    start = time.perf_counter()
    extractor = Extractor(model, quiet=True, batch_size=batch_size)
    load = time.perf_counter() - start
    start = time.perf_counter()
    records, spans, claims, size, errors = _consume(extractor, items)
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for _, t in texts)
    return {
        "model": extractor.model,
        "pipes": list(extractor.nlp.pipe_names),
        "articles": len(items),
        "records": records,
        "failed": len([e for e in errors if not e.startswith("(stream)")]),
        "errors": errors[:20],
        "spans": spans,
        "claims": claims,
        "json_bytes": size,
        "words": words,
        "load_s": load,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "own_peak_mb": _own_peak_mb(),
    }


def worker_components(folder: Path, batch_size: int, model: str | None) -> dict:
    """(d) Doc by doc through each pipe of afirma's nlp, timed per component,
    then the record of each doc built and serialised (timed as "records")."""
    _quiet_warnings()
    from pipeline import api
    from pipeline.textview import clean

    texts = _read_texts(folder)
    extractor = api.Extractor(model, quiet=True, batch_size=batch_size)
    nlp = extractor.nlp
    # The record builder of extract_many; private, so looked up with a guard.
    assembly = getattr(api, "_Assembly", None)
    times: dict[str, float] = {"clean (textview)": 0.0, "tokenizer": 0.0}
    for name in nlp.pipe_names:
        times[name] = 0.0
    times["records (pydantic + JSON)"] = 0.0
    failed: list[str] = []
    clock = time.perf_counter
    for article_id, text in texts:
        try:
            t0 = clock()
            view = clean(text)
            t1 = clock()
            times["clean (textview)"] += t1 - t0
            docs = []
            for offset, piece in api.split_pieces(view.text, extractor.piece_chars) if view.text.strip() else []:
                t0 = clock()
                doc = nlp.make_doc(piece)
                doc.user_data["afirma_article"] = 0
                doc.user_data["afirma_offset"] = offset
                times["tokenizer"] += clock() - t0
                for name, proc in nlp.pipeline:
                    t0 = clock()
                    doc = proc(doc)
                    times[name] += clock() - t0
                docs.append(doc)
            if assembly is not None:
                t0 = clock()
                record = assembly(article_id, view, {"path": f"{article_id}.txt"}, len(docs))
                for doc in docs:
                    record.add(doc)
                record.article(extractor).model_dump_json()
                times["records (pydantic + JSON)"] += clock() - t0
        except Exception as error:  # noqa: BLE001 - counted and reported
            failed.append(f"{article_id}: {type(error).__name__}: {str(error).splitlines()[-1][:200]}")
    if assembly is None:
        del times["records (pydantic + JSON)"]
    total = sum(times.values())
    words = sum(len(t.split()) for _, t in texts)
    return {
        "articles": len(texts),
        "failed": len(failed),
        "errors": failed[:20],
        "words": words,
        "total_s": total,
        "words_per_s": words / total if total else None,
        "components": {name: {"seconds": s, "share": s / total if total else 0.0} for name, s in times.items()},
        "records_measured": assembly is not None,
        "own_peak_mb": _own_peak_mb(),
    }


WORKERS = {"a": worker_bare, "b": worker_api, "d": worker_components}


# ================================================================ the parent
class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.work = Path(args.workdir)
        self.logs = self.work / "logs"
        self.tmp = self.work / "tmp"
        for folder in (self.logs, self.tmp):
            folder.mkdir(parents=True, exist_ok=True)
        self.names = None
        self.corpora: dict[str, dict] = {}
        self.results: dict = {
            "machine": machine_info(args.model),
            "settings": {k: v for k, v in vars(args).items() if k not in ("worker", "folder", "result")},
            "cases": {},
            "table": [],
        }
        self.afirma = find_afirma()
        self.problems: list[str] = []  # what went wrong in afirma, for the table and the JSON

    # ---------------------------------------------------------- plumbing
    def corpus(self, articles: int) -> tuple[Path, dict]:
        folder = self.work / "corpus" / f"seed{self.args.seed}-n{articles}"
        return folder, self._corpus(folder, lambda names: corpus.write_corpus(folder, articles, self.args.seed, names))

    def long_corpus(self, mb: float) -> tuple[Path, dict]:
        size = int(mb * 1_000_000)
        folder = self.work / "corpus" / f"seed{self.args.seed}-long{size}"
        return folder, self._corpus(folder, lambda names: corpus.write_long(folder, size, self.args.seed, names))

    def _corpus(self, folder: Path, make) -> dict:
        if str(folder) not in self.corpora:
            say(f"corpus {folder.name} ...")
            self.names = self.names or corpus.load_names()
            self.corpora[str(folder)] = make(self.names)
        return self.corpora[str(folder)]

    def run(self, label: str, command: list[str], output: Path | None = None, expected: int | None = None) -> dict:
        """Run one child; wall time, peak RSS (wait4), exit code; stderr in a log.

        A thread sits in `wait4` so the wall time is exact; this thread
        watches the clock and, for `afirma extract`, the output file. A child
        that has written all `expected` records and then does not exit for
        `--hang-after` seconds is killed (with its process group) and
        reported as hung; its wall time is then taken to the last write of
        the output. A child over `--timeout` is killed too.
        """
        log = self.logs / f"{label}.log"
        done = threading.Event()
        reaped: dict = {}
        with open(log, "wb") as err, open(self.logs / f"{label}.stdout", "wb") as out:
            start_clock = time.time()
            start = time.perf_counter()
            # Its own session, so that a hung child can be killed with every
            # process it started (pool workers) and with nothing else.
            child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT, start_new_session=True)

            def reap() -> None:
                _, reaped["status"], reaped["usage"] = os.wait4(child.pid, 0)
                reaped["wall"] = time.perf_counter() - start
                done.set()

            threading.Thread(target=reap, daemon=True).start()
            killed = None
            stable_since, last_size = None, -1
            peak_group_mb = 0.0
            try:
                while not done.wait(1.0):
                    elapsed = time.perf_counter() - start
                    group_mb = _group_rss_mb(child.pid)
                    peak_group_mb = max(peak_group_mb, group_mb)
                    if self.args.timeout and elapsed > self.args.timeout:
                        killed = f"killed after the --timeout of {self.args.timeout:.0f} s"
                    elif self.args.max_rss_gb and group_mb > self.args.max_rss_gb * 1024:
                        killed = f"killed: its processes held {group_mb / 1024:.1f} GB, over --max-rss-gb {self.args.max_rss_gb:g}"
                    elif output is not None and expected and output.exists():
                        size = output.stat().st_size
                        if size != last_size:
                            stable_since, last_size = time.perf_counter(), size
                        elif time.perf_counter() - stable_since > self.args.hang_after and _count_lines(output) >= expected:
                            killed = (f"hung: all {expected} records written, then no exit for "
                                      f"{self.args.hang_after:.0f} s; killed")
                    if killed:
                        _kill_group(child.pid)
                        done.wait()
                        break
            except KeyboardInterrupt:
                _kill_group(child.pid)
                raise
        child.returncode = os.waitstatus_to_exitcode(reaped["status"])  # reaped by wait4, tell Popen
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        result = {"wall_s": reaped["wall"], "peak_rss_mb": reaped["usage"].ru_maxrss / 1024, "exit": child.returncode,
                  "log": str(log), "stderr_tail": tail, "group_rss_mb_sampled": peak_group_mb}
        if killed:
            result["killed"] = killed
            if output is not None and output.exists() and "hung" in killed:
                result["wall_s"] = output.stat().st_mtime - start_clock  # to the last record written
                result["wall_until_killed_s"] = reaped["wall"]
        return result

    def worker(self, case: str, folder: Path) -> dict:
        result = self.tmp / f"worker-{case}.json"
        result.unlink(missing_ok=True)
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", case, "--folder", str(folder),
                   "--batch-size", str(self.args.batch_size), "--result", str(result)]
        if self.args.model:
            command += ["--model", self.args.model]
        run = self.run(f"{case}-worker", command)
        if run["exit"] != 0 or not result.exists():
            raise CaseError(f"worker {case} exited {run['exit']}: {' / '.join(run['stderr_tail'])}")
        data = json.loads(result.read_text(encoding="utf-8"))
        data["peak_rss_mb"] = run["peak_rss_mb"]
        data["process_wall_s"] = run["wall_s"]
        return data

    def extract(self, label: str, folder: Path, expected: int, *extra: str) -> dict:
        """`afirma extract FOLDER -o FILE --no-progress [extra]`, checked."""
        output = self.tmp / f"{label}.jsonl"
        output.unlink(missing_ok=True)
        command = [self.afirma, "extract", str(folder), "-o", str(output), "--no-progress", *extra]
        if self.args.model:
            command += ["--model", self.args.model]
        run = self.run(label, command, output, expected)
        lines = 0
        digest = hashlib.sha256()
        if output.exists():
            with open(output, "rb") as handle:
                for line in handle:
                    lines += 1
                    digest.update(line)
        run.update(records=lines, expected=expected, sha256=digest.hexdigest(), summary=_summary(run["stderr_tail"]))
        if not self.args.keep_output:
            output.unlink(missing_ok=True)
        if run.get("killed"):
            self.problems.append(f"{label}: afirma extract {' '.join(extra)} {run['killed']}".replace("  ", " "))
        elif run["exit"] not in (0, 1) or lines == 0:
            raise CaseError(f"afirma extract ({label}) exited {run['exit']} with {lines} records: {' / '.join(run['stderr_tail'])}")
        if lines != expected:
            run["warning"] = f"{lines} records for {expected} articles"
        return run

    def row(self, case: str, figure: str, value, unit: str = "", goal: str = "", ok: bool | None = None) -> None:
        self.results["table"].append({"case": case, "figure": figure, "value": value, "unit": unit, "goal": goal, "ok": ok})

    def save(self) -> None:
        self.results["problems"] = self.problems
        self.results["machine"]["bench_parent_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        path = Path(self.args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.results, indent=1, ensure_ascii=False), encoding="utf-8")

    # ------------------------------------------------------------- cases
    def case_a(self) -> dict:
        folder, info = self.corpus(self.args.articles)
        data = self.worker("a", folder)
        self.results["machine"]["model"] = data["model"]
        self.row("a", "bare spaCy, words/s (pipe only)", data["words_per_s"], "words/s")
        self.row("a", "bare spaCy, peak RSS", data["peak_rss_mb"], "MB")
        return data

    def case_b(self) -> dict:
        folder, info = self.corpus(self.args.articles)
        data = self.worker("b", folder)
        self.row("b", "afirma API, words/s (records + JSON)", data["words_per_s"], "words/s")
        self.row("b", "afirma API, peak RSS", data["peak_rss_mb"], "MB")
        if data["failed"]:
            self.row("b", "afirma API, articles that failed", data["failed"], "articles", "0", False)
        bare = self.results["cases"].get("a", {})
        if "words_per_s" in bare:
            data["ratio_to_bare"] = ratio = data["words_per_s"] / bare["words_per_s"]
            self.row("b", "ratio (b)/(a)", ratio, "", f">= {GOALS['api_ratio']}", ratio >= GOALS["api_ratio"])
        return data

    def startup(self) -> float:
        """Median wall of `afirma extract` on one tiny file: start-up + model load."""
        tiny = self.work / "corpus" / "tiny"
        tiny.mkdir(parents=True, exist_ok=True)
        (tiny / "tiny.txt").write_text(TINY_TEXT, encoding="utf-8")
        return statistics.median(self.extract(f"c-startup-{i}", tiny, 1)["wall_s"] for i in range(3))

    def case_c(self) -> dict:
        folder, info = self.corpus(self.args.articles)
        startup = self.startup()
        run = self.extract("c-cli", folder, info["files"])
        net = run["wall_s"] - startup
        run.update(words=info["words"], startup_s=startup, net_s=net, words_per_s_wall=info["words"] / run["wall_s"],
                   words_per_s_net=info["words"] / net if net > 0 else None)
        self.row("c", "afirma extract, wall time (incl. start-up)", run["wall_s"], "s")
        self.row("c", "afirma extract, start-up (1 tiny file, median of 3)", startup, "s")
        self.row("c", "afirma extract, words/s net of start-up", run["words_per_s_net"], "words/s")
        self.row("c", "afirma extract, words/s incl. start-up", run["words_per_s_wall"], "words/s")
        self.row("c", "afirma extract, peak RSS", run["peak_rss_mb"], "MB")
        self._failures("c", run)
        bare = self.results["cases"].get("a", {})
        if "words_per_s" in bare and run["words_per_s_net"]:
            run["ratio_to_bare"] = ratio = run["words_per_s_net"] / bare["words_per_s"]
            self.row("c", "ratio (c net)/(a)", ratio, "", f">= {GOALS['api_ratio']} (as b)", ratio >= GOALS["api_ratio"])
        return run

    def case_d(self) -> dict:
        folder, info = self.corpus(self.args.articles)
        data = self.worker("d", folder)
        for name, figures in sorted(data["components"].items(), key=lambda kv: -kv[1]["seconds"]):
            self.row("d", f"time in {name}", figures["seconds"], f"s  ({figures['share']:.1%})")
        self.row("d", "doc by doc total, words/s", data["words_per_s"], "words/s")
        if data["failed"]:
            self.row("d", "articles that failed", data["failed"], "articles", "0", False)
        return data

    def case_e(self) -> dict:
        folder, info = self.corpus(self.args.jobs_articles)
        one = self.extract("e-jobs1", folder, info["files"], "--jobs", "1")
        two = self.extract("e-jobs2", folder, info["files"], "--jobs", "2")
        speedup = one["wall_s"] / two["wall_s"]
        data = {"articles": info["files"], "words": info["words"], "jobs1": one, "jobs2": two, "speedup": speedup,
                "same_output": one["sha256"] == two["sha256"]}
        self.row("e", f"--jobs 1 wall, {info['files']} articles", one["wall_s"], "s")
        self.row("e", f"--jobs 2 wall, {info['files']} articles", two["wall_s"], "s")
        self.row("e", "speed-up jobs 2 / jobs 1", speedup, "x", f">= {GOALS['jobs_speedup']}", speedup >= GOALS["jobs_speedup"])
        self.row("e", "same output with --jobs 2", data["same_output"], "", "True", data["same_output"])
        if "killed" in two:
            self.row("e", "--jobs 2 exited on its own (else: wall to last record)", False, "", "True", False)
        self.row("e", "--jobs 2 peak RSS (largest process)", two["peak_rss_mb"], "MB")
        self._failures("e", one)
        return data

    def case_f(self) -> dict:
        small_folder, small_info = self.corpus(self.args.mem_small)
        large_folder, large_info = self.corpus(self.args.mem_large)
        small = self.extract("f-small", small_folder, small_info["files"])
        large = self.extract("f-large", large_folder, large_info["files"])
        growth = large["peak_rss_mb"] / small["peak_rss_mb"]
        data = {"small": {**small, "articles": small_info["files"], "words": small_info["words"]},
                "large": {**large, "articles": large_info["files"], "words": large_info["words"]}, "ratio": growth}
        self.row("f", f"peak RSS, {small_info['files']} articles", small["peak_rss_mb"], "MB")
        self.row("f", f"peak RSS, {large_info['files']} articles", large["peak_rss_mb"], "MB")
        self.row("f", "peak RSS ratio large / small", growth, "x", f"<= {GOALS['mem_growth']:.2f}", growth <= GOALS["mem_growth"])
        self.row("f", f"wall, {large_info['files']} articles", large["wall_s"], "s")
        self._failures("f", large)
        return data

    def case_g(self) -> dict:
        long_folder, long_info = self.long_corpus(self.args.long_mb)
        big = self.extract("g-long", long_folder, 1)
        folder, info = self.corpus(self.args.folder_articles)
        many = self.extract("g-folder", folder, info["files"])
        data = {"long": {**big, "bytes": long_info["bytes"], "words": long_info["words"],
                         "words_per_s_wall": long_info["words"] / big["wall_s"]},
                "folder": {**many, "articles": info["files"], "words": info["words"], "bytes": info["bytes"],
                           "words_per_s_wall": info["words"] / many["wall_s"]}}
        mb = long_info["bytes"] / 1e6
        self.row("g", f"one {mb:.1f} MB article: wall", big["wall_s"], "s")
        self.row("g", f"one {mb:.1f} MB article: peak RSS", big["peak_rss_mb"], "MB")
        self.row("g", f"one {mb:.1f} MB article: records written", big["records"], "", "1", big["records"] == 1)
        self.row("g", f"{info['files']} articles: wall", many["wall_s"], "s")
        self.row("g", f"{info['files']} articles: peak RSS", many["peak_rss_mb"], "MB")
        self.row("g", f"{info['files']} articles: words/s incl. start-up", data["folder"]["words_per_s_wall"], "words/s")
        self._failures("g", many)
        return data

    def case_h(self) -> dict:
        data = {}
        for name, command in (("help", [self.afirma, "--help"]), ("schema", [self.afirma, "schema"])):
            walls, peaks = [], []
            for i in range(self.args.startup_runs):
                run = self.run(f"h-{name}-{i}", command)
                if run["exit"] != 0:
                    raise CaseError(f"afirma {name} exited {run['exit']}: {' / '.join(run['stderr_tail'])}")
                walls.append(run["wall_s"])
                peaks.append(run["peak_rss_mb"])
            median = statistics.median(walls)
            data[name] = {"median_s": median, "min_s": min(walls), "max_s": max(walls), "runs_s": walls, "peak_rss_mb": max(peaks)}
            label = "afirma --help" if name == "help" else "afirma schema"
            self.row("h", f"{label}, median of {len(walls)}", median, "s", f"< {GOALS['startup_s']}", median < GOALS["startup_s"])
        return data

    def case_i(self) -> dict:
        """--jobs 2 memory against corpus size: the pool draws input only as
        workers free up, so the main process and its workers together must
        not grow with the number of articles."""
        small_folder, small_info = self.corpus(self.args.jobs_mem_small)
        large_folder, large_info = self.corpus(self.args.folder_articles)
        small = self.extract("i-jobs2-small", small_folder, small_info["files"], "--jobs", "2")
        large = self.extract("i-jobs2-large", large_folder, large_info["files"], "--jobs", "2")
        growth = large["group_rss_mb_sampled"] / small["group_rss_mb_sampled"]
        data = {"small": {**small, "articles": small_info["files"]}, "large": {**large, "articles": large_info["files"]},
                "ratio": growth}
        for run, info in ((small, small_info), (large, large_info)):
            self.row("i", f"--jobs 2, {info['files']} articles: all processes, peak of sampled sum", run["group_rss_mb_sampled"], "MB")
            self.row("i", f"--jobs 2, {info['files']} articles: largest process", run["peak_rss_mb"], "MB")
        self.row("i", "ratio large / small (all processes)", growth, "x", f"<= {GOALS['jobs_mem_growth']:.2f}",
                 growth <= GOALS["jobs_mem_growth"])
        self._failures("i", large)
        return data

    def _failures(self, case: str, run: dict) -> None:
        failed = (run.get("summary") or {}).get("failed")
        if failed:
            self.row(case, "articles that failed", failed, "articles", "0", False)


class CaseError(RuntimeError):
    pass


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def _group_rss_mb(pgid: int) -> float:
    """Current RSS summed over the child's process group (for --max-rss-gb, and
    the sum over pool workers, which ru_maxrss does not give). Sampled each second."""
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid:  # after the name: state, ppid, pgrp, ... rss is the 22nd
            total += int(fields[21]) * page
    return total / 2**20


def _kill_group(pid: int) -> None:
    """SIGKILL the session the bench started for this child (its own process group)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _summary(tail: list[str]) -> dict | None:
    """Parse `afirma: N extracted, M failed` from the end of stderr."""
    for line in reversed(tail):
        if line.startswith("afirma: ") and " extracted" in line:
            parts = dict(reversed(p.strip().split(" ", 1)) for p in line[len("afirma: "):].split(",") if " " in p.strip())
            try:
                return {"extracted": int(parts.get("extracted", 0)), "failed": int(parts.get("failed", 0))}
            except ValueError:
                return None
    return None


def find_afirma() -> str:
    """The `afirma` script beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).with_name("afirma")
    if beside.exists():
        return str(beside)
    found = shutil.which("afirma")
    if not found:
        sys.exit("bench: the `afirma` command is not installed for this Python; run `make bench` or use the venv's python")
    return found


def machine_info(model: str | None) -> dict:
    def version(name: str) -> str | None:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return None

    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": _proc_field("/proc/cpuinfo", "model name"),
        "memory_gb": round(int(_proc_field("/proc/meminfo", "MemTotal").split()[0]) / 1024**2, 1) if _proc_field("/proc/meminfo", "MemTotal") else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "pydantic": version("pydantic"),
        "afirma": version("afirma"),
    }
    try:
        from pipeline.model import resolve_model  # stdlib only at import: the parent stays small

        name = resolve_model(model)
        info["model"] = f"{name}=={version(name)}"
    except Exception as error:  # noqa: BLE001 - the workers will say what is wrong
        info["model"] = f"? ({error})"
    info["git"] = _git("rev-parse", "--short", "HEAD")
    changed = _git("status", "--porcelain", "--", "pipeline", "schemas")
    info["pipeline_uncommitted_changes"] = bool(changed)
    return info


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def render(results: dict) -> str:
    machine = results["machine"]
    lines = [
        f"afirma benchmark, {machine['date']}: {machine['cores']} cores ({machine['cpu']}), {machine['memory_gb']} GB, "
        f"Python {machine['python']}, spaCy {machine['spacy']}, model {machine['model']}, afirma {machine['afirma']} (git {machine['git']}"
        f"{', pipeline/ has uncommitted changes' if machine.get('pipeline_uncommitted_changes') else ''})",
        "",
    ]
    rows = [("case", "figure", "value", "unit", "goal", "met")]
    for row in results["table"]:
        value = row["value"]
        if isinstance(value, bool) or value is None:
            text = str(value)
        elif isinstance(value, float):
            text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"
        else:
            text = f"{value:,}" if isinstance(value, int) else str(value)
        met = "" if row["ok"] is None else ("yes" if row["ok"] else "NO")
        rows.append((row["case"], row["figure"], text, row["unit"], row["goal"], met))
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.rjust(w) if i == 2 else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    loads = {case: data.get("loadavg_1min") for case, data in results["cases"].items() if data.get("loadavg_1min")}
    if loads:
        lines.append("1-minute load average before/after each case (the bench itself adds about 1; 2 cores): "
                     + ", ".join(f"{case} {a:g}/{b:g}" for case, (a, b) in loads.items()))
    for problem in results.get("problems", []):
        lines.append(f"problem: {problem}")
    errors = {case: data["error"] for case, data in results["cases"].items() if "error" in data}
    for case, error in errors.items():
        lines.append(f"case {case} FAILED: {error}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Speed and memory of afirma against bare spaCy, on a synthetic corpus (see bench/README.md).",
        epilog="Full sizes take about two hours on 2 cores; --quick takes a few minutes.",
    )
    size = parser.add_argument_group("sizes (full default / --quick default)")
    size.add_argument("--articles", type=int, help="articles for cases a-d (500 / 100)")
    size.add_argument("--jobs-articles", type=int, help="articles for case e, --jobs 1 vs 2 (2000 / 200)")
    size.add_argument("--mem-small", type=int, help="articles, small corpus of case f (1000 / 100)")
    size.add_argument("--mem-large", type=int, help="articles, large corpus of case f (10000 / 1000)")
    size.add_argument("--folder-articles", type=int, help="articles in the big folder of case g (20000 / 2000)")
    size.add_argument("--long-mb", type=float, help="size in MB (10^6 bytes) of the one long article of case g (5 / 0.5)")
    size.add_argument("--jobs-mem-small", type=int, help="articles, small corpus of case i, --jobs 2 memory (2000 / 200);"
                      " its large corpus is --folder-articles")
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--only", default=CASES, help="cases to run, e.g. a,b,h (default: all of a-i)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for a, b and d (default 16, the Extractor's)")
    parser.add_argument("--startup-runs", type=int, default=7, help="runs of each start-up command in case h (default 7)")
    parser.add_argument("--seed", default="0", help="corpus seed (default 0)")
    parser.add_argument("--model", help="spaCy model (default: afirma's choice, $AFIRMA_MODEL, then md, then sm)")
    parser.add_argument("--workdir", default=str(Path("bench") / "out"), help="corpora, logs and outputs (default bench/out)")
    parser.add_argument("--json", help="results file (default WORKDIR/results.json)")
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="kill a child after this many seconds (default 14400; 0: never)")
    parser.add_argument("--max-rss-gb", type=float, default=16.0,
                        help="kill a child whose processes hold more than this many GB together (default 16; 0: no limit)")
    parser.add_argument("--hang-after", type=float, default=30.0,
                        help="kill `afirma extract` when it has written every record but not exited after this many seconds (default 30)")
    parser.add_argument("--keep-output", action="store_true", help="keep the JSON Lines written by afirma extract (in WORKDIR/tmp)")
    # Internal: one measurement in a fresh process, started by the parent.
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for name, (full, quick) in SIZES.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    args.only = "".join(c for c in args.only.lower() if c in CASES)
    if not args.only:
        parser.error(f"--only takes letters among {','.join(CASES)}")
    args.workdir = str(Path(args.workdir).resolve())
    args.json = args.json or str(Path(args.workdir) / "results.json")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        data = WORKERS[args.worker](args.folder, args.batch_size, args.model)
        args.result.write_text(json.dumps(data), encoding="utf-8")
        return 0
    if importlib.util.find_spec("spacy") is None:
        sys.exit("bench: spaCy is not installed for this Python; run `make bench` or use the venv's python")
    bench = Bench(args)
    say(f"cases {','.join(args.only)}; results in {args.json}")
    for case in args.only:
        say(f"case {case} ...")
        load_before = os.getloadavg()[0]
        started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        start = time.perf_counter()
        try:
            bench.results["cases"][case] = getattr(bench, f"case_{case}")()
        except CaseError as error:
            bench.results["cases"][case] = {"error": str(error)}
            say(f"case {case} FAILED: {error}")
        bench.results["cases"][case]["started"] = started
        bench.results["cases"][case]["bench_s"] = time.perf_counter() - start
        # Other work on the machine slows every figure; the 1-minute load
        # average before and after each case says whether there was any.
        bench.results["cases"][case]["loadavg_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
        say(f"case {case} done in {time.perf_counter() - start:.0f} s")
        bench.save()  # after every case, so a long run that dies keeps what it measured
    print(render(bench.results))
    failed = [case for case, data in bench.results["cases"].items() if "error" in data]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
