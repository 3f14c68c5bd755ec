"""Extraction needs no network, and no input is ever run as code.

The first test runs `afirma extract` in a fresh interpreter whose sockets
refuse to connect or resolve a name, installed before anything of afirma or
spaCy is imported; the run must succeed and must not even try. The second
reads the source of every module of `pipeline/` and refuses the functions
that turn data into code (pickle, marshal, eval, exec, ...).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from conftest import ARTICLES, ROOT

BLOCK_AND_RUN = r"""
import json, socket, sys

attempts = []

def refuse(name):
    def blocked(*args, **kwargs):
        attempts.append(name)
        raise OSError(f"network disabled by the test ({name})")
    return blocked

socket.socket.connect = refuse("socket.connect")
socket.socket.connect_ex = refuse("socket.connect_ex")
socket.socket.sendto = refuse("socket.sendto")
socket.create_connection = refuse("create_connection")
socket.getaddrinfo = refuse("getaddrinfo")
socket.gethostbyname = refuse("gethostbyname")

article, out, report = sys.argv[1:4]
sys.argv = ["afirma", "extract", article, "--output", out, "--no-progress"]
code = 0
try:
    from pipeline.cli import main
    main()
except SystemExit as stop:
    code = stop.code or 0
finally:
    with open(report, "w", encoding="utf-8") as handle:
        json.dump({"code": code, "attempts": attempts, "modules": sorted(sys.modules)}, handle)
sys.exit(code)
"""


@pytest.mark.model
def test_no_network_extraction_runs_with_sockets_blocked(tmp_path):
    article = ARTICLES / "colossus-es.txt"
    out, report = tmp_path / "out.jsonl", tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_AND_RUN, str(article), str(out), str(report)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    facts = json.loads(report.read_text(encoding="utf-8"))
    assert facts["attempts"] == [], f"tried the network: {facts['attempts']}"
    assert "spacy" in facts["modules"] and "pipeline.api" in facts["modules"]
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "colossus-es" and record["claims"]
    assert "1 extracted, 0 failed" in result.stderr


# Names that turn bytes or strings into running code or objects.
FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}


def _problems(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"{where}:{node.lineno} imports {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append(f"{where}:{node.lineno} imports from {node.module}")
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            if name in FORBIDDEN_CALLS:
                found.append(f"{where}:{node.lineno} calls {name}()")
            if isinstance(func, ast.Attribute) and func.attr in ("load", "loads") and isinstance(func.value, ast.Name):
                if func.value.id in FORBIDDEN_MODULES or func.value.id == "yaml":
                    found.append(f"{where}:{node.lineno} calls {func.value.id}.{func.attr}()")
    return found


def test_no_network_pipeline_runs_no_input_as_code():
    sources = sorted((ROOT / "pipeline").rglob("*.py")) + sorted((ROOT / "schemas").rglob("*.py"))
    assert len(sources) > 10
    problems = [problem for path in sources for problem in _problems(path)]
    assert problems == []
