"""Entity resolution: mentions -> one entity per real thing, in a document and across them.

Within a document, forms of one name merge (技师学院 -> 聊城技师学院, 泛华集团 ->
泛华建设集团有限公司). Across documents, organisations and districts merge by
canonical name; persons merge by name only when their posts, organisations or
areas are compatible, so two 张明 of different counties stay two nodes.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from . import lexicon
from .divisions import gazetteer
from .extractors.base import DocContext
from .model import (DocEntity, DocExtraction, Entity, Evidence, Mention, Post, PostMention,
                    Relation, RelationMention)

ORG_TYPES = ("Agency", "Company", "Organization")
TYPE_PRIORITY = {"Official": 0, "District": 1, "Agency": 2, "Organization": 3, "Company": 4,
                 "Place": 5, "Initiative": 6, "Person": 7}
COMPANY_TAILS = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团有限公司|集团|公司|"
                           r"建设|科技|实业|发展|控股)+$")


def _company_key(name: str) -> str:
    g = gazetteer()
    core = name
    for n in range(min(6, len(core) - 2), 1, -1):
        if core[:n] in g.by_name or core[:n] in g.by_short:
            core = core[n:]
            break
    return COMPANY_TAILS.sub("", core)


def resolve_document(ctx: DocContext) -> DocExtraction:
    """Group a document's mentions into entities with canonical names and aliases."""
    mentions = _drop_nested(ctx, [m for m in ctx.mentions if m.name.strip()])
    canon = _alias_map(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        m.name = canon.get(m.name, m.name)
        groups[m.name].append(m)
    official_people = {p.person for p in ctx.posts if p.title in lexicon.OFFICIAL_TITLES}
    entities = []
    for name, ms in groups.items():
        types = [m.type for m in ms]
        if "Official" in types or name in official_people and set(types) <= {"Person", "Official"}:
            type_ = "Official" if name not in {b.name for a in ctx.articles for b in a.bylines} else "Person"
        else:
            type_ = min(set(types), key=lambda t: (-types.count(t), TYPE_PRIORITY[t]))
        aliases = sorted({m.text for m in ms if m.text != name})
        d = ctx.divisions.get(name)
        entities.append(DocEntity(name=name, type=type_, aliases=aliases,
                                  mentions=sorted(ms, key=lambda m: m.start),
                                  code=d.code if d else None))
    entities.sort(key=lambda e: e.mentions[0].start)
    names = {e.name for e in entities}
    posts = _dedupe_posts([PostMention(canon.get(p.person, p.person), p.title,
                                       canon.get(p.org, p.org) if p.org else None, p.evidence)
                           for p in ctx.posts])
    rels = []
    seen = set()
    for r in ctx.relations:
        h, t = canon.get(r.head, r.head), canon.get(r.tail, r.tail)
        if h == t or h not in names or t not in names:
            continue
        key = (h, r.rel, t) if r.rel != "cooperatesWith" else (min(h, t), r.rel, max(h, t))
        if key not in seen:
            seen.add(key)
            rels.append(RelationMention(h, r.rel, t, r.evidence))
    return DocExtraction(document=ctx.doc, masthead=ctx.masthead, articles=ctx.articles,
                         entities=entities, posts=posts, relations=rels)


def _drop_nested(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Districts named only inside a longer name (阳谷 in 阳谷华泰) are not entities of the page."""
    outer = [m for m in mentions if m.type != "District"]
    standalone = set()
    for m in mentions:
        if m.type == "District" and not any(o.start <= m.start and m.end <= o.end and
                                            (o.end - o.start) > (m.end - m.start) for o in outer):
            standalone.add(m.name)
    # inner mentions of Initiatives are not entities either (“高兴办” inside its alias)
    return [m for m in mentions if m.type != "District" or m.name in standalone]


def _alias_map(mentions: list[Mention]) -> dict[str, str]:
    """Map each short form onto the fullest name of the same thing in the document."""
    canon: dict[str, str] = {}
    g = gazetteer()
    names_by_type: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        names_by_type[m.type].add(m.name)
    for t in ORG_TYPES + ("Place",):
        names = sorted(names_by_type[t], key=len, reverse=True)
        for short in names:
            for full in names:
                if len(full) <= len(short) or full in canon:
                    continue
                prefix = full[: len(full) - len(short)]
                if full.endswith(short) and (prefix in g.by_name or prefix in g.by_short or
                                             prefix[:-1] in g.by_name or len(prefix) <= 3):
                    canon[short] = full
                    break
                if t == "Company" and len(_company_key(short)) >= 2 and \
                        _company_key(full).startswith(_company_key(short)):
                    canon[short] = full
                    break
    # chains: a -> b -> c
    for k in list(canon):
        seen = {k}
        while canon[k] in canon and canon[k] not in seen:
            seen.add(canon[k])
            canon[k] = canon[canon[k]]
    return canon


def _dedupe_posts(posts: list[PostMention]) -> list[PostMention]:
    out: dict[tuple[str, str], PostMention] = {}
    for p in posts:
        key = (p.person, p.title)
        if key not in out or (out[key].org is None and p.org):
            out[key] = p
    return list(out.values())


# ---- across documents ----------------------------------------------------------------

def entity_id(type_: str, key: str) -> str:
    """A stable id from type and identity key: the same thing gets the same id in every build."""
    h = hashlib.sha1(f"{type_}\x1f{key}".encode("utf-8")).hexdigest()[:12]
    return f"{type_.lower()}-{h}"


def resolve_corpus(docs: list[DocExtraction]) -> tuple[dict[str, Entity], list[Post], list[Relation]]:
    """Merge document entities into corpus entities.

    Rule (conservative): non-person entities merge when type and canonical name agree
    (Districts by official code where they have one). Persons merge across documents
    when the name agrees and they share an organisation or area through their posts,
    or neither has any post-bearing context; otherwise each keeps its own node.
    """
    entities: dict[str, Entity] = {}
    post_orgs: dict[tuple[str, str], set[str]] = defaultdict(set)   # (doc, person) -> orgs/areas
    for d in docs:
        for p in d.posts:
            if p.org:
                post_orgs[(d.document.id, p.person)].add(p.org)
    person_keys: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    local: dict[tuple[str, str], str] = {}     # (doc, name) -> entity id
    for d in sorted(docs, key=lambda x: x.document.id):
        for e in d.entities:
            if e.type in ("Person", "Official"):
                ctx_orgs = post_orgs.get((d.document.id, e.name), set())
                key = _person_key(person_keys, e.name, ctx_orgs, d.document.id)
                eid = entity_id("Person", key)
            else:
                key = e.code or e.name
                eid = entity_id(e.type, key)
            ent = entities.get(eid)
            if ent is None:
                ent = entities[eid] = Entity(id=eid, name=e.name, type=e.type, code=e.code)
            ent.aliases |= set(e.aliases) | ({e.name} - {ent.name})
            if e.type == "Official":
                ent.type = "Official"
            if len(e.name) > len(ent.name) and e.type not in ("Person", "Official"):
                ent.aliases.add(ent.name)
                ent.name = e.name
            ent.mentions.extend((d.document.id, m) for m in e.mentions)
            local[(d.document.id, e.name)] = eid
    for ent in entities.values():
        ent.aliases.discard(ent.name)
    posts: dict[tuple, Post] = {}
    relations: dict[tuple, Relation] = {}
    for d in docs:
        doc_id = d.document.id
        date = _doc_date(d)
        for p in d.posts:
            pid = local.get((doc_id, p.person))
            if not pid:
                continue
            oid = local.get((doc_id, p.org)) if p.org else None
            as_of = _article_date(d, p.evidence) or date
            key = (pid, p.title, oid, as_of)
            post = posts.setdefault(key, Post(pid, p.title, oid, as_of))
            post.sources.append((doc_id, p.evidence))
        for r in d.relations:
            h, t = local.get((doc_id, r.head)), local.get((doc_id, r.tail))
            if not h or not t:
                continue
            if r.rel == "cooperatesWith" and t < h:
                h, t = t, h
            rel = relations.setdefault((h, r.rel, t), Relation(h, r.rel, t))
            rel.sources.append((doc_id, r.evidence))
    return entities, sorted(posts.values(), key=lambda p: (p.person, p.title, p.org or "", p.as_of or "")), \
        sorted(relations.values(), key=lambda r: (r.head, r.rel, r.tail))


def _person_key(seen: dict, name: str, orgs: set[str], doc_id: str) -> str:
    """Identity key of a person: the name, qualified by its first distinct context."""
    for i, (key, ctx_orgs) in enumerate(seen[name]):
        if not orgs or not ctx_orgs or orgs & ctx_orgs:
            ctx_orgs |= orgs
            return key
    key = name if not seen[name] else f"{name}\x1f{sorted(orgs)[0]}"
    seen[name].append((key, set(orgs)))
    return key


def _doc_date(d: DocExtraction) -> str | None:
    return d.masthead.date


def _article_date(d: DocExtraction, ev: Evidence) -> str | None:
    if 0 <= ev.article < len(d.articles) and d.articles[ev.article].dates:
        return d.articles[ev.article].dates[0]
    return None
