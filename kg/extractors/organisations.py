"""Agency, Company and Organization mentions: names that end in an organisation head.

The name runs left from the head over tokens that can sit inside a name; a short
form that starts with a bare 市/区/县/省 (市委, 区行政审批服务局) is named in full
from the area it refers to in context.
"""
from __future__ import annotations

import re

from .. import lexicon
from ..divisions import gazetteer
from .base import DocContext, left_chunk

PEOPLES_BODIES = ("文联", "作协", "科协", "社科联", "总工会", "工会", "团委", "妇联", "残联", "侨联",
                  "工商联", "红十字会", "关工委")
HEADS: list[tuple[str, str]] = sorted(
    [(h, "Agency") for h in (*lexicon.AGENCY_HEADS, *PEOPLES_BODIES)]
    + [(h, "Company") for h in lexicon.COMPANY_HEADS]
    + [(h, "Organization") for h in lexicon.ORG_HEADS],
    key=lambda x: -len(x[0]))
HEAD_TYPE = {}
for _h, _t in HEADS:
    HEAD_TYPE.setdefault(_h, _t)
HEAD_RE = re.compile("|".join(re.escape(h) for h, _ in HEADS))
TITLE_AT = re.compile("|".join(map(re.escape, lexicon.TITLES)))
# heads that are also industry words: only with a place name before them
WEAK_HEADS = {"纸业", "门窗", "物业", "科技", "食品", "餐饮", "电器", "公安", "部门", "服务部门",
              "厂", "部", "处", "科", "股", "所", "委", "署", "厅", "街"}
GENERIC_CORE = {"相关", "有关", "各", "该", "职能", "主管", "行业主管", "基层", "上级", "属地", "执法",
                "机关", "直属", "下属", "各级", "全国", "政府", "本", "我", "这", "那", "其", "部分",
                "内", "外", "中", "全", "各类", "总", "分", "子", "母", "大", "小", "新", "老",
                "行政审批服务", "审批服务", "党", "领导", "工作", "服务", "管理", "专门", "镇街",
                "村", "社区", "街道", "一", "两", "三", "多", "每", "某", "物业", "企业", "民营",
                "国有", "中小", "龙头", "骨干", "优秀", "重点", "金融", "商业", "连锁"}
AGENCY_CENTRE_WORDS = ("政务", "便民", "党群", "综治", "指挥", "调处", "执法", "监测", "审批", "管理",
                       "服务中心", "治理", "应急", "信访", "公共")


def organisations(ctx: DocContext) -> None:
    g = gazetteer()
    for name in lexicon.NATIONAL_MEDIA:
        for m in re.finditer(re.escape(name), ctx.text):
            ctx.add(name, "Organization", m.start(), m.end(), source="organisations")
    for ai, si, sent in ctx.sentences():
        toks = ctx.tokens(sent)
        ends = {t.end for t in toks}
        titles = [(t.start, t.end) for t in toks if t.word in lexicon.TITLES]
        for m in HEAD_RE.finditer(sent.text):
            head = m.group()
            hs, he = sent.start + m.start(), sent.start + m.end()
            nxt = ctx.text[he:he + 1]
            if nxt == "长" or (len(head) == 1 and he not in ends and
                              not TITLE_AT.match(ctx.text, he)):
                continue          # 局长 is a title; 部分 is not a 部
            if any(s < he <= e and ctx.text[he:e] not in lexicon.TITLES for s, e in titles):
                continue          # the 委 of 市委常委 is part of a title; 市委|常委 is an org and a title
            type_ = HEAD_TYPE[head]
            start = left_chunk(ctx, sent, hs, max_len=22)
            name = ctx.text[start:he]
            core = name[: -len(head)]
            if len(core) < 2 and not (core in "市区县省" and core):
                continue
            if core in GENERIC_CORE or core.lstrip("市区县省镇") in GENERIC_CORE:
                continue
            if head in WEAK_HEADS and not _has_place_prefix(core, ctx):
                continue
            if head == "中心" or head.endswith("中心"):
                type_ = "Agency" if any(w in name for w in AGENCY_CENTRE_WORDS) and \
                    type_ != "Organization" else type_
            if type_ == "Company" and ctx.covered(start, he, ("Agency",)):
                continue
            ctx.add(name, type_, start, he, name=canonical(ctx, name, start), source="organisations")


def _has_place_prefix(core: str, ctx: DocContext) -> bool:
    g = gazetteer()
    for n in range(2, min(len(core), 8) + 1):
        p = core[:n]
        if p in g.by_name or p in g.by_short or p in ctx.divisions:
            return len(core) > n or True
    return core[:1] in "市区县省镇" or any(core.startswith(c) for c in lexicon.COUNTRIES)


def canonical(ctx: DocContext, name: str, start: int) -> str:
    """Full name of an organisation written with a relative area (市委 -> 聊城市委)."""
    g = gazetteer()
    first = name[0]
    rest = name[1:]
    if first in "市区县省" and not any(name.startswith(n) for n in g.by_name if len(n) <= 5 and name[:len(n)] == n):
        d = ctx.area_for(first, start)
        if d:
            return d.name + rest
    # a District mention at the start that has a fuller canonical name (开发区 -> 聊城开发区)
    for m in ctx.mentions:
        if m.type == "District" and m.start == start and m.end < start + len(name) and m.name != m.text:
            return m.name + name[len(m.text):]
    return name
