"""Rebuild kg's classifier of headless bodies (kg/models/orgtype.npz) from CLUENER train.

    python train/train_orgtype.py            # the shipped model (part of `make model`)
    python train/train_orgtype.py --sweep    # model selection: the L2 weight on the held-out slice

CLUENER is the one training set that tells a government from a company from another
organisation. Its government, company and organization spans are the examples (kg's
Agency, Company, Organization); sentences held out by `kg.tagger.held_out` (the
tagger's held-out slice) are kept out, for model selection and the card's figures.
scikit-learn fits a multinomial logistic regression with L-BFGS (deterministic); the
features, weights and classes are exported as numpy arrays kg reads without it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.orgtype import MODEL_PATH, TYPES, OrgTyper, features  # noqa: E402
from kg.tagger import held_out  # noqa: E402

C = 1.0           # inverse L2 weight, chosen by --sweep (MODEL_CARD.md)
SWEEP = (0.1, 0.3, 1.0, 3.0)


def examples(path: Path) -> tuple[list, list, list, list]:
    """(features, type) of the training spans and of the held-out ones."""
    train_x, train_y, held_x, held_y = [], [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for e in r["entities"]:
                if e["type"] in TYPES:
                    x = dict.fromkeys(features(r["text"], e["start"], e["end"]), 1)
                    held = held_out(r["id"])
                    (held_x if held else train_x).append(x)
                    (held_y if held else train_y).append(TYPES[e["type"]])
    return train_x, train_y, held_x, held_y


def fit(x: list[dict], y: list[str], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(vec.fit_transform(x), y)
    return vec, model


def train(data: Path, out: Path, c: float = C) -> dict:
    """Fit on CLUENER train without its held-out slice, export to `out`, and report the
    held-out accuracy of the exported model (on all spans and on those without a head)."""
    from kg.extractors.tagged import _organisation_head

    train_x, train_y, held_x, held_y = examples(data / "cluener-train.jsonl")
    vec, model = fit(train_x, train_y, c)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, classes=np.array(model.classes_, dtype=str),
                        features=np.array(vec.get_feature_names_out(), dtype=str),
                        coef=model.coef_.astype(np.float32),
                        intercept=model.intercept_.astype(np.float32))
    typer = OrgTyper(out)
    right = {True: [0, 0], False: [0, 0]}
    for x, want in zip(held_x, held_y):
        name = next(k for k in x if k.startswith("name="))[5:]
        got = typer.classify_features(x)[0]
        headless = _organisation_head(name) is None
        right[headless][0] += got == want
        right[headless][1] += 1
    acc = lambda k: round(right[k][0] / max(1, right[k][1]), 4)  # noqa: E731
    return {"spans": len(train_y), "held_out_spans": len(held_y), "features": len(typer.index),
            "C": c, "held_out_accuracy_headless": acc(True), "held_out_accuracy_headed": acc(False),
            "headless_held_out_spans": right[True][1]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "train")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--sweep", action="store_true", help="report held-out accuracy for each C")
    args = ap.parse_args()
    if args.sweep:
        train_x, train_y, held_x, held_y = examples(args.data / "cluener-train.jsonl")
        for c in SWEEP:
            vec, model = fit(train_x, train_y, c)
            acc = float(np.mean(model.predict(vec.transform(held_x)) == np.array(held_y)))
            print(json.dumps({"C": c, "held_out_accuracy": round(acc, 4)}))
        return
    print(json.dumps(train(args.data, args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
