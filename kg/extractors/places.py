"""Place mentions: compounds, roads, squares, parks, stations, rivers, irrigation districts."""
from __future__ import annotations

import re

from .. import lexicon
from ..kinds import is_kind
from ..segment import segmenter
from .base import DocContext, left_chunk, verb_and_object, word_starting
from .organisations import canonical
from .tagged import tagged_name_start

HEAD_RE = re.compile("|".join(sorted(map(re.escape, lexicon.PLACE_HEADS), key=len, reverse=True)))
# single-character heads are common inside words (道路, 河道): need a longer name
SHORT_HEADS = {"街", "路", "河", "湖", "桥"}
GENERIC = {"老旧", "居民", "新建", "商品房", "城市", "农村", "主干", "道", "马", "公", "铁", "网",
           "门", "思", "一", "出", "水", "黄", "小", "大", "该", "各", "全", "本", "新", "老", "高速",
           "乡村", "城乡", "智慧", "文化", "口袋", "街心", "湿地", "主题", "森林", "运", "沿",
           "生态", "公共", "开放", "家", "商业", "步行", "特色", "美食", "红色", "主", "数字", "重点",
           "堵点", "市管", "熟人", "治理", "示范", "试点", "周边", "附近", "所在"}
LONGER_NAME = re.compile(r"[\d一二三四五六七八九十东西南北中]*(路|街|大道|社区|村|镇|桥|小区|广场)")
COMMON_NOUNS = {"运河", "道路", "马路", "公路", "铁路", "河道", "河流", "湖泊", "桥梁", "街道", "界河", "内河", "护城河"}
# heads of streets and compounds: the areas written before them only say where they are
STREET_HEADS = ("小区", "家属院", "大街", "南街", "北街", "东街", "西街", "街", "路", "大道", "胡同")
# 致富路, 上学路: roads of speech that headlines and leads use
FIGURATIVE_ROADS = {"致富", "上学", "放学", "回家", "求学", "小康", "创业", "成长", "就医", "出行", "返乡",
                    "增收", "共富", "振兴", "转型", "奋斗", "追梦", "发展", "富民", "兴村"}
# what a village's works are listed by, a character each (水电路: water, power and roads):
# two of them before 路 are a list, no road's name (a longer list, 山水林田路, the tagger
# reads as a person's name, 林田路, once the place is gone: left alone)
WORKS_AND_LAND = frozenset("山水林田湖草电气讯暖桥渠")
# verbs of finding a way before 新路 or 老路 (闯出新路, 走老路): a figure of speech
PATH_VERBS = set("出辟开找走寻探闯")
RIVERS = ("黄河", "长江", "淮河", "海河", "珠江", "京杭大运河")
RIVER_RULE = "places:river"
# jieba's tags of words no place's name holds: adverbs, particles, conjunctions, prepositions,
# pronouns and determiners (各镇|街), by their first letter; and status words (迢迢|长路)
PHRASE_TAGS = "ducpr"
STATUS_TAG = "z"          # (not zg, jieba's lone characters, which names hold)


DETERMINER_TAGS = ("b", "r")     # jieba: distinguishing words (整个, 大型) and pronouns (该, 这个)
COUNTED = re.compile(f"{lexicon.COUNT}(?:公里|千米|米|条|座|处|个)$")   # 6公里|盘山路, 3条|街
COUNTED_AFTER = re.compile(f"{lexicon.COUNT}[条座处个](?![\u4e00-\u9fff])")  # 设计勘察大桥４座、: built so many
DISTANCE = re.compile(f"{lexicon.COUNT}(?:公里|千米|米|里)$")     # (步行)几十里|路: a way that long
NUMERAL = re.compile("[一二三四五六七八九十\\d]")
FLOOR = re.compile("[一二三四五六七八九十]+楼$")     # 一楼|展厅: a floor's hall, no named place


ORGANISATION_TAG = "nt"     # jieba's tag of an organisation's word (京剧院团, 国务院)


def places(ctx: DocContext) -> None:
    for river in RIVERS:
        for m in re.finditer(river, ctx.text):
            # 区长江绍华: the 长 belongs to the title before it; 黄河五路社区: a longer name
            if lexicon.TITLE_ENDING.search(ctx.text, max(0, m.start() - 5), m.start() + 1) or \
                    LONGER_NAME.match(ctx.text, m.end()):
                continue
            if not ctx.covered(m.start(), m.end()):
                ctx.add(river, "Place", m.start(), m.end(), rule=RIVER_RULE)
    for ai, si, sent in ctx.sentences():
        ends: set[int] | None = None      # token ends, made at the sentence's first head
        for m in HEAD_RE.finditer(sent.text):
            head = m.group()
            hs, he = sent.start + m.start(), sent.start + m.end()
            if ends is None:
                ends = {t.end for t in ctx.tokens(sent)}
            if he not in ends and head in SHORT_HEADS:
                continue
            tok = next((t for t in ctx.tokens(sent) if t.start < he <= t.end), None)
            if head in SHORT_HEADS and tok and tok.word != head and (
                    tok.word in COMMON_NOUNS or segmenter().tk.FREQ.get(tok.word, 0) > 0
                    and tok.tag not in ("ns", "nz", "x", "head") or verb_and_object(tok.word, head)):
                continue          # 运河, 思路, 筑路: a word that ends in the head, not a named place
            if tok is not None and he < tok.end and tok.tag == ORGANISATION_TAG:
                continue          # 全国京剧院|团: the head inside a word jieba knows as bodies'
            if ctx.text[he:he + 1] and ctx.text[he] in "道区长口线段网况面况边":
                continue
            if tok is not None and any(m.rule == RIVER_RULE and m.end == he
                                       for m in ctx.mentions_between(tok.start, tok.start + 1)):
                continue          # 王家坝紧靠|淮河: a great river's name stands alone
            start = left_chunk(ctx, sent, hs, max_len=12, strict=True, toponym=True)
            start = _after_small_divisions(ctx, start, hs, all_levels=head in STREET_HEADS)
            if head.endswith(lexicon.NATURAL_FEATURE_ENDINGS):
                # 江西|鄱阳湖: a lake's or river's name holds no area, but 青海湖 is whole
                bare = _after_small_divisions(ctx, start, hs, all_levels=True)
                start = bare if hs - bare >= 2 else start
            start = tagged_name_start(ctx, start, he, past=True) or start
            toks = ctx.tokens(sent)
            first = word_starting(toks, start)
            # the name does not begin with a word that marks a noun phrase (整个|公园, 该|广场)
            if first is not None and first.end <= hs and first.tag in DETERMINER_TAGS:
                start, first = first.end, word_starting(toks, first.end)
            # nor with a verb before an area that opens the name (移至|北京世纪剧院)
            if first is not None and first.tag == "v" and len(first.word) >= 2 and first.end < hs \
                    and any(m.type == "District" for m in ctx.mentions_between(first.end, first.end + 1)):
                start, first = first.end, word_starting(toks, first.end)
            # nor with a day of the calendar before a name of its own (元旦|天安门广场), but a
            # date names squares (五一广场) and a time word parks (未来公园)
            if first is not None and first.end + 2 <= hs and first.tag == "t" and not NUMERAL.search(first.word):
                start, first = first.end, word_starting(toks, first.end)
            if COUNTED.search(ctx.text, max(0, start - 6), start) or first is not None and first.tag == "q" \
                    and lexicon.COUNT_END.search(ctx.text, max(0, start - 6), start):
                continue          # 修建了6公里|盘山路, 3条|街: a length or a count of roads, no named one
            if COUNTED_AFTER.match(ctx.text, he):
                continue          # 设计勘察大桥４座: bridges counted after their kind
            name = ctx.text[start:he]
            core = name[: -len(head)]
            if len(core) < 2 or core in GENERIC or core[-2:] in GENERIC or re.search(r"\d", core) or lexicon.RANK.search(core) \
                    or FLOOR.search(core) or DISTANCE.search(core) or is_kind(name):
                continue
            if any(start <= t.start and t.end <= hs and (t.tag[:1] in PHRASE_TAGS or t.tag == STATUS_TAG)
                   for t in ctx.tokens(sent)):
                continue          # 全国的话|剧院, 侃侃放论漫漫史|河: a phrase, not a name
            if ctx.covered(hs, he, ("Agency", "Company", "Organization", "District")):
                continue          # the head belongs to an organisation's or area's name (龙游河社区)
            if head == "路" and (core[-2:] in FIGURATIVE_ROADS or core[-2:-1] in PATH_VERBS and core[-1] in "新老"
                                 or len(core) == 2 and set(core) <= WORKS_AND_LAND):
                continue          # 串起致富路, 守护上学路, 闯出新路: a figure of speech, not a road
            if ctx.text[start - 1:start] == "“" and ctx.text[he:he + 1] == "”":
                continue          # “熟人小区”: a quoted programme, not a place
            ctx.add(name, "Place", start, he, name=canonical(ctx, name, start), rule="places:name and head")


def _after_small_divisions(ctx: DocContext, start: int, head_start: int,
                           all_levels: bool = False) -> int:
    """Drop areas before a place name (they say where it is): towns and below always,
    every level before a residential compound (东昌府区新方龙湾小区 -> 新方龙湾小区)."""
    # an area may also begin before the chunk (望江台|社区翠屏湾小区: jieba's word 社区 ends both)
    for m in ctx.mentions_over(start) + ctx.mentions_between(start + 1, head_start):
        if m.type == "District" and m.end <= head_start and m.end > start:
            if all_levels or m.text.endswith(("街道", "社区", "村", "镇", "乡")):
                start = m.end
    return start
