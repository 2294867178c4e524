"""Entity resolution: mentions -> one entity per real thing, in a document and across them.

Within a document, forms of one name merge (技师学院 -> 聊城技师学院, 泛华集团 ->
泛华建设集团有限公司). Across documents, entities merge by identity (official code, or
area + name with standard abbreviations expanded); persons by name only when their
posts share a body or area, so two 张明 of different counties stay two nodes.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from . import abbreviations, lexicon
from .divisions import countries, country_prefix, gazetteer, without_country
from .kinds import is_kind
from .pinyin import pinyin
from .extractors.base import NAME_VERBS, TOWN_LEVELS, DocContext
from .extractors.initiatives import SELF_HEADS, STRONG_HEADS
from .model import (ORGANISATION_TYPES, DocEntity, DocExtraction, Entity, Evidence, Mention, Post,
                    PostMention, Relation, RelationMention)
from .types import ENTITIES, RELATIONS as RELATION_TYPES

INITIATIVE_HEADS = frozenset(STRONG_HEADS) | frozenset(SELF_HEADS)
TYPE_PRIORITY = {name: t.priority for name, t in ENTITIES.items()}
COMPANY_TAILS = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团有限公司|集团|公司|"
                           r"建设|科技|实业|发展|控股)+$")


def _company_key(name: str) -> str:
    """What a firm's name and its short forms share: the name without the area or the
    country it begins with (日本|丰田公司 is 丰田公司; 日本|银行, the central bank, shares
    nothing with 日本|大和银行) and without the legal form."""
    return COMPANY_TAILS.sub("", without_country(gazetteer().split_area(name)[1]))


def resolve_document(ctx: DocContext) -> DocExtraction:
    """Group a document's mentions into entities with canonical names and aliases."""
    mentions = _drop_nested(ctx, [m for m in ctx.mentions if m.name.strip()])
    several = _short_forms_of_several(mentions)
    canon = _alias_map(mentions)

    def name_at(name: str, pos: int) -> str:
        """A name as a post or relation at `pos` uses it, canonical (团省委 there)."""
        name = _named_at(several[name], pos) if name in several else name
        return canon.get(name, name)

    _former_names(ctx, mentions, canon)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        m.name = canon.get(m.name, m.name)
        groups[m.name].append(m)
    private = {m.name for m in mentions if lexicon.private_body(m.type, m.name)
               or m.type == "Organization" and lexicon.described_private(ctx.text, m.start)} | \
        lexicon.boarded((p.title, p.org) for p in ctx.posts)
    official_people = {p.person for p in ctx.posts
                       if p.title in lexicon.OFFICIAL_TITLES
                       and (p.org not in private or p.title.startswith(lexicon.PARTY_GROUP))
                       and not lexicon.heads_unnamed_body(p.title, p.org)}
    entities = []
    for name, ms in groups.items():
        types = [m.type for m in ms]
        if "Official" in types or name in official_people and set(types) <= {"Person", "Official"}:
            type_ = "Official" if name not in {b.name for a in ctx.articles for b in a.bylines} else "Person"
        else:
            type_ = min(set(types), key=lambda t: (-types.count(t), TYPE_PRIORITY[t]))
        # a surname alone (白 of 白市长) is how the page calls them, not a name of theirs
        aliases = sorted({m.text for m in ms if m.text != name
                          and not (m.type in PERSON_TYPES and len(m.text) == 1)})
        d = ctx.divisions.get(name)
        entities.append(DocEntity(name=name, type=type_, aliases=aliases,
                                  mentions=sorted(ms, key=lambda m: m.start),
                                  code=d.code if d else None, pinyin=pinyin(name)))
    entities.sort(key=lambda e: e.mentions[0].start)
    names = {e.name for e in entities}
    posts = _dedupe_posts([PostMention(canon.get(p.person, p.person), p.title,
                                       name_at(p.org, p.evidence.start) if p.org else None, p.evidence)
                           for p in ctx.posts])
    rels = []
    seen = set()
    for r in ctx.relations:
        h, t = name_at(r.head, r.evidence.start), name_at(r.tail, r.evidence.end - 1)
        if h == t or h not in names or t not in names:
            continue
        key = (min(h, t), r.rel, max(h, t)) if RELATION_TYPES[r.rel].symmetric else (h, r.rel, t)
        if key not in seen:
            seen.add(key)
            rels.append(RelationMention(h, r.rel, t, r.evidence))
    return DocExtraction(document=ctx.doc, masthead=ctx.masthead, articles=ctx.articles,
                         entities=entities, posts=posts, relations=rels)


# places named inside a 《title》 are the title's words (西藏 in the film 《回西藏》, as the
# dev gold has it); persons and bodies there are who the work is by or about (《邓小平文选》)
# and a title that is a body's whole name is a periodical (《人民日报》)
TITLE_WORD_TYPES = ("District", "Place")


def _drop_nested(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Districts named only inside a longer name (阳谷 in 阳谷华泰) are not entities of the page;
    inside an area's own body they are (纸山村 of 纸山村党支部: the branch is part of it), and so
    is a division written in full at the start of a body's or a place's name (上海市 of
    上海市武警总队医院: the dev gold lists it, and the body lies in it)."""
    # a shorter mention ending a longer one of the same type is a piece of it (新社区 in 育新社区),
    # and names inside a 《title》 are the title's words, not entities (西藏 in 《回西藏》)
    in_title = _title_mask(ctx.doc.text)
    first_start: dict[tuple[str, int], int] = {}
    for m in mentions:
        first_start[(m.type, m.end)] = min(first_start.get((m.type, m.end), m.start), m.start)
    mentions = [m for m in mentions if first_start[(m.type, m.end)] == m.start
                and (m.type not in TITLE_WORD_TYPES or not (in_title[m.start] and in_title[m.end - 1]))]
    # a District is standalone unless a longer non-District mention contains it: one sweep
    # by start keeps the furthest end reached so far (pages have thousands of mentions)
    # a town or village that begins an organisation's name is where it is (那莫乡|中心小学)
    outer = sorted((o.start, o.end) for o in mentions if o.type not in ("District", "Agency"))
    org_starts = {o.start for o in mentions if o.type == "Organization"}
    body_starts = {o.start for o in mentions if o.type in ("Organization", "Company", "Place")}
    earliest_for_end: dict[int, int] = {}
    for s, e in outer:
        earliest_for_end[e] = min(earliest_for_end.get(e, s), s)
    standalone, reach, k = set(), -1, 0
    for m in sorted((m for m in mentions if m.type == "District"), key=lambda m: m.start):
        while k < len(outer) and outer[k][0] <= m.start:
            reach = max(reach, outer[k][1])
            k += 1
        if not (reach > m.end or earliest_for_end.get(m.end, m.start) < m.start) or \
                m.start in org_starts and m.name.endswith(TOWN_LEVELS) or \
                m.start in body_starts and m.text == m.name:
            standalone.add(m.name)
    # inner mentions of Initiatives are not entities either (“高兴办” inside its alias)
    return [m for m in mentions if m.type != "District" or m.name in standalone]


def _title_mask(text: str) -> list[bool]:
    """For each character, whether it lies strictly inside a 《title》."""
    mask = [False] * (len(text) + 1)
    for t in re.finditer(r"《[^《》]{1,60}》", text):
        for i in range(t.start() + 1, t.end() - 1):
            mask[i] = True
    return mask


def _former_names(ctx: DocContext, mentions: list[Mention], canon: dict[str, str]) -> None:
    """A short form read as today's division (延庆: 延庆区) on a page that writes the
    division by a former name (延庆县) is that name: one place, named as the page names it."""
    written = {m.text for m in mentions}
    by_code: dict[str, str] = {}
    for name, d in ctx.divisions.items():
        if name in written:
            by_code.setdefault(d.code, name)
    for name, d in ctx.divisions.items():
        if name not in written and by_code.get(d.code, name) != name:
            canon[name] = by_code[d.code]


def _short_forms_of_several(mentions: list[Mention]) -> dict[str, list[tuple[int, str]]]:
    """A body's short form that ends the names of several bodies the page names with an
    area first (团省委 in a round-up naming 甘肃团省委, then 浙江团省委) is, where it
    stands, the one named last before it (else the first after): a name alone cannot
    say which, and `_alias_map` maps names. Returns, per such short form, where each
    full name is named, for the posts and relations that use the short form."""
    g = gazetteer()
    found: dict[str, list[tuple[int, str]]] = {}
    full_names: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type in ORGANISATION_TYPES:
            full_names[m.type].add(m.name)
    for t, names in full_names.items():
        for short in sorted(names):
            fulls = {f for f in names if f.endswith(short) and f != short
                     and ((p := f[:-len(short)]) in g.by_name or p in g.by_short)}
            if len(fulls) < 2:
                continue
            named = sorted((m.start, m.name) for m in mentions if m.type == t and m.name in fulls)
            found[short] = named
            for m in mentions:
                if m.type == t and m.name == short:
                    m.name = _named_at(named, m.start)
    return found


def _named_at(named: list[tuple[int, str]], pos: int) -> str:
    """The name named last before `pos` in `named` (start, name), else the first."""
    before = [n for s, n in named if s <= pos]
    return before[-1] if before else named[0][1]


def _alias_map(mentions: list[Mention]) -> dict[str, str]:
    """Map each short form onto the fullest name of the same thing in the document."""
    canon: dict[str, str] = {}
    g = gazetteer()
    names_by_type: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        names_by_type[m.type].add(m.name)
    # the bodies a longer name may begin with (南京军区|前线话剧团: a unit under another's name)
    bodies = set().union(*(names_by_type[t] for t in ORGANISATION_TYPES))
    for t in ORGANISATION_TYPES + ("Place", "District"):
        names = sorted(names_by_type[t], key=lambda s: (-len(s), s))   # ties by name: set order varies per process
        # what names are compared by, worked out once per name rather than once per pair
        zone = {n: abbreviations.zone_key(n) for n in names} if t in ("District", "Agency") else {}
        expanded = {n: (abbreviations.expand(n), _expand_after_area(n)) for n in names} \
            if t == "Agency" else {}
        key = {n: _company_key(n) for n in names} if t == "Company" else \
            {n: _agency_key(n) for n in names} if t in ("Agency", "Organization") else {}
        # the country a firm's name begins with: two states' firms are two (菲律宾|航空公司,
        # 马来西亚|航空公司), whatever else they share
        state = {n: country_prefix(g.split_area(n)[1]) for n in names} if t == "Company" else {}
        for short in names:
            for full in names:
                if len(full) <= len(short) or full in canon and t != "Company":
                    continue           # (a firm's short form may shorten another: 中汇公司 of 中汇制药公司)
                if t == "District":     # areas are named by the data set; only zones have short forms
                    if zone[short] == zone[full]:
                        canon[short] = full        # 大邑经开区 -> 大邑经济开发区
                        break
                    continue
                prefix = full[: len(full) - len(short)]
                if t == "Agency" and full.endswith(short) and _foreign_prefix(prefix) \
                        and not short.endswith(lexicon.MINISTRY_END):
                    continue           # 美|国防部: the page's bare 国防部 is the home country's;
                                       # a bare 大藏省 is no body of the home country's
                if t == "Place" and prefix in COMPASS_POINTS:
                    continue           # 东|南亚, 中|南海, 东|洞庭湖: a part or a neighbour, not the place
                if full.endswith(short) and not prefix.endswith(lexicon.OTHER_PARTIES) and (
                        prefix in g.by_name or prefix in g.by_short or prefix[:-1] in g.by_name
                        or len(prefix) <= 3 or len(short) >= 5 and prefix in bodies or _areas_only(prefix)):
                    canon[short] = full        # also 怀宝派出所 -> 某县公安局怀宝派出所, 前线话剧团 -> 南京军区前线话剧团
                    break
                if t == "Place" and full == short + "区" and short.endswith("山"):
                    canon[short] = full        # 太行山 -> 太行山区: the range and its mountain area
                    break
                if t == "Agency" and _units_committee(short, full, bodies):
                    canon[short] = full        # 支队党委 -> 长沙市公安局交警支队党委
                    break
                if t == "Agency" and (zone[short] == zone[full] or full in expanded[short]
                                      or expanded[short][0] == expanded[full][0]):
                    canon[short] = full        # 大邑经开区管委会; 市工信局; 长安区法院 -> 长安区人民法院;
                    break                      # 省人大 -> 省人大常委会 (both written short)
                if t == "Agency" and (key[short] == key[full] or key[full].endswith(key[short])
                                      and key[full][:len(key[full]) - len(key[short])] in g.by_name):
                    canon[short] = full        # 河北高邑县委 -> 河北省高邑县委; 邱县委 -> 河北省邱县县委
                    break
                if t == "Organization" and key[short] == key[full]:
                    canon[short] = full        # 北京|某小学 -> 北京市某小学: the area written short
                    break
                if t == "Company" and _company_short_form(key[short], key[full]) \
                        and not (state[short] and state[full] and state[short] != state[full]) \
                        and not (full.startswith(short) and short.endswith(lexicon.LEGAL_FORMS)) \
                        and not (key[full].startswith(key[short]) and full.endswith(lexicon.BRANCH_HEADS)) \
                        and not (_firms_unit(full) and not _firms_unit(short)) \
                        and not (short.endswith(GROUP) and GROUP not in full):
                    canon[short] = full
                    break
    _one_body_ending(names_by_type["Agency"], canon, _bare_level)
    # a body named by words that elsewhere name a kind (保险公司; the rules take them only
    # after a body named in full ends in them: 中国人民保险公司), of the same type
    for t in ORGANISATION_TYPES:
        _one_body_ending(names_by_type[t], canon, is_kind)
    _name_parts(names_by_type["Person"] | names_by_type["Official"], canon)
    _school_levels(names_by_type["Organization"], canon)
    _first_word_and_head(names_by_type["Organization"], canon)
    _initiative_short_forms(mentions, canon)
    # chains: a -> b -> c
    for k in list(canon):
        seen = {k}
        while canon[k] in canon and canon[k] not in seen:
            seen.add(canon[k])
            canon[k] = canon[canon[k]]
    return canon


COMPASS_POINTS = frozenset("东西南北中")
GROUP = "集团"      # a group owns the firms named after it (北京城建集团, 北京城建二公司): it is none of them


def _areas_only(prefix: str) -> bool:
    """Whether a name's prefix is divisions only, each in full or short (四川绵阳|富临集团):
    the areas a body's name may be written with."""
    g = gazetteer()
    while prefix:
        k = next((k for k in range(len(prefix), 1, -1) if prefix[:k] in g.by_name or prefix[:k] in g.by_short), 0)
        if not k:
            return False
        prefix = prefix[k:]
    return True


DOUBLED_LEVEL = re.compile(r"([省市县区])\1(委|政府)")


def _agency_key(name: str) -> str:
    """One form for the ways a body's area is written: without the Party's 中共, a
    province's or city's short form first in full (河北|高邑县委 -> 河北省高邑县委,
    保定|公安局 -> 保定市公安局), and the level not written twice (邱县县委 -> 邱县委)."""
    g = gazetteer()
    if name.startswith(lexicon.PARTY_PREFIX) and g.split_area(name[len(lexicon.PARTY_PREFIX):])[0]:
        name = name[len(lexicon.PARTY_PREFIX):]
    area, rest = g.split_area(name)
    d = g.lookup(area) if area and area not in g.by_name else None
    if d is not None and d.level in ("province", "city"):
        name = d.name + _agency_key(rest)      # 河北|高邑县委: the county's name too
    return DOUBLED_LEVEL.sub(r"\1\2", name)


def _bare_level(name: str) -> bool:
    """A body named by its level alone that no area resolved (区委 where the page names no
    district the data knows: 南昌郊区区委; a prefecture's 地委组织部 of 运城地委组织部,
    which the data knows as today's city)."""
    return name[:1] in lexicon.AREA_LEVEL_CHARS or name.startswith(lexicon.AREA_LEVEL_WORDS)


def _one_body_ending(bodies: set[str], canon: dict[str, str], called_short: Callable[[str], bool]) -> None:
    """A name `called_short` accepts (a bare level, a kind) is the one body of `bodies`
    that ends in it, where the page names exactly one."""
    for short in sorted(bodies):
        if short in canon or not called_short(short):
            continue
        fulls = sorted({canon.get(f, f) for f in bodies if f.endswith(short) and f != short})
        if len(fulls) == 1:
            canon[short] = fulls[0]


def _foreign_prefix(prefix: str) -> bool:
    """Whether a name's prefix names another country, in full or by its short form (美)."""
    readings = (prefix,) if prefix in countries() else lexicon.SHORT_FORMS.get(prefix, ())
    return bool(readings) and lexicon.HOME_COUNTRY not in readings and all(
        r in countries() for r in readings)


NAME_DOTS = re.compile(r"[·•]")
CJK_NAME = re.compile(r"[\u4e00-\u9fff]+")


def _name_parts(persons: set[str], canon: dict[str, str]) -> None:
    """A transliterated name is mentioned again by one of its parts (素某·某某 -> 素某;
    比尔·克林顿 -> 克林顿), a Chinese one by its given name (润五同志 of 李润五), a Japanese
    one or one of a compound surname by its two-character surname (桥本 of 桥本龙太郎) or,
    of four characters, by its given name after it (绢子 of 杉山绢子), and
    anyone by the familiar 老 or 小 and the surname (老何 of 何启伟): the part is the full
    name where one full name has it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for full in persons:
        for part in NAME_DOTS.split(full) if NAME_DOTS.search(full) else ():
            owners[part].add(full)
        if len(full) == 3 and CJK_NAME.fullmatch(full):
            owners[full[1:]].add(full)
        if len(full) >= 4 and CJK_NAME.fullmatch(full):
            owners[full[:2]].add(full)       # 桥本龙太郎 … 桥本, 欧阳中石 … 欧阳: the surname
        if len(full) == 4 and CJK_NAME.fullmatch(full):
            owners[full[2:]].add(full)       # 杉山绢子 … 绢子: the given name after a two-character surname
        if len(full) in (2, 3) and CJK_NAME.fullmatch(full) and full[0] not in FAMILIAR:
            for familiar in FAMILIAR:        # 何启伟 … 老何: the familiar address by surname
                owners[familiar + full[0]].add(full)
    for short in sorted(persons):
        if short not in canon and len(owners.get(short, ())) == 1:
            canon[short] = next(iter(owners[short]))


FAMILIAR = ("老", "小")      # 老何, 小王: a person called by the surname, older or younger


def _units_committee(short: str, full: str, bodies: set[str]) -> bool:
    """Whether `short` is a body's Party committee (or other unit) called by the body's
    head (支队党委 of 长沙市公安局交警支队党委): the full name is a body the page names and
    that unit, and the short one that body's last word and the same unit."""
    unit = next((u for u in UNIT_SUFFIXES if short.endswith(u) and full.endswith(u)), None)
    if unit is None or len(short) <= len(unit) + 1:
        return False
    body, head = full[:-len(unit)], short[:-len(unit)]
    return body in bodies and body.endswith(head) and len(body) > len(head)


UNIT_SUFFIXES = ("党委", "党组", "党支部", "党总支", "纪委", "团委", "工会", "办公室")


def _firms_unit(name: str) -> bool:
    """A unit of a firm named after its registered name (咸阳步长制药有限公司|行政部): the
    firm's short form (步长公司) is the firm's, not the unit's."""
    return any(0 <= name.find(form) < len(name) - len(form) for form in lexicon.LEGAL_FORMS)


def _company_short_form(short: str, full: str) -> bool:
    """Whether company key `short` abbreviates `full`: the same first two characters and
    the rest picked, in order, from the full name, as short forms are made (华泰 of
    华泰化工, 苍洱文旅 of 苍洱文化旅游)."""
    return len(short) >= 2 and short[:2] == full[:2] and _is_subsequence(short, full)


SCHOOL_SPAN = "中小学"                 # a school of both levels, named by either
SCHOOL_LEVELS = ("中学", "小学")


def _school_levels(orgs: set[str], canon: dict[str, str]) -> None:
    """某某中小学 is the 某某中学 (or 小学) the document names, with or without its area
    (鸿某中小学 -> 某市鸿某中学), where exactly one such school has that core."""
    shorts = sorted(o for o in orgs if o.endswith(SCHOOL_SPAN) and o not in canon)
    if not shorts:
        return
    core = {o: gazetteer().split_area(o)[1] or o for o in orgs if o.endswith((SCHOOL_SPAN, *SCHOOL_LEVELS))}
    for short in shorts:
        stem = core[short][: -len(SCHOOL_SPAN)]
        fulls = sorted({canon.get(o, o) for o in core if not o.endswith(SCHOOL_SPAN)
                        and core[o][:-2] == stem})
        if stem and len(fulls) == 1:
            canon[short] = fulls[0]


ORG_HEADS_LONGEST_FIRST = tuple(sorted(lexicon.ORG_HEADS, key=len, reverse=True))


def _first_word_and_head(orgs: set[str], canon: dict[str, str]) -> None:
    """An institution called again by the first words of its name and its head
    (纳伊夫研究所 of 纳伊夫阿拉伯安全科学研究所) is that one, where the document names
    exactly one so; not where those words are a place's (北京大学, 北京师范大学: two), nor
    where the words dropped hold another head (某医学院附属医院|华西医科大学…医院: a list
    run together)."""
    g = gazetteer()
    for short in sorted(orgs):
        head = next((h for h in ORG_HEADS_LONGEST_FIRST if short.endswith(h)), "")
        core = short[: len(short) - len(head)]
        if short in canon or not head or len(core) < 2 or core in g.by_name or core in g.by_short \
                or core in countries():
            continue
        fulls = sorted({canon.get(o, o) for o in orgs
                        if o.endswith(head) and o.startswith(core) and len(o) > len(short)
                        and not any(h in o[len(core):len(o) - len(head)] for h in lexicon.ORG_HEADS)})
        if len(fulls) == 1:
            canon[short] = fulls[0]


def _expand_after_area(name: str) -> str:
    """A body's name with the part after its area expanded (长安区|法院 -> 长安区人民法院)."""
    area, rest = gazetteer().split_area(name)
    return area + abbreviations.expand(rest) if area else name


def _initiative_short_forms(mentions: list[Mention], canon: dict[str, str]) -> None:
    """Short forms of an initiative of the same page: its name without its head noun
    (‘装备制造建成即投产’ of “装备制造建成即投产一件事”), and the abbreviation of its head
    phrase (“快反”机制 is the “物业5341”快速反应机制: first character of each two-character
    word, with the same head noun)."""
    names = sorted({m.name for m in mentions if m.type == "Initiative"})
    for short in names:
        full = next((f for f in names if f.startswith(short) and f[len(short):] in INITIATIVE_HEADS), None)
        if full and short not in canon:
            canon[short] = full
    heads: dict[str, str] = {}        # phrase after the closing quote -> initiative name
    for m in mentions:
        if m.type == "Initiative" and "”" in m.text:
            heads.setdefault(m.text.rsplit("”", 1)[1], m.name)
    for m in mentions:
        if m.type != "Initiative" or m.name in canon or "”" not in m.text:
            continue
        noun = m.text.rsplit("”", 1)[1]
        for phrase, full in heads.items():
            core = phrase[:len(phrase) - len(noun)]
            if full != m.name and noun and phrase.endswith(noun) and \
                    len(core) == 2 * len(m.name) and core[::2] == m.name:
                canon[m.name] = full
                break


def _dedupe_posts(posts: list[PostMention]) -> list[PostMention]:
    """One post per person, title and body. The same title in two bodies is two posts
    (市长 of one city, then of another); a post with no body, or in the area of a body
    named with it (东昌府区 / 东昌府区委), is the same post, as is a title split off its
    committee (书记 of 岳阳市委) beside the whole (市委书记)."""
    out: list[PostMention] = []
    for p in posts:
        i = next((i for i, q in enumerate(out) if _same_post(q, p)), None)
        if i is None:
            out.append(p)
        elif out[i].org is None and p.org:
            out[i] = p
    return out


def _same_post(a: PostMention, b: PostMention) -> bool:
    if a.person != b.person:
        return False
    if a.title == b.title:
        return not a.org or not b.org or a.org.startswith(b.org) or b.org.startswith(a.org)
    short, long_ = sorted((a, b), key=lambda p: len(p.title))
    committee = long_.title.removesuffix(short.title)
    return committee != long_.title and committee.endswith("委") and bool(short.org) \
        and short.org.endswith(committee)


# ---- across documents ----------------------------------------------------------------
#
# Every document entity gets an identity (type, core, scope): the core is its name
# without the area it starts with, abbreviations expanded (聊城市工信局 ->
# 工业和信息化局 in 聊城市); the scope is that area ("strong": read from the name or
# the official code), else the area of the paper it was read in ("weak": a guess).
# Entities with one identity are one node. An entity whose identity is less specific
# (weak scope, shorter company name) joins a more specific one only when exactly one
# matches it; otherwise it keeps its own node. Persons are resolved after that, by
# name plus the bodies and areas of their posts.

PRESS_TITLES = {"记者", "通讯员", "摄影", "实习生", "文/图"}
# Bodies that stand for their area: a post in 聊城市委 or 聊城市人民政府 is a post of 聊城市.
AREA_BODIES = {"委", "人民政府", "人民代表大会常务委员会", "政协", "纪委", "监委"}
# A body's own Party organ: 党组书记 of 聊城市工信局党组 and 局长 of 聊城市工信局 lead one bureau.
PARTY_ORGANS = re.compile(r"(?:党组|党委|党工委|党总支|党支部)$")
LEGAL_FORMS = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司)$")
# Words of trade and kind that end a company name; what is left before them is its brand.
TRADE_WORDS = sorted(set(lexicon.COMPANY_HEADS) | NAME_VERBS | {"集团", "产业"}, key=len, reverse=True)
PERSON_TYPES = ("Person", "Official")


def entity_id(type_: str, key: str) -> str:
    """A stable id from type and identity key: the same thing gets the same id in every build."""
    h = hashlib.sha1(f"{type_}\x1f{key}".encode("utf-8")).hexdigest()[:12]
    return f"{type_.lower()}-{h}"


@dataclass(frozen=True)
class Identity:
    """What makes a non-person entity the thing it is, independent of other documents."""
    type: str
    core: str
    scope: str          # a 12-digit division code, "national", "world" or "doc:<id>"
    strong: bool        # scope read from the name or code, not guessed from the paper

    @property
    def key(self) -> str:
        return self.core if self.core == self.scope else f"{self.core}@{self.scope}"

    @cached_property
    def rank(self) -> tuple[int, bool, int]:
        """Specificity: longer core, scope from the name, deeper area."""
        return len(self.core), self.strong, _depth(self.scope)


@lru_cache(maxsize=None)
def _depth(scope: str) -> int:
    d = gazetteer().by_code.get(scope)
    return len(gazetteer().ancestors(d)) + 1 if d else 0


@lru_cache(maxsize=None)
def _scope_chain(scope: str) -> tuple[str, ...]:
    """The scope and the codes of the areas it lies in, innermost first."""
    d = gazetteer().by_code.get(scope)
    return (scope, *(a.code for a in gazetteer().ancestors(d))) if d else (scope,)


def _within(inner: str, outer: str) -> bool:
    """Scope `inner` is `outer` or an area inside it."""
    return outer in _scope_chain(inner)


def _paper_area(d: DocExtraction) -> str | None:
    """Code of the area the paper serves (from its masthead or its content)."""
    if not d.masthead.area:
        return None
    for e in d.entities:
        if e.name == d.masthead.area and e.code:
            return e.code
    div = gazetteer().lookup(d.masthead.area)
    return div.code if div else None


def _split_area(name: str, paper: str | None) -> tuple[str | None, str]:
    """The division a name starts with (most specific of a chain) and the rest of it.

    A short form (聊城, 东方) or a two-character name (城区) counts only for a division of
    the paper's province, so 东方红小学 in a Shandong paper does not start with 东方市."""
    g = gazetteer()
    province = paper[:2] if paper else None
    code, rest = None, name
    while True:
        found = None
        for n in range(min(len(rest) - 1, 11), 1, -1):
            prefix = rest[:n]
            full = prefix in g.by_name
            if not full and prefix not in g.by_short:
                continue
            div = g.lookup(prefix, {code} if code else ({paper} if paper else set()))
            if div is None or ((not full or n == 2) and div.code[:2] != province):
                continue
            if code and not _within(div.code, code):
                continue
            found = (div.code, rest[n:])
            break
        if not found:
            return code, rest
        code, rest = found


def _parent_scope(d: DocExtraction, name: str, by_name: dict[str, DocEntity]) -> str | None:
    """The nearest coded area a district lies in, following the page's locatedIn relations."""
    seen = {name}
    while True:
        up = next((r.tail for r in d.relations if r.head == name and r.rel == "locatedIn"
                   and r.tail not in seen), None)
        if up is None or up not in by_name:
            return None
        if by_name[up].code:
            return by_name[up].code
        seen.add(up)
        name = up


def identity(d: DocExtraction, e: DocEntity, paper: str | None,
             by_name: dict[str, DocEntity]) -> Identity:
    """The identity of a non-person document entity (see the comment above); `paper` is
    the code of the paper's area, `by_name` the document's entities by name."""
    if e.code:
        return Identity(e.type, e.code, e.code, True)
    weak = paper or f"doc:{d.document.id}"
    if e.type == "Initiative":
        return Identity(e.type, e.name, weak, False)
    name, party = abbreviations.strip_party(e.name) if e.type == "Agency" else (e.name, False)
    code, rest = _split_area(name, paper)
    if e.type == "Agency":
        core = abbreviations.expand(rest, party)
        if code:
            return Identity(e.type, core, code, True)
        national = e.name.startswith(lexicon.NATIONAL_PREFIXES)
        # an Agency without its area (楼栋党小组, 规划局) is some body of this page only
        return Identity(e.type, core, "national" if national else f"doc:{d.document.id}", True)
    if e.type == "Company":
        core = LEGAL_FORMS.sub("", rest) or rest
        if not code and len(_brand(core)) < 2:
            # no area and no brand (运输有限公司, 建设集团): nothing to recognise it by elsewhere
            return Identity(e.type, core, f"doc:{d.document.id}", True)
    elif e.type == "Organization":
        core = abbreviations.school_key(rest)
        if not code and (e.name in lexicon.NATIONAL_MEDIA or e.name.startswith(lexicon.NATIONAL_PREFIXES)):
            return Identity(e.type, core, "national", True)
    elif e.type == "District":
        core = abbreviations.zone_key(rest)
        if e.name in countries():
            return Identity(e.type, e.name, "world", True)
        code = code or _parent_scope(d, e.name, by_name)
    else:
        core = rest
    return Identity(e.type, core, code, True) if code else Identity(e.type, core, weak, False)


def _brand(core: str) -> str:
    """A company name without the trade words it ends in (泛华建设集团 -> 泛华)."""
    while True:
        word = next((w for w in TRADE_WORDS if core.endswith(w)), None)
        if word is None:
            return core
        core = core[:-len(word)]


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _below(x: Identity, y: Identity) -> bool:
    """x names y less specifically: x may join y's node (if y is the only such node)."""
    if x.type != y.type or x == y:
        return False
    if x.core != y.core and not (x.type == "Company" and _company_short_form(x.core, y.core)):
        return False
    if x.rank >= y.rank:
        return False
    if x.strong:
        return x.scope == y.scope
    # a guess from the paper's area yields to an area inside it (开发区 in a 聊城 paper ->
    # 聊城开发区); companies also to the province of their registered name
    return _within(y.scope, x.scope) or (x.type == "Company" and _within(x.scope, y.scope))


def cluster_identities(idents: set[Identity]) -> dict[Identity, Identity]:
    """Map each identity to the identity of its node: the unique most specific one above it."""
    # only identities that _below can relate share a bucket: the same core, or for
    # companies the same first two characters
    by_bucket: dict[tuple[str, str], list[Identity]] = defaultdict(list)
    for i in idents:
        by_bucket[(i.type, i.core[:2] if i.type == "Company" else i.core)].append(i)
    out: dict[Identity, Identity] = {}
    for group in by_bucket.values():
        # _below(x, y) needs y's scope inside x's or equal (or, for companies, around
        # it): index the group by scope so each x is tested against those alone, not
        # against the whole group (a common core has thousands of scopes in a big corpus)
        inside: dict[str, list[Identity]] = defaultdict(list)
        at: dict[str, list[Identity]] = defaultdict(list)
        for y in group:
            at[y.scope].append(y)
            for scope in _scope_chain(y.scope):
                inside[scope].append(y)
        above: dict[Identity, list[Identity]] = {}
        for x in group:
            cands = inside[x.scope]
            if x.type == "Company":
                cands = cands + [y for s in _scope_chain(x.scope)[1:] for y in at[s]]
            above[x] = [y for y in cands if _below(x, y)]
        for x in group:
            ups = [y for y in above[x] if not above[y]]
            out[x] = ups[0] if len(ups) == 1 else x
    return out


def resolve_corpus(docs: list[DocExtraction]) -> tuple[dict[str, Entity], list[Post], list[Relation]]:
    """Merge document entities into corpus entities, with ids independent of input order.

    Rule (conservative, see docs/how-it-works.md, "Entity resolution rule"): non-person entities merge
    by identity (official code for Districts; area + expanded name otherwise), a less
    specific form joining the unique more specific one. Persons merge when the name
    agrees and their posts share a body or area; a person without posts joins the only
    person of that name whose posts lie in the paper's area.
    """
    docs = sorted(docs, key=lambda x: x.document.id)
    local: dict[tuple[str, str], str] = {}     # (doc, name) -> entity id
    idents: dict[tuple[str, str], Identity] = {}
    for d in docs:
        by_name = {e.name: e for e in d.entities}
        paper = _paper_area(d)
        for e in d.entities:
            if e.type not in PERSON_TYPES:
                idents[(d.document.id, e.name)] = identity(d, e, paper, by_name)
    node_of = cluster_identities(set(idents.values()))
    entities: dict[str, Entity] = {}
    for d in docs:
        for e in d.entities:
            if e.type in PERSON_TYPES:
                continue
            node = node_of[idents[(d.document.id, e.name)]]
            eid = entity_id(node.type, node.key)
            local[(d.document.id, e.name)] = eid
            _absorb(entities, eid, d.document.id, e)
    for (doc_id, name), eid in _resolve_persons(docs, local, idents, node_of).items():
        local[(doc_id, name)] = eid
    for d in docs:
        for e in d.entities:
            if e.type in PERSON_TYPES:
                _absorb(entities, local[(d.document.id, e.name)], d.document.id, e)
    g = gazetteer()
    for ent in entities.values():
        if ent.code and ent.code in g.by_code:
            ent.aliases |= {ent.name}
            if ent.name != g.by_code[ent.code].name:
                ent.name = g.by_code[ent.code].name
                ent.pinyin = pinyin(ent.name)
        ent.aliases.discard(ent.name)
    posts: dict[tuple, Post] = {}
    relations: dict[tuple, Relation] = {}
    for d in docs:
        doc_id = d.document.id
        for p in d.posts:
            pid = local.get((doc_id, p.person))
            if not pid:
                continue
            oid = local.get((doc_id, p.org)) if p.org else None
            as_of = _as_of(d, p.evidence)
            post = posts.setdefault((pid, p.title, oid, as_of), Post(pid, p.title, oid, as_of))
            post.sources.append((doc_id, p.evidence))
        for r in d.relations:
            h, t = local.get((doc_id, r.head)), local.get((doc_id, r.tail))
            if not h or not t or h == t:
                continue
            if RELATION_TYPES[r.rel].symmetric and t < h:
                h, t = t, h
            rel = relations.setdefault((h, r.rel, t), Relation(h, r.rel, t))
            rel.sources.append((doc_id, r.evidence))
    by_doc = {d.document.id: d for d in docs}
    for key in _area_links(entities, idents, node_of, relations):
        doc_id, m = min(entities[key[0]].mentions, key=lambda x: (x[0], x[1].start))
        relations[key] = Relation(*key, sources=[(doc_id, by_doc[doc_id].evidence(m.start, m.end))],
                                  derived="divisions")
    for r in relations.values():
        if r.rel == "locatedIn" and _divisions_nest(entities[r.head], entities[r.tail]):
            r.derived = "divisions"
    return entities, sorted(posts.values(), key=lambda p: (p.person, p.title, p.org or "", p.as_of or "")), \
        sorted(relations.values(), key=lambda r: (r.head, r.rel, r.tail))


def _absorb(entities: dict[str, Entity], eid: str, doc_id: str, e: DocEntity) -> None:
    """Add a document entity to its node; the node's name is its fullest form."""
    ent = entities.get(eid)
    if ent is None:
        ent = entities[eid] = Entity(id=eid, name=e.name, type=e.type, code=e.code, pinyin=e.pinyin)
    ent.aliases |= set(e.aliases) | {e.name}
    if e.type == "Official":
        ent.type = "Official"
    if (len(e.name), ent.name) > (len(ent.name), e.name):
        ent.name, ent.pinyin = e.name, e.pinyin
    ent.mentions.extend((doc_id, m) for m in e.mentions)


def _resolve_persons(docs: list[DocExtraction], local: dict[tuple[str, str], str],
                     idents: dict[tuple[str, str], Identity],
                     node_of: dict[Identity, Identity]) -> dict[tuple[str, str], str]:
    """Ids of persons: one per name and connected set of shared post anchors.

    An anchor is a body the person holds a post in, the area of such a post (区长 of
    东昌府区, a post in 聊城市委), or the press of the paper's area for bylines. Two
    document persons of one name with a common anchor are one person. The id is the
    name plus the anchor of the earliest-reported post, so later pages never change it.
    """
    anchors: dict[tuple[str, str], list[tuple[tuple, str, str | None]]] = defaultdict(list)
    paper_of = {d.document.id: _paper_area(d) for d in docs}
    for d in docs:
        doc_id = d.document.id
        for p in d.posts:
            as_of = _as_of(d, p.evidence)
            when = (0, as_of) if as_of and not as_of.startswith("--") else (1, as_of or "~")
            found: list[tuple[str, str | None]] = []
            if p.org and (doc_id, p.org) in idents:
                node = node_of[idents[(doc_id, p.org)]]
                area = node.scope if node.scope in gazetteer().by_code else None
                found.append((f"org:{local[(doc_id, p.org)]}", area))
                body = PARTY_ORGANS.sub("", node.core) if node.type == "Agency" else node.core
                if body and body != node.core:
                    found.append((f"org:{entity_id(node.type, replace(node, core=body).key)}", area))
                if area and (node.core == node.scope or
                             node.type == "Agency" and body in AREA_BODIES):
                    found.append((f"area:{area}", area))
            elif not p.org and p.title in PRESS_TITLES:
                paper = paper_of[doc_id]
                found.append((f"press:{paper or doc_id}", paper))
            anchors[(doc_id, p.person)] += [(when, a, area) for a, area in found]
    people: dict[str, list[str]] = defaultdict(list)      # name -> doc ids
    for d in docs:
        for e in d.entities:
            if e.type in PERSON_TYPES:
                people[e.name].append(d.document.id)
    out: dict[tuple[str, str], str] = {}
    for name, doc_ids in people.items():
        parent = {doc_id: doc_id for doc_id in doc_ids}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        owner: dict[str, str] = {}
        for doc_id in doc_ids:
            for _, a, _ in anchors[(doc_id, name)]:
                if a in owner:
                    parent[find(doc_id)] = find(owner[a])
                else:
                    owner[a] = doc_id
        groups: dict[str, list[str]] = defaultdict(list)
        for doc_id in doc_ids:
            if anchors[(doc_id, name)]:
                groups[find(doc_id)].append(doc_id)
        keys = {root: f"{name}@{min(a[:2] for m in members for a in anchors[(m, name)])[1]}"
                for root, members in groups.items()}
        for root, members in groups.items():
            for m in members:
                out[(m, name)] = entity_id("Person", keys[root])
        for doc_id in doc_ids:
            if anchors[(doc_id, name)]:
                continue
            paper = paper_of[doc_id]
            near = [root for root, members in groups.items() if paper and any(
                area and (_within(area, paper) or _within(paper, area))
                for m in members for _, _, area in anchors[(m, name)])]
            key = keys[near[0]] if len(near) == 1 else f"{name}@doc:{doc_id}"
            out[(doc_id, name)] = entity_id("Person", key)
    return out


def _area_links(entities: dict[str, Entity], idents: dict[tuple[str, str], Identity],
                node_of: dict[Identity, Identity],
                relations: dict[tuple, Relation]) -> list[tuple[str, str, str]]:
    """Edges the administrative hierarchy gives: each coded District locatedIn its nearest
    ancestor present in the graph (no node is made for an area no page names), and each
    Agency of an area subOrganizationOf that area unless a page already places it.
    Their source is the head's first mention: the name that carries the code or area."""
    g = gazetteer()
    by_code = {e.code: e.id for e in entities.values() if e.type == "District" and e.code}
    out = []
    for code, eid in sorted(by_code.items()):
        d = g.by_code.get(code)
        up = next((by_code[a.code] for a in (g.ancestors(d) if d else []) if a.code in by_code), None)
        if up and (eid, "locatedIn", up) not in relations:
            out.append((eid, "locatedIn", up))
    placed = {h for h, rel, _ in relations if rel == "subOrganizationOf"}
    for node in sorted({node_of[i] for i in idents.values() if i.type == "Agency"},
                       key=lambda i: i.key):
        eid = entity_id(node.type, node.key)
        if node.strong and node.scope in by_code and eid not in placed and eid in entities:
            out.append((eid, "subOrganizationOf", by_code[node.scope]))
    return out


def _divisions_nest(head: Entity, tail: Entity) -> bool:
    """Whether the division data puts `head` inside `tail`: then `head locatedIn tail` is
    its fact, whatever page it was read on (a page that names 东昌府区 and 聊城市 apart
    from each other says nothing of the one lying in the other)."""
    g = gazetteer()
    inner, outer = g.by_code.get(head.code or ""), g.by_code.get(tail.code or "")
    return inner is not None and outer is not None and outer in g.ancestors(inner)


def _as_of(d: DocExtraction, ev: Evidence) -> str | None:
    """The date a post was reported as held: the article's own date, i.e. its latest
    full date not after the issue (the dateline: 本报讯 7月4日, month-day resolved with
    the masthead year), else the issue date; without an issue date, the article's
    first date (--MM-DD when no year is known)."""
    dates = d.articles[ev.article].dates if 0 <= ev.article < len(d.articles) else []
    issue = d.masthead.date
    if issue:
        return max((x for x in dates if not x.startswith("--") and x <= issue), default=issue)
    return dates[0] if dates else None
