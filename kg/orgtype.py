"""The kind of a body named without a head: Agency, Company or Organization.

A name with a head types itself (…局 is an Agency, …公司 a Company). Real news names
many bodies without one: banks and firms by their short names (工行-style two-character
forms, brand names), ministries and forces by theirs; typed Organization by default,
six in ten of such names in CLUENER's news are typed wrong. A multinomial logistic
regression over the name's characters and the two characters on each side, trained on
CLUENER train's government, company and organization spans (`train/train_orgtype.py`,
part of `make model`), chooses instead: 94% right on the held-out slice of those spans
without a head, against 60% for the default (kg/models/MODEL_CARD.md).

The model is a feature list and a weight matrix (numpy, no scikit-learn at run time);
`features` is shared with the training script, so the two cannot drift apart.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np

MODEL_PATH = Path(__file__).with_name("models") / "orgtype.npz"
TYPES = {"government": "Agency", "company": "Company", "organization": "Organization"}


def features(text: str, start: int, end: int) -> list[str]:
    """What the classifier sees of the name text[start:end]: the name (normalised: NFKC,
    Latin lower-cased), its length, first and last one to three characters, character
    bigrams and characters, Latin letters, and the two characters either side."""
    n = unicodedata.normalize("NFKC", text[start:end]).lower()
    left = unicodedata.normalize("NFKC", text[max(0, start - 2):start])
    right = unicodedata.normalize("NFKC", text[end:end + 2])
    out = {"name=" + n, f"len={min(len(n), 8)}", "l1=" + left[-1:], "l2=" + left,
           "r1=" + right[:1], "r2=" + right}
    for k in (1, 2, 3):
        out |= {f"last{k}={n[-k:]}", f"first{k}={n[:k]}"}
    out |= {"bi=" + n[i:i + 2] for i in range(len(n) - 1)} | {"ch=" + c for c in n}
    if any(c.isascii() and c.isalpha() for c in n):
        out.add("latin")
    return sorted(out)


class OrgTyper:
    """The trained classifier: `classes`, a feature index and a weight per class and feature."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        with np.load(path, allow_pickle=False) as z:
            self.classes = [str(c) for c in z["classes"]]
            self.index = {str(f): i for i, f in enumerate(z["features"])}
            self.coef = z["coef"].astype(np.float64)
            self.intercept = z["intercept"].astype(np.float64)

    def classify(self, text: str, start: int, end: int) -> tuple[str, float]:
        """The likeliest type of the body named text[start:end], and its probability."""
        return self.classify_features(features(text, start, end))

    def classify_features(self, feats: Iterable[str]) -> tuple[str, float]:
        """The likeliest type of a body with these `features`, and its probability."""
        cols = [i for f in feats if (i := self.index.get(f)) is not None]
        scores = self.coef[:, cols].sum(axis=1) + self.intercept
        p = np.exp(scores - scores.max())
        p /= p.sum()
        k = int(p.argmax())
        return self.classes[k], float(p[k])


@lru_cache(maxsize=1)
def org_typer() -> OrgTyper:
    return OrgTyper()
