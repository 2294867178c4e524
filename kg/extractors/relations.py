"""Relations between the entities of a document, as GUIDELINES.md defines them.

locatedIn and subOrganizationOf come from how names are built (柳园街道育新社区,
冠县公安局) and from the official hierarchy; runs, cooperatesWith, participatesIn
and subsidiaryOf from the sentence that states them.
"""
from __future__ import annotations

import re

from ..divisions import gazetteer
from .base import DocContext

ORGS = ("Agency", "Company", "Organization", "District")
COOP = re.compile(r"(与|同|和)(.{2,30}?)(签署|签订|共同|联合|合作|携手|结对)")
PARTICIPATE = re.compile(r"出席|参加|参与|观摩|启动|致辞|讲话")
SUBSIDIARY = re.compile(r"(全资子公司|控股子公司|子公司)")


def relations(ctx: DocContext) -> None:
    ms = sorted(ctx.mentions, key=lambda m: (m.start, -m.end))
    _hierarchy(ctx)
    _composition(ctx, ms)
    for ai, si, sent in ctx.sentences():
        inside = [m for m in ms if sent.start <= m.start < sent.end]
        _runs(ctx, sent, inside)
        _cooperation(ctx, sent, inside)
        _subsidiary(ctx, sent, inside)
    _participation(ctx, ms)


def _hierarchy(ctx: DocContext) -> None:
    """A division lies in its nearest ancestor that the document also names."""
    g = gazetteer()
    named = {m.name for m in ctx.mentions if m.type == "District" and m.source != "relative"}
    for name in sorted(named):
        d = ctx.divisions.get(name)
        if not d:
            continue
        for a in g.ancestors(d):
            if a.name in named:
                first = next(m for m in ctx.mentions if m.name == name)
                ctx.relate(name, "locatedIn", a.name, first.start, first.end)
                break


def _composition(ctx: DocContext, ms) -> None:
    """Names built from other names: 柳园街道育新社区, 冠县公安局, 莘县行政审批服务局XX股."""
    by_end = {}
    for m in ms:
        by_end.setdefault(m.end, []).append(m)
    for m in ms:
        # adjacent chain: A immediately followed by B (both Districts) -> B locatedIn A
        for prev in by_end.get(m.start, []):
            if prev.type == "District" and m.type in ("District", "Place", "Company", "Organization"):
                ctx.relate(m.name, "locatedIn", prev.name, prev.start, m.end)
            elif prev.type == "District" and m.type == "Agency":
                ctx.relate(m.name, "subOrganizationOf", prev.name, prev.start, m.end)
        # a name that starts with another entity's name
        if m.type in ("Agency", "Company", "Organization", "Place", "District"):
            for o in ms:
                if o is m or not (m.start <= o.start and o.end <= m.end) or o.end - o.start == m.end - m.start:
                    continue
                if o.start == m.start and o.type in ("District", "Agency"):
                    if m.type == "Agency":
                        ctx.relate(m.name, "subOrganizationOf", o.name, m.start, m.end)
                    elif o.type == "District":
                        ctx.relate(m.name, "locatedIn", o.name, m.start, m.end)
                elif m.type == "Agency" and o.type == "District" and o.start > m.start:
                    ctx.relate(m.name, "subOrganizationOf", o.name, m.start, m.end)
        if m.type == "Agency" and m.name != m.text:
            # 市委 -> 聊城市委 subOrganizationOf 聊城市
            for d in ctx.divisions.values():
                if m.name.startswith(d.name) and m.name != d.name:
                    ctx.relate(m.name, "subOrganizationOf", d.name, m.start, m.end)
                    break


def _runs(ctx: DocContext, sent, inside) -> None:
    """An initiative is run by the organisation or area that is the subject before it."""
    for m in inside:
        if m.type != "Initiative":
            continue
        subj = None
        for o in inside:
            if o.type in ORGS and o.end <= m.start:
                subj = o
        if subj is None:
            subj = _article_subject(ctx, m.start)
        if subj is not None:
            ctx.relate(subj.name, "runs", m.name, subj.start, m.end)


def _article_subject(ctx: DocContext, pos: int):
    art = ctx.article_at(pos)
    if not art:
        return None
    counts: dict[str, list] = {}
    for o in ctx.mentions:
        if o.type in ORGS and art.start <= o.start < art.end and o.type != "District" or \
                o.type == "District" and art.start <= o.start < art.end and o.source != "countries":
            counts.setdefault(o.name, []).append(o)
    if not counts:
        return None
    best = max(counts.values(), key=lambda v: (len(v), -v[0].start))
    return best[0]


def _cooperation(ctx: DocContext, sent, inside) -> None:
    for m in COOP.finditer(sent.text):
        a_end = sent.start + m.start()
        b_start, b_end = sent.start + m.start(2), sent.start + m.end(2)
        heads = [o for o in inside if o.type in ORGS and o.end <= a_end]
        tails = [o for o in inside if o.type in ORGS and b_start <= o.start and o.end <= b_end]
        if heads and tails:
            for t in tails:
                ctx.relate(heads[-1].name, "cooperatesWith", t.name, heads[-1].start, t.end)


def _subsidiary(ctx: DocContext, sent, inside) -> None:
    m = SUBSIDIARY.search(sent.text)
    if not m:
        return
    comps = [o for o in inside if o.type == "Company"]
    if len(comps) >= 2:
        ctx.relate(comps[0].name, "subsidiaryOf", comps[-1].name, comps[0].start, comps[-1].end)


def _participation(ctx: DocContext, ms) -> None:
    """Persons who attend an event take part in the initiatives the article is about."""
    for a in ctx.articles:
        lead = [m for m in ms if m.type == "Initiative" and a.start <= m.start < a.end
                and (m.start < (a.sentences[1].end if len(a.sentences) > 1 else a.end))]
        if not lead:
            continue
        for s in a.sentences:
            if not PARTICIPATE.search(s.text):
                continue
            for p in ms:
                if p.type in ("Official", "Person") and s.start <= p.start < s.end and p.source != "bylines":
                    for i in {x.name: x for x in lead}.values():
                        ctx.relate(p.name, "participatesIn", i.name, p.start, p.end)
