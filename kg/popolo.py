"""Career spells as Popolo JSON (https://www.popoloproject.com/specs/): the format of
EveryPolitician, OpenSanctions' importers and Popolo-aware tools.

persons, organizations, areas and memberships, one membership per spell
(kg.careers). A membership's `start_date` and `end_date` are the spell's first and
last *reported* dates, not the dates of appointment and departure, which papers
seldom print; dates without a year are left out of them and kept in `reported`.
Each membership cites its articles as `sources`, linked by the article's IRI in the
RDF view (kg.rdf) with the sentence that reports the post as the note. Fields
Popolo does not define (post_class, rank, line, reports, reported, placed) are
kg's own. A District stands for its government when it is a membership's
organisation (as in the RDF view), and is an area too.
"""
from __future__ import annotations

import networkx as nx

from .careers import Careers
from .graph import node, ups
from .rdf import IRIs

CODE_SCHEME = "GB/T 2260"       # China's administrative-division codes (12 digits here)


def _area_id(node: str | None, code: str, name: str) -> str:
    return f"area/{node}" if node else f"area/{code or name}"


def popolo(g: nx.MultiDiGraph, careers: Careers, persons: set[str], base_iri: str) -> dict:
    """The Popolo document of the spells of `persons`, deterministic (sorted by id)."""
    iri = IRIs(base_iri)
    people: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    areas: dict[str, dict] = {}
    memberships = []

    def area(where: str | None, code: str, name: str, level: str) -> str:
        aid = _area_id(where, code, name)
        if aid not in areas:
            a = {"id": aid, "name": name, "classification": level or "unknown"}
            if code:
                a["identifiers"] = [{"scheme": CODE_SCHEME, "identifier": code}]
            areas[aid] = a
            above = [v for v in ups(g, where, ("locatedIn",)) if node(g, v).type == "District"] \
                if where else []
            if above:
                d = node(g, above[0])
                a["parent_id"] = area(above[0], d.code, d.label, careers.level_of(above[0]))
        return aid

    for s in careers.spells:
        if s.person not in persons:
            continue
        d = node(g, s.person)
        if s.person not in people:
            other = [{"name": d.pinyin, "note": "pinyin"}] if d.pinyin else []
            other += [{"name": a, "note": "alias"} for a in d.aliases]
            people[s.person] = {"id": s.person, "name": d.label, "other_names": other}
        w = s.where
        m = {"id": s.id, "person_id": s.person, "role": s.title,
             "post_class": s.info.post_class, "rank": s.info.rank, "line": s.info.line,
             "reports": s.reports, "reported": s.dates, "placed": w.placed}
        if w.area_name:
            m["area_id"] = area(w.area, w.area_code, w.area_name, w.level)
        if w.org:
            o = node(g, w.org)
            if w.org not in orgs:
                orgs[w.org] = {"id": w.org, "name": o.label, "classification": w.kind or o.type}
                if w.area_name:
                    orgs[w.org]["area_id"] = m["area_id"]
                if o.code:
                    orgs[w.org]["identifiers"] = [{"scheme": CODE_SCHEME, "identifier": o.code}]
                parent = ups(g, w.org, ("subOrganizationOf",))
                if parent:
                    orgs[w.org]["parent_id"] = parent[0]
            m["organization_id"] = w.org
        if s.full:
            m["start_date"], m["end_date"] = s.full[0], s.full[-1]
        m["sources"] = [{"url": iri.article(a)[1:-1], "note": s.quotes.get(a, "")} for a in s.sources]
        memberships.append(m)
    # a parent organisation named only as a parent is an organisation too
    for oid in sorted({o["parent_id"] for o in orgs.values() if "parent_id" in o} - set(orgs)):
        o = node(g, oid)
        orgs[oid] = {"id": oid, "name": o.label, "classification": "area" if o.type == "District" else o.type}
    return {"persons": sorted(people.values(), key=lambda x: x["id"]),
            "organizations": sorted(orgs.values(), key=lambda x: x["id"]),
            "areas": sorted(areas.values(), key=lambda x: x["id"]),
            "memberships": sorted(memberships, key=lambda x: x["id"])}

