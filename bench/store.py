"""Benchmark of the claim store: ingest and conflicts at 10k, 100k and 1M claims.

    python bench/store.py                          # 10k, 100k, 1M claims
    python bench/store.py --sizes 10000,100000     # some sizes only
    python bench/store.py --out bench/out/store    # where records and stores go (default)

For each size it writes synthetic prediction records (JSON Lines shaped
like `afirma extract` output: text, number and name spans, claims with
cues, meta with outlet, country, date and url), then times, each in a
fresh child process: `afirma store add FILE --db DB` on an empty store,
the same add again (every article replaced), and `afirma conflicts --db DB
--json` written to a file. Wall time includes the start-up of afirma;
peak RSS is the child's `ru_maxrss` (from `os.wait4`). The records are not
timed and are kept between runs (same size and seed, same bytes).

The records are realistic in size and shape (about 25 claims and 3,000
characters of text an article, some 23 kB a record) and in what the
conflicts step meets: a few thousand subjects, many units and families,
plans and current figures, dated and undated claims, ranges, bounds and
approximate figures, and about 4 % of figures that disagree with the
others of their quantity.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = 2
CLAIMS_PER_ARTICLE = 25
DISAGREE = 0.04

MODALITY_VERBS = {
    "asserted": ("opera", "cuenta con", "alcanzó", "registró"),
    "planned": ("tendrá", "prevé alcanzar", "planea sumar", "invertirá en total"),
    "estimated": ("se estima que alcanza", "calcula que llega a"),
    "alleged": ("tendría supuestamente", "habría alcanzado"),
    "uncertain": ("podría alcanzar", "no está claro si supera"),
}
MODALITY_WEIGHTS = (("asserted", 55), ("planned", 25), ("estimated", 10), ("alleged", 5), ("uncertain", 5))

# (label, claim unit, written unit, base value range, hardware pool or None)
QUANTITIES = (
    ("QUANTITY", "MW", "MW de potencia", (10, 2000), None),
    ("QUANTITY", "GW", "GW de potencia", (1, 10), None),
    ("MONEY", "USD", "millones de dólares", (50, 90000), None),
    ("MONEY", "EUR", "millones de euros", (50, 20000), None),
    ("CARDINAL", "GPU", "GPU", (1000, 200000), ("NVIDIA H100", "NVIDIA H200", "NVIDIA GB200", "AMD Instinct MI300X")),
    ("CARDINAL", "empleo", "empleos", (50, 5000), None),
    ("QUANTITY", "l/day", "litros de agua al día", (10000, 5000000), None),
    ("QUANTITY", "GWh", "GWh de electricidad", (10, 5000), None),
    ("PERCENT", "%", "% de la demanda", (1, 60), None),
    ("DURATION", "month", "meses de obras", (6, 48), None),
)
# What a sum of money is: the store compares money only when the sentence says.
MONEY_MEASURES = ("una inversión de", "unos ingresos de", "una ronda de", "un crédito de")
OUTLETS = ("El Diario Digital", "Agencia Ibérica", "Crónica Económica", "Tecnoactualidad", "Mercado Hoy", "La Voz del Sur")
COUNTRIES = ("ES", "MX", "AR", "CL", "CO", "US")
SOURCES = ("Reuters", "Bloomberg", "la consultora Atlas", "el Gobierno regional", "fuentes del sector")
SUBJECTS = 3000

_ASIDES = (
    "", "", " en su campus principal", " tras la última ampliación", " en el conjunto de sus instalaciones",
    " de acuerdo con sus cuentas", " con refrigeración líquida", " en la región", " para entrenar modelos de lenguaje",
)
_SYLLABLES = ("no", "va", "ter", "lix", "ra", "mon", "cal", "vi", "sen", "dor", "tra", "quel", "bri", "zan", "pe", "lo")
_TAILS = ("Cloud", "Data", "Compute", "Energía", "Digital", "Systems", "")


def subject_name(index: int) -> str:
    """A made-up company name, the same for the same index."""
    pick = random.Random(index)
    stem = "".join(pick.choice(_SYLLABLES) for _ in range(pick.randint(2, 3))).capitalize()
    tail = pick.choice(_TAILS)
    return f"{stem} {tail} {index}".replace("  ", " ") if tail else f"{stem} {index}"


def spanish(number: float) -> str:
    """1500 → '1.500', 2.5 → '2,5': how a Spanish outlet writes it."""
    if float(number).is_integer():
        return f"{int(number):,}".replace(",", ".")
    return f"{number:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def true_value(subject: int, quantity: int, hardware: str, stance: str, period: str) -> float:
    """The figure every honest claim about this quantity gives."""
    label, _, _, (low, high), _ = QUANTITIES[quantity]
    pick = random.Random(f"{subject}|{quantity}|{hardware}|{stance}|{period}")
    value = pick.uniform(low, high)
    return round(value, 1) if high <= 10 else float(round(value))


@dataclass
class Figure:
    value: float | None
    low: float | None
    high: float | None
    approx: bool
    written: str


def figure(pick: random.Random, truth: float) -> Figure:
    draw = pick.random()
    if draw < DISAGREE:
        truth = round(truth * pick.uniform(1.5, 3.0), 1)
    if draw > 0.94:
        return Figure(None, truth, round(truth * 1.2, 1), False, f"entre {spanish(truth)} y {spanish(round(truth * 1.2, 1))}")
    if draw > 0.88:
        shown = round(truth * pick.uniform(0.97, 1.03), 1)
        return Figure(shown, None, None, True, f"unos {spanish(shown)}")
    if draw > 0.85:
        return Figure(None, truth, None, False, f"más de {spanish(truth)}")
    return Figure(truth, None, None, False, spanish(truth))


def _weighted(pick: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return pick.choices([name for name, _ in table], weights=[weight for _, weight in table])[0]


def _scaled(number: float | None, written_unit: str) -> float | None:
    return None if number is None else number * (1e6 if written_unit.startswith("millones") else 1)


class _Writer:
    """Text, spans and claims of one article, offsets kept as the text grows."""

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        self.text = ""
        self.spans: list[dict] = []
        self.claims: list[dict] = []

    def sentence(self, pick: random.Random, subject: int, quantity: int, article_year: str) -> None:
        label, unit, written_unit, _, hardware_pool = QUANTITIES[quantity]
        modality = _weighted(pick, MODALITY_WEIGHTS)
        hardware = ""
        if hardware_pool and pick.random() < 0.8:
            hardware = random.Random(subject * 7 + pick.randint(0, 1)).choice(hardware_pool)
        year = pick.choice(("2023", "2024", "2025", "2026")) if pick.random() < 0.4 else ""
        stance = "plan" if modality == "planned" else "current"
        fig = figure(pick, true_value(subject, quantity, hardware, stance, year or article_year))
        name = subject_name(subject)
        start = len(self.text)
        lead = f"{name} {pick.choice(MODALITY_VERBS[modality])} "
        if label == "MONEY":
            lead += random.Random(f"{subject}|{quantity}").choice(MONEY_MEASURES) + " "
        number = fig.written + ("" if label == "CARDINAL" else f" {written_unit}")
        tail = (f" {written_unit}" if label == "CARDINAL" else "") + (f" {hardware.split()[-1]}" if hardware else "")
        source = pick.choice(SOURCES) if pick.random() < 0.3 else None
        tail += pick.choice(_ASIDES) + (f" en {year}" if year else "") + (f", según {source}" if source else "")
        self.text += lead + number + tail + ". "
        anchor = (start + len(lead), start + len(lead) + len(number))
        self._spans(name, start, anchor, label, fig, unit, written_unit)
        claim = {"label": label, "unit": unit, "subject": name, "hardware": [hardware] if hardware else [], "orgs": [name]}
        claim.update(modality=modality, source=source, date=year or None, cues=[f"subject<-nsubj:{name}", f"modality:{modality}<-{lead.split()[-1]}"])
        self._claim(claim, anchor, (start, len(self.text) - 1), fig, written_unit)

    def _claim(self, claim: dict, anchor: tuple[int, int], sentence: tuple[int, int], fig: Figure, written_unit: str) -> None:
        from schemas.models import claim_id

        claim["id"] = claim_id(self.article_id, anchor[0], anchor[1], claim["label"])
        claim["anchor"] = {"start": anchor[0], "end": anchor[1]}
        claim["sentence"] = {"start": sentence[0], "end": sentence[1]}
        claim.update(value=_scaled(fig.value, written_unit), low=_scaled(fig.low, written_unit), high=_scaled(fig.high, written_unit), approx=fig.approx)
        self.claims.append(claim)

    def _spans(self, name: str, start: int, anchor: tuple[int, int], label: str, fig: Figure, unit: str, written_unit: str) -> None:
        self.spans.append({"start": start, "end": start + len(name), "text": name, "label": "ORG", "canonical": name, "rule": "catalogue"})
        number = {"start": anchor[0], "end": anchor[1], "text": self.text[anchor[0] : anchor[1]], "label": label, "rule": "bench"}
        number.update(value=_scaled(fig.value, written_unit), low=_scaled(fig.low, written_unit), high=_scaled(fig.high, written_unit), approx=fig.approx, unit=unit)
        self.spans.append(number)


def record(seed: int, index: int) -> dict:
    """Article `index`: 25 claims about one to three subjects; depends only on (seed, index)."""
    pick = random.Random(seed * 1_000_003 + index)
    article_id = f"bench-{index:07d}"
    year = pick.choice(("2024", "2025", "2026"))
    date = f"{year}-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}"
    subjects = [pick.randrange(SUBJECTS) for _ in range(pick.randint(1, 3))]
    writer = _Writer(article_id)
    for _ in range(CLAIMS_PER_ARTICLE):
        writer.sentence(pick, pick.choice(subjects), pick.randrange(len(QUANTITIES)), year)
    outlet = pick.choice(OUTLETS)
    meta = {
        "language": "es",
        "outlet": outlet,
        "country": pick.choice(COUNTRIES),
        "date": date,
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{article_id}",
        "model": "bench",
    }
    return {"id": article_id, "text": writer.text.rstrip(), "spans": writer.spans, "claims": writer.claims, "meta": meta}


def write_records(path: Path, claims: int, seed: int) -> Path:
    """The records for `claims` claims, reused when already written with the same settings."""
    stamp = path.with_suffix(".json")
    wanted = {"generator": GENERATOR_VERSION, "claims": claims, "seed": seed}
    if path.exists() and stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return path
    articles = -(-claims // CLAIMS_PER_ARTICLE)
    with path.open("w", encoding="utf-8") as handle:
        for index in range(articles):
            handle.write(json.dumps(record(seed, index), ensure_ascii=False) + "\n")
    stamp.write_text(json.dumps(wanted))
    return path


@dataclass
class Run:
    wall_s: float
    peak_rss_mb: float
    exit: int


def run_child(command: list[str], stdout: Path | None = None) -> Run:
    """Wall time and peak RSS of one child process, reaped with os.wait4."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
        drained: list[bytes] = []
        reader = threading.Thread(target=lambda: drained.append(child.stderr.read()), daemon=True)
        reader.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        reader.join()
        child.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout:
            out.close()
    if child.returncode != 0:
        sys.stderr.write(b"".join(drained).decode("utf-8", "replace")[-2000:])
    return Run(wall, usage.ru_maxrss / 1024, child.returncode)


def afirma() -> str:
    found = Path(sys.executable).with_name("afirma")
    return str(found) if found.exists() else shutil.which("afirma") or "afirma"


def measure(size: int, out: Path, seed: int) -> dict:
    records = write_records(out / f"records-{size}.jsonl", size, seed)
    db = out / f"store-{size}.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    add = [afirma(), "store", "add", str(records), "--db", str(db)]
    first = run_child(add)
    again = run_child(add)
    report = out / f"conflicts-{size}.json"
    found = run_child([afirma(), "conflicts", "--db", str(db), "--json"], stdout=report)
    counts = json.loads(report.read_text(encoding="utf-8"))["counts"] if found.exit == 0 else {}
    return {
        "claims": size,
        "articles": -(-size // CLAIMS_PER_ARTICLE),
        "records_mb": records.stat().st_size / 1e6,
        "store_mb": db.stat().st_size / 1e6 if db.exists() else None,
        "add": first.__dict__,
        "add_again": again.__dict__,
        "conflicts": found.__dict__,
        "counts": counts,
    }


def render(results: list[dict]) -> str:
    head = ("claims", "records MB", "add s", "claims/s", "add again s", "add RSS MB", "store MB", "conflicts s", "RSS MB", "conflicts", "report MB")
    rows = []
    for entry in results:
        add, again, found = entry["add"], entry["add_again"], entry["conflicts"]
        rows.append(
            (
                f"{entry['claims']:,}", f"{entry['records_mb']:.0f}", f"{add['wall_s']:.1f}", f"{entry['claims'] / add['wall_s']:,.0f}",
                f"{again['wall_s']:.1f}", f"{max(add['peak_rss_mb'], again['peak_rss_mb']):.0f}", f"{entry['store_mb']:.0f}",
                f"{found['wall_s']:.1f}", f"{found['peak_rss_mb']:.0f}", f"{entry['counts'].get('conflicts', '?'):,}",
                f"{entry.get('report_mb', 0):.0f}",
            )
        )
    widths = [max(len(str(row[i])) for row in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)) for row in [head, *rows]]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="claims per run, comma-separated")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "store", help="records, stores and reports")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(text) for text in args.sizes.split(",")):
        print(f"{size:,} claims …", file=sys.stderr, flush=True)
        entry = measure(size, args.out, args.seed)
        entry["report_mb"] = (args.out / f"conflicts-{size}.json").stat().st_size / 1e6
        results.append(entry)
        (args.out / "results.json").write_text(json.dumps(results, indent=2))
    print(render(results))
    print(f"machine: {os.cpu_count()} cores; load average before the last run {os.getloadavg()[0]:.2f}")
    return 0 if all(r[k]["exit"] == 0 for r in results for k in ("add", "add_again", "conflicts")) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
