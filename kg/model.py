"""Data classes that flow between pipeline stages.

The ones a corpus holds millions of (mentions, sentences, evidence) have __slots__:
a third of the memory of a dict per instance.

read -> Document; segment -> Article; extract -> Mention/PostMention/RelationMention
collected in a DocExtraction; resolve -> Entity/Post/Relation in a Corpus.
Offsets in Mention etc. are into Document.text (the cleaned text); Document.raw_span
maps them back to the decoded file text, which is what researchers cite.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from operator import attrgetter
from dataclasses import dataclass, field

from . import types as _types
from .provenance import article_id

ENTITY_TYPES = tuple(_types.ENTITIES)                     # kg.types is the registry
ORGANISATION_TYPES = tuple(sorted(_types.BODIES))         # the types a body can have


@dataclass(frozen=True)
class Document:
    """One input file, decoded; `text` is normalised with PDF line breaks repaired.

    Frozen, as what flows between stages is: a stage that changes a document makes a
    new one (dataclasses.replace), so no later reader finds it altered under it."""
    id: str            # file name relative to the input root, e.g. "000_abc.txt"
    path: str
    raw: str           # decoded text, exactly as cited by offsets
    text: str          # cleaned text the extractors read
    origin: array  # origin[i] = index in raw of text[i]; len(text)+1 entries (4-byte ints)
    encoding: str = "utf-8"    # of a text file; or the format the text came from (pdf, html, docx)
    date: str | None = None    # ISO issue date the file's metadata gives (a web page's), not what it prints
    starts: list[int] = field(default_factory=list)    # offsets in text where the layout begins an article
    warnings: list[str] = field(default_factory=list)  # what reading it left in doubt, the file named

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` onto `raw`."""
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Byline:
    name: str
    role: str          # 记者, 通讯员, 摄影 ...
    start: int
    end: int


@dataclass
class Masthead:
    """What the page says about its paper: name, issue date, and the area it serves."""
    paper: str | None = None
    date: str | None = None        # ISO date of the issue
    year: int | None = None
    date_source: str | None = None   # where the date came from: "masthead", "metadata", "table", "option", "file name"
    page: str | None = None          # the page number (第3版: "3"), printed or from the page table
    area: str | None = None        # canonical District the paper serves (聊城市, 东昌府区)


_START = attrgetter("start")


@dataclass
class Article:
    doc: str
    index: int
    start: int
    end: int
    title: str | None = None
    bylines: list[Byline] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)   # event dates, ISO or --MM-DD
    place: str | None = None   # where it was filed from, as its dateline says (本报成都1月5日电)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return article_id(self.doc, self.index)

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding `pos`; 0 when it lies between sentences."""
        j = bisect_right(self.sentences, pos, key=_START) - 1
        return j if j >= 0 and pos < self.sentences[j].end else 0


@dataclass(slots=True)
class Mention:
    """A span of text naming an entity of a type; `name` is its canonical form in the document."""
    text: str
    type: str
    start: int
    end: int
    name: str = ""
    rule: str = ""     # what found it: "component:rule" (persons:title chain, tagged:body)

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.text

    @property
    def component(self) -> str:
        """The registered extractor component that found it (kg.extractors.PIPELINE)."""
        return self.rule.partition(":")[0]


@dataclass(slots=True)
class Evidence:
    """Where a fact was read: article index, sentence index and the clean-text span."""
    article: int
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class PostMention:
    person: str
    title: str
    org: str | None
    evidence: Evidence


@dataclass(slots=True)
class RelationMention:
    head: str
    rel: str
    tail: str
    evidence: Evidence


@dataclass
class DocEntity:
    name: str
    type: str
    aliases: list[str]
    mentions: list[Mention]
    code: str | None = None     # administrative-division code, for Districts
    pinyin: str = ""            # of `name`: made with the extraction, in parallel and cached


@dataclass(frozen=True)
class DocExtraction:
    """Everything extracted from one document, entities resolved within it.

    Frozen: the build derives new extractions from it (its record added, its text
    dropped once written: kg.pipeline) instead of blanking fields in place."""
    document: Document
    masthead: Masthead
    articles: list[Article]
    entities: list[DocEntity]
    posts: list[PostMention]
    relations: list[RelationMention]
    warnings: list[str] = field(default_factory=list)
    # its GUIDELINES record as one line of extraction.jsonl, made where the document is
    # extracted (kg.pipeline.extract_one); "" before that, and in the extraction the
    # build keeps once the line is written (kg.pipeline.without_text)
    record_json: str = ""

    def evidence(self, start: int, end: int) -> Evidence:
        """Where the span [start, end) was read: its article and sentence (sentence 0 when
        it lies between sentences; article 0 when it lies outside every article).
        Articles follow each other on the page (articles.segment makes them from lines
        in order), so the one holding `start` is found by bisection, as DocContext does."""
        k = bisect_right(self.articles, start, key=_START)
        a = self.articles[k - 1] if k else None
        if a is not None and start < a.end:
            return Evidence(a.index, a.sentence_at(start), start, end)
        return Evidence(0, 0, start, end)


@dataclass
class Entity:
    """A corpus-level node: one real thing across all documents."""
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    code: str | None = None
    mentions: list[tuple[str, Mention]] = field(default_factory=list)  # (doc id, mention)
    pinyin: str = ""            # of `name`


@dataclass
class Post:
    person: str        # entity id
    title: str
    org: str | None    # entity id
    as_of: str | None  # ISO or --MM-DD date of the article that reports it
    sources: list[tuple[str, Evidence]] = field(default_factory=list)


@dataclass
class Relation:
    head: str          # entity id
    rel: str
    tail: str
    sources: list[tuple[str, Evidence]] = field(default_factory=list)
    # what establishes the fact when no sentence does: "divisions" (the official division
    # data), whose sources are only where the names were read; "" for a fact read in text
    derived: str = ""
