"""Score the export's responsibility, deadline and indicator extraction against the hand-built gold.

    .venv/bin/python bench/score_responsibility.py [--export data.json] [--gold FILE] [--check-gold]

Without --export it runs `policykb export` into a temporary file first. It prints the figures
against the targets of issue 3, a breakdown per surface form and per gazette, and every mismatch
(gold vs predicted, with file:lines) so importer developers can see what to fix. Exit status is 0
whatever the scores; 1 only when the export cannot be produced or read, or (--check-gold) when the
gold disagrees with its source lines.

Matching: a gold item matches the export item from the same source file whose line range overlaps
the gold lines and whose text (whitespace removed, widths folded) contains text_contains; when
several do, the narrowest wins. Unmatched gold items count as errors in every figure.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "responsibility.yml"
COMPARATOR_SPELLINGS = {"≤": "<=", "≥": ">=", "≈": "~", "＝": "="}


# ------------------------------------------------------------------ normalisation

def norm(text) -> str:
    """Width-folded (NFKC), whitespace-free text; 〔〕 and 【】 count as ( )."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = text.translate(str.maketrans("〔〕【】", "()()"))
    return re.sub(r"\s+", "", text)


def norm_generic(text) -> str:
    return norm(text).removeprefix("等")


def as_number(value):
    try:
        return float(norm(value)) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None


def bigram_dice(a: str, b: str) -> float:
    x = {a[i:i + 2] for i in range(len(a) - 1)}
    y = {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def metric_similar(gold: str, pred: str) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    if g == p or (min(len(g), len(p)) >= 2 and (g in p or p in g)):
        return True
    return bigram_dice(g, p) >= 0.6


# ------------------------------------------------------------------ the export

class ExportError(Exception):
    """The export could not be produced or read."""


def run_export() -> Path:
    out = Path(tempfile.mkdtemp(prefix="policykb-score-")) / "data.json"
    proc = subprocess.run([sys.executable, "-m", "generator", "export", "--output", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0 or not out.exists():
        raise ExportError(f"`policykb export` failed (exit {proc.returncode}):\n"
                          f"{proc.stderr.strip() or proc.stdout.strip()}")
    return out


def load_export(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{path}: cannot read the export: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ExportError(f"{path}: not an export (no 'items' list)")
    return data


@dataclass
class Unit:
    id: str
    jurisdiction: str | None
    name: str
    names: set[str]


class Export:
    """The export indexed for scoring: items per source file, units by id, indicators per item."""

    def __init__(self, data: dict):
        self.units = {}
        for u in data.get("units") or []:
            names = {norm(u.get("name"))} | {norm(a) for a in u.get("aliases") or []}
            self.units[u.get("id")] = Unit(u.get("id"), u.get("jurisdiction"), u.get("name") or "",
                                           names - {""})
        self.doc_jurisdiction = {d.get("id"): d.get("jurisdiction")
                                 for d in data.get("documents") or []}
        self.items_by_file = defaultdict(list)
        self.text = {}  # normalised item text, by id() of the item
        for item in data["items"]:
            src = item.get("source") or {}
            if src.get("file"):
                self.items_by_file[Path(src["file"]).name].append(item)
                self.text[id(item)] = norm(item.get("text"))
        self.indicators = defaultdict(list)
        for ind in data.get("indicators") or []:
            self.indicators[ind.get("item")].append(ind)

    def resolve(self, unit_id, item) -> Unit:
        """The unit behind an id; an unknown id stands for itself (a raw name in the export)."""
        unit = self.units.get(unit_id)
        if unit is None:
            return Unit(str(unit_id), None, str(unit_id), {norm(unit_id)})
        doc_j = self.doc_jurisdiction.get(item.get("document"))
        if unit.jurisdiction and doc_j and unit.jurisdiction != doc_j:
            return Unit(unit.id, unit.jurisdiction, f"{unit.name} [{unit.jurisdiction}]", set())
        return unit

    def find(self, gold: dict):
        a, b = gold["lines"]
        want = norm(gold["text_contains"])
        hits = [it for it in self.items_by_file.get(Path(gold["file"]).name, [])
                if it["source"].get("line_start", 0) <= b and it["source"].get("line_end", 0) >= a
                and want in self.text[id(it)]]
        return min(hits, key=lambda it: it["source"]["line_end"] - it["source"]["line_start"],
                   default=None)

    def overlapping(self, gold: dict) -> list:
        a, b = gold["lines"]
        return [it for it in self.items_by_file.get(Path(gold["file"]).name, [])
                if it["source"].get("line_start", 0) <= b and it["source"].get("line_end", 0) >= a]


# ------------------------------------------------------------------ scoring

@dataclass
class Tally:
    items: int = 0
    matched: int = 0
    lead_ok: int = 0
    labelled_ok: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    generic: int = 0
    generic_ok: int = 0
    deadlines: int = 0
    deadlines_ok: int = 0
    indicators: int = 0
    indicators_ok: int = 0

    def add(self, other: "Tally") -> None:
        for key, value in vars(other).items():
            setattr(self, key, getattr(self, key) + value)

    def ratio(self, num: str, den: str):
        d = getattr(self, den)
        return getattr(self, num) / d if d else None

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self):
        """None when there was nothing to count (no gold and no predicted participants)."""
        if not self.tp + self.fp + self.fn:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ItemResult:
    gold: dict
    tally: Tally
    problems: list[str] = field(default_factory=list)
    spurious_deadline: bool = False
    years_checked: int = 0
    years_ok: int = 0


def match_units(gold_names: list[str], units: list[Unit]) -> tuple[int, list[str], list[Unit]]:
    """Pair gold names with predicted units one to one; (matches, missing names, extra units)."""
    left = list(units)
    missing = []
    for name in dict.fromkeys(gold_names):
        hit = next((u for u in left if norm(name) in u.names), None)
        if hit is None:
            missing.append(name)
        else:
            left.remove(hit)
    return len(dict.fromkeys(gold_names)) - len(missing), missing, left


def names(units: list[Unit]) -> str:
    return "、".join(u.name for u in units) or "∅"


def deadline_ok(gold: dict, pred) -> bool:
    if not isinstance(pred, dict):
        return False
    if gold.get("date"):
        return str(pred.get("date") or "") == str(gold["date"])
    return norm(pred.get("text")) == norm(gold.get("text"))


def indicator_match(gold: dict, pred: dict) -> bool:
    comparator = str(pred.get("comparator") or "").strip()
    comparator = COMPARATOR_SPELLINGS.get(comparator, comparator)
    value = as_number(pred.get("value"))
    return (comparator == gold["comparator"] and value is not None
            and abs(value - float(gold["value"])) < 1e-9
            and norm(pred.get("unit")) == norm(gold.get("unit"))
            and metric_similar(gold["metric"], pred.get("metric")))


def score_item(gold: dict, export: Export) -> ItemResult:
    t = Tally(items=1)
    res = ItemResult(gold, t)
    g_lead, g_part = gold.get("lead") or [], gold.get("participants") or []
    g_generic, g_deadline = gold.get("generic") or [], gold.get("deadline")
    g_inds = gold.get("indicators") or []
    t.generic, t.deadlines, t.indicators = len(g_generic), int(bool(g_deadline)), len(g_inds)
    item = export.find(gold)
    if item is None:
        t.fn = len(dict.fromkeys(g_part))
        near = export.overlapping(gold)
        res.problems.append("no matching export item" + (
            "; overlapping: " + "; ".join(
                f"{it.get('id')} {it['source'].get('line_start')}-{it['source'].get('line_end')} "
                f"«{(it.get('text') or '')[:24]}»" for it in near[:3]) if near else
            " (nothing overlaps these lines)"))
        return res
    t.matched = 1
    lead = [export.resolve(u, item) for u in item.get("lead") or []]
    part = [export.resolve(u, item) for u in item.get("participants") or []]
    hits, missing, extra = match_units(g_lead, lead)
    if not missing and not extra:
        t.lead_ok = 1
    else:
        res.problems.append(f"lead: gold {'、'.join(g_lead) or '∅'} | pred {names(lead)}")
    if bool(item.get("lead_labelled")) == bool(gold.get("lead_labelled")):
        t.labelled_ok = 1
    else:
        res.problems.append(f"lead_labelled: gold {gold.get('lead_labelled')} | "
                            f"pred {item.get('lead_labelled')}")
    t.tp, missing, extra = match_units(g_part, part)
    t.fn, t.fp = len(missing), len(extra)
    if missing or extra:
        res.problems.append(f"participants: missing {'、'.join(missing) or '∅'}; "
                            f"extra {names(extra)}")
    pred_generic = [norm_generic(s) for s in item.get("generic") or []]
    lost = [s for s in g_generic
            if not any(norm_generic(s) == p or (p and (norm_generic(s) in p or p in norm_generic(s)))
                       for p in pred_generic)]
    t.generic_ok = len(g_generic) - len(lost)
    if lost:
        res.problems.append(f"generic: missing {'、'.join(lost)}; pred {'、'.join(pred_generic) or '∅'}")
    pred_deadline = item.get("deadline")
    if g_deadline:
        if deadline_ok(g_deadline, pred_deadline):
            t.deadlines_ok = 1
        else:
            res.problems.append(f"deadline: gold {g_deadline.get('text')} ({g_deadline.get('date')}) | "
                                f"pred {json.dumps(pred_deadline, ensure_ascii=False)}")
    elif pred_deadline:
        res.spurious_deadline = True
    left = list(export.indicators.get(item.get("id"), []))
    for g in g_inds:
        hit = next((p for p in left if indicator_match(g, p)), None)
        if hit is None:
            res.problems.append(
                f"indicator: gold {g['metric']} {g['comparator']} {g['value']}{g.get('unit') or ''}"
                " | pred " + ("; ".join(f"{p.get('metric')} {p.get('comparator')} {p.get('value')}"
                                        f"{p.get('unit') or ''}" for p in left) or "∅"))
            continue
        left.remove(hit)
        t.indicators_ok += 1
        for key in ("target_year", "base_year"):
            res.years_checked += 1
            res.years_ok += (hit.get(key) or None) == (g.get(key) or None)
    return res


def score(gold_items: list[dict], export: Export) -> list[ItemResult]:
    return [score_item(g, export) for g in gold_items]


def totals(results: list[ItemResult], key=lambda r: ["all"]) -> dict[str, Tally]:
    out = defaultdict(Tally)
    for r in results:
        for k in key(r):
            out[k].add(r.tally)
    return out


# ------------------------------------------------------------------ report

def pct(x) -> str:
    return "—" if x is None else f"{100 * x:5.1f}%"


def report(results: list[ItemResult], targets: dict, out=None) -> dict:
    out = out or sys.stdout
    t = totals(results)["all"]
    figures = {
        "item_match": t.ratio("matched", "items"),
        "lead_accuracy": t.ratio("lead_ok", "items"),
        "lead_labelled_accuracy": t.ratio("labelled_ok", "items"),
        "participants_precision": t.precision,
        "participants_recall": t.recall,
        "participants_f1": t.f1,
        "generic_recall": t.ratio("generic_ok", "generic"),
        "deadline_accuracy": t.ratio("deadlines_ok", "deadlines"),
        "indicator_accuracy": t.ratio("indicators_ok", "indicators"),
    }
    def p(*a):
        print(*a, file=out)
    p(f"gold: {t.items} items, {t.generic} generic, {t.deadlines} deadlines, {t.indicators} indicators")
    p(f"{'figure':28} {'value':>7} {'target':>7}")
    for name, value in figures.items():
        target = targets.get(name)
        verdict = "" if target is None else ("  ok" if value is not None and value >= target
                                             else "  BELOW TARGET")
        p(f"{name:28} {pct(value):>7} {pct(target) if target else '':>7}{verdict}")
    spurious = sum(r.spurious_deadline for r in results)
    checked, ok = sum(r.years_checked for r in results), sum(r.years_ok for r in results)
    p(f"{'(deadlines on items without one)':28} {spurious:>7}")
    p(f"{'(years of matched indicators)':28} {pct(ok / checked if checked else None):>7}")
    for title, key in (("per form", lambda r: r.gold.get("forms") or ["(none)"]),
                       ("per gazette", lambda r: [Path(r.gold["file"]).stem])):
        p(f"\n{title:22} {'items':>5} {'match':>7} {'lead':>7} {'part F1':>7} {'generic':>7} "
          f"{'deadl.':>7} {'indic.':>7}")
        for k, v in sorted(totals(results, key).items()):
            p(f"{k:22} {v.items:5d} {pct(v.ratio('matched', 'items')):>7} "
              f"{pct(v.ratio('lead_ok', 'items')):>7} {pct(v.f1):>7} "
              f"{pct(v.ratio('generic_ok', 'generic')):>7} {pct(v.ratio('deadlines_ok', 'deadlines')):>7} "
              f"{pct(v.ratio('indicators_ok', 'indicators')):>7}")
    bad = [r for r in results if r.problems]
    p(f"\nmismatches: {len(bad)} of {len(results)} gold items")
    for r in bad:
        g = r.gold
        p(f"{g['file']}:{g['lines'][0]}-{g['lines'][1]} [{g.get('kind')}] {g['text_contains']}")
        for problem in r.problems:
            p(f"    {problem}")
    return figures


# ------------------------------------------------------------------ the gold itself

def load_gold(path: Path) -> tuple[list[dict], dict]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return data["items"], data.get("targets") or {}


def check_gold(items: list[dict], content: Path = ROOT / "content") -> list[str]:
    """Each gold item against its own source lines; returns the problems found."""
    problems, texts = [], {}
    for g in items:
        where = f"{g['file']}:{g['lines'][0]}-{g['lines'][1]}"
        if g["file"] not in texts:
            lines = (content / g["file"]).read_text(encoding="utf-8").split("\n")
            texts[g["file"]] = lines, norm("".join(lines))
        lines, whole = texts[g["file"]]
        a, b = g["lines"]
        seg, want = norm("".join(lines[a - 1:b])), norm(g["text_contains"])
        if not (1 <= a <= b <= len(lines)) or not lines[a - 1].strip() or not lines[b - 1].strip():
            problems.append(f"{where}: lines must start and end on text")
        if len(want) < 8 or want not in seg:
            problems.append(f"{where}: text_contains shorter than 8 or not in the lines")
        if whole.count(want) != 1 and not g.get("shared_text"):
            problems.append(f"{where}: text_contains occurs {whole.count(want)} times in the file")
        for key in ("lead", "participants", "generic"):
            problems += [f"{where}: {key} {u} not in the lines" for u in g.get(key) or []
                         if norm(u) not in seg]
        if g.get("deadline") and norm(g["deadline"]["text"]) not in seg:
            problems.append(f"{where}: deadline text not in the lines")
        for ind in g.get("indicators") or []:
            value = float(ind["value"])
            shown = str(int(value)) if value.is_integer() else str(value)
            if shown not in seg or norm(ind.get("unit")) not in seg:
                problems.append(f"{where}: indicator {ind['metric']} value/unit not in the lines")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--export", type=Path, help="export JSON (default: run `policykb export`)")
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold YAML (default: %(default)s)")
    ap.add_argument("--check-gold", action="store_true",
                    help="check the gold against the source lines instead of scoring")
    args = ap.parse_args(argv)
    gold, targets = load_gold(args.gold)
    if args.check_gold:
        problems = check_gold(gold)
        print("\n".join(problems) or f"gold ok: {len(gold)} items agree with their source lines")
        return 1 if problems else 0
    try:
        export = Export(load_export(args.export or run_export()))
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report(score(gold, export), targets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
