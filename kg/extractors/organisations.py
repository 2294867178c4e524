"""Agency, Company and Organization mentions: names that end in an organisation head.

The name runs left from the head over tokens that can sit inside a name; a short
form that starts with a bare 市/区/县/省 (市委, 区行政审批服务局) is named in full
from the area it refers to in context.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import lexicon
from ..divisions import countries, country_prefix, gazetteer, states_of_short_form
from ..kinds import is_kind
from ..model import ORGANISATION_TYPES, Mention
from ..segment import segmenter
from .base import CJK, RELATIVE_AREA_RULE, TOWN_LEVELS, VILLAGES, ZONE_RULE, NAME_VERBS, DocContext, FIXED_EXPRESSION_TAGS, country_abroad, glued_former, joined_runs, left_chunk, named_at_home, occurrences, tagger_spans
from .tagged import named_spans, tagged_person_at, tagged_name_start, tagger_reads

HEADS: list[tuple[str, str]] = sorted(
    [(h, "Agency") for h in (*lexicon.AGENCY_HEADS, *lexicon.PEOPLES_BODIES)]
    + [(h, "Company") for h in lexicon.COMPANY_HEADS]
    + [(h, "Organization") for h in lexicon.ORG_HEADS],
    key=lambda x: -len(x[0]))
HEAD_TYPE = {}
for _h, _t in HEADS:
    HEAD_TYPE.setdefault(_h, _t)
HEAD_RE = re.compile("|".join(re.escape(h) for h, _ in HEADS))
TITLE_AT = lexicon.TITLE_RE
# heads that are also industry words: only with a place name before them
INDUSTRY_HEADS = {"地产", "置业", "证券", "保险", "基金", "信托", "传媒", "珠宝", "药业", "制药", "汽车", "电子", "电器",
                  "股份", "实业", "控股", "医药", "物流", "能源", "化工", "钢铁", "水泥", "建工", "建材"}
WEAK_HEADS = {"纸业", "门窗", "物业", "科技", "食品", "餐饮", "电器", "公安", "服务部门", "厂", "街"} | INDUSTRY_HEADS
GENERIC_CORE = {"相关", "有关", "各", "该", "地方", "职能", "主管", "行业主管", "基层", "上级", "属地", "执法",
                "机关", "直属", "下属", "各级", "全国", "政府", "本", "我", "这", "那", "其", "部分",
                "内", "外", "中", "全", "各类", "总", "分", "子", "母", "大", "小", "新", "老",
                "行政审批服务", "审批服务", "党", "领导", "工作", "服务", "管理", "专门", "镇街",
                "村", "社区", "街道", "一", "两", "三", "多", "每", "某", "物业", "企业", "民营",
                "国有", "中小", "龙头", "骨干", "优秀", "重点", "金融", "商业", "连锁", "全资", "控股",
                "民办", "公办", "私立", "私营", "整个", "所有",
                "街道", "镇街", "乡镇", "县市区", "市直", "区直", "县直"}
BELONGING = ("直属", "下属", "所属")     # a body's own bodies of a kind (国务院直属|局)
TYPE_SUFFIX = "型"      # a type of body in a word of three characters or more (救济型|旧货商店; not 新型)
# what a kind of body begins with, never a body's name: ownership, quantity, size and
# levels in the plural (民办|和股份制医院, 大量|资金投向学校, 小型|加工厂, 镇乡|污水处理厂)
KIND_WORDS = {"民办", "公办", "私立", "私营", "民营", "国有", *lexicon.QUANTITY_WORDS, "各类", "所有", "整个",
              "镇乡", "乡镇", "外国", "国外", "境外", "西方", "普通",
              "股份制", "合资", "独资", "外资", "集体所有制"} | lexicon.SIZES
PARTY_HEADS = {"党委", "党组", "党支部", "支部", "总支", "党工委", "党小组", "小组"}
GENERIC_UNITS = ("小区", "单位", "楼栋", "社区大", "企业", "物业", "网格", "机关", "方式配强", "行业",
                 "党", "两新组织", "非公企业", "学校", "村")
# words that end in a head character but are not organisations
NOT_HEADS = {"布局", "格局", "新格局", "大局", "全局", "结局", "开局", "当局", "局面", "全部", "内部",
             "外部", "局部", "东部", "西部", "南部", "北部", "中部", "干部", "部分", "各部", "到处",
             "好处", "之处", "处处", "此处", "各处", "难处", "长处", "用处", "住处", "深处", "多处",
             "学科", "本科", "专科", "场所", "住所", "厕所", "签署", "部署", "公署", "协议", "作协议",
             "委托", "居委", "村委", "实处", "产业布局", "优化布局", "上司", "顶头上司", "官司", "寿司", "盎司",
             "每盎司",
             # rooms and halls, not a province's departments (财政厅)
             "会客厅", "客厅", "餐厅", "展厅", "营业厅", "宴会厅", "舞厅", "歌厅", "候车厅", "休息厅",
             "音乐厅", "咖啡厅", "会议厅", "门厅", "茶厅", "瞻仰厅",
             "结合部", "大结局", "定局", "平局", "出局", "成定局", "半部", "南部", "北部",
             # situations, games and ploys, not bureaus (决胜局; 政局 below)
             "时局", "战局", "僵局", "骗局", "棋局", "饭局", "残局", "败局", "胜局", "决胜局",
             "终局", "危局", "变局", "赛局", "牌局", "胸部", "腹部", "背部", "腰部", "头部", "面部", "脚部",
             "颈部", "尾部", "臀部", "肩部", "腿部", "脸部", "手部", "口部", "鼻部",    # parts of a body
             "大部",    # 华北大部: most of the region
             "内科", "外科", "儿科", "妇科", "牙科", "眼科", "骨科", "皮肤科", "急诊科", "心血管内科",
             "小卖部",    # a kiosk, no department
             "理工科", "文科", "理科", "工科",    # fields of study, not sections
             "高科技",    # high technology, not a firm's 科技
             "官司"}      # a lawsuit (吃官司, 行政官司), not a department (司)
NOT_HEAD_ENDINGS = tuple(NOT_HEADS)     # for one str.endswith instead of a loop over the set
# no head as a word of its own, but the end of heads (日本|政局, the political situation;
# 财政局, 民政局 are bureaus)
NOT_HEAD_WORDS = frozenset({"政局"})
# characters that start the next word, not a longer name (局|要加大, 局|已完成)
GLUED_AFTER_HEAD = lexicon.NAME_STOP | set("要已正均再需应拟")
AGENCY_CENTRE_WORDS = ("政务", "便民", "党群", "综治", "指挥", "调处", "执法", "监测", "审批", "管理",
                       "服务中心", "治理", "应急", "信访", "公共")


def organisations(ctx: DocContext) -> None:
    for name in (*sorted(lexicon.NATIONAL_MEDIA), *sorted(lexicon.WORLD_MEDIA)):
        for start in occurrences(ctx.text, name):
            ctx.add(name, "Organization", start, start + len(name), rule="organisations:national media")

    _national_companies(ctx)
    for ai, si, sent in ctx.sentences():
        toks = ctx.tokens(sent)
        real_end = -1     # where the last real head ended: one overlapping it is no head (南京大学|校门)
        for m in _head_matches(sent.text):
            head = m.group()
            hs, he = sent.start + m.start(), sent.start + m.end()
            if hs < real_end:
                continue
            real = real_head(ctx, toks, head, hs, he)
            if real:
                real_end = he
            core = None if real else shares_head_with_title(ctx, toks, head, hs, he)
            if not real and core is None:
                continue
            type_ = HEAD_TYPE[head]
            if any(ctx.text.startswith(h, he - len(h)) for h in HALL_HEADS if len(h) > len(head)):
                continue          # 电视|演播厅, 展览|大厅: a hall, the places component's
            if _quoted_body(ctx, sent, head, type_, hs, he):
                continue
            start = _name_start(ctx, sent, head, type_, hs) if real else start_before_chiefs_body(ctx, core)
            if start is None:
                continue
            start = _verb_before_tagged_body(ctx, sent, start, he)
            c = Candidate(ctx, head, type_, start, hs, he)
            if any(rule(c) for rule in NOT_NAMED_BODY):
                continue
            if c.core in TOWN_LEVELS or not c.core and head == "办事处":
                # 街道党工委副书记、办事处主任: a bare 办事处 is the street's own office
                _town_body(ctx, c.name, head, c.start, he, level=c.core or "街道")
                continue
            if any(rule(c) for rule in NOT_NAMED_BODY_OF_ITS_OWN):
                continue
            if head == "中心" or head.endswith("中心"):
                c.type_ = "Agency" if any(w in c.name for w in AGENCY_CENTRE_WORDS) and \
                    type_ != "Organization" else type_
            if firms_department(c):
                c.type_ = "Company"
            if lexicon.COUNTED_STATES.match(c.name):
                c.type_ = "Organization"      # 八国集团: a group of states, no firm
            c.type_ = lexicon.type_for_the_world(c.type_, c.name)    # 国际奥林匹克委员会
            if c.type_ == "Company" and (CENTRAL_RE.match(c.name) or c.name.endswith(lexicon.CENTRAL_BANK)):
                c.type_ = "Agency"      # 中国人民银行(济南分行), 菲律宾中央银行: central banks and branches
            elif firm_inside_agency(c):
                continue
            _add_body(c)
    listed_share_area(ctx)
    _units_named_by_their_chief(ctx)
    _parents_of_subsidiaries(ctx)
    _central_bodies(ctx)
    _national_institutions(ctx)
    _firm_short_forms(ctx)
    _listed_parties(ctx)


def _head_matches(text: str) -> Iterator[re.Match]:
    """The heads in a sentence, left to right; past one that overlaps the next, that one
    too (第四十|一中|学: 一中, a school's short name, and 中学, which the name ends in), which
    the caller skips where the first is a real head (南京大学|校门: no 学校)."""
    m = HEAD_RE.search(text)
    while m is not None:
        yield m
        nxt = HEAD_RE.search(text, m.start() + 1)   # the leftmost head after m's start: the next
        if nxt is not None and nxt.start() < m.end() and nxt.end() <= m.end():
            nxt = HEAD_RE.search(text, m.end())      # one inside m (有限|公司 of 有限公司): past m
        m = nxt


def _listed_parties(ctx: DocContext) -> None:
    """A political party jieba's dictionary lists as a body (tag nt: 自民党, 民主党) is
    an organisation where nothing names it yet: 党 is no head of the organisations'
    (党委, 党组 are), and a foreign party has none other. Not a kind (参政党, 国共两党:
    kg.kinds counts 党 too), nor a party the tagger reads inside a longer body (哥伦比亚
    自由党全国领导委员会: the tagged component names it whole). The home country's
    (中国共产党, and 共产党 written bare) and its other parties (致公党) are the Party's
    and the state's bodies, named by their own rules."""
    spans = tagger_spans(ctx)
    for _, _, sent in ctx.sentences():
        for t in ctx.tokens(sent):
            if t.tag == "nt" and len(t.word) >= 3 and t.word.endswith(lexicon.PARTY_END) \
                    and t.word not in (*lexicon.OTHER_PARTIES, lexicon.HOME_PARTY) and not is_kind(t.word) \
                    and not t.word.startswith(lexicon.HOME_COUNTRY) \
                    and not ctx.text.endswith(lexicon.HOME_COUNTRY, 0, t.start) and not ctx.covered(t.start, t.end) \
                    and not any(s.label == "ORG" and s.start <= t.start and t.end <= s.end
                                and s.end - s.start > len(t.word) for s in spans):
                ctx.add(t.word, "Organization", t.start, t.end, rule="organisations:listed party")


# the place heads that end in an agency's head 厅 (教育厅, 政务服务大厅): a hall is a place
HALL_HEADS = tuple(h for h in lexicon.PLACE_HEADS if h.endswith("厅"))


def real_head(ctx: DocContext, toks, head: str, hs: int, he: int) -> bool:
    """A head match that ends a body's name: it ends a word (see `_head_ends_word`), and a
    one-character head is not the first of a longer one (调处|中心: the name ends at the
    next head), unless a title follows; 办 only as an office (see `_office`), always
    before a title."""
    if head == "办":
        if not _office(ctx, toks, hs, he):
            return False
        if TITLE_AT.match(ctx.text, he):
            return True       # 国务院|侨办|主任: an office before its chief, whatever jieba reads it (侨办/v)
    if ctx.text.startswith(lexicon.LAW_TITLE_END, he):
        return False          # 《中华人民共和国商业银行法》: a law's title, no bank
    if head in VERB_HEADS and (after := ctx.token_at(he)) is not None and after.start == he \
            and after.tag.startswith(LEARNT_TAGS):
        return False          # 教育孩子|学会|理财, 学会|艰苦朴素: learning to, before the verb or way learnt
    return _head_ends_word(ctx, toks, hs, he) and not (
        len(head) == 1 and HEAD_RE.match(ctx.text, he) and not TITLE_AT.match(ctx.text, he))


VERB_HEADS = frozenset({"学会"})     # heads that are verbs too (学会: a society; to learn)
LEARNT_TAGS = ("v", "i", "l")    # jieba: a verb, an idiom or a set phrase learnt, after the verb


# heads a title begins with, written once for both (市财政|局|长: the bureau and its chief)
SHARED_HEADS = frozenset("局部厅署处所行站社院馆")
CHIEF = "长"
DEPUTY = ("副", "代", "正", "常务")     # what a title may begin with (副局长)
FORMER = frozenset({"原", "前"})   # a word of its own before a body: the post was held once
CORE_TAGS = ("n", "vn", "nz", "j", "nt", "title")   # jieba's tags of what a body does (财政, 公安, 国防; 宣传部长)


def shares_head_with_title(ctx: DocContext, toks, head: str, hs: int, he: int) -> int | None:
    """市财政局长, 菲律宾国防部长: papers write a body's head once for the body and for its
    chief's title (局 + 局长). The head is the body's where 长 follows and the head
    names what the body does (公安局), or the words before it do (财政, 国防 of jieba's
    国防部长) and are no title: 局长 alone (党组书记、局长) heads nothing. Where the
    core word starts (its word's start, or the head's), else None."""
    if head[-1] not in SHARED_HEADS or ctx.text[he:he + 1] != CHIEF:
        return None
    if len(head) > 1:             # 公安局|长: a head that names what the body does
        return hs
    word = next((t for t in toks if t.start <= hs < t.end), None)
    if word is not None and word.start < hs:              # 财政局长 as one word: its 财政
        core = ctx.text[word.start:hs]
        # the word ends with the title's 长, or with the head before 长孙 (a surname)
        ok = word.end in (he, he + 1) and len(core) >= 2 and word.tag in CORE_TAGS      # not 不管|部长
        start = word.start
    else:
        before = next((t for t in toks if t.end == hs), None)
        core = before.word if before is not None else ""
        ok = len(core) >= 2 and before.tag in CORE_TAGS
        start = hs - len(core)
    # not a title's (副局长, 党组书记) nor a body's own head again (服务局|局长)
    return start if ok and core not in lexicon.TITLES and not core.endswith(DEPUTY) \
        and not HEAD_RE.search(core[-1]) else None


def start_before_chiefs_body(ctx: DocContext, core: int) -> int | None:
    """Where a body named with its chief's title starts: the area or body named right
    before its core word (菲律宾|国防, 东昌府区|教育), a bare level (市|财政), else the
    core word itself after a break (、宣传部长); None where other words come before it:
    they qualify the title (原|交通局长; 美国助理|国防部长 names neither 美国助理国防部
    nor China's 国防部) or are no name (非洲国家|财政部长)."""
    named = ctx.first_ending_at(core, ("District", "Agency"))
    if named is not None:
        return named.start
    if core > 0 and ctx.text[core - 1] in lexicon.AREA_LEVEL_CHARS:
        return core - 1
    # 国务委员兼|国防部长: a post joined to the one before stands apart from it
    return None if core > 0 and CJK.match(ctx.text, core - 1) and ctx.text[core - 1] != CONCURRENTLY else core


CONCURRENTLY = "兼"      # joins two posts one person holds (副主任兼中国证监会副主席)


def _quoted_body(ctx: DocContext, sent, head: str, type_: str, hs: int, he: int) -> bool:
    """Add a body named by a quote before its head, if one is; whether one was."""
    quoted = QUOTED_BEFORE.search(ctx.text, max(sent.start, hs - 16), hs)
    area = _area_before_quote(ctx, quoted.start()) \
        if quoted and head in lexicon.PROGRAMME_OFFICES and not quoted.group(2) else None
    if area is not None:
        # 县“希望工程”办公室: an area's office of a programme named in quotes
        plain = ctx.text[area:quoted.start()] + quoted.group(1) + quoted.group(2) + head
        ctx.add(ctx.text[area:he], type_, area, he, name=canonical(ctx, plain, area),
                rule="organisations:office of a quoted programme")
        return True
    if quoted and type_ == "Organization" and ("的" in quoted.group(2) or lexicon.COUNTED_BODIES.search(quoted.group(2))):
        # 号称“美以美”的一家医院: the quote is the body's whole name, the rest describes it
        s = quoted.start() + 1
        ctx.add(quoted.group(1), type_, s, s + len(quoted.group(1)), rule="organisations:quoted name")
        return True
    if quoted and type_ == "Organization" and not (set(quoted.group(2)) & lexicon.NAME_STOP) \
            and not quoted.group(1).endswith(lexicon.ATTRIBUTIVE):
        # “红马甲”志愿服务队: a body named by a quote before its head (not “证据”向|医院: a
        # preposition between them begins the sentence's phrase; nor “认真而长期的”联盟: a
        # quoted attribute describes the body)
        ctx.add(ctx.text[quoted.start():he], type_, quoted.start(), he,
                name=quoted.group(1) + quoted.group(2) + head, rule="organisations:quoted name and head")
        return True
    return False


def _name_start(ctx: DocContext, sent, head: str, type_: str, hs: int) -> int:
    """Where the name that ends in the head at `hs` starts: the name chunk, or a bare
    town level before the head, or the start of an area it begins inside; after a verb
    before a body jieba knows whole; less the areas before a body's own (not a firm's),
    another firm's whole name before a firm's, and an ordinal of terms."""
    start = left_chunk(ctx, sent, hs, max_len=22)
    # 延庆县原|县委书记: 原 (former) qualifies the post, the name starts after it
    start = max((t.end for t in ctx.tokens(sent) if start <= t.start and t.end <= hs and t.word in FORMER), default=start)
    if glued_former(ctx, start, hs):
        start += 1            # 原省|电力局, 原城区|区委: jieba's guess glued 原 to the area after it
    if start == hs:
        start = _bare_level_before(ctx, hs)
    # a name does not begin inside an area's name: 呼|市政府 is 呼市's government
    start = next((m.start for m in ctx.overlapping(start, start + 1, ("District",)) if m.start < start), start)
    start = _body_known_whole(ctx, sent, start, hs)
    if type_ != "Company":
        start = _drop_outer_divisions(ctx, start, hs)   # a firm's registered name keeps its areas
    elif head in FIRM_HEADS:
        start = _after_another_firm(ctx, start, hs)
    ordinal = ORDINAL.match(ctx.text, start, hs)
    return ordinal.end() if ordinal else start     # 第十一届全国人大常委会: the term is no part of the name


# jieba's tags of words that are the sentence's, not a name's: verbs, locatives and places
# words, prepositions, conjunctions, adverbs, pronouns
SENTENCE_WORD_TAGS = frozenset("vfspcdr")


def _body_known_whole(ctx: DocContext, sent, start: int, hs: int) -> int:
    """Where a verb, function word or set phrase comes before a body jieba's dictionary holds
    whole (国务院办公厅/nt), the name starts after it: the words up to it are the sentence's
    (抄送|国家教委, 诉状递进|开元区人民法院, 结构调整|日本银行); names (铁路|中心医院,
    阿勒锦|经贸公司) stay."""
    toks = [t for t in ctx.tokens(sent) if start <= t.start < hs]
    whole = next((i for i, t in enumerate(toks) if i and t.tag == "nt"), None)
    # (a person's name is no part of a body's either: 应邀参加/nr|中宣部, a quirk of jieba's;
    # nor a set phrase or an idiom: 结构调整/l|日本银行)
    last = next((t for t in reversed(toks[:whole or 0])
                 if t.tag[:1] in SENTENCE_WORD_TAGS or t.tag == "nr" or t.tag in FIXED_EXPRESSION_TAGS), None)
    return start if last is None else last.end


def _verb_before_tagged_body(ctx: DocContext, sent, start: int, end: int) -> int:
    """Where a verb comes before a body the tagger is sure of (`tagged_name_start`), the
    name starts after it (报请|中共中央政治局常委会: jieba reads a title word and 会 there;
    报请|中共中央政治局, the body it begins with)."""
    inner = tagged_name_start(ctx, start, end, "ORG", past=True)
    verbs = [t for t in ctx.tokens(sent) if inner is not None and start <= t.start and t.end <= inner and t.tag == "v"]
    return verbs[-1].end if verbs else start


@dataclass
class Candidate:
    """A name that ends in an organisation head, as the rules judge it: the page, the
    head and the type it gives, and where the name starts and the head begins and ends."""
    ctx: DocContext
    head: str
    type_: str
    start: int
    hs: int
    he: int

    @property
    def name(self) -> str:
        return self.ctx.text[self.start:self.he]

    @property
    def core(self) -> str:
        """The name without its head (东昌府区财政|局 -> 东昌府区财政)."""
        return self.name[: -len(self.head)]

    @property
    def before(self) -> str:
        """The character before the name."""
        return self.ctx.text[self.start - 1:self.start]


# ---- what is not a named body: each rule says why ---------------------------------

# a count of bodies before a name (三家|远洋公司) or at its start (两大|电信公司)
COUNT_AT_START = re.compile(f"{lexicon.COUNT}[大{lexicon.BODY_MEASURES}]")
COUNT_BEFORE = re.compile(COUNT_AT_START.pattern + "$")
# a count and its measure right before the head, an area before them (某地区|八所|小学)
COUNTED_BEFORE_HEAD = re.compile(f"{lexicon.COUNT}[{lexicon.BODY_MEASURES}]$")
# a phase or batch right before the head: goods or bodies so counted (伊拉克|第三期|食品)
PHASE_BEFORE_HEAD = re.compile(f"第{lexicon.COUNT}[期批]$")
# a hotel's stars right before its head: a class of hotels (四星|酒店); 三星电子 is a firm
STARS_BEFORE_HEAD = re.compile(f"{lexicon.COUNT}星级?$")
LODGING_HEADS = frozenset({"酒店", "宾馆", "饭店"})
# so many big ones right before the head (两大|集团, 中国四大|银行; but 三|大队 is a unit's number)
COUNTED_BIG = re.compile(f"{lexicon.COUNT}大$")


# determiners a body's name never begins with (上述公司, 同一医院, 某医院, 这位省委书记,
# 这家医院; not 那 alone: 那莫乡 is a town)
DETERMINERS_FIRST = ("某", "上述", "同一", *(d + m for d in "这那此" for m in "位个家所些份种类批"))
# a determiner and a count (这三家|公司, 那两所|学校): bodies the page points back to
DETERMINED_COUNT = re.compile(f"[这那此该]{lexicon.COUNT}[{lexicon.BODY_MEASURES}]")


def determiner_or_count(c: Candidate) -> bool:
    """各防汛指挥部, 该中心, 某医院, 各地|市供电局, 32家商协会, 三家远洋公司, 两大电信公司, 德国第二大银行,
    中国四大银行, 四星|酒店: a determiner, a count, a rank or a hotel's stars before the head
    makes it a kind of body, or one the page will not name, not a named one; but a count
    that is all there is before the head is the body's number (三大队)."""
    if c.before in ("各", "该", "每", "本", "全", "其", "某") or c.name.startswith(DETERMINERS_FIRST) \
            or c.ctx.text.endswith((*DETERMINERS_FIRST, *lexicon.QUANTITY_WORDS), max(0, c.start - 2), c.start) \
            or "某" in c.core \
            or c.ctx.text[max(0, c.start - 2):c.start] in ("各地", "各级") \
            or lexicon.RANK.search(c.name) or COUNTED_BIG.search(c.core) or DETERMINED_COUNT.match(c.name) \
            or "各" in c.core:
        return True           # (上海|各|街道办事处: every one of an area's bodies)
    ctx = c.ctx
    if c.before.isdigit() and ctx.text[c.start] in lexicon.BODY_MEASURES or \
            COUNT_BEFORE.search(ctx.text, max(0, c.start - 6), c.start):
        return True
    count = COUNT_AT_START.match(ctx.text, c.start, c.hs)
    # (but a measure word counts even then: 十所|医院 are ten hospitals)
    return count is not None and (count.end() < c.hs or ctx.text[count.end() - 1] in lexicon.BODY_MEASURES) \
        or COUNTED_BEFORE_HEAD.search(ctx.text, c.start, c.hs) is not None \
        or PHASE_BEFORE_HEAD.search(ctx.text, c.start, c.hs) is not None or counted_post(c) or counted_after(c) \
        or c.head in LODGING_HEADS and STARS_BEFORE_HEAD.search(ctx.text, c.start, c.hs) is not None


# bodies counted after their head, the clause ending there (普通中小学３８１３所，)
COUNTED_AFTER = re.compile(lexicon.COUNTED_BODIES.pattern + "(?![\u4e00-\u9fff])")


def counted_after(c: Candidate) -> bool:
    """衡阳市现有普通中小学３８１３所: bodies counted right after the head are a kind the
    page counts; but 工商银行３家支行 counts the bank's branches, not banks."""
    return COUNTED_AFTER.match(c.ctx.text, c.he) is not None


# a count of the persons who hold a post (县委书记３名, 乡镇长４７人)
PERSONS_COUNTED = re.compile(f"{lexicon.COUNT}[名人位]")


def counted_post(c: Candidate) -> bool:
    """其中县委书记３名，县长５名: a post counted after its title is held in several
    bodies the page does not name; its head names none of them."""
    title = TITLE_AT.match(c.ctx.text, c.he)
    return title is not None and PERSONS_COUNTED.match(c.ctx.text, title.end()) is not None


def read_as_a_name(c: Candidate) -> bool:
    """总统卢卡申|科, 俄罗斯代总理基里延|科, 新华社莫斯|科: the tagger reads a person's or a
    place's name that ends in a one-character head; the character is the name's, not a
    section's (held-out slices: MSRA 0.818 -> 0.820, 1998 0.834 -> 0.836; dev gold
    unchanged). And a person's office is a room of theirs (赶到尚美英|办公室)."""
    return len(c.head) == 1 and (
        (tagged_person_at(c.ctx, c.start) or "") == c.name
        or any(e == c.he and s < c.hs for s, e in named_spans(c.ctx, c.start, c.he, ("PER", "LOC")))) \
        or c.head in PERSONS_ROOMS and (tagged_person_at(c.ctx, c.start) or "") == c.core


def two_bodies_read(c: Candidate) -> bool:
    """厦门戏曲舞蹈学校|代理|北京舞蹈学院 (jieba tags 代理 a noun): the tagger reads two
    bodies inside, apart, with the words between them in no name of its own."""
    spans = sorted(named_spans(c.ctx, c.start, c.he, ("ORG",)))
    every = tagger_spans(c.ctx)
    return any(b < a2 and not any(s.start < a2 and b < s.end for s in every)
               for (_, b), (a2, _) in zip(spans, spans[1:]))


# what a person's name before it makes a room of theirs, not a body (赶到尚美英|办公室)
PERSONS_ROOMS = ("办公室",)


def core_too_short(c: Candidate) -> bool:
    """A head with less than two characters before it names no body (科室, 大局), except
    a bare level (市委, 县政府), which the area in context names."""
    return len(c.core) < 2 and not (c.core and c.core in lexicon.AREA_LEVEL_CHARS)


ETC, COUNTRIES_WORD = "等", "国家"     # after a list, 等国家: "and other countries"


def generic_core(c: Candidate) -> bool:
    """相关部门, 民营企业, 县区党委, 乡镇政府: what comes before the head is a generic word,
    a kind word (民办|和股份制医院) or a vague quantity anywhere in it (美国|大多数|公司), a
    level (市级; not a court's grade, 省高级人民法院) or levels in the plural: a kind of body,
    not a named one."""
    core = c.core
    if c.before == ETC and core.startswith(COUNTRIES_WORD):
        return True       # 日本、墨西哥等|国家红十字会: the countries' societies, no state's body
    graded = core.removesuffix(lexicon.PEOPLES).endswith(lexicon.COURT_GRADES)
    words = segmenter().tokens(core)
    vague = any(t.word in lexicon.QUANTITY_WORDS for t in words)    # 美国|大多数|公司
    if core.endswith(BELONGING) or any(len(t.word) >= 3 and t.word.endswith(TYPE_SUFFIX) for t in words):
        return True       # 国务院直属|局: the bodies directly under it; 救济型|旧货商店: a type of shop
    if core.startswith(lexicon.NATIONWIDE) and core[len(lexicon.NATIONWIDE):] in GENERIC_CORE:
        return True       # 全国基层|公安局: the country's bodies of a kind
    first = words[0].word if words else core     # 民办|和股份制医院, 大量|资金投向学校: a kind's modifier first
    return core in GENERIC_CORE or first in KIND_WORDS or vague or "级" in core and not graded \
        or any(w in core for w in ("县市区", "县区", "市县", "镇街", "地市")) or bool(lexicon.LEVELS_ONLY.fullmatch(core)) \
        or core.startswith(("街道", "社区", "乡镇", "镇村", "省市", "省区"))


def weak_head_without_name(c: Candidate) -> bool:
    """A weak head (物业, 科技, 公安) names a body only after a name of its own, beyond a
    place (东阿县|部门); an industry word (传媒, 药业) ends a name only where the name
    ends (…传媒|交流协会), not before more of it."""
    if c.head not in WEAK_HEADS:
        return False
    ctx = c.ctx
    return len(_without_place(c.core, ctx)) < 2 and not _listed_after_placed(c) or (
        c.head in INDUSTRY_HEADS and CJK_BEFORE.match(ctx.text, c.he) is not None
        and not TITLE_AT.match(ctx.text, c.he)) or c.head in INDUSTRY_HEADS and not _brand_before(c)


# jieba's tags of a brand's or place's name before an industry word (比亚迪/nr, 万科/nz, 吉利/ns)
BRAND_TAGS = ("nr", "ns", "nz", "nt", "j")


def _brand_before(c: Candidate) -> bool:
    """Whether an industry word (汽车, 电器) follows a name: a word jieba knows as a proper
    noun, a division, or one unknown word alone (县城|跳上|汽车 is a bus ride)."""
    toks = [t for t in c.ctx.tokens(c.ctx.sentence_at(c.start)) if c.start <= t.start and t.end <= c.hs]
    return any(t.tag.startswith(BRAND_TAGS) for t in toks) or len(toks) == 1 and toks[0].tag == "x" \
        or any(m.type == "District" for m in c.ctx.mentions_between(c.start, c.hs))


def _listed_after_placed(c: Candidate) -> bool:
    """西峡县保护材料厂、冶金材料厂: a list item right after a body of the same head whose
    name begins with its area has a name of its own, the area the list's first item
    names (relations place it there too)."""
    ctx = c.ctx
    if len(c.core) < 2 or not ctx.text.startswith("、", c.start - 1):
        return False
    prev = ctx.first_ending_at(c.start - 1, ORGANISATION_TYPES)
    return prev is not None and prev.text.endswith(c.head) and \
        len(_without_place(prev.text[:-len(c.head)], ctx)) >= 2


def level_and_head(c: Candidate) -> bool:
    """市局, 省厅: a level and a one-character head refer to some bureau, not a named one
    (but 市委 is the city's Party committee, unless another level comes before it: 各县|市委
    are the committees of all counties and cities; 莘县|县委 is 莘县's)."""
    if not (len(c.head) == 1 and len(c.core) == 1 and c.core in lexicon.AREA_LEVEL_CHARS):
        return False
    tiers = c.start > 0 and c.ctx.text[c.start - 1] in lexicon.AREA_LEVEL_CHARS and \
        c.ctx.first_ending_at(c.start, ("District",)) is None
    return c.head != "委" or tiers


def kind_of_government(c: Candidate) -> bool:
    """法治政府, 数字政府: a government is an area's or a country's (中国政府 too), else it
    is a kind."""
    core = c.core
    return c.head in ("政府", "人民政府") and not (
        core[-1:] in "省市县区镇乡" or core in c.ctx.divisions or core in countries()
        or core == lexicon.HOME_COUNTRY)


def kind_of_business(c: Candidate) -> bool:
    """中医诊所, 辖区内诊所, 博彩公司: a kind of business, not a business (see
    `_generic_company` and `_kind_of_business`); and 美国公司, 香港公司, 亚洲公司, 中国公司: a
    place's, a region's or the home country's firms, where the tagger reads no name (banks
    so named are names: 中国银行)."""
    return c.type_ == "Company" and (
        _generic_company(c.core, c.ctx) or _kind_of_business(c.ctx, c.core, c.start, c.he)
        or c.head in PLACES_FIRMS_HEADS and (_a_place(c.core, c.ctx) or c.core in lexicon.WORLD_REGIONS
                                             or c.core == lexicon.HOME_COUNTRY)
        and tagger_reads(c.ctx, "ORG", c.start, c.he) is False)


# the heads a place's name makes a kind of (美国公司, 日本企业: its firms)
PLACES_FIRMS_HEADS = ("公司", "企业")


def idiom_before_head(c: Candidate) -> bool:
    """但也暴露出|集团在发展过程中: a core that is one idiom of jieba's (暴露出/i) is the
    sentence's words before a kind of body, not a name."""
    toks = segmenter().tokens(c.core)
    return len(toks) == 1 and toks[0].tag == "i"


def generic_party_unit(c: Candidate) -> bool:
    """小区党支部, 楼栋党小组: Party units of generic units, not named bodies."""
    return c.head in PARTY_HEADS and not _named_unit(c.ctx, c.core, c.start, c.hs)


def quoted_programme(c: Candidate) -> bool:
    """“家门口服务站”: a programme named in quotes, the initiatives' to name."""
    return c.type_ == "Agency" and c.before == "“" and c.ctx.text[c.he:c.he + 1] == "”"


def congress_out_of_place(c: Candidate) -> bool:
    """象角村人大搞…: a people's congress (人大) sits from the township up, never in a
    village or community, and 中国全国人大 is the central one, which the central bodies
    name (全国人民代表大会)."""
    return c.head == CONGRESS and (c.core.endswith(VILLAGES) or c.name.endswith(CENTRAL_CONGRESSES))


def hall_not_for_a_service(c: Candidate) -> bool:
    """饭店大厅, 三楼大厅, 维也纳金色大厅: a hall (大厅) is a service hall, an agency, only
    where named for the service (政务服务大厅, 办税大厅); any other is a room or a venue."""
    return c.head == HALL and not c.core.endswith(lexicon.SERVICE_HALL_WORDS)


HALL = "大厅"


def qualified_by_words_of_kind(c: Candidate) -> bool:
    """综合性、多科性|大学, 中小型|图书馆, 国立|医院: a school, university or other
    organisation qualified by words of kind alone (jieba's distinguishing words, and
    qualities in 性, 型 or 化: 现代化研究型|大学), where the tagger reads no organisation,
    is a kind of it; common nouns may make a name (小世界|幼儿园), and a quote names one
    (“抗震学校”). As jieba reads the whole name."""
    if c.type_ != "Organization" or c.core[:1] in lexicon.AREA_LEVEL_CHARS or c.before in QUOTE_OPENERS:
        return False
    toks = [t for t in segmenter().tokens(c.name) if t.end <= len(c.core)]
    return bool(toks) and toks[-1].end == len(c.core) and all(_word_of_kind(t) for t in toks) \
        and tagger_reads(c.ctx, "ORG", c.start, c.he) is False


QUALITY = ("性", "型")        # 综合性, 多科性, 研究型: a quality a kind of body has
BECOMING = "化"               # 现代化, 国际化: a quality it is given (jieba's verbs and verbal nouns)


def _word_of_kind(t) -> bool:
    """A distinguishing word or a quality (综合性, 研究型, 现代化), not a name's word."""
    return t.tag == "b" or t.word.endswith(QUALITY) or t.word.endswith(BECOMING) and t.tag in ("v", "vn")


QUOTE_OPENERS = "“‘「『"


def section_of_a_country(c: Candidate) -> bool:
    """匈牙利|科瓦茨: a section (科) is an agency's part, never a country's own; after a
    country's name it begins a transliterated name (科瓦茨, 科恩)."""
    return c.head in SECTION_HEADS and c.core in countries()


SECTION_HEADS = frozenset({"科"})


def schools_of_a_kind(c: Candidate) -> bool:
    """贫困地区|中小学, 城区|中小学: primary and secondary schools after a common word are
    the schools of a kind; after a name of its own (明德|中小学) it is one school."""
    if not c.name.endswith(SCHOOLS_OF_BOTH_LEVELS) or len(c.name) < len(SCHOOLS_OF_BOTH_LEVELS) + 2:
        return False
    last = c.name[-len(SCHOOLS_OF_BOTH_LEVELS) - 2:-len(SCHOOLS_OF_BOTH_LEVELS)]
    return segmenter().tk.FREQ.get(last, 0) >= COMMON_WORD_FREQ and segmenter().tags.get(last) != PERSON_NAME_TAG


SCHOOLS_OF_BOTH_LEVELS = "中小学"
PERSON_NAME_TAG = "nr"


def seat_of_a_body(c: Candidate) -> bool:
    """该组织|马德里总部, 特委会驻|巴格达总部: headquarters after places alone are a body's
    seat there, the body's named before; not a body of its own (联合国总部 has one)."""
    end = c.he - len(SEAT)
    if not c.name.endswith(SEAT) or end <= c.start:
        return False
    places = [(m.start, m.end) for m in c.ctx.mentions_between(c.start, end) if m.type in ("District", "Place")]
    places += [(s.start, s.end) for s in tagger_spans(c.ctx) if s.label == "LOC" and c.start <= s.start < end]
    pos = c.start
    for a, b in sorted(places, key=lambda p: (p[0], -p[1])):
        if a == pos:
            pos = b
    return pos == end


SEAT = "总部"     # headquarters
CONGRESS = "人大"      # a local people's congress, by its usual short name (县人大, 省人大主任)
CENTRAL_CONGRESSES = tuple(k for k in lexicon.CENTRAL_BODIES if k.endswith(CONGRESS))    # 全国人大


def firm_inside_agency(c: Candidate) -> bool:
    """A firm's name that runs over an agency the page names (聊城市公路管理局|工程公司)
    is a unit of that agency, not a firm named on its own."""
    return c.type_ == "Company" and c.ctx.covered(c.start, c.he, ("Agency",)) is not None


# the heads of a department that a firm has as a government body does (质管部, 办公室)
DEPARTMENT_HEADS = frozenset({"部", "处", "科", "局", "办公室", "工作部", "服务部"})   # (集团|董事局)


def firms_department(c: Candidate) -> bool:
    """A department named after a firm (山东某医药连锁有限公司|质管部) is the firm's, not
    an agency: its staff hold no public office."""
    return c.type_ == "Agency" and c.head in DEPARTMENT_HEADS and any(
        m.type == "Company" and m.end <= c.hs for m in c.ctx.mentions_between(c.start, c.hs))


def kind_in_annotated_news(c: Candidate) -> bool:
    """上市公司, 保险公司, 和谈僵局, 大中小学: annotated news shows the words to name a
    kind, not a body (kg/kinds.py), and so all of the kind in the country (全国重点大学);
    an area's relative form (市政府, 自治区政协) is resolved instead.
    With places' kinds (kg/extractors/places.py), held-out slices: MSRA 0.8295 -> 0.8319,
    1998 0.8416 -> 0.8448; ../shared/real entities 0.879 -> 0.882; seeds unchanged."""
    return c.core[:1] not in lexicon.AREA_LEVEL_CHARS and not c.core.startswith(lexicon.AREA_LEVEL_WORDS) \
        and (is_kind(c.name) or c.name.startswith(lexicon.NATIONWIDE) and is_kind(c.name[len(lexicon.NATIONWIDE):])) \
        and not _named_in_full_before(c)


def _named_in_full_before(c: Candidate) -> bool:
    """Whether the page named a body earlier whose name ends in the candidate's (全国助老工程
    办公室 … 助老工程办公室): the candidate is that body called short, whatever kind the
    words name elsewhere."""
    return any(m.type in ORGANISATION_TYPES and len(m.name) > len(c.name) and m.name.endswith(c.name)
               for m in c.ctx.mentions_between(0, c.start))


# asked in order before a bare town level's bodies are named (镇党委: see `_town_body`) …
NOT_NAMED_BODY = (determiner_or_count, read_as_a_name, two_bodies_read)
# … and after them
def phrase_before_head(c: Candidate) -> bool:
    """作者这部, 职业培训主要面向初中: words with a function word among them before a head
    (see `_phrase_not_name`)."""
    return _phrase_not_name(c.ctx, c.core, c.start, c.he)


# what a body is said to be set up as, or described by with 的 or as the first of its
# kind: verbs and common words
SET_UP_BEFORE = re.compile(f"(?:的|(?:{'|'.join(lexicon.SETTING_UP)})了?|{'|'.join(lexicon.FIRST_OF_A_KIND)})$")
ACTION_TAGS = frozenset({"v", "vn"})
# jieba's tags of common words (nouns, verbs, adjectives), and how often a noun or an
# adjective must occur in its dictionary to be a common one: 资助 1316, 服务 13036; a
# village's name 沙窝 9
COMMON_WORD_TAGS = frozenset({"n", "vn", "v", "a", "an"})
COMMON_WORD_FREQ = 500
# what a kind of business is named by: a common word, or one of jieba's distinguishing
# words (b: 高档|宾馆, 大型|超市, 私营|企业), which qualify kinds, not name firms
KIND_WORD_TAGS = COMMON_WORD_TAGS | {"b"}


def described_not_named(c: Candidate) -> bool:
    """成立多种类型的帮困服务小组, 建立了资助基金会, 我国首家地震专业博物馆: after 的, a verb
    of setting up or the first of a kind, a core of verbs and common words only (no
    area, name or rare noun: 成立了沙窝梨果种植专业合作社 names one) says what the body
    does; it names none."""
    if not SET_UP_BEFORE.search(c.ctx.text, max(0, c.start - 3), c.start) or c.core[:1] in lexicon.AREA_LEVEL_CHARS:
        return False
    seg = segmenter()
    toks = seg.tokens(c.core)
    return bool(toks) and all(t.tag in ACTION_TAGS or t.tag in COMMON_WORD_TAGS and
                              seg.tk.FREQ.get(t.word, 0) >= COMMON_WORD_FREQ for t in toks)


NOT_NAMED_BODY_OF_ITS_OWN = (kind_in_annotated_news, core_too_short, generic_core, weak_head_without_name, level_and_head,
                             kind_of_government, kind_of_business, idiom_before_head, generic_party_unit, quoted_programme,
                             phrase_before_head, described_not_named, congress_out_of_place, section_of_a_country,
                             hall_not_for_a_service, qualified_by_words_of_kind, seat_of_a_body, schools_of_a_kind)


def _add_body(c: Candidate) -> None:
    """Add the body named in full; a committee and government written as one (泽州县委县政府)
    are two bodies, and an agency's name may begin with its committee's."""
    ctx, name, start, he = c.ctx, c.name, c.start, c.he
    joint = COMMITTEE_AND_GOVERNMENT.fullmatch(name)
    if joint:
        gs, gov = start + joint.start(3), joint.group(3)
        ctx.add(gov, "Agency", gs, he, rule="organisations:committee and government",
                name=joint.group(1) + gov[1:] if len(joint.group(1)) > 1 else canonical(ctx, gov, gs))
    else:
        ctx.add(name, c.type_, start, he, name=canonical(ctx, name, start), rule="organisations:name and head")
    if c.type_ == "Agency":
        _committee_inside(ctx, start, he)


def listed_share_area(ctx: DocContext) -> None:
    """A list of bodies names its area once: in 东昌府区财政局、税务局 the second bureau
    is 东昌府区's too, in 泰国财政部、商业部 the second ministry Thailand's. A body that
    names an area of its own (anywhere: 武警西藏总队), that the rules named in full (a
    relative form), or that is of national scope keeps its name."""
    for run in joined_runs(ctx, sorted((m for m in ctx.mentions if m.type == "Agency"), key=lambda m: m.start)):
        prev = run[0]
        for m in run[1:]:
            if m.name == m.text and not m.name.startswith(lexicon.NATIONAL_PREFIXES) and not _area_prefix(m.name) \
                    and not any(d.type == "District" for d in ctx.mentions_between(m.start, m.end)):
                area = _area_prefix(prev.name)
                if area:
                    # 西藏自治区党委、自治区人民政府: the bare level is the area's own
                    level = next((w for w in lexicon.AREA_LEVEL_WORDS
                                  if m.name.startswith(w) and area.endswith(w)), "")
                    m = ctx.reshape(m, m.start, m.end, name=area + m.name[len(level):])
            prev = m


def _area_prefix(name: str) -> str:
    """The division or country a body's name begins with (东昌府区|财政局, 泰国|财政部), or ''."""
    area = gazetteer().split_area(name)[0]
    return area or next((name[:k] for k in range(2, min(len(name) - 1, 9)) if name[:k] in countries()), "")


# 某县委县政府, 市委市政府: two bodies, the area's Party committee and its government
COMMITTEE_AND_GOVERNMENT = re.compile(r"(.*([省市县区旗州]))委(\2(?:人民)?政府)")

# bodies an area below the county has of its own (镇党委, 街道党工委, 村党支部, 街道办事处)
TOWN_BODY_HEADS = {"党委", "党工委", "党支部", "党总支", "总支", "支部", "办事处", "人民政府", "政府",
                   "便民服务中心", "党群服务中心"}


def _bare_level_before(ctx: DocContext, hs: int) -> int:
    """Where a body's name starts when a bare 村/镇/社区 stands before its head (，村党委书记):
    the chunker leaves a lone level word out, but it names the village just talked about."""
    for level in sorted(TOWN_LEVELS, key=len, reverse=True):
        s = hs - len(level)
        if ctx.text[s:hs] == level and not (s and CJK_BEFORE.match(ctx.text, s - 1)) \
                and not ctx.first_ending_at(hs, ("District",)):
            return s
    return hs


def _town_body(ctx: DocContext, name: str, head: str, start: int, end: int, level: str) -> None:
    """镇党委书记, 村党支部书记: the body of the town or village the article is about, named in full."""
    before = ctx.text[start - 1:start]
    if before and (before.isdigit() or before in "%％个多所有"):
        return            # 80%社区党群服务中心: a count of such bodies, not one of them
    town = ctx.area_for(level, start) if head in TOWN_BODY_HEADS else None
    if town:
        ctx.add(name, "Agency", start, end, name=town.name + head, rule="organisations:town body")


SUBSIDIARY_OF = re.compile(r"(?:是|为)(?:[^，。,；]{0,12}?(?:企业|公司))?([\u4e00-\u9fff]{2,10}?)的(?:全资|控股)?子公司")


QUOTED_BEFORE = re.compile(r"“([^“”]{2,12})”([\u4e00-\u9fff]{0,4})$")
CJK_BEFORE = re.compile(r"(?![的和与及、在到从向对为由])[\u4e00-\u9fff]")
ORDINAL = re.compile(r"第[\d一二三四五六七八九十百零]+[届次期批个部]")
CENTRAL_RE = re.compile("|".join(sorted(map(re.escape, lexicon.CENTRAL_BODIES), key=len, reverse=True)))


def _national_institutions(ctx: DocContext) -> None:
    """National institutions (中科院) and international organisations (北约, 欧盟) known
    by a short form or named without a head, where the form is a word of its own (not
    华|北约有) and no longer name begins with it (中科院南京分院, named by its head or
    the tagger). A national institution is named in full; an international one as the
    page names it, in full only where the page gives the full name (the guidelines'
    fullest form the document gives: 东盟 alone stays 东盟), and two short forms of one body
    (北约, 北约组织) by the one the page writes first."""
    first: dict[str, tuple[int, str]] = {}       # full name -> where and how the page first writes it short
    found = []
    for short, full in ABBREVIATED_BODIES.items():
        for start in occurrences(ctx.text, short):
            end = start + len(short)
            if not ctx.covered(start, end, ORGANISATION_TYPES) and _whole_words(ctx, start, end) and not any(
                    a == start and e > end for a, e in named_spans(ctx, start, len(ctx.text), ("ORG",))):
                found.append((short, full, start, end))
                first[full] = min(first.get(full, (start, short)), (start, short))
    for short, full, start, end in found:
        name = full if full in ctx.text or short in lexicon.NATIONAL_ABBREVIATIONS else first[full][1]
        ctx.add(short, "Organization", start, end, name=name, rule="organisations:national institution")


ABBREVIATED_BODIES = {**lexicon.NATIONAL_ABBREVIATIONS, **lexicon.INTERNATIONAL_BODIES}


def _whole_words(ctx: DocContext, start: int, end: int) -> bool:
    """Whether [start, end) begins and ends at jieba's word boundaries (outside any
    sentence, as in a headline's gap, it does)."""
    first, last = ctx.token_at(start), ctx.token_at(end - 1)
    return (first is None or first.start == start) and (last is None or last.end == end)


ORGAN_RE = re.compile("|".join(lexicon.STATE_ORGANS))
MINISTRY = "部"      # a state's ministry (外交部, 商业部)


def bare_ministry(m: Mention) -> bool:
    """A ministry named bare, with no area or country of its own (外交部, 文化部): the home
    state's in national news, the host state's in an article filed from abroad."""
    return m.type == "Agency" and m.name == m.text and m.name.endswith(MINISTRY) and not named_at_home(m.name) \
        and m.name not in lexicon.ARMY_GENERAL_DEPARTMENTS and not m.name.endswith(lexicon.COMMANDS)


def state_organs(ctx: DocContext) -> None:
    """A state's organ named bare (国会, 内阁: `lexicon.STATE_ORGANS`) is a relative form:
    the organ of the foreign state its article last named (匈牙利……国会: 匈牙利国会), or
    that its sentence names after it; named so in full in the article, before or after
    (泰国政府和议会……泰国国会; a legislature by any of its words), it is that body.
    With no state named, the body the article names with that word (欧洲议会……议会);
    else it is a kind and names nothing. In an article set abroad a ministry named
    bare is that country's (`_ministries_abroad`). Runs after the tagger's bodies are in."""
    home = lexicon.HOME_COUNTRY

    def state(m: Mention) -> bool:
        return m.type == "District" and m.name in countries() and m.name != home

    for _, _, sent in ctx.sentences():
        if ORGAN_RE.search(sent.text) is None:
            continue
        for t in ctx.tokens(sent):
            if t.word not in lexicon.STATE_ORGANS or ctx.covered(t.start, t.end) or \
                    ctx.text.endswith(lexicon.LOCAL_ORGAN_QUALIFIERS, sent.start, t.start):
                continue          # 两地的地方议会: a region's assembly, not the state's
            art = ctx.article_at(t.start)
            end = art.end if art else len(ctx.text)
            named = ctx.nearest_before(t.start, state) or \
                next((m for m in ctx.mentions_between(t.end, sent.start + len(sent.text)) if state(m)), None)
            prefix = named.name if named else ""
            same = lexicon.LEGISLATURES if t.word in lexicon.LEGISLATURES else (t.word,)

            def body(m: Mention) -> bool:
                return m.type == "Agency" and m.name.startswith(prefix) and m.name.endswith(same)

            full = ctx.nearest_before(t.start, body) or next(filter(body, ctx.mentions_between(t.end, end)), None)
            if full is not None or named is not None:
                ctx.add(t.word, "Agency", t.start, t.end, name=full.name if full else prefix + t.word,
                        rule="organisations:state organ")
    _ministries_abroad(ctx)


def _ministries_abroad(ctx: DocContext) -> None:
    """In an article set abroad (`country_abroad`), a ministry named bare (外交部, with no
    area or country of its own) is that country's: 泰国外交部, not China's of that name."""
    for art in ctx.articles:
        country = country_abroad(ctx, art)
        if country is None:
            continue
        for m in ctx.mentions_between(art.start, art.end):
            if bare_ministry(m) and not _home_clause(ctx, art.start, m.start):
                ctx.reshape(m, m.start, m.end, name=country + m.name)


CLAUSE_BREAK = re.compile(r"[，。；：！？\n]")


def _home_clause(ctx: DocContext, lo: int, pos: int) -> bool:
    """Whether the clause before `pos` names the home state (中国国务院副总理兼|外交部长,
    我国|外经贸部): a ministry in its title chain is the home state's, wherever the
    article is filed."""
    clause_start = max((b.end() for b in CLAUSE_BREAK.finditer(ctx.text, lo, pos)), default=lo)
    return any(p in ctx.text[clause_start:pos] for p in (*lexicon.HOME_COUNTRY_WORDS, lexicon.STATE_COUNCIL))


CENTRAL_PREFIXES = ("中国", "国家")


# the army's general departments by their short names (总政, 总参, 总后), which units are named after
ARMY_DEPARTMENT_SHORT = frozenset(k for k, v in lexicon.CENTRAL_BODIES.items() if v in lexicon.ARMY_GENERAL_DEPARTMENTS)


def _central_bodies(ctx: DocContext) -> None:
    """Central bodies known by abbreviation (证监会, 央行), named in full."""
    for m in CENTRAL_RE.finditer(ctx.text):
        if ctx.text[m.end():m.end() + 1] in ("长", "员") or ctx.covered(m.start(), m.end(), ("Agency",)) \
                or HEAD_RE.match(ctx.text, m.end()):
            continue          # 全国人大常委会: the abbreviation is part of a longer name
        word = ctx.token_at(m.start())
        if word is not None and word.start < m.start() and word.end < m.end():
            continue          # 中央|行业: a word crosses into it
        full = lexicon.CENTRAL_BODIES[m.group()]
        if len(full) > len(m.group()) and full.startswith(m.group()) and ctx.text.startswith(full[len(m.group())], m.end()):
            continue          # 总参|谋长, 总政|治部: the short name begins the full one, or a word of it
        if m.group() in ARMY_DEPARTMENT_SHORT and any(
                a <= m.start() and m.end() <= b and b - a > len(m.group())
                for a, b in named_spans(ctx, max(0, m.start() - 12), len(ctx.text), ("ORG",))):
            continue          # 解放军总后军需所: a unit the tagger reads whole, named after the department
        country = _country_by_short_form(ctx, ctx.text[m.start() - 1:m.end()]) \
            if m.group() == lexicon.CENTRAL_BANK_SHORT and m.start() else None
        if country is not None:     # 菲央行: the Philippines' central bank, not China's
            ctx.add(ctx.text[m.start() - 1:m.end()], "Agency", m.start() - 1, m.end(),
                    name=country + lexicon.CENTRAL_BANK, rule="organisations:central body")
            continue
        # 中国|证监会, 国家|统计局: the country's word before the abbreviation is its name's
        start = next((m.start() - len(p) for p in CENTRAL_PREFIXES
                      if full.startswith(p) and ctx.text.startswith(p, m.start() - len(p))), m.start())
        ctx.add(ctx.text[start:m.end()], "Agency", start, m.end(), name=full, rule="organisations:central body")


def _national_companies(ctx: DocContext) -> None:
    """State-owned firms every paper names; their short forms only where listed together
    (移动、联通、电信三大运营商), since 移动 and 电信 are ordinary words."""
    for full, short in lexicon.NATIONAL_COMPANIES.items():
        for start in occurrences(ctx.text, full):
            ctx.add(full, "Company", start, start + len(full), rule="organisations:national company")
    for short, full in lexicon.BANK_ABBREVIATIONS.items():
        for start in occurrences(ctx.text, short):
            end = start + len(short)
            if not ctx.covered(start, end) and not (start and CJK_BEFORE.match(ctx.text, start - 1)):
                ctx.add(short, "Company", start, end, name=full, rule="organisations:national company")
    shorts = {s: f for f, s in lexicon.NATIONAL_COMPANIES.items() if s}
    alt = "|".join(map(re.escape, shorts))
    for m in re.finditer(rf"(?:{alt})(?:[、和及与](?:{alt}))+", ctx.text):
        for s in re.finditer(alt, m.group()):
            a = m.start() + s.start()
            if not ctx.covered(a, a + len(s.group())):
                ctx.add(s.group(), "Company", a, a + len(s.group()), name=shorts[s.group()],
                        rule="organisations:national company")


# A section, station or office followed by its chief's title, its own character doubled
# (…管理科科长, 备案审查处处长, 质量安全监督站站长, 种植业股股长), or a 室 by its director
# (第三监督检查室主任): the title says the words before it name a unit, whatever jieba
# makes of them (运行/v, 站 alone is no head).
UNIT_AND_CHIEF = re.compile(r"([科股站所队处])\1长|室(?=副?主任)")
UNIT_WORDS = re.compile(r"[\u4e00-\u9fff]{2,10}")
UNIT_NOT_IN_NAME = set("的和与及、在到从向对为由是")


def _units_named_by_their_chief(ctx: DocContext) -> None:
    """Name the unit whose chief's title follows it as a sub-unit of the body or area
    right before it (山东省司法厅|备案审查处|处长 -> 山东省司法厅备案审查处), so the post
    is in the unit and the unit under its body, as the rules name 市住建局建筑管理科; an
    Agency unless its head types it (…研究所). On the training sets' 93 such titles it
    names 27 units the rules missed (the posts had no body); dev gold unchanged. An
    institution's unit, a place between them (某某科学院|沈阳|…研究所), is the
    institution's, not the place's: MSRA held-out slice 0.8379 -> 0.8382."""
    for m in UNIT_AND_CHIEF.finditer(ctx.text):
        ue = m.start() + 1
        if ctx.covered(ue - 1, ue, ("Agency", "Organization", "Company")) is not None:
            continue            # the unit's name is read already (…建筑管理科)
        parents = [p for p in ctx.mentions_between(ue - 40, ue - 2)
                   if p.type in ("Agency", "Organization", "District") and p.end < ue - 2
                   and UNIT_WORDS.fullmatch(ctx.text, p.end, ue - 1)
                   and not UNIT_NOT_IN_NAME & set(ctx.text[p.end:ue - 1])]
        parent = max(parents, key=lambda p: (p.end, p.type == "Agency"), default=None)
        if parent is None:
            continue
        body = max((p for p in parents if p.type != "District"), key=lambda p: p.end, default=None)
        if body is not None and all(o.type == "District" for o in ctx.mentions_between(body.end, ue)):
            parent = body       # 中国科学院|沈阳自动化研究所|所长: the place names the unit
        name = ctx.text[parent.start:ue]
        head, type_ = next(((h, t) for h, t in HEADS if name.endswith(h)), ("", "Agency"))  # 研究所: an Organization
        if len(head) < 2 and parent.type != "District":
            type_ = parent.type     # a bank's or a school's 科 or 室 is of its body's kind
        ctx.add(name, type_, parent.start, ue,
                name=parent.name + ctx.text[parent.end:ue], rule="organisations:unit named by its chief")


def _parents_of_subsidiaries(ctx: DocContext) -> None:
    """A company named only as a parent (…是龙头企业X的全资子公司) has no suffix to find it by."""
    for m in SUBSIDIARY_OF.finditer(ctx.text):
        s, e = m.start(1), m.end(1)
        if not ctx.covered(s, e, ("Agency", "Company", "Organization", "Person", "Official")):
            ctx.add(m.group(1), "Company", s, e, rule="organisations:parent of a subsidiary")


# jieba's tags of a firm's coined name (伊利, 泛华, 极景), and the frequency under which
# jieba's dictionary shows it to be no common word
COINED_TAGS = ("nz", "x", "nrt", "j")
COINED_FREQ = 1000


def _firm_short_forms(ctx: DocContext) -> None:
    """A firm the page names in full (内蒙古伊利实业集团股份有限公司) it names again by its
    coined name alone (伊利人说, 伊利雪糕): the first word after the firm's area, where
    jieba knows it as no common word, wherever the text holds it outside quotes and
    before no head (北通|物流 is the heads' to read)."""
    cores: dict[str, str] = {}
    for m in ctx.mentions:
        if m.type != "Company" or m.name != m.text:
            continue
        toks = segmenter().tokens(gazetteer().split_area(m.name)[1])
        if len(toks) >= 2 and len(toks[0].word) >= 2 and toks[0].tag in COINED_TAGS \
                and segmenter().tk.FREQ.get(toks[0].word, 0) < COINED_FREQ:
            cores.setdefault(toks[0].word, m.name)
    if not cores:
        return
    text = ctx.text
    for core, name in sorted(cores.items()):
        for start in occurrences(text, core):
            end = start + len(core)
            if ctx.covered(start, end) or text.rfind("“", 0, start) > text.rfind("”", 0, start):
                continue      # “鹭鸣红”: a brand's or programme's own name begins with it
            if HEAD_RE.match(text, end) or any(text.startswith(h, end) for h in INDUSTRY_HEADS):
                continue      # 北通|物流: a shorter name of the firm, the heads' to read
            ctx.add(core, "Company", start, end, name=name, rule="organisations:firm short form")


def _party_committee_before(ctx: DocContext, pos: int) -> str | None:
    """The Party committee a bare department belongs to: the 市委/区委/县委 named just
    before it in the sentence (市委常委、宣传部部长), else the paper's own area's."""
    near = ctx.nearest_before(pos, lambda m: m.type == "Agency" and pos - m.end <= 12
                              and m.name.endswith(("市委", "区委", "县委", "省委")))
    if near:
        return near.name
    if ctx.area:
        return ctx.area.name + "委"
    return None


def _generic_company(core: str, ctx: DocContext) -> bool:
    """A kind of business (国内银行, 辖区内诊所), not one business; a single common word
    stays a name (交通银行, 招商银行), since brands are made of common words."""
    return any(w in core for w in ("辖区", "备案", "国内", "个别", "中资", "外资", "各大", "多家",
                                   "某", "一家", "该", "相关", "股份制", "贷款", "信托", "审查", "内部", "境内", "境外",
                                   *lexicon.SIZES))


# jieba: pronouns, adverbs, prepositions, conjunctions, particles (的, 了, 地, 得, 过,
# 着), numerals and times: a phrase holds them (作者|这部, 第四|局, 主要|面向,
# 毫不费力|地|学会), a body's name does not
PHRASE_TAGS = frozenset({"r", "d", "p", "c", "u", "uj", "ul", "uv", "ud", "ug", "uz", "m", "t"})


def _phrase_not_name(ctx: DocContext, core: str, start: int, end: int) -> bool:
    """A run of words that ends in a head (决胜局, 和谈僵局, 职业培训主要面向初中) is no body
    when a function word is among them, the tagger reads no organisation over it and no
    area starts it (市委第一书记's 市委 is the genre's), nor where 和 joins the domains a
    ministry is named for (工业和信息化部). The tagger decides: names hold
    numerals too (第一汽车制造厂). Held-out slices: MSRA 0.815 -> 0.818, 1998 0.832 ->
    0.834; seeds and ../shared/real unchanged."""
    if core[:1] in lexicon.AREA_LEVEL_CHARS or core.endswith(lexicon.JOINED_DOMAINS) \
            or _without_place(core, ctx):
        return False
    return (any(t.tag in PHRASE_TAGS for t in segmenter().tokens(core)) or _verb_before_head(core, ctx.text[start:end])) \
        and tagger_reads(ctx, "ORG", start, end) is False


def _verb_before_head(core: str, name: str) -> bool:
    """有多少人|升入|大学: a verb of the sentence's, other than those names hold (促进|委员会),
    among the name's words before the head, as jieba reads the name whole (国家教委 is
    one word: 国家|教 would make 教 a verb). A one-character verb is more often a
    name's character jieba split off (育|新社区党委), but not a negation (我没|上|小学)."""
    return any(t.tag == "v" and (len(t.word) >= 2 or t.word in NEGATIONS) and t.end <= len(core)
               and t.word not in NAME_VERBS for t in segmenter().tokens(name))


NEGATIONS = frozenset({"没", "未"})      # jieba's one-character verbs of negation


def _kind_of_business(ctx: DocContext, core: str, start: int, end: int) -> bool:
    """One common word and a firm's head (博彩公司, 零售银行, 合资公司) names a kind of
    business unless the trained tagger reads a name there: brands are made of common
    words too (平安银行), and the tagger has seen which are names. On the held-out
    slices: CLUENER company 0.618 -> 0.626, MSRA 0.812 -> 0.814, 1998 0.830 -> 0.831;
    seeds unchanged; ../shared/real entities 0.858 -> 0.857 (a bank called by its kind)."""
    toks = segmenter().tokens(core)
    return len(toks) == 1 and toks[0].tag in KIND_WORD_TAGS and tagger_reads(ctx, "ORG", start, end) is False


def _a_place(name: str, ctx: DocContext) -> bool:
    """Whether a name (a name's core) is one place and nothing else (美国, 香港, 东阿县)."""
    g = gazetteer()
    return name in g.by_name or name in g.by_short or name in ctx.divisions or name in countries()


def _without_place(core: str, ctx: DocContext) -> str:
    """The part of a name after its place prefix (东阿县|部门 -> 部门); "" if none is left."""
    for n in range(min(len(core), 8), 1, -1):
        if _a_place(core[:n], ctx):
            return core[n:]
    if core[:1] in "市区县省镇" and core[:2] not in lexicon.LEVEL_CHAR_WORDS:
        return core[1:]               # 市|科技局, but not 市场|需求, which names no area
    return ""


# an area's Party committee at the start of a longer body's name (南和区委|办公室, 市委|宣传部)
COMMITTEE_AT = re.compile(r"([\u4e00-\u9fff]{0,8}?[省市县区旗州])委(?![员会])(?=[\u4e00-\u9fff]{2})")


def _committee_inside(ctx: DocContext, start: int, end: int) -> None:
    """The committee a department's name begins with is a body of the page too: 南和区委办公室
    is an office of 南和区委, which is named there even if nowhere else."""
    m = COMMITTEE_AT.match(ctx.text, start, end)
    if not m:
        return
    area = m.group(1)
    g = gazetteer()
    if len(area) > 1 and area not in g.by_name and area[:-1] not in g.by_short:
        return
    name = ctx.text[start:m.end()]
    ctx.add(name, "Agency", start, m.end(), name=canonical(ctx, name, start), rule="organisations:committee in a name")


# jieba's tags of a word ending in 办 that names an office (扶贫办/i, 信访办/n, 外办/n,
# 国办/j, 创城办/x), not an act (主办/b, 承办/v)
OFFICE_WORD_TAGS = frozenset({"n", "nt", "nz", "j", "i", "x"})
OFFICE_FOLLOWERS = set("就已将要也和与及、，。；：的在对于等牵")
# what an office does first after its name (下发, 印发, 召开, 组织, 发布, 联合, 负责), where
# the body before 办 could also be doing something (县政府|办|实事)
OFFICE_VERB_STARTS = set("下印召组发联负")


def _office(ctx: DocContext, toks, hs: int, he: int) -> bool:
    """办 ends an office's name (县扶贫办, 市政府办, 湖南省金融办, 国务院外办), not a verb
    (主办, 代办, 村里办|小学): a title follows it; or it ends a word jieba reads as a
    noun, or stands alone after a noun and before a function word or punctuation
    (金融|办|就), and the office is named after its area or body, as the genre names
    offices: a level begins the word (市政府办) or stands before it (县|扶贫办), or an
    area or body the page names ends right before it (湖南省|金融办, 国务院|外办; 县政府|办
    before what an office does: 下发, 印发). Held-out slices: MSRA 0.8214 -> 0.8216,
    1998 0.8358 -> 0.8365 (国务院外办, 全军计生办; no new error)."""
    text = ctx.text
    if TITLE_AT.match(text, he):
        return True
    tok = next((t for t in toks if t.start < he <= t.end), None)
    if tok is None or tok.end != he or text[he - 2:he] in lexicon.ACTS_ENDING_IN_BAN:
        return False
    if tok.start == hs:         # 办 alone: the word before it names the office's field
        if ctx.first_ending_at(hs, ("Agency",)) is not None:    # 县政府|办|下发: the body's office
            return text[he:he + 1] in OFFICE_FOLLOWERS | OFFICE_VERB_STARTS
        tok = next((t for t in toks if t.end == hs), None)
        if tok is None or len(tok.word) < 2 or tok.tag not in ("n", "nz", "vn") \
                or text[he:he + 1] not in OFFICE_FOLLOWERS:
            return False
    elif tok.tag not in OFFICE_WORD_TAGS:
        return False
    before = text[tok.start - 1] if tok.start else ""     # "" is in every string: no level
    return text[tok.start] in lexicon.AREA_LEVEL_CHARS or before and before in lexicon.AREA_LEVEL_CHARS \
        or ctx.first_ending_at(tok.start, ("District", "Agency")) is not None


TRANSLITERATED_NAME = "nrt"     # jieba's tag of a foreign person's name (贝鲁斯科)


def _head_ends_word(ctx: DocContext, toks, hs: int, he: int) -> bool:
    """Whether a head match is a real head: it ends a word (not 格|局, 合作|协议)."""
    text = ctx.text
    if text[he:he + 1] == "长" and text[hs:he] in "局部处科所站院队组":
        return False                       # 局长 is a title
    tok = next((t for t in toks if t.start < he <= t.end), None)
    if tok is None:
        return False
    if tok.word in NOT_HEADS or tok.word in NOT_HEAD_WORDS or (tok.end == he and tok.word.endswith(NOT_HEAD_ENDINGS)):
        return False
    if text[hs:he] == lexicon.REGION_PART and tok.start == hs and text[hs - 1:hs] in lexicon.REGION_SIDES:
        return False                       # 巴东|部旁遮普省: a region's part, the direction glued to the place before
    if tok.end == he and (tok.word in lexicon.TITLES or tok.word[:1] in "副代" and tok.word[1:] in lexicon.TITLES
                          or he - hs == 1 and len(tok.word) > 2 and text[hs - 1:he] in lexicon.TITLES):
        return False                       # the 委 that ends 市委常委 (副政委, 师政委/nr) is the title's
    if tok.end == he and tok.start < hs and len(text[hs:he]) == 1 and tok.tag == TRANSLITERATED_NAME:
        return False                       # 贝鲁斯科|尼: a foreign name jieba knows, no section (科)
    if tok.end == he and tok.start == hs - 1 and text[hs:he] in SECTION_HEADS and tok.tag.startswith("n"):
        return False                       # 公司|思科 (Cisco), 学科: a noun jieba knows, no section
    if tok.end == he:
        return not (tok.start < hs and len(tok.word) == 2 and len(text[hs:he]) == 1
                    and tok.tag in ("v", "vn", "a", "d", "f", "m"))
    if tok.word in lexicon.TITLES:
        # 市委|常委: an organisation glued to a title; 党组|书记 is only a title, except
        # after a community, village or development zone, whose Party committee is a body of its own
        if tok.start == hs and (text[hs - 2:hs] in TOWN_LEVELS or text[hs - 1:hs] in TOWN_LEVELS or
                                any(m.type == "District" and m.end == hs and
                                    (m.text.endswith(TOWN_LEVELS) or m.rule == ZONE_RULE)
                                    for m in ctx.mentions_over(hs - 1))):
            return text[he:tok.end] in lexicon.TITLES
        return tok.start < hs and text[he:tok.end] in lexicon.TITLES
    if tok.end == he + 1 and text[he] in GLUED_AFTER_HEAD and (tok.tag == "x" or tok.start == hs):
        return True       # 生态环境|局要, 信息化|部将: the next word's first character glued on
    return TITLE_AT.match(text, he) is not None


def _drop_outer_divisions(ctx: DocContext, start: int, hs: int) -> int:
    """Of a chain of areas before a name keep the nearest below the county (高新区先锋社区党群服务中心
    -> 先锋社区…); a county after its city stays (佛山市南海区家居商会 is the association's name)."""
    chain = [m for m in ctx.mentions_between(start, hs) if m.type == "District" and m.end <= hs]
    joined = chain[:1] if chain and chain[0].start == start else []
    for m in chain[1:]:
        if joined[-1:] and joined[-1].end == m.start:
            joined.append(m)
        else:
            break
    # the first area below the county after the first (广西百色地区巴马县|那莫乡…), and the
    # areas below the county right after it (高新区|先锋社区…)
    towns = [i for i, m in enumerate(joined) if i and m.name.endswith(TOWN_LEVELS)]
    if not towns:
        return start
    j = towns[0]
    while j + 1 < len(joined) and joined[j + 1].name.endswith(TOWN_LEVELS):
        j += 1
    return joined[j].start


def _named_unit(ctx: DocContext, core: str, start: int, hs: int) -> bool:
    """A Party unit is named by an area or a body before it, not by a generic noun."""
    if core[:1] in "市区县省":
        return True
    if any(m.end <= hs and m.type in ("District", "Agency", "Organization", "Company")
           for m in ctx.mentions_between(start, hs)):
        return True
    return not any(core.endswith(g) for g in GENERIC_UNITS) and len(core) >= 4


PARTY_DEPARTMENTS = ("宣传部", "统战部", "组织部", "政法委", "纪委", "编办", "政研室", "网信办", "老干部局")


# a firm's own heads, and those of them that end another firm's whole name before it
FIRM_HEADS = frozenset({"股份有限公司", "有限责任公司", "有限公司", "总公司", "公司", "集团"})
FIRM_HEAD = re.compile(r"(?:总公司|有限公司|公司)")


def _after_another_firm(ctx: DocContext, start: int, hs: int) -> int:
    """Where a firm's name starts when the words before its head hold another firm's
    whole name (中国集邮总公司|中国金币总公司: two firms side by side). Only for a firm's
    own head: a unit's (某某公司|总装配厂) or a branch's (分公司, 支行) names its parent on
    purpose."""
    ends = [m.end() for m in FIRM_HEAD.finditer(ctx.text, start, hs)]
    return ends[-1] if ends and hs - ends[-1] >= 2 else start


def _area_before_quote(ctx: DocContext, pos: int) -> int | None:
    """Where the area right before a quote begins: a relative level (县“…”办公室) or a
    division the districts component found; None if no area stands there."""
    if ctx.text[pos - 1:pos] in tuple(lexicon.AREA_LEVEL_CHARS) and not ctx.covered(pos - 1, pos):
        return pos - 1
    area = ctx.first_ending_at(pos, ("District",))
    return area.start if area is not None else None


AUTONOMOUS_REGION = "自治区"     # a province-level region's bodies are named by it alone


def canonical(ctx: DocContext, name: str, start: int) -> str:
    """Full name of an organisation written with a relative area (市委 -> 聊城市委)."""
    g = gazetteer()
    if name in PARTY_DEPARTMENTS:
        committee = _party_committee_before(ctx, start)
        if committee:
            return committee + name
    first = name[0]
    rest = name[1:]
    country = _country_by_short_form(ctx, name)
    if country:
        return country + rest           # 阿外交部: Algeria's, named in full on the page
    if first in "市区县旗州省镇乡" and not any(name[:k] in g.by_name for k in range(1, 6)) \
            and name[:2] not in lexicon.LEVEL_CHAR_WORDS:
        d = ctx.area_for(first, start)
        if d:
            # 州委 in a 宾川 paper is 大理州委: papers name a prefecture's bodies by its short form
            return (d.autonomous_short if first == "州" and d.autonomous_short else d.name) + rest
    if name.startswith(AUTONOMOUS_REGION) and len(name) > len(AUTONOMOUS_REGION):
        d = ctx.area_for(AUTONOMOUS_REGION[-1], start)
        if d and d.name.endswith(AUTONOMOUS_REGION):     # 自治区高级人民法院 in Xinjiang's news
            return d.name + name[len(AUTONOMOUS_REGION):]
    # a District mention at the start that has a fuller canonical name (开发区 -> 聊城开发区)
    for m in ctx.mentions_between(start, start + 1):
        if m.type == "District" and m.end < start + len(name) and m.name != m.text \
                and m.rule in (ZONE_RULE, RELATIVE_AREA_RULE, "districts:city short form"):
            return m.name + name[len(m.text):]
    return name


PLACE_TAG = "ns"         # jieba's tag of a place's word
WORLD_MEDIA_NAMES = tuple(sorted(lexicon.WORLD_MEDIA))     # for str.startswith (法新社总部)
SHORT_FORM_ODDS = 10     # how much more often jieba sees 国防部 than 防部 (1,306 to 3)


def _two_states(named: set[str], pair: str) -> bool:
    """Whether a name's first two characters are two states' short forms (中美) or the
    second is the first of another state the page names (俄白联盟 beside 白俄罗斯)."""
    return len(pair) == 2 and (bool(states_of_short_form(pair[1])) or any(
        c in countries() and c.startswith(pair[1]) and not c.startswith(pair) for c in named))


# what a state body's name shortened by its country's first character ends in
SHORT_FORM_BODY_ENDINGS = (*lexicon.AGENCY_HEADS, *lexicon.STATE_FORCE_HEADS, lexicon.CENTRAL_BANK_SHORT,
                           lexicon.CENTRAL_BANK, lexicon.MINISTRY_END)


def _country_by_short_form(ctx: DocContext, name: str) -> str | None:
    """The foreign country a state body's name begins with by its one-character short
    form (阿外交部, 俄国防部, 日大藏省), where the page names one country of that form in full."""
    rest = name[1:]
    if len(rest) < 2 or not rest.endswith(SHORT_FORM_BODY_ENDINGS) or rest.startswith("军"):
        return None       # (美军: a word)
    full = country_prefix(name)
    freq = segmenter().tk.FREQ
    if not full and freq.get(name[:2], 0) and segmenter().tags.get(name[:2]) != PLACE_TAG \
            and not states_of_short_form(name[1]) or name.startswith(WORLD_MEDIA_NAMES):
        return None       # 巴解|政治部: the short form begins a word of jieba's (the PLO), no place's
                          # (俄国|家杜马); 法新社总部: a wire service's name
    # 美|国防部, not 美国|防部: the short form before a ministry jieba knows far better
    shortened = bool(full) and freq.get(rest, 0) > SHORT_FORM_ODDS * freq.get(name[len(full):], 0)
    if not shortened and (full or _area_prefix(name)):
        return None       # (美国政府, 印尼政府: the country is named already)
    named = {m.name for m in ctx.mentions if m.type == "District"}
    if _two_states(named, name[:2]) and len(segmenter().tokens(rest)[0].word) == 1:
        return None       # 俄白联盟: two states' union (but 俄|中央银行: 中 begins a word)
    readings = [r for r in lexicon.SHORT_FORMS.get(name[0], ()) if r in named and r in countries()
                and r != lexicon.HOME_COUNTRY]
    return readings[0] if len(readings) == 1 else None


# what a name read once is sought again as: bodies and places of four characters and more
# (shorter ones are often words: 公司, 市场), as the page wrote them in full
REPEATED_TYPES = ("Agency", "Company", "Organization", "Place")


def repeated_bodies(ctx: DocContext) -> None:
    """Every occurrence of a body's or place's name read once on the page is a mention of it,
    where it is jieba's words from end to end in a sentence (not the masthead) and no other
    mention runs across its edges:
    the tagger and the rules may read a name in one sentence and miss it in the next
    (回民奶食品厂 read after 前身, missed before 榜上无名), and the area its first word also
    names (回民区) would stand alone there. Runs after the tagger's bodies are in."""
    known: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.type in REPEATED_TYPES and len(m.text) >= 4 and m.name == m.text:
            known.setdefault(m.text, m)
    for name, m in sorted(known.items()):
        for start in occurrences(ctx.text, name):
            end = start + len(name)
            if (start, end) != (m.start, m.end) and ctx.sentence_at(start) is not None \
                    and _whole_words(ctx, start, end) and not any(
                    o.start < start or o.end > end or o.type in REPEATED_TYPES
                    for o in ctx.overlapping(start, end)):
                ctx.add(name, m.type, start, end, name=m.name, rule="organisations:name repeated")
