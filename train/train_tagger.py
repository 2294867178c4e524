"""Rebuild kg's tagger model (kg/models/ner.npz) from the annotated news in ../shared/train.

    python train/train_tagger.py             # the shipped model (`make model`)
    python train/train_tagger.py --sweep     # model selection: L1/L2 weights on the held-out slice
    python train/train_tagger.py --no-network   # the linear CRF alone

Every sentence whose id hashes (CRC-32) to 0 mod 20 is held out of training: the sweep
chooses the regularisation on it, and the shipped model's card reports its span-exact
F1 there. The three sets' labels are mapped onto PER/LOC/ORG (CLUENER: name -> PER,
address and scene -> LOC, government, company and organization -> ORG; its titles and
works stay O). CRFsuite trains on kg.tagger's feature keys (written in hex) with L-BFGS,
deterministically; the weights are then exported to the numpy arrays kg tags with,
and the export is checked: numpy's Viterbi must give CRFsuite's own labels on the
held-out slice. Then a BiLSTM (train/tagger_network.py, PyTorch) learns from the same keys;
kg adds its scores to the CRF's, and the export is checked again: kg's network (onnxruntime)
must give PyTorch's scores.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "train"))

from kg.segment import segmenter  # noqa: E402
from kg.tagger import FEATURES_VERSION, MODEL_PATH, Tagger, bio_spans, feature_keys, held_out  # noqa: E402

SETS = ("msra-train.jsonl", "pd1998-train.jsonl", "cluener-train.jsonl")
LABEL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "name": "PER", "address": "LOC",
             "scene": "LOC", "government": "ORG", "company": "ORG", "organization": "ORG"}
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120}   # chosen by --sweep (MODEL_CARD.md)
SWEEP = ((0.0, 0.05), (0.05, 0.01), (0.2, 0.01), (0.5, 0.005))
BATCH = 2000


def read(data: Path, sets: tuple[str, ...]):
    """(id, text, BIO labels) of every sentence, in file order."""
    for name in sets:
        with open(data / name, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                text = r["text"]
                labels = ["O"] * len(text)
                for e in r["entities"]:
                    lab = LABEL_MAP.get(e["type"])
                    if lab and 0 <= e["start"] < e["end"] <= len(text):
                        labels[e["start"]] = "B-" + lab
                        labels[e["start"] + 1:e["end"]] = ["I-" + lab] * (e["end"] - e["start"] - 1)
                if text.strip():
                    yield r["id"], text, labels


def keys_of(texts: list[str]) -> np.ndarray:
    """kg.tagger's feature keys of a batch of sentences, laid end to end."""
    seg = segmenter()
    return feature_keys(texts, [seg.tokens(t) for t in texts], [0] * len(texts))


def items(texts: list[str], keys: np.ndarray | None = None) -> list[list[list[str]]]:
    """CRFsuite's items (one list of hex keys per character) of a batch of sentences."""
    keys = keys_of(texts) if keys is None else keys
    out, pos = [], 0
    for t in texts:
        rows = keys[pos:pos + len(t)]
        out.append([[format(k, "x") for k in row if k >= 0] for row in rows.tolist()])
        pos += len(t)
    return out


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    """Span-exact F1 over all labels and per label."""
    g = {(k, s.start, s.end, s.label) for k, labs in enumerate(gold) for s in bio_spans(labs)}
    p = {(k, s.start, s.end, s.label) for k, labs in enumerate(pred) for s in bio_spans(labs)}
    out = {}
    for lab in ("ALL", "PER", "LOC", "ORG"):
        gg = g if lab == "ALL" else {x for x in g if x[3] == lab}
        pp = p if lab == "ALL" else {x for x in p if x[3] == lab}
        tp = len(gg & pp)
        pr, rc = tp / max(len(pp), 1), tp / max(len(gg), 1)
        out[lab] = round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0
    return out


def export(crf_path: Path, out: Path) -> None:
    """CRFsuite's weights as the arrays of kg.tagger.Tagger."""
    tg = pycrfsuite.Tagger()
    tg.open(str(crf_path))
    info = tg.info()
    labels = sorted(tg.labels())
    li = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features}, key=lambda a: int(a, 16))
    ai = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (a, lab), w in info.state_features.items():
        weights[ai[a], li[lab]] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        trans[li[a], li[b]] = w
    np.savez_compressed(out, features_version=np.int64(FEATURES_VERSION),
                        keys=np.array([int(a, 16) for a in attrs], dtype=np.int64),
                        weights=weights, transitions=trans, labels=np.array(labels))


def train(data: Path, out: Path, params: dict, every: int = 1, network: bool = True) -> dict:
    """Train on the sentences not held out (every `every`-th for quick runs); score the rest."""
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    dev_texts: list[str] = []
    dev_gold: list[list[str]] = []
    n = chars = 0
    batch: list[tuple[str, list[str]]] = []
    kept_keys: list[np.ndarray] = []          # the network's inputs
    kept_labels: list[list[str]] = []

    def flush() -> None:
        keys = keys_of([t for t, _ in batch])
        kept_keys.append(keys)
        for x, (_, y) in zip(items([t for t, _ in batch], keys), batch):
            trainer.append(x, y)
            kept_labels.append(y)
        batch.clear()

    for k, (sid, text, labels) in enumerate(read(data, SETS)):
        if held_out(sid):
            dev_texts.append(text)
            dev_gold.append(labels)
        elif k % every == 0:
            batch.append((text, labels))
            n += 1
            chars += len(text)
            if len(batch) >= BATCH:
                flush()
    flush()
    t1 = time.time()
    trainer.set_params({**params, "feature.possible_transitions": True})
    crf = out.with_suffix(".crfsuite")
    trainer.train(str(crf))
    t2 = time.time()
    export(crf, out)
    linear = Tagger(out)
    pred = tag_all(linear, dev_texts)
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(crf))
    theirs = [crfsuite.tag(x) for a in range(0, len(dev_texts), BATCH) for x in items(dev_texts[a:a + BATCH])]
    agree = sum(a == b for p, q in zip(pred, theirs) for a, b in zip(p, q)) / max(sum(map(len, pred)), 1)
    crf.unlink()
    report = {"params": params, "sets": list(SETS), "every": every, "sentences": n, "chars": chars,
              "held_out_sentences": len(dev_texts), "crf_held_out_f1": score(dev_gold, pred),
              "labels_equal_to_crfsuite": round(agree, 6),
              "features_seconds": round(t1 - t0, 1), "training_seconds": round(t2 - t1, 1)}
    if network:
        import tagger_network as net_trainer     # PyTorch: only `make model` needs it

        keys = np.concatenate(kept_keys)
        li = {lab: i for i, lab in enumerate(linear.labels)}
        labels = np.array([li[lab] for y in kept_labels for lab in y], dtype=np.int64)
        lengths = np.array([len(y) for y in kept_labels], dtype=np.int64)
        arrays, net, vocab = net_trainer.train(keys, labels, lengths, len(li), log=lambda m: print(m, flush=True))
        with np.load(out) as z:
            np.savez_compressed(out, **dict(z), **arrays)
        t3 = time.time()
        # the export, checked: kg's network (onnxruntime) gives PyTorch's scores on the held-out slice
        probe = dev_texts[:200]
        probe_keys = keys_of(probe)
        lens = np.array([len(t) for t in probe])
        ours = Tagger(out).net.emissions(probe_keys, lens)
        theirs_em = net_trainer.emissions(net, vocab, probe_keys, lens)
        report |= {"network_seconds": round(t3 - t2, 1),
                   "network_max_score_difference": round(float(np.abs(ours - theirs_em).max()), 4)}
    t4 = time.time()
    pred = tag_all(Tagger(out), dev_texts)
    return report | {"held_out_f1": score(dev_gold, pred),
                     "tagging_chars_per_second": round(sum(map(len, dev_texts)) / max(time.time() - t4, 1e-9)),
                     "model_bytes": out.stat().st_size}


def tag_all(model: Tagger, texts: list[str]) -> list[list[str]]:
    """The model's labels of every text."""
    seg = segmenter()
    pred: list[list[str]] = []
    for a in range(0, len(texts), BATCH):
        part = texts[a:a + BATCH]
        pred += model.tag_batch(part, [seg.tokens(t) for t in part], [0] * len(part))
    return pred


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "train")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--sweep", action="store_true", help="score the SWEEP choices of c1/c2 on the held-out slice")
    ap.add_argument("--every", type=int, default=1, help="train on every N-th sentence only (quick runs)")
    ap.add_argument("--no-network", action="store_true", help="the linear CRF alone, without the BiLSTM")
    args = ap.parse_args()
    if not all((args.data / s).is_file() for s in SETS):
        sys.exit(f"train_tagger: {args.data}: missing {', '.join(SETS)} (see ../shared/train/SOURCE.md)")
    if args.sweep:
        for c1, c2 in SWEEP:
            r = train(args.data, Path("/tmp/kg-sweep.npz"), {**PARAMS, "c1": c1, "c2": c2}, args.every, False)
            print(json.dumps(r), flush=True)
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    r = train(args.data, args.out, PARAMS, args.every, not args.no_network)
    args.out.with_suffix(".json").write_text(json.dumps(r, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(r))


if __name__ == "__main__":
    main()
