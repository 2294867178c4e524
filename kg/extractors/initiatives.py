"""Initiatives: named programmes, brands, mechanisms, campaigns, events, projects and policy papers.

A quoted name counts when a head noun follows it (“高兴办”政务服务品牌, “百花放映”
千场公益电影放映活动), when its own last word is such a head (“田长制”), or when an
action verb puts it into effect (打造“红色物业”); quoted speech and figures of speech
do not. Quotes standing in a list (“A”“B”“C”等举措) share one verdict. Unquoted names
count as meetings of an area (全市…工作会议) or of the country (全国…会议), sessions named
after their area or body (河北省人代会, 东盟首脑会议), numbered events (第36届…奖), projects
(…项目) and 《…意见/方案》 policy papers.
"""
from __future__ import annotations

import re

from .. import lexicon
from ..divisions import countries, gazetteer
from ..segment import Token, segmenter
from .base import CJK, DocContext, left_chunk

# quotes; single ones too, as a name inside quoted speech is (“我们实行‘一窗受理’”)
QUOTES = (re.compile(r"“([^“”]{2,24})”"), re.compile(r"‘([^‘’]{2,24})’"))
# heads that may follow the quote at a distance (“X”千场公益电影放映活动)
STRONG_HEADS = ("主题活动", "公益活动", "开放活动", "活动", "专项行动", "行动", "工程", "品牌", "机制",
                "制度", "体系", "平台", "系统", "模式", "工作法", "计划", "改革", "图片展", "书画展",
                "展览", "展", "宣传月", "月", "节", "大赛", "赛", "集市", "驿站", "服务站", "解决方案",
                "办事指南", "专窗", "队伍", "项目", "一件事", "举措", "试点", "帮代办服务", "提醒服务",
                "首发式", "行", "推进会", "现场会", "座谈会", "部署会", "动员会", "观摩会", "启动仪式",
                "汇演", "展演", "商标", "小程序", "评选", "战略")
# heads that only count right after the quote (“红色物业”建设)
NEAR_HEADS = ("建设", "工作", "网", "圈", "制", "通道")
# a quoted name whose own last word is a head needs nothing after it (“田长制”)
SELF_HEADS = ("制", "机制", "工程", "行动", "计划", "品牌", "平台", "体系", "模式", "通道", "网",
              "圈", "驿站", "服务站", "集市", "奖", "文艺奖", "工作法", "专窗", "一件事", "年",
              "工坊", "游园会", "博览会", "运动会", "艺术节", "文化节", "音乐节", "读书节", "汇演", "论坛",
              "班", "运动")
ACTION_VERBS = ("打造", "推行", "实施", "开展", "创新", "启动", "推出", "搭建", "创建", "深化", "升级",
                "组建", "设立", "构建", "织密", "建立", "推进", "探索", "举办", "承办", "主办",
                "实行", "上线", "发布", "开通", "担任", "采取", "推广", "叫响", "注册", "设置", "发起", "优化")
# an event counted by its measure word before the quote (一场|这次……的“某某”)
EVENT_BEFORE = re.compile(r"(?:一|这|那|首)(?:场|次)[\u4e00-\u9fff]{0,6}的$")
ACTION_RE = re.compile("(?:" + "|".join(ACTION_VERBS) + r")了?[\u4e00-\u9fff]{0,6}$")
def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# a head up to 28 characters after the quote (“与人民同行”2024山东省文联……主题活动), not
# past a copula (“鑫诺1号”卫星是……发射项目: the head is the predicate's)
# (a dash opens an apposition: “李宁”———名扬四海的体育品牌 is no name with its head)
STRONG_AFTER = re.compile(r"(?:等)?([^，。；;,、“”《》（）()！？!?：:\s是—…]{0,28}?)(" + _alt(STRONG_HEADS) + ")")
VESSEL_AFTER = "号"    # after a quote: a ship's, craft's or station's name (“和平”号)
# a day of the calendar by its month and day in numerals (“五一”, “三八”, “七一”), before the
# holiday's name: a day, not a programme (but “九五”计划 is the ninth five-year plan)
CALENDAR_DAY = re.compile("[一二三四五六七八九十]{2,3}")
HOLIDAY_AFTER = ("节", "劳动节", "妇女节", "儿童节", "青年节", "建军节", "建党节", "国庆节", "纪念日")
AFTER_REACH = 34      # characters after a quote where its head noun is looked for
NEAR_AFTER = re.compile(r"(" + _alt(NEAR_HEADS) + "|的工作)")      # “放小”的工作: the work of a programme
# a kind named before a quote (这种“良性循环”, 一种“新模式”): the quote describes, it names nothing
KIND_BEFORE = re.compile(r"(?:这种|那种|某种|一种|这样的?|那样的?)$")
NEGATING = re.compile(r"(打破|破解|摆脱|避免|改变|告别|杜绝|防止|克服|不是)[\u4e00-\u9fff]{0,4}$")
ORG_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(" + "|".join(map(re.escape, sorted(
    ("志愿服务队", "服务队", "志愿队", "协会", "联盟", "合作社", "艺术团", "宣讲团", "俱乐部", "商会",
     "研究会", "促进会", "突击队", "先锋队", "巾帼队"), key=len, reverse=True))) + ")(?![\u4e00-\u9fff])")
SPEECH_BEFORE = re.compile(r"(说|表示|道|讲|问|喊|称赞|感叹|笑着|认为|坦言)[：:，,]?$")
# what a meeting's name never holds: a number, a verb of holding, having or attending
# one, an aspect particle or a demonstrative (…代表团也出席了这次|大会)
CLAUSE_IN_NAME = re.compile(r"\d|召开|举行|举办|出席|参加|有(?!关)|了|这次|此次|本次")
DOC_TITLE = re.compile(r"《([^《》]{4,60}(?:意见|方案|细则|办法|规定|条例|规划|通知|决定|措施)(?:（试行）|\(试行\))?)》")
CITED = re.compile(r"(?:根据|依据|按照|依照|对照|遵照)$")
MEETING = re.compile(r"(全国|全市|全省|全区|全县)([^，。；;,、“”《》（）()\s]{4,30}?(工作会议|视频会议|会议|大会|"
                     r"推进会|现场会|座谈会|动员会|部署会|培训班))")
EVENT = re.compile(r"第[\d一二三四五六七八九十百]+届([\u4e00-\u9fff]{2,16}?(?:文艺奖|金鸡奖|百花奖|奖|艺术节|"
                   r"文化节|书画展|博览会|运动会|论坛|大赛))")
# an unquoted scheme put into effect: 实施的城镇老旧小区改造工程, 建立了羊绒制品质量追溯制
SCHEME = re.compile(r"(?:实施|推行|建立|实行|推进|开展|启动|落实|深化)(?:了|的|起|好)?"
                    r"((?![了的起好])[\u4e00-\u9fff]{3,16}?(?:工程|行动|责任制|追溯制|长制))")
GENERIC_SCHEME_START = ("专项", "各项", "各类", "系列", "一系列", "相关", "有关", "这项", "该", "此", "多项",
                        "重点", "全面", "一批", "健全", "完善", "长效", "常态化", "深化", "进一步", "各")
# the genre's paired slogans: 一村一品, 一河一策, 一企一档
SLOGAN = re.compile(r"(?:一[\u4e00-\u9fff]{1,2}){2,3}")
# first characters of 2-character X长 titles whose X长制 is no named scheme: an area or a
# body (镇长, 局长, 校长), or 家长制 (patriarchy)
POST_SYSTEM_NOT = set("省市县区镇乡村州盟旗局处科部组班社队站所院校厂团馆家")
PROJECT = re.compile(r"项目(?![部组区地建经])")
# a works named where building starts or ends (…基地一期工程破土动工, …大桥工程竣工)
WORKS = re.compile(r"(?:[一二三四五六七八九十]期)?工程(?=(?:正式|已经|已|顺利|全面)?"
                   r"(?:破土动工|开工|动工|奠基|竣工|完工|建成|落成|投产|通车))")
# words of a project's name that are verbs elsewhere (纸机节能升级改造项目)
PROJECT_WORDS = {"节能", "升级", "改造", "扩建", "改扩建", "新建", "提升", "配套", "综合", "整治", "修复",
                 "治理", "开发", "利用", "储能", "示范", "产业化"}
GENERIC_PROJECT_WORDS = ("重点", "部分", "重大", "公益性", "省级", "市级", "县级", "国家级", "全区",
                         "全市", "全县", "辖区", "区内", "市区", "资金", "流向", "机制", "各类", "一批",
                         "房地产", "拟", "验收", "审批", "评标", "运用", "借助", "帮助", "落户", "签约",
                         "开工", "竣工", "在建", "续建", "招引", "新上", "投产", "储备", *lexicon.SIZES)
GENERIC_PROJECT = {"基础设施", "工程建设", "重点", "民生", "建设", "产业", "化工", "招商", "签约", "引进",
                   "赋能化工", "该", "这个", "此", "各", "相关", "新建", "续建", "在建", "大", "好"}


def initiatives(ctx: DocContext) -> None:
    for ai, si, sent in ctx.sentences():
        _quoted(ctx, sent)
        _unquoted(ctx, sent)
        _meetings_of(ctx, sent)


# a body's or area's own sessions, named after it: 河北省|人代会, 东盟|首脑会议
SESSIONS = "人代会|党代会|首脑会议|峰会|代表大会|干部大会"
SESSION = re.compile(rf"([\u4e00-\u9fff]{{0,10}}?)({SESSIONS})")
SESSION_WORD = re.compile(SESSIONS)
SESSION_END = re.compile(rf"(?:{SESSIONS})$")
# an area's session by its level alone (的省人代会): the area the level means there
RELATIVE_SESSION = re.compile(r"(?:^|(?<=[的在和及、，：“（ 　]))([省市县区])(人代会|党代会)")
MEETING_HOSTS = ("District", "Agency", "Organization")


def _meetings_of(ctx: DocContext, sent) -> None:
    """A session named after the area or body that holds it (河北省人代会, 东盟首脑会议,
    张家口地震灾区干部大会, 全国人代会): the name, then words that are no verb, then the session.
    Names are the rules' and the tagger's (which runs before every rule component)."""
    from .tagged import named_spans

    if not SESSION_WORD.search(sent.text):
        return                # most sentences name no session: no mentions to walk
    toks = ctx.tokens(sent)
    ends = {m.end: m.start for m in ctx.mentions_between(sent.start, sent.end) if m.type in MEETING_HOSTS}
    for a, b in named_spans(ctx, sent.start, sent.end, ("LOC", "ORG")):
        ends.setdefault(b, a)
    for m in re.finditer(lexicon.NATIONWIDE, sent.text):   # the country's own: 全国人代会
        ends.setdefault(sent.start + m.end(), sent.start + m.start())
    for r in RELATIVE_SESSION.finditer(sent.text):   # 省人代会: the province's, in context
        a, b = sent.start + r.start(1), sent.start + r.end()
        area = ctx.area_for(r.group(1), a)
        if area and not ctx.covered(a, b, ("Initiative",)):
            ctx.add(r.group(1) + r.group(2), "Initiative", a, b, name=area.name + r.group(2),
                    rule="initiatives:meeting")
    for end, start in sorted(ends.items()):
        m = SESSION.match(ctx.text, end, sent.end)
        if not m or ctx.covered(start, m.end(), ("Initiative",)):
            continue
        gap = [t for t in toks if end <= t.start and t.end <= m.start(2)]
        if any(t.tag.startswith("v") or not CJK.match(t.word) for t in gap):
            continue          # 河北省|召开|干部大会: a meeting the area holds, not its name
        ctx.add(ctx.text[start:m.end()], "Initiative", start, m.end(), rule="initiatives:meeting")


def _quoted(ctx: DocContext, sent) -> None:
    text = ctx.text
    lists: list[list[re.Match]] = []
    for quote in QUOTES:    # lists of double quotes, then of single ones (which may lie inside)
        last = len(lists)
        for m in quote.finditer(sent.text):
            if len(lists) > last and sent.text[lists[-1][-1].end():m.start()] in ("", "、", "和", "及", "与"):
                lists[-1].append(m)
            else:
                lists.append([m])
    for group in lists:
        verdicts = [_judge(ctx, sent, m, is_last=(m is group[-1])) for m in group]
        if not any(v is not None for v in verdicts):
            continue
        for m, v in zip(group, verdicts):
            core = m.group(1)
            qs, qe = sent.start + m.start(), sent.start + m.end()
            cover = ctx.covered(qs + 1, qe - 1, ("Agency", "Company", "Organization", "Place", "Official",
                                                 "Person"))
            if cover and not (cover.end > qe and cover.start < qs and _self_headed(core)):
                continue      # but 市“希望工程”办公室 is the office of the programme it quotes
            if re.fullmatch(r"[\dA-Za-z+]{1,6}", core) and v:
                # “119”消防宣传月: a number names nothing alone; the name is number + head (not
                # 特服号“199”的|中国电信…工程: a number the head's phrase is described by)
                if lexicon.ATTRIBUTIVE not in text[qe:v]:
                    ctx.add(text[qs:v], "Initiative", qs, v, name=core + text[qe:v], rule="initiatives:quoted")
                continue
            if not _plausible(core) or _place_named(core):
                continue
            name = re.sub(r"\s*·\s*", "·", core)      # a PDF space after 书香山东· is no part of the name
            ctx.add(core, "Initiative", qs + 1, qe - 1, name=name, rule="initiatives:quoted")
            if v:   # the quote with its head noun is an alias
                ctx.add(text[qs:v], "Initiative", qs, v, name=name, rule="initiatives:quoted")


def _place_named(core: str) -> bool:
    """“海拉尔”雪糕: a quote of a division's or a country's name brands a product after
    the place; it names no programme."""
    return gazetteer().lookup(core) is not None or core in countries()


def _plausible(core: str) -> bool:
    if re.search(r"[。！？!?；;：:]", core) or re.search(r"[，,]", core) and not _self_headed(core) \
            or core.isdigit() or core in lexicon.TITLES:
        return False          # “田长”朗佰雨: a title in quotes, not a programme; speech has commas
                              # but a campaign's name may (“以美元换泰币，自愿救国运动”)
    toks = segmenter().tokens(core)
    verb_first = bool(toks) and toks[0].tag == "v"      # 采取|一切必要的…行动, as jieba reads it
    if (COUNTED_START.match(core) or verb_first) and "的" in core:
        return False          # “一个持久的信息交流和协调行动网”, “采取一切必要的和适当的行动”:
                              # a description or a quoted phrase (but “三项制度改革”, “争做小主人”)
    return not (len(core) == 3 and core[0] == "新") and not _common_verb(core, toks) \
        and not _degree_and_adjective(toks) and not _adverbial(toks)
    # (“新模式”: a figure of speech; “十分渺茫”: a description; “…会果断地采取单独行动”: speech)


ADVERBIAL_TAG = "uv"     # jieba's tag of the particle 地 that makes an adverb (果断|地)


def _adverbial(toks: list[Token]) -> bool:
    """Whether a quote (jieba's words of it) holds an adverb made with 地 after a word of two
    characters or more (会果断地采取单独行动): quoted speech says how someone acts; a
    programme's name does not (but “拿地即开工”: land taken, jieba's 地/uv after a
    one-character verb)."""
    return any(t.tag == ADVERBIAL_TAG and i and len(toks[i - 1].word) >= 2 for i, t in enumerate(toks))


# jieba's tags of a quote that only describes: adverbs and degree words, then an adjective
DESCRIPTION_TAGS = ("d", "m", "ad", "a")


def _degree_and_adjective(toks: list[Token]) -> bool:
    """Whether a quote (jieba's words of it) is words of degree and an adjective, each of two
    characters or more (“十分渺茫”): the writer's stress on a description, no programme
    (but “双优”, a campaign's short name, is two characters)."""
    return len(toks) >= 2 and toks[-1].tag == "a" and all(t.tag in DESCRIPTION_TAGS and len(t.word) >= 2 for t in toks)


# jieba's frequency from which a quoted verb is a word the writer stresses (“结合”的工作,
# 8,462), not a campaign's short name (“严打”, 41)
COMMON_VERB_FREQ = 1000


def _common_verb(core: str, toks: list[Token]) -> bool:
    """Whether a quote (with jieba's words of it) is one common verb of jieba's dictionary
    (“结合”)."""
    return len(toks) == 1 and toks[0].tag.startswith("v") and segmenter().tk.FREQ.get(core, 0) >= COMMON_VERB_FREQ


def _judge(ctx: DocContext, sent, m: re.Match, is_last: bool) -> int | None:
    """None if the quote is no initiative; else the end of its alias with head noun (or 0)."""
    text = ctx.text
    core = m.group(1)
    qs, qe = sent.start + m.start(), sent.start + m.end()
    before = text[max(sent.start, qs - 10):qs]
    numeric = re.fullmatch(r"[\dA-Za-z+]{1,6}", core) is not None
    if SPEECH_BEFORE.search(before) or NEGATING.search(before) or KIND_BEFORE.search(before) \
            or not (numeric or _plausible(core)) \
            or text.startswith(VESSEL_AFTER, qe) or CALENDAR_DAY.fullmatch(core) and text.startswith(HOLIDAY_AFTER, qe):
        return None       # (“奋进”号航天飞机, “和平”号轨道站: a vessel's name; “五一”劳动节: a holiday)
    after = text[qe:min(sent.end, qe + AFTER_REACH)]
    if ORG_AFTER.match(after):
        # “红马甲”志愿服务队: the quote names a body, the organisations' to take; but
        # “希望工程”办公室 is the office of a programme the quote names by itself
        return 0 if _self_headed(core) else None
    if is_last or text[qe:qe + 1] not in "“‘":
        near = NEAR_AFTER.match(after)
        if near and not (CJK.match(text, qe + near.end()) and text[qe + near.end()] not in "的等和与及为、上中"):
            return qe + near.end()
        strong = STRONG_AFTER.match(after)
        if strong and lexicon.ROUGH_COUNT_END.search(text, qe, qe + strong.start(2)) is None \
                and not _clause_between(strong.group(1)) and (
                _ends_token(ctx, sent, qe + strong.end(), qe + strong.start(2)) if strong.group(1)
                else not CJK_CONT.match(text, qe + strong.end())):
            return qe + strong.end()      # (not “国房景气指数”连续９个|月: a count of months)
    if numeric:
        return None
    if len(core) >= 3 and "、" not in core and (_last_word(core) in SELF_HEADS or _self_headed(core)) \
            or SLOGAN.fullmatch(core):
        return 0          # “田长制”, “一河一策”: the quote names the scheme by itself
    if EVENT_BEFORE.search(before) and len(core) >= 3:
        return 0          # 一场大规模的“学雷锋义卖”: an event counted as one
    clause_rest = re.split(r"[，。；;,！？!?]", text[qe:sent.end], maxsplit=1)[0]
    if ACTION_RE.search(before) and len(core) >= 3 and not ("“" in clause_rest or "‘" in clause_rest):
        return 0          # 建立“非公有制领域”…“直通车”制度: the first quote only qualifies the second
    return None


ASPECT_TAGS = ("ul", "uz", "ug")     # jieba's aspect particles: 了, 着, 过


def _clause_between(gap: str) -> bool:
    """Whether the words between a quote and a head noun hold a one-character adverb
    (“红色戏剧”|便在革命根据地和红军|队伍中, “大船”|将|试点) or an aspect particle (“华沙人”
    体育馆内共同举办|了|迎春武术|大赛): the quote is a clause's subject or a place's name,
    and the noun is no head of its name (but “一助一”长期志愿服务计划, and a preposition of
    theme: 以“某某”|为主题的公益|活动)."""
    return any(t.tag == "d" and len(t.word) == 1 or t.tag in ASPECT_TAGS
               for t in segmenter().tokens(gap)) if gap else False


def _ends_token(ctx: DocContext, sent, pos: int, head_start: int | None = None) -> bool:
    """Whether a head ends a word here, and is not the tail of a verb (发|展 of 发展);
    a head jieba cuts in two (推进|会) ends a word all the same."""
    tok = next((t for t in ctx.tokens(sent) if t.end == pos), None)
    return tok is not None and (head_start is not None and tok.start > head_start or
                                not (tok.tag.startswith("v") and tok.word not in STRONG_HEADS))


def _self_headed(core: str) -> bool:
    """Whether a quote names a programme by itself with a head of two characters or
    more (“希望工程”, also where a body's head follows: “希望工程”办公室 is its office),
    whatever word jieba reads the head into."""
    return len(core) >= 4 and core.endswith(tuple(h for h in SELF_HEADS if len(h) >= 2))


def _last_word(core: str) -> str:
    toks = segmenter().tokens(core)
    return toks[-1].word if toks else core


CJK_CONT = re.compile(r"(?![的等和与及为、中上下里在于将已正由从到])[\u4e00-\u9fff]{2}")


COUNTED_START = re.compile(f"{lexicon.COUNT}[个种]")     # 一个…, 两种… (not 一村一品)
PROJECT_MEASURES = "项个批"                       # what counts projects (32项, 两批)
COUNTED_PROJECT = re.compile(f"{lexicon.COUNT}[{PROJECT_MEASURES}]")    # 一项|重点工程


def _unquoted(ctx: DocContext, sent) -> None:
    text = ctx.text
    for s, e in _post_systems(ctx.tokens(sent)) if "长制" in sent.text else ():
        if not ctx.covered(s, e, ("Initiative",)):
            ctx.add(text[s:e], "Initiative", s, e, rule="initiatives:named programme")
    for m in DOC_TITLE.finditer(sent.text):
        s = sent.start + m.start(1)
        if CITED.search(text, max(sent.start, s - 6), s - 1):
            continue          # 根据《…条例》有关规定: a rule cited, not one the page's bodies put out
        ctx.add(m.group(1), "Initiative", s, s + len(m.group(1)), rule="initiatives:named programme")
    for m in MEETING.finditer(sent.text):
        s, e = sent.start + m.start(), sent.start + m.end()
        if not _ends_token(ctx, sent, e, sent.start + m.start(3)) or ctx.covered(s, e, ("Person", "Official")):
            continue          # 全国政协主席李瑞环今天在人民大会|堂: a hall, and a sentence, not a meeting
        if CLAUSE_IN_NAME.search(m.group(2)):
            continue          # 全市先后有30多家企业召开改制创立大会: a clause about meetings, no meeting's name
        if m.group(1) == lexicon.NATIONWIDE:          # a national meeting is named as printed
            ctx.add(text[s:e], "Initiative", s, e, rule="initiatives:named programme")
            continue
        area = ctx.area_for("省" if m.group(1) == "全省" else m.group(1)[1], s)
        if area:
            ctx.add(text[s:e], "Initiative", s, e, name=area.name + m.group(2), rule="initiatives:named programme")
    for m in EVENT.finditer(sent.text):
        s, e = sent.start + m.start(), sent.start + m.end()
        if not ctx.covered(s, e, ("Initiative",)):
            ctx.add(text[s:e], "Initiative", s, e, name=m.group(1), rule="initiatives:named programme")
    for m in SCHEME.finditer(sent.text):
        s, e = sent.start + m.start(1), sent.start + m.end(1)
        core = m.group(1)
        if core.startswith(GENERIC_SCHEME_START) or any(w in core for w in lexicon.NAME_STOP_WORDS - PROJECT_WORDS) \
                or COUNTED_PROJECT.match(core) or not _ends_token(ctx, sent, e) \
                or ctx.covered(s, e, ("Initiative",)):
            continue          # (实施的|一项重点工程: one counted, none named)
        ctx.add(core, "Initiative", s, e, rule="initiatives:named programme")
    for m in (*PROJECT.finditer(sent.text), *WORKS.finditer(sent.text)):
        hs, he = sent.start + m.start(), sent.start + m.end()
        if text[hs - 1:hs] == "”" or ctx.covered(hs, he, ("Initiative",)):
            continue
        start = left_chunk(ctx, sent, hs, max_len=18, extra_words=PROJECT_WORDS)
        start = _after_leading_names(ctx, start, hs)
        core = text[start:hs]
        if len(core) < 4 or core in GENERIC_PROJECT or any(core.startswith(g) for g in ("该", "这", "此", "各")) \
                or PROJECT.search(core):
            continue          # (…的项目和|非奥运项目: two kinds of project, no name holding one)
        if core[0] in PROJECT_MEASURES and lexicon.COUNT_END.search(text, max(0, start - 6), start) \
                or COUNTED_PROJECT.match(core):
            continue          # 等32|项科技合作开发项目, 实施的一项重点工程: projects counted, none named
        if re.fullmatch(r"[\d年产万吨千亿元]+.*", core) or any(w in core for w in lexicon.NAME_STOP_WORDS) \
                or any(w in core for w in GENERIC_PROJECT_WORDS):
            continue          # 重点项目, 全区部分项目: a kind of project, not a named one
        ctx.add(text[start:he], "Initiative", start, he, rule="initiatives:named programme")


def _post_systems(toks: list) -> list[tuple[int, int]]:
    """Spans of 河长制, 林长制, 河湖长制: the system of a post named after it, however
    jieba cut it (林长|制 after a title word, 湖长制 glued by its HMM, 河湖|长制)."""
    out = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1].word if i + 1 < len(toks) else ""
        if t.tag == "title" and len(t.word) == 2 and t.word[1] == "长" and nxt == "制":
            span = (t.start, t.end + 1)
        elif len(t.word) == 3 and t.word.endswith("长制"):
            span = (t.start, t.end)
        elif t.word == "长制" and i and toks[i - 1].tag in ("n", "ns") and len(toks[i - 1].word) <= 2:
            span = (toks[i - 1].start, t.end)
        else:
            continue
        first = toks[i - 1].word[0] if t.word == "长制" else t.word[0]
        if first not in POST_SYSTEM_NOT and CJK.match(first):
            out.append(span)
    return out


def _after_leading_names(ctx: DocContext, start: int, end: int) -> int:
    """A project named after its company or area: the name proper starts after them."""
    for m in ctx.mentions_between(start, end):
        if m.type in ("Company", "Organization", "Agency") and m.start == start and m.end < end:
            start = m.end
    return start
