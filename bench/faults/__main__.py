"""Fault benchmark: pairs of concurrent builds and builds killed at random moments.

Each pair must leave the site equal to a clean full build; each kill must leave the
published site untouched (or, when the build had already swapped it in, whole), no
process behind, and no temp folder after the next build.
Figures go to build/bench-faults.json.

    .venv/bin/python -m bench.faults --pairs 20 --kills 20
"""

import argparse
import json
import random
import subprocess

from bench.faults import (ENV, ROOT, clean_build, command, differences, kill_at, prepare, run_pair, snapshot,
                          wait_gone)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pairs", type=int, default=20)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    folder = ROOT / "build" / "bench-faults"
    content = prepare(folder)
    clean, pages = clean_build(folder)
    out = folder / "site"
    figures = {"pairs": args.pairs, "pair_failures": 0, "pair_corrupted": 0, "pair_tracebacks": 0, "waited": 0,
               "kills": args.kills, "killed_before_swap": 0, "kill_corrupted": 0, "processes_left": 0, "temp_left": 0}
    for _ in range(args.pairs):
        results = run_pair(content, out)
        figures["pair_failures"] += sum(code != 0 for code, _ in results)
        figures["pair_tracebacks"] += sum("Traceback" in err for _, err in results)
        figures["waited"] += any("waiting for the build" in err for _, err in results)
        figures["pair_corrupted"] += bool(differences(out, clean, pages))
    rng = random.Random(args.seed)
    before = snapshot(out)
    for _ in range(args.kills):
        kill_at(content, out, rng.uniform(0.2, 4.0))
        figures["processes_left"] += len(wait_gone(str(out)))
        untouched = snapshot(out) == before
        figures["killed_before_swap"] += untouched      # else the build had finished: the site must be whole
        figures["kill_corrupted"] += not untouched and bool(differences(out, clean, pages))
        before = before if untouched else snapshot(out)
    subprocess.run(command(content, out), env=ENV, capture_output=True, check=True)
    figures["temp_left"] = len(list(out.parent.glob(".site-*")))
    figures["after_kills_differs"] = differences(out, clean, pages)
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    (ROOT / "build" / "bench-faults.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
