"""Relations between the entities of a document, as GUIDELINES.md defines them.

locatedIn and subOrganizationOf come from how names are built (柳园街道育新社区,
冠县公安局, 市委宣传部), from the official hierarchy and from 位于 sentences; runs,
cooperatesWith, participatesIn and subsidiaryOf from the sentence that states them.
Only the outermost mention of a span takes part: 聊城 inside 聊城国际传播中心 is
part of a name, not a party to the sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import combinations
from typing import Iterator

from .. import lexicon
from ..divisions import LEVEL_RANKS, Division, countries, country_of, gazetteer
from ..model import ORGANISATION_TYPES, Mention
from .base import (COUNTRY_RULE, RELATIVE_AREA_RULE, TOWN_LEVELS, TOWNS, WORLD_BODIES, ZONE_RULE, DocContext, body_of_kind, country_abroad,
                   dateline_spans, joined_runs, named_at_home, outermost)
from .initiatives import SESSION_END
from .organisations import PARTY_DEPARTMENTS, bare_ministry

ORGS = ("Agency", "Company", "Organization", "District")
VENUE_PREPOSITIONS = ("在", "于")      # before where an agreement was signed or a meeting held
COOP = re.compile(r"(与|同|和)([^，。；！？]{2,30}?)(签署|签订|共同|联合|深度合作|开展深入合作|合作|携手|结对|共建)")
# what negates the cooperation right before its 与/同/和
NEGATED = re.compile(r"(?:不|没有?|未|拒绝|否定了?|反对)$")
CO_HOST = re.compile(r"(联合主办|共同主办|联合举办|共同举办|联合承办|共同承办|携手举办)")
HOSTS = re.compile(r"(主办|承办|举办|发起|牵头)")
FOUNDS = re.compile(r"(设立|成立|组建|设置)")
PREPOSITION_IN_GAP = re.compile(r"[由与和同在向对为]")   # 成立了由|某部…参加的小组: no body founded
LOCATED = re.compile(r"(位于|地处|坐落于|坐落在|落户|落户于|入驻|设在|建在|挤在)")
PARTICIPATE = re.compile(r"出席|参加|参与|观摩|启动|致辞|讲话|主持")
# a firm that is another's subsidiary, or one of its enterprises (某发电总厂是某集团公司骨干发电企业)
SUBSIDIARY = re.compile(r"(全资子公司|控股子公司|子公司|(?:下属|直属|骨干|成员|所属)[\u4e00-\u9fff]{0,4}?企业)")
# a report's source (据俄通社—塔斯社报道, 据日本共同社消息)
REPORTED_BY = re.compile(r"据([^，。；：、,;:]{2,16}?)(?:报道|消息|报告|透露|称)")
# a mention right after these is an object or adjunct, not the clause's subject
NOT_SUBJECT_BEFORE = ("在", "于", "对", "为", "与", "和", "同", "向", "从", "到", "将", "把", "被",
                      "给", "让", "及", "、", "由", "经", "据", "的", "至", "赴", "成立", "设立")

# the rules that name a division itself (not a zone, a country or a relative form: 我市)
NAMED_DIVISIONS = ("districts:division", "districts:town")


def relations(ctx: DocContext) -> None:
    by_start = sorted(ctx.mentions, key=lambda m: (m.start, -m.end))
    ms = outermost(by_start)
    _hierarchy(ctx)
    _composition(ctx, by_start)
    _towns_and_zones(ctx, by_start)
    starts = [m.start for m in ms]
    for ai, si, sent in ctx.sentences():
        inside = ms[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
        # the press and place of a dateline (新华社|广州|1月26日电) and the source of a report
        # (据俄通社—塔斯社报道) are no actors in the news
        sources = [(sent.start + r.start(1), sent.start + r.end(1)) for r in REPORTED_BY.finditer(sent.text)]
        actors = [o for o in inside if not _in_dateline(ctx, sent, o)
                  and not any(a <= o.start and o.end <= b for a, b in sources)]
        _runs(ctx, sent, actors)
        _cooperation(ctx, sent, actors)
        _located(ctx, sent, inside)
        _sited_in_clause(ctx, sent, inside)
        _founded(ctx, sent, inside)
        _subsidiary(ctx, sent, inside)
        _belongs_to(ctx, sent, inside)
        _listed_after_area(ctx, inside)
    _article_settings(ctx, ms)
    _set_abroad(ctx, ms)
    _state_at_home(ctx, ms)
    _participation(ctx, ms)


def _state_at_home(ctx: DocContext, ms: list[Mention]) -> None:
    """National news: the central state organs are the state's (国务院 of 中国, where the
    page names the country), and a ministry named bare at home (文化部, 外交部; no area of
    its own, no Party department, no article filed from abroad, not the end of a longer
    body's name on the page) is part of 国务院 where the page names it. Evidence: each
    body's first mention."""
    placed = {r.head for r in ctx.relations if r.rel == "subOrganizationOf"}
    first: dict[str, Mention] = {}
    for m in ms:
        if m.type == "Agency":
            first.setdefault(m.name, m)
    home = any(m.type == "District" and m.name == lexicon.HOME_COUNTRY for m in ms)
    for name in lexicon.STATE_ORGANS_AT_HOME:
        if home and name in first and name not in placed:
            ctx.relate(name, "subOrganizationOf", lexicon.HOME_COUNTRY, first[name].start, first[name].end)
    if lexicon.STATE_COUNCIL not in first:
        return
    for name, m in first.items():
        if name in placed or not bare_ministry(m) or name in PARTY_DEPARTMENTS \
                or any(other.endswith(name) and other != name for other in first):
            continue          # (青藏兵站部 of 总后勤部青藏兵站部: a unit the page names in full)
        art = ctx.article_at(m.start)
        if art is not None and country_abroad(ctx, art) is None:
            ctx.relate(name, "subOrganizationOf", lexicon.STATE_COUNCIL, m.start, m.end)


def _article_settings(ctx: DocContext, ms: list[Mention]) -> None:
    """An article set in one county (it names that county and no division but the
    county's own ancestors) places there the bodies and sites it names without an
    area after naming the county in the same paragraph, which is the fact's evidence.
    An article that names the county at least FEATURE_MENTIONS times is a feature on
    it (路桥区: its schools, hospitals and squares, listed paragraphs after the county's
    name): it places every such name after the county's first mention, and the
    name's own mention is the evidence, as for an article set abroad. Measured: real
    relations 0.814 -> 0.833, seeds 0.829 -> 0.832; placing every such name of any
    one-county article gave seeds 0.824 and invented pages -0.002 to -0.006 (a brief
    that names its county once, a page's next article run into it)."""
    g = gazetteer()
    placed = {r.head for r in ctx.relations if r.rel in ("locatedIn", "subOrganizationOf", "subsidiaryOf")}
    starts = [m.start for m in ms]
    for a in ctx.articles:
        inside = ms[bisect.bisect_left(starts, a.start):bisect.bisect_left(starts, a.end)]
        divs = {ctx.divisions[m.name] for m in inside if m.type == "District" and m.name in ctx.divisions}
        counties = [d for d in divs if d.level == "county"]
        if len(counties) != 1 or not divs <= {counties[0], *g.ancestors(counties[0])}:
            continue
        county = counties[0].name
        named = [o.start for o in inside if o.name == county]      # where the article names it
        for m in inside:
            if m.type in IN_AREA and m.name not in placed and _local(m):
                # the evidence: the paragraph from where it names the county to the name
                para = ctx.text.rfind("\n", a.start, m.start) + 1
                k = bisect.bisect_left(named, m.start)
                if k and named[k - 1] >= para:
                    ctx.relate(m.name, "locatedIn", county, named[k - 1], m.end)
                elif k and len(named) >= FEATURE_MENTIONS:
                    ctx.relate(m.name, "locatedIn", county, m.start, m.end)
                else:
                    continue
                placed.add(m.name)


def _set_abroad(ctx: DocContext, ms: list[Mention]) -> None:
    """An article filed from abroad (本报曼谷…电, 本报驻泰国记者) is set in its country
    (`country_abroad`). The city filed from lies in that country; the bodies it names
    with no area of their own lie in it, or as agencies are part of its state; its
    places with no area lie in it too, but a site (a square, a street, a stadium:
    SITE_HEADS) in the city filed from where the article names the city, and a sea, an
    ocean or a continent (地中海, 中美洲) in neither; neither the city nor the places
    where the data puts the city in another country. Chinese bodies (中国…, 全国…, 新华社), international ones
    (东盟) and what is already placed keep their relations. Evidence: each name's own
    mention."""
    placed = {r.head for r in ctx.relations if r.rel in ("locatedIn", "subOrganizationOf", "subsidiaryOf")}
    starts = [m.start for m in ms]
    for a in ctx.articles:
        country = country_abroad(ctx, a)
        if country is None:
            continue
        inside = ms[bisect.bisect_left(starts, a.start):bisect.bisect_left(starts, a.end)]
        city = next((m for m in inside if m.name == a.place and m.type in ("District", "Place")), None)
        # a city the data places in another country (本报珀斯…电 on Russia's divers, 开罗
        # on Israel's cabinet) is neither in the country nor where its places lie
        elsewhere = country not in (country_of(a.place) or {country})
        if city is not None and city.name not in placed and not elsewhere:
            ctx.relate(city.name, "locatedIn", country, city.start, city.end)
            placed.add(city.name)
        for m in inside:
            if m.name in placed or m.name in (country, a.place) or named_at_home(m.name) \
                    or _named_elsewhere(m.name, country):
                continue
            if m.type == "Agency" and bare_ministry(m):
                continue          # 中国国务院副总理兼|外交部长: a bare ministry kept bare is the home state's
            if m.type == "Agency" and m.name.startswith(lexicon.WORLD_REGION_NAMES):
                continue          # 欧洲航天局: a region's agency is no part of one state
            if m.type == "Agency" and m.name.endswith(lexicon.MINISTRY_END) and country != lexicon.MINISTRY_END_STATE:
                continue          # 外务省 in a report from Jakarta: Japan's ministry, not the host's
            if m.type == "Agency":
                ctx.relate(m.name, "subOrganizationOf", country, m.start, m.end)
            elif m.type in ("Company", "Organization"):
                ctx.relate(m.name, "locatedIn", country, m.start, m.end)
            elif m.type == "Place" and not elsewhere and not m.name.endswith(lexicon.SEA_AND_REGION_ENDINGS) \
                    and not lexicon.world_region(m.name):
                site = city is not None and m.name.endswith(SITE_HEADS)
                ctx.relate(m.name, "locatedIn", city.name if site else country, m.start, m.end)
            else:
                continue
            placed.add(m.name)


IN_AREA = ("Company", "Organization", "Place")
FEATURE_MENTIONS = 3    # an article that names its county this often is about it (_article_settings)
# bodies that serve more than a county wherever a county's article names them
BEYOND_COUNTY = ("大学", "学院", "研究院", "科学院",
                 # dailies and publishers are a province's or the nation's (新华日报, 工人日报社)
                 "日报", "日报社", "出版社", "通讯社")
# places inside a county: streets, buildings, squares, parks, stations (rivers and
# lakes cross counties, and a head-less place may be a region: 长三角)
SITE_HEADS = tuple(h for h in lexicon.PLACE_HEADS if h not in ("湖", "河", "灌区", "水库"))


def _local(m: Mention) -> bool:
    """Whether a body or place an article names is one its county holds: not of national
    scope, no university, no name that begins with a province or city (内蒙古某某集团),
    and a place only if it is a site."""
    name = m.name
    g = gazetteer()
    prefix = g.split_area(name)[0]
    if name.startswith(lexicon.NATIONAL_PREFIXES) or name in lexicon.NATIONAL_MEDIA or \
            name.endswith(BEYOND_COUNTY) or prefix and g.lookup(prefix).level != "county":
        return False
    return m.type != "Place" or name.endswith(SITE_HEADS)


def _listed_after_area(ctx: DocContext, inside: list[Mention]) -> None:
    """A list whose first body names its area names it for the rest: in 西峡县保护材料厂、
    冶金材料厂, the second factory is in 西峡县 too. The list is bodies joined only
    by 、/和/及; one that names an area of its own, or the nation or the world as its
    scope (世界晋江同乡总会), ends the sharing."""
    for run in joined_runs(ctx, [m for m in inside if m.type in IN_AREA]):
        area = _named_after(ctx, run[0], ("District",)) if len(run) > 1 else None
        for o in run[1:] if area else ():
            if _named_after(ctx, o, ("District",)) or named_at_home(o.name):
                break
            ctx.relate(o.name, "locatedIn", area.name, o.start, o.end)


def _named_after(ctx: DocContext, m: Mention, types: tuple[str, ...]) -> Mention | None:
    """The longest mention of these types a name begins with: the area of 西峡县保护材料厂,
    the body whose session 东盟首脑会议 is (丹麦共产党, not 丹麦, of 丹麦共产党第二十次代表大会)."""
    return max((o for o in ctx.mentions_between(m.start, m.start + 1) if o.type in types and o.end < m.end),
               key=lambda o: o.end, default=None)


def _hierarchy(ctx: DocContext) -> None:
    """A division lies in its nearest ancestor that the document also names, and one
    none of whose ancestors it names in the country, when it names the country (延安市
    on a page that names 中国 and not 陕西省: the real gold has it so). Another country's
    division or large city lies in that country where the page names it (吉隆坡 in
    马来西亚)."""
    g = gazetteer()
    named = {m.name for m in ctx.mentions if m.type == "District" and m.rule != RELATIVE_AREA_RULE}
    firsts: dict[str, Mention] = {}
    for m in ctx.mentions:
        firsts.setdefault(m.name, m)
    for name in sorted(named):
        d = ctx.divisions.get(name)
        first = firsts[name]
        if d is None:
            country = sorted(country_of(name) & named)
            if country:
                ctx.relate(name, "locatedIn", country[0], first.start, first.end)
            continue
        for a in g.ancestors(d):
            if a.name in named:
                ctx.relate(name, "locatedIn", a.name, first.start, first.end)
                break
        else:
            if lexicon.HOME_COUNTRY in named:
                ctx.relate(name, "locatedIn", lexicon.HOME_COUNTRY, first.start, first.end)


CENTRAL_NAMES = frozenset(lexicon.CENTRAL_BODIES.values())   # vertically run: 中国人民银行


@dataclass
class Built:
    """A name as the composition rules read it: the mention, the shorter mentions inside
    it, the agency whose name it extends (聊城市委 for 聊城市委宣传部), the zone it starts
    with, and the page's mentions by end and area prefixes."""
    ctx: DocContext
    m: Mention
    inner: list[Mention]
    parent: str | None
    zone: Mention | None
    by_end: dict[int, list[Mention]]
    areas: dict[str, str]

    def part_of(self, area: str, s: int, e: int) -> None:
        """The agency is part of `area`, unless through its parent only (聊城市委宣传部 is a
        department of 聊城市委, and through it only, of 聊城市), or the area follows a
        central body that begins its name (中国人民银行|济南|分行: a branch of the bank, no
        body of 济南市's government; but a city bureau's 东昌府区分局 serves the district too)."""
        if self.parent is not None and self.parent.startswith(area):
            return
        at = next((i.start for i in self.inner if i.name == area and i.type == "District"), None)
        if at is not None and any(i.type == "Agency" and i.start == self.m.start and i.end <= at
                                  and i.name in CENTRAL_NAMES for i in self.inner):
            return
        self.ctx.relate(self.m.name, "subOrganizationOf", area, s, e)


def built_names(ctx: DocContext, ms: list[Mention]) -> Iterator[Built]:
    """Each mention (`ms`, sorted by (start, -end)) with what its name is built from."""
    by_end: dict[int, list[Mention]] = {}
    for m in ms:
        by_end.setdefault(m.end, []).append(m)
    agencies = {m.name for m in ms if m.type == "Agency"}
    towns = {m.name for m in ms if m.type == "District" and m.rule in NAMED_DIVISIONS}
    starts = [m.start for m in ms]
    # the prefixes a body's full name may start with: areas, and autonomous ones' short forms (大理州)
    areas = {n: n for n in {*ctx.divisions, *towns, *(m.name for m in ms if m.name in countries())}}
    areas.update({d.autonomous_short: n for n, d in ctx.divisions.items() if d.autonomous_short})
    for m in ms:
        parent = max((a for a in agencies if a != m.name and m.name.startswith(a)), key=len,
                     default=None) if m.type == "Agency" else None
        inner = [o for o in ms[bisect.bisect_left(starts, m.start):bisect.bisect_left(starts, m.end)]
                 if o is not m and o.end <= m.end and o.end - o.start < m.end - m.start]
        # 大邑经济开发区管委会 belongs to the zone, not to 大邑 inside the zone's name
        zone = max((o for o in inner if o.start == m.start and o.type == "District"),
                   key=lambda o: o.end, default=None) if m.type == "Agency" else None
        yield Built(ctx, m, inner, parent, zone, by_end, areas)


# ---- the composition rules: each relates a name to the names it is built from -----------

def after_area(b: Built) -> None:
    """A name right after an area's (柳园街道|育新社区, 冠县|公安局) lies in it, or as an
    agency is part of it; two areas side by side in a headline (瓯海黔西携手) only if the
    data set lets one lie in the other."""
    ctx, m = b.ctx, b.m
    if m.name in WORLD_BODIES:
        return            # 吉隆坡|东盟首脑会议: the place of a meeting, no seat of the union
    for prev in b.by_end.get(m.start, []):
        if prev.type == "District" and m.type == "District" and not _may_contain(ctx, prev, m):
            continue
        if len(prev.text) == 1 and (len(m.text) == 1 or any(len(p.text) == 1 and p.type == "District"
                                                             for p in b.by_end.get(prev.start, []))):
            continue      # 英欧关系, 中美, 中日|长江水利: two sides by their short forms, neither in
                          # the other, and their matter in neither
        if prev.type == "District" and m.type in ("District", "Place", "Company", "Organization"):
            ctx.relate(m.name, "locatedIn", prev.name, prev.start, m.end)
        elif prev.type == "District" and m.type == "Agency":
            b.part_of(prev.name, prev.start, m.end)


def initiative_inside(b: Built) -> None:
    """希望工程 of 湘潭市“希望工程”办公室: a body runs the programme its name holds."""
    m = b.m
    if m.type in ORGANISATION_TYPES:
        for o in b.inner:
            if o.type == "Initiative":
                b.ctx.relate(m.name, "runs", o.name, m.start, m.end)


# the types of names that lie in an area or belong to a body their name begins with
BUILT_TYPES = ("Agency", "Company", "Organization", "Place", "District")


def begins_with_area_or_body(b: Built) -> None:
    """A name that starts with an area's or a body's (东昌府区|财政局, 泰国|财政部,
    聊城市委|宣传部) lies in that area or is part of it; an agency is part of an area its
    name holds further on too; and a chain of areas before a name (佛山市|南海区|家居商会)
    places it in the areas after the first as well."""
    ctx, m = b.ctx, b.m
    if m.type not in BUILT_TYPES:
        return
    for o in b.inner:
        if o.start == m.start and o.type in ("District", "Agency"):
            # a country's bodies (泰国财政部): no division code gives their area later
            if m.type == "Agency" and (o.type == "Agency" or o is b.zone or o.name in countries()):
                b.part_of(o.name, m.start, m.end)
            elif o.type == "District" and m.type != "Agency":
                ctx.relate(m.name, "locatedIn", o.name, m.start, m.end)
        elif m.type == "Agency" and o.type == "District" and o.start > m.start and not _hosted_in(b, o):
            b.part_of(o.name, m.start, m.end)
        elif o.type == "District" and o.start > m.start and b.by_end.get(o.start) and \
                any(p.type == "District" and p.start == m.start for p in b.by_end[o.start]):
            ctx.relate(m.name, "locatedIn", o.name, m.start, m.end)


# what an area follows inside a body's name when the body is only stationed there or
# acts on it (伊拉克驻|约旦大使馆, 联合国销毁|伊拉克…特别委员会)
HOSTED_BEFORE = "驻"


def _hosted_in(b: Built, o: Mention) -> bool:
    """Whether an area inside an agency's name is no area the agency is part of: where it
    is stationed (伊拉克驻约旦大使馆 is Iraq's), or any area in an international
    body's name (联合国销毁伊拉克化学、生物和核武器特别委员会 is the UN's)."""
    return b.ctx.text[o.start - 1:o.start] == HOSTED_BEFORE or \
        any(b.m.name.startswith(w) for w in WORLD_BODIES)


def named_in_full(b: Built) -> None:
    """A name the rules completed from a relative form lies in, or is part of, the area
    they completed it with: 市委 -> 聊城市委 is part of 聊城市; 市图书馆 -> 聊城市图书馆 lies
    in it; 镇党委 -> 搬经镇党委 is part of 搬经镇, a town the data set does not list."""
    m = b.m
    if m.type not in BUILT_TYPES or m.name == m.text or m.name in countries():
        return            # (印尼 is 印度尼西亚, no name completed from a relative form)
    area = next((b.areas[n] for n in sorted(b.areas, key=len, reverse=True)
                 if m.name.startswith(n) and m.name != n), None)
    if area and m.type == "Agency":
        b.part_of(area, m.start, m.end)
    elif area:
        b.ctx.relate(m.name, "locatedIn", area, m.start, m.end)


def extends_an_agency(b: Built) -> None:
    """聊城市委宣传部 is part of 聊城市委, the agency whose name it extends."""
    m = b.m
    if m.type in BUILT_TYPES and b.parent:
        b.ctx.relate(m.name, "subOrganizationOf", b.parent, m.start, m.end)


# asked in this order for each name, which is the order of the relations they add
COMPOSITION_RULES = (after_area, initiative_inside, begins_with_area_or_body, named_in_full,
                     extends_an_agency)


def _composition(ctx: DocContext, ms: list[Mention]) -> None:
    """Names built from other names: 柳园街道育新社区, 冠县公安局, 莘县行政审批服务局XX股."""
    for b in built_names(ctx, ms):
        for rule in COMPOSITION_RULES:
            rule(b)


def _may_contain(ctx: DocContext, outer: Mention, inner: Mention) -> bool:
    """Whether one area may lie in the other: not a country (中国|南非, 罗|中: two sides),
    and not where both are in the data set and it says no."""
    if inner.name in countries() or inner.name == lexicon.HOME_COUNTRY:
        return False
    a, b = ctx.divisions.get(outer.name), ctx.divisions.get(inner.name)
    return a is None or b is None or a in gazetteer().ancestors(b)


def _town_named_first(ctx: DocContext, ms: list[Mention], zone: Mention) -> Mention | None:
    """The town the page names whose name, without its level, begins the zone's (顶效镇
    for 顶效开发区)."""
    for o in ms:
        level = next((t for t in TOWNS if o.name.endswith(t)), None)
        if o.type == "District" and level and len(o.name) - len(level) >= 2 \
                and zone.name.startswith(o.name[:-len(level)]):
            return o
    return None


def _towns_and_zones(ctx: DocContext, ms: list[Mention]) -> None:
    """A town lies in the county its article is about; a zone in its city."""
    for m in ms:
        if m.type != "District":
            continue
        if m.rule == ZONE_RULE:
            # the city its name begins with, a municipality too (上海|浦东新区), else the paper's
            city = next((d for d in ctx.divisions.values() if d.level == "city" and
                         (m.name.startswith(d.name) or (d.short and m.name.startswith(d.short)))), None)
            if city is None:
                city = _municipality_first(m.name)
                if city is not None:
                    ctx.divisions.setdefault(city.name, city)
            town = _town_named_first(ctx, ms, m) if city is None else None
            if town is not None:
                # 顶效开发区 where the page names 顶效镇: the zone is the town's, not the paper's city's
                ctx.relate(m.name, "locatedIn", town.name, m.start, m.end)
                continue
            if city is None:
                city = ctx.paper_city()
            if city and city.name in ctx.divisions or city and ctx.area and city == ctx.area:
                ctx.divisions.setdefault(city.name, city)
                ctx.relate(m.name, "locatedIn", city.name, m.start, m.end)
        elif m.rule not in NAMED_DIVISIONS or m.name in ctx.divisions or not m.name.endswith(TOWN_LEVELS) \
                or any(r.head == m.name and r.rel == "locatedIn" for r in ctx.relations):
            continue          # a listed area, or one already placed
        elif m.name.endswith(TOWNS):
            county = ctx.nearest_before(m.start, lambda o: o.type == "District" and
                                     ctx.divisions.get(o.name) is not None and
                                     ctx.divisions[o.name].level == "county")
            if county:
                ctx.relate(m.name, "locatedIn", county.name, county.start, m.end)
            elif ctx.area and ctx.area.level == "county":
                # a county paper's towns are its own (瓯海新闻: 娄桥街道 lies in 瓯海区)
                ctx.relate(m.name, "locatedIn", ctx.area.name, m.start, m.end)
        else:
            # 在安仁镇……走进华兴村: a village lies in the town its article has just named;
            # where a county is named after that town, the village is the county's (来到
            # 某县调查……某村: the story left the town)
            area = ctx.nearest_before(m.start, lambda o: o.type == "District" and (
                o.rule in NAMED_DIVISIONS and o.name.endswith(TOWNS) or o.rule != RELATIVE_AREA_RULE
                and o.name in ctx.divisions and ctx.divisions[o.name].level == "county"))
            if area:
                ctx.relate(m.name, "locatedIn", area.name, area.start, m.end)


def _municipality_first(name: str) -> Division | None:
    """The municipality (上海市, a province-level city) a name begins with, if any."""
    prefix = gazetteer().split_area(name)[0]
    d = gazetteer().lookup(prefix) if prefix else None
    return d if d is not None and d.level == "province" and d.name.endswith("市") else None


def _may_act(o: Mention) -> bool:
    """Whether a mention may be the body or area that acts in its clause: not a country
    named in passing, nor a one-character short form (赴京, 访华)."""
    return o.type in ORGS and o.rule != COUNTRY_RULE and len(o.text) > 1


def _subject(ctx: DocContext, sent, inside: list[Mention], before: int) -> Mention | None:
    """The clause's subject: its first organisation or area not governed by a preposition."""
    for o in inside:
        if o.start >= before:
            break
        if not _may_act(o):
            continue
        lead = ctx.text[max(sent.start, o.start - 2):o.start]
        if lead.endswith(NOT_SUBJECT_BEFORE) or lexicon.TITLE_RE.match(ctx.text, o.end):
            continue          # 安仁镇党委副书记苟某说: the body of a speaker's post is no actor
        if lead.endswith("了") and not FOUNDS.search(ctx.text, max(sent.start, o.start - 3), o.start - 1):
            continue          # 开进了|某开发区: what a verb has reached is its object; but a body
                              # just founded (成立了|某合作社，注册了…) acts in the clauses after
        if _in_dateline(ctx, sent, o):
            continue          # 本报|北京|1月18日讯: where the news was filed, no actor
        while o.type == "District" and (after := [p for p in inside if p.start == o.end < before and _may_act(p)]):
            o = max(after, key=lambda p: p.end)   # 河南|西峡县非常重视: the chain's last name acts
        return o
    return None


def _named_elsewhere(name: str, country: str) -> bool:
    """Whether a body's name puts it outside the article's country: it begins with a
    city or division of another (巴黎俱乐部 in a report from Moscow) or counts states
    (八国集团)."""
    if lexicon.COUNTED_STATES.match(name):
        return True
    return any((c := country_of(name[:k])) and country not in c for k in range(2, min(len(name), 5)))


def _in_dateline(ctx: DocContext, sent, o: Mention) -> bool:
    """Whether the mention is the place of a dateline (本报|北京|1月18日讯, 新华社|曼谷|…电)
    or a medium of its credit (…讯|中央人民广播电台|记者甲、新华社记者乙报道：)."""
    return any(a <= o.start and o.end <= b for a, b in dateline_spans(ctx, sent))


def _runs(ctx: DocContext, sent, inside: list[Mention]) -> None:
    """An initiative is run by the subject of its sentence, else by the bodies before a
    word of launching or hosting in it (发起, 主办), else by what its article is about; a
    session by the area or body it is named after."""
    hosted = HOSTS.search(sent.text)
    hosts = [o for o in inside if o.type in ORGANISATION_TYPES and o.start < sent.start + hosted.start()] \
        if hosted else []
    for m in inside:
        if m.type != "Initiative":
            continue
        if SESSION_END.search(m.text):
            # 东盟首脑会议 is 东盟's own; 全国人代会 names no one who runs it
            host = _named_after(ctx, m, ORGS)
            if host is not None:
                ctx.relate(host.name, "runs", m.name, m.start, m.end)
            continue
        agents = _agents_before(ctx, sent, inside, m.start)
        if agents:
            for a in agents:
                ctx.relate(a.name, "runs", m.name, a.start, m.end)
            continue
        bare = _bare_subject(ctx, sent, m.start)
        if bare is not None:
            ctx.relate(bare[0].name, "runs", m.name, bare[1], m.end)
            continue
        subj = _subject(ctx, sent, inside, m.start)
        if subj is None and hosts and m.start > sent.start + hosted.start():
            # 某某和市平安保险公司的同事们发起成立了“平安大家庭”: the bodies before 发起 run it
            for h in hosts:
                ctx.relate(h.name, "runs", m.name, h.start, m.end)
            continue
        if subj is None and not m.name.startswith(lexicon.NATIONWIDE) and not _foreign_state_before(inside, m):
            subj = _article_subject(ctx, m.start)      # (a nationwide one is not the article's own,
                                                       # nor one a foreign state launches: 美国…“马歇尔计划”)
        if subj is not None:
            ctx.relate(subj.name, "runs", m.name, subj.start, m.end)
    if hosted:
        # 本次书画展由A与B共同主办: the hosts run what the article is about
        for i in _lead_initiatives(ctx, sent.start):
            for h in hosts:
                ctx.relate(h.name, "runs", i.name, h.start, h.end)


def _foreign_state_before(inside: list[Mention], m: Mention) -> bool:
    """Whether the sentence names a foreign state before the initiative (美国并不是想发起
    一场新的“马歇尔计划”): the state's, not the article's body's."""
    return any(o.rule == COUNTRY_RULE and o.name != lexicon.HOME_COUNTRY and o.end <= m.start
               for o in inside)


BARE_HEAD = re.compile(r"(合作社|公司|企业|集团|社区|医院|学校|银行)")


def _bare_subject(ctx: DocContext, sent, pos: int) -> tuple[Mention, int] | None:
    """合作社注册了“湖滩翠”商标: a bare head in the initiative's clause means the body of that
    kind named last; the body, and where the head stands (the evidence starts there)."""
    text = ctx.text
    start = max(sent.start, *(text.rfind(c, sent.start, pos) + 1 for c in "，,；;：:"))
    for h in reversed(list(BARE_HEAD.finditer(text, start, pos))):
        if not ctx.covered(h.start(), h.end()):
            body = body_of_kind(ctx, h.group(), h.start(), ORGS)
            return (body, h.start()) if body is not None else None
    return None


AGENT = re.compile(r"由([^。；;]{2,60}?)(?:牵头|主办|承办|实施|组织|发起|举办|开展|推出|打造)[^。；;]{0,30}$")


def _agents_before(ctx: DocContext, sent, inside: list[Mention], pos: int) -> list[Mention]:
    """由县委宣传部、县文化广电旅游体育局主办，县融媒体中心承办的“鹤鸣杯”: the bodies after 由
    and before the initiative run it."""
    a = AGENT.search(ctx.text, sent.start, pos)
    if not a:
        return []
    return [o for o in inside if o.type in ORGS and a.start(1) <= o.start and o.end <= pos
            and o.rule != COUNTRY_RULE and not ctx.covered(o.start, o.end, ("Initiative",))]


def _lead_initiatives(ctx: DocContext, pos: int) -> list[Mention]:
    art = ctx.article_at(pos)
    if not art:
        return []
    lead_end = art.sentences[1].end if len(art.sentences) > 1 else art.end
    lead = [m for m in ctx.mentions_between(art.start, lead_end) if m.type == "Initiative"]
    return list({m.name: m for m in lead}.values())


def _article_subject(ctx: DocContext, pos: int) -> Mention | None:
    """The body or area an article names most: worked out once per article."""
    art = ctx.article_at(pos)
    if not art:
        return None
    cache = ctx.memo.setdefault("article_subject", {})
    if art.index not in cache:
        counts: dict[str, list[Mention]] = {}
        inside = ctx.mentions_between(art.start, art.end)
        for o in outermost(sorted(inside, key=lambda m: (m.start, -m.end))):
            # not a dateline's press or place, nor the body of a post (中共中央政治局|常委)
            # or of a profession (武汉大学世界经济系|教授: the author's unit in the byline)
            if _may_act(o) and not lexicon.TITLE_RE.match(ctx.text, o.end) and \
                    not lexicon.PERSON_TITLE_RE.match(ctx.text, o.end) and \
                    not _in_dateline(ctx, ctx.sentence_at(o.start) or art, o):
                counts.setdefault(o.name, []).append(o)
        ranked = sorted(counts.values(), key=lambda v: (len(v), -v[0].start), reverse=True)
        best = ranked[0][0] if ranked else None
        if best is not None and best.type == "District":
            # an area is what the article is about if it is named at least twice as
            # often as any rival; a wider area it lies in (its county, its country) is no
            # rival, but a peer is (武威、金昌、张掖、酒泉、嘉峪关等地市: about all five)
            rivals = [v for v in ranked[1:] if v[0].type != "District"
                      or _area_rank(ctx, v[0]) >= _area_rank(ctx, best)]
            if rivals and len(ranked[0]) < 2 * len(rivals[0]):
                best = None
        # what an article is about is named before its closing third: a place an essay
        # first names near its end (香港的全国政协委员…) is met in passing
        if best is not None and 3 * art.sentence_at(best.start) > 2 * len(art.sentences):
            best = None
        cache[art.index] = best
    return cache[art.index]


# how far down an area lies, by its level: a zone (which the page's divisions may hold,
# as a relative 区 resolved to it) ranks with a county, a foreign city with a city
AREA_RANKS = {"country": 0, **LEVEL_RANKS, "zone": LEVEL_RANKS["county"], "town": 4}


def _area_rank(ctx: DocContext, area: Mention) -> int:
    """An area's rank (AREA_RANKS): its division's level, else a town's by its ending, a
    country's by the data's list; any other is a city."""
    if area.name in countries():
        return AREA_RANKS["country"]
    d = ctx.divisions.get(area.name) or gazetteer().lookup(area.name)
    if d is not None:
        return AREA_RANKS.get(d.level, AREA_RANKS["city"])
    return AREA_RANKS["town"] if area.name.endswith(TOWNS) else AREA_RANKS["city"]


def _cooperation(ctx: DocContext, sent, inside: list[Mention]) -> None:
    partners: set[int] = set()     # where the partners named so far start: none of them acts later
    for m in COOP.finditer(sent.text):
        a_end = sent.start + m.start()
        joint = ctx.token_at(a_end)
        if joint is not None and joint.word != m.group(1):
            continue      # 商业总合|同|于去年底…签订: the 同 of 合同 (a contract), no "with"
        b_start, b_end = sent.start + m.start(2), sent.start + m.end(2)
        if NEGATED.search(ctx.text, sent.start, a_end):
            continue      # 否定了|与某党合作的可能性, 不|与某党合作: no cooperation
        # 哈与中国签署了…，同时与美国也签署了: 中国 signed with 哈, not with 美国
        heads = [o for o in inside if o.type in ORGS and o.end <= a_end and o.rule != COUNTRY_RULE
                 and o.start not in partners]
        tails = [o for o in inside if o.type in ORGS and b_start <= o.start and o.end <= b_end]
        # 贵州省黔西市: the partner is the last area of a chain, not the province that locates it
        tails = [o for o in tails if not (o.type == "District" and
                                          any(n.type == "District" and n.start == o.end for n in tails))]
        # 与武汉一家肉联厂联合: an area before a counted partner says where it is (but 与布隆迪的友好合作)
        tails = [o for o in tails if not (o.type == "District" and lexicon.COUNTED_BODIES.match(ctx.text, o.end))]
        # 今天在钓鱼台国宾馆签署: where they signed, no partner
        tails = [o for o in tails if ctx.text[o.start - 1:o.start] not in VENUE_PREPOSITIONS]
        # 同国内贸易部的华星集团签订: the body before 的 says whose the partner is
        tails = [o for o in tails if not (ctx.text[o.end:o.end + 1] == "的" and
                                          any(n.start == o.end + 1 for n in tails))]
        partners |= {o.start for o in tails}
        # 英国同美国共同探讨: a country acts there, so not what the article is about
        acts = any(o.type in ORGS and o.end <= a_end for o in inside)
        head = heads[-1] if heads else None if acts else _article_subject(ctx, sent.start)
        if head:
            for t in tails:
                if not _own_state(head, t) and not _lies_in(head.name, t.name) and not _lies_in(t.name, head.name) \
                        and not _areas_own_body(head, t):
                    ctx.relate(head.name, "cooperatesWith", t.name, head.start, t.end)
    for j in re.finditer(r"联合(?!主办|举办|承办|印发|发布)", sent.text):
        at = sent.start + j.start()
        bodies = [o for o in inside if o.type in ORGS and o.rule != COUNTRY_RULE]
        partners = _listed_after(ctx, bodies, at + 2)
        lead = next((o for o in bodies if o.end == at), None)
        if partners and lead:
            # 县公安局派出所联合县人民法院、县司法局开展: the one that joins with the others
            for t in partners:
                ctx.relate(lead.name, "cooperatesWith", t.name, lead.start, t.end)
        elif not partners:
            # 市住建局、市城管局将联合开展: the bodies listed before it act together
            stem = re.search(r"(?:将|共同|还|也)*$", ctx.text[sent.start:at])
            hosts = _listed_before(ctx, [o for o in bodies if o.type != "District"], at - len(stem.group()))
            _all_cooperate(ctx, hosts)
    for v in re.finditer(r"主办|举办", sent.text):
        # 由A、B主办: bodies listed together as hosts cooperate
        hosts = _listed_before(ctx, [o for o in inside if o.type in ORGANISATION_TYPES], sent.start + v.start())
        _all_cooperate(ctx, hosts)
    host = CO_HOST.search(sent.text)
    if host:
        # A、B联合主办: every two co-hosts cooperate
        hosts = [o for o in inside if o.type in ORGANISATION_TYPES and o.end <= sent.start + host.start()]
        _all_cooperate(ctx, hosts)


# the home state and its government, as a page names them
HOME_STATE = (lexicon.HOME_COUNTRY, lexicon.HOME_COUNTRY + "政府", lexicon.STATE_COUNCIL, "中华人民共和国政府")


def _own_state(head: Mention, tail: Mention) -> bool:
    """A home ministry signs for its state (外经贸部副部长…和贝宁…签署了中贝两国政府…协定和
    中国政府向贝宁政府提供…): the home state named among the partners is its own side."""
    return tail.name in HOME_STATE and (bare_ministry(head) or head.name.startswith(lexicon.NATIONAL_PREFIXES))


def _lies_in(place: str, country: str) -> bool:
    """Whether a foreign city or division lies in the country (德黑兰, 伊朗): no partners."""
    return country in country_of(place)


def _all_cooperate(ctx: DocContext, bodies: list[Mention]) -> None:
    """Every two of `bodies`, named together as hosts or partners, cooperate."""
    for a, b in combinations(bodies, 2):
        if not _areas_own_body(a, b):
            ctx.relate(a.name, "cooperatesWith", b.name, a.start, b.end)


def _areas_own_body(a: Mention, b: Mention) -> bool:
    """Whether one is an area and the other a body named after it (锡山市, 锡山市委): its
    own, no partner."""
    return any(x.type == "District" and y.name.startswith(x.name) for x, y in ((a, b), (b, a)))


def _listed_before(ctx: DocContext, bodies: list[Mention], pos: int) -> list[Mention]:
    """The bodies that end right at `pos` and those listed before them with 、/和/与/及."""
    out: list[Mention] = []
    end = pos
    for o in sorted((o for o in bodies if o.end <= pos), key=lambda o: -o.end):
        if ctx.text[o.end:end] not in (("",) if not out else ("、", "和", "与", "及")):
            break
        out.insert(0, o)
        end = o.start
    return out if len(out) >= 2 else []


def _listed_after(ctx: DocContext, bodies: list[Mention], pos: int) -> list[Mention]:
    """The bodies that start right at `pos` and those listed after them with 、/和/与/及."""
    out: list[Mention] = []
    start = pos
    for o in sorted((o for o in bodies if o.start >= pos), key=lambda o: o.start):
        if ctx.text[start:o.start] not in (("",) if not out else ("、", "和", "与", "及")):
            break
        out.append(o)
        start = o.end
    return out


def _located(ctx: DocContext, sent, inside: list[Mention]) -> None:
    """Y位于X / 位于X的Y: Y lies in the last area named in X (Y no verb's object)."""
    for m in LOCATED.finditer(sent.text):
        at = sent.start + m.end()
        areas = []
        for o in inside:
            if o.start < at:
                continue
            if o.type == "District" and (o.start <= at + 2 if not areas else o.start <= areas[-1].end + 1):
                areas.append(o)       # the areas right after the verb (建在|小区上 names none)
            elif areas:
                break
        if not areas:
            continue
        area = areas[-1]
        subject = [o for o in inside if o.type in ("Company", "Organization", "Place", "District")
                   and o.end <= sent.start + m.start() and o not in areas]
        # 位于X的Y: Y lies there; else the subject before the verb (某厂挤在X的几间平房里)
        nxt = next((o for o in inside if o.start == area.end + 1 and o.type in ("Company", "Organization", "Place")),
                   None) if ctx.text[area.end:area.end + 1] == "的" else None
        if nxt:
            ctx.relate(nxt.name, "locatedIn", area.name, sent.start + m.start(), nxt.end)
        elif subject and not _object_of_verb(ctx, sent, subject[-1]):
            ctx.relate(subject[-1].name, "locatedIn", area.name, subject[-1].start, area.end)


CLAUSE_END = re.compile("[，。；！？,;!?]")


# rivers, seas, oceans and continents: no clause's area holds one (在开罗城区横跨尼罗河)
CROSSING_ENDINGS = ("河", "江", *lexicon.SEA_AND_REGION_ENDINGS)


def _sited_in_clause(ctx: DocContext, sent, inside: list[Mention]) -> None:
    """李鹏在延庆……观看了龙庆峡冰灯: a site the clause names after 在 and an area lies in that
    area, where nothing placed it yet and no other area comes between; not a river or a
    sea (CROSSING_ENDINGS)."""
    placed: set[str] | None = None      # read from the relations only where a clause so opens
    for k, area in enumerate(inside):
        if area.type != "District" or area.rule == RELATIVE_AREA_RULE or \
                ctx.text[area.start - 1:area.start] != "在":
            continue
        if placed is None:
            placed = {r.head for r in ctx.relations if r.rel in ("locatedIn", "subOrganizationOf")}
        end = CLAUSE_END.search(ctx.text, area.end, sent.end)
        for o in inside[k + 1:]:
            if end and o.start >= end.start() or o.type == "District":
                break
            if o.type == "Place" and o.name not in placed and o.start > area.end \
                    and not o.name.endswith(CROSSING_ENDINGS):
                ctx.relate(o.name, "locatedIn", area.name, area.start, o.end)
                placed.add(o.name)


def _object_of_verb(ctx: DocContext, sent, m: Mention) -> bool:
    """Whether a verb governs the mention (离开|某自然保护区，落户某市: what left is the
    clause's subject, not the reserve), or the chain of names it ends (离开|四川省平武县)."""
    start = m.start
    while (before := next((o for o in ctx.mentions if o.end == start and o.start < start), None)) is not None:
        start = before.start
    tok = next((t for t in ctx.tokens(sent) if t.end == start), None)
    return tok is not None and tok.tag.startswith("v")


def _founded(ctx: DocContext, sent, inside: list[Mention]) -> None:
    """高唐县设立X小组: a body an area sets up is part of it; not one a preposition
    governs (成立了由|外交部…参加的领导小组: a member of the new body)."""
    for m in FOUNDS.finditer(sent.text):
        at = sent.start + m.end()
        subj = _subject(ctx, sent, inside, sent.start + m.start())
        new = next((o for o in inside if o.start >= at and o.start - at <= 2 and o.type == "Agency"
                    and not PREPOSITION_IN_GAP.search(ctx.text, at, o.start)), None)
        if subj and new and subj.type in ("District", "Agency"):
            ctx.relate(new.name, "subOrganizationOf", subj.name, subj.start, new.end)


def _subsidiary(ctx: DocContext, sent, inside: list[Mention]) -> None:
    """A是B的全资子公司: the first company of the sentence is the second's subsidiary. A
    sentence with one company says nothing of a named pair (外贸总公司对下属8个子公司: the
    subsidiaries go unnamed), whatever company an earlier sentence named; nor do firms
    listed together (甲、乙、丙的投资…骨干企业: peers)."""
    if not SUBSIDIARY.search(sent.text):
        return
    comps = [o for o in inside if o.type == "Company"]
    if len(comps) >= 2 and not any(comps[0] in run and comps[-1] in run for run in joined_runs(ctx, inside)):
        ctx.relate(comps[0].name, "subsidiaryOf", comps[-1].name, comps[0].start, comps[-1].end)


# A所属的B, A下属的B, A旗下的B: B is A's
BELONGS = re.compile(r"(?:所属|下属|旗下)的?")
# bare heads that call back a body named before (总厂所属的…: the 发电总厂 just named)
BARE_BODY = re.compile(r"(?:总厂|总公司|集团|公司|工厂|厂|局|委)$")


def _belongs_to(ctx: DocContext, sent, inside: list[Mention]) -> None:
    """北京某发电总厂所属的某热电厂, 总厂所属的某热电厂: the body after 所属的 (下属的, 旗下的)
    is the one before's, a subsidiary of a firm or part of an agency; a bare head before
    it (总厂) is the last body of that kind the article named. Evidence: from the body
    before, or the bare head, to the one after."""
    for b in BELONGS.finditer(sent.text):
        at, after = sent.start + b.start(), sent.start + b.end()
        child = next((o for o in inside if o.start == after and o.type in ("Company", "Agency")), None)
        if child is None:
            continue
        parent = next((o for o in inside if o.end == at and o.type == child.type), None)
        start = parent.start if parent is not None else at
        if parent is None and (bare := BARE_BODY.search(ctx.text, max(sent.start, at - 3), at)) is not None:
            start = bare.start()
            parent = body_of_kind(ctx, bare.group(), start, (child.type,))
        if parent is not None and parent.name != child.name:
            rel = "subsidiaryOf" if child.type == "Company" else "subOrganizationOf"
            ctx.relate(child.name, rel, parent.name, start, child.end)


DELIBERATES = re.compile(r"(?:研究|部署|听取|审议|讨论|通报)[^。；;！？!?]{0,30}$")
# a person's clause up to a verb of attending or proposing right before the initiative
# (某某启程赴京参加|全国人代会, 某某还提议|某某计划)
ATTENDS_BEFORE = re.compile(r"[^。；;，,！？!?]{0,12}?(?:参加|出席|参与|观摩|主持|列席|发起|提议|倡议|倡导)"
                            r"(?:了|过)?(?:(?:实施|开展|推行|成立|建立)了?)?“?$")
# or the person at the initiative (某某在|某某大会|上讲话, 某某从刚刚结束的|省人代会|上赶到)
AT_EVENT = re.compile(r"(?:在|从)[^。；;，,！？!?]{0,8}$")
# or, in a later clause, at the initiative and then speaking of as 他/她 (…，在随后召开的|某某大会|上，他要求)
AT_EVENT_THEN_HE = (re.compile(r"[，,]在[^。；;，,！？!?]{0,12}$"), re.compile(r"上[，,]?(?:他|她)"))


def _attends(ctx: DocContext, ms: list[Mention]) -> None:
    """A person who attends, chairs, proposes or speaks at an initiative in the sentence
    that names both takes part in it; the person is the last one named before the verb."""
    starts = [m.start for m in ms]
    for _, _, sent in ctx.sentences():
        inside = ms[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
        for i in (m for m in inside if m.type == "Initiative"):
            persons = [p for p in inside if p.type in ("Official", "Person") and p.end <= i.start
                       and p.rule != "persons:byline"]
            if not persons:
                continue
            p = persons[-1]
            between = ctx.text[p.end:i.start]
            at = ctx.text[i.end:i.end + 1] == "上"
            if ATTENDS_BEFORE.fullmatch(between) or AT_EVENT.fullmatch(between) and at or \
                    AT_EVENT_THEN_HE[0].search(between) and AT_EVENT_THEN_HE[1].match(ctx.text, i.end):
                ctx.relate(p.name, "participatesIn", i.name, p.start, i.end)


def _participation(ctx: DocContext, ms: list[Mention]) -> None:
    """Persons who attend an event take part in the initiatives the article leads with;
    a person holding the title an initiative is named after (田长 of 田长制) takes part in it."""
    for a in ctx.articles:
        lead = _lead_initiatives(ctx, a.start) if a.sentences else []
        # a meeting that discusses a programme (研究部署……“某某”品牌建设) does not enrol
        # those who attend it in the programme
        lead = [i for i in lead if not DELIBERATES.search(ctx.text, max(a.start, i.start - 40), i.start)]
        if not lead:
            continue
        for s in a.sentences:
            if not PARTICIPATE.search(s.text):
                continue
            for p in ms:
                if p.type in ("Official", "Person") and s.start <= p.start < s.end and p.rule != "persons:byline":
                    for i in lead:
                        ctx.relate(p.name, "participatesIn", i.name, p.start, p.end)
    _attends(ctx, ms)
    schemes = {m.name[:-1]: m for m in ms if m.type == "Initiative" and m.name.endswith("制")}
    for p in ctx.posts:
        i = schemes.get(p.title)
        if i:
            ctx.relate(p.person, "participatesIn", i.name, p.evidence.start, p.evidence.end)
