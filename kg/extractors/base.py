"""What extractor components share: the per-document context and the name chunker."""
from __future__ import annotations

import bisect
from functools import lru_cache
from operator import attrgetter
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Sequence

from .. import lexicon
from ..articles import DATELINE, DATELINE_CREDIT
from ..divisions import Division, countries, gazetteer
from ..model import (Article, Document, Evidence, Masthead, Mention, PostMention, Sentence,
                     RelationMention)
from ..segment import Token, segmenter

if TYPE_CHECKING:
    from ..tagger import Span

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class DocContext:
    """A document under extraction: components read it and add mentions, posts, relations."""
    doc: Document
    masthead: Masthead
    articles: list[Article]
    mentions: list[Mention] = field(default_factory=list)
    posts: list[PostMention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    divisions: dict[str, Division] = field(default_factory=dict)   # canonical name -> division
    area: Division | None = None          # the area the paper serves
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    memo: dict[str, dict] = field(default_factory=dict)   # per-page results a component reuses
    _spans: dict[tuple[int, int], Mention] = field(default_factory=dict)
    _mention_starts: list[tuple[int, int]] = field(default_factory=list)   # (start, index), sorted
    _longest: int = 0
    _starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text

    def sentences(self):
        """(article index, sentence index, Sentence) over the whole document."""
        for a in self.articles:
            for j, s in enumerate(a.sentences):
                yield a.index, j, s

    def tokens(self, sent) -> list[Token]:
        if sent.start not in self._tokens:
            self._tokens[sent.start] = segmenter().tokens(sent.text, sent.start)
        return self._tokens[sent.start]

    def evidence(self, start: int, end: int) -> Evidence:
        """Article and sentence holding a span."""
        if not self._starts:
            self._starts = [a.start for a in self.articles]
        ai = max(bisect.bisect_right(self._starts, start) - 1, 0)
        art = self.articles[ai] if self.articles else None
        return Evidence(art.index, art.sentence_at(start), start, end) if art else Evidence(0, 0, start, end)

    def article_at(self, pos: int) -> Article | None:
        ev = self.evidence(pos, pos)
        return self.articles[ev.article] if self.articles else None

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding `pos` (None between sentences)."""
        art = self.article_at(pos)
        if art is None or not art.sentences:
            return None
        sent = art.sentences[art.sentence_at(pos)]
        return sent if sent.start <= pos < sent.end else None

    def token_at(self, pos: int) -> Token | None:
        """jieba's word holding the character at `pos`, in its sentence."""
        sent = self.sentence_at(pos)
        return next((t for t in self.tokens(sent) if t.start <= pos < t.end), None) if sent else None

    def add(self, text: str, type_: str, start: int, end: int, name: str = "",
            rule: str = "") -> Mention | None:
        """Add a mention unless one of the same span already exists, or the text is
        no name of anything: blank, or government's tiers alone (`lexicon.LEVELS_ONLY`)."""
        if not text.strip() or start >= end or lexicon.LEVELS_ONLY.fullmatch(text):
            return None
        if (start, end) in self._spans:
            return self._spans[(start, end)]
        m = Mention(text=text, type=type_, start=start, end=end, name=name or text, rule=rule)
        bisect.insort(self._mention_starts, (start, len(self.mentions)))
        self.mentions.append(m)
        self._spans[(start, end)] = m
        self._longest = max(self._longest, end - start)
        return m

    def add_division(self, d: Division, start: int, end: int, rule: str) -> Mention | None:
        """Add a mention of a division of the data the text names at [start, end), and keep
        the division among the page's for the areas resolved later."""
        self.divisions[d.name] = d
        return self.add(self.text[start:end], "District", start, end, name=d.name, rule=rule)

    def reshape(self, old: Mention, start: int, end: int, type_: str = "", name: str = "",
                rule: str = "") -> Mention:
        """Replace a mention by another span over the same thing: the tail of a name
        the rules ran too far left (会见|某某促进会), the whole of a name they cut short
        (墨西哥|城); the posts that named its body by the old name follow. A `rule`
        says the mention is now another reading's (陈|桂林 read as a person)."""
        a = bisect.bisect_left(self._mention_starts, (old.start, -1))
        i = next(k for s, k in self._mention_starts[a:] if self.mentions[k] is old)
        text = self.text[start:end]
        new = Mention(text=text, type=type_ or old.type, start=start, end=end, name=name or text,
                      rule=rule or old.rule)
        self.mentions[i] = new
        del self._spans[(old.start, old.end)]
        self._spans[(start, end)] = new
        self._mention_starts.remove((old.start, i))
        bisect.insort(self._mention_starts, (start, i))
        self._longest = max(self._longest, end - start)
        self.posts = [PostMention(p.person, p.title, new.name if p.org == old.name else p.org, p.evidence)
                      for p in self.posts]
        return new

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in [lo, hi), by start, ties in the order they were found."""
        a = bisect.bisect_left(self._mention_starts, (lo, -1))
        b = bisect.bisect_left(self._mention_starts, (hi, -1))
        return [self.mentions[i] for _, i in self._mention_starts[a:b]]

    def first_ending_at(self, pos: int, types: tuple[str, ...]) -> Mention | None:
        """The first-found mention of the given types that ends at `pos`."""
        a = bisect.bisect_left(self._mention_starts, (pos - self._longest, -1))
        b = bisect.bisect_left(self._mention_starts, (pos, -1))
        hits = [i for _, i in self._mention_starts[a:b]
                if self.mentions[i].end == pos and self.mentions[i].type in types]
        return self.mentions[min(hits)] if hits else None

    def nearest_before(self, pos: int, ok: Callable[[Mention], bool]) -> Mention | None:
        """The mention passing `ok` that starts last before `pos` in the same article."""
        art = self.article_at(pos)
        cands = [m for m in self.mentions_between(art.start if art else 0, pos) if ok(m)]
        return max(cands, key=lambda m: m.start) if cands else None

    def mentions_over(self, pos: int) -> list[Mention]:
        """Mentions that could contain position `pos` (start within the longest length before it)."""
        return self.mentions_between(pos - self._longest, pos + 1)

    def _overlap_ids(self, start: int, end: int, types: tuple[str, ...]) -> list[int]:
        """Indexes of the mentions overlapping the span (of the given types, or any).

        Only mentions starting within the longest mention's length before `start` can
        reach it, so a bisect on starts replaces a scan of the page's mentions."""
        lo = bisect.bisect_left(self._mention_starts, (start - self._longest, -1))
        hi = bisect.bisect_left(self._mention_starts, (end, -1))
        return [i for s, i in self._mention_starts[lo:hi]
                if start < self.mentions[i].end and (not types or self.mentions[i].type in types)]

    def overlapping(self, start: int, end: int, types: tuple[str, ...] = ()) -> list[Mention]:
        """Mentions overlapping the span (of the given types, or any), in the order added."""
        return [self.mentions[i] for i in sorted(self._overlap_ids(start, end, types))]

    def covered(self, start: int, end: int, types: tuple[str, ...] = ()) -> Mention | None:
        """The first-added mention overlapping the span (of the given types, or any)."""
        hits = self._overlap_ids(start, end, types)
        return self.mentions[min(hits)] if hits else None

    def relate(self, head: str, rel: str, tail: str, start: int, end: int) -> None:
        """Add a relation, unless it relates a name to itself or sets a continent or a
        world region or its area (欧洲, 中东, 中亚地区) in a place: whichever rule read it so
        (在英国……融入欧洲; 俄在整个中亚地区 in an article from Moscow)."""
        if head and tail and head != tail and not (rel == "locatedIn" and lexicon.world_region(head)):
            self.relations.append(RelationMention(head, rel, tail, self.evidence(start, end)))

    # ---- areas -------------------------------------------------------
    def paper_city(self) -> Division | None:
        """The city the paper serves: its own area when that is a city (prefecture or
        county-level, 林州市), else the area's parent city (东昌府区 -> 聊城市)."""
        if self.area is None:
            return None
        if self.area.level == "city" or self.area.name.endswith("市"):
            return self.area
        return gazetteer().parent(self.area)

    def _written_with_other_level(self, short: str, level_char: str) -> bool:
        """Whether the page writes a short form with another level than `level_char`
        (沾化 and 沾化县 on a 1998 page: the county today's 沾化区 was, so not what 全区 means)."""
        key = (short, level_char)
        seen = self.memo.setdefault(WRITTEN_LEVELS_MEMO, {})
        if key not in seen:
            seen[key] = any(c != level_char and short + c in self.text for c in lexicon.AREA_LEVEL_CHARS
                            if not short.endswith(c))
        return seen[key]

    def area_for(self, level_char: str, pos: int, nearest_first: bool = False) -> Division | None:
        """What 市/区/县/省 means at `pos`.

        The paper's own area or its ancestor whose name ends so (曲阜日报: 市 is the
        county-level 曲阜市, not 济宁市) or, in an article filed from elsewhere, its
        dateline's area; else the nearest such area named before it in the article;
        `nearest_first` (该县) prefers the one just named."""
        art = self.article_at(pos)
        lo = art.start if art else 0
        if level_char in TOWN_LEVELS:
            # 镇便民服务中心, 村党支部: the town or village named last before it in the article
            towns = [m for m in self.mentions_between(lo, pos) if m.type == "District"
                     and m.name.endswith(level_char)]
            if towns:
                t = max(towns, key=lambda m: m.start)
                return Division(code="", name=t.name, level="town", parent=None)
            return None
        if level_char not in lexicon.AREA_LEVEL_CHARS:
            return None

        def fits(d: Division) -> bool:
            if level_char == "省":    # a province (not 北京市 of a national round-up's 全省)
                return d.level == "province" and d.name.endswith("省")
            # a municipality's 市 and an autonomous region's 区 (全区 in Tibet) are provinces'
            return d.name.endswith(level_char) and (d.level != "province" or level_char in "市区")

        near = None
        for m in self.mentions_between(lo, pos):
            if near is not None and m.start <= near[0]:
                continue
            if m.type == "Agency" and m.name == m.text:
                # 安徽省委、省政府办公厅…省委: the area a body named in full begins with
                d = full_area_prefix(m.name)
                if d is not None and fits(d):
                    near = (m.start, d)
                continue
            if m.type != "District":
                continue
            if m.name in self.divisions and m.rule != RELATIVE_AREA_RULE and fits(self.divisions[m.name]) \
                    and not self._written_with_other_level(m.text, level_char):
                near = (m.start, self.divisions[m.name])
            elif m.rule == ZONE_RULE and m.name.endswith(level_char):
                # 开发区的诊所向区行政审批服务局申请: a zone is an area its 区 may mean
                near = (m.start, Division(code="", name=m.name, level="zone", parent=None))
        # an article filed from elsewhere (本报成都1月5日电) speaks of its dateline's area
        dateline = gazetteer().lookup(art.place) if art and art.place else None
        home = dateline or self.area
        # a city paper's 全区 is one of its districts, not the autonomous region above it
        paper = next((d for d in ([home, *gazetteer().ancestors(home)] if home else [])
                      if fits(d) and not (level_char == "区" and d.level == "province" and d != home)), None)
        if nearest_first and near:
            return near[1]
        just_named = near is not None and \
            self.evidence(pos, pos).sentence - self.evidence(near[0], near[0]).sentence <= 1
        if just_named and level_char == "市" and paper and paper.level == "city" \
                and near[1].level == "county" and paper in gazetteer().ancestors(near[1]):
            return near[1]    # 宜城市在全市开展…，市住建局: in a 襄阳 paper, 宜城市's bureau
        # no masthead or local lead (东昌府讯) names the paper's area: the words just before
        # do, and so does any area named before where the article has not yet named the
        # dateline's or the one guessed for the page (本报杭州电…台州市…。…全市;
        # 广州市副市长…。…。市政府 before 深圳 is named)
        if near is not None and not self.masthead.paper \
                and LOCAL_LEAD.search(self.text, max(0, lo - 1), lo + 80) is None and (
                    just_named or paper is None or not any(
                        m.type == "District" and m.name == paper.name
                        and not (art and m.text == art.place and m.start < lo + DATELINE_REACH)
                        for m in self.mentions_between(lo, pos))):
            return near[1]
        return paper or (near[1] if near else None)


Component = Callable[[DocContext], None]
DATELINE_REACH = 60      # how far into an article its dateline's place is written (title, then 本报杭州电)
DATELINES_MEMO = "datelines"               # DocContext.memo: sentence start -> its datelines' spans
WRITTEN_LEVELS_MEMO = "written levels"     # DocContext.memo: (short form, level) -> written otherwise

# a local paper's own dateline at an article's start (东昌府讯, 聊城讯): the paper's area is
# its own, not only guessed from the names the page repeats
LOCAL_LEAD = re.compile(r"(?:^|\n)[ \t　]*(?!本报)[\u4e00-\u9fff]{2,6}讯")

# levels below the county that 镇/街道/村 before a body refer to, resolved from the article
TOWNS = ("镇", "乡", "街道", "苏木")        # 苏木: Inner Mongolia's town level
VILLAGES = ("社区", "村", "嘎查")           # 嘎查: its village level
TOWN_LEVELS = TOWNS + VILLAGES
# the rule of an area's relative form (全市, 我市, 该县: kg.extractors.districts)
RELATIVE_AREA_RULE = "districts:relative"
# the rule of a development zone or new district (聊城开发区, 高铁新区: kg.extractors.districts)
ZONE_RULE = "districts:zone"
# the rule of a country named in passing (英国, 美国: kg.extractors.districts), which acts in no clause
COUNTRY_RULE = "districts:country"

# the last characters of a division's name (国 for countries, 苏木 and 嘎查 Inner Mongolia's)
DIVISION_SUFFIXES = ("国", "省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "村", "街道", "社区",
                     "自治区", "特别行政区", "苏木", "嘎查")


@lru_cache(maxsize=4096)
def full_area_prefix(name: str) -> Division | None:
    """The division whose full name a body's name begins with, longest first (安徽省|委;
    `Gazetteer.split_area` leaves two characters and reads short forms too). Cached:
    `area_for` asks it of every body before a relative level, many times a page."""
    g = gazetteer()
    return next((g.lookup(name[:k]) for k in range(len(name) - 1, 1, -1) if name[:k] in g.by_name), None)


def division_chain(text: str) -> list[tuple[int, int]]:
    """A name that is a chain of divisions (湖北省|荆州市, 延庆县|下屯乡, 广州市|白云区)
    split into them, as each is named on its own; any other name whole. A link ends
    in a division suffix, the next does not begin with one (广州|市白云区 is no split)
    nor with an autonomous area's words (内蒙古|自治区)."""
    for k in range(2, len(text) - 1):
        head, rest = text[:k], text[k:]
        if head.endswith(DIVISION_SUFFIXES) and rest.endswith(DIVISION_SUFFIXES) and len(rest) >= 2 \
                and not rest.startswith((*DIVISION_SUFFIXES, "自治", "特别")):
            return [(0, k), *((k + a, k + b) for a, b in division_chain(rest))]
    return [(0, len(text))]


def glued_former(ctx: DocContext, start: int, end: int) -> bool:
    """Whether a name from `start` (to `end`) begins with 原 (former) that jieba's guess glued
    to a word (原省|电力局, 原北|石店乡党委, 以原|城区区委): no division begins with it
    (原平市, 原阳县)."""
    if ctx.text[start:start + 1] != lexicon.FORMERLY or start + 2 >= end:
        return False
    tok = ctx.token_at(start)
    return tok is not None and tok.tag == "x" \
        and not any(m.start == start for m in ctx.mentions_between(start, start + 1) if m.type == "District") \
        and gazetteer().split_area(ctx.text[start:end])[0] == ""


def nested_divisions(text: str) -> list[tuple[int, int]] | None:
    """A province or city and a division in it written together by their short names
    (山西太原, jieba's one word): the two, where the data puts the second in the first;
    else None."""
    g = gazetteer()
    for k in range(2, len(text) - 1):
        outer = g.lookup(text[:k])
        inner = g.lookup(text[k:], {outer.code}) if outer is not None else None
        if inner is not None and outer in g.ancestors(inner):
            return [(0, k), (k, len(text))]
    return None


# jieba's frequency under which a character it tags zg (很, 此, 每 and thousands of rare
# ones) is a rare character, of the kind place and firm names use (埭, 垟, 札): the
# function characters it tags so are all over 10,000
RARE_CHAR = 1000


def rare(word: str) -> bool:
    """A word or character jieba rarely sees on its own (frequency under RARE_CHAR)."""
    return segmenter().tk.FREQ.get(word, 0) < RARE_CHAR


def former_division(name: str) -> Division | None:
    """The division a page names by a name it no longer bears (延庆县: 延庆区), unless the
    suffix is read into a word with the character before it (大|城市, 新|城区); a word that
    is another division's name is no such word (玉|环县: 玉环县, though Gansu has 环县)."""
    d = gazetteer().former(name)
    if d is None:
        return None
    core = name[:-1] if not name.endswith("地区") else name[:-2]
    word = core[-1] + name[len(core)]
    return d if rare(word) or word in gazetteer().by_name else None


# what a bare head word refers back to: 该校 a school or college, 企业 any business
KIND_ENDINGS = {"校": ("学", "校", "院"), "行": ("行",), "企业": ("公司", "集团", "合作社", "厂")}


def body_of_kind(ctx: DocContext, kind: str, pos: int, types: tuple[str, ...]) -> Mention | None:
    """The body a bare head word at `pos` means (该院, 合作社注册了…): the last one of that
    kind named before it in the article."""
    ends = KIND_ENDINGS.get(kind, (kind,))
    return ctx.nearest_before(pos, lambda o: o.type in types and o.name.endswith(ends))


DASHES = ("—", "－", "-", "–")


class Verdict(NamedTuple):
    """What a name rule says of one token left of a name: the name starts at `start`,
    and (`more`) the walk goes on to the token before or ends there."""
    start: int
    more: bool


@dataclass
class Walk:
    """A walk leftwards from a head over the tokens before it (see `left_chunk`): the
    token looked at (`k`), how far the name reaches so far (`start`), and the
    caller's options."""
    ctx: DocContext
    sent: Sentence              # the sentence the name is in
    toks: list[Token]           # its tokens before the head
    head_start: int
    start: int
    max_len: int
    allow_divisions: bool = True
    strict: bool = False
    extra_words: frozenset[str] | set[str] = frozenset()
    toponym: bool = False
    k: int = 0

    @property
    def tok(self) -> Token:
        return self.toks[self.k]

    def stop(self, at: int | None = None) -> Verdict:
        """The name starts where it did (or `at`), and goes no further left."""
        return Verdict(self.start if at is None else at, False)

    def take(self) -> Verdict:
        """The token is the name's: the walk goes on."""
        return Verdict(self.tok.start, True)


NameRule = Callable[[Walk], Verdict | None]


def _freq(word: str) -> int:
    return segmenter().tk.FREQ.get(word, 0)


# jieba's frequency from which a verb or adjective is a common word that ends a name
# (服务 is in names, 表示 or 积极 is no part of one)
COMMON_WORD = 200
# jieba's frequency under which a word that begins with a function character is a
# function word glued to a name (在|位山灌区), not a word of its own
GLUED_WORD = 5000


def word_starting(toks: list[Token], pos: int) -> Token | None:
    """jieba's word of a sentence's `toks` that begins at `pos`, if one does."""
    i = bisect.bisect_left(toks, pos, key=attrgetter("start"))
    return toks[i] if i < len(toks) and toks[i].start == pos else None


def word_ending(toks: list[Token], pos: int) -> Token | None:
    """jieba's word of a sentence's `toks` that ends at `pos`, if one does."""
    i = bisect.bisect_left(toks, pos, key=attrgetter("end"))
    return toks[i] if i < len(toks) and toks[i].end == pos else None


def preposition_glued_to_head(glued: Token, start: int, head_start: int) -> bool:
    """jieba's guess glued a preposition or a one-character verb to the name the head ends
    (在泽雅|镇, 走|村 as one unknown token): the name starts after its first character."""
    return start == glued.start and (glued.word[0] in lexicon.NAME_STOP or glued.word[0] in VERB_STOP) \
        and head_start >= start + 1 and _freq(glued.word) == 0


def _after_division(toks: list[Token], tok: Token) -> bool:
    """Whether a division jieba knows ends right where `tok` starts: the token is then a
    lower division's whole name, its first character no preposition (巴马瑶族自治县|那莫乡);
    a word jieba tags a place that the division data does not know is no division
    (扎根/ns|于莲乡: rooted in the lotus country)."""
    return bool(toks) and toks[-1].tag == "ns" and toks[-1].end == tok.start \
        and gazetteer().lookup(toks[-1].word) is not None


def not_hanzi(w: Walk) -> Verdict | None:
    """Punctuation, Latin letters and symbols end a name: the names found here are
    written in Chinese characters and digits."""
    word = w.tok.word
    if not CJK.search(word) or not all(CJK.match(c) or c.isdigit() for c in word):
        return w.stop()
    return None


def portrait_subtitle(w: Walk) -> Verdict | None:
    """A subtitle's ——记|某某公司 (a portrait of): 记 after a dash is no part of the name,
    even glued to its first characters."""
    t = w.tok
    if t.word[0] == "记" and w.ctx.text[t.start - 1:t.start] in DASHES:
        return w.stop(t.start + 1 if len(t.word) > 1 else None)
    return None


def dateline_spans(ctx: DocContext, sent) -> list[tuple[int, int]]:
    """The sentence's datelines (本报|北京|1月18日讯, 新华社|曼谷|…电) and their credits
    (…讯|中央人民广播电台记者甲、新华社记者乙报道：), found once per sentence."""
    memo = ctx.memo.setdefault(DATELINES_MEMO, {})
    if sent.start not in memo:
        memo[sent.start] = [(sent.start + d.start(), sent.start + d.end())
                            for pattern in (DATELINE, DATELINE_CREDIT) for d in pattern.finditer(sent.text)]
    return memo[sent.start]


def dateline_before(w: Walk) -> Verdict | None:
    """A dateline ends a name on its left (据新华社北京电|最高人民法院、…): the wire's press
    and place are no part of the body the text begins with."""
    t = w.tok
    end = next((b for a, b in dateline_spans(w.ctx, w.sent) if a <= t.start < b), None)
    if end is None:
        return None
    return w.stop(max(end, w.start) if end <= w.head_start else None)


VERB_PHRASE_TAGS = ("v", "l")     # jieba's verbs and fixed phrases (专程到/l)


def stop_word(w: Walk) -> Verdict | None:
    """Function words, titles, relative areas (该镇|西丰村党支部), verbs of going to
    (专程到, 驶上) or of (not) affording (进不起) and a party's side (美方|哈佛大学) are no part
    of a name; but a body's remit right before its head is the body's (港航投资|集团有限公司,
    振兴京剧指导|委员会)."""
    word = w.tok.word
    invests = word in lexicon.REMITS and (w.k + 1 == len(w.toks) or w.toks[w.k + 1].tag == "head")
    side = len(word) == 2 and word[1] == lexicon.SIDE and word[0] in lexicon.SHORT_FORMS \
        and word[0] not in lexicon.DIRECTIONS
    verb_phrase = w.tok.tag in VERB_PHRASE_TAGS and any(word.endswith(e) and len(word) > len(e)
                                                        for e in lexicon.VERB_PHRASE_ENDS) \
        or lexicon.GOING.fullmatch(word) is not None      # whatever jieba's tag (住进/x)
    if word in lexicon.NAME_STOP_WORDS and not invests or word in lexicon.TITLES or side or verb_phrase \
            or word in lexicon.PERSON_TITLES or lexicon.RELATIVE_AREA.fullmatch(word):
        return w.stop()
    return None


def verb_after_adverb(w: Walk) -> Verdict | None:
    """A common word between an adverb and the head's word is used as a verb, whatever
    jieba's tag for it: adverbs qualify verbs, not names (还|动员|小区内, 自觉|规范|涉路运输)."""
    t = w.tok
    if w.k == len(w.toks) - 1 and w.k and w.toks[w.k - 1].tag == "d" and w.toks[w.k - 1].end == t.start \
            and t.tag in ("n", "vn", "v", "a", "an") and len(t.word) >= 2 and _freq(t.word) >= COMMON_WORD:
        return w.stop()
    return None


ADVERB_TAGS = ("d", "ad")
VERB_TAG = "v"
NEGATIONS = "没不未"     # what negates a verb (没|考上)


def _adverb_then_verb(word: str) -> bool:
    """Whether a four-character word's halves are, to jieba, an adverb and a verb (充分|发挥),
    or a word that ends a name and a verb or verbal noun (大力|发展/nz, 重新|认识/l)."""
    tags = segmenter().tags
    return len(word) == 4 and (tags.get(word[:2]) in ADVERB_TAGS and tags.get(word[2:]) == VERB_TAG
                               or word[:2] in lexicon.NAME_STOP_WORDS and tags.get(word[2:]) in (VERB_TAG, "vn"))


def _negated_verb(word: str) -> bool:
    """Whether a word is a negation and a verb of two characters or more (没|考上, 未|完成)."""
    return len(word) >= 3 and word[0] in NEGATIONS and segmenter().tags.get(word[1:]) == VERB_TAG


def verb_and_object(word: str, head: str) -> bool:
    """Whether a word is a one-character verb and a place's head or a town's suffix as its
    object (筑|路, 过|河, 驻|村): an act, not a named place, whatever jieba tags it (筑路/nz,
    驻村/x)."""
    return len(word) == len(head) + 1 and word.endswith(head) and segmenter().tags.get(word[0]) == VERB_TAG


def adverb_and_verb(w: Walk) -> Verdict | None:
    """A word jieba keeps whole that is an adverb and a verb (充分|发挥, 认真|贯彻) or a
    negated verb (没|考上) is a verb phrase, whatever its tag (jieba tags 充分发挥 a noun):
    it ends the name (充分发挥|总参谋部的职能, 子女没考上|大学的)."""
    return w.stop() if _adverb_then_verb(w.tok.word) or _negated_verb(w.tok.word) else None


def glued_copula(w: Walk) -> Verdict | None:
    """A copula glued to the word before a name ends it (韩冬是|鄂尔多斯市发改委, 已为|吴店镇),
    unless the word is a division's name that happens to end so."""
    word = w.tok.word
    if len(word) >= 2 and word[-1] in COPULAS and word not in gazetteer().by_name \
            and word not in gazetteer().by_short:
        return w.stop()
    return None


# the level characters that stand alone before a body for "this area's" (县|物业服务行业党委)
BARE_LEVELS = ("市", "县", "区", "旗", "省", "镇", "乡")


def bare_level(w: Walk) -> Verdict | None:
    """A bare level before a name is a relative area (县|物业服务行业党委): the name
    keeps it, to be resolved later, where a name may hold divisions; either way the
    name goes no further left."""
    t = w.tok
    if t.word in BARE_LEVELS:
        return w.stop(t.start if w.allow_divisions else None)
    return None


# where the tagger component keeps its spans in `DocContext.memo` (kg.extractors.tagged)
TAGGER_MEMO = "tagger"


def tagger_spans(ctx: DocContext) -> Sequence[Span]:
    """The tagger's spans of the page (none where it did not run: `--ner rules`)."""
    return ctx.memo.get(TAGGER_MEMO, {}).get("spans", ())


# the tagger's confidence from which a person it reads ends a body's name on its left
SURE_PERSON = 0.9
TITLED_PERSON = 0.5   # ... and from which one right after a title does: the title is evidence
LONGEST_PERSON = 16      # characters: a dotted foreign name with its parts (looked up by start)


def person_before_name(w: Walk) -> Verdict | None:
    """A person the tagger is sure of ends a name on its left, with a conjunction after
    it: headlines and bylines run on without punctuation (…经济发展赵某治|中共吉林市委), and
    lists join persons and bodies (卢某和|兴发水泥有限公司), and so does a verb of serving
    (孙某山任|攀钢矿山公司). After a title it need only be
    read at TITLED_PERSON: rosters run post, name and the next body together
    (…调研员某某某|某省某市第一人民医院). A body named after a person
    (某某·莫里斯|公司: the head right after the name) keeps it."""
    t = w.tok
    person_at = w.ctx.memo.get(TAGGER_MEMO, {}).get("person_at")
    if not person_at:
        return None
    ends = [s.end for p in range(t.start - LONGEST_PERSON, t.end) if (s := person_at.get(p)) is not None
            and t.start < s.end <= w.start and s.end < w.head_start and (
                s.confidence >= SURE_PERSON or s.confidence >= TITLED_PERSON
                and lexicon.TITLE_ENDING.search(w.ctx.text, max(0, s.start - 8), s.start))]
    if not ends:
        return None
    end = max(ends)
    return w.stop(end + 1 if w.ctx.text[end:end + 1] in PERSON_THEN_BODY else end)


# what joins a person to the body named after them: a conjunction, a list's comma, or a
# verb of serving (孙某山任|攀钢矿山公司总工程师, 卢某和|兴发水泥有限公司)
PERSON_THEN_BODY = "和与及、任"


def function_or_verb_character(w: Walk) -> Verdict | None:
    """A lone function character (的, 在) or single-character verb (进, 让) ends a name,
    except a 和 inside one (see `and_inside_name`), or a 与 the tagger reads inside one
    (产业经济与技术经济研究所; 与 joins two bodies more often than 和 does: 日本三菱财团与
    美石油公司)."""
    t, word = w.tok, w.tok.word
    if len(word) == 1 and (word in lexicon.NAME_STOP or word in VERB_STOP):
        read_inside = word == WITH and any(s.label == "ORG" and s.start < t.start and s.end >= w.head_start
                                           for s in tagger_spans(w.ctx))
        return w.take() if (word == AND or read_inside) and and_inside_name(w) else w.stop()
    return None


def lone_verb(w: Walk) -> Verdict | None:
    """A one-character verb ends a name (寄|人民日报群工部, 靠|乡政府, 病人挑|医院) unless
    the trained tagger reads it as the first character of a name or one inside
    (育|新社区: a place span over both), or it lies in an area or place found before.
    Places' names are made of such words (toponym walks: 迎泽大街, 包|西村), but not of
    common ones that begin no division's name in the data (搞|文明小区)."""
    t = w.tok
    if len(t.word) == 1 and t.tag in ("v", "vg") and (not w.toponym or _freq(t.word) >= COMMON_VERB_CHARACTER
                                              and t.word not in _division_initials()) \
            and not w.ctx.covered(t.start, t.end, ("District", "Place")) and not any(
            s.start <= t.start and s.end > t.end and s.label != "PER"
            for s in tagger_spans(w.ctx)):
        return w.stop()
    return None


COMMON_VERB_CHARACTER = 5000     # how often jieba sees a verb no place's name holds (搞 8414)


@lru_cache(maxsize=1)
def _division_initials() -> frozenset[str]:
    """The characters the data's division names begin with (包 of 包头市)."""
    return frozenset(n[0] for n in gazetteer().names())


AND, WITH = "和", "与"       # what joins the domains a body is named for


def and_inside_name(w: Walk) -> bool:
    """"和" inside "自然资源和规划局" (and 与 inside 产业经济与技术经济研究所) is part of the
    name; right after a head (a body's or a place's: 南新广场|和), an area the rules named
    (嘉峪关市|和|酒钢公司) or a body jieba lists or the tagger reads (国务院|和|自治区党委,
    中国剧协|和|人民日报) it joins two names, and a name does not go on past its area
    (我们和|伊金霍洛旗农村信用合作联社)."""
    if w.toponym and w.k and len(w.toks[w.k - 1].word) >= 2:
        return False        # 单晶河乡和|海流图乡, 曼苏里和|宰汶村 (but 伊和乌素苏木 is one name)
    listed_body = w.k > 0 and w.toks[w.k - 1].tag == "nt" or any(
        s.label == "ORG" and s.end == w.tok.start for s in tagger_spans(w.ctx))   # 中国剧协|和|人民日报
    return w.head_start - w.start >= 2 and not _ends_head(w.ctx.text[:w.tok.start]) and not listed_body \
        and not any(m.type == "District" for m in w.ctx.mentions_between(w.start, w.start + 1)) \
        and w.ctx.first_ending_at(w.tok.start, ("District",)) is None


def conjunction_glued_to_level(w: Walk) -> Verdict | None:
    """jieba reads a conjunction and a bare level after a body's head as a county's name
    (财政局|和县|教育局: 和县 of Anhui): the 和 joins two bodies, and the name starts at
    the level; so it does after a verb or preposition jieba glued to the level (经|省物价局)."""
    t = w.tok
    if len(t.word) == 2 and t.word[0] in "和与及" and t.word[1] in BARE_LEVELS \
            and _ends_head(w.ctx.text[:t.start]):
        return w.stop(t.start + 1)
    if len(t.word) == 2 and t.word[1] in BARE_LEVELS and t.word not in gazetteer().by_name and \
            (t.word[0] in VERB_STOP or t.word[0] in UP_AND_DOWN
             or t.word[0] in lexicon.NAME_STOP and t.word[0] not in "和与及"):
        return w.stop(t.start + 1)      # 经省|物价局, 边上市|检察院: a verb, preposition or
                                        # locative before a bare level (jieba's 上市/ns)
    return None


def function_word_glued_before(w: Walk) -> Verdict | None:
    """jieba glued a function word to the name's first characters (在|位山灌区): the name
    starts after it; after another function word (在|如城街道) the token is the name's, and
    so is a town's right after its county (巴马瑶族自治县|那莫乡)."""
    t, word = w.tok, w.tok.word
    if t.tag == "x" and len(word) == 2 and word[0] in VERB_STOP and word[1] in GLUED_MEASURES:
        return w.stop()       # 咖啡园有座|加工厂: there is one (factory), jieba's guess
    if len(word) >= 2 and word[0] in lexicon.NAME_STOP and word[1:] not in lexicon.NAME_STOP_WORDS \
            and _freq(word) < GLUED_WORD and t.tag in ("v", "x", "p", "d") \
            and not (w.k and w.toks[w.k - 1].word in lexicon.NAME_STOP) \
            and not (word.endswith(TOWN_LEVELS) and _after_division(w.toks[:w.k], t)):
        # (就此|上诉法院, 他任|军委: a token of function characters and one-character
        # verbs only is the sentence's whole)
        return w.stop() if all(c in lexicon.NAME_STOP or c in VERB_STOP for c in word) else w.stop(t.start + 1)
    return None


GLUED_MEASURES = lexicon.BODY_MEASURES + "座"     # measures of bodies and buildings (一座工厂)
FIXED_EXPRESSION_TAGS = ("l", "i")     # jieba's tags of idioms and set phrases
# ... and the prepositions of dealing with (马同|欧洲联盟的关系) and of distance (家离|邮局又比较远),
# where jieba's HMM glued them
GLUED_FUNCTION_CHARACTERS = lexicon.NAME_STOP | {"同", "离", "距"}


def function_word_glued_after(w: Walk) -> Verdict | None:
    """jieba's HMM glued a function word to the words around it (义诊周在|海棠湾,
    举报信寄到|中央纪委, 可对|本公司, 马同|欧洲联盟): the name starts after the token's
    last function character; and after a fixed expression of jieba's that ends in one
    (特别是在|银行: the sentence's words)."""
    t, word = w.tok, w.tok.word
    if t.tag in FIXED_EXPRESSION_TAGS and len(word) >= 3 and word[-1] in lexicon.NAME_STOP:
        return w.stop(t.end)
    if t.tag == "x" and _freq(word) == 0 and len(word) >= 2:
        last = max((i for i, c in enumerate(word) if i and c in GLUED_FUNCTION_CHARACTERS), default=None)
        if last is not None:
            return w.stop(t.start + last + 1)
    return None


def area_committee(w: Walk) -> Verdict | None:
    """委 right after an area is the area's Party committee, part of the name
    (南和区|委|办公室)."""
    t = w.tok
    if t.word == "委" and w.ctx.first_ending_at(t.start, ("District",)):
        return w.take()
    return None


# the tags of function characters: prepositions, conjunctions, particles, pronouns,
# adverbs, modals, interjections, measure words, localisers, and jieba's zg
FUNCTION_TAGS = ("p", "c", "u", "uj", "ul", "r", "d", "y", "e", "q", "f", "zg")


def function_character(w: Walk) -> Verdict | None:
    """A function character ends a name; but a rare one is a name's (晋江市|埭|辉智能),
    and so is a toponym's generic term before the head (see `toponym_term`). So does a
    localiser of 以 or 之 (万米以上|商场, 三年之内): a bound of a measure, never a name's."""
    t = w.tok
    if t.tag in FUNCTION_TAGS and len(t.word) == 1 and not (t.tag == "zg" and rare(t.word)) \
            and not toponym_term(w):
        return w.stop()
    if t.tag == "f" and len(t.word) == 2 and t.word[0] in "以之":
        return w.stop()
    return None


def toponym_term(w: Walk) -> bool:
    """A generic term of toponymy right before the head of a place's name, after a
    Chinese word (翠屏|湾|小区): jieba takes 湾 or 塘 for a function character."""
    t = w.tok
    return bool(w.toponym and t.tag in ("zg", "q") and t.word in lexicon.TOPONYM_CHARS
                and t.end == w.head_start and w.k and CJK.match(w.toks[w.k - 1].word))


# the tags of words that, when common, end a name: verbs, adverbs, adjectives, pronouns,
# prepositions, conjunctions, fixed expressions, idioms and status words (小小的)
VERB_TAGS = ("v", "ad", "a", "d", "r", "p", "c", "l", "i", "z")


def common_verb(w: Walk) -> Verdict | None:
    """A common verb, adjective or adverb of two characters or more ends a name (表示|…),
    unless it is one names use (服务, 管理: NAME_VERBS, except in `strict` mode) or one the
    caller allows (`extra_words`)."""
    t, word = w.tok, w.tok.word
    if t.tag in VERB_TAGS and len(word) >= 2 and (w.strict or word not in NAME_VERBS) \
            and word not in w.extra_words and (_freq(word) >= COMMON_WORD or _verb_phrase(word)) \
            and not _campaign_of_its_office(w):
        return w.stop()
    return None


def _campaign_of_its_office(w: Walk) -> bool:
    """A set phrase right before a programme's office is the campaign it runs (抗震救灾|
    总指挥部, 抗洪抢险|指挥部, 扶贫开发|领导小组): the office's name, though a predicate elsewhere."""
    after = w.ctx.text[w.tok.end:w.tok.end + 6].removeprefix(CHIEF_PREFIX)
    return w.tok.tag in FIXED_EXPRESSION_TAGS and after.startswith(tuple(lexicon.PROGRAMME_OFFICES))


CHIEF_PREFIX = "总"      # a campaign's head office (总指挥部)


def position_word(w: Walk) -> Verdict | None:
    """A word of position of two characters or more that ends in a localiser (jieba's s:
    山脚下, 境内) ends a place's or an area's name: where it is, no part of what it is
    called (位于圆山脚下|九湖镇, 境内|京九铁路). A direction is a name's (城北/s|街道), and
    a body's name may hold one (口岸派出所, 对外合作项目). So does a localiser jieba
    reads on its own after a one-character noun (楼|内|美国银行: jieba tags 内 a noun)."""
    t = w.tok
    if w.toponym and t.tag == POSITION_TAG and (len(t.word) >= 2 and t.word[-1] in LOCALISER_ENDS or len(t.word) == 1):
        return w.stop()       # (济南市郊|王舍人镇: a lone position word, the city's suburbs)
    if t.word in LOCALISER_ENDS and w.k and len(w.toks[w.k - 1].word) == 1 and CJK.match(w.toks[w.k - 1].word):
        return w.stop()
    return None


POSITION_TAG = "s"
LOCALISER_ENDS = "上下里内外边旁前后"    # (not 中: 城中区)


def time_phrase(w: Walk) -> Verdict | None:
    """A time word or set phrase that points to years or months ends a name: when, no part
    of what is named (近几年|跨国公司, 今年|医院; but an age names a group, 青年|京剧团, and
    五一|广场, 未来|公园 point to no year)."""
    t = w.tok
    return w.stop() if t.tag in TIME_TAGS and len(t.word) >= 2 and t.word[-1] in TIME_UNITS \
        and t.word[0] in TIME_POINTERS else None


def verb_of_having(w: Walk) -> Verdict | None:
    """A verb and 有 (载有, jieba's distinguishing word) ends a name: what carries or holds
    it, no part of it (…航天飞机载有|中国空间科学实验项目); ownership stays a name's
    word (国有|资产管理局: 国 is no verb)."""
    word = w.tok.word
    return w.stop() if len(word) == 2 and word[1] == HAVING and segmenter().tags.get(word[0], "").startswith("v") \
        else None


HAVING = "有"
TIME_TAGS = ("t", "l")     # jieba: time words, set phrases (近几年/l)
TIME_UNITS = "年月"
TIME_POINTERS = "今去明近往前当同这那上下本"     # this, last, next, recent … year


def _verb_phrase(word: str) -> bool:
    """A fixed expression of jieba's, rare as one word, made of a common adverb and a
    common verb (积极|开展): the sentence's predicate, as common as its parts (城市|管理,
    a noun and a verbal noun, names a bureau's section)."""
    return segmenter().tags.get(word) in FIXED_EXPRESSION_TAGS and _adverb_then_verb(word) \
        and _freq(word[:2]) >= COMMON_WORD and _freq(word[2:]) >= COMMON_WORD


def strict_verbal_noun(w: Walk) -> Verdict | None:
    """In `strict` mode (places' and areas' names, plain and short) a common verbal noun
    ends the name too (建设|…)."""
    t = w.tok
    if w.strict and t.tag == "vn" and _freq(t.word) >= COMMON_WORD:
        return w.stop()
    return None


def number(w: Walk) -> Verdict | None:
    """A number ends a name, unless it is an ordinal, numbers a road (黄河五路社区; not a
    distance, 十五公里|路), is a rare numeral character that names use (穗|玖|种业), or
    is one numeral character jieba cut off a brand's first word, the next token one
    character the name holds and no measure (三|和|纺织集团: 三和; not 三|家)."""
    t, word = w.tok, w.tok.word
    if t.tag == "m" and not word.startswith("第") and \
            (not word.endswith(("路", "街", "巷", "里", "号")) or word.endswith("公里")) \
            and not (len(word) == 1 and rare(word)) and not _brand_numeral(w) and not _brand_after_area(w):
        return w.stop()
    return None


COUNT_ENDINGS = frozenset(lexicon.BODY_MEASURES + "些批种类份块")     # 三家, 一些, 两批
QUANTITY_STARTS = ("一", "几", "数", "若", "多", "许", "各")          # 一些, 几十, 若干, 许多


def _brand_after_area(w: Walk) -> bool:
    """Whether the numeral word looked at stands between an area's name and the rest of
    a firm's (山东|百年|康润医药连锁有限公司): a count is written after a place only
    with its measure (北京|三家|商场) or as a quantity word (北京|一些|商场)."""
    prev, word = (w.toks[w.k - 1] if w.k else None), w.tok.word
    return len(word) >= 2 and all(CJK.match(c) for c in word) and word[-1] not in COUNT_ENDINGS \
        and not word.startswith(QUANTITY_STARTS) and prev is not None and prev.end == w.tok.start \
        and (prev.tag == "ns" or w.ctx.first_ending_at(prev.end, ("District",)) is not None)


def _brand_numeral(w: Walk) -> bool:
    """Whether the numeral looked at is a brand's first character (see `number`)."""
    nxt = w.toks[w.k + 1] if w.k + 1 < len(w.toks) else None
    return len(w.tok.word) == 1 and CJK.match(w.tok.word) is not None and nxt is not None \
        and nxt.start == w.start and len(nxt.word) == 1 and nxt.word not in lexicon.BODY_MEASURES \
        and CJK.match(nxt.word) is not None


def division_inside(w: Walk) -> Verdict | None:
    """Where a name may not hold a division (`allow_divisions` off: a town's or village's
    own name), a division's name or the end of one ends it; a town that jieba cut
    into the middle of a token (泽雅镇|纸山村 as 泽雅|镇纸|山) ends it where the town ends."""
    if w.allow_divisions:
        return None
    t, word, ctx = w.tok, w.tok.word, w.ctx
    if word in gazetteer().by_name or word.endswith(TOWN_LEVELS) or ctx.first_ending_at(t.end, ("District",)):
        return w.stop()
    inner = [m.end for m in ctx.mentions_over(t.end - 1)
             if m.type == "District" and t.start < m.end < t.end]
    return w.stop(max(inner)) if inner else None


UNIT_HEAD_CHARACTERS = "部处科室组司"    # a department's head (中国部, 亚洲处)
NATION = "nation"     # the area of a name that begins with a national prefix (中国, 全国, 国家)
ROSTER_REACH = 10     # how far before a body's last word its own area is looked for


def _area_starting(ctx: DocContext, pos: int) -> Division | str | None:
    """The area a name at `pos` begins with: NATION, a division the page named there, or None."""
    if ctx.text.startswith(lexicon.NATIONAL_PREFIXES, pos):
        return NATION
    m = next((m for m in ctx.mentions_between(pos, pos + 1) if m.type == "District"), None)
    if m is not None:
        return gazetteer().lookup(m.name)
    t = ctx.token_at(pos)           # a body jieba holds whole (浙江医科大学/nt): its area
    area = gazetteer().split_area(t.word)[0] if t is not None and t.start == pos else ""
    return gazetteer().lookup(area) if area else None


def _area_of_body_ending(ctx: DocContext, t: Token) -> Division | str | None:
    """The area of the body whose name ends with the word `t`: the one the word begins with
    (中国农业科学院, 北京电视台), else the nearest division named just before it."""
    if t.word.startswith(lexicon.NATIONAL_PREFIXES):
        return NATION
    area = gazetteer().split_area(t.word)[0]
    if area:
        return gazetteer().lookup(area)
    m = ctx.nearest_before(t.start, lambda m: m.type == "District" and t.start - ROSTER_REACH <= m.end <= t.start)
    if m is None or NAME_BREAK.search(ctx.text, m.end, t.start):
        return None
    return gazetteer().lookup(m.name)


NAME_BREAK = re.compile(r"[，。；、：,;:！？!?\s]")


def body_before_area(w: Walk) -> Verdict | None:
    """A roster that runs bodies together (中国农业科学院|中国电影公司, 天津儿童艺术剧团|
    天津科学技术出版社, 太原市委宣传部|哈尔滨医科大学): the word that ends a body's name,
    before an area that is not below the body's own (the nation, the same province,
    another city; a province where the body's area is not known), ends the name. A part
    of a body named by an area below the body's own is one name with it (中国医学科学院|
    北京协和医院, 国家税务总局|山东省税务局), and so is a branch or a group's firm."""
    t = w.tok
    if w.start >= w.head_start or not (
            t.tag == "nt" or t.word[-1] in lexicon.BODY_LAST_CHARACTERS or _ends_head(t.word)):
        return None
    new = _area_starting(w.ctx, w.start)
    if new is None or w.ctx.text.startswith(lexicon.BODY_BRANCH_HEADS, w.head_start) or \
            w.ctx.text.startswith(lexicon.COMPANY_HEADS, w.head_start) and t.word.endswith(lexicon.COMPANY_HEADS):
        return None       # a branch names its area (建设银行|北京市分行), a firm its group (某集团|中国…有限公司)
    if new == NATION:
        # 国际管理集团|中国部: a unit a body names after the country it covers is the body's
        return None if w.ctx.text[w.start:w.head_start] in lexicon.NATIONAL_PREFIXES \
            and w.ctx.text[w.head_start:w.head_start + 1] in UNIT_HEAD_CHARACTERS else w.stop()
    own = _area_of_body_ending(w.ctx, t)
    if own == NATION or own is not None and own in gazetteer().ancestors(new):
        return None
    return w.stop() if own is not None or new.level == "province" else None


def lone_character_before_division(w: Walk) -> Verdict | None:
    """One character before the full name of a province or city that begins the name
    is the sentence's (当|山东省济南市公安局, when the city's bureau…): a body's name
    begins with its area's full name."""
    t = w.tok
    if len(t.word) != 1 or t.end != w.start or t.tag in ("ns", "j"):
        return None
    m = next((m for m in w.ctx.mentions_between(w.start, w.start + 1) if m.type == "District"), None)
    d = gazetteer().by_name.get(m.text) if m is not None else None
    return w.stop() if d and any(x.level in ("province", "city") for x in d) else None


def word_before_bare_level(w: Walk) -> Verdict | None:
    """A common word before a bare level that begins the name so far (凡属|市编委, whose
    市 is the paper's city) is the sentence's: an area's name before the level would be
    a place's word (聊城|市编委), which the districts found or the tagger reads."""
    t = w.tok
    if t.end != w.start or w.ctx.text[w.start:w.start + 1] not in RELATIVE_LEVELS or t.tag in PROPER_NAME_TAGS \
            or w.ctx.covered(t.start, t.end) or any(s.start < w.start and s.end > t.start and s.label == "LOC"
                                                   for s in tagger_spans(w.ctx)):
        return None
    return w.stop()


def role_before_name(w: Walk) -> Verdict | None:
    """A body's role among others before its name (核心企业|西单商场, 龙头企业|某集团): the
    kind noun after a word of role, with more of the name after it, is an apposition,
    not the name's (中国企业|管理协会 keeps its 企业: no role before it)."""
    t = w.tok
    role = w.toks[w.k - 1].word if w.k else ""
    if t.word[-2:] in lexicon.BODY_KINDS and (t.word[:-2] or role) in lexicon.BODY_ROLES \
            and w.start < w.head_start:
        return w.stop()       # (jieba may read the two as one word: 龙头企业)
    return None


RELATIVE_LEVELS = "省市县区"           # a level a relative body begins with (市编委, 县政府)
PROPER_NAME_TAGS = ("ns", "nr", "nrt", "nz", "nt", "j", "x")     # jieba's tags of names and abbreviations


def too_long(w: Walk) -> Verdict | None:
    """A name is at most `max_len` characters before its head: past that the words
    are the sentence's, not the name's."""
    if w.head_start - w.tok.start > w.max_len:
        return w.stop()
    return None


def verb_ending_in_function_character(w: Walk) -> Verdict | None:
    """A verb ending in a function character ends a name (得益于|莘县行政审批服务局)."""
    t = w.tok
    if len(t.word) >= 2 and t.tag.startswith("v") and t.word[-1] in lexicon.NAME_STOP:
        return w.stop()
    return None


# The name rules in the order they are asked: the first with a verdict on a token
# decides it; a token none of them stops is the name's.
NAME_RULES: tuple[NameRule, ...] = (
    not_hanzi, portrait_subtitle, dateline_before, stop_word, verb_after_adverb, adverb_and_verb, glued_copula, bare_level, person_before_name,
    function_or_verb_character, lone_verb, conjunction_glued_to_level,
    function_word_glued_before, function_word_glued_after, area_committee, function_character,
    common_verb, position_word, time_phrase, verb_of_having, strict_verbal_noun, number, division_inside, body_before_area,
    lone_character_before_division,
    word_before_bare_level, role_before_name, too_long,
    verb_ending_in_function_character,
)


def verdict(w: Walk) -> Verdict:
    """The first name rule's verdict on the token at `w.k`; the token is the name's if
    no rule has one."""
    for rule in NAME_RULES:
        v = rule(w)
        if v is not None:
            return v
    return w.take()


def left_chunk(ctx: DocContext, sent, head_start: int, max_len: int,
               allow_divisions: bool = True, strict: bool = False,
               extra_words: frozenset[str] | set[str] = frozenset(), toponym: bool = False) -> int:
    """Start of the name that ends with a head beginning at `head_start`.

    Walks left over jieba tokens of the sentence while they can be part of a name,
    as the name rules (NAME_RULES) decide token by token.
    `toponym`: the name is a place's or an area's, which may end in a generic term of
    toponymy that jieba takes for a function character (翠屏|湾|小区).
    `strict`: verbs of institutions' names (服务, 管理) and verbal nouns end the name.
    """
    toks = ctx.tokens(sent)
    toks = toks[:bisect.bisect_left(toks, head_start, key=attrgetter("start"))]    # starting before the head
    start = head_start
    # the head may sit inside a token ("规划局"): take the whole token
    while toks and toks[-1].end > head_start:
        start = min(start, toks[-1].start)
        glued = toks.pop()
        if preposition_glued_to_head(glued, start, head_start) and not _after_division(toks, glued):
            return start + 1
    w = Walk(ctx, sent, toks, head_start, start, max_len, allow_divisions, strict, extra_words, toponym)
    for k in range(len(toks) - 1, -1, -1):
        w.k = k
        v = verdict(w)
        w.start = v.start
        if not v.more:
            break
    first = word_starting(toks, w.start)
    if first is not None and first.word in (AND, WITH) and first.end < head_start:
        return first.end      # 学生|和|北师大附小: a 和 taken into the name joins nothing before it
    return w.start


# every head of a body's or a place's name, for the test of a name's end
ALL_HEADS = (*lexicon.AGENCY_HEADS, *lexicon.PEOPLES_BODIES, *lexicon.COMPANY_HEADS, *lexicon.ORG_HEADS,
             *lexicon.PLACE_HEADS)


def _ends_head(prefix: str) -> bool:
    return prefix[-6:].endswith(ALL_HEADS)


# A copula or preposition jieba glues to the word before a name (韩冬是, 已为).
COPULAS = "是为"

# Single-character verbs that end a name on their left (消防宣传|进|学校, 副书记|兼|某乡党委,
# 建议书|报|市政府批准: jieba reads the verb of submitting as a noun, the paper).
VERB_STOP = set("进让使给送走去来入出经据向往赴有属兼念像临任报听获")
UP_AND_DOWN = "上下"     # locatives and verbs of going up or down (边上|市检察院, 下县)

# Verbs and adjectives that do occur inside organisation and place names.
NAME_VERBS = {"服务", "管理", "审批", "建设", "促进", "发展", "规划", "监督", "执法", "保障", "救援",
              "交流", "运输", "传播", "研究", "调处", "化解", "便民", "养老", "指挥", "防御", "领导",
              "工作", "协调", "治理", "监测", "检验", "检测", "改革", "开发", "投资", "创业", "就业",
              "培训", "教育", "卫生", "健康", "护理", "医养", "经营", "生产", "制造", "加工", "综合",
              "行政", "应急", "市场", "监管", "信息", "科技", "文化", "旅游", "产业", "创新", "合作",
              "保护", "生态", "环境", "安全", "消防", "交通", "公共", "法律", "援助", "调解", "接待",
              "信访", "统战", "宣传", "组织", "政法", "纪检", "监察", "审计", "统计", "税务", "人民",
              "革命", "老区", "建筑", "装饰", "物流", "连锁", "批发", "销售", "维修", "印刷", "包装",
              "新材料", "智能", "数字", "网络", "电子", "机械", "设备", "化工", "能源", "电力", "通信",
              "书画", "艺术", "体育", "健身", "志愿", "特战", "骑士", "先锋", "红色", "青年", "妇女",
              "残疾人", "老年", "儿童", "国际", "对外", "新闻", "传媒", "融媒体", "广播", "电视", "出版",
              "运营", "经济", "技术", "职业", "高等", "师范", "农业", "农村", "水利", "林业", "畜牧",
              "住房", "城乡", "资源", "自然资源", "人力资源", "社会保障", "社会", "民政", "司法",
              "财政", "商务", "工业", "信息化", "发展改革", "大数据", "政务", "退役军人", "事务",
              "供销", "粮食", "储备", "烟草", "专卖", "邮政", "移动", "联通", "电信", "诊疗",
              "种植", "养殖", "农机", "植保", "精神文明"}


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` starts in `text`, left to right, without overlaps: what
    re.finditer(re.escape(word), text) finds, without compiling a pattern per word
    (names are looked up again by the dozen on every page)."""
    if not word:
        return
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


def joined_runs(ctx: DocContext, mentions: Iterable[Mention]) -> Iterator[list[Mention]]:
    """The mentions (in text order) in maximal runs that a list joins: 、, 和, 及 or 以及
    and nothing else between each and the next (某县财政局、税务局、市场监管局)."""
    run: list[Mention] = []
    for m in mentions:
        if run and ctx.text[run[-1].end:m.start] not in lexicon.LIST_JOINERS:
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def outermost(ms: list[Mention]) -> list[Mention]:
    """The mentions that lie inside no longer mention, in their order.

    One sweep over the mentions sorted by (start, -end) instead of comparing every
    pair: a page has hundreds of mentions and this runs per page.
    """
    order = sorted(range(len(ms)), key=lambda i: (ms[i].start, -ms[i].end))
    nested: set[int] = set()
    reach = -1           # furthest end of the mentions starting before the current start
    i = 0
    while i < len(order):
        start, group_reach = ms[order[i]].start, -1
        while i < len(order) and ms[order[i]].start == start:
            m = ms[order[i]]
            if reach >= m.end or group_reach > m.end:
                nested.add(order[i])
            group_reach = max(group_reach, m.end)
            i += 1
        reach = max(reach, group_reach)
    return [m for k, m in enumerate(ms) if k not in nested]


@lru_cache(maxsize=1)
def _division_index() -> tuple[frozenset[str], dict[str, tuple[int, ...]], re.Pattern]:
    """The division names; for each pair of first characters the lengths of the names
    it starts (every name has two characters at least); and a pattern of the characters
    names start with. A page position is tried only where a name could start, and
    only at the lengths of some name starting there."""
    g = gazetteer()
    names = frozenset(g.by_name) | frozenset(g.by_short)
    lengths: dict[str, set[int]] = {}
    for n in names:
        lengths.setdefault(n[:2], set()).add(len(n))
    starts = re.compile("[" + re.escape("".join(sorted({n[0] for n in names}))) + "]")
    return names, {c: tuple(sorted(ls)) for c, ls in lengths.items()}, starts


@lru_cache(maxsize=4)       # the area guess and the districts component ask for the same page
def division_names_in(text: str) -> list[str]:
    """Full and short division names that occur in `text`, longest first, then by name.

    Looks up the substrings of the text that could be names rather than searching
    the text for each of the thousands of names. A list in a fixed order, not a set:
    the iteration order of a set of strings changes from process to process, and a
    caller counting votes would break ties differently on each worker.
    """
    names, lengths_at, starts = _division_index()
    found = set()
    for m in starts.finditer(text):
        i = m.start()
        lengths = lengths_at.get(text[i:i + 2])
        if lengths:
            for n in lengths:
                w = text[i:i + n]
                if len(w) < n:
                    break
                if w in names:
                    found.add(w)
    return sorted(found, key=lambda s: (-len(s), s))


def country_abroad(ctx: DocContext, art: Article) -> str | None:
    """The foreign country an article is set in: the one it was filed from (本报驻泰国记者),
    or for a foreign city filed from (本报曼谷…电) the foreign country the article names
    most, twice at least and twice as often as any other. None for an article filed at
    home or at an international body. Worked out once per article: the state organs
    and the relations both ask, and the countries named do not change between them."""
    cache = ctx.memo.setdefault("country_abroad", {})
    if art.index not in cache:
        cache[art.index] = _country_abroad(ctx, art)
    return cache[art.index]


def after_foreign_country(text: str, pos: int) -> bool:
    """Whether another country's name ends right before `pos` (英国|北海): what follows
    is that country's place, not a home division of the same name."""
    return any(text[pos - k:pos] in countries() and text[pos - k:pos] != lexicon.HOME_COUNTRY
               for k in range(2, min(pos, _longest_country()) + 1))


@lru_cache(maxsize=1)
def _longest_country() -> int:
    return max(map(len, countries()))


def filed_abroad(place: str | None) -> bool:
    """Whether a dateline's place is abroad: not at home (a division of the data, 中国) nor
    at an international body (新华社联合国…电)."""
    return bool(place) and place != lexicon.HOME_COUNTRY and place not in lexicon.INTERNATIONAL_BODIES \
        and gazetteer().lookup(place) is None


def _country_abroad(ctx: DocContext, art: Article) -> str | None:
    home = lexicon.HOME_COUNTRY
    if not filed_abroad(art.place):
        return None          # filed at home, or at the UN (新华社联合国…电): no country
    if art.place in countries():
        return art.place
    counts: dict[str, int] = {}
    for m in ctx.mentions_between(art.start, art.end):
        if m.type == "District" and m.name in countries() and m.name != home:
            counts[m.name] = counts.get(m.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None          # a city of no country the article clearly dwells on
    return ranked[0][0]


def named_at_home(name: str) -> bool:
    """A body named as the home country's (中国…, 全国…, 国务院, 新华社, 人民日报社: a
    national paper or its publisher) or the world's (东盟, 世界…, 国际…, 欧盟委员会, 美联社),
    or with an area or a country of its own before it: no article abroad places it."""
    return name.startswith(lexicon.NATIONAL_PREFIXES) or name in lexicon.NATIONAL_MEDIA \
        or name in lexicon.WORLD_MEDIA \
        or name.startswith(lexicon.WORLD_PREFIXES) or name.startswith(WORLD_BODY_NAMES) \
        or name.removesuffix(PUBLISHER) in lexicon.NATIONAL_MEDIA \
        or name in _WORLD_AND_CENTRAL or bool(gazetteer().split_area(name)[0]) \
        or any(name.startswith(c) for c in countries() if len(c) >= 2)


PUBLISHER = "社"      # a paper's publisher: the paper's name and 社 (人民日报社)
# international bodies, by their short and full names (东盟, 东南亚国家联盟)
WORLD_BODIES = frozenset(lexicon.INTERNATIONAL_BODIES) | frozenset(lexicon.INTERNATIONAL_BODIES.values())
WORLD_BODY_NAMES = tuple(sorted(WORLD_BODIES))    # for str.startswith: their own bodies (欧盟委员会)
_WORLD_AND_CENTRAL = WORLD_BODIES \
    | frozenset(lexicon.CENTRAL_BODIES) | frozenset(lexicon.CENTRAL_BODIES.values())
