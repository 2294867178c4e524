"""District mentions: divisions from the official data set, towns to villages by pattern,
development zones, foreign units, and relative forms (我市, 该县) resolved from context."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import lexicon
from ..articles import PAPER
from ..divisions import AMBIGUOUS_SHORT, Division, common_country_name, countries, divisions_of, foreign_divisions, gazetteer, world_cities
from ..kinds import is_kind
from ..segment import KG_WORD_TAGS, segmenter
from ..tagger import NAME_DOTS
from .base import CJK, COUNTRY_RULE, RELATIVE_AREA_RULE, ZONE_RULE, DocContext, after_foreign_country, division_chain, division_names_in, former_division, glued_former, left_chunk, nested_divisions, occurrences, tagger_spans, verb_and_object, word_ending
from .organisations import canonical as full_name
from .tagged import SURE, THING_TAGS, named_spans, tagger_reads, tagger_reads_other

# the suffix, unless the next character makes it another word (村民, 乡村, 镇长)
TOWN = re.compile(r"(街道|苏木(?!长)|嘎查(?!长)|镇(?![长级委务干])|乡(?![村亲情土音愁长镇])|社区(?![民])|"
                  r"村(?![民级庄委镇务干组里口内外头集]))")
ZONE = re.compile(r"(经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|经开区|综合保税区|保税区|"
                  r"化工产业园|产业园区|工业园区|产业园|工业园|新区|示范区|度假区|生态区|科技城|园区)")
# zones a page names without their area (开发区党工委): the paper's or the one named before
BARE_ZONES = ("开发区", "高新区", "经济开发区", "经开区", "经济技术开发区")
# words before 社区/村/镇 that make it a common noun, not a name
GENERIC = {"城市", "农村", "乡村", "城乡", "全", "各", "该", "本", "每", "行政", "老旧", "平安", "和谐",
           "文明", "智慧", "幸福", "美丽", "示范", "试点", "重点", "特色", "新型", "传统", "周边",
           "附近", "所在", "城镇", "集镇", "乡镇", "村", "社区", "街道", "中心", "贫困", "偏远",
           "基层", "相关", "多个", "城区", "农", "城", "镇", "乡", "个", "名", "家", "红色", "绿色",
           "先进", "标准化", "民族", "数字", "康养", "宜居", "生态", "沿黄", "周围", "小康", "首富", "地区"}
# jieba knows some towns as one proper-noun token (安仁镇/nr): a name, not a word like 故乡
PROPER_TAGS = ("nr", "nrt", "nrfg", "nz")
# words ending in 城 that make 城+suffix no name (县城社区); X城街道 otherwise is one (如城街道)
CITY_WORDS = {"县城", "主城", "进城", "省城", "京城", "全城", "满城", "城"}
FORMER_ENDINGS = frozenset("县市区旗")    # what a division's former name ends in (a cheap first test)
TIME_ZONE = "时间"     # after a place's name: its clock (北京时间, 东京时间)
ANNIVERSARY = "周年"   # before a short form that is a word too: the anniversary's (50周年|大庆: a celebration)
NUMBER_UNITS = "十百千万亿"   # after digits, the number's, not a name's first character
INSIDE_LONGER_NAME = re.compile(r"(村|镇|乡|街道|社区|路|街|大道|小区|胡同|巷)")
NAME_DOT_SET = frozenset(NAME_DOTS)    # a division's name beside one is a foreign name's part
FOREIGN_ENDINGS = ("道", "州", "省")
# (巴基斯坦的|旁遮普省: a function character after the country begins no division)
FOREIGN = re.compile(rf"(?![{''.join(sorted(lexicon.NAME_STOP))}])"
                     rf"([\u4e00-\u9fff]{{2,4}}(?:{'|'.join(FOREIGN_ENDINGS)}))([\u4e00-\u9fff]{{1,3}}郡)?")


def find_area(ctx: DocContext) -> None:
    """Which area the paper serves: its masthead name, else the divisions its 我市/我区 point to."""
    g = gazetteer()
    if ctx.masthead.paper:
        named = PAPER.match(ctx.masthead.paper)
        core = named.group(1) if named else ctx.masthead.paper
        ctx.area = _masthead_area(core) or _masthead_area_in_text(core, ctx.text)
    if ctx.area is None:
        text = ctx.text
        want = "county" if re.search(r"我[区县]|全[区县]", text) and not re.search(r"我市", text) else "city"
        support = _area_support(_area_votes(text))
        ranked = sorted(support, key=lambda d: support[d], reverse=True)     # stable: the votes' order
        ctx.area = next((d for d in ranked if d.level == want), None) or \
            next((d for d in ranked if d.level == "city"), None)
    ctx.masthead.area = ctx.area.name if ctx.area else None


def _masthead_area(core: str) -> Division | None:
    """The division a paper's name starts with: 晋江经济报 and 襄阳商报 serve 晋江 and 襄阳,
    a genre word (经济, 商) standing between the area and 报."""
    g = gazetteer()
    for n in range(len(core), 1, -1):
        d = g.lookup(core[:n])
        if d:
            return d
    return None


def _masthead_area_in_text(core: str, text: str) -> Division | None:
    """The division a paper is named after when its short form is too ambiguous to look up
    (长安报: 长安 is also a word and two districts): the full name the page uses, taken
    under the other divisions the page names (长安区 beside 西安 is Xi'an's)."""
    g = gazetteer()
    named = division_names_in(text)
    full = [n for n in named if n in g.by_name and n.startswith(core) and len(n) - len(core) <= 3]
    if not full:
        return None
    context = {d.code for n in named if n not in full for d in [g.lookup(n)] if d}
    return g.lookup(max(full, key=lambda n: text.count(n)), context)


def _area_votes(text: str) -> Counter[str]:
    """How often each division is named as a place, for guessing the paper's area.

    An occurrence that begins a longer word does not count (合作市|场 is a market,
    not 合作市; 龙岩|坡 a village), nor one that ends another division's name (玉|环县 is
    玉环县, not Gansu's 环县), nor does a county's short form (东昌 of 智慧东昌 is
    no county of Jilin): those need their full name or a parent to be trusted, and the
    area is guessed before anything is in play.
    """
    g = gazetteer()
    votes: Counter[str] = Counter()
    for name in division_names_in(text):
        if len(name) < 2 or (name not in g.by_name and all(d.level == "county" for d in g.by_short[name])) \
                or name in AMBIGUOUS_SHORT:
            continue      # …, nor a division named by a common word (郊区: 城市郊区, 阳泉's 郊区)
        for start in occurrences(text, name):
            end = start + len(name)
            if text[end - 1:end + 1] in lexicon.LEVEL_CHAR_WORDS:
                continue      # 合作市|场: the suffix starts another word
            if name not in g.by_name and text[end:end + 1] in lexicon.TOPONYM_CHARS:
                continue      # 龙岩|坡: a short form that begins a smaller place's name
            if any(text[start - k:end - 1] in g.by_short for k in (1, 2) if start >= k):
                continue      # 玉|环县: the end of another division's short form and level (玉环县)
            votes[name] += 1
    return votes


def _area_support(votes: Counter[str]) -> dict[Division, tuple[int, int]]:
    """Each named division's support as the paper's area: the votes for it by any of its
    names and for the areas inside it, then those for the areas it lies in. A national
    paper's story of a Hohhot firm names 呼和浩特, 呼和浩特市, 玉泉区 and 内蒙古 more than the
    武汉 it sold to, though 武汉 is the single most frequent string."""
    g = gazetteer()
    own: Counter[Division] = Counter()
    for name, n in votes.most_common():
        d = g.lookup(name)
        if d is not None:
            own[d] += n
    above = {d: g.ancestors(d) for d in own}
    below: Counter[Division] = Counter()
    for d, n in own.items():
        for a in above[d]:
            below[a] += n
    return {d: (own[d] + below[d], sum(own[a] for a in above[d])) for d in own}


# words a division's last character may start that are not about the place (市场, 区域)


def _context_codes(ctx: DocContext) -> set[str]:
    codes = set()
    if ctx.area:
        codes |= {ctx.area.code, *(a.code for a in gazetteer().ancestors(ctx.area))}
    return codes


def districts(ctx: DocContext) -> None:
    g = gazetteer()
    context = _context_codes(ctx)
    names_in_doc = division_names_in(ctx.text)
    full_in_doc = {n for n in names_in_doc if n in g.by_name}
    # provinces and cities the page names, by their short form too (广东南雄): where one
    # of a county's is, its short form the tagger reads as a place is a name
    short_named = full_in_doc | {d.name for n in names_in_doc if n in g.by_short and n not in g.by_name
                                 for d in [g.lookup(n, context)] if d and d.level in ("province", "city")}
    # countries a sentence may name: those the page names (most pages name none), in a
    # fixed order, not the set's, which changes from process to process (巴哈马 and
    # 巴哈马国 would be found in either order, and so listed)
    named = sorted(c for c in countries() if c in ctx.text)
    shorts = _city_short_forms(names_in_doc)

    def add(d: Division, start: int, end: int) -> None:
        if _measure_of_count(ctx.text, start) or ctx.text[start - 1:start] in NAME_DOT_SET \
                or ctx.text[end:end + 1] in NAME_DOT_SET:
            return        # (本·|阿里|总统: a transliterated name's part, not 阿里地区)
        if after_foreign_country(ctx.text, start):
            return        # 英国|北海: the foreign country's sea or place, not a home division
        after = ctx.token_at(end)
        if ctx.text[end - 1:end + 1] in lexicon.CITY_AREA_WORDS and ctx.text[start:end - 1] in g.by_short \
                and after is not None and after.start == end and len(after.word) == 1:
            end -= 1      # 上海|市区, 温州|市民: the level's character begins another word (not 青岛市|民政局)
        ctx.add_division(d, start, end, "districts:division")

    for ai, si, sent in ctx.sentences():
        toks = ctx.tokens(sent)
        for i, t in enumerate(toks):
            w = t.word
            d = None
            if ctx.text.startswith(TIME_ZONE, t.end):
                continue          # 北京时间: a clock, not the city
            if w[0] in NUMBER_UNITS and t.start and ctx.text[t.start - 1].isdigit():
                continue          # 254|万山区人民: 万 counts the people, no county
            if (w in g.by_name or w in g.by_short) and i and len(toks[i - 1].word) == 1:
                big = g.lookup(ctx.text[t.start - 1:t.start + 1])
                if big is not None and big.level in ("province", "city"):
                    add(big, t.start - 1, t.start + 1)
                    continue      # 上|海城区: jieba cut 上海|城区 at the wrong place
            if w in g.by_name:
                cand = g.lookup(w, context)
                # two-character names like 城区, 郊区 are words first: only under a named parent
                d = cand if len(w) > 2 or _parent_in_play(cand, context, full_in_doc) else None
            elif w in g.by_short:
                if _begins_longer_name(ctx.text, t.end):
                    continue      # 东莞村, 长安街, 长春沟村: the short form begins another place's name
                if lexicon.names_a_river(ctx.text, t.start, t.end):
                    continue      # 黑河|流域, 九江|干流: the river a city is named after
                if _titled_person(ctx, t.start, t.end):
                    continue      # 驻华大使|阿里: a person the title names, not 阿里地区
                if _listed_with_things(toks, i):
                    continue      # 气候、土壤、日照等: sunshine, not 日照市
                if ctx.text.endswith(ANNIVERSARY, 0, t.start):
                    continue      # 成立50周年|大庆: the anniversary's celebration, not 大庆市
                cand = g.lookup(w, context)
                if t.tag in KG_WORD_TAGS and cand is not None and cand.name not in full_in_doc:
                    continue      # 公安|交警部门, 古城, 将军: kg's head or title, not 公安县, 古城区
                if ctx.text[t.end:t.end + 1] == "市" and cand is not None and not cand.name.endswith("市"):
                    city = g.lookup(w + "市")      # 吉林|市委: the city, not the province of that name
                    cand = city if city is not None and city.level == "city" else cand
                # a short form counts where its area is in play: its full name or its parent is
                if cand and (cand.name in full_in_doc or cand.code in context or
                             cand.level in ("province", "city") or
                             _parent_in_play(cand, context, full_in_doc) or
                             any(a.name in short_named for a in g.ancestors(cand))
                             and (t.start, t.end) in named_spans(ctx, t.start, t.end, ("LOC",))):
                    d = cand
            elif w[-1] in FORMER_ENDINGS and (former := former_division(w)) is not None:
                d = former        # 延庆县: the division by the name the page gives it
            elif len(w) >= 5:
                for a, b in _divisions_opening(w):   # 上海市|第一人民医院: one word of jieba's
                    if (d := g.lookup(w[a:b], context)) is not None:
                        add(d, t.start + a, t.start + b)
                continue
            if d:
                # 济南市|长: the mayor of 济南 (济南|市长), the title's level is not the name's
                # (长 alone, or glued to the name after it as a word jieba does not know: 长|李)
                chief = d.name == w and lexicon.chief_of_level(ctx.text, t.end - 1) and w[:-1] in g.by_short \
                    and i + 1 < len(toks) and (toks[i + 1].word == "长" or toks[i + 1].word[0] == "长"
                                               and toks[i + 1].tag == "x")
                add(d, t.start, t.end - chief)
        _zones(ctx, sent)      # before the short forms: a zone keeps its name as printed (呼市金川开发区)
        _one_character_city(ctx, sent, shorts)
        _short_forms_after_verbs(ctx, sent)
        _countries_before_titles(ctx, sent)
        _towns(ctx, sent)
        _foreign(ctx, sent, named)
        _relative(ctx, sent)
    _divisions_of_named(ctx, named)


def _city_short_forms(names_in_doc: list[str]) -> dict[str, Division]:
    """呼市 for 呼和浩特市, 哈市 for 哈尔滨市: a city whose name has three characters or
    more before 市 is written with its first character and 市 once the page has named
    it (in full or by its short name). Only where no other city the page names begins
    with that character."""
    g = gazetteer()
    named = {d.name: d for n in names_in_doc if n in g.by_name for d in g.by_name[n] if d.level == "city"}
    named |= {d.name: d for d in (g.lookup(n) for n in names_in_doc if n in g.by_short)
              if d is not None and d.level == "city"}
    by_first: dict[str, list[Division]] = {}
    for d in named.values():
        by_first.setdefault(d.name[0], []).append(d)
    return {c + "市": ds[0] for c, ds in by_first.items()
            if len(ds) == 1 and len(ds[0].name) >= 4 and ds[0].name.endswith("市")}


def _one_character_city(ctx: DocContext, sent, shorts: dict[str, Division]) -> None:
    """Mentions of a city by its one-character short form (`_city_short_forms`), where
    jieba reads it as one word (呼市|西郊) or the character alone before a word that
    begins with 市 (呼|市政府): not inside a word (上市, 超市)."""
    if not shorts:
        return
    toks = ctx.tokens(sent)
    for t, nxt in zip(toks, [*toks[1:], None]):
        if len(t.word) == 2:
            form = t.word                                    # 呼市|西郊
        elif len(t.word) == 1 and nxt is not None and nxt.word.startswith("市"):
            form = t.word + "市"                             # 呼|市政府
        else:
            continue
        d = shorts.get(form)
        if d is not None:
            ctx.add_division(d, t.start, t.start + 2, "districts:city short form")


PLACE_FORM_TAGS = ("ns", "j")     # jieba's tags of a place and of an abbreviation
LEADING_WORD_TAGS = "fpcur"   # jieba: locatives, prepositions, conjunctions, particles, pronouns:
                              # a town's name does not begin with one
TITLE_REACH = 8     # characters a title before a name may span (中共中央政治局委员 and shorter)


def _short_forms_after_verbs(ctx: DocContext, sent) -> None:
    """访美, 抵沪, 驻华: a verb of travel or dealings (`lexicon.HOME_SHORT_VERBS`) before a
    place's one-character short form of one reading names the place, where jieba reads
    the two as one word or each as a word of its own (在|京); not where the form begins
    a longer word (在|京西宾馆, 来日方长) or a name the tagger is sure of (访|华南热带农业
    大学) or a currency (赴美|元), and only a form jieba's
    dictionary reads alone as a place or an abbreviation (美, 沪; not 以 of 在|以, 比 of
    对比, 日, which is also the day)."""
    toks = ctx.tokens(sent)
    for prev, t in zip([None, *toks], toks):
        if len(t.word) > 2 or t.word[-1] not in lexicon.SHORT_FORMS:
            continue
        if len(t.word) == 2:
            verb = t.word[0]                                      # 访美
        elif len(t.word) == 1 and prev is not None and prev.end == t.start and len(prev.word) == 1:
            verb = prev.word                                      # 在|京
        else:
            continue
        at = t.end - 1
        readings = lexicon.SHORT_FORMS.get(ctx.text[at], ())
        if verb not in lexicon.HOME_SHORT_VERBS or len(readings) != 1 or ctx.covered(at, t.end) \
                or ctx.text[t.end:t.end + 1] in lexicon.CURRENCY_AFTER or ctx.text[at] not in _place_forms() \
                or any(a == at and b > t.end for a, b in named_spans(ctx, at, sent.end, ("LOC", "ORG", "PER"))):
            continue          # (访|华南热带农业大学: the tagger is sure of a longer name there)
        d = gazetteer().lookup(readings[0])
        if d is not None:
            ctx.divisions[d.name] = d
        elif readings[0] not in countries() and readings[0] != lexicon.HOME_COUNTRY:
            continue                          # a continent's form (赴欧): a region, no district
        ctx.add(ctx.text[at], "District", at, t.end, name=d.name if d else readings[0],
                rule="districts:short form after a verb")


def _countries_before_titles(ctx: DocContext, sent) -> None:
    """俄外长, 美总统: a foreign country's one-character short form of one reading that
    jieba reads alone as a place, after punctuation or a conjunction and right before a
    state's title, is the country whose post it is (not 吉总统: 吉 reads 吉林 too; not
    中美|总统, nor 日 of １５日|总统, a day)."""
    for m in lexicon.TITLE_RE.finditer(sent.text, 1):
        at = sent.start + m.start() - 1
        readings = lexicon.SHORT_FORMS.get(ctx.text[at], ())
        if len(readings) != 1 or readings[0] not in countries() or readings[0] == lexicon.HOME_COUNTRY \
                or m.group() not in lexicon.FOREIGN_STATE_TITLES or ctx.covered(at, at + 1) \
                or ctx.text[at] not in _place_forms() \
                or at > sent.start and ctx.text[at - 1].isalnum() and ctx.text[at - 1] not in "和与及":
            continue
        ctx.add(ctx.text[at], "District", at, at + 1, name=readings[0], rule="districts:country before a title")


def _divisions_opening(word: str) -> list[tuple[int, int]]:
    """The spans of the divisions' full names a dictionary word of jieba's begins with,
    each after the last, before at least two more characters: 上海市|第一人民医院,
    北京市|东城区|少年宫, 云南省|德宏傣族景颇族自治州. jieba knows such bodies as one word,
    so the token loop alone never sees the area their name puts them in; a remainder of
    one character is mostly no name's (上海市|人, 宜兰县|长)."""
    by_name, spans, a = gazetteer().by_name, [], 0
    while True:
        b = next((b for b in range(len(word) - 2, a + 2, -1) if word[a:b] in by_name), None)
        if b is None:
            return spans
        spans.append((a, b))
        a = b


def _begins_longer_name(text: str, end: int) -> bool:
    """Whether a place's suffix follows a short form ending at `end`, at once (东莞|村) or
    after one more character (长春|沟村, 北京|西路), where the two make no word (河南|农村)."""
    if INSIDE_LONGER_NAME.match(text, end):
        return True
    m = INSIDE_LONGER_NAME.match(text, end + 1)
    return m is not None and CJK.match(text, end) is not None and \
        segmenter().tk.FREQ.get(text[end:m.end()], 0) == 0


@lru_cache(maxsize=1)
def _place_forms() -> frozenset[str]:
    """The short forms jieba's dictionary reads alone as a place or an abbreviation (美,
    沪; not 以, 比, 日): asked once, not per sentence."""
    return frozenset(c for c in lexicon.SHORT_FORMS if segmenter().tokens(c)[0].tag in PLACE_FORM_TAGS)


def _titled_person(ctx: DocContext, start: int, end: int) -> bool:
    """A title ends right before [start, end) and the tagger reads a person there: a
    name (大使|阿里), not the short form of a division it shares."""
    return lexicon.TITLE_ENDING.search(ctx.text, max(0, start - TITLE_REACH), start) is not None \
        and bool(tagger_reads(ctx, "PER", start, end))


def _parent_in_play(d: Division | None, context: set[str], full_in_doc: set[str]) -> bool:
    """Whether the division's own parent is the paper's area (or an ancestor), or is named."""
    if d is None:
        return False
    p = gazetteer().parent(d)
    return p is not None and (p.code in context or p.name in full_in_doc)


# jieba: verbs, adverbs, conjunctions, prepositions, pronouns: a lone one opening a clause
# before a place jieba and the tagger both begin after it is the clause's word (，可|象角村
# 人的决心: but); inside a clause it may be the name's own first character (来到…包|西村)
LONE_WORD_TAGS = "vdcpr"
CLAUSE_ENDS = "，。；：！？"


def _tagger_place_starts(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the tagger is sure of a place over [start, end) that begins at `start`,
    and reads nothing over the character before."""
    spans = tagger_spans(ctx)
    return any(s.label == "LOC" and s.start == start and s.end >= end and s.confidence >= SURE
               for s in spans) and not any(s.start <= start - 1 < s.end for s in spans)


# the closing and opening marks of a quoted slogan
SLOGAN_QUOTES = {"”": "“", "』": "『", "」": "「"}


# the words a town's suffix may begin or lie inside: unknown ones, kg's titles and heads
# (金牛|镇党委书记, 抱龙峪|村党支部书记), place and body names (双龙|镇政府); any other
# word holds it as a common word's character (爱乡精神, 城镇居民)
SUFFIX_GLUED_TAGS = ("x", *KG_WORD_TAGS, "ns", "nt")


def _towns(ctx: DocContext, sent) -> None:
    toks = ctx.tokens(sent)
    for m in TOWN.finditer(sent.text):
        hs = sent.start + m.start()
        he = hs + len(m.group(1))
        tok = next((t for t in toks if t.start < he <= t.end), None)
        if tok and tok.end > he and (tok.tag not in SUFFIX_GLUED_TAGS or tok.start == hs and tok.tag == "ns"):
            continue          # 爱乡精神, 城镇居民, 村村: the suffix inside a common word; 镇区/ns: a
                              # place word the suffix begins (a town's built-up area; but 镇政府/nt,
                              # 村|党支部书记/title, the HMM's 村下/x end the town)
        if tok and len(m.group(1)) == 1 and tok.word != m.group(1) and tok.end == he and \
                tok.tag not in ("ns", "x") and segmenter().tk.FREQ.get(tok.word, 0) > 0 and \
                not (len(tok.word) >= 3 and tok.tag in PROPER_TAGS):
            # 故乡, 坐镇, 农村: a word that ends in the suffix; but 姚|村镇 is the town 姚村镇,
            # a name character that jieba left alone before a word it knew
            prev = next((t for t in toks if t.end == tok.start), None)
            if prev and len(prev.word) == 1 and CJK.match(prev.word) and \
                    prev.word not in lexicon.NAME_STOP and prev.tag in ("nr", "ns", "n", "x", "nz", "j", "g") \
                    and (prev.tag == "ns" or not tagger_reads_other(ctx, prev.start, he)) \
                    and not _measure_of_count(ctx.text, prev.start):
                ctx.add(prev.word + tok.word, "District", prev.start, he, rule="districts:town")
            continue
        if tok is not None and tok.end == he and verb_and_object(tok.word, m.group(1)) and \
                ((prev := word_ending(toks, tok.start)) is None or segmenter().tk.FREQ.get(prev.word, 0) > 0
                 and prev.tag not in (*PROPER_TAGS, *PLACE_FORM_TAGS)):
            continue          # 干部|驻村|蹲点: to stay in the villages, no village (but 双脑|包村, 西沙|窝村)
        if tok is not None and tok.word in SETTLEMENT_WORDS and tagger_reads(ctx, "LOC", tok.start, he) is False:
            continue          # 现行|城镇|住房制度: the common word for towns, where the tagger reads no place
        start = left_chunk(ctx, sent, hs, max_len=6, allow_divisions=False, toponym=True)
        if tok is not None and tok.tag == "ns" and tok.end == he and len(tok.word) - len(m.group(1)) >= 2 \
                and (before := word_ending(toks, tok.start)) is not None and len(before.word) >= 2:
            # 路经|落耳坡村/ns: a place jieba knows whole starts there, after a word; but not
            # after a lone character (史|各庄镇) nor with one before the suffix (育|新社区)
            start = max(start, tok.start)
        if tok is not None and tok.tag == "ns" and tok.end == he and start == tok.start - 1 \
                and (start == sent.start or ctx.text[start - 1] in CLAUSE_ENDS) \
                and (before := word_ending(toks, tok.start)) is not None and before.tag[:1] in LONE_WORD_TAGS \
                and _tagger_place_starts(ctx, tok.start, he):
            start = tok.start    # ，可|象角村/ns|人: a lone word opening the clause before a place jieba knows
        if glued_former(ctx, start, hs):
            start += 1           # 原北|石店乡: jieba's guess glued 原 (former) to the name
        # the chunk does not begin with a function word of the sentence (县以上|城镇)
        start = next((t.end for t in toks if t.start == start and t.end < hs and t.tag[:1] in LEADING_WORD_TAGS),
                     start)
        close = ctx.text[he:he + 1]
        if close in SLOGAN_QUOTES and SLOGAN_QUOTES[close] in ctx.text[max(sent.start, start - 6):start + 1]:
            continue          # “百企帮百村”, 『科技兴镇』: a quoted slogan ends in 村, it names no village
        if hs - start == 1 and ctx.text[start - 1:start] == "和" and start - 1 > sent.start:
            start -= 1        # 湟源县和|平乡: a town's name has two characters at least (和平乡)
        name = ctx.text[start:hs + len(m.group(1))]
        core = name[: -len(m.group(1))]
        if len(core) < 2 or core in GENERIC or core[-2:] in GENERIC or core[0] in "个名家处座条":
            continue
        if any(core.endswith(x) for x in ("农", "乡", "镇", "各", "该", "全")) or core[-2:] in CITY_WORDS \
                or core[-1] in "进入":
            continue          # 县城社区, 进社区: a word or a verb before the suffix; 如城街道 is a name
        if re.search(r"\d", core) or is_kind(name) or _measure_of_count(ctx.text, start) \
                or ORDINAL_COUNT.match(core):
            continue          # 小城镇, 穷山村: a kind in annotated news (kg.kinds); ６项|下乡
        if core in countries() or core in world_cities() or core in foreign_divisions():
            continue          # 杜尚别街道上: a foreign city's streets, no subdistrict
        if tagger_reads(ctx, "LOC", start, hs + len(m.group(1))) is False and (
                _common_word_in(toks, start, hs) or _described(ctx, toks, start, hs)
                or _common_words_only(toks, start, hs)):
            continue          # 脱贫|村, 有名的老大难|村: a common word the tagger reads no place over
        for a, b in division_chain(name):    # 延庆县|下屯乡: a county the data no longer has
            if b < len(name) and _common_area_word(name[a:b]):
                continue      # 震区|松山乡: a common word before the town (the quake zone)
            former = former_division(name[a:b])
            if former is not None:
                ctx.divisions[former.name] = former
            ctx.add(name[a:b], "District", start + a, start + b, rule="districts:town")


def _measure_of_count(text: str, start: int) -> bool:
    """The character at `start` is the measure word of a count before it (２０００余名|山区,
    ６项|下乡): no area's name begins there (雅安市名山区 does)."""
    return text[start:start + 1] in lexicon.MEASURES and \
        lexicon.ROUGH_COUNT_END.search(text, max(0, start - 8), start) is not None


def _common_area_word(part: str) -> bool:
    """A word of jieba's dictionary, no place's name, that ends in a division's suffix
    (震区, 灾区, 山区): no division of its own before the town it precedes."""
    seg = segmenter()
    return seg.tk.FREQ.get(part, 0) > 0 and seg.tags.get(part) not in ("ns", "x", None) \
        and gazetteer().lookup(part) is None and former_division(part) is None


# an ordinal counting what follows (历史上第一个|镇办企业): no town's name
ORDINAL_COUNT = re.compile(r"第[一二三四五六七八九十百千\d]+个?$")
# the common words for settlements that end in a town's suffix (jieba tags 城镇 a place)
SETTLEMENT_WORDS = frozenset({"城镇", "乡镇", "村镇", "集镇", "市镇", "重镇", "名镇", "古镇"})


def _common_word_in(toks, start: int, end: int) -> bool:
    """A verb, adjective, time word or other word of two characters or more, no part of a
    place name, among the sentence's words in [start, end) before a town's suffix (带队|走,
    脱贫, 现代|乡游); one character so tagged is often a name's (育|新社区). Held-out
    slices: MSRA 0.8211 -> 0.8214, 1998 0.8357 -> 0.8358; dev gold unchanged."""
    return any(start <= t.start and t.end <= end and len(t.word) >= 2
               and t.tag in ("v", "a", "ad", "an", "d", "vn", "l", "i", "t") for t in toks)


# jieba's frequency from which a word of a town's name so far is a common one (日子 5,113)
COMMON_NOUN_FREQ = 1000


def _common_words_only(toks, start: int, end: int) -> bool:
    """Two common words or more and nothing else before a town's suffix (前些日子|回家|乡:
    jieba cuts 回家|乡 where 回|家乡 was meant; 很会|利用|社区: its guess glued an adverb and
    a modal verb): a phrase, where a town's name is one word or holds a rare one (和平乡)."""
    freq = segmenter().tk.FREQ
    words = [t for t in toks if start <= t.start and t.end <= end]
    return len(words) >= 2 and words[0].start == start and words[-1].end == end \
        and all(len(t.word) >= 2 and (freq.get(t.word, 0) >= COMMON_NOUN_FREQ or t.tag == GUESS_TAG and all(
            freq.get(c, 0) >= FUNCTION_CHAR_FREQ for c in t.word)) for t in words)


GUESS_TAG = "x"      # jieba's tag of a word its HMM guessed
FUNCTION_CHAR_FREQ = 10_000    # jieba's frequency above which lone characters are function words (很, 会)


def _described(ctx: DocContext, toks, start: int, end: int) -> bool:
    """Words of jieba's dictionary, no place's, from 的 to a town's suffix: a description
    of the village (有名的老大难|村, 全县的计划生育合格|村), not its name."""
    ends = {t.end: t for t in toks if segmenter().tk.FREQ.get(t.word, 0) > 0
            and t.tag not in ("ns", "nt", "x", *KG_WORD_TAGS)}
    pos, words = end, 0
    while pos > start - 8 and pos in ends and ctx.text[pos - 1] != "的":
        pos, words = ends[pos].start, words + 1
    return words > 0 and pos <= start and ctx.text[pos - 1:pos] == "的"


def _zones(ctx: DocContext, sent) -> None:
    g = gazetteer()
    for m in ZONE.finditer(sent.text):
        hs, he = sent.start + m.start(), sent.start + m.end()
        if ctx.text[he:he + 1] in ("区",) or ctx.text[hs - 1:hs] in "新老":
            continue
        if m.group(1) == "园区":
            # a bare 园区 is the park named in full before it (甘州区工业园区…园区党工委)
            full = None if hs and CJK.match(ctx.text, hs - 1) else _named_zone_before(ctx, "园区", hs)
            if full:
                ctx.add("园区", "District", hs, he, name=full, rule=ZONE_RULE)
            continue
        start = left_chunk(ctx, sent, hs, max_len=6, strict=True, toponym=True)
        name = ctx.text[start:he]
        prefix = name[: -len(m.group(1))]
        if prefix and (prefix in lexicon.NAME_STOP or prefix in ("全", "各", "该", "本") or prefix in GENERIC
                       or "级" in prefix):
            continue          # 县级新区: a kind of zone
        if not prefix and m.group(1) not in BARE_ZONES:
            continue          # a bare 新区 or 产业园 names nothing
        canonical = full_name(ctx, name, start)        # 区工业园区 -> 甘州区工业园区
        if not prefix and ctx.area:
            city = ctx.paper_city()
            full = _named_zone_before(ctx, m.group(1), hs)
            if full:
                canonical = full
            elif city and m.group(1) in BARE_ZONES:
                canonical = (city.short or city.name) + m.group(1)
        elif prefix and prefix not in g.by_name and prefix not in g.by_short and len(prefix) > 4:
            continue
        if canonical == m.group(1):
            continue          # 建设开发区 on a page that names no area or zone: a kind of zone
        chain = nested_divisions(name)
        if chain:             # 上海浦东新区 (jieba's one word): the city and its district
            for a, b in chain:
                ctx.add_division(g.lookup(name[a:b]), start + a, start + b, "districts:division")
            continue
        ctx.add(name, "District", start, he, name=canonical, rule=ZONE_RULE)


def _named_zone_before(ctx: DocContext, suffix: str, pos: int) -> str | None:
    """The zone a bare 开发区 refers back to: the last one named in full before it in the
    article (晋江经济开发区…开发区党工委), which is more specific than the paper's city."""
    near = ctx.nearest_before(pos, lambda m: m.type == "District" and m.rule == ZONE_RULE
                              and m.name.endswith(suffix) and len(m.text) > len(suffix))
    return near.name if near else None


def _listed_with_things(toks: list, i: int) -> bool:
    """Whether the word at `i` is an item of a 、-list among common nouns (气候、土壤、日照等):
    two items of the list beside it are things, so it is one too. Places are listed with
    places."""
    def thing(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].tag in THING_TAGS and len(toks[k].word) >= 2

    def word(k: int) -> str:
        return toks[k].word if 0 <= k < len(toks) else ""

    if word(i - 1) != "、" or not thing(i - 2):
        return False
    return word(i + 1) in ("等", "等等") or word(i + 1) == "、" and thing(i + 2) or word(i - 3) == "、" and thing(i - 4)


# a day's numeral right before 日 (22日, 月二十二日): that 日 is the date's
DAY_BEFORE = re.compile(r"(?:\d|月[一二三四五六七八九十廿卅]{1,3})$")


def _foreign(ctx: DocContext, sent, named: list[str]) -> None:
    """Countries the sentence names, where they are words of their own: not 俄罗斯 in
    白俄罗斯, not 加纳 in 增加|纳入 (the segmenter's word boundaries), or begin a
    word that ends in a government body's head or a title (泰国|政府, 德国|总理); and a province or state
    right after one (韩国|京畿道), unless a common word ends it (黎巴嫩|电台报道)."""
    bounds: set[int] | None = None
    for country in named:
        if country not in sent.text:      # cheap test first: this runs per sentence and country
            continue
        if bounds is None:
            bounds = {b for t in ctx.tokens(sent) for b in (t.start, t.end)}
        for m in re.finditer(country, sent.text):
            s = sent.start + m.start()
            if s not in bounds or s + len(country) not in bounds and \
                    not sent.text.startswith(lexicon.AGENCY_HEADS, m.end()) and \
                    not lexicon.TITLE_RE.match(sent.text, m.end()):
                continue          # a country's own body or title is one word to jieba (泰国政府, 德国总理)
            if country.startswith("日") and DAY_BEFORE.search(ctx.text, max(0, s - 4), s):
                continue          # ８月２２日|本版: a date's day, then 本
            ctx.add(country, "District", s, s + len(country),
                    name=lexicon.COUNTRY_SHORT_NAMES.get(country) or common_country_name(country), rule=COUNTRY_RULE)
            f = FOREIGN.match(sent.text, m.end())
            if f and not _common_word_ends(ctx, sent.start + f.end(1)) \
                    and _ends_as_its_divisions(lexicon.COUNTRY_SHORT_NAMES.get(country, country), f.group(1)):
                a = sent.start + f.start(1)
                ctx.add(f.group(1), "District", a, a + len(f.group(1)), rule=COUNTRY_RULE)
                if f.group(2):
                    b = sent.start + f.start(2)
                    ctx.add(f.group(2), "District", b, b + len(f.group(2)), rule=COUNTRY_RULE)


def _ends_as_its_divisions(country: str, name: str) -> bool:
    """Whether a name after a country may be its province or state: the data's divisions
    of the country that end as FOREIGN's do (道, 州, 省) end as this one does, or none
    does. 日本|大藏省 is a ministry: Japan's divisions end in 道, 都, 府, 县."""
    endings = {d[-1] for d in divisions_of(country)} & set(FOREIGN_ENDINGS)
    return not endings or name[-1] in endings


# what ends a foreign division's name the page may write without the tagger reading it
FOREIGN_DIVISION_ENDINGS = ("府", "省", "州", "郡", "道", "县", "市", "区")


def _divisions_of_named(ctx: DocContext, named: list[str]) -> None:
    """A first-level division of a country the page names, written in full with its
    suffix (泰国 … 暖武里府高僧), is a District wherever nothing else is named over it:
    jieba and the tagger may both read past a foreign name (暖|武里府高僧)."""
    for country in named:
        for name in divisions_of(country):
            if len(name) < 3 or not name.endswith(FOREIGN_DIVISION_ENDINGS):
                continue
            for s in occurrences(ctx.text, name):
                if not ctx.covered(s, s + len(name)):
                    ctx.add(name, "District", s, s + len(name), rule=COUNTRY_RULE)


def _common_word_ends(ctx: DocContext, end: int) -> bool:
    """Whether jieba reads the character before `end` (a unit's suffix: 道, 州, 省) as the
    end of a common word (电台|报道), not of a place's name (京畿道)."""
    t = ctx.token_at(end - 1)
    return t is not None and len(t.word) > 1 and t.end == end and t.tag not in ("ns", "x", "nz", "j")


def _relative(ctx: DocContext, sent) -> None:
    for m in lexicon.RELATIVE_AREA.finditer(sent.text):
        level = m.group(1)
        if level not in "省市区县旗":
            continue
        s = sent.start + m.start()
        d = ctx.area_for(level, s, nearest_first=m.group().startswith("该"))
        if d:
            ctx.add_division(d, s, sent.start + m.end(), RELATIVE_AREA_RULE)

