"""The name chunker (base.left_chunk) shared by organisations, places, districts and
initiatives: each name rule on its own, then the whole walk."""
from __future__ import annotations

import pytest

from kg.extractors import base
from kg.extractors.base import left_chunk
from pages import CITY, COUNTY, context, extract, head_at, names, walk_at


def ruling(rule, text: str, head: str, word: str, **options) -> tuple[str, str] | None:
    """What `rule` says when the walk left from `head` reaches the token `word`: None,
    or ("take" | "stop", the name as the verdict leaves it)."""
    w = walk_at(text, head, word, **options)
    v = rule(w)
    if v is None:
        return None
    return ("take" if v.more else "stop", w.ctx.text[v.start:w.head_start + len(head)])


@pytest.mark.parametrize("text, head, word, expected", [
    ("举办ABC公司活动。", "公司", "ABC", ("stop", "公司")),
    ("，爱心公司成立。", "公司", "，", ("stop", "爱心公司")),
    ("全市3家商协会参加。", "商协会", "3", ("stop", "家商协会")),
    ("黄河五路社区开展活动。", "社区", "五路", None),
])
def test_not_hanzi(text, head, word, expected):
    assert ruling(base.not_hanzi, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("小冰棍闯出大市场——记聊城市东方实业集团股份有限公司", "集团股份有限公司", "记",
     ("stop", "聊城市东方实业集团股份有限公司")),
    ("探访古村落——记王家庄种植专业合作社", "种植专业合作社", "记", ("stop", "王家庄种植专业合作社")),
    ("他记住爱心公司的名字。", "公司", "记住", None),        # no dash: not a subtitle
])
def test_portrait_subtitle(text, head, word, expected):
    assert ruling(base.portrait_subtitle, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("该镇西丰村党支部书记王某出席。", "党支部", "该镇", ("stop", "西丰村党支部")),   # a relative area
    ("近日建设银行发布公告。", "银行", "近日", ("stop", "建设银行")),
    ("增加投资建设公司。", "公司", "投资", ("stop", "建设公司")),
    ("港航投资集团有限公司成立。", "集团有限公司", "投资", None),      # 投资 right before a firm's head
    ("报经青海省人民政府批准。", "人民政府", "报经", ("stop", "青海省人民政府")),   # submitted via
    ("会后成立了振兴京剧指导委员会。", "委员会", "指导", None),     # ... and 指导 before a committee's
    ("同时放开对设置降价商店的限制。", "商店", "设置", ("stop", "降价商店")),    # setting up
    ("并赔偿原告周村区法院损失500元。", "法院", "原告", ("stop", "周村区法院")),    # a party to a suit
    ("我们重新建设银行网点。", "银行", "重新", ("stop", "建设银行")),      # anew
    ("俄主张武器核查小组尽快结束工作。", "小组", "主张", ("stop", "武器核查小组")),   # a stand
])
def test_stop_word(text, head, word, expected):
    assert ruling(base.stop_word, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    # a roster run together: the nation again, the same province, a province above the city
    ("中国农业科学院中国电影公司", "公司", "中国农业科学院", ("stop", "中国电影公司")),
    ("天津儿童艺术剧团天津科学技术出版社", "出版社", "剧团", ("stop", "天津科学技术出版社")),
    ("江苏省南京市卫生局江苏省中医院", "医院", "卫生局", ("stop", "江苏省中医院")),
    ("湖北医科大学附属第二医院湖北省武汉市图书馆", "图书馆", "医院", ("stop", "湖北省武汉市图书馆")),
    # a part named by an area below the body's own, a branch, a group's firm
    ("中国医学科学院北京协和医院", "医院", "中国医学科学院", None),
    ("国家税务总局山东省税务局", "税务局", "国家税务总局", None),
    ("建设银行北京市分行", "分行", "建设银行", None),
    ("香港新华集团中国发展基金有限公司", "有限公司", "集团", None),
    ("国际管理集团中国部高级经理", "部", "集团", None),      # a unit named after the country it covers
    ("中国广播艺术团中央电视台", "电视台", "艺术团", ("stop", "中央电视台")),
])
def test_body_before_area(text, head, word, expected):
    assert ruling(base.body_before_area, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("还动员小区内的业主参与。", "小区", "动员", ("stop", "小区")),
    ("自觉规范涉路运输行为。", "路", "规范", ("stop", "涉路")),
    ("还在阳光小区内。", "小区", "阳光", None),          # no adverb right before the word
])
def test_verb_after_adverb(text, head, word, expected):
    assert ruling(base.verb_after_adverb, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("充分发挥总参谋部的职能作用。", "部", "充分发挥", ("stop", "总参谋部")),
    ("认真贯彻省委的部署。", "省委", "认真贯彻", ("stop", "省委")),
    ("子女没考上大学的，家中有病人的。", "大学", "没考上", ("stop", "大学")),    # a negated verb
    ("要重新认识合作社的作用。", "合作社", "重新认识", ("stop", "合作社")),     # 重新/a to jieba
    ("要大力发展中小学教育。", "小学", "大力发展", ("stop", "中小学")),         # 大力/n, 发展/vn
    ("领导表示积极支持环保局工作。", "环保局", "领导", None),
])
def test_adverb_and_verb(text, head, word, expected):
    assert ruling(base.adverb_and_verb, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("韩冬是鄂尔多斯市发改委主任。", "发改委", "韩冬是", ("stop", "鄂尔多斯市发改委")),
    ("韩冬是鄂尔多斯市发改委主任。", "发改委", "鄂尔多斯市", None),
])
def test_glued_copula(text, head, word, expected):
    assert ruling(base.glued_copula, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, options, expected", [
    ("县物业服务行业党委成立。", "党委", "县", {}, ("stop", "县物业服务行业党委")),
    ("县物业服务行业党委成立。", "党委", "县", {"allow_divisions": False}, ("stop", "物业服务行业党委")),
    ("县物业服务行业党委成立。", "党委", "物业", {}, None),
])
def test_bare_level(text, head, word, options, expected):
    assert ruling(base.bare_level, text, head, word, **options) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("消防宣传进学校。", "学校", "进", ("stop", "学校")),
    ("市自然资源和规划局召开会议。", "局", "和", ("take", "和规划局")),     # 和 inside a name
    # 和 after another name's head, and after the name's own area
    ("伊金霍洛旗农村信用合作联社和伊金霍洛旗税务局签约。", "税务局", "和", ("stop", "伊金霍洛旗税务局")),
    ("我们和伊金霍洛旗农村信用合作联社签约。", "农村信用合作联社", "和",
     ("stop", "伊金霍洛旗农村信用合作联社")),
    ("车队驶过南新广场和金鸡公园。", "公园", "和", ("stop", "金鸡公园")),      # after a place's head
    # 像 (like) and 临 (facing) before a place: 像|友谊村这样的, 临|南油大道
    ("阅览室位于桂庙，临南油大道，是一间轻体房。", "大道", "临", ("stop", "南油大道")),
    ("消防宣传进学校。", "学校", "宣传", None),
])
def test_function_or_verb_character(text, head, word, expected):
    assert ruling(base.function_or_verb_character, text, head, word) == expected


def test_and_joins_two_places_in_a_toponym_walk():
    # 东沟和|海流图乡: a town's or village's name holds no 和 between words (伊和乌素苏木,
    # a Mongolian name, holds one after a single character)
    walk = dict(toponym=True, allow_divisions=False)
    assert ruling(base.function_or_verb_character, "走访了东沟和海流图乡。", "乡", "和", **walk) == \
        ("stop", "海流图乡")


@pytest.mark.parametrize("text, head, word, expected", [
    ("在位山灌区召开会议。", "灌区", "在位", ("stop", "位山灌区")),
    ("在位山灌区召开会议。", "灌区", "山", None),
    ("他打算就此上诉法院。", "法院", "就此", ("stop", "上诉法院")),     # function characters only
    ("长征开始时，他任军委教导师的参谋长。", "军委", "他任", ("stop", "军委")),   # and a verb of office
    ("总理的请求虽获议会多数票通过。", "议会", "虽获", ("stop", "议会")),      # although obtained
    ("布里特咖啡园有座加工厂，产品远销欧美。", "加工厂", "有座", ("stop", "加工厂")),   # there is one
])
def test_function_word_glued_before(text, head, word, expected):
    assert ruling(base.function_word_glued_before, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("义诊周在海棠湾社区举行。", "社区", "周在", ("stop", "海棠湾社区")),
    ("义诊周在海棠湾社区举行。", "社区", "海棠", None),
    ("她患有心脏病，家离邮局又比较远。", "邮局", "家离", ("stop", "邮局")),      # far from
    ("一封匿名举报信寄到中央纪委信访室。", "信访室", "信寄到", ("stop", "中央纪委信访室")),   # 到 inside
    ("多尽义务，可对本公司的开支精打细算。", "公司", "可对本", ("stop", "本公司")),
])
def test_function_word_glued_after(text, head, word, expected):
    assert ruling(base.function_word_glued_after, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("南和区委办公室发文。", "办公室", "委", ("take", "委办公室")),
    ("瓯海区委办公室发文。", "办公室", "委", ("take", "委办公室")),
    ("南和区委办公室发文。", "办公室", "南和区", None),
])
def test_area_committee(text, head, word, expected):
    assert ruling(base.area_committee, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, options, expected", [
    ("义诊周在海棠湾社区举行。", "社区", "湾", {}, ("stop", "社区")),
    ("村党支部开会。", "党支部", "村", {}, ("stop", "党支部")),
    ("晋江市埭辉智能公司投产。", "公司", "埭", {}, None),                  # a rare character
    ("翠屏湾小区建成。", "小区", "湾", {"toponym": True}, None),           # a toponym's term
    ("翠屏湾小区建成。", "小区", "湾", {}, ("stop", "小区")),
])
def test_function_character(text, head, word, options, expected):
    assert ruling(base.function_character, text, head, word, **options) == expected


@pytest.mark.parametrize("text, head, word, options, expected", [
    ("领导表示积极支持环保局工作。", "环保局", "表示", {}, ("stop", "积极支持环保局")),
    ("莘县行政审批服务局开展活动。", "服务局", "审批", {}, None),              # a verb of names
    ("莘县行政审批服务局开展活动。", "服务局", "审批", {"strict": True}, ("stop", "服务局")),
    ("领导表示积极支持环保局工作。", "环保局", "表示", {"extra_words": {"表示"}}, None),
    ("入口处有个小小的摄影部。", "部", "小小的", {}, ("stop", "摄影部")),   # a status word
    ("记者从抗震救灾总指挥部获悉。", "部", "抗震救灾", {}, None),     # the campaign its office runs
    ("记者抗震救灾来到指挥部。", "部", "抗震救灾", {}, ("stop", "来到指挥部")),   # not right before it: a predicate
])
def test_common_verb(text, head, word, options, expected):
    assert ruling(base.common_verb, text, head, word, **options) == expected


@pytest.mark.parametrize("text, head, word, options, expected", [
    ("他们加强管理社区工作。", "社区", "管理", {"strict": True}, ("stop", "社区")),
    ("他们加强管理社区工作。", "社区", "管理", {}, None),
])
def test_strict_verbal_noun(text, head, word, options, expected):
    assert ruling(base.strict_verbal_noun, text, head, word, **options) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("全县二十三个社区参加。", "社区", "二十三个", ("stop", "社区")),
    ("来自十五中学的学生。", "中学", "十五", ("stop", "中学")),
    ("黄河五路社区开展活动。", "社区", "五路", None),       # a numbered road
    ("穗玖种业公司投产。", "公司", "玖", None),             # a rare numeral character
    ("第三中学开学。", "中学", "第三", None),               # an ordinal
    ("她骑车跑十五公里路送货。", "路", "十五公里", ("stop", "路")),   # a distance, no road's number
])
def test_number(text, head, word, expected):
    assert ruling(base.number, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, options, expected", [
    ("温州市瓯海区西岙村召开会议。", "村", "瓯海区", {"allow_divisions": False}, ("stop", "西岙村")),
    # a town inside jieba's 镇纸 ends the name where it ends
    ("泽雅镇纸山村召开会议。", "村", "镇纸", {"allow_divisions": False}, ("stop", "纸山村")),
    ("泽雅镇纸山村召开会议。", "村", "镇纸", {}, None),
])
def test_division_inside(text, head, word, options, expected):
    assert ruling(base.division_inside, text, head, word, **options) == expected


@pytest.mark.parametrize("text, head, word, max_len, expected", [
    ("聊城市东昌府区古楼街道办事处召开会议。", "街道办事处", "聊城市", 6, ("stop", "东昌府区古楼街道办事处")),
    ("聊城市东昌府区古楼街道办事处召开会议。", "街道办事处", "聊城市", 22, None),
])
def test_too_long(text, head, word, max_len, expected):
    assert ruling(base.too_long, text, head, word, max_len=max_len) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("得益于莘县行政审批服务局的支持。", "局", "得益于", ("stop", "莘县行政审批服务局")),
    ("得益于莘县行政审批服务局的支持。", "局", "审批", None),
])
def test_verb_ending_in_function_character(text, head, word, expected):
    assert ruling(base.verb_ending_in_function_character, text, head, word) == expected


@pytest.mark.parametrize("text, head, word, expected", [
    ("１０月１６日，当山东省济南市公安局副局长李某水说。", "公安局", "当", ("stop", "山东省济南市公安局")),
    ("中共济南市委宣传部召开会议。", "宣传部", "中共", None),     # two characters: the name's
])
def test_lone_character_before_division(text, head, word, expected):
    assert ruling(base.lone_character_before_division, text, head, word) == expected


# ---- the whole walk: the rules in their order ------------------------------------------

CHUNKS = [
    # (text, head, options, the name the head ends)
    ("举办ABC公司活动。", "公司", {}, "公司"),
    ("小冰棍闯出大市场——记聊城市东方实业集团股份有限公司", "集团股份有限公司", {},
     "聊城市东方实业集团股份有限公司"),
    ("探访古村落——记王家庄种植专业合作社", "种植专业合作社", {}, "王家庄种植专业合作社"),
    ("１０月１６日，当山东省济南市公安局副局长兼交警支队支队长李某水说。", "公安局", {}, "山东省济南市公安局"),
    ("该镇西丰村党支部书记王某出席。", "党支部", {}, "西丰村党支部"),
    ("港航投资集团有限公司成立。", "集团有限公司", {}, "港航投资集团有限公司"),
    ("近几年跨国公司纷纷来华投资。", "公司", {}, "跨国公司"),          # when, no part of the name
    ("航天飞机载有中国科学院实验室。", "实验室", {}, "中国科学院实验室"),    # what carries it
    ("天津青年京剧团演出。", "京剧团", {}, "天津青年京剧团"),           # an age names a group
    ("会后成立了中央精神文明建设指导委员会。", "委员会", {}, "中央精神文明建设指导委员会"),
    ("前者的核心企业西单商场为上市公司。", "商场", {}, "西单商场"),
    ("境内的省属皖北矿务局刘桥一矿。", "矿务局", {}, "皖北矿务局"),      # 省属: the province's
    ("龙头企业鲁西化工集团带动农户。", "集团", {}, "鲁西化工集团"),
    ("中国企业管理协会召开会议。", "协会", {}, "中国企业管理协会"),
    ("韩冬是鄂尔多斯市发改委主任。", "发改委", {}, "鄂尔多斯市发改委"),
    ("县物业服务行业党委成立。", "党委", {}, "县物业服务行业党委"),
    ("市自然资源和规划局召开会议。", "局", {}, "市自然资源和规划局"),
    ("这是嘉峪关市和华星公司组织的活动。", "公司", {}, "华星公司"),      # 和 after an area joins two
    ("我们和伊金霍洛旗农村信用合作联社签约。", "农村信用合作联社", {}, "伊金霍洛旗农村信用合作联社"),
    ("消防宣传进学校。", "学校", {}, "学校"),
    ("在位山灌区召开会议。", "灌区", {}, "位山灌区"),
    ("近日，在泽雅镇召开会议。", "镇", {}, "泽雅镇"),        # a preposition glued to the head's token
    ("义诊周在海棠湾社区举行。", "社区", {"toponym": True}, "海棠湾社区"),
    ("义诊周在海棠湾社区举行。", "社区", {}, "社区"),
    ("南和区委办公室发文。", "办公室", {}, "南和区委办公室"),
    ("晋江市埭辉智能公司投产。", "公司", {}, "晋江市埭辉智能公司"),
    ("翠屏湾小区建成。", "小区", {"toponym": True}, "翠屏湾小区"),
    ("来到济南市郊王舍人镇。", "镇", {"toponym": True, "allow_divisions": False}, "王舍人镇"),   # the suburbs
    ("领导表示积极支持环保局工作。", "环保局", {}, "环保局"),            # 积极|支持: an adverb and a verb
    ("领导表示环保局工作很好。", "环保局", {}, "环保局"),                # 表示: a common verb
    ("他们加强管理社区工作。", "社区", {}, "管理社区"),
    ("他们加强管理社区工作。", "社区", {"strict": True}, "社区"),
    ("全县二十三个社区参加。", "社区", {}, "社区"),
    ("黄河五路社区开展活动。", "社区", {}, "黄河五路社区"),
    ("穗玖种业公司投产。", "公司", {}, "穗玖种业公司"),
    ("泽雅镇纸山村召开会议。", "村", {"allow_divisions": False, "max_len": 6}, "纸山村"),
    ("温州市瓯海区西岙村召开会议。", "村", {"allow_divisions": False, "max_len": 6}, "西岙村"),
    ("聊城市东昌府区古楼街道办事处召开会议。", "街道办事处", {"max_len": 6}, "东昌府区古楼街道办事处"),
    ("得益于莘县行政审批服务局的支持。", "局", {}, "莘县行政审批服务局"),
    ("刘大为聊城市公安局民警。", "公安局", {}, "聊城市公安局"),     # a copula glued to a name jieba knows
    ("经调解，卢亮和兴发水泥有限公司共同赔偿80万元。", "有限公司", {}, "兴发水泥有限公司"),  # a person, and
    ("抓住机遇迎接挑战郑斯林江苏省委员会", "委员会", {}, "江苏省委员会"),   # a byline run on
    ("本报讯红双喜中国乒乓球俱乐部甲级联赛开幕。", "俱乐部", {}, "红双喜中国乒乓球俱乐部"),  # a dateline
    ("他任县委副书记兼唐庄乡党委书记。", "党委", {}, "唐庄乡党委"),          # 兼: concurrently
    ("来稿请寄人民日报群工部。", "群工部", {}, "人民日报群工部"),       # a one-character verb
    ("企业投资都是靠乡政府。", "乡政府", {}, "乡政府"),
    ("病人挑医院，首选的是质量。", "医院", {}, "医院"),
    ("柳园街道育新社区党委书记王某说", "党委", {}, "柳园街道育新社区党委"),   # a verb in an area's name
    ("县财政局和县教育局联合发文。", "教育局", {}, "县教育局"),    # jieba's 和县 after a head
    ("还动员小区内的业主参与。", "小区", {"toponym": True}, "小区"),     # a verb after an adverb
    ("他６０年代天津工学院毕业。", "学院", {}, "天津工学院"),              # a decade before a name
    ("团中央今天命名中国人民抗日战争纪念馆等。", "纪念馆", {}, "中国人民抗日战争纪念馆"),  # a day, a verb
    ("中国农业科学院中国电影公司中国农学会科普部", "科普部", {}, "中国农学会科普部"),   # a roster
    ("省电力局为把经省物价局核准的电价落到实处。", "物价局", {}, "省物价局"),    # jieba's 经省
    ("听省农委副主任陈某芳介绍，农民要进城。", "农委", {}, "省农委"),      # jieba's 听省 (heard from)
    ("据新华社北京电最高人民法院、公安部联合发出通知。", "最高人民法院", {}, "最高人民法院"),  # a dateline
    ("位于圆山脚下九湖镇的村庄。", "镇", {"allow_divisions": False, "toponym": True}, "九湖镇"),  # a position
    ("凡属市编委下达编制的单位。", "编委", {}, "市编委"),        # a common word before a bare level
]


def chunk(text: str, head: str, options: dict) -> str:
    ctx = context(text, ("area", "tagger", "districts"))
    sent, hs = head_at(ctx, head)
    options = {"max_len": 22, **options}
    return ctx.text[left_chunk(ctx, sent, hs, **options):hs + len(head)]


@pytest.mark.parametrize("text, head, options, expected", CHUNKS)
def test_left_chunk(text, head, options, expected):
    assert chunk(text, head, options) == expected


@pytest.mark.parametrize("rule", base.NAME_RULES, ids=lambda r: r.__name__)
def test_every_name_rule_decides_some_chunk(rule, monkeypatch):
    """Without any one rule some name in the table comes out otherwise: the table covers
    the rules, and none of them is dead."""
    monkeypatch.setattr(base, "NAME_RULES", tuple(r for r in base.NAME_RULES if r is not rule))
    changed = [row for row in CHUNKS if chunk(*row[:3]) != row[3]]
    assert changed, f"{rule.__name__} decides none of the chunks"


# ---- through the whole pipeline --------------------------------------------------------

def test_a_roster_of_bodies_run_together_names_each_body():
    """A list of units printed without separators (a 1998 roll of honour: the corpus lost
    its line breaks) is one body after another, each from its area."""
    rec = extract("一、先进集体\n中国农业科学院中国电影公司河北省科委河北省大厂回族自治县评剧团"
                  "山西省太原市委宣传部哈尔滨医科大学附属第二医院黑龙江省五常市文化局\n")
    assert {"中国农业科学院", "中国电影公司", "河北省科委", "河北省大厂回族自治县评剧团", "山西省太原市委宣传部",
            "哈尔滨医科大学附属第二医院", "黑龙江省五常市文化局"} <= names(rec)
    assert not [n for n in names(rec) if len(n) > 14]


def test_a_subtitles_portrait_word_is_no_part_of_the_name():
    rec = extract("小冰棍闯出大市场——记聊城市东方实业集团股份有限公司\n本报记者 王某\n聊城市东方实业集团股份有限公司发展很快。\n")
    assert "聊城市东方实业集团股份有限公司" in names(rec, "Company")
    assert not any(n.startswith("记") for n in names(rec))


def test_a_copula_or_settling_verb_glued_before_a_name_is_no_part_of_it():
    rec = extract(CITY + "驻村第一书记李红是聊城市发改委派驻的干部。该行今年已为柳林镇农户放贷，"
               "新项目落户开发区。")
    assert "聊城市发改委" in names(rec, "Agency")
    assert "柳林镇" in names(rec, "District")
    assert not {e for e in names(rec) if e.startswith(("李红是", "已为", "项目落户", "落户"))}


def test_a_toponyms_generic_term_before_the_head_belongs_to_the_name():
    rec = extract("瓯海新闻\n2024年4月18日\n本报讯 瓯海区召开会议。\n"
               "6月17日晚，高笋塘街道望江台社区翠屏湾小区楼下，居民围坐议事。"
               "健康义诊周在海棠湾棠韵广场启动。")
    assert {"望江台社区", "高笋塘街道"} <= names(rec, "District")
    places = names(rec, "Place")
    assert "翠屏湾小区" in places and "社区翠屏湾小区" not in places
    assert not any(p.startswith("义诊") for p in places)


def test_investment_groups_and_rare_numeral_characters_stay_in_firms_names():
    rec = extract(COUNTY + "本报讯 6月18日，四川云峡港航投资集团有限公司与大邑县物流公司签约。"
               "在甘肃禾玖种业有限公司，他了解烘干线改造。")
    firms = names(rec, "Company")
    assert {"四川云峡港航投资集团有限公司", "甘肃禾玖种业有限公司"} <= firms
    assert "集团有限公司" not in firms and "种业有限公司" not in firms
    assert not {"四川省", "甘肃省"} & names(rec, "District")     # areas only inside firms' names


def test_verb_before_the_area_that_begins_a_name_is_not_part_of_it():
    rec = extract(CITY + "此次验收高效完成，得益于临清市行政审批服务局推出的“一件事”改革。")
    assert "临清市行政审批服务局" in names(rec, "Agency")
    assert not any(n.startswith("得益于") for n in names(rec))


@pytest.mark.parametrize("text, type_, name", [
    # a rare character jieba tags zg stays in the name (垟, 札), a function character would not
    ("记者走访了临清市垟岙精密机械有限公司等企业。", "Company", "临清市垟岙精密机械有限公司"),
    ("在临清市札兴隆镇，驻村工作队正帮助村民发展养殖。", "District", "札兴隆镇"),
    # the head ends the name though jieba's HMM glued the next word's first character on (局要)
    ("他要求，市水利局、市生态环境局要加大执法力度。", "Agency", "聊城市生态环境局"),
    # a name in single quotes inside quoted speech
    ("局长介绍：“我们实行‘两证联办’，企业少跑一次腿。”", "Initiative", "两证联办"),
])
def test_names_the_tokens_cut_awkwardly(text, type_, name):
    assert name in names(extract(CITY + text), type_)


def test_credit_cooperative_and_mall_are_companies_and_a_name_stops_at_its_area():
    rec = extract(CITY + "他说：“我们和临清市农村信用合作联社对接，在东方商场设点。”")
    assert {"临清市农村信用合作联社", "东方商场"} <= names(rec, "Company")
    assert not any(n.startswith("和") for n in names(rec))
