"""The tagger's network (kg.tagger.Network), trained with PyTorch and exported as numpy arrays.

A bidirectional LSTM reads embeddings of six of the CRF's feature keys per character
(the character, the bigram it starts, its class and its dictionary tag with its place
in the jieba word, the word, the tags at a word's start) and scores the CRF's labels;
a transition matrix on top makes it a CRF of its own, trained by the sentence's
negative log-likelihood. kg adds its scores to the linear CRF's (`CRF_WEIGHT`): on the
held-out slice the two together beat either (MODEL_CARD.md).

Deterministic: the seed is fixed, batches are shuffled by a seeded generator, and
PyTorch runs on a fixed number of threads.
"""
from __future__ import annotations

import time

import numpy as np
import torch
from torch import nn

from kg.tagger import T_BI, T_KIND, T_TAG, T_TAGS, T_UNI, T_WORD, column_rows

COLUMNS = (T_UNI + 2, T_BI + 2, T_KIND, T_TAG, T_WORD, T_TAGS)   # templates read
DIMS = (64, 32, 8, 16, 32, 8)          # their embedding sizes
MIN_COUNT = (2, 5, 1, 1, 5, 2)         # a key seen fewer times in training is "unknown"
HIDDEN = 64                            # LSTM units each way
EPOCHS, LEARNING_RATE, DROPOUT = 4, 0.01, 0.2
BATCH_CHARS = 3000                     # characters per batch (sentences of similar length)
LONGEST = 300                          # characters of a sentence trained on
CRF_WEIGHT = 1.0                       # the linear CRF's share in kg's sum (MODEL_CARD.md)
THREADS = 2


def vocabularies(keys: np.ndarray) -> list[np.ndarray]:
    """Each column's sorted keys seen at least MIN_COUNT times in `keys` (training rows)."""
    out = []
    for t, least in zip(COLUMNS, MIN_COUNT):
        col = keys[:, t]
        uniq, counts = np.unique(col[col >= 0], return_counts=True)
        out.append(uniq[counts >= least])
    return out


def rows(keys: np.ndarray, vocab: list[np.ndarray]) -> np.ndarray:
    """Embedding rows of every character, as kg.tagger.Network reads them."""
    return column_rows(keys, COLUMNS, vocab)


class Net(nn.Module):
    def __init__(self, vocab: list[np.ndarray], n_labels: int) -> None:
        super().__init__()
        self.embeds = nn.ModuleList([nn.Embedding(len(v) + 2, d) for v, d in zip(vocab, DIMS)])
        self.drop = nn.Dropout(DROPOUT)
        self.lstm = nn.LSTM(sum(DIMS), HIDDEN, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, n_labels)
        self.transitions = nn.Parameter(torch.zeros(n_labels, n_labels))

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        e = self.drop(torch.cat([m(x[..., j]) for j, m in enumerate(self.embeds)], -1))
        packed = nn.utils.rnn.pack_padded_sequence(e, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(h))


def nll(em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor, trans: torch.Tensor) -> torch.Tensor:
    """The CRF's negative log-likelihood of the gold labels, summed over the batch."""
    alpha = em[:, 0]
    score = em[:, 0].gather(1, y[:, :1]).squeeze(1)
    for t in range(1, em.shape[1]):
        m = mask[:, t]
        alpha = torch.where(m[:, None] > 0, torch.logsumexp(alpha[:, :, None] + trans[None], 1) + em[:, t], alpha)
        score = score + m * (trans[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t:t + 1]).squeeze(1))
    return (torch.logsumexp(alpha, 1) - score).sum()


def batches(lengths: np.ndarray, rng: np.random.RandomState | None) -> list[np.ndarray]:
    """Sentence numbers in batches of about BATCH_CHARS characters, of similar lengths."""
    order = np.argsort(np.minimum(lengths, LONGEST), kind="stable")
    out, cur = [], []
    for i in order.tolist():
        if cur and (len(cur) + 1) * min(int(lengths[i]), LONGEST) > BATCH_CHARS:
            out.append(np.array(cur))
            cur = []
        cur.append(i)
    if cur:
        out.append(np.array(cur))
    if rng is not None:
        rng.shuffle(out)
    return out


def tensors(batch: np.ndarray, x: np.ndarray, y: np.ndarray, starts: np.ndarray, lengths: np.ndarray):
    n = np.minimum(lengths[batch], LONGEST)
    xs = np.zeros((len(batch), int(n.max()), x.shape[1]), dtype=np.int64)
    ys = np.zeros((len(batch), int(n.max())), dtype=np.int64)
    mask = np.zeros((len(batch), int(n.max())), dtype=np.float32)
    for r, (i, k) in enumerate(zip(batch.tolist(), n.tolist())):
        xs[r, :k], ys[r, :k], mask[r, :k] = x[starts[i]:starts[i] + k], y[starts[i]:starts[i] + k], 1
    return torch.from_numpy(xs), torch.from_numpy(ys), torch.from_numpy(mask), torch.from_numpy(n)


def train(keys: np.ndarray, labels: np.ndarray, lengths: np.ndarray, n_labels: int,
          log=print) -> tuple[dict[str, np.ndarray], Net, list[np.ndarray]]:
    """Train on sentences of `lengths` laid end to end in `keys` (feature keys) and
    `labels` (label indices); the arrays kg.tagger.Network loads, the net and its vocabularies."""
    torch.manual_seed(0)
    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)
    vocab = vocabularies(keys)
    x = rows(keys, vocab)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    net = Net(vocab, n_labels)
    opt = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)
    rng = np.random.RandomState(0)
    total = EPOCHS * len(batches(lengths, None))
    step, t0 = 0, time.time()
    for epoch in range(EPOCHS):
        for batch in batches(lengths, rng):
            for group in opt.param_groups:
                group["lr"] = LEARNING_RATE * (1 - step / total)       # linear decay to 0
            xs, ys, mask, n = tensors(batch, x, labels, starts, lengths)
            loss = nll(net(xs, n), ys, mask, net.transitions) / mask.sum()
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            step += 1
        log(f"network: epoch {epoch + 1}/{EPOCHS}, loss {loss.item():.4f}, {time.time() - t0:.0f} s")
    net.eval()
    return export(net, vocab), net, vocab


def export(net: Net, vocab: list[np.ndarray]) -> dict[str, np.ndarray]:
    """The `net_*` arrays of kg.tagger.Network (embeddings and LSTM weights in float16)."""
    st = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    out = {"net_columns": np.array(COLUMNS, dtype=np.int64), "net_crf_weight": np.float32(CRF_WEIGHT),
           "net_out_w": st["out.weight"], "net_out_b": st["out.bias"], "net_transitions": st["transitions"]}
    for j, v in enumerate(vocab):
        out[f"net_vocab_{j}"] = v
        out[f"net_embed_{j}"] = st[f"embeds.{j}.weight"].astype(np.float16)
    for way, suffix in (("fwd", ""), ("bwd", "_reverse")):
        out[f"net_w_ih_{way}"] = st[f"lstm.weight_ih_l0{suffix}"].astype(np.float16)
        out[f"net_w_hh_{way}"] = st[f"lstm.weight_hh_l0{suffix}"].astype(np.float16)
        out[f"net_bias_{way}"] = st[f"lstm.bias_ih_l0{suffix}"] + st[f"lstm.bias_hh_l0{suffix}"]
    return out


def emissions(net: Net, vocab: list[np.ndarray], keys: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """PyTorch's scores of the sentences, laid end to end as kg.tagger gives them
    (to check the export, as kg runs it, against)."""
    x = rows(keys, vocab)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    out = []
    with torch.no_grad():
        for i, n in enumerate(lengths.tolist()):
            em = net(torch.from_numpy(x[starts[i]:starts[i] + n][None]), torch.tensor([n]))
            out.append(em[0].numpy())
    return np.concatenate(out)
