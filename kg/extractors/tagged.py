"""The trained tagger as two pipeline components, and the policy that joins it to the rules.

`tagger` (runs first) labels every sentence with the CRF of kg.tagger and keeps the
spans in `ctx.memo["tagger"]`; the persons rules read the person spans from there to
cut names after a title (美国总统|克林顿, 国务院副总理|钱其琛) where their own
surname-and-given-name test cannot. `tagged` (after the rule components) adds what
the tagger found and the rules did not.

The policy where they meet, chosen on the dev gold (seeds and ../shared/real) and
the held-out slices of the training sets:
- a span the model is not sure of is left out: its least marginal probability
  (forward-backward) under MIN_CONFIDENCE. Swept with the CRF alone on the dev gold,
  entities F1 seeds + real: 0 -> 0.939 + 0.768, 0.5 -> 0.939 + 0.771, 0.7 -> 0.940 +
  0.775, 0.8 -> 0.944 + 0.764, 0.9 -> 0.946 + 0.758 (real relations 0.508 up to 0.7,
  then 0.496). With the CRF and the BiLSTM and the record's flat names (session 20),
  seeds / real / MSRA slice / 1998 slice / CLUENER slice name: 0.6 -> 0.944 / 0.904 /
  0.8690 / 0.8804 / 0.776; 0.7 -> 0.946 / 0.904 / 0.8682 / 0.8806 / 0.778; 0.75 ->
  0.946 / 0.904 / 0.8684 / 0.8810 / 0.781; 0.8 -> 0.948 / 0.902 / 0.8672 / 0.8807 /
  0.777: 0.75, which no dev set loses on. It does not apply to a name after a title, where the title is evidence,
  nor, down to 0.2, to a place span that is a country, a world region or a province
  or city by name (中国 in 中国|网球运动 at 0.61): the name settles what the model
  doubts. MSRA slice 0.789 -> 0.791, 1998 slice 0.827 -> 0.828, dev gold unchanged
  (0.4 gave the same). Nor, down to 0.3, to a person span of two or three characters
  that begins with a common surname (the model's doubt is mostly over rare given
  names): 1998 slice 0.831 -> 0.832, ../shared/real 0.853 -> 0.854, MSRA slice
  unchanged (0.5: -0.001; 0.2: as 0.3), MSRA test 0.783 -> 0.788. Nor, down to 0.2,
  to a one-character place span beside another (中美, 巴印: `_paired_short_forms`):
  MSRA slice 0.8260 -> 0.8281, 1998 slice 0.8381 -> 0.8378 (that corpus does not
  annotate short forms), dev gold unchanged. Nor, down to 0.5, to any one-character
  place span (在京, 俄经济, 以政府: a short form `_add_short_form` still has to read):
  MSRA slice 0.8638 -> 0.8655 (11 right, 以政府推进 wrong), 1998 slice 0.8800 ->
  0.8791 (对华, 以方, 港人, 中方, 访华: short forms that corpus leaves unmarked), dev
  gold unchanged; 0.6 gained half as much, 0.4 the same. Nor, down to 0.5, to a place
  span in a 、-list beside one of 0.7 (苏南、浙南: `_listed_beside_sure`): ../shared/real entities
  0.892 -> 0.894, 1998 slice 0.8505 -> 0.8507, the rest unchanged (0.4 and 0.2 named
  a wrong place on the real articles); so for a person span (皮尔庞特、托曼戴尔、丹明):
  MSRA slice 0.8767 -> 0.8769, the rest unchanged. And a surnamed item of a 、-list between
  persons is a person where the tagger missed it (梁雄健、谌取荣、喻权域:
  `_listed_with_persons`): 1998 slice 0.8510 -> 0.8520 (5 names gained, none lost),
  the rest unchanged. Nor, down to DIVISION_NAMED (0.6), to a place span that ends in a
  division's suffix after two characters or more (雷利赞省, 曼苏里村: `_division_named`):
  MSRA slice 0.8764 -> 0.8767, 1998 slice 0.8775 -> 0.8779, the rest unchanged (0.5
  and 0.4: 0.8766 and 0.8781). Nor, down to DICTIONARY_NAME (0.5), to a span that is one
  word of four characters or more that jieba lists as a body's or venue's name (北京人民
  大会堂, 朝鲜政府: `_dictionary_name`): MSRA slice 0.8782 -> 0.8785, 1998 slice 0.8812
  -> 0.8817, the rest unchanged (with jieba's places too, or three characters: the seeds
  -0.001, 联络站); or a person span that is one transliterated name jieba lists (内塔尼亚胡,
  雅古布: nrt): 1998 slice 0.8824 -> 0.8828, the rest unchanged; or one person's name of
  four characters (伊奈恭子: nr): MSRA slice 0.8785 -> 0.8786, 1998 slice -> 0.8830. Nor,
  down to LEADS_PARTY (0.5), to a person span before 一行 (会见了上杉一行): MSRA slice
  0.8786 -> 0.8788, the rest unchanged (0.3: the same);
- the rules win every overlap: a span that touches any mention the rules made is
  dropped, since the rules' boundaries and types carry the genre's conventions
  (relative forms 市委, title chains, Agency vs Company); except that an
  organisation span may hold places the rules found where they found no
  organisation (俄罗斯|外交部): an organisation named with its place, as the
  rules' own names nest. Where the rules found an organisation inside, they
  chose its extent on purpose (省文联|党组书记, 高新区|先锋社区党群服务中心).
  A name inside an initiative's name is a name too (英国|法律应用条例),
  but not the initiative's quoted core itself. A sure
  place span over one rule place that cuts one of its words (白|俄罗斯,
  墨西哥|城, 朝鲜|半岛) takes that mention's place (`_cut_word`); over one that
  does not (香港|大球场) it is a place of its own beside it, as organisations nest;
- a person span of SURE confidence the rules read otherwise takes its stretch
  (`_rules_misread_name`): a rule Person over more characters (和|李鹏) becomes the
  span, a rule place inside a surnamed one is its given name (陈|桂林: MSRA slice
  0.8365 -> 0.8368, the rest unchanged), a rule body that begins with it (a roster's
  张某|某某大学) starts after it.
  On the held-out slices, where sure spans and rule mentions disagree the tagger is
  right 60 times to the rules' 5; MSRA slice 0.791 -> 0.792, 1998 slice 0.828 ->
  0.833, dev gold unchanged (Officials, whose title chain fixes the start, were
  excluded: taking them cost the seeds a Korean name, 吴泰完 -> 吴泰);
- a person span becomes a Person (an Official only through a title chain, which the
  persons component reads); one character alone (江 in 江主席) is not a name;
- a one-character place span is a short form (美 in 中美, 沪 in 抵沪): a mention of
  the place in full by `lexicon.SHORT_FORMS`, where it has one reading or the page
  names one of its readings in full, as the guidelines put short forms in aliases.
  The home country's (中, 华 in 中外, 访华) is left out: as a node it drew every
  province's locatedIn to it on pages that never name China (seeds relations 0.810
  -> 0.798 with it). MSRA slice 0.791 -> 0.804, 1998 slice 0.833 -> 0.829 (the 1998
  corpus, like the dev gold, does not annotate short forms), ../shared/real
  entities 0.838 -> 0.837 (赴京: 北京市), seeds unchanged;
- a place or organisation span the rules would not name is dropped (`_not_a_name`:
  the short form of a county or lower division, a generic word first, a bare
  head, a verb inside a name with no head, an organisation that is one common
  noun or does not begin with a name). A span of 0.9 confidence or more (an
  organisation's: 0.85) is spared the doubtful tests (the short form, the common
  noun, the name's beginning): jieba's tags of foreign and brand names are guesses
  (英特尔/ns, 白宫/nr, 加纳/v, 招行/v). An organisation named in Latin letters
  (Valve, bet365) needs 0.75. These two, against 0.9 for both: CLUENER train
  held-out slice company 0.626 -> 0.649, organization 0.698 -> 0.705, government
  0.730 -> 0.726 (one span), MSRA slice 0.8252 -> 0.8260, 1998 slice and dev gold
  unchanged (0.8 for organisations cost the seeds 0.946 -> 0.944). A span that is a
  kind of body or place in annotated news (`kg.kinds`: 合理布局, 上市公司) is no name
  either, as the rules leave it: ../shared/real entities 0.880 -> 0.882 with ORG_MIN.
  Measured on the held-out slices of ../shared/train (`bench/quality.py`'s dev
  rows) with the nesting and `_cut_word` below: MSRA slice 0.766 -> 0.783, 1998
  slice 0.817 -> 0.822, ../shared/real entities 0.797 -> 0.801, seeds unchanged
  (0.940, which a 0.9 that spared relative forms, 市|防汛中心, cost);
- an organisation span of 0.95 (VERY_SURE) is a name though jieba reads a verb in it
  (通用/v 银行, 国际民航|组织/v; on the held-out slices all 12 such spans with a
  one-character verb, 中国|驻|俄使馆, are gold): CLUENER train slice company 0.664 -> 0.675,
  organization 0.704 -> 0.713, MSRA slice 0.8341 -> 0.8349, 1998 slice 0.8499 ->
  0.8501, dev gold and bench/* unchanged (0.9 cost the seeds 0.946 -> 0.944). A place
  span too (俭汤/v, 拉斯哈里布储油|站/v: 7 of 7 on the held-out slices gold): MSRA slice
  0.8350 -> 0.8355. Such a span of two words or more is also spared the first-word
  tests (大/a 和/c 银行, 全国|民主阵线, 中/f 储粮黑龙江公司), not the head-first one nor a
  relative town level (街道|物业管理办公室): CLUENER slice company 0.675 -> 0.683, MSRA
  slice 0.8355 -> 0.8359, the rest unchanged (without the town-level exception the
  seeds lost 0.946 -> 0.944);
- an organisation span the rules leave open (nothing but places named in it, no
  relative form: `_open_body`) needs only ORG_MIN, 0.6: bodies are the tagger's least
  sure label. CLUENER train slice company 0.647 -> 0.664, organization 0.705 -> 0.704,
  MSRA slice 0.8335 -> 0.8339, 1998 slice 0.8492 -> 0.8490, dev gold unchanged (0.5
  cost the seeds 0.946 -> 0.944; 0.65 gave company 0.658). Without the relative-form
  and open-body tests the seeds' unscored pages gained 市局 and lost 智慧|东昌…中心;
- a place span is a District when it is a country, another country's first-level
  division (ISO 3166-2 in Chinese: 雅加达, 吉隆坡, 莫斯科) or large city (CLDR: 曼谷,
  开罗), ends in a division suffix (or
  a foreign prefecture's 府: 暖武里府) or its head's title follows (曼谷|市长), else a
  Place. A sure place span that runs on into a body or programme the rules named
  after it (吉隆坡|东盟首脑会议 read as 吉隆坡东盟) is cut where they start, at a word
  of jieba's (`_ran_into_rules`): ../shared/real entities 0.917 -> 0.919, the rest
  unchanged;
- where a rule organisation or place ends with a span of its kind but starts earlier
  over words that name nothing, the rules ran too far left (李某会见|某某促进会,
  之内游遍|某某公园): the tagger's start is taken (`_ran_too_far`; places: MSRA
  slice 0.792 -> 0.793, 1998 slice 0.833 -> 0.834, dev gold unchanged). A sure
  organisation span takes its start also over rule bodies named before it with the
  same run of words (由财政部|汇总后报|国务院办公厅, 别看|中保…公司|本溪分公司, whose
  parent is trimmed too: `_glued_before`): MSRA slice 0.8362 -> 0.8365, 1998 slice
  0.8507 -> 0.8510, the dev gold and bench/* unchanged;
- where a rule organisation ends with a sure organisation span but starts later, the
  head's reading stopped short of the name (欧洲|央行, 泰国|国务院, 自由|民主联盟):
  the tagger's start is taken when the part left out holds no rule mention but a
  foreign place (`_stopped_short`; a body after a Chinese division is named apart
  on purpose); and a sure organisation span that begins with a place or body is a
  name though jieba reads a verb in it (北京|防总/v). Both: MSRA slice 0.804 ->
  0.808, 1998 slice 0.829 -> 0.830, dev gold unchanged (泰国国务院 is no longer
  China's 国务院). Also after a home division, where the rules named nothing between it
  and their body and a character jieba rarely sees alone stands there (聊城|羲之|书画
  艺术研究院, the head's reading stopped at 之: `_name_between`): seeds entities 0.946 ->
  0.950, relations 0.816 -> 0.829, the rest and bench/* unchanged. So is a firm's part
  before its seat or group in brackets (安踏（福建）|鞋业有限公司, 鑫视空间（北京）|装饰艺术公司: FIRM_BRACKET):
  CLUENER train slice company 0.698 -> 0.706, the rest unchanged;
- where a sure organisation span (0.85) begins where a rule organisation begins and
  runs on over a part of it, the head's reading stopped at the parent (财政部|商贸司,
  华东师范大学|地理系, 中国建设银行|总行): the part is a body of its own, of the
  parent's kind, and the parent stays inside it, as the rules nest 市委 in 市委宣传部
  (`_sub_unit_of`; not over a verb but those of institutions' names (发展, 研究), a kind, a
  ward (内科) or a title's 党委|书记). On the held-out
  slices 36 of 39 such spans are gold. MSRA slice 0.8322 -> 0.8335, 1998 slice 0.8466
  -> 0.8473, CLUENER slice company 0.652 -> 0.647 (a bank's 信用卡部), the dev gold
  unchanged; at 0.7 the seeds lost 0.946 -> 0.944;
- a title right after a body only the tagger found is a post in it, and a person
  whose every post is in a private body is a Person (`_posts_in_tagged_bodies`:
  ../shared/real entities 0.828 -> 0.832, the rest unchanged);
- the rules' weakest cues ask the tagger first (`tagger_reads`): a name after a role
  word, before a speech verb or before its title (记者|慕名, 信中|说, 由军委|主席), and a
  firm named by one common word (博彩公司), stand only where the tagger reads a name of
  their kind over them at any confidence. MSRA slice 0.812 -> 0.815 (PER precision
  0.935 -> 0.955), 1998 slice 0.830 -> 0.832, CLUENER slice company 0.618 -> 0.626,
  seeds unchanged, ../shared/real entities 0.858 -> 0.857. Not the title chain, the
  genre's strongest cue: asking there cost local names the tagger misses (seeds 0.946
  -> 0.944);
- an organisation span is typed by its head as the rules type theirs (…局 Agency,
  …公司 Company); without one it is an Agency when it begins with an Agency the
  rules found (a body under it), else an Organization.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from .. import lexicon
from ..divisions import (AMBIGUOUS_SHORT, LEVEL_RANKS, Division, common_country_name, countries, foreign_divisions,
                         gazetteer, states_of_short_form, without_country, world_cities)
from ..kinds import is_kind
from ..model import ENTITY_TYPES, ORGANISATION_TYPES, Mention, PostMention
from ..orgtype import org_typer
from ..segment import Token, segmenter
from ..tagger import NAME_DOTS, Span, tagger
from .base import (CJK, DIVISION_SUFFIXES, NAME_VERBS, TAGGER_MEMO, TOWN_LEVELS, VILLAGES, DocContext,
                   after_foreign_country, division_chain, filed_abroad, former_division,
                   joined_runs, nested_divisions, rare, tagger_spans)
from .initiatives import SESSIONS

# a body's session counted as the how-manieth (第八次全国代表大会, 第二十次代表大会); a term
# (第九届全国人民代表大会) is the body in that term, no event
NUMBERED_SESSION = re.compile(rf"第[\d０-９一二三四五六七八九十百]+次[\u4e00-\u9fff]{{0,4}}?(?:{SESSIONS})$")

RANK_ENDING = re.compile(lexicon.RANK.pattern + "$")    # a rank the span's first character ends (第二|大湖)
MIN_CONFIDENCE = 0.75   # chosen on the dev sets (the gold pages, the held-out slices), see the docstring
VERY_SURE = 0.95      # a place or organisation span this sure is spared jieba's word tests (docstring)
SHORT_FORM_CONFIDENCE = 0.5   # a one-character place span (a short form) needs only this (docstring)
LISTED_NAME = 0.5      # a place or person span in a 、-list beside a sure one needs only this (docstring)
LIST_JOINS = "、"      # what joins the items of a list of names
ORG_MIN = 0.6          # an organisation span the rules leave open needs only this (docstring)
DIVISION_NAMED = 0.6   # a place span ending in a division's suffix needs only this (docstring)
LEADS_PARTY = 0.5      # a person span before 一行 (会见了某某一行) needs only this (docstring)
DICTIONARY_NAME = 0.5  # a span that is one word jieba lists as a name of its kind needs only this (docstring)
KNOWN_PLACE_CONFIDENCE = 0.2   # a place span the gazetteer confirms needs only this (docstring)
SURE = 0.9             # a span this sure is a name even where the genre's tests doubt it (docstring)
ORG_SURE = 0.85        # as SURE, for an organisation span's doubtful tests (docstring)
LATIN_SURE = 0.75      # an organisation named in Latin letters (Valve, bet365) needs only this (docstring)
SURNAMED_CONFIDENCE = 0.3   # a person span that begins with a common surname needs only this (docstring)
TYPER_CONFIDENCE = 0.8  # below this the typer's Agency or Company is a guess: the generic Organization
NESTED = ("District", "Place")     # rule mentions an organisation span may hold
QUOTE_MARKS = re.compile("[“”‘’]")   # no part of a name (市“希望工程”办公室), as the rules name it
ALLIANCE = "盟"      # a league in Inner Mongolia's divisions, an alliance of states elsewhere
# jieba: pronouns, distinguishing words, numerals, adverbs, prepositions, conjunctions,
# particles: a name does not begin with one (整个|学校, 所有|学校, 各类|医院)
NOT_NAME_START_TAGS = frozenset({"r", "b", "m", "d", "p", "c", "u"})
# jieba: the one word that is an organisation's whole name (联合国, 民建), and what a body
# without a head begins with (俄罗斯|使馆): abbreviations, bodies, proper nouns, unknown words
ABBREVIATION_TAGS = ("nt", "nz", "j", "x")
PLACE_OR_BODY_TAGS = ("ns", *ABBREVIATION_TAGS)


def tag_names(ctx: DocContext) -> None:
    """Tag every sentence; keep the spans (by start) for the components after."""
    sents = [s for _, _, s in ctx.sentences() if CJK.search(s.text)]
    spans = [_from_wider_area(ctx.text, s) for s in
             tagger().tag([s.text for s in sents], [ctx.tokens(s) for s in sents], [s.start for s in sents])]
    ctx.memo[TAGGER_MEMO] = {"spans": spans, "person_at": {s.start: s for s in spans if s.label == "PER"}}


def _from_wider_area(text: str, s: Span) -> Span:
    """A place's or body's span from the last division named in full that is wider than
    the one before it: within one name the areas go down the hierarchy (四川省|巴中|南江县),
    so a wider one begins another name, where the tagger ran a list without commas
    together (四川省南江县高级农艺师黄恕|四川省叙永县科协)."""
    if s.label == "PER":
        return s
    g = gazetteer()
    rank, start = None, s.start
    for t in segmenter().tokens(text[s.start:s.end], s.start):
        levels = {d.level for d in g.by_name.get(t.word, ())}
        if len(levels) != 1:
            continue
        r = LEVEL_RANKS[levels.pop()]
        if rank is not None and r < rank:
            start = t.start
        rank = r
    return replace(s, start=start) if start != s.start else s



def named_spans(ctx: DocContext, lo: int, hi: int, labels: tuple[str, ...]) -> list[tuple[int, int]]:
    """The tagger's sure enough spans of these labels inside [lo, hi) (none without it)."""
    return [(s.start, s.end) for s in tagger_spans(ctx)
            if lo <= s.start and s.end <= hi and s.label in labels and s.confidence >= MIN_CONFIDENCE]


def tagged_person_span(ctx: DocContext, pos: int) -> Span | None:
    """The person span the tagger found starting at `pos` (None without the tagger)."""
    return ctx.memo.get(TAGGER_MEMO, {}).get("person_at", {}).get(pos)


def tagged_person_at(ctx: DocContext, pos: int) -> str | None:
    """The person name the tagger found starting at `pos` (None without the tagger)."""
    s = tagged_person_span(ctx, pos)
    return ctx.text[s.start:s.end] if s and _is_name(ctx.text[s.start:s.end]) else None


def tagger_reads(ctx: DocContext, label: str, start: int, end: int) -> bool | None:
    """Whether the tagger found a span of `label` over any of [start, end), at any
    confidence: its doubt is still a reading of a name there (None when the tagger did
    not run: `--ner rules`). The rules' weakest cues ask it before they name."""
    memo = ctx.memo.get(TAGGER_MEMO)
    if memo is None:
        return None
    return any(s.label == label and s.start < end and start < s.end for s in memo["spans"])


def tagged_name_start(ctx: DocContext, start: int, end: int, label: str = "LOC", past: bool = False) -> int | None:
    """Where a name of `label` the tagger is sure of starts when it ends at `end` (or,
    `past`, at or after it) and begins after `start` by two characters or more (not a
    relative 市), with the character before it in no name of the tagger's and no name of
    the rules' ending there: the words before are the sentence's, not the name's
    (倒映在|塞纳河, 美国友人泛舟|塞纳河; but 襄阳市|奥林匹克体育中心)."""
    spans = tagger_spans(ctx)
    inner = next((s.start for s in spans if s.label == label and (s.end == end or past and s.end > end)
                  and start + 1 < s.start < end and s.confidence >= SURE), None)
    if inner is None or any(s.start <= inner - 1 < s.end for s in spans) or \
            ctx.first_ending_at(inner, ENTITY_TYPES) is not None:
        return None
    return inner


def tagger_reads_other(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the tagger is sure enough (MIN_CONFIDENCE) that the character at `start`
    is part of a name other than a place over [start, end): 灵邱|老乡 (a person's, then a
    fellow villager), 第三人|乌咀乡 (a body's); not 姚|村镇, which it reads as a person
    at 0.37 only. False without the tagger."""
    return any(s.start <= start < s.end and s.confidence >= MIN_CONFIDENCE
               and not (s.label == "LOC" and s.end >= end)
               for s in tagger_spans(ctx))


def _surnamed(text: str) -> bool:
    """A Chinese name of two or three characters that begins with a common surname."""
    from .persons import surnames

    single, compound = surnames()
    return 2 <= len(text) <= 3 and (text[0] in single or text[:2] in compound) and _is_name(text)


def _dotted(text: str) -> bool:
    """A transliterated name of two parts or more (彼特·加纳维奇): a dot between characters."""
    return any(0 < i < len(text) - 1 for i, c in enumerate(text) if c in NAME_DOTS)


def _is_name(text: str) -> bool:
    """Two characters or more, no title word, no digit or punctuation but a dot or a
    dash between a transliterated name's parts, no household (赵家: the Zhao family), no
    surname with a form of address (蔡大伯, 王先生), no compound surname alone (宇文|某平:
    the name runs on) and no sentence's particle at the end (我姓聂啊: the surname and 啊)."""
    from .persons import HONORIFIC_ONLY, surnames

    return len(text) >= 2 and text not in lexicon.TITLES and not (len(text) == 2 and text[1] == "家") \
        and text not in surnames()[1] and text[-1] not in MODAL_PARTICLES \
        and text[1:] not in HONORIFIC_ONLY and all(CJK.match(c) or c in NAME_JOINERS for c in text) \
        and text[0] not in NAME_JOINERS and text[-1] not in NAME_JOINERS and "——" not in text


# what joins the parts of a transliterated name: its dot, or a dash (威廉—格拉夫, 尼赫鲁—甘地,
# as the 1998 and MSRA sets mark them); two dashes set a clause apart, never a name's parts
NAME_JOINERS = "·•—－-"


# particles that end a sentence's tone (啊, 吧, 呢), never a name
MODAL_PARTICLES = "啊呀吧呢吗嘛"
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.&' -]*[A-Za-z0-9]")


def _latin_name(text: str) -> bool:
    """A name in Latin letters (a brand, a foreign person: IBM, Valve, Johnson), two
    letters or more: news quotes them as written."""
    return LATIN_NAME.fullmatch(unicodedata.normalize("NFKC", text)) is not None


def _place_type(name: str) -> str:
    """District for a country, another country's first-level division (雅加达) or large
    city (曼谷: `world_cities`), or a name with a division's suffix (foreign prefectures'
    府 too: 暖武里府, 大阪府), unless an area of nature or use ends so (皖南山区); else
    Place; so is a world region's area (亚洲地区, whose 地区 is no prefecture)."""
    if name in countries() or name in foreign_divisions() or name in world_cities():
        return "District"
    return "District" if name.endswith((*DIVISION_SUFFIXES, "府")) \
        and not name.endswith(("政府", "王府", *lexicon.NATURAL_AREAS)) \
        and not name.startswith(lexicon.WORLD_REGION_NAMES) else "Place"


def _known_place(name: str) -> bool:
    """A country, a world region, a province or city of the divisions' data by its
    full or short name, or one with a division in it (山西太原): the tagger's doubt over
    it is doubt about its extent, which the name settles."""
    if name == lexicon.HOME_COUNTRY or _foreign_place(name):
        return True
    d = gazetteer().lookup(name)
    return d is not None and d.level in ("province", "city") or nested_divisions(name) is not None


AREA_HEAD_AFTER = re.compile(r"[市省州县](?:长|委|政府)")


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that begin no name: the rules' generic modifiers and units (老旧, 熟人, 小区)."""
    from .districts import GENERIC as GENERIC_AREAS
    from .organisations import GENERIC_CORE, GENERIC_UNITS
    from .places import GENERIC as GENERIC_PLACES

    return frozenset(GENERIC_AREAS | GENERIC_PLACES | GENERIC_CORE | set(GENERIC_UNITS))


# a count of bodies inside a span (广州三家远洋公司); not 大 (三大队 is a brigade's number)


def _not_a_name(text: str, label: str, confidence: float = 0.0) -> bool:
    """A place or organisation span the rules would not name: no Chinese in it; a
    county or lower division's short form (运河, 惠民: the districts component takes
    those only where their parent is in play); a generic word first (老旧|小区,
    小区|党支部) or a function word first (整个|学校), unless VERY_SURE (大|和银行); a
    head first (学院|党委: an unnamed body's unit); a verb inside, but for an
    organisation with a head that begins with a place or body (匈牙利全国|选举|委员会)
    or a span of VERY_SURE (jieba's
    通用/v 银行, 中国|驻/v|俄使馆, 俭汤/v); an organisation that is one
    common noun (议会, 业委会) unless VERY_SURE; an event or campaign (EVENT_HEADS);
    or an organisation that, without a head, does not begin with a place or body
    (金山|银山), ends in a place (万州临淄) or in a common noun (某县|政务: a topic).
    A world body's name (国际民航组织: a world prefix and 组织) is one, whatever its confidence.
    A count of bodies inside an organisation (三家) makes it no name, and so does a bare
    level for a place (特区, 地区: the area it means is the context's).
    A place that is a word first (城西, 新华) needs SURE. A `confidence` of SURE (ORG_SURE
    for an organisation) spares the short form and the organisation tests, but not
    for a relative form (市|防汛中心); a Latin name needs LATIN_SURE."""
    if not CJK.search(text):
        return not (confidence >= LATIN_SURE and label == "ORG" and _latin_name(text))
    if label == "ORG" and text.endswith(lexicon.EVENT_HEADS):
        return True                   # an event or a campaign: the initiatives rule's
    if label == "ORG" and text.startswith(lexicon.WORLD_PREFIXES) and text.endswith(lexicon.WORLD_BODY_HEAD) \
            and len(text) > len(lexicon.WORLD_BODY_HEAD) + 2:
        return False                  # 国际民航组织, 世界卫生组织: 组织 (jieba's verb) heads the world's bodies
    if label == "ORG" and lexicon.COUNTED_BODIES.search(text):
        return True                   # 广州三家|远洋公司: a count of bodies, not one
    if label == "LOC" and (text in lexicon.AREA_LEVEL_WORDS or text == "特别行政区"):
        return True                   # 特区行政长官: a bare level, the area it means is another's to say
    g = gazetteer()
    sure = confidence >= (ORG_SURE if label == "ORG" else SURE)
    if text in g.by_short and text not in g.by_name and not sure:
        d = g.lookup(text)
        return d is None or d.level not in ("province", "city")
    if text in g.by_name or text in countries():
        return False
    if is_kind(text) and text[:1] not in lexicon.AREA_LEVEL_CHARS:
        return True               # a kind in annotated news (合理布局, 上市公司), not a relative form
    toks = segmenter().tokens(text)
    if toks[0].tag == "head" and text not in lexicon.INSTITUTION_HEADS \
            or (toks[0].word in _generic_words() or toks[0].tag in NOT_NAME_START_TAGS) \
            and not (confidence >= VERY_SURE and len(toks) > 1 and toks[0].word not in TOWN_LEVELS):
        return True
    if any(t.tag == "v" for t in toks) and not (
            label == "ORG" and toks[0].tag in PLACE_OR_BODY_TAGS and (sure or _organisation_head(text))) \
            and not confidence >= VERY_SURE:
        return True                   # a verb inside: a phrase, not a name (消防宣传进学校)
    if label == "ORG" and len(toks) == 1 and toks[0].tag == "n" and confidence < VERY_SURE \
            and not _organisation_head(text):
        return True                   # one common noun (业委会, 议会): a kind, unless very sure
    if sure and not (len(toks) > 1 and toks[0].word in lexicon.AREA_LEVEL_CHARS):
        return False
    if label == "LOC" and text in AMBIGUOUS_SHORT:
        return True                   # 城西, 新华: a word first, a division's short form only if sure
    if label != "ORG" or _organisation_head(text):
        return False
    return toks[0].tag not in PLACE_OR_BODY_TAGS or toks[-1].tag == "ns" or \
        len(toks) == 1 and toks[0].tag not in ABBREVIATION_TAGS or \
        len(toks) > 1 and toks[-1].tag in ("n", "vn") and not rare(toks[-1].word)


def _organisation_head(name: str) -> str | None:
    from .organisations import HEAD_RE

    return next((m.group() for m in HEAD_RE.finditer(name) if m.end() == len(name)), None)


def _organisation_type(ctx: DocContext, start: int, end: int) -> str:
    """By the head, as the rules type (a body named for the world an Organization whatever
    its head); a state's forces or mission (美国海军) and a
    ministry named with 省 (大藏省) are an Agency, a media outlet or a sports team (北京武术队) an Organization; without a head, a body named under an agency (国务院|发展研究中心) is an
    agency too; any other the trained classifier of headless names types (kg.orgtype),
    where it is sure enough (TYPER_CONFIDENCE, chosen on the CLUENER held-out slice)."""
    from .organisations import HEAD_TYPE

    name = ctx.text[start:end]
    if lexicon.COUNTED_STATES.match(name):
        return "Organization"   # 77国集团: a group of states, whatever its head
    head = _organisation_head(name)
    if head:
        return lexicon.type_for_the_world(HEAD_TYPE[head], name)     # (联合国特别委员会: the world's)
    if name.endswith(lexicon.STATE_FORCE_HEADS) or \
            name.endswith(lexicon.MINISTRY_END) and gazetteer().lookup(name) is None:
        return "Agency"         # 美国海军; 大藏省, a ministry, not a province
    if name.endswith(lexicon.OUTLET_AND_TEAM_ENDINGS) or _foreign_party(name):
        return "Organization"   # (国家农民党: another country's party, no state body)
    under = [m for m in ctx.overlapping(start, end) if m.start == start and m.end < end]
    if any(m.type == "Agency" for m in under):
        return "Agency"
    kind, p = org_typer().classify(ctx.text, start, end)
    return kind if p >= TYPER_CONFIDENCE else "Organization"


def _world_place_name(name: str) -> str:
    """A foreign place as papers name it: a country by its common name (尼泊尔王国 ->
    尼泊尔), a large city without the 市 papers sometimes add (布加勒斯特市 -> 布加勒斯特),
    a state or province the data names without the level papers add (巴伐利亚州 -> 巴伐利亚;
    not the other way: 华盛顿 is mostly the city)."""
    if name.endswith(CITY_SUFFIX) and name[:-len(CITY_SUFFIX)] in world_cities():
        return name[:-len(CITY_SUFFIX)]
    for level in FOREIGN_LEVELS:
        if name.endswith(level) and name[:-len(level)] in foreign_divisions():
            return name[:-len(level)]
    return common_country_name(name)


CITY_SUFFIX = "市"
FOREIGN_LEVELS = ("州", "省")     # what papers add to a foreign first-level division's name


def _foreign_party(name: str) -> bool:
    """A political party's name that is not the home country's Party (中国共产党, 共产党
    written bare, 中共…) nor one of its other parties (致公党), as _listed_parties types
    them: an organisation of its country, not a body of its state."""
    return name.endswith(lexicon.PARTY_END) and not name.startswith((lexicon.HOME_COUNTRY, lexicon.PARTY_PREFIX)) \
        and name != lexicon.HOME_PARTY and not name.endswith(lexicon.OTHER_PARTIES)


def _rules_keep(ctx: DocContext, s: Span) -> bool:
    """Whether rule mentions decide this stretch: any overlap does, except places
    inside an organisation span, or one place inside a sure place span that is no
    unknown division (see the module's policy)."""
    inside = [m for m in ctx.overlapping(s.start, s.end)
              if not (m.type == "Initiative" and m.start <= s.start and s.end <= m.end
                      and m.name != QUOTE_MARKS.sub("", ctx.text[s.start:s.end]))]
    if not inside:
        return False

    def nested(m: Mention) -> bool:     # an organisation may hold a programme: 市“希望工程”办公室
        return s.start <= m.start and m.end <= s.end and m.end - m.start < s.end - s.start \
            and (m.type in NESTED or m.type == "Initiative" and s.label == "ORG")

    if s.label == "LOC" and s.confidence >= SURE and len(inside) == 1:
        text = ctx.text[s.start:s.end]
        return not (nested(inside[0]) and (_place_type(text) == "Place" or gazetteer().lookup(text)))
    return s.label != "ORG" or not all(map(nested, inside))


def _ran_into_rules(ctx: DocContext, s: Span) -> Span | None:
    """A sure place span that runs on into a body or programme the rules named after it
    (吉隆坡|东盟首脑会议 read as one place 吉隆坡东盟), where jieba's words part them: the
    place is the part before, which the rules left open."""
    if s.label != "LOC" or s.confidence < SURE:
        return None
    hits = ctx.overlapping(s.start, s.end)
    if not hits or any(m.start <= s.start or m.type not in (*ORGANISATION_TYPES, "Initiative") for m in hits):
        return None
    cut = min(m.start for m in hits)
    tok = ctx.token_at(cut)
    return Span(s.start, cut, s.label, s.confidence) if cut - s.start >= 2 and tok is not None \
        and tok.start == cut else None


DATELINE_END = re.compile(r"讯[ \t\u3000]+")     # a local paper's dateline and the space after it


def _after_dateline(ctx: DocContext, s: Span) -> Span:
    """A body or place span that runs over a local dateline (甘肃讯 全国妇联…): the name
    starts after the dateline's space; any other span is itself."""
    m = DATELINE_END.search(ctx.text, s.start, s.end) if s.label != "PER" else None
    return replace(s, start=m.end()) if m is not None and s.end - m.end() >= 2 else s


# a region's part (东部, 中部) inside a place span: the places are either side of it
REGION_PART_IN = re.compile(f"[{lexicon.REGION_SIDES}]{lexicon.REGION_PART}")


def _region_parts(ctx: DocContext, s: Span) -> list[Span]:
    """巴东部旁遮普省 read as one place: Pakistan's east and the province in it are two
    places either side of the region's part; a place span without one, or with one that
    begins a name (北部湾), is itself."""
    m = REGION_PART_IN.search(ctx.text, s.start + 1, s.end) if s.label == "LOC" else None
    if m is None or s.end - m.end() == 1:
        return [s]        # 广西北部湾: the gulf's own name
    parts = [Span(s.start, m.start(), s.label, s.confidence)]
    return parts + ([Span(m.end(), s.end, s.label, s.confidence)] if m.end() < s.end else [])


def _ran_too_far(ctx: DocContext, s: Span) -> Mention | None:
    """A rule organisation (place) that ends where this organisation (place) span ends
    and starts before it over words that name nothing (李某会见|某某促进会, 所有|某某同学会):
    no mention of the rules starts in them and they are no relative area (区|…局)."""
    if s.label not in ("ORG", "LOC"):
        return None
    types, component = (ORGANISATION_TYPES, "organisations") if s.label == "ORG" else (("Place",), "places")
    for m in ctx.overlapping(s.start, s.end, types):
        if m.end == s.end and m.start < s.start and m.component == component and \
                (s.label == "ORG" or _phrase(ctx.text[m.start:s.start])) and \
                m.name == m.text and ctx.text[s.start - 1] not in lexicon.AREA_LEVEL_CHARS + "镇乡村" and \
                all(o is m or s.label == "ORG" and s.confidence >= SURE and _glued_before(o, m, s)
                    for o in ctx.mentions_between(m.start, s.start)):
            return m
    return None


def _glued_before(o: Mention, m: Mention, s: Span) -> bool:
    """A rule body inside the stretch a rule organisation `m` ran too far over: one
    named before the tagger's (由财政部|汇总后报|国务院办公厅), or its parent, read
    with the same words before it (别看|中保…有限公司 in 别看|中保…有限公司本溪分公司)."""
    return o.type in ORGANISATION_TYPES and (o.end <= s.start or o.start == m.start and s.start < o.end < m.end)


# a firm's seat or group in brackets inside its registered name: 安踏（福建）|鞋业有限公司
FIRM_BRACKET = re.compile(r"(?<=[^（）\s])（[^（）\s]{1,6}）$")


def _stopped_short(ctx: DocContext, s: Span) -> Mention | None:
    """A rule organisation that ends where a sure organisation span ends but starts
    after it, over a name its head's reading did not reach (欧洲|央行, 自由|民主联盟,
    迪洛伊特·|塔奇咨询集团, 泰国|国务院): in the part it left out the rules found no
    mention but a foreign place. (A body after a division of the home country, 某县|某乡
    中心小学, is named apart from it by the rules on purpose, as the guidelines name it.)"""
    if s.label != "ORG" or s.confidence < SURE:
        return None
    for m in ctx.overlapping(s.start, s.end, ORGANISATION_TYPES):
        if not (m.end == s.end and s.start < m.start and m.component == "organisations"):
            continue
        left = ctx.text[s.start:m.start]
        if left[0] in lexicon.NAME_STOP:
            continue          # 创办|了|某某中学: the span took in the particle before the name
        others = [o for o in ctx.overlapping(s.start, m.start) if o is not m]
        bracket = FIRM_BRACKET.search(left)
        if bracket is not None and m.type == "Company" and \
                all(s.start + bracket.start() < o.start and o.end < m.start for o in others):
            return m          # 安踏（福建）|鞋业有限公司: a firm's registered name holds its seat
        # a national body's short form read in full (央行: 中国人民银行) is another
        # country's body where that country is named before it (欧洲|央行)
        if all(o.end <= m.start and _foreign_place(o.name) for o in others) and \
                (m.name == m.text or any(_foreign_place(left[:k]) for k in range(2, len(left) + 1))) and \
                not _not_a_name(ctx.text[s.start:s.end], "ORG", s.confidence):
            return m
        if _name_between(ctx, s, m, others) or m.type == "Company" and _firm_from_its_area(ctx, s, m, others):
            return m
    return None


FIRM_GAP = 8    # the most characters of brand and trade between a firm's area and where the rules began it


def _firm_from_its_area(ctx: DocContext, s: Span, m: Mention, others: list[Mention]) -> bool:
    """武汉|克林清洗|工程有限公司, 武汉|新一天|钟点工服务公司: a firm's registered name
    runs from its area over its brand and trade, words of any kind (清洗/v, 一天/m) that
    stopped the head's reading; the sure span starts at the area, and the rules named
    nothing and the sentence has no function character in between."""
    gap_at = _after_opening_areas(s, others)
    if gap_at is None:
        return False
    gap = ctx.text[gap_at:m.start]
    return 1 <= len(gap) <= FIRM_GAP and all(CJK.match(c) and c not in lexicon.NAME_STOP for c in gap) \
        and not ctx.mentions_between(gap_at, m.start)


def _after_opening_areas(s: Span, others: list[Mention]) -> int | None:
    """Where the divisions that open a sure span end (聊城|…, 武汉|…), when the rules' other
    mentions in the part a rule body left out are those divisions alone; else None."""
    if not others or others[0].start != s.start or any(o.type != "District" for o in others):
        return None
    return max(o.end for o in others)


def _name_between(ctx: DocContext, s: Span, m: Mention, others: list[Mention]) -> bool:
    """聊城|羲之|书画艺术研究院: a home division opens the sure span, then words the rules
    named nothing in up to their body, a name of the body's own (a character jieba rarely
    sees alone: 羲) that a particle in it (之) stopped the head's reading at. Not a town
    or a body in the gap (某县|某乡中心小学 names the school apart, as the guidelines do),
    nor a gap the sentence's grammar could fill (的, 和, a verb)."""
    gap_at = _after_opening_areas(s, others)
    if gap_at is None:
        return False
    gap = ctx.text[gap_at:m.start]
    if not 2 <= len(gap) <= 4 or ctx.mentions_between(gap_at, m.start) or not all(map(CJK.match, gap)):
        return False
    sent = ctx.sentence_at(gap_at)
    words = [t for t in ctx.tokens(sent) if gap_at <= t.start and t.end <= m.start] if sent else []
    return bool(words) and words[0].start == gap_at and words[-1].end == m.start and \
        words[0].word not in lexicon.NAME_STOP and any(len(t.word) == 1 and rare(t.word) for t in words) and \
        not any(t.tag.startswith(("v", "p", "c", "r", "m", "d")) for t in words)


def _past_opening_areas(ctx: DocContext, s: Span) -> Span:
    """湖北省京山县|孙桥镇镇委党校: a sure organisation span that opens with divisions
    and goes on with a rule body is read from that body on, the divisions being named
    apart from it (as the rules and the guidelines name them); else the span itself."""
    inside = ctx.mentions_between(s.start, s.end)
    end = s.start
    while True:
        here = [m for m in inside if m.start == end]
        if any(m.type in ORGANISATION_TYPES for m in here):
            return s if end == s.start else replace(s, start=end)
        areas = [m.end for m in here if m.type == "District"]
        if not areas:
            return s
        end = max(areas)


def _sub_unit_of(ctx: DocContext, s: Span) -> Mention | None:
    """The rule organisation a sure organisation span names a part of (财政部|商贸司,
    华东师范大学|地理系, 中国建设银行|总行): the span begins where that body begins and
    runs on past it over words the rules named nothing in and no verb (武汉市科委|共建…),
    so the rules' head reading stopped at the parent."""
    if s.label != "ORG" or s.confidence < ORG_SURE:
        return None
    parents = [m for m in ctx.overlapping(s.start, s.end, ORGANISATION_TYPES)
               if m.start == s.start and m.end < s.end]
    if not parents:
        return None
    parent = max(parents, key=lambda m: m.end)
    if ctx.mentions_between(parent.end, s.end) or any(o.end > s.end for o in ctx.overlapping(s.start, s.end)):
        return None
    from .organisations import NOT_HEAD_ENDINGS

    name = ctx.text[s.start:s.end]
    if name.endswith(NOT_HEAD_ENDINGS):
        return None       # 某某医院|心血管内科: a ward, as the rules leave it
    title = lexicon.TITLE_RE.match(ctx.text, parent.end)
    if title is not None and title.end() > s.end:
        return None       # 聊城大学|党委书记: a title (see the organisations rule for 党组|书记)
    heads, last_chars = _body_heads()
    if name[-1] not in last_chars or name.endswith(lexicon.PLACE_HEADS) and not name.endswith(heads):
        return None       # 聊城一中|高铁新区(校区), 某某中学|家属院: a body's part ends in a body's head
    rest = segmenter().tokens(ctx.text[parent.end:s.end])
    if any(t.tag == "v" and t.word not in NAME_VERBS for t in rest) or is_kind(ctx.text[s.start:s.end]):
        return None
    return parent


def _site_of(text: str, body: str) -> bool:
    """Whether a body's part names the body at another site (某医院|分院, 某中学|新校区):
    the body itself, as the guidelines keep it, with the site's name as an alias."""
    return any(text.endswith(word) and body.endswith(parent_end)
               for word, parent_end in lexicon.SITE_WORDS.items())


@lru_cache(maxsize=1)
def _body_heads() -> tuple[tuple[str, ...], frozenset[str]]:
    """The organisation heads, and the characters a body's part may end in (a head's
    last, or SUB_UNIT_ENDS): built once, not per span."""
    from .organisations import HEADS

    heads = tuple(h for h, _ in HEADS)
    return heads, frozenset(h[-1] for h in heads) | frozenset(lexicon.SUB_UNIT_ENDS)


def _open_body(ctx: DocContext, s: Span) -> bool:
    """An organisation span the rules leave open (nothing or only places named in it),
    that is no relative form (市局): a body of its own, which ORG_MIN lets in (see the
    module's policy)."""
    return not _rules_keep(ctx, s) and ctx.text[s.start] not in lexicon.AREA_LEVEL_CHARS


def _foreign_place(name: str) -> bool:
    """A foreign country or a world region."""
    return name in countries() or name in lexicon.WORLD_REGIONS


def _rules_misread_name(ctx: DocContext, s: Span, bylined: set[str]) -> bool:
    """A sure person span the rules read otherwise: a rule Person over other
    characters (和|李鹏, 严正孙勇|军) becomes the span (not an Official: its title
    chain, which read the tagger's names already, is evidence of its start; nor a
    name a byline of the page prints whole, 字晓燕, in `bylined`); a rule place inside
    a surnamed span (陈|桂林, 王|丽江) is the person's given name, one ending in the
    span (表弟|路|传俊) no place; a rule body or
    place that begins with the name (某某|某某大学) starts after it, the name a person
    beside it. Whether the span was taken."""
    taken = False
    for m in ctx.overlapping(s.start, s.end):
        if (m.start, m.end) == (s.start, s.end):
            return False
        if m.type == "Person" and m.component != "tagged" and m.text not in bylined:
            ctx.reshape(m, s.start, s.end, name=ctx.text[s.start:s.end])
            taken = True
        elif m.type in NESTED and s.start < m.start and m.end <= s.end and (
                _surnamed(ctx.text[s.start:s.end]) or _dotted(ctx.text[s.start:s.end])):
            # 陈|桂林, 王|丽江: a given name that is a city's short form; 彼特·|加纳|维奇:
            # a country's name among a transliterated name's syllables
            ctx.reshape(m, s.start, s.end, "Person", ctx.text[s.start:s.end], rule="tagged:person")
            taken = True
        elif m.type == "Place" and m.start < s.start < m.end <= s.end:
            # 其表弟|路|传俊: the place's head is the person's surname
            ctx.reshape(m, s.start, s.end, "Person", ctx.text[s.start:s.end], rule="tagged:person")
            taken = True
        elif m.start == s.start and m.end > s.end and m.type in (*ORGANISATION_TYPES, *NESTED) and \
                not _not_a_name(ctx.text[s.end:m.end], "ORG" if m.type in ORGANISATION_TYPES else "LOC"):
            ctx.reshape(m, s.end, m.end)
            ctx.add(ctx.text[s.start:s.end], "Person", s.start, s.end, rule="tagged:person")
            taken = True
    return taken


def _phrase(text: str) -> bool:
    """Words a place's name does not begin with: a verb, locative, preposition, adverb,
    particle or conjunction among them (之内游遍, 人有欢聚), not a name (中兴|东大街)."""
    return any(t.tag[:1] in "vfpduc" for t in segmenter().tokens(text))


def _cut_word(ctx: DocContext, s: Span) -> bool:
    """A rule place inside this place span that starts or ends inside one of its words
    (白|俄罗斯, 墨西哥|城, 朝鲜|半岛) was cut out of a longer name: it becomes the
    span, typed as the tagger's places are. Not into a division the gazetteer does
    not know (台州|路桥区 is two). Whether one was."""
    text = ctx.text[s.start:s.end]
    d = gazetteer().lookup(text)
    if d is None and _place_type(text) == "District":
        return False
    toks = segmenter().tokens(text)
    bounds = {s.start + t.start for t in toks} | {s.start + t.end for t in toks}
    for m in ctx.overlapping(s.start, s.end, NESTED):
        if m.start not in bounds or m.end not in bounds:
            if d is not None:
                ctx.divisions[d.name] = d
            ctx.reshape(m, s.start, s.end, "District" if d else _place_type(text), d.name if d else "")
            return True
    return False


def tagged_entities(ctx: DocContext) -> None:
    """Add the tagger's spans that the rules leave open, typed by the policy above."""
    from .organisations import canonical, listed_share_area

    spans = _places_listed_as_bodies(ctx, tagger_spans(ctx))
    # a place whose head's title follows it once (曼谷|市长) is a division wherever it is named
    headed = {ctx.text[s.start:s.end] for s in spans
              if s.label == "LOC" and AREA_HEAD_AFTER.match(ctx.text, s.end)}
    bylined = {b.name for a in ctx.articles for b in a.bylines}
    short: list[Span] = []       # one-character place spans, read once all names are in
    paired = _paired_short_forms(spans)
    listed = _listed_beside_sure(ctx, spans, "LOC")
    listed_persons = _listed_beside_sure(ctx, spans, "PER")
    persons = {(s.start, s.end) for s in spans if s.label == "PER"}
    # one sense per page: a word listed among things is a thing wherever else it stands
    things = {w for w in {ctx.text[s.start:s.end] for s in spans if s.label == "PER"}
              if any(_listed_among_things(ctx, Span(m.start(), m.end(), "PER"), persons)
                     for m in re.finditer(re.escape(w), ctx.text))}
    kept = [s for s in spans if s.confidence >= MIN_CONFIDENCE or (
        s.label == "LOC" and s.confidence >= KNOWN_PLACE_CONFIDENCE
        and (_known_place(ctx.text[s.start:s.end]) or (s.start, s.end) in paired or (s.start, s.end) in listed
             or s.end - s.start == 1 and s.confidence >= SHORT_FORM_CONFIDENCE)
        or s.label == "PER" and s.confidence >= SURNAMED_CONFIDENCE and _surnamed(ctx.text[s.start:s.end])
        or s.label == "PER" and (s.start, s.end) in listed_persons
        or s.label == "PER" and s.confidence >= LEADS_PARTY and ctx.text.startswith(lexicon.PARTY_AFTER_NAME, s.end)
        or s.label == "ORG" and s.confidence >= ORG_MIN and _open_body(ctx, s)
        or s.label == "LOC" and s.confidence >= DIVISION_NAMED and _division_named(ctx.text[s.start:s.end])
        or s.confidence >= DICTIONARY_NAME and _dictionary_name(ctx, s))]
    # 湖北省第二|大湖: a rank among places or bodies, no name (as the rules read it); 《…商业银行|法》:
    # the body a law's title regulates, no body of the page
    kept = [s for s in kept if s.label == "PER" or not RANK_ENDING.search(ctx.text, max(0, s.start - 6), s.start + 1)
            and not ctx.text.startswith(lexicon.LAW_TITLE_END, s.end)]
    # the rules' names that ran over words naming nothing are cut back first, so that a
    # span in those words is open to the tagger too (巴黎|人有欢聚香榭丽舍大街)
    cut_back = set()
    for s in kept:
        long = _ran_too_far(ctx, s)
        if long is not None and not _not_a_name(ctx.text[s.start:s.end], s.label):
            for o in ctx.mentions_between(long.start, s.start):
                if o is not long and o.start == long.start and s.start < o.end:
                    ctx.reshape(o, s.start, o.end)
            ctx.reshape(long, s.start, long.end)
            cut_back.add(s)
    kept = [_ran_into_rules(ctx, p) or p for s in kept for p in _region_parts(ctx, _after_dateline(ctx, s))]
    for s in kept:
        text = ctx.text[s.start:s.end]
        if s in cut_back:
            continue
        stopped = _stopped_short(ctx, s)
        if stopped is not None:
            ctx.reshape(stopped, s.start, stopped.end, name=canonical(ctx, text, s.start))
            continue
        if s.label == "PER" and s.confidence >= SURE and _is_name(text) and not lexicon.TITLE_RE.match(text) \
                and _rules_misread_name(ctx, s, bylined):
            continue
        part = _past_opening_areas(ctx, s) if s.label == "ORG" else s
        parent = _sub_unit_of(ctx, part)
        if parent is not None:
            s, text = part, ctx.text[part.start:part.end]
        if parent is not None and _site_of(text, parent.name):
            ctx.add(text, parent.type, s.start, s.end, name=parent.name, rule="tagged:site")
            continue
        if parent is not None:
            # a part is of its body's kind: a bank's 信用卡部 is the bank's, not an agency
            ctx.add(text, parent.type, s.start, s.end, name=parent.name + text[parent.end - s.start:],
                    rule="tagged:sub-unit")
            continue
        if _rules_keep(ctx, s):
            continue
        if s.label == "PER":
            called = _called_by_age(ctx, s)
            if called is not None:
                ctx.add(ctx.text[called.start:called.end], "Person", called.start, called.end,
                        name=ctx.text[called.start - 1:called.end], rule="tagged:person")
            elif (_is_name(text) or s.confidence >= SURE and _latin_name(text)) \
                    and text not in things and not ctx.text.startswith(lexicon.DOCTRINE_AFTER, s.end):
                ctx.add(text, "Person", s.start, s.end, rule="tagged:person")
        elif s.label == "LOC" and len(text) == 1:
            word = _place_word_around(ctx, s)
            if word is None:
                short.append(s)
            elif not ctx.covered(word.start, word.end):
                ctx.add(word.word, _place_type(word.word), word.start, word.end, rule="tagged:place")
        elif len(text) >= 2 and text.strip() == text and not _not_a_name(text, s.label, s.confidence) \
                and not _opens_village_title(ctx, s):
            if s.label == "LOC" and len(text) == 2 and text.endswith(ALLIANCE) \
                    and gazetteer().lookup(text) is None:
                # 东盟, 欧盟: an alliance, not an Inner Mongolian league (those the data knows)
                ctx.add(text, "Organization", s.start, s.end, rule="tagged:body")
            elif s.label == "LOC" and text.endswith(lexicon.STATE_FORCE_HEADS):
                # 沈阳军区: a military region is a state's force, read as a place by the tagger
                ctx.add(text, "Agency", s.start, s.end, rule="tagged:body")
            elif s.label == "LOC" and _two_sides(text):
                for k in (s.start, s.start + 1):    # 在中德经济技术合作中: two states, no place
                    _add_short_form(ctx, Span(k, k + 1, "LOC"))
            elif s.label == "LOC":
                if lexicon.chief_of_level(ctx.text, s.end - 1) and text[:-1] in gazetteer().by_short:
                    s, text = replace(s, end=s.end - 1), text[:-1]     # 济南|市长: the level is the title's
                if _cut_word(ctx, s):
                    continue
                for a, b in division_chain(text) if _place_type(text) == "District" \
                        else nested_divisions(text) or [(0, len(text))]:
                    part = text[a:b]
                    river = lexicon.names_a_river(ctx.text, s.start + a, s.start + b)
                    d = None if river or after_foreign_country(ctx.text, s.start + a) \
                        else gazetteer().lookup(part) or former_division(part)
                    place = _place_ending_in(ctx, part) if d is not None and part != d.name else None
                    if place is not None:    # 牟家村西山 … 为西山披上绿装: that hill, not 西山区
                        ctx.add(part, "Place", s.start + a, s.start + b, name=place.name, rule="tagged:place")
                        continue
                    if d is not None and _inside_another_area(ctx, s.start + a, d):
                        d = None             # 香港|九龙: Hong Kong's Kowloon, not Sichuan's 九龙县
                    if d is not None and _county_out_of_play(ctx, part, d):
                        if ctx.covered(s.start + a, s.start + b):
                            continue         # “江北水城”: a word of a slogan, no place of the page
                        d = None             # 长江三峡: the gorges, not 新北市's 三峡区
                    if d is not None:        # a division the districts component's tokens missed
                        ctx.add_division(d, s.start + a, s.start + b, "tagged:division")
                    elif (town := _town_named_in_full(ctx, part)) is not None:
                        ctx.add(part, "District", s.start + a, s.start + b, name=town.name, rule="tagged:town")
                    elif (named := _division_after_one_character(ctx, part)) is not None:
                        # 兴|化州 (revitalises Huazhou) on a page naming 化州市: the division, after a verb
                        ctx.add(part[1:], "District", s.start + a + 1, s.start + b, name=named.name,
                                rule="tagged:division")
                    else:
                        ctx.add(part, "District" if part in headed else _place_type(part),
                                s.start + a, s.start + b, name=_world_place_name(part), rule="tagged:place")
            elif NUMBERED_SESSION.search(text):
                # 中共第八次全国代表大会: a body's numbered session is an event, no body
                ctx.add(text, "Initiative", s.start, s.end, rule="tagged:session")
            else:
                ctx.add(text, _organisation_type(ctx, s.start, s.end), s.start, s.end,
                        name=QUOTE_MARKS.sub("", canonical(ctx, text, s.start)), rule="tagged:body")
    for s in short:
        _add_short_form(ctx, s)
    _paired_sides(ctx)
    _listed_short_forms(ctx)
    _listed_with_persons(ctx)
    listed_share_area(ctx)          # again: a list may begin with a body only the tagger found
    _posts_in_tagged_bodies(ctx)
    _cities_filed_from(ctx)
    _cities_listed_together(ctx)
    _places_named_as_divisions(ctx)


def _places_named_as_divisions(ctx: DocContext) -> None:
    """A place the tagger read that is a division the page names with its level (襄樊 of
    襄樊市, a prefecture the data knows by its new name only; 天祝 of 天祝县, written for
    天祝藏族自治县) is that division, under the name the page gives it, as a division the
    data knows takes its short forms."""
    divisions = {w: d.name for d in ctx.mentions if d.type == "District" for w in (d.name, d.text)}
    for m in [m for m in ctx.mentions if m.type == "Place" and m.rule == "tagged:place"]:
        if m.name.endswith(lexicon.NATURAL_FEATURE_ENDINGS):
            continue
        full = next((divisions[m.name + level] for level in lexicon.AREA_LEVEL_CHARS
                     if m.name + level in divisions), None)
        if full is not None:
            ctx.reshape(m, m.start, m.end, type_="District", name=full)


CITY_NOT_ENDINGS = (*lexicon.PLACE_HEADS, *lexicon.NATURAL_AREAS)    # a place's heads, areas of nature


def _may_be_city(name: str) -> bool:
    """Whether a place's name could be a city's: no world region (非洲), no place's head."""
    return name not in lexicon.WORLD_REGIONS and not name.endswith(CITY_NOT_ENDINGS)


def _as_cities(ctx: DocContext, places: list[Mention]) -> None:
    """Retype these Place mentions District: the guidelines type another country's cities
    as the divisions they are."""
    for m in places:
        ctx.reshape(m, m.start, m.end, type_="District")


def _cities_filed_from(ctx: DocContext) -> None:
    """A foreign place a wire story is filed from (新华社波恩…电, 本报华盛顿…电) is a city,
    where the tagger found it as a Place (CLDR's cities, `world_cities`, are Districts
    already)."""
    filed = {without_country(a.place) for a in ctx.articles if filed_abroad(a.place)}
    filed = {p for p in filed if _may_be_city(p) and gazetteer().lookup(p) is None}
    _as_cities(ctx, [m for m in ctx.mentions if m.type == "Place" and m.name in filed])


def _cities_listed_together(ctx: DocContext) -> None:
    """Places listed with a foreign city or division (洛杉矶、旧金山、迈阿密、多伦多及渥太华)
    are cities too where they have no head of a place, as the listed one is."""
    foreign = world_cities() | foreign_divisions()
    areas = sorted((m for m in ctx.mentions if m.type in ("District", "Place")), key=lambda m: m.start)
    for run in joined_runs(ctx, areas):
        if len(run) >= 2 and any(m.type == "District" and m.name in foreign for m in run):
            _as_cities(ctx, [m for m in run if m.type == "Place" and m.rule == "tagged:place"
                             and _may_be_city(m.name)])


# jieba's tags of names it lists, by the tagger's label, with the fewest characters such a
# word must have: bodies and venues (nt) of four or more, foreign persons (nrt) of three
# or more, other persons (nr) of four (伊奈恭子; Chinese names have two or three). Shorter
# bodies are often generic (联络站, 共青团); jieba's places (ns) hold regions and parts of
# longer names as well.
DICTIONARY_TAGS = {"ORG": {"nt": 4}, "LOC": {"nt": 4}, "PER": {"nrt": 3, "nr": 4}}


def _dictionary_name(ctx: DocContext, s: Span) -> bool:
    """Whether a span is one word that jieba's dictionary lists as a name of its kind
    (北京人民大会堂, 国家教委, 内塔尼亚胡): the tagger's doubt is then about a name the
    language knows."""
    tok = ctx.token_at(s.start)
    shortest = DICTIONARY_TAGS[s.label].get(tok.tag) if tok is not None else None
    return shortest is not None and tok.start == s.start and tok.end == s.end and s.end - s.start >= shortest


def _opens_village_title(ctx: DocContext, s: Span) -> bool:
    """村委会|主任, 居委会|主任: an organisation span that a village's or community's title
    begins with is the committee of no named village, and the title's (the guidelines
    leave a committee named only inside a title to the title)."""
    if s.label != "ORG" or not ctx.text.startswith(VILLAGES + ("居",), s.start):
        return False
    title = lexicon.TITLE_RE.match(ctx.text, s.start)
    return title is not None and title.end() > s.end


# before a surname: how friends and colleagues call its bearer (老李, 小王)
AGE_CALLS = "老小"


def _called_by_age(ctx: DocContext, s: Span) -> Span | None:
    """The surname of 老史 or 小胡 where the tagger reads it alone as a person and
    jieba reads the two as one word: the person the page calls so, named as printed,
    the surname the mention (as the guidelines strip a form of address). Where the
    tagger reads both (老张) the name is both, as corpora of both conventions taught it.
    None for any other span."""
    from .persons import surnames

    a = s.start - 1
    if s.end - s.start != 1 or a < 0 or ctx.text[a] not in AGE_CALLS or ctx.text[s.start] not in surnames()[0]:
        return None
    word = ctx.token_at(a)
    return s if word is not None and word.start == a and word.end == s.end else None


def _division_named(text: str) -> bool:
    """A place span that ends in a division's suffix after a name of two characters or
    more (雷利赞省, 曼苏里村): the suffix settles part of the model's doubt."""
    suffix = next((x for x in DIVISION_SUFFIXES if text.endswith(x)), "")
    return bool(suffix) and len(text) - len(suffix) >= 2


def _paired_short_forms(spans: list[Span]) -> set[tuple[int, int]]:
    """One-character place spans right beside another (中美, 巴印, 美朝): two sides named
    by their short forms, which the pair settles where the tagger doubts each alone."""
    ones = {(s.start, s.end) for s in spans if s.label == "LOC" and s.end - s.start == 1}
    return {(a, b) for a, b in ones if (a - 1, a) in ones or (b, b + 1) in ones}


def _listed_beside_sure(ctx: DocContext, spans: list[Span], label: str) -> set[tuple[int, int]]:
    """Spans of `label` of two characters or more that stand in a 、-list beside one of
    that label the tagger is sure enough of (苏南、浙南、粤南; 皮尔庞特、托曼戴尔、丹明):
    the list settles what it doubts."""
    named = {(s.start, s.end): s for s in spans if s.label == label and s.end - s.start >= 2}
    sure_ends = {e for (a, e), s in named.items() if s.confidence >= MIN_CONFIDENCE}
    sure_starts = {a for (a, e), s in named.items() if s.confidence >= MIN_CONFIDENCE}
    return {(a, e) for (a, e), s in named.items() if s.confidence >= LISTED_NAME and (
        ctx.text[a - 1:a] in LIST_JOINS and a - 1 in sure_ends or
        ctx.text[e:e + 1] in LIST_JOINS and e + 1 in sure_starts)}


def _places_listed_as_bodies(ctx: DocContext, spans: list[Span]) -> list[Span]:
    """An organisation span without a body's head, listed after a place the tagger is
    sure of and before the next item or 等 (巴黎、马赛、里昂等…城市: 里昂 at 0.86 a body), is
    a place too: the list settles the label it doubts."""
    sure_ends = {s.end for s in spans if s.label == "LOC" and s.confidence >= SURE}
    return [replace(s, label="LOC") if s.label == "ORG" and s.confidence < SURE
            and ctx.text[s.start - 1:s.start] in LIST_JOINS and s.start - 1 in sure_ends
            and ctx.text[s.end:s.end + 1] in LIST_JOINS + LIST_END
            and _organisation_head(ctx.text[s.start:s.end]) is None else s for s in spans]


LIST_END = "等"     # what closes a list of names (巴黎、马赛、里昂等)

# two short forms side by side (中美, 罗中), read at every start
SHORT_FORM_PAIR = re.compile("(?=([%s]{2}))" % re.escape("".join(lexicon.SHORT_FORMS)))


def _two_sides(text: str) -> bool:
    """Whether a place the tagger reads is two states' short forms (中德): each character
    the short form of countries only, two different ones, no compass point (西欧, 华南,
    中亚, 赣南 are regions) and no place of the data's (中非 is a country)."""
    states = [states_of_short_form(c) for c in text]
    return len(text) == 2 and all(states) \
        and set(states[0]) != set(states[1]) and not any(c in lexicon.DIRECTIONS for c in text) \
        and gazetteer().lookup(text) is None and text not in countries() and text not in world_cities() \
        and text not in foreign_divisions()


def _paired_sides(ctx: DocContext) -> None:
    """Two short forms side by side, a word of their own, name two states where a word
    of relations between states follows (中美两国, 罗中关系: `lexicon.PAIR_RELATION_WORDS`)
    or where the page reads the same pair so elsewhere (the second 中美 of a page): the
    tagger skips many such pairs, as half the corpora it learnt from mark none."""
    text = ctx.text
    read = {text[m.start - 1:m.end] for m in ctx.mentions if m.rule == "tagged:short form"} & \
        {text[m.start:m.end + 1] for m in ctx.mentions if m.rule == "tagged:short form"}
    for m in SHORT_FORM_PAIR.finditer(text):
        a, pair = m.start(), m.group(1)
        if not (pair in read or text.startswith(lexicon.PAIR_RELATION_WORDS, a + 2)) or ctx.covered(a, a + 2):
            continue
        first, second = ctx.token_at(a), ctx.token_at(a + 1)
        if first is None or second is None or first.start != a or second.end != a + 2:
            continue          # 其中|加入, 中|加强: the pair's characters belong to other words
        for k in (a, a + 1):
            _add_short_form(ctx, Span(k, k + 1, "LOC"))


# a 、-list of one-character short forms (美、法、英、德、日、意、加七国), ending before
# punctuation, a conjunction or a count of the parties (三国, 两方)
SHORT_FORM_LIST = re.compile(
    "(?:[%s]、)+[%s](?=[、，。；：,;等和与及]|[一二两三四五六七八九十]+[国方]|$)"
    % ((re.escape("".join(lexicon.SHORT_FORMS)),) * 2))


def _listed_short_forms(ctx: DocContext) -> None:
    """The items of a 、-list of one-character short forms are short forms when one of
    them is read as one: the tagger doubts or skips the others (日, 意 beside 英)."""
    for run in SHORT_FORM_LIST.finditer(ctx.text):
        items = range(run.start(), run.end(), 2)
        if not any(m.rule == "tagged:short form" for a in items for m in ctx.overlapping(a, a + 1)):
            continue
        for a in items:
            if ctx.covered(a, a + 1) is None:
                _add_short_form(ctx, Span(a, a + 1, "LOC"), listed=True)


# an item of a 、-list: a run of characters between the list's joins and what ends it
LIST_ITEM = re.compile(r"[^、，。；：:,;！？!?（）()“”《》\s等]+")


def _listed_with_persons(ctx: DocContext) -> None:
    """A surnamed name of two or three characters that stands in a 、-list between
    persons (梁雄健、谌取荣、喻权域): the list names persons, so the item the tagger
    missed is one too (a rare surname, 谌 or 常, it doubts). Rosters put each person's
    area first (黑龙江牡丹江市鄂继权、湖南岳阳市李明华): an item is judged after them."""
    persons = {(m.start, m.end) for m in ctx.mentions if m.type in ("Person", "Official")}
    for item in LIST_ITEM.finditer(ctx.text):
        a, e = item.span()
        joined_before = a > 0 and ctx.text[a - 1] in LIST_JOINS
        joined_after = e < len(ctx.text) and ctx.text[e] in LIST_JOINS
        if not (joined_before or joined_after):
            continue
        a = _after_areas(ctx, a, e)
        name = ctx.text[a:e]
        if not _surnamed(name) or ctx.overlapping(a, e):
            continue
        before = [m.span() for m in LIST_ITEM.finditer(ctx.text, max(0, item.start() - 12), item.start() - 1)
                  if m.end() == item.start() - 1][-1:] if joined_before else []
        after = [m.span() for m in [LIST_ITEM.match(ctx.text, e + 1)] if m] if joined_after else []
        if before + after and all((_after_areas(ctx, x, y), y) in persons for x, y in before + after):
            ctx.add(name, "Person", a, e, rule="tagged:listed person")


def _after_areas(ctx: DocContext, start: int, end: int) -> int:
    """Where a list item's name starts after the divisions it begins with (黑龙江|牡丹江市|鄂继权)."""
    while True:
        area = next((m for m in ctx.overlapping(start, start + 1, ("District",))
                     if m.start == start and m.end < end), None)
        if area is None:
            return start
        start = area.end


# jieba's tags of the common nouns a list of things is made of (科教、文卫、体育; 升旗台、钟塔、花坛)
THING_TAGS = ("n", "vn", "l", "nz")


def _listed_among_things(ctx: DocContext, s: Span, persons: set[tuple[int, int]]) -> bool:
    """A person span (or another place of its word) standing as an item between two
    others of a 、-list that are common nouns the tagger reads no name over is a thing
    of the list, however sure the tagger is (文卫 between 科教 and 体育, 钟塔 between
    升旗台 and 花坛): persons are listed with persons. The page's other mentions of the
    word are the thing too (那座…的钟塔), whether or not the tagger read the listed one."""
    text = ctx.text
    if text[s.start - 1:s.start] != "、" or text[s.end:s.end + 1] != "、":
        return False          # a whole item in the middle of the list only
    base = max(0, s.start - 8)
    toks = segmenter().tokens(text[base:s.end + 9])
    neighbours = [t for t in toks if base + t.end == s.start - 1 or base + t.start == s.end + 1]
    return len(neighbours) == 2 and all(t.tag in THING_TAGS and len(t.word) >= 2
                                        and (base + t.start, base + t.end) not in persons for t in neighbours)


def _place_word_around(ctx: DocContext, s: Span) -> Token | None:
    """The place's name a one-character place span is a syllable of (青|藏|高原, 川藏线,
    京九铁路): a proper name of jieba's that ends in a landform, a route or a place's
    head (not 中美合作, 港人治港); None where there is none."""
    tok = ctx.token_at(s.start)
    if tok is None or len(tok.word) < 3 or tok.tag not in ("ns", "nz") or \
            not tok.word.endswith(lexicon.LANDFORMS_AND_ROUTES + lexicon.PLACE_HEADS):
        return None
    return tok


def _add_short_form(ctx: DocContext, s: Span, listed: bool = False) -> None:
    """A place named by its one-character short form (美 in 中美, 沪 in 抵沪) is a mention
    of the place in full: its one reading in `lexicon.SHORT_FORMS`, the one its pairing
    gives (巴以: `lexicon.PAIRED_SHORT_FORMS`), or the one of several the page names in
    full (巴 beside 巴勒斯坦); a short form the page does not settle, or that names a
    currency (美元) or games (奥运会), names nothing. `listed`: an item of a
    、-list of short forms, whose neighbours are the list's other items."""
    if ctx.text[s.end:s.end + 1] in lexicon.CURRENCY_AFTER or ctx.text.startswith(lexicon.NOT_SHORT_FORM_WORDS, s.start):
        return              # 美元: a currency; 奥运会: the Olympics
    if ctx.text[s.start - 1:s.end] == lexicon.WEST_AFTER_HOME and \
            not ctx.text.startswith(lexicon.STATES_DEALING, s.end):
        return              # 中西文化: the West
    g = gazetteer()
    readings = [d.name if (d := g.lookup(n)) is not None else n
                for n in lexicon.SHORT_FORMS.get(ctx.text[s.start], ())]
    pair = next(((k, p) for k, p in ((0, ctx.text[s.start:s.start + 2]), (1, ctx.text[s.start - 1:s.end]))
                 if p in lexicon.PAIRED_SHORT_FORMS), None)
    if pair is not None:
        readings = [lexicon.PAIRED_SHORT_FORMS[pair[1]][pair[0]]]       # 巴以: Palestine
    elif len(readings) > 1:
        named = {m.name for m in ctx.mentions if m.type in NESTED}
        readings = [r for r in readings if r in named]
    if len(readings) != 1 or readings[0] == lexicon.HOME_COUNTRY and not _names_home(ctx.text, s.start, listed):
        return
    name = readings[0]
    d = g.lookup(name)
    if d is not None:
        ctx.divisions[d.name] = d
    ctx.add(ctx.text[s.start], "District" if d is not None else _place_type(name), s.start, s.end,
            name=name, rule="tagged:short form")


def _place_ending_in(ctx: DocContext, short: str) -> Mention | None:
    """A place the page names whose name ends in a division's short form (牟家村西山): the
    short form alone is that place again, not the division (昆明's 西山区)."""
    return next((m for m in ctx.mentions if m.type == "Place" and m.name.endswith(short)
                 and len(m.name) > len(short)), None)


def _division_after_one_character(ctx: DocContext, name: str) -> Division | None:
    """The division a place span the data does not hold ends in, after one character,
    where the page names a body of that division (兴化州 read whole in a headline, the page
    naming 化州市委): the character is the sentence's word, the place the division. (A
    division read inside another name, 皖|南山区, is no sign.)"""
    if len(name) < 3 or gazetteer().lookup(name) is not None:
        return None
    d = gazetteer().lookup(name[1:])
    return d if d is not None and any(m.name.startswith(d.name) for m in ctx.mentions if m.type == "Agency") else None


def _town_named_in_full(ctx: DocContext, short: str) -> Mention | None:
    """A town or village the page names with its level (沈泉庄村): named without it
    (沈泉庄要开始第二次创业) it is that village again, not a place of its own."""
    full = {short + level for level in TOWN_LEVELS}
    return next((m for m in ctx.mentions if m.type == "District" and m.name in full), None)


def _inside_another_area(ctx: DocContext, start: int, d: Division) -> bool:
    """Whether a county's short form follows right after a province or city it does not
    lie in (香港|九龙, not 四川|九龙): a place of that area the data does not hold."""
    before = ctx.first_ending_at(start, ("District",))
    outer = gazetteer().lookup(before.name) if before is not None else None
    return d.level == "county" and d.name != ctx.text[start:start + len(d.name)] and outer is not None \
        and outer.level in ("province", "city") and outer not in gazetteer().ancestors(d)


def _county_out_of_play(ctx: DocContext, part: str, d: Division) -> bool:
    """A Taiwan district's short form (三峡 of 新北市三峡区, 板桥), or a city's urban
    district's (江南 of 南宁市江南区), where nothing above it is named on the page: the
    reading is a place's (长江三峡, 江南水乡). Mainland counties' short forms stay
    divisions: read so, they mostly are (张北, 延吉), where this test on all counties
    cost as many as it fixed on 300 random 1998 articles."""
    if part == d.name or d.level != "county" or not (d.code.startswith(lexicon.TAIWAN_CODE)
                                                     or d.name.endswith(URBAN_DISTRICT)):
        return False
    g = gazetteer()
    above = g.ancestors(d)
    home = {ctx.area.code, *(a.code for a in g.ancestors(ctx.area))} if ctx.area else set()
    return d.code not in home and not any(a.code in home or a.name in ctx.text or a.short and a.short in ctx.text
                                          for a in above)


URBAN_DISTRICT = "区"     # a city's district, whose short form the city's own papers use


def _names_home(text: str, at: int, listed: bool = False) -> bool:
    """Whether the home country's short form at `at` names the country (中美, 中方, 访华)
    rather than being a syllable of a common word (中外, 中小)."""
    before, after = text[at - 1:at], text[at + 1:at + 2]
    if listed:      # the neighbours across a list's joins: 中、美、日三国
        before, after = text[at - 2:at - 1], text[at + 2:at + 3]

    def foreign(c: str) -> bool:
        return lexicon.HOME_COUNTRY not in lexicon.SHORT_FORMS.get(c, (lexicon.HOME_COUNTRY,))

    return (foreign(before) or foreign(after) or after in lexicon.HOME_SHORT_AFTER
            or before in lexicon.HOME_SHORT_VERBS)


def _posts_in_tagged_bodies(ctx: DocContext) -> None:
    """A title right after a body only the tagger found (某某协会|荣誉主席X) is a post in
    it: the persons component ran before the body was known and left the post without
    one. A post in a private body is no public office, so a person whose every post is
    such is a Person, not an Official (as the persons component decides where it knows
    the body)."""
    from .organisations import CHIEF, start_before_chiefs_body
    from .persons import CHAIN_JOINS, _is_official, body_over_title, chain_before

    bodies = [m for m in ctx.mentions if m.component == "tagged" and m.type in ORGANISATION_TYPES]
    ends = {m.end: m for m in bodies}
    for p in ctx.posts:
        if p.org is None and (b := body_over_title(bodies, p.evidence.start, p.evidence.end)):
            ends.setdefault(p.evidence.start, b)    # 全国政协|委员: the title begins inside it
        elif p.org is None and len(p.title) == 2 and p.title.endswith(CHIEF) \
                and (b := ends.get(p.evidence.start + 1)) is not None \
                and start_before_chiefs_body(ctx, b.start) is not None:
            # 德国研究与技术部|长: a chief's title on its head, the body named from an area
            # or a break as the rules name one (not 美国助理|国防部长: the title's qualifier)
            ends.setdefault(p.evidence.start, b)
    if not ends:
        return
    found = {p.person for p in ctx.posts if p.org is None and p.evidence.start in ends}
    if not found:
        return
    ctx.posts = [PostMention(p.person, p.title, ends[p.evidence.start].name, p.evidence)
                 if p.org is None and p.evidence.start in ends else p for p in ctx.posts]
    # the chain goes on before such a body (联合指挥部主席兼|陆军|司令X): the posts there
    for p in [p for p in ctx.posts if p.person in found and p.evidence.start in ends]:
        j = ends[p.evidence.start].start - 1
        if j > 0 and ctx.text[j] in CHAIN_JOINS and (sent := ctx.sentence_at(j)) is not None:
            ctx.posts += [PostMention(p.person, title, org, ctx.evidence(a, p.evidence.end))
                          for title, org, (a, _) in chain_before(ctx, sent, j, j)]
    public = {p.person for p in ctx.posts if p.person in found and _is_official(ctx, p.title, p.org)}
    for m in [m for m in ctx.mentions if m.type == "Official" and m.name in found - public]:
        ctx.reshape(m, m.start, m.end, type_="Person", name=m.name)
