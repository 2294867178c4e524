"""Rebuild kg's list of kinds (kg/models/kinds.txt) from the annotated news in ../shared/train.

    python train/count_kinds.py          # part of `make model`; a few seconds

Counts, over the sentences the tagger trains on (not its held-out slice, which stays
the dev set the list is judged on), how often each string ending in a body's or a
place's head occurs outside the annotated spans and as a whole span (kg/kinds.py).
Deterministic: the list is sorted.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import kinds, lexicon  # noqa: E402
from kg.extractors.base import TOWN_LEVELS  # noqa: E402
from kg.extractors.organisations import HEADS  # noqa: E402
from kg.tagger import held_out  # noqa: E402

SETS = ("msra-train.jsonl", "pd1998-train.jsonl", "cluener-train.jsonl")


def sentences(data: Path):
    """(text, annotated spans) of every training sentence outside the held-out slice."""
    for name in SETS:
        with open(data / name, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if not held_out(r["id"]):
                    yield r["text"], [(e["start"], e["end"]) for e in r["entities"]]


def build(data: Path, out: Path) -> int:
    """Count the kinds in the training sets under `data` and write their list to `out`;
    how many there are."""
    # and a party's 党, which no body rule reads but jieba's listed parties (参政党 is a kind)
    heads = sorted({h for h, _ in HEADS} | set(lexicon.PLACE_HEADS) | set(TOWN_LEVELS) | {lexicon.PARTY_END},
                   key=lambda h: (-len(h), h))
    pattern = re.compile("|".join(map(re.escape, heads)))
    found = kinds.kinds(*kinds.tally(sentences(data), pattern))
    header = (f"# kinds of body and place, not names: seen at least {kinds.MIN_SEEN} times outside the\n"
              f"# annotated spans of ../shared/train and as a whole entity at most {kinds.MAX_NAMED:.0%} of\n"
              f"# the time (kg/kinds.py). Rebuilt by train/count_kinds.py; {len(found)} strings.\n")
    out.write_text(header + "".join(w + "\n" for w in found), encoding="utf-8")
    return len(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "train")
    ap.add_argument("--out", type=Path, default=kinds.KINDS_PATH)
    args = ap.parse_args()
    print(f"{args.out}: {build(args.data, args.out)} strings", file=sys.stderr)


if __name__ == "__main__":
    main()
