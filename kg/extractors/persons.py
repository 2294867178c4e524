"""Persons, Officials and their posts.

Names are found where the genre anchors them: after a title chain (区委副书记、区长江绍华),
after an organisation and title (莘县行政审批服务局局长史乃明), in bylines, and before a
speech verb (王法成说). A name is a surname plus one or two characters, cut where the
following text starts a new word, so 区长江绍华 is 区长 + 江绍华, never 长江.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .. import lexicon
from ..divisions import countries
from ..model import ORGANISATION_TYPES, Mention, PostMention
from ..segment import segmenter
from ..tagger import Span
from ..types import PERSONS
from .base import CJK, SURE_PERSON, TAGGER_MEMO, DocContext, body_of_kind, joined_runs, occurrences, rare, tagger_spans
from .organisations import CHIEF
from .tagged import tagged_person_at, tagged_person_span, tagger_reads

TITLE_RE = lexicon.TITLE_RE
TITLE_AFTER_NAME = re.compile("|".join(lexicon.TITLES_AFTER_NAME))
SEP = "、，, "
OCCUPATIONS = {"老师", "教授", "医生", "律师", "工程师"}
SPEECH = re.compile(r"(说|表示|介绍|坦言|告诉记者|感慨|笑着说|指出|认为|回答|透露|解释|强调|建议|"
                    r"呼吁|提醒|补充|谈到|称|：“|:“)")
# 程阳先生, 张路老师: a name before an honorific or occupation
HONORIFIC = re.compile(r"(先生|女士|老师|教授|博士|同志|师傅|医生|律师)")
HONORIFIC_ONLY = {"先生", "女士", "小姐", "老师", "师傅", "奶奶", "爷爷", "大爷", "大妈", "阿姨", "大姐",
                  "大哥", "大伯", "大叔", "大婶", "大娘", "大嫂", "老汉", "老板", "大夫", "教授", "博士", "律师",
                  "医生", "经理", "总", "局", "书记",
                  "主任", "老", "某", "某某",
                  "先", "女", "姐", "哥", "叔", "婶", "伯"}
# an interview's speaker before a colon at the start of a paragraph (郭庆祥：…)
SPEAKER = re.compile(r"(?:^|\n)([\u4e00-\u9fff]{2,4})[：:]")
# surnames that are also prepositions or verbs (向群众, 于今年, 来接任): a common word
# after them is no given name
PREPOSITION_SURNAMES = set("向于和从对为将与及由自同把来")
# an area's head (省长, 县长): the area's post, not its Party committee's
AREA_HEAD_ENDINGS = ("省长", "市长", "区长", "县长", "州长", "旗长", "镇长", "乡长")
# a personnel notice or a writer's note: 裴某新，男，汉族，…，现任X局副局长; 某某，51岁，…，曾任…
PROFILE = re.compile(r"(?:^|\n)([\u4e00-\u9fff]{2,4})[，,](?:男|女|\d{1,3}岁)[，,]")
# a career: the verb, then posts separated by 、 (one body) and ，(the next step)
CAREER = re.compile(r"现任|曾任|历任|先后任|调任|升任|转任|原任")
CAREER_PIECE = re.compile(r"[^、，,。；;\n兼]+")
CAREER_JOINS = ("、", "，", ",", "兼")      # what joins a career's posts (党委书记兼厂长)
AFTER_NAME_WORDS = tuple(w for w in lexicon.AFTER_NAME if len(w) > 1)
# function characters that end a two-character name rather than extend it (张涛|在)
# sentence and aspect particles: no name ends in one (来了, 走过)
PARTICLES = set("了着过吗呢吧啊")
NOT_GIVEN = set("在以和与及是的了说对向从将把被为也都还就又却则于等曾已正将要会能地得着过们")
# roles that introduce a private person's name: 村民李笑笑, 作者袁春光
ROLE_BEFORE = re.compile("(?:" + "|".join(sorted(lexicon.PERSON_TITLES | {"作者", "主人公", "老人", "大爷",
                                                                          "大妈", "阿姨", "师傅", "大户",
                                                                          "农户", "牧民", "渔民", "商户"},
                                                 key=len, reverse=True)) + ")")
# 家住冠县清泉中学家属院的王培温: where someone lives, then the name
LIVES_AT = re.compile(r"家住[^，。,；;“”]{2,20}?的")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single and compound surnames: the common ones, and those of the Hundred Family
    Surnames that jieba rarely sees as words of their own (笪, 隗, 宇文; not 水, 家, 第五)."""
    tags = segmenter().tags

    def no_word(w: str) -> bool:
        return rare(w) and tags.get(w) not in ("ns", "m", "d")

    return (frozenset(lexicon.SURNAMES | {c for c in lexicon.HUNDRED_FAMILY if no_word(c)}),
            frozenset(lexicon.COMPOUND_SURNAMES | {w for w in lexicon.HUNDRED_FAMILY_COMPOUNDS if no_word(w)}))


def person_name_at(text: str, pos: int, anchored: bool = False) -> str | None:
    """A person's name starting at `pos`, or None: surname + 1-2 given-name characters.

    A two-character given name is tried first, then one (SHORTER_NAME says when the
    third character is not the name's); a candidate any NOT_A_NAME rule rejects is no
    name at all. `anchored`: a title stands right before `pos` (区委书记禚某), so a rare
    character that is no surname kg knows may start the name too: surnames are an
    open class."""
    s = text[pos:pos + 4]
    if len(s) < 2:
        return None
    single, compound = surnames()
    if s[:2] in compound:
        surname_len = 2
    elif s[0] in single or anchored and CJK.match(s[0]) and rare(s[0]):
        surname_len = 1
    else:
        return None
    for given in (2, 1):
        n = surname_len + given
        cand = text[pos:pos + n]
        if len(cand) < n or not all(CJK.match(c) for c in cand):
            continue
        if given == 2 and any(rule(text, pos, cand) for rule in SHORTER_NAME):
            continue
        if any(rule(cand, surname_len) for rule in NOT_A_NAME):
            return None
        # after a title, a rare word is still a name (市长白某), and jieba's own cut may
        # end it where the next word is a noun to it (市长孔某某|启程)
        ends = _name_ends(text, pos + n) or \
            anchored and given == 2 and (s[0] in single or surname_len == 2) and \
            not cand.endswith(VERB_AFTER_NAME) and _cut_at(text, pos, n)
        # a rare character that is no surname starts a name only where no word of the
        # dictionary does (市长|赠予的名片: a verb)
        known = s[0] in single or surname_len == 2
        if ends and not _is_word(cand, min_freq=50 if anchored and known else 1):
            return cand
    return None


# ---- when a name's third character is not the name's: (text, pos, the candidate) ------

def function_character_last(text: str, pos: int, cand: str) -> bool:
    """张涛|在, 李明|的: a function character after two is the sentence's, unless
    punctuation follows a conjunction that then joins nothing (副市长聂清和、卜文韬)."""
    return cand[-1] in NOT_GIVEN and not _joins_nothing(text, pos + len(cand), cand[-1])


def word_first(text: str, pos: int, cand: str) -> bool:
    """高兴|地, 公益|岗: the first two characters are a common word, so a name of them
    has a one-character given name, if any."""
    return _is_word(cand[:2], min_freq=300)


def next_word_starts_last(text: str, pos: int, cand: str) -> bool:
    """宇文静|陪同: the last character starts the word that follows a name."""
    return text.startswith(AFTER_NAME_WORDS, pos + len(cand) - 1)


SHORTER_NAME = (function_character_last, word_first, next_word_starts_last)


# ---- what is no name at all: (the candidate, its surname's length) ----------------------

def honorific_after_surname(cand: str, surname_len: int) -> bool:
    """王先生, 张经理: a surname with an honorific or a title is no name, nor one with a
    title's qualifier (中央委员|和候补|中央委员: 和 a conjunction there)."""
    rest = cand[surname_len:]
    return rest in HONORIFIC_ONLY or rest in lexicon.TITLES or rest in lexicon.TITLE_QUALIFIERS


def preposition_before_noun(cand: str, surname_len: int) -> bool:
    """民警|向群众, 副市长|和分管…: a surname that is also a preposition or conjunction,
    before a common noun or a verb."""
    rest = cand[1:]
    return cand[0] in PREPOSITION_SURNAMES and (
        _is_word(rest, min_freq=1000) or segmenter().tags.get(rest) in ("v", "vn") and _is_word(rest, 100))


def ends_in_particle(cand: str, surname_len: int) -> bool:
    """第一书记|来了: a verb and its particle; no name ends in one."""
    return cand[-1] in PARTICLES


def verb_complement(cand: str, surname_len: int) -> bool:
    """谈得很|好, 说得|对: a verb and the 得 of its complement after a title (曼德拉总统|谈得很好);
    得 in the middle of a name is no given name's."""
    return cand[surname_len:surname_len + 1] == "得" and len(cand) == surname_len + 2 and cand[-1] in DEGREE_ADVERBS


DEGREE_ADVERBS = frozenset("很太挺更最真")


def country_for_given_name(cand: str, surname_len: int) -> bool:
    """克雷库总统|和贝宁: a surname's character (和, 向, 与) before a country's name is a
    conjunction or preposition before the country, no name."""
    return cand[surname_len:] in countries()


def repeated_word(cand: str, surname_len: int) -> bool:
    """边走边, 越来越: a figure that repeats a word, not a surname."""
    return len(cand) == 3 and cand[0] == cand[2]


def side_in_talks(cand: str, surname_len: int) -> bool:
    """巴方, 以方: a country's side in talks, as 中方 and 美方."""
    return len(cand) == 2 and cand[1] == "方" and cand[0] in lexicon.SHORT_FORMS


NOT_A_NAME = (honorific_after_surname, preposition_before_noun, ends_in_particle, verb_complement,
              country_for_given_name, repeated_word, side_in_talks)


# one-character verbs and prepositions that follow a name (张明|到冠县, 王某|说)
VERB_AFTER_NAME = ("来", "到", "赴", "说", "讲", "指", "要", "同", "向", "会", "看", "作", "从")


def _cut_at(text: str, pos: int, n: int) -> bool:
    """Whether jieba's segmentation of the text at `pos` ends a word after `n` characters."""
    seen = 0
    for w in segmenter().cut(text[pos:pos + n + 4]):
        seen += len(w)
        if seen >= n:
            return seen == n
    return False


# the particle of a clause of when after a name or a title (会见…韦德里纳|时说, 部长|时作)
WHEN = "时"
# what after a title, with a verb right after it, is the sentence's, not a surname: 时
# (部长|时作上述表示) and the adverb of once (总书记|曾讲到; but 副主席曾某红说)
CLAUSE_AFTER_TITLE = (WHEN, "曾")
# a transliterated foreign name: its parts joined by a middle dot (素某·某某某)
DOTTED_HEAD = re.compile(r"(?:[\u4e00-\u9fff]{1,6}[·•・])+")
DOTTED_BEFORE = re.compile(r"((?:[\u4e00-\u9fff]{1,6}[·•・])+[\u4e00-\u9fff]{1,6})$")


def foreign_name_at(text: str, pos: int) -> str | None:
    """A dotted foreign name starting at `pos`: the last part is the shortest (two
    characters or more) after which the text goes on (素某·玛某某|和, 川某·立某|总理)."""
    m = DOTTED_HEAD.match(text, pos)
    if not m or TITLE_RE.search(m.group()):
        return None
    for e in range(m.end() + 2, m.end() + 7):
        if e > len(text) or not CJK.match(text[e - 1]):
            break
        if _name_ends(text, e) or segmenter().tags.get(text[e:e + 2]) == "t" \
                or text[e:e + 1] == WHEN and _name_ends(text, e + 1):
            return text[pos:e]          # 比尔·克林顿|今天, 会见…韦德里纳|时说: a time word ends it too
    return None


def _dotted_name(ctx: DocContext, pos: int) -> str | None:
    """A dotted foreign name after a title: the rules' cut, or the tagger's longer one it
    is sure of (阿不来提·阿不|都热西提: 都 read as the adverb ended the rules' name), or
    its shorter one where the rules' cut runs on into a function character (谢赫·哈西娜|
    所希望的) or into a word jieba reads past it (米格尔·里瓦斯|发来贺电)."""
    dotted = foreign_name_at(ctx.text, pos)
    tagged = tagged_person_at(ctx, pos) if dotted else None
    if not tagged or tagged_person_span(ctx, pos).confidence < SURE_PERSON:
        return dotted
    if len(tagged) > len(dotted) and tagged.startswith(dotted) or \
            len(tagged) < len(dotted) and dotted.startswith(tagged) and (
                dotted[len(tagged)] in lexicon.NAME_STOP or _cuts_word_at_end(ctx, pos + len(dotted))):
        return tagged
    return dotted


def _joins_nothing(text: str, pos: int, ch: str) -> bool:
    """Whether a conjunction at the end of a name joins nothing: punctuation follows it
    (副市长聂清和、卜文韬), so it is the name's last character, not 和 between two names."""
    return ch in "和与及" and text[pos:pos + 1] in ("、", "，", ",", "。", "；", ";", "）", ")")


def _is_word(s: str, min_freq: int = 1) -> bool:
    """A dictionary word that is not a person's name (荣誉感, 新格局)."""
    seg = segmenter()
    return seg.tk.FREQ.get(s, 0) >= min_freq and seg.tags.get(s) not in ("nr", "nrfg", "nrt", "x", None)


# prepositions of time after a name or an adverb (叶某总统曾|于去年１２月致函)
TIME_PREPOSITIONS = ("于", "在")


def _time_starts(text: str, pos: int) -> bool:
    """Whether a time starts at `pos`: a digit, or a word jieba tags as one (去年, 今年)."""
    if text[pos:pos + 1].isdigit():
        return True
    words = segmenter().tokens(text[pos:pos + 6])
    return bool(words) and words[0].tag == "t"


def _name_ends(text: str, pos: int) -> bool:
    nxt = text[pos:pos + 4]
    if not nxt or not CJK.match(nxt[0]):
        return True
    if nxt.startswith(lexicon.AFTER_NAME) or nxt.startswith(tuple(lexicon.TITLES)) \
            or nxt.startswith(VERB_AFTER_NAME):
        return True
    # a verb, adverb or preposition of the dictionary starts right after (郎百川|开始巡田)
    seg = segmenter()
    if nxt[0] in TIME_PREPOSITIONS and _time_starts(text, pos + 1):
        return True       # 某某|于去年, 总统曾|于１２月: a preposition before a time
    two = nxt[:2]
    tag = seg.tags.get(two) or "x"
    freq = seg.tk.FREQ.get(two, 0)
    return freq >= 500 and tag[0] in "vdpcab" or \
        freq >= 1000 and tag in ("nz", "vn")     # 孙立明|汇报 (jieba tags 汇报 nz); not a noun: 管部门|意见


# one-character verbs of saying that end a speaker's words before a colon (许答：“…”)
SAYING = "答问说曰道讲"


def _says(text: str, name: str, end: int) -> bool:
    """Whether a two-character name before a colon at `end` ends in a verb of saying:
    许答： is the surname and 答 (answered); 李明道： is a name."""
    return len(name) == 2 and name[-1] in SAYING and text[end:end + 1] in "：:"


def _verb_heading(ctx: DocContext, start: int, end: int) -> bool:
    """A line's heading before a colon that begins with a verb of the dictionary and
    that the tagger reads no person over (查阅制：, a rule of inspection), not a speaker."""
    return (segmenter().tags.get(ctx.text[start:start + 2]) or "x").startswith("v") \
        and tagger_reads(ctx, "PER", start, end) is False


def persons(ctx: DocContext) -> None:
    text = ctx.text
    # bylines: reporters and correspondents; a trainee is 见习记者 on the whole page even
    # where a later byline calls them plain 记者
    trainees = {b.name for a in ctx.articles for b in a.bylines if b.role == "见习记者"}
    for a in ctx.articles:
        for b in a.bylines:
            ctx.add(b.name, "Person", b.start, b.end, rule="persons:byline")
            if b.role and not (b.role == "记者" and b.name in trainees):
                ctx.posts.append(PostMention(b.name, b.role, None, ctx.evidence(b.start, b.end)))
    for m in SPEAKER.finditer(text):
        name = person_name_at(text, m.start(1))
        if name == m.group(1) and not ctx.covered(m.start(1), m.end(1)) \
                and not name.endswith(("镇", "村", "乡", "县", "区", "市", "省", "街道")) \
                and not _verb_heading(ctx, m.start(1), m.end(1)) and not _says(text, name, m.end(1)) \
                and not _tagger_doubts(ctx, m.start(1), m.end(1)):     # (荣誉：, a profile's label)
            ctx.add(name, "Person", m.start(1), m.end(1), rule="persons:speaker")
    _profiles(ctx)
    _careers(ctx)
    _author_notes(ctx)
    _bracketed_posts(ctx)
    _appointments(ctx)
    _officials_listed(ctx)
    for ai, si, sent in ctx.sentences():
        _title_chains(ctx, sent)
        _titles_after_names(ctx, sent)
        _private_persons(ctx, sent)
        for m in SPEECH.finditer(sent.text):
            for n in (3, 2, 4):
                p = sent.start + m.start() - n
                if p < sent.start:
                    continue
                name = person_name_at(text, p)
                if name and name.endswith("人") and _is_word(name[:-1]):
                    break         # 伊利人说, 聊城人说: the people of a firm or place, not a name
                if name and len(name) == n and (p == sent.start or not CJK.match(text[p - 1]) or
                                                 text[p - 1] in "的，") \
                        and not _tagger_doubts(ctx, p, p + n) and not _says(text, name, p + n):
                    ctx.add(name, "Person", p, p + n, rule="persons:speech verb")
                    break
    _titles_after_sure_names(ctx)
    _bodies_after_titled_persons(ctx)
    _repeat_known(ctx)


def _bodies_after_titled_persons(ctx: DocContext) -> None:
    """A body's name does not run back over a person a title chain names: rosters print
    post, name and the next body together (…处长雷厚礼|西藏自治区话剧团演员…), and the
    body, named before the persons were known, took the name in. It starts after it."""
    for p in [m for m in ctx.mentions if m.rule == "persons:title chain"]:
        for b in ctx.overlapping(p.start, p.end, ORGANISATION_TYPES):
            if b.start <= p.start and p.end < b.end and b.end - p.end >= 2 \
                    and b.rule == "organisations:name and head":
                ctx.reshape(b, p.end, b.end)


# a list of names after officials named by role (陪同的有关部门负责人还有：甲、乙、丙等)
OFFICIALS_LISTED = re.compile(r"(?:负责人|领导同志|领导人|领导|官员)(?:还有|有|是|为)?[：:]")


def _officials_listed(ctx: DocContext) -> None:
    """Names listed after a colon that officials by role introduce are officials."""
    text = ctx.text
    for m in OFFICIALS_LISTED.finditer(text):
        p = m.end()
        while True:
            name = _anchored_name(ctx, p)
            if not name or text[p + len(name):p + len(name) + 1] not in ("、", "等", "。", "，", ""):
                break
            if not ctx.covered(p, p + len(name)):
                ctx.add(name, "Official", p, p + len(name), rule="persons:officials listed")
            p += len(name)
            if text[p:p + 1] != "、":
                break
            p += 1


def _profiles(ctx: DocContext) -> None:
    """Personnel notices and notes on a writer put the name first and the posts after
    现任 or 曾任: each piece of the career ends in a title, and a bare one (衡阳市委常委、
    副市长) belongs to the body of the piece before it, up to the next comma."""
    text = ctx.text
    for m in PROFILE.finditer(text):
        s, e = m.start(1), m.end(1)
        if person_name_at(text, s) != m.group(1):
            continue
        end = text.find("\n", e)
        end = end if end > 0 else len(text)
        posts = [p for cur in CAREER.finditer(text, e, end) for p in _career_posts(ctx, m.group(1), s, cur.end(), end)]
        if posts:
            ctx.add(m.group(1), "Official", s, e, rule="persons:profile")
            ctx.posts.extend(posts)


def _career_posts(ctx: DocContext, name: str, s: int, pos: int, end: int) -> list[PostMention]:
    """The posts of a career after its verb at `pos`, up to `end`: each piece ends in a
    title, and a bare one (衡阳市委常委、副市长) belongs to the body of the piece before
    it, up to the next comma."""
    text = ctx.text
    posts: list[PostMention] = []
    org = None
    for piece in CAREER_PIECE.finditer(text, pos, end):
        t = lexicon.TITLE_ENDING.search(piece.group())
        if not t or piece.group().startswith("拟"):
            break         # 拟任…: a post proposed, not held
        ts = piece.start() + t.start()
        body = _org_before(ctx, ts)
        org = body.name if body else org if text[piece.start() - 1] in "、兼" and ts == piece.start() else None
        posts.append(PostMention(name, t.group(), org, ctx.evidence(s, ts + len(t.group()))))
        if text[piece.end():piece.end() + 1] not in CAREER_JOINS:
            break
    return posts


def _tagged_persons_by_end(ctx: DocContext) -> dict[int, Span]:
    """The tagger's persons by where they end: the name before a verb of a post."""
    return {s.end: s for s in tagger_spans(ctx) if s.label == "PER"}


# what may stand between a name and its career's verb (邓某清同志|历任)
BEFORE_CAREER = re.compile(r"(?:同志)?(?:先后|还|曾)?$")


def _careers(ctx: DocContext) -> None:
    """A biography's or an obituary's career after the name (邓某清同志历任A、B，C): the
    name the tagger reads right before the verb, the posts up to the sentence's end."""
    text = ctx.text
    if CAREER.search(text) is None:
        return
    persons_by_end = _tagged_persons_by_end(ctx)
    for cur in CAREER.finditer(text):
        sent = ctx.sentence_at(cur.start())
        if sent is None:
            continue
        between = BEFORE_CAREER.search(text, sent.start, cur.start())
        person = persons_by_end.get(between.start())
        if person is None or person.start < sent.start:
            continue
        name = text[person.start:person.end]
        if person_name_at(text, person.start) != name and person.confidence < SURE_PERSON:
            continue
        posts = _career_posts(ctx, name, person.start, cur.end(), sent.end)
        if posts:
            if not ctx.covered(person.start, person.end):
                ctx.add(name, "Official", person.start, person.end, rule="persons:career")
            ctx.posts.extend(posts)


# the note closing an opinion piece on its author's office: （作者为广西钦州市代市长）
AUTHOR_NOTE = re.compile(r"[（(]作者(?:为|系|是|现任|现为)([^（）()\n]{2,60})[）)]")
AUTHOR_LINE_LINES = 6       # the author's own line is among an article's first (headline, decks)


def _author_notes(ctx: DocContext) -> None:
    """An article signed by one person on a line of its own under the headline and closed
    by a note on the author (（作者为广西钦州市代市长）): the note's posts are the author's,
    as the note's title chain reads them."""
    text = ctx.text
    for art in ctx.articles:
        note = AUTHOR_NOTE.search(text, art.start, art.end)
        author = note and _author_line(ctx, art.start, note.start())
        if not author:
            continue
        start, name = author
        sent = ctx.sentence_at(note.start(1))
        chain = chain_before(ctx, sent, note.end(1), note.end(1)) if sent else []
        if not chain:
            continue
        official = any(_is_official(ctx, t, org) for t, org, _ in chain)
        ctx.add(name, "Official" if official else "Person", start, start + len(name), rule="persons:author")
        ctx.posts += [PostMention(name, t, org, ctx.evidence(a, b)) for t, org, (a, b) in chain]


# a name and its post in brackets after it, as a forum prints its speakers:
# 闵耀良（农业部市场信息司司长）：, 甘英（曾任北京市政协副主席）
BRACKETED_POST = re.compile(r"[（(]([^（）()\n]{2,40})[）)]")


def _bracketed_posts(ctx: DocContext) -> None:
    """A name right before brackets that close on a title (闵耀良（农业部市场信息司司长）)
    holds the posts of the brackets' title chain."""
    text = ctx.text
    for b in BRACKETED_POST.finditer(text):
        if not lexicon.TITLE_ENDING.search(b.group(1)):
            continue
        name = next((text[p:b.start()] for p in range(b.start() - 4, b.start() - 1)
                     if p >= 0 and (person_name_at(text, p) == text[p:b.start()]
                                    or tagged_person_at(ctx, p) == text[p:b.start()])), None)
        if name is None:
            continue
        start = b.start() - len(name)
        word = ctx.token_at(start)
        if word is not None and word.start < start and segmenter().tk.FREQ.get(word.word, 0):
            continue          # 首席交|易员（…主管）: the end of a word jieba knows, no name
        sent = ctx.sentence_at(b.start(1))
        chain = chain_before(ctx, sent, b.end(1), b.end(1)) if sent else []
        if not chain:
            continue
        official = any(_is_official(ctx, t, org) for t, org, _ in chain)
        ctx.add(name, "Official" if official else "Person", start, b.start(), rule="persons:bracketed post")
        ctx.posts += [PostMention(name, t, org, ctx.evidence(start, e)) for t, org, (_, e) in chain]


def _author_line(ctx: DocContext, lo: int, hi: int) -> tuple[int, str] | None:
    """Where the one name standing alone on one of an article's first lines starts, and
    the name (the rules' or the tagger's reading of the whole line)."""
    pos = lo
    for _ in range(AUTHOR_LINE_LINES):
        end = ctx.text.find("\n", pos, hi)
        if end < 0:
            return None
        line = ctx.text[pos:end].strip()
        at = pos + ctx.text[pos:end].find(line) if line else pos
        if 2 <= len(line) <= FOREIGN_NAME_LENGTH and (person_name_at(ctx.text, at) == line
                                                      or tagged_person_at(ctx, at) == line):
            return at, line
        pos = end + 1
    return None


# personnel notices: 任命张某为某局局长, 免去李某的某局局长职务 (one post each, up to a break);
# an election names several to one post, each perhaps with a note (女、维吾尔族), and goes on
# to the next post after a comma without the verb: 选举甲为主任，乙（女）、丙为副主任
APPOINTEE = r"(?:[\u4e00-\u9fff]{2,4}?|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})?)"
APPOINTEE_NOTE = r"(?:同志)?(?:（[^（）\n]{1,12}）)?"
APPOINTEES = rf"{APPOINTEE}{APPOINTEE_NOTE}(?:、{APPOINTEE}{APPOINTEE_NOTE})*"
APPOINTED = re.compile(rf"(?:任命|提名|选举|推选|聘任|聘请)({APPOINTEES})为([^，,。；;、\n]{{2,40}})")
APPOINTED_NEXT = re.compile(rf"[，；]({APPOINTEES})为([^，,。；;、\n]{{2,40}})")
ONE_APPOINTEE = re.compile(rf"({APPOINTEE}){APPOINTEE_NOTE}(?=、|$)")
REMOVED = re.compile(r"免去([\u4e00-\u9fff·]{2,4}?)(?:同志)?的([^，,。；;、\n]{2,40}?)职务")
# news of a post taken or held: 王某当选为县政协主席, 李某出任某公司总经理, 由王某任组长,
# 某某同志作为某省委统战部部长 (the tagger reads the name that ends before the verb)
TAKES_POST = re.compile(r"(?:同志)?(?:当选为|当选|出任|担任|升任|调任|作为|任)([^，,。；;、\n]{2,40})")


def _appointed(text: str) -> Iterator[re.Match]:
    """Each clause of a notice that names appointees and their post: the verb's own, and
    the clauses after it that name others to the next post (，乙、丙为副主任)."""
    for m in APPOINTED.finditer(text):
        while m is not None:
            yield m
            m = APPOINTED_NEXT.match(text, m.end())


def _appointments(ctx: DocContext) -> None:
    """Personnel notices name a person and the post given (任命某某为某局局长) or taken
    away (免去某某的某局局长职务), and news a post taken (某某当选为县政协主席, where the
    tagger reads the name): each states the post, as a career researcher reads it.
    The post ends in a title; the body named right before it is its body."""
    text = ctx.text
    # (name's start and end, the post's text and start): the notices name the person
    # after the verb, the news before it
    stated = [(m.start(1), m.end(1), m.group(2), m.start(2), False) for m in REMOVED.finditer(text)]
    stated += [(m.start(1) + n.start(1), m.start(1) + n.end(1), m.group(2), m.start(2), False)
               for m in _appointed(text) for n in ONE_APPOINTEE.finditer(m.group(1))]
    persons_by_end = _tagged_persons_by_end(ctx)
    stated += [(p.start, p.end, m.group(1), m.start(1), p.confidence >= SURE_PERSON)
               for m in TAKES_POST.finditer(text) if (p := persons_by_end.get(m.start())) is not None]
    for s, e, post, post_start, sure in stated:
        name = text[s:e]
        if not sure and person_name_at(text, s) != name and name not in (_dotted_name(ctx, s), tagged_person_at(ctx, s)):
            continue          # a sure reading of the tagger's stands (王振林|任组长: 任 is a surname too)
        t = lexicon.TITLE_ENDING.search(post)
        if t is None:
            continue
        ts = post_start + t.start()
        body = _org_before(ctx, ts)
        if not ctx.covered(s, e):
            official = _is_official(ctx, t.group(), body.name if body else None)
            ctx.add(name, "Official" if official else "Person", s, e, rule="persons:appointment")
        ctx.posts.append(PostMention(name, t.group(), body.name if body else None, ctx.evidence(s, ts + len(t.group()))))


def _tagger_doubts(ctx: DocContext, start: int, end: int) -> bool:
    """The tagger reads no person over a name a weak cue found (记者|慕名, 信中|说). A name
    kept anonymous (宇文某平, 张某) is written to be one, and the tagger has seen few."""
    return "某" not in ctx.text[start:end] and tagger_reads(ctx, "PER", start, end) is False


def _private_persons(ctx: DocContext, sent) -> None:
    """Residents, authors and teachers: a role word or a home before the name, or 老师 after it."""
    text = ctx.text
    for m in HONORIFIC.finditer(sent.text):
        for n in (3, 2):
            p = sent.start + m.start() - n
            if p < sent.start or (p > sent.start and CJK.match(text[p - 1]) and text[p - 1] not in "的和与及、"):
                continue
            name = person_name_at(text, p)
            if name and len(name) == n and not ctx.covered(p, p + n) and not _tagger_doubts(ctx, p, p + n):
                ctx.add(name, "Person", p, p + n, rule="persons:resident or staff")
                if m.group() in OCCUPATIONS:      # 王培温老师: the occupation is a post
                    ctx.posts.append(PostMention(name, m.group(), None,
                                                 ctx.evidence(p, sent.start + m.end())))
                break
    for rx in (ROLE_BEFORE, LIVES_AT):
        for m in rx.finditer(sent.text):
            p = sent.start + m.end()
            name = person_name_at(text, p)
            if name and not ctx.covered(p, p + len(name)) and not _tagger_doubts(ctx, p, p + len(name)):
                ctx.add(name, "Person", p, p + len(name), rule="persons:resident or staff")
                after = text[p + len(name):p + len(name) + 3]
                occ = next((o for o in OCCUPATIONS if after.startswith(o)), None)
                if occ:
                    ctx.posts.append(PostMention(name, occ, None, ctx.evidence(p, p + len(name) + len(occ))))


# a post in apposition before 的: 时任某市长的X, 曾经是高级工程师的X
APPOSITION = re.compile(r"(?:时任|曾任|现任|原任|担任|是)[^，。；;、,“”]{0,10}$")


# jieba's tags of a name, a place (区长|江… read 长江) or a guess: a word that may hold a name
NAME_WORD_TAGS = ("nr", "nrt", "nrfg", "ns", "x")


def _title_chains(ctx: DocContext, sent) -> None:
    text = ctx.text
    word_starts: set[int] | None = None
    listed: list[tuple[str, str | None]] = []    # the posts of a list 书记X、省长Y、…, so far
    list_end = -1
    for m in TITLE_RE.finditer(sent.text):
        ts, te = sent.start + m.start(), sent.start + m.end()
        if text[ts - 1:ts] == "“" and text[te:te + 1] == "”":
            te += 1               # a title in quotes before the name: “田长”朗佰雨
        elif text[te:te + 1] == "的" and APPOSITION.search(text, sent.start, ts):
            te += 1
        if text[te:te + 1] in SEP or text[te:te + 1] == "":
            continue
        if any(d.type == "District" and ts < d.start < te for d in ctx.mentions_between(ts + 1, te)):
            continue          # 划入了上海市|长宁区: the title's last characters begin an area's name
        if word_starts is None:
            word_starts = {t.start for t in ctx.tokens(sent)}
        idiom = ctx.token_at(te - 1)
        if idiom is not None and idiom.end > te and (
                idiom.tag in ("i", "l") or idiom.tag not in NAME_WORD_TAGS and segmenter().tk.FREQ.get(idiom.word, 0)
                and tagged_person_span(ctx, te) is None):
            continue          # 自会|长盛不衰, 轮值主席|国时: the title's last character begins an
                              # idiom or a word of jieba's (主席国), where the tagger reads no name
        if text[te:te + 1] in CLAUSE_AFTER_TITLE and _name_ends(text, te + 1):
            continue          # 接见…政府部长|时作上述表示, 总书记|曾讲到: no name follows
        if text[te:te + 1] in PREPOSITION_SURNAMES and (after := tagged_person_span(ctx, te + 1)) is not None \
                and after.confidence >= SURE_PERSON:
            continue          # 许某田副社长|对|让·米奥先生…表示感谢: a preposition, then its object
        # a title is an anchor only where a word starts after it (not 小区|长效管理)
        name = te in word_starts and _dotted_name(ctx, te) or \
            _anchored_name(ctx, te, anchored=te in word_starts)
        if not name:
            continue
        names = [(te, name)]
        p = te + len(name)
        if m.group() in lexicon.TITLES_AFTER_NAME and TITLE_AFTER_NAME.match(text, p) and \
                _name_before(ctx, sent, ts, word_starts | {sent.start}) is not None:
            continue          # 江某某总书记|李某总理: each title follows its own name
        # several people after one title: 副区长赵亚秋、刘兆华
        while text[p:p + 1] == "、":
            nxt = _anchored_name(ctx, p + 1)
            if not nxt or TITLE_RE.match(text, p + 1) or TITLE_RE.match(text, p + 1 + len(nxt)):
                break     # 总统迈达尼、|贝宁总统克雷库: a word before a title names the next post's body
            names.append((p + 1, nxt))
            p += 1 + len(nxt)
        chain = chain_before(ctx, sent, ts, ts + len(m.group()))
        if ts - 1 != list_end:
            listed = []
        chain = [(t, o or _listed_body(listed, t), sp) for t, o, sp in chain]
        listed += [(t, o) for t, o, _ in chain]
        list_end = p
        # a body with a board (鸿宇中学董事长、校长X) is run privately: no post in it is office
        private = lexicon.boarded((t, org) for t, org, _ in chain)
        for pos, nm in names:
            official = any(_is_official(ctx, t, org) for t, org, _ in chain if org not in private)
            type_ = "Official" if official else "Person"
            place = ctx.covered(pos, pos + len(nm), ("Place",))
            if place is not None and (place.start, place.end) == (pos, pos + len(nm)):
                # 负责人徐某春、…、武某河等: a name the places' head (河) read as a river
                ctx.reshape(place, pos, place.end, type_=type_, rule="persons:title chain")
            ctx.add(nm, type_, pos, pos + len(nm), rule="persons:title chain")
            for title, org, (s, e) in chain:
                ctx.posts.append(PostMention(nm, title, org, ctx.evidence(s, pos + len(nm))))


def _listed_body(listed: list[tuple[str, str | None]], title: str) -> str | None:
    """In a list of people each with a title (省委书记X、省长Y、副书记Z), a title with no
    body of its own is in the body of the last one listed with the same head (书记)."""
    head = title.removeprefix("常务").removeprefix("副")
    return next((o for t, o in reversed(listed) if o and t.endswith(head)), None) if head != title else None


BODY_TYPES = ("District", *ORGANISATION_TYPES, "Place")


def _called_by_surname(ctx: DocContext, surname: str, title: str, start: int) -> bool:
    """Whether the page names someone of this surname in full with this title after the
    name (江泽民主席): the surname before the title is then theirs (向|江主席), see
    `surname_mentions`."""
    return any(m.type in ("Person", "Official") and len(m.name) >= 2 and m.name[0] == surname
               and m.start != start and ctx.text.startswith(title, m.end) for m in ctx.mentions)


def _titles_after_names(ctx: DocContext, sent) -> None:
    """A national paper's form of address: the title after the name (某某总理, 某某·某某总理).
    The name must start a word: after punctuation or where jieba's cut starts one."""
    text = ctx.text
    word_starts: set[int] | None = None
    for m in TITLE_AFTER_NAME.finditer(sent.text):
        ts = sent.start + m.start()
        whole = lexicon.TITLE_ENDING.search(text, max(sent.start, ts - 8), ts + len(m.group()))
        if whole and whole.start() < ts:
            continue          # the end of a longer title: 荣誉主席, 国家主席
        if word_starts is None:
            word_starts = {t.start for t in ctx.tokens(sent)} | {sent.start}
        name_start = _name_before(ctx, sent, ts, word_starts)
        if name_start is None or ctx.covered(name_start, ts, BODY_TYPES):
            continue          # 区政协|主席: a body, not a name
        if _tagger_doubts(ctx, name_start, ts):
            continue          # 由军委|主席: the tagger, which has seen the form, reads no name
        if _called_by_surname(ctx, text[ts - 1], m.group(), name_start):
            continue          # 王某廉向|江主席: the surname of 江泽民主席, named so before
        if ts - name_start == 1:
            continue          # 向|毛主席: a surname alone is an address (`surname_mentions`)
        if ts - name_start == 2 and text[name_start] in PREPOSITION_SURNAMES \
                and (alone := tagged_person_span(ctx, ts - 1)) is not None and alone.end == ts:
            continue          # 向|周总理: the tagger reads the surname alone as the person
        if text[name_start + 1:ts] in HONORIFIC_ONLY:
            continue          # 孙老|将军: a surname and a form of address (see `surname_mentions`)
        name_end = ts
        sure = tagged_person_span(ctx, name_start)
        if sure is not None and sure.confidence >= SURE_PERSON and text[sure.end:ts] in HOLDING_VERBS:
            name_end = sure.end   # 拉吉夫·甘地|当|总理时: the verb of holding the post is no part of the name
        name = text[name_start:name_end]
        ctx.add(name, "Official", name_start, name_end, rule="persons:title after name")
        ctx.posts.append(PostMention(name, m.group(), None, ctx.evidence(name_start, ts + len(m.group()))))


# verbs of holding a post, between a name and the title it held (某某当总理时)
HOLDING_VERBS = frozenset({"当", "任", "出任", "担任"})


def _titles_after_sure_names(ctx: DocContext) -> None:
    """Any title after a name the tagger is sure of (周某康总经理传达, 路某祥院长对此, 许某跃
    副书记为团长): papers address officials of every rank so, not only national ones
    (see `_titles_after_names`). The title is one or more whole words of jieba's, and
    the name no part of a body's."""
    for s in tagger_spans(ctx):
        if s.label != "PER" or s.confidence < SURE_PERSON:
            continue
        title = lexicon.TITLE_RE.match(ctx.text, s.end)
        if title is None or title.group() in lexicon.TITLES_AFTER_NAME:
            continue          # the national titles are `_titles_after_names`'s
        sent = ctx.sentence_at(s.start)
        if sent is None or title.end() > sent.end:
            continue
        bounds = {b for t in ctx.tokens(sent) for b in (t.start, t.end)}
        name = ctx.text[s.start:s.end]
        if s.end not in bounds or title.end() not in bounds or ctx.covered(s.start, s.end, BODY_TYPES) \
                or not all(CJK.match(c) or c in "·•" for c in name) or len(name) < 2:
            continue
        org = _body_before_in_sentence(ctx, sent, title.group(), s.start)
        ctx.add(name, "Official" if _is_official(ctx, title.group(), org) else "Person", s.start, s.end,
                rule="persons:title after sure name")
        ctx.posts.append(PostMention(name, title.group(), org, ctx.evidence(s.start, title.end())))


# a firm's officers: their firm is the one the sentence names last before them
FIRM_OFFICERS = ("董事长", "总经理", "经理", "总裁")


def _body_before_in_sentence(ctx: DocContext, sent, title: str, pos: int) -> str | None:
    """The body a title after a name is of, where the sentence names it before the name:
    a chief's (院长) the last body there whose name ends in the chief's head (中国科学院
    …工作会议上，路某祥院长), a firm's officer's (总经理) the last firm; any title's the
    body written right before the name (国家经贸委|陈某泰|副主任)."""
    adjacent = ctx.first_ending_at(pos, ORGANISATION_TYPES)
    if adjacent is not None:
        return adjacent.name
    core = title.removeprefix("副")
    if len(core) == 2 and core.endswith(CHIEF):
        def ok(o: Mention) -> bool:
            return o.type in ORGANISATION_TYPES and o.name.endswith(core[0])
    elif core in FIRM_OFFICERS:
        def ok(o: Mention) -> bool:
            return o.type == "Company"
    else:
        return None
    body = ctx.nearest_before(pos, ok)
    return body.name if body is not None and body.start >= sent.start else None


def _name_before(ctx: DocContext, sent, pos: int, word_starts: set[int]) -> int | None:
    """Where a name ending at `pos` starts: a dotted foreign name from the words before its
    first dot back to a common word (受到|川某·立某), else a Chinese name that starts a
    word (这是|李某|总理)."""
    text = ctx.text
    d = DOTTED_BEFORE.search(text, sent.start, pos)
    if d:
        first_dot = next(i for i in range(d.start(), pos) if text[i] in "·•・")
        sure = _sure_person_start(ctx, d.start(), first_dot, pos)
        if sure is not None:
            return sure           # 全力支持|阿沛·阿旺晋美: the tagger, sure, tells the words from the name
        starts = sorted(s for s in word_starts if d.start() <= s < first_dot) + [first_dot]
        start = first_dot
        for a, b in reversed(list(zip(starts, starts[1:]))):
            if b - a > 1 and _is_word(text[a:b], min_freq=1000):
                break
            start = a
        return start if start < first_dot and foreign_name_at(text, start) == text[start:pos] else None
    for n in (3, 2, 4):
        p = pos - n
        # (or the tagger is sure of it: 周恩来|总理, where 来 ends a name by the rules' test)
        if p >= sent.start and p in word_starts and (person_name_at(text, p) == text[p:pos]
                                                     or _sure_person_start(ctx, p, p + 1, pos) is not None):
            # 江某某总书记和|李某总理: the conjunction is no surname, as the tagger reads
            return p + 1 if _conjunction_before_person(ctx, p, text[p:pos]) else p
    return None


def _sure_person_start(ctx: DocContext, lo: int, hi: int, end: int) -> int | None:
    """The start, in [lo, hi), of a person the tagger is sure of that ends at `end`."""
    person_at = ctx.memo.get(TAGGER_MEMO, {}).get("person_at", {})
    return next((p for p in range(lo, hi) if (s := person_at.get(p)) is not None and s.end == end
                 and s.confidence >= SURE_PERSON), None)


FOREIGN_NAME_LENGTH = 4     # a name this long is a transliteration (Chinese names have 2-3)


def _anchored_name(ctx: DocContext, pos: int, anchored: bool = True) -> str | None:
    """The name at `pos` after a title or a role: the rules' cut, or the tagger's where
    the rules find none or cut a name that jieba's dictionary holds whole (周恩|来: 来
    ends a name by the rules' test) or a foreign name it is sure of; not a name the HMM
    glued to the next word (张明到|冠县)."""
    rules, tagged = person_name_at(ctx.text, pos, anchored=anchored), tagged_person_at(ctx, pos)
    if rules and _conjunction_before_person(ctx, pos, rules):
        return None       # 总书记|和李某总理: a conjunction before the next person
    if rules and tagged and len(tagged) > len(rules) and tagged.startswith(rules) and (
            segmenter().tk.FREQ.get(tagged, 0) > 0 or len(tagged) >= FOREIGN_NAME_LENGTH
            and tagged_person_span(ctx, pos).confidence >= SURE_PERSON):
        return tagged     # 工业部长蒙塔尔|托: a longer foreign name the tagger is sure of
    if rules and tagged and len(tagged) == len(rules) + 1 and tagged.startswith(rules) \
            and tagged[-1] in lexicon.NAME_STOP and tagged_person_span(ctx, pos).confidence >= SURE_PERSON \
            and _word_after_name(ctx, pos + len(tagged)):
        return tagged     # 局长张人|为|指出: the function character the rules ended on is the name's
    if rules and tagged and len(tagged) < len(rules) and rules.startswith(tagged) and \
            tagged_person_span(ctx, pos).confidence >= SURE_PERSON and _word_after_name(ctx, pos + len(tagged)) \
            and not _joins_nothing(ctx.text, pos + len(rules), rules[-1]):
        return tagged     # 副总裁赵超|携, 县委书记张静|给: the rules' third character begins a word
    if rules and not tagged and (_common_word_for_given_name(rules) or _conjunction_before_noun(ctx, pos, rules)
                                 or _cuts_word_at_end(ctx, pos + len(rules)) or _verb_and_place(ctx, pos, rules)) \
            and _tagger_doubts(ctx, pos, pos + len(rules)):
        return None       # 部长|曾表示, 主席|国期间, 区委书记|和市直部门, 议员|都反对: a surname's
                          # character and a common word
    if rules and not tagged and any(t.tag == "r" and pos < t.start < pos + len(rules) and t.word[0] != "某"
                                    for t in ctx.tokens(ctx.sentence_at(pos))):
        return None       # 副总理|来|该局: a pronoun is no given name (but 李|某国 is kept anonymous)
    return rules or tagged


def _verb_and_place(ctx: DocContext, pos: int, name: str) -> bool:
    """Whether jieba reads the surname's character as a one-character verb and the given
    name as a place (部长|来|东滩|视察: the minister came to 东滩)."""
    first, rest = ctx.token_at(pos), ctx.token_at(pos + 1)
    return first is not None and rest is not None and first.word == name[0] and first.tag == "v" \
        and rest.start == pos + 1 and rest.end == pos + len(name) and rest.tag == "ns"


def _cuts_word_at_end(ctx: DocContext, end: int) -> bool:
    """Whether jieba's word runs across `end` (都反|对: 反对, oppose)."""
    t = ctx.token_at(end - 1)
    return t is not None and t.end > end and len(t.word) >= 2


# jieba's tags of a word that follows a name: verbs, prepositions, adverbs, conjunctions
WORD_AFTER_NAME_TAGS = ("v", "p", "d", "c")


def _word_after_name(ctx: DocContext, pos: int) -> bool:
    """Whether jieba cuts a verb or a function word at `pos` (赵超|携, 张静|给)."""
    t = ctx.token_at(pos)
    return t is not None and t.start == pos and t.tag.startswith(WORD_AFTER_NAME_TAGS)


# jieba's frequency from which a verb after a surname's character is the sentence's, not a
# given name (表示 19,238, 亲临 405; 建新 36 and 静宜 2 are names on the invented pages):
# 1998 slice 0.8494 -> 0.8499 (1,000: 0.8497), the rest unchanged
COMMON_WORD_FREQ = 300


def _common_word_for_given_name(name: str) -> bool:
    """Whether what follows the surname is one common verb, locative, pronoun or time word
    of jieba's dictionary (曾|表示, 时|强调, 国|期间, 越总理谈|今年): a title's adverb or
    time word and the word after it, or a headline's verb and its time, where the tagger
    reads no person."""
    single, compound = surnames()
    rest = name[2:] if name[:2] in compound else name[1:] if name[0] in single else ""
    toks = segmenter().tokens(rest) if len(rest) >= 2 else []
    return len(toks) == 1 and (toks[0].tag.startswith("v") or toks[0].tag in ("f", "r", "t")) \
        and segmenter().tk.FREQ.get(rest, 0) >= COMMON_WORD_FREQ


def _conjunction_before_noun(ctx: DocContext, pos: int, name: str) -> bool:
    """Whether the rules' name at `pos` is a conjunction or preposition (和) and a word, a
    common noun following (县市区委书记|和|市直|部门): no name stands before a noun like
    that (but 第一书记和建新, 和 a Naxi surname, ends its line; 和子骞|列席会议/n is rare), nor
    before a title (组织部部长|和|党校|校长: 和 joins a second post)."""
    after = ctx.token_at(pos + len(name))
    return name[0] in PREPOSITION_SURNAMES and after is not None and after.start == pos + len(name) \
        and (after.tag == "n" and segmenter().tk.FREQ.get(after.word, 0) >= COMMON_WORD_FREQ
             or after.tag == "title")


def _conjunction_before_person(ctx: DocContext, pos: int, name: str) -> bool:
    """Whether the rules' name at `pos` is a preposition or conjunction (和) before the
    person the tagger reads right after it (和|李某), or before a surname it reads alone
    (周总理|向|毛主席): not a surname."""
    after = tagged_person_span(ctx, pos + 1)
    return name[0] in PREPOSITION_SURNAMES and after is not None and after.start == pos + 1 and (
        tagged_person_at(ctx, pos + 1) == name[1:] or len(name) == 2 and after.end == pos + 2)


CHAIN_JOINS = "、，,兼"    # what joins the posts of a chain (副主任兼中国证监会副主席)
CLAUSE_JOINS = ("，", ",")  # ... of which these join clauses: the post before one begins its clause
CLAUSE_STARTS = "，,。；;：:！？!?（(“\n 　"


def chain_before(ctx: DocContext, sent, ts: int, te: int) -> list[tuple[str, str | None, tuple]]:
    """The titles before a name, walking left over separators: [(title, org, span)]."""
    text = ctx.text
    chain = []
    end = te
    title_start = ts
    while True:
        m = None
        ending = [mm for s in range(max(sent.start, end - 12), end)
                  if (mm := TITLE_RE.match(text, s, end)) and mm.end() == end]
        # the longest title ending here that cuts no name (尼山镇|党委书记), else the longest (宜宁郡守)
        m = next((mm for mm in ending if not _inside_a_name(ctx, mm.start())), ending[0] if ending else None)
        if m is None:
            break
        title = m.group()
        org_m = _org_before(ctx, m.start()) or _this_body(ctx, m.start())
        if org_m is not None and org_m.type == "District" and text[org_m.start - 1:org_m.start] == POSTED_TO:
            org_m = _sender(ctx, org_m.start - 1)   # 中国驻俄罗斯|大使: China's envoy, not Russia's
        org = org_m.name if org_m else None
        if org_m is not None and org_m.type == "District" and title[1:2] == "委" \
                and org.endswith(title[:1]) and title[:1] in "市区县省":
            org += "委"       # 延庆县原县委书记: the area's committee
        if org is None and title[:1] in "市区县省" and len(title) > 2:
            d = ctx.area_for(title[0], m.start())
            if d:
                org = d.name + ("委" if title[1:2] == "委" else "")
        inner = None
        if org is None:     # 镇党委|书记: a body the page names begins the title
            inner = org = next((x.name for x in ctx.mentions_between(m.start(), m.start() + 1)
                                if x.type == "Agency" and x.end < m.end()), None)
        if org is None and (org_m := body_over_title(ctx.mentions_over(m.start()), m.start(), m.end())):
            org = org_m.name    # 全国人大|代表: the title begins inside a body the page names
        if org is None and title.endswith(AREA_HEAD_ENDINGS):
            d = ctx.area_for(title[-2], m.start()) if title[-2] in "市区县省" else None
            org = d.name if d else None
        title_start = org_m.start if org_m else _bare_body_before(text, sent.start, m.start())
        if text[end:end + 1] in CLAUSE_JOINS and title_start > sent.start \
                and text[title_start - 1] not in CLAUSE_STARTS + "、兼":
            break         # 夏赫连任亚足联主席，|中国足协副主席张某: a clause's object, not a post of the chain
        # a title after a body no rule named is that body's: it takes no other body's
        unnamed = org is None and title_start < m.start()
        chain.insert(0, (title, org, (m.start(), m.end()), inner is None, unnamed))
        if title_start - 1 < sent.start or text[title_start - 1] not in CHAIN_JOINS:
            break
        end = title_start - 1
    # a title chain passes its organisation on: 省文联党组书记、副主席 -> both of 省文联; not
    # back to the titles before it (市人大代表、某集团董事长: the deputy is no post of the firm),
    # nor a body named inside a title (中共中央政治局委员、国务委员: the Politburo's is the first's only),
    # nor to an area's head or a state office (省委书记、省长; 中共中央总书记、国家主席; 国务委员),
    # nor to a title after a body no rule named (see `_bare_body_before`)
    shared, known = [], None
    for t, o, sp, passes_on, unnamed in chain:
        known = o if o and passes_on else known
        own_scope = t.endswith(AREA_HEAD_ENDINGS) or t.startswith("国家") or t in lexicon.STATE_OFFICES \
            or unnamed
        shared.append((t, o or (None if own_scope else known), sp))
    return shared



def body_over_title(mentions: Iterable[Mention], start: int, end: int) -> Mention | None:
    """The agency among `mentions` whose name ends inside the title at [start, end) and
    begins before it (全国政协|委员: the title's 政协 is the body's last word; a chief's
    title on the body's one-character head, 国防部|长, is `_org_before`'s to read)."""
    return next((x for x in mentions if x.type == "Agency" and x.start < start < x.end - 1 < end - 1), None)


POSTED_TO = "驻"      # 驻X大使, 驻X记者: posted to X by the body or state named before


def _sender(ctx: DocContext, pos: int) -> Mention | None:
    """The state or body named right before 驻 at `pos` (中国驻, 外交部驻), which posts
    the title's holder abroad."""
    return ctx.first_ending_at(pos, ("Agency", "Company", "Organization", "District"))


BODY_HEAD_END = re.compile("(?:" + "|".join(map(re.escape, lexicon.AGENCY_HEADS)) + ")$")


def _bare_body_before(text: str, lo: int, pos: int) -> int:
    """Where an unnamed body before a title starts (、办事处|主任), or a body no rule named
    between one post and the next (某集团有限公司副总裁、|泛华北方投资|董事长: after a title
    and 、, what stands before a title is its body): the chain goes on past it."""
    j = max(text.rfind(c, max(lo, pos - 8), pos) for c in "、，,")
    piece = text[j + 1:pos]
    if j >= lo and re.fullmatch(r"[\u4e00-\u9fff]+", piece) and BODY_HEAD_END.search(piece):
        return j + 1
    j = text.rfind("、", max(lo, pos - 1 - UNNAMED_BODY), pos)
    piece = text[j + 1:pos]
    if j > lo and re.fullmatch(r"[\u4e00-\u9fff]{2,}", piece) and not set(piece) & set(CHAIN_JOINS) \
            and not TITLE_RE.search(piece) and lexicon.TITLE_ENDING.search(text, max(lo, j - 8), j):
        return j + 1
    return pos


UNNAMED_BODY = 10       # the most characters of a body named between two posts


THIS_BODY = re.compile(r"(?:该|本)(院|局|校|所|中心|公司|集团|委|厅|部|馆|行)$")
BARE_BODY = re.compile(r"(?:^|[，。；：、\n])(公司|集团|企业|合作社|医院|银行|支队|大队)$")


def _this_body(ctx: DocContext, pos: int):
    """该院院长, or a clause opening with 公司党委书记 or 医院院长: the body of that kind
    named last before it in the article."""
    m = THIS_BODY.search(ctx.text, max(0, pos - 4), pos) or BARE_BODY.search(ctx.text, max(0, pos - 5), pos)
    if not m:
        return None
    return body_of_kind(ctx, m.group(1), pos, ORGANISATION_TYPES)


def _inside_a_name(ctx: DocContext, pos: int) -> bool:
    return any(m.start < pos < m.end and m.type in ("District", "Agency", "Company", "Organization")
               for m in ctx.mentions_over(pos))


# a body's short form in brackets between its name and a title (阿拉伯国家联盟（阿盟）秘书长)
SHORT_FORM_BEFORE = re.compile(r"[（(][^（）()，。、；：]{1,10}[）)]$")


# what stands between a body and its title: 的, or the holder's tenure (亚凯迪严市的市长,
# 国际足联新任主席, 南非前总统)
BETWEEN_BODY_AND_TITLE = ("的", "新任", "现任", "前任", "代理", "候任", "新", "前", "原", "现")


def _org_before(ctx: DocContext, pos: int):
    """The body or area right before a title, before 的 or a tenure word and the title
    (亚凯迪严市的市长, 南非前总统), or
    before its short form in brackets (阿拉伯国家联盟（阿盟）秘书长), or the body whose
    head the title begins with (市财政局长: 市财政局)."""
    types = ("Agency", "Company", "Organization", "District")
    shared = ctx.first_ending_at(pos + 1, types[:3]) if ctx.text[pos + 1:pos + 2] == CHIEF else None
    return ctx.first_ending_at(pos, types) or \
        (shared if shared is not None and shared.start < pos else None) or \
        next((b for w in BETWEEN_BODY_AND_TITLE if ctx.text.startswith(w, pos - len(w))
              and (b := ctx.first_ending_at(pos - len(w), types)) is not None), None) or \
        (ctx.first_ending_at(short.start(), types) if (short := SHORT_FORM_BEFORE.search(
            ctx.text, max(0, pos - 12), pos)) else None)


def _is_official(ctx: DocContext, title: str, org: str | None) -> bool:
    org_mentions = [m for m in ctx.mentions if m.name == org] if org else []
    org_types = {m.type for m in org_mentions}
    if title.startswith(lexicon.PARTY_GROUP):
        return True
    if title in lexicon.COMPANY_TITLES:
        return bool(org_types & {"Agency", "District"})
    if lexicon.heads_unnamed_body(title, org):
        return False
    if len(org_types) == 1 and lexicon.private_body(next(iter(org_types)), org):
        return False      # 舞蹈队队长, 合作社理事长, 公司党委书记: no public office
    if any(lexicon.described_private(ctx.text, m.start) for m in org_mentions):
        return False      # 股份制医院———广济医院, 医院院长: a private hospital's head
    return title in lexicon.OFFICIAL_TITLES or title.endswith(("长", "书记", "主任", "主席", "委员"))


def _repeat_known(ctx: DocContext) -> None:
    """Every occurrence of a name found once is a mention of it."""
    known = {}
    for m in ctx.mentions:
        if m.type in ("Person", "Official") and len(m.text) >= 2:
            known.setdefault(m.text, m.type)
            if m.type == "Official":
                known[m.text] = "Official"
    for name, type_ in known.items():
        for start in occurrences(ctx.text, name):
            end = start + len(name)
            if not ctx.covered(start, end) and not ctx.text.startswith(lexicon.DOCTRINE_AFTER, end):
                ctx.add(name, type_, start, end, rule="persons:name repeated")


# what may follow a surname to call its bearer by it: an honorific or a title (白市长,
# 江主席, 王先生); not 某 (王某 is someone the page will not name)
SURNAME_CALLS = sorted((HONORIFIC_ONLY - {"某", "某某"}) | set(lexicon.TITLES), key=len, reverse=True)
SURNAME_CALL = re.compile("|".join(map(re.escape, SURNAME_CALLS)))
# a call anywhere: where it starts, the character before is the surname to test
CALL_AFTER = re.compile(f"(?<=[\u4e00-\u9fff])(?:{SURNAME_CALL.pattern})")


# what a list of persons ends in where they are leaders: of the Party and state, the
# centre, an area (江某、李某、乔某等党和国家领导人; 王某、张某等省领导同志)
LEADERS_AFTER = re.compile(r"等(?:党和国家|党政军|中央|省|市|县|区|党政)?(?:主要)?领导(?:人|同志)")


def listed_leaders(ctx: DocContext) -> None:
    """The persons a list names before 等…领导人 (领导同志) hold posts: officials, though
    no title stands by each (a national page's roll of those present)."""
    persons = sorted((m for m in ctx.mentions if m.type in PERSONS), key=lambda m: m.start)
    for run in joined_runs(ctx, persons):
        if LEADERS_AFTER.match(ctx.text, run[-1].end):
            for m in run:
                if m.type == "Person":
                    ctx.reshape(m, m.start, m.end, type_="Official", name=m.name)


def surname_mentions(ctx: DocContext) -> None:
    """A surname with a title or honorific after it (白市长, 江主席, 王先生) is a mention
    of the one person of that surname the page names in full: so the article that calls
    them so cites them, and co-mentions count it. With several such persons on the
    page it names nobody; where jieba's word runs over the surname's character from
    before (提高|市长), it is that word's. With none, and the tagger reading a person
    at the surname, it is a person the page calls only so (`_called_only`)."""
    single, compound = surnames()
    people: dict[str, dict[str, set[str]]] = {}          # surname -> name -> its types
    for m in ctx.mentions:
        if m.type in ("Person", "Official") and len(m.name) >= 2:
            key = m.name[:2] if m.name[:2] in compound else m.name[0]
            people.setdefault(key, {}).setdefault(m.name, set()).add(m.type)
    called = {key: next(iter(named.items())) for key, named in people.items()
              if len(named) == 1 and (len(key) == 2 or key in single)}
    for _, _, sent in ctx.sentences():
        calls = [(c.start() - 1, c) for c in CALL_AFTER.finditer(sent.text, 1)]
        if not calls:
            continue
        word_ends = {t.start: t.end for t in ctx.tokens(sent)}       # by start
        for i, call in calls:
            ch = sent.text[i]
            key = sent.text[i - 1:i + 1] if i and sent.text[i - 1:i + 1] in called else ch
            start, end = sent.start + i + 1 - len(key), sent.start + i + 1
            if start not in word_ends or ctx.covered(start, end):
                continue
            if key in called and word_ends[start] in (end, end + len(call.group())):
                # (not 武警官兵/nr: a word that holds the call and runs on calls no one)
                name, types = called[key]
                ctx.add(key, "Official" if "Official" in types else "Person", end - len(key), end,
                        name=name, rule="persons:surname and title")
            elif ch in single and ch not in people:
                _called_only(ctx, start, call.group(), word_ends[start])


def _called_only(ctx: DocContext, start: int, call: str, word_end: int) -> None:
    """江主席, 王大娘, where the page names no 江 or 王 in full: a person all the same,
    as the news corpora mark them (the surname, the guidelines stripping the title).
    Only where the tagger reads a person there, the surname alone or with the call
    (侯老) where jieba's word ends with it: 高主任 may be a high director, and 尤伯|杯
    is a trophy. The entity is named as the page calls them (江主席): the surname
    alone names no one, and with no post to anchor them resolution keeps them to the
    page."""
    memo = ctx.memo.get(TAGGER_MEMO)
    span = memo["person_at"].get(start) if memo is not None else None
    if span is None or span.end != start + 1 and not span.end == word_end == start + 1 + len(call):
        return
    ctx.add(ctx.text[start], "Official" if call in lexicon.OFFICIAL_TITLES else "Person", start, start + 1,
            name=ctx.text[start] + call, rule="persons:called by surname")
