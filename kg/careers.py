"""Career spells: the posts of the graph as researchers of careers count them.

The graph records a post as "reported held on date D" (a `holds` edge per report
date, kg/graph.py). A spell gathers the reports of one (person, title, body): its
first and last reported dates, the number of reports (articles) and their sources;
it is not a term of office, whose start and end a paper seldom prints. From spells:

- concurrent posts: spells of one person whose reported ranges overlap, or that one
  issue reports together;
- successors: one body's post of one holder at a time (kg.posts: `single`) reported
  held by another person at a later full date than the last report of the holder
  before (never read from one report, nor from dates without a year);
- supersession: a spell is known to be over once its successor is first reported,
  or once its holder is first reported in another post of at least the same rank
  that is not concurrent with it (a promotion or a move);
- holders of a post on a date, and co-workers (persons with overlapping spells in
  one body).

Dates: reports dated YYYY-MM-DD place a spell in time. A report whose page gives no
year (--MM-DD) stays as it is: it counts as a report and a source, but it never
orders, overlaps or ends anything; such dates sort after the full ones, and give a
spell's first/last reported only when it has no full date.

A post reported without its body is placed in the area of the paper that reported
it when its title names that area's level (副县长 in a county's paper: that county;
县委书记: its 县委, when the graph has it); the others keep no body and no rank.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from .divisions import Division, gazetteer
from .graph import Node, Src, document, facts_in, facts_out, nodes, source_order, ups
from .posts import RANKS, TOWNSHIP, PostInfo, body_kind, classify, head_title

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# a title that names the level of its area: 副县长 (the county), 区委书记 (the district's 区委)
_AREA_TITLE = re.compile(r"(?:常务副|副|代)?(省|市|州|盟|县|区|旗|镇|乡)(长|委书记|委副书记|委常委)")
PERSON_TYPES = ("Official", "Person")


def is_full(d: str) -> bool:
    return bool(FULL_DATE.fullmatch(d))


def date_text(d: str) -> str:
    """A report date as a reader reads it: ISO dates as they are, a date without a year
    as 5月21日 (year unknown)."""
    if d.startswith("--") and len(d) == 7:
        return f"{int(d[2:4])}月{int(d[5:7])}日 (year unknown)"
    return d


def date_order(d: str) -> tuple[int, str]:
    """Full dates in order, then dates without a year, then none."""
    return (0, d) if is_full(d) else (1, d) if d else (2, d)


@dataclass(frozen=True)
class Where:
    """Where a post is held: its body, the area the body lies in and the body's kind."""
    org: str | None           # the body's node id; None when no page names it
    area: str | None          # the area's District node, if the graph has one
    area_name: str            # the area's name ("" unknown)
    area_code: str            # its division code ("" none: a township, a zone, unknown)
    level: str                # of the area: one of kg.posts.LEVELS, or "" unknown
    kind: str                 # of the body: kg.posts.BODY_KINDS, or "" unknown
    placed: bool = False      # the area comes from the paper and the title, not the page's words


@dataclass
class Spell:
    """One person's reports of one post (title) in one body."""
    id: str
    person: str
    title: str
    where: Where
    info: PostInfo
    reported: dict[str, set[str]] = field(default_factory=dict)    # date -> article ids
    evidence: dict[str, list[dict]] = field(default_factory=dict)  # date -> sources (kg/graph.py)
    docs: set[str] = field(default_factory=set)
    quotes: dict[str, str] = field(default_factory=dict)           # article id -> first quote
    concurrent: list[Spell] = field(default_factory=list)
    successors: list[Spell] = field(default_factory=list)
    predecessors: list[Spell] = field(default_factory=list)
    superseded_by: list[Spell] = field(default_factory=list)

    @property
    def org(self) -> str | None:
        return self.where.org

    @cached_property
    def dates(self) -> list[str]:
        """Distinct report dates: full ones in order, then those without a year."""
        return sorted((d for d in self.reported if d), key=date_order)

    @cached_property
    def full(self) -> list[str]:
        return [d for d in self.dates if is_full(d)]

    @property
    def first(self) -> str:
        """First reported: the earliest full date, else the earliest date without a year."""
        return (self.full or self.dates or [""])[0]

    @property
    def last(self) -> str:
        return (self.full or self.dates or [""])[-1]

    @cached_property
    def sources(self) -> list[str]:
        return sorted({a for arts in self.reported.values() for a in arts})

    @property
    def reports(self) -> int:
        return len(self.sources)

    def overlaps(self, other: Spell) -> bool:
        """Reported in one issue, or reported ranges (full dates) that overlap."""
        if self.docs & other.docs:
            return True
        return bool(self.full and other.full) and self.full[0] <= other.full[-1] \
            and other.full[0] <= self.full[-1]

    def key(self) -> tuple:
        return (self.person, date_order(self.first), self.title, self.org or "", self.where.area_name)


def spell_id(person: str, title: str, where: Where) -> str:
    """A stable id: the person's id and a digest of the post (body, or area without one)."""
    body = where.org or f"@{where.area_code or where.area_name}"
    digest = hashlib.sha1(f"{body}\x1f{title}".encode("utf-8")).hexdigest()[:12]
    return f"{person}/{digest}"


def _rank_at_least(a: str, b: str) -> bool:
    """Rank `a` is at least rank `b` (both known)."""
    return a in RANKS and b in RANKS and RANKS.index(a) <= RANKS.index(b)


class Careers:
    """Every spell of a graph, with the ties between them; computed once per graph."""

    def __init__(self, g: nx.MultiDiGraph, persons: set[str] | None = None):
        """Spells of `persons` (default: every Person and Official) in `g`."""
        self.g = g
        self._areas: dict[str, str | None] = {}
        self._where: dict[tuple[str | None, str, str], Where] = {}
        self._districts: dict[str, list[str]] = defaultdict(list)
        self._coded: dict[str, str] = {}
        for d in sorted(nodes(g), key=lambda d: d.id):
            if d.type == "District":
                self._districts[d.label].append(d.id)
                if d.code:
                    self._coded.setdefault(d.code, d.id)
        spells: dict[tuple[str, str, Where], Spell] = {}
        people = sorted(persons) if persons is not None else \
            sorted(d.id for d in nodes(g) if d.type in PERSON_TYPES)
        for p in people:
            for f in sorted(facts_out(g, p), key=lambda f: (f.tail, f.title, f.as_of)):
                if f.is_post:
                    for doc, sources in _by_doc(f.sources):
                        self._report(spells, p, f.title, self._body(f.tail, doc), f.as_of, sources)
            for post in Node(g, p).posts:
                for doc, sources in _by_doc(post.sources):
                    self._report(spells, p, post.title, self._no_body(post.title, doc),
                                 post.as_of, sources)
        self.spells = sorted(spells.values(), key=Spell.key)
        self.by_person: dict[str, list[Spell]] = defaultdict(list)
        self.by_post: dict[tuple[str, str | None], list[Spell]] = defaultdict(list)
        for s in self.spells:
            self.by_person[s.person].append(s)
            if s.org is not None:
                self.by_post[(s.title, s.org)].append(s)
        self._link()

    # -- building -------------------------------------------------------------------

    def _report(self, spells: dict, person: str, title: str, where: Where, as_of: str,
                sources: list[dict]) -> None:
        key = (person, title, where.org, where.area_name if where.org is None else "")
        s = spells.get(key)
        if s is None:
            s = spells[key] = Spell(spell_id(person, title, where), person, title, where,
                                    classify(title, where.kind, where.level))
        arts = s.reported.setdefault(as_of or "", set())
        s.evidence.setdefault(as_of or "", []).extend(sources)
        for src in map(Src, sources):
            arts.add(src.article)
            s.docs.add(src.doc)
            s.quotes.setdefault(src.article, src.quote)

    def _paper(self, doc: str) -> tuple[str | None, Division | None]:
        """The area the paper of `doc` serves: its District node (if one) and division."""
        name = document(self.g, doc).area or ""
        found = self._districts.get(name, [])
        node = found[0] if len(found) == 1 else None
        code = Node(self.g, node).code if node else ""
        div = gazetteer().by_code.get(code) or (gazetteer().lookup(name) if name else None)
        return node, div

    def _area_where(self, org: str | None, node: str | None, div: Division | None, kind: str,
                    placed: bool = False) -> Where:
        if node is not None:
            d = Node(self.g, node)
            return Where(org, node, d.label, d.code, self.level_of(node), kind, placed)
        if div is not None:
            return Where(org, self._coded.get(div.code), div.name, div.code, div.level, kind, placed)
        return Where(org, None, "", "", "", kind, placed)

    def _body(self, org: str, doc: str) -> Where:
        """Where a post in the body `org` is held, as read on a page of `doc`."""
        key = (org, "", doc)
        if key in self._where:
            return self._where[key]
        d = Node(self.g, org)
        area = self.area_of(org)
        if area is not None:
            prefix, div = Node(self.g, area).label, None
        else:           # the graph places the body nowhere: the area its name begins with
            prefix, _ = gazetteer().split_area(d.label)
            paper = self._paper(doc)[1]
            div = gazetteer().lookup(prefix, {paper.code} if paper else set()) if prefix else None
        w = self._where[key] = self._area_where(org, area, div, body_kind(d.label, d.type, prefix))
        return w

    def _no_body(self, title: str, doc: str) -> Where:
        """Where a post printed without its body is held: when its title names a level
        (副县长, 市委常委), the paper's area or the area above it of that level, and that
        area's government (or Party committee, when the graph has it); else the paper's
        area, with no body and no level."""
        key = (None, title, doc)
        if key in self._where:
            return self._where[key]
        node, div = self._paper(doc)
        m = _AREA_TITLE.fullmatch(title)
        target = None
        if m and div is not None:
            target = next((x for x in [div, *gazetteer().ancestors(div)] if x.name.endswith(m.group(1))), None)
        elif m and node is not None and Node(self.g, node).label.endswith(m.group(1)):
            target = node       # a township paper: no division, but its node
        if target is None:
            w = self._area_where(None, node, div, "")
            w = Where(None, w.area, w.area_name, w.area_code, "", "")
        else:
            area = target if isinstance(target, str) else self._coded.get(target.code)
            tdiv = None if isinstance(target, str) else target
            if m.group(2) == "长":
                w = self._area_where(area, area, tdiv, "area", True)
            else:
                label = Node(self.g, area).label if area else tdiv.name
                committee = [n for n in self.g.predecessors(area)
                             if Node(self.g, n).label == label + "委"] if area else []
                w = self._area_where(committee[0] if len(committee) == 1 else None, area, tdiv,
                                     "party_committee", True)
        self._where[key] = w
        return w

    def _up(self, node: str) -> list[str]:
        return ups(self.g, node, ("locatedIn", "subOrganizationOf"))

    def area_of(self, node: str) -> str | None:
        """The District a body lies in: itself, or the nearest up its subOrganizationOf /
        locatedIn chain; of Districts equally near, the one lying deepest in the
        hierarchy (张秋镇党委, under both 张秋镇 and 阳谷县: 张秋镇)."""
        if node in self._areas:
            return self._areas[node]
        seen = {node}
        ring = [node]
        found = None
        while ring and found is None:
            districts = [n for n in ring if Node(self.g, n).type == "District"]
            if districts:
                found = min(districts, key=lambda n: (-self._depth(n), n))
                break
            ring = sorted({v for n in ring for v in self._up(n)} - seen)
            seen |= set(ring)
        self._areas[node] = found
        return found

    def _depth(self, district: str) -> int:
        """How many Districts lie above this one (locatedIn, followed once each)."""
        seen = {district}
        ring = [district]
        while ring:
            ring = sorted({v for n in ring for v in self._up(n) if Node(self.g, v).type == "District"} - seen)
            seen |= set(ring)
        return len(seen) - 1

    def level_of(self, area: str | None) -> str:
        """province, city or county from the area's division code; township by its name."""
        if area is None:
            return ""
        d = Node(self.g, area)
        div = gazetteer().by_code.get(d.code)
        if div is not None:
            return div.level
        return "township" if TOWNSHIP.search(d.label) else ""

    def _link(self) -> None:
        for spells in self.by_person.values():
            for i, a in enumerate(spells):
                for b in spells[i + 1:]:
                    if a.overlaps(b):
                        a.concurrent.append(b)
                        b.concurrent.append(a)
        for (title, org), spells in sorted(self.by_post.items(), key=lambda x: (x[0][0], x[0][1] or "")):
            if org is None or not spells[0].info.single:
                continue
            dated = [s for s in spells if s.full]
            for a in dated:
                later = [b for b in dated if b.person != a.person and b.full[0] > a.full[-1]]
                if later:
                    start = min(b.full[0] for b in later)
                    for b in later:
                        if b.full[0] == start:
                            a.successors.append(b)
                            b.predecessors.append(a)
        for spells in self.by_person.values():
            for a in spells:
                if not a.full:
                    continue
                moved_on = [b for b in spells if b is not a and b.full and b.full[0] > a.full[-1]
                            and b not in a.concurrent and _rank_at_least(b.info.rank, a.info.rank)]
                a.superseded_by = sorted({id(b): b for b in a.successors + moved_on}.values(),
                                         key=Spell.key)
        for s in self.spells:
            for ties in (s.concurrent, s.successors, s.predecessors):
                ties.sort(key=Spell.key)

    # -- questions ------------------------------------------------------------------

    def holders(self, org: str, title: str, on: str) -> list[Spell]:
        """The spells of `title` in `org` current on the ISO date `on`: first reported on
        or before it, and not superseded by a spell first reported on or before it.
        A post of one holder at a time has one, unless reports conflict; a post of
        several (副区长) gives every holder."""
        return [s for s in self.by_post.get((title, org), [])
                if s.full and s.full[0] <= on and not any(b.full[0] <= on for b in s.superseded_by)]

    def coworkers(self) -> list[tuple[str, str, str, str, str]]:
        """(person, person, body, from, to): two persons with overlapping spells in one
        body; from/to bound the overlap of their reported ranges ("" when they overlap
        only by being reported in the same undated issue). Persons in id order."""
        ties: dict[tuple[str, str, str], list[str]] = {}
        by_org: dict[str, list[Spell]] = defaultdict(list)
        for s in self.spells:
            if s.org is not None:
                by_org[s.org].append(s)
        for org, spells in sorted(by_org.items()):
            for i, a in enumerate(spells):
                for b in spells[i + 1:]:
                    if a.person == b.person or not a.overlaps(b):
                        continue
                    p, q = sorted((a.person, b.person))
                    span = ties.setdefault((p, q, org), [])
                    if a.full and b.full and a.full[0] <= b.full[-1] and b.full[0] <= a.full[-1]:
                        span += [max(a.full[0], b.full[0]), min(a.full[-1], b.full[-1])]
        return [(p, q, org, min(span, default=""), max(span, default=""))
                for (p, q, org), span in sorted(ties.items())]

    def panel(self, persons: set[str] | None = None) -> list[dict]:
        """One row per coded area, year and leading post (its Party committee's 书记, its
        government's head): the persons whose reported range meets the year, in order
        of first report; only full dates count. `persons` limits who is counted."""
        leading: dict[tuple[str, str], list[Spell]] = defaultdict(list)
        for s in self.spells:
            w = s.where
            if not w.area_code or not s.full or (persons is not None and s.person not in persons):
                continue
            if s.info.post_class == "party_secretary" and w.kind in ("party_committee", "area"):
                leading[(w.area_code, "书记")].append(s)
            elif s.info.post_class == "government_head" and w.kind in ("area", "government"):
                leading[(w.area_code, head_title(w.area_name) or "政府正职")].append(s)
        rows = []
        for (code, post), spells in leading.items():
            w = spells[0].where
            first = min(int(s.full[0][:4]) for s in spells)
            for y in range(first, max(int(s.full[-1][:4]) for s in spells) + 1):
                held = sorted((s for s in spells if int(s.full[0][:4]) <= y <= int(s.full[-1][:4])),
                              key=lambda s: (s.full[0], s.person))
                if not held:
                    continue
                reports = {a for s in held for day, arts in s.reported.items()
                           if is_full(day) and int(day[:4]) == y for a in arts}
                rows.append({"code": code, "area": w.area_name, "level": w.level, "year": y,
                             "post": post, "spells": held, "reports": len(reports)})
        rows.sort(key=lambda r: (r["code"], r["year"], r["post"] != "书记", r["post"]))
        return rows


def _by_doc(sources: list[dict]) -> list[tuple[str, list[dict]]]:
    """Sources grouped by document, in order: each page may place a post differently."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for src in sorted(sources, key=source_order):
        by_doc[Src(src).doc].append(src)
    return sorted(by_doc.items())


def holders(g: nx.MultiDiGraph, org: str, title: str, on: str) -> list[str]:
    """Who held `title` in `org` on the ISO date `on` (see Careers.holders), by id."""
    people = {f.head for f in facts_in(g, org) if f.is_post and f.title == title}
    people |= {d.id for d in nodes(g) if d.type in PERSON_TYPES and any(p.title == title for p in d.posts)}
    return sorted({s.person for s in Careers(g, people).holders(org, title, on)})
