"""What the extractor tests share: pages of the genre made from a line of text, and
the entities, relations and name-chunker walks read off them."""
from __future__ import annotations

from kg.articles import segment
from kg.extraction import extract_document, to_record
from kg.extractors import DocContext, run
from kg.extractors.base import Walk
from kg.extractors.organisations import HEAD_TYPE, HEADS, Candidate
from kg.reader import document_from_text

CITY = "聊城讯 聊城市召开会议。\n"          # a city paper: 市 means 聊城市
DISTRICT = "东昌府讯 东昌府区召开会议。\n"   # a district paper: 区 means 东昌府区
COUNTY = "大邑融媒\n2024年9月6日\n本报讯 大邑县召开会议。\n"   # a county paper: 县 means 大邑县


def extract(text: str) -> dict:
    """The extraction record of a page, through the whole pipeline."""
    return to_record(extract_document(document_from_text("t.txt", text)))


def tagger_reads(monkeypatch, words: dict[str, tuple[str, float]]) -> None:
    """Make the tagger read each of `words` (label, confidence) wherever it occurs, and
    nothing else: a test of the rules' use of the tagger states the reading it relies
    on, which a retrained model may change."""
    from kg.tagger import Span, tagger

    def tag(texts, tokens, offsets):
        return [Span(off + i, off + i + len(w), label, conf)
                for t, off in zip(texts, offsets) for w, (label, conf) in words.items()
                for i in range(len(t)) if t.startswith(w, i)]

    monkeypatch.setattr(tagger(), "tag", tag)


def names(rec: dict, type_: str | None = None) -> set[str]:
    """The names of a record's entities (of one type)."""
    return {e["name"] for e in rec["entities"] if type_ is None or e["type"] == type_}


def triples(rec: dict) -> set[tuple[str, str, str]]:
    """A record's relations as (head, relation, tail)."""
    return {(r["head"], r["rel"], r["tail"]) for r in rec["relations"]}


def context(text: str, components: tuple[str, ...] = ("area", "districts")) -> DocContext:
    """A page's context after the components a name chunk sees (the paper's area and the
    divisions: organisations, places and initiatives run after them)."""
    doc = document_from_text("t.txt", text)
    masthead, articles = segment(doc)
    return run(DocContext(doc=doc, masthead=masthead, articles=articles), list(components))


def head_at(ctx: DocContext, head: str, nth: int = 0):
    """The sentence holding the `nth` occurrence of `head`, and where the head starts."""
    pos = -1
    for _ in range(nth + 1):
        pos = ctx.text.index(head, pos + 1)
    sent = next(s for _, _, s in ctx.sentences() if s.start <= pos < s.end)
    return sent, pos


def walk_at(text: str, head: str, word: str, **options) -> Walk:
    """The name chunker's walk left from `head` as it reaches the token `word` (the last
    such token before the head), every token between taken as the name's: what a
    name rule sees when it is asked about `word`."""
    ctx = context(text)
    sent, hs = head_at(ctx, head)
    toks = [t for t in ctx.tokens(sent) if t.start < hs]
    start = hs
    while toks[-1].end > hs:              # the head inside a token (规划局): the token's
        start = toks.pop().start
    k = max(i for i, t in enumerate(toks) if t.word == word)
    start = toks[k + 1].start if k + 1 < len(toks) else start
    return Walk(ctx, sent, toks, hs, start, options.pop("max_len", 22), **options, k=k)


def candidate(text: str, name: str, after: tuple[str, ...] = ("area", "tagger", "districts")) -> Candidate:
    """The organisation rules' candidate for `name` on a page (its head the longest one
    it ends in), after the components `after` have run."""
    ctx = context(text, after)
    start = ctx.text.index(name)
    head = next(h for h, _ in HEADS if name.endswith(h))
    he = start + len(name)
    return Candidate(ctx, head, HEAD_TYPE[head], start, he - len(head), he)
