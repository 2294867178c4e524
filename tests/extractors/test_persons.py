"""The persons component: people, officials and their posts (title chains, bylines,
speech verbs, personnel notices)."""
from __future__ import annotations

import importlib

import pytest

from kg.extraction import extract_document, to_record
from kg.extractors.persons import (ends_in_particle, function_character_last, honorific_after_surname,
                                   next_word_starts_last, person_name_at, preposition_before_noun,
                                   repeated_word, side_in_talks, verb_complement, word_first,
                                   country_for_given_name)
from kg.reader import document_from_text
from pages import CITY, COUNTY, DISTRICT, extract, names, tagger_reads

persons_module = importlib.import_module("kg.extractors.persons")   # the package exports the function


# ---- a name at a position: surname, given name, and the rules that cut or refuse it ----

NAMES_AT = [
    ("江绍华到柳园街道调研", False, "江绍华"),
    ("王法成说", False, "王法成"),
    ("张涛在会上发言", False, "张涛"),             # a function character after two
    ("宇文静陪同检查", False, "宇文静"),           # a compound surname; 陪 starts the next word
    ("聂清和、卜文韬出席", False, "聂清和"),       # 和 joins nothing before 、
    ("孙清和卜文远出席", False, "孙清"),           # 和 joins two names
    ("谈得很好", True, None),                      # 曼德拉总统|谈得很好: a verb's complement
    ("和贝宁一道", True, None),                    # 克雷库总统|和贝宁: a conjunction and a country
    ("高兴地说", False, None),
    ("王先生说", False, None),
    ("向群众发放资料", False, None),
    ("和分管动物园的领导", True, None),            # 和 joins the next clause: 分管 is a verb
    ("来接任我之后", True, None),                  # 来 comes: 接任 is a verb
    ("边走边看", False, None),
    ("巴方表示", False, None),
    ("禚某东介绍情况", False, None),               # a rare surname kg does not know …
    ("禚某东介绍情况", True, "禚某东"),            # … after a title it starts a name
    ("赠予的名片", True, None),                    # … but not a word of the dictionary (市长|赠予)
    ("黄金周到了", False, None),                   # 黄金 is a word: no 黄 with a given name 金周
    ("贺过。", False, None),                       # a verb and its particle
]


@pytest.mark.parametrize("text, anchored, expected", NAMES_AT)
def test_person_name_at(text, anchored, expected):
    assert person_name_at(text, 0, anchored=anchored) == expected


@pytest.mark.parametrize("table, rule", [(t, r) for t in ("SHORTER_NAME", "NOT_A_NAME")
                                         for r in getattr(persons_module, t)],
                         ids=lambda v: getattr(v, "__name__", v))
def test_every_name_rule_decides_some_name(table, rule, monkeypatch):
    """Without any one rule some row of NAMES_AT comes out otherwise: none is dead."""
    monkeypatch.setattr(persons_module, table, tuple(r for r in getattr(persons_module, table) if r is not rule))
    assert any(person_name_at(text, 0, anchored=a) != expected for text, a, expected in NAMES_AT)


@pytest.mark.parametrize("rule, text, cand, expected", [
    (function_character_last, "张涛在会上发言", "张涛在", True),
    (function_character_last, "聂清和、卜文韬", "聂清和", False),     # punctuation after 和
    (function_character_last, "孙清和卜文远", "孙清和", True),
    (function_character_last, "江绍华到柳园街道", "江绍华", False),
    (word_first, "高兴地说", "高兴地", True),
    (word_first, "公益岗位", "公益岗", True),
    (word_first, "江绍华到柳园街道", "江绍华", False),
    (next_word_starts_last, "宇文静陪同检查", "宇文静陪", True),
    (next_word_starts_last, "江绍华到柳园街道", "江绍华", False),
], ids=lambda v: getattr(v, "__name__", None))
def test_rules_for_a_one_character_given_name(rule, text, cand, expected):
    assert rule(text, 0, cand) is expected


@pytest.mark.parametrize("rule, cand, surname_len, expected", [
    (honorific_after_surname, "王先生", 1, True),
    (honorific_after_surname, "张经理", 1, True),
    (honorific_after_surname, "王法成", 1, False),
    (honorific_after_surname, "和候补", 1, True),        # 中央委员和候补中央委员
    (preposition_before_noun, "向群众", 1, True),
    (preposition_before_noun, "于海涛", 1, False),
    (ends_in_particle, "来了", 1, True),
    (ends_in_particle, "李明", 1, False),
    (repeated_word, "边走边", 1, True),
    (repeated_word, "越来越", 1, True),
    (repeated_word, "王法成", 1, False),
    (side_in_talks, "巴方", 1, True),
    (side_in_talks, "李方", 1, False),
    (verb_complement, "谈得很", 1, True),       # 曼德拉总统谈得很好
    (verb_complement, "李得志", 1, False),
    (country_for_given_name, "和贝宁", 1, True),     # 克雷库总统和贝宁…
    (country_for_given_name, "和建新", 1, False),
], ids=lambda v: getattr(v, "__name__", None))
def test_rules_for_no_name(rule, cand, surname_len, expected):
    assert rule(cand, surname_len) is expected


# ---- through the whole pipeline -------------------------------------------------------


def test_occupation_after_name_is_a_post_and_adverbs_are_no_names():
    rec = extract(CITY + "家住冠县清泉中学家属院的王培文老师高兴地说，电梯很方便。")
    assert "王培文" in names(rec, "Person")
    assert ("王培文", "老师") in {(p["person"], p["title"]) for p in rec["posts"]}
    assert "高兴地" not in names(rec) and "高兴" not in names(rec)


def test_quoted_title_before_name_makes_an_official():
    rec = extract(DISTRICT + "本报讯（记者 王某）东昌府区闫寺街道凤凰集村“田长”郎百川开始巡田。")
    assert "郎百川" in names(rec, "Official")


def test_a_transliterated_name_ends_before_a_time_word_and_its_parts_name_it_again():
    rec = extract("美国总统比尔·克林顿今天说，两国关系很重要。克林顿还说他很高兴。\n")
    people = {e["name"]: e for e in rec["entities"] if e["type"] in ("Person", "Official")}
    assert set(people) == {"比尔·克林顿"} and "克林顿" in people["比尔·克林顿"]["aliases"]
    rec = extract("会长素博塔·玛莎立先生捐出了黄金。素博塔说，这次兑换很重要。\n")
    assert "素博塔" not in names(rec) and "素博塔·玛莎立" in names(rec)


def test_a_chinese_name_called_again_by_its_given_name_is_the_same_person(monkeypatch):
    """李某五妻子丁某珍 … 某五同志地下有知: the given name alone is the person the page names
    in full."""
    tagger_reads(monkeypatch, {"李某五": ("PER", 0.99), "某五": ("PER", 0.99), "丁某珍": ("PER", 0.99)})
    rec = extract("记者看望了李某五妻子丁某珍。她说：“某五同志地下有知，也会欣慰。”\n")
    people = {e["name"]: e for e in rec["entities"] if e["type"] in ("Person", "Official")}
    assert "某五" not in people and "某五" in people["李某五"]["aliases"]


def test_a_dotted_name_ends_before_a_rank_and_starts_where_the_tagger_is_sure():
    """某某·某某耶夫中将: a military rank ends a name; 全力支持|阿沛·阿旺晋美副委员长: the
    words before a dotted name are the sentence's."""
    rec = extract("会见了塔吉克斯坦国防部长舍拉利·海鲁拉耶夫中将一行。国务委员兼国防部长迟浩田上将出席。"
                  "工作人员嘱咐，一定要全力支持阿沛·阿旺晋美副委员长的工作。\n")
    assert {"舍拉利·海鲁拉耶夫", "迟浩田", "阿沛·阿旺晋美"} <= names(rec, "Official")
    assert not any(n.endswith("中") or n.startswith("全力") for n in names(rec))


def test_a_country_among_a_dotted_names_syllables_is_the_persons(monkeypatch):
    """彼特·加纳维奇: jieba reads 加纳 (Ghana) as a word; the tagger's sure dotted name
    holds it, and the page names no country there."""
    tagger_reads(monkeypatch, {"彼特·加纳维奇": ("PER", 0.99)})
    rec = extract("研究所的天体物理学家彼特·加纳维奇等人利用太空望远镜观测超新星。\n")
    assert "彼特·加纳维奇" in names(rec, "Person") and "加纳" not in names(rec)


def test_a_title_of_any_rank_after_a_sure_name_is_the_persons_post(monkeypatch):
    """周某康总经理传达, 路某祥院长对此, 许某跃副书记为团长: papers address officials of
    every rank with the title after the name; a chief's body is the last one the sentence
    names before him with the chief's head, a firm's officer's the last firm."""
    tagger_reads(monkeypatch, {"周某康": ("PER", 0.99), "路某祥": ("PER", 0.99), "许某跃": ("PER", 0.99)})
    rec = extract("在中国石油天然气总公司工作会议上，周某康总经理传达了指示。"
                  "在中国科学院工作会议上，路某祥院长对此作出了回答。"
                  "省委派出以许某跃副书记为团长的工作团。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("周某康", "总经理", "中国石油天然气总公司"), ("路某祥", "院长", "中国科学院"),
            ("许某跃", "副书记", None)} <= posts
    assert {"路某祥", "许某跃"} <= names(rec, "Official")
    # a title that only begins a longer word is none (主任医师 is one word)
    tagger_reads(monkeypatch, {"王某平": ("PER", 0.99)})
    rec = extract("王某平主任医师的病人来了。\n")
    assert not any(p["title"] == "主任" for p in rec["posts"])
    # the body written right before the name holds any title after it
    tagger_reads(monkeypatch, {"陈某泰": ("PER", 0.99)})
    rec = extract("国家经贸委陈某泰副主任指出，要加速培养人才。\n")
    assert ("陈某泰", "副主任", "国家经贸委") in {(p["person"], p["title"], p["org"]) for p in rec["posts"]}


def test_a_dotted_name_after_a_title_ends_before_a_function_character(monkeypatch):
    """总理谢赫·哈西娜所希望的: 所 begins the clause; the tagger, sure, ends the name before it."""
    tagger_reads(monkeypatch, {"谢赫·哈西娜": ("PER", 0.99)})
    rec = extract("但愿这次会议能像孟加拉国总理谢赫·哈西娜所希望的那样取得成功。\n")
    assert "谢赫·哈西娜" in names(rec, "Official") and "谢赫·哈西娜所" not in names(rec)
    # ... or before a word jieba reads past the rules' end (发来 of 里瓦斯发来贺电)
    tagger_reads(monkeypatch, {"米格尔·里瓦斯": ("PER", 0.99)})
    rec = extract("委内瑞拉外交部长米格尔·里瓦斯发来贺电，祝贺创刊五周年。\n")
    assert "米格尔·里瓦斯" in names(rec, "Official") and "米格尔·里瓦斯发" not in names(rec)


def test_a_verb_of_holding_a_post_between_name_and_title_is_no_part_of_the_name(monkeypatch):
    """拉吉夫·甘地当总理时: he held the post; 当 is no part of his name."""
    tagger_reads(monkeypatch, {"拉吉夫·甘地": ("PER", 0.99)})
    rec = extract("拉吉夫·甘地当总理时，他就是骨干。\n")
    assert "拉吉夫·甘地" in names(rec, "Official") and "拉吉夫·甘地当" not in names(rec)
    assert ("拉吉夫·甘地", "总理") in {(p["person"], p["title"]) for p in rec["posts"]}


def test_a_chiefs_title_on_the_head_of_a_body_only_the_tagger_found_is_a_post_in_it(monkeypatch):
    """德国研究与技术部|长王某明: the rules stop at 与 and find no ministry; the tagger's
    ministry, found after the persons component ran, takes the chief's post."""
    tagger_reads(monkeypatch, {"德国研究与技术部": ("ORG", 0.99), "王某明": ("PER", 0.99)})
    rec = extract("德国研究与技术部长王某明说，合作很重要。\n")
    assert ("王某明", "部长", "德国研究与技术部") in {(p["person"], p["title"], p["org"]) for p in rec["posts"]}


def test_persons_listed_before_dengs_leaders_are_officials(monkeypatch):
    """江某、李某、乔某等党和国家领导人: a roll of those present; each holds a post,
    though no title stands by them. Listed before 等老同志 they are only persons."""
    tagger_reads(monkeypatch, {n: ("PER", 0.99) for n in ("江某民", "李某鹏", "乔某石", "马某瑞", "汪某锋")})
    rec = extract("江某民、李某鹏、乔某石等党和国家领导人出席。马某瑞、汪某锋等老同志也出席了茶话会。\n")
    assert {"江某民", "李某鹏", "乔某石"} <= names(rec, "Official")
    assert {"马某瑞", "汪某锋"} <= names(rec, "Person")


def test_a_word_before_a_title_in_a_list_of_holders_begins_the_next_post(monkeypatch):
    """阿尔巴尼亚总统甲、贝宁总统乙: 贝宁 names the next president's state, not a second
    holder of the first post; 副区长甲、乙 still lists two holders of one post."""
    tagger_reads(monkeypatch, {"马某尼": ("PER", 0.99), "克某库": ("PER", 0.99)})
    rec = extract("发来慰问电的有：阿尔巴尼亚总统马某尼、贝宁总统克某库。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert posts == {("马某尼", "总统", "阿尔巴尼亚"), ("克某库", "总统", "贝宁")}
    rec = extract(CITY + "副区长赵某秋、刘某华出席。")
    assert {p["person"] for p in rec["posts"]} == {"赵某秋", "刘某华"}


def test_an_election_names_several_to_each_post_and_goes_on_after_a_comma(monkeypatch):
    """选举甲为主任，乙、丙（女、维吾尔族）、丁为副主任；选举戊为院长: every one elected holds
    the post named after 为, notes of sex and people in brackets left out of the names."""
    tagger_reads(monkeypatch, {"海某姆·斯拉木": ("PER", 0.99), "苏来某曼": ("PER", 0.9)})
    rec = extract("自治区人大会议选举王某民为自治区人大常委会主任，李某滋、海某姆·斯拉木（女、维吾尔族）、"
                  "苏来某曼（柯尔克孜族）为自治区人大常委会副主任；选举张某舟为自治区高级人民法院院长。\n")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert posts >= {("王某民", "主任"), ("李某滋", "副主任"), ("海某姆·斯拉木", "副主任"),
                     ("苏来某曼", "副主任"), ("张某舟", "院长")}
    assert {"李某滋", "海某姆·斯拉木", "苏来某曼", "张某舟"} <= names(rec, "Official")


@pytest.mark.parametrize("title", ["副经理", "副理事长", "副厂长", "副社长", "副总编辑", "指导员"])
def test_a_deputys_title_is_written_whole(title):
    """书店副经理任某意: the deputy's title is the post, not the chief's (经理) it ends in."""
    rec = extract(COUNTY + f"书店{title}任某意和业务主任柴某民联系出版社。")
    assert ("任某意", title) in {(p["person"], p["title"]) for p in rec["posts"]}


def test_a_career_after_the_name_lists_each_post_to_the_sentences_end(monkeypatch):
    """邓某清同志历任…连指导员、独立营政委，…：an obituary's career after the name the
    tagger reads; 兼 joins two posts of one piece, and a piece that names a body of its
    own does not take the body of the piece before it."""
    tagger_reads(monkeypatch, {"邓某清": ("PER", 0.99), "玉某": ("PER", 0.9)})
    rec = extract("抗日战争时期，邓某清同志历任八路军南进支队连指导员、独立营政委。"
                  "新中国建立后，邓某清同志历任南京航空专科学校校长兼五一一厂厂长，南京航空学院副院长。"
                  "玉某现任内蒙古自治区残疾人联合会副理事长，丈夫在电台工作。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("邓某清", "指导员"), ("邓某清", "政委"), ("邓某清", "校长"), ("邓某清", "厂长"),
            ("邓某清", "副院长"), ("玉某", "副理事长")} <= {p[:2] for p in posts}
    assert ("邓某清", "校长", "南京航空专科学校") in posts and ("邓某清", "厂长", "南京航空专科学校") not in posts
    assert ("玉某", "副理事长", "内蒙古自治区残疾人联合会") in posts
    assert {"邓某清", "玉某"} <= names(rec, "Official")


def test_a_profiles_label_before_a_colon_is_no_speaker(monkeypatch):
    """荣誉：“五一”劳动奖章获得者: a label of a profile (jieba tags 荣誉 a name), where the
    tagger reads no person; 王某明：我们… is a speaker it reads."""
    tagger_reads(monkeypatch, {"王某明": ("PER", 0.99)})
    rec = extract("荣誉：“五一”劳动奖章获得者、全国优秀共产党员\n王某明：我们要努力工作。\n")
    assert names(rec, "Person") == {"王某明"}


def test_a_name_in_a_list_of_holders_is_a_person_though_a_places_head_ends_it():
    """负责人徐明春、杨立泉、孙春河等: the last of the listed names ends in 河, a river's
    head; listed after a title it is a person, not a river."""
    rec = extract("有关部门负责人徐明春、杨立泉、孙春河等出席了招待会。\n")
    assert {"徐明春", "杨立泉", "孙春河"} <= names(rec, "Person") and not names(rec, "Place")


def test_a_preposition_after_a_title_begins_no_name(monkeypatch):
    """许某田副社长对让·米奥先生…表示感谢: 对 is a preposition and 让·米奥 its object, the
    tagger's sure person; no 对让·米奥 holds the deputy's post."""
    tagger_reads(monkeypatch, {"许某田": ("PER", 0.99), "让·米奥": ("PER", 0.99)})
    rec = extract("许某田副社长对让·米奥先生给予本报的支持表示感谢。\n")
    assert not any(p["person"].startswith("对") for p in rec["posts"])
    assert "对让·米奥" not in names(rec)


def test_a_title_whose_last_character_begins_a_word_anchors_no_name():
    """担任安理会轮值主席国时: 主席国 (the presiding state) is jieba's word; 国时 is no name."""
    rec = extract("中国在１９９７年１１月担任安理会轮值主席国时，工作很多。\n")
    assert not names(rec, "Official") and not rec["posts"]


def test_the_people_of_a_firm_or_place_who_speak_are_not_a_person():
    rec = extract("伊利人说：不让利，就没有市场。王建华说，这是实话。\n")
    assert "伊利人" not in names(rec) and "王建华" in names(rec, "Person")


def test_title_does_not_cut_the_place_before_it():
    rec = extract(CITY + "尼山镇党委书记赵国栋表示，将持续推进乡村振兴。")
    assert ("赵国栋", "书记", "尼山镇党委") in {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert not any("乡村" in n or n.endswith("振兴") for n in names(rec, "District"))


def test_county_media_centre_page_people_congress_village_and_bank_branch():
    rec = extract("莒县融媒\n\n2024年3月8日\n\n县十九届人大三次会议隆重开幕\n\n融媒体记者 王晓东\n\n"
               "3月7日上午，县人大常委会主任韩德福出席会议。"
               "浮来山街道东莞村党支部书记刘红梅组建“红马甲”志愿服务队。"
               "日照银行莒县支行行长杜明远表示支持。")
    assert rec["masthead"]["paper"] == "莒县融媒" and rec["articles"][0]["title"] == "县十九届人大三次会议隆重开幕"
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("韩德福", "主任", "莒县人大常委会") in posts
    assert ("杜明远", "行长", "日照银行莒县支行") in posts
    assert "东莞村党支部" in names(rec, "Agency") and "东莞市" not in names(rec)
    assert "红马甲志愿服务队" in names(rec, "Organization") and "红马甲" not in names(rec, "Initiative")


def test_zone_committee_and_this_body_references():
    rec = extract("潍坊日报\n\n本报讯（记者 刘某）高新区管委会主任李海涛表示支持。"
               "潍坊市人民医院开展义诊活动，该院院长马建军介绍了情况。")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("李海涛", "主任", "潍坊高新区管委会") in posts
    assert ("马建军", "院长", "潍坊市人民医院") in posts


def test_a_surname_character_inside_a_noun_phrase_is_no_name():
    rec = extract(CITY + "征求市场监督管理、税务等行业主管部门意见后，颁发了标识牌。")
    assert not (names(rec, "Person") | names(rec, "Official"))


def test_regional_surnames_and_reporting_verbs_end_a_name_after_a_title():
    rec = extract(COUNTY + "本报讯 副县长冉某英、税俊某，县政府办公室主任岳明某列席会议。"
               "华兴村党总支书记赖德某说，好。")
    assert {"冉某英", "税俊某", "岳明某", "赖德某"} <= names(rec, "Official")


def test_rare_surnames_of_the_hundred_families_and_after_a_title():
    rec = extract(COUNTY + "本报讯 县委书记笪某林主持会议，副县长宓某华、甯某文参加。"
               "镇党委书记禚某东介绍了情况。宇文某平说，好。")
    assert {"笪某林", "宓某华", "甯某文", "禚某东"} <= names(rec, "Official")
    assert "宇文某平" in names(rec, "Person")


def test_a_title_inside_a_word_or_before_an_ordinal_starts_no_name():
    rec = extract(COUNTY + "本报讯 推动小区长效管理。县长第五次来到村里。")
    assert not (names(rec, "Person") | names(rec, "Official"))


def test_posts_in_a_business_are_no_public_office_but_a_hospitals_are():
    rec = extract(COUNTY + "本报讯 在大邑县青岚林产有限公司，公司党委书记、董事长程远山介绍情况。"
               "大邑县禾丰种植专业合作社理事长姜立平说，好。"
               "大邑县江滨中医医院开展义诊。医院院长孔德明带领专家问诊。"
               "县人大代表、大邑县森源集团董事长林川平建议减负。")
    people, officials = names(rec, "Person"), names(rec, "Official")
    assert {"程远山", "姜立平"} <= people and {"孔德明", "林川平"} <= officials
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("程远山", "党委书记", "大邑县青岚林产有限公司"), ("孔德明", "院长", "大邑县江滨中医医院"),
            ("林川平", "人大代表", "大邑县人大")} <= posts      # the county's people's congress


def test_a_name_ends_before_the_word_its_last_character_starts_and_roles_before_names():
    rec = extract(COUNTY + "本报讯 镇党委书记柴某栋，镇长宇文玲陪同检查。种植大户俞某顺说：“好。”")
    assert "宇文玲" in names(rec, "Official") and "俞某顺" in names(rec, "Person")


def test_personnel_notice_puts_the_name_before_its_posts():
    rec = extract("邢台日报\n2024年11月20日\n干部任前公示\n"
               "裴某新，男，汉族，1976年5月生，中共党员，现任邢台市生态环境局副局长，拟任县政府副职。\n"
               "车某清，女，汉族，1982年9月生，现任南和区委办公室主任，拟任乡镇党委书记。\n")
    assert {"裴某新", "车某清"} <= names(rec, "Official")
    assert {"邢台市生态环境局", "南和区委办公室"} <= names(rec, "Agency")
    assert not any(n.startswith("现任") for n in names(rec))
    assert {(p["person"], p["title"]) for p in rec["posts"]} >= {("裴某新", "副局长"), ("车某清", "主任")}


def test_portfolio_members_teams_and_prepositions_after_titles():
    rec = extract(COUNTY + "本报讯 晋原街道党工委委员、宣传委员简某娜介绍，好。派出所所长伍某刚带领民警向群众发放资料。"
               "紫薇社区舞蹈队参加比赛。大邑经济开发区与某集团签约。大邑经开区管委会主任伊某武说，好。")
    assert ("简某娜", "宣传委员") in {(p["person"], p["title"]) for p in rec["posts"]}
    assert "向群众" not in names(rec)
    assert "紫薇社区舞蹈队" in names(rec, "Organization")
    assert "大邑经开区" not in names(rec, "District")        # an alias of 大邑经济开发区


def test_the_captain_of_a_private_team_is_no_official():
    rec = extract(COUNTY + "本报讯 晋原街道紫薇社区舞蹈队队长芮某梅说：“好。”")
    assert "芮某梅" in names(rec, "Person")


def test_an_associations_chair_is_no_official_but_its_party_group_is():
    # an association is no state institution (the real gold: 记者协会荣誉主席 is a
    # Person); a leading Party group sits only in bodies of the state system
    rec = extract(COUNTY + "本报讯 县书法家协会主席周某林说，好。市作家协会党组成员、副主席吴某平出席。")
    assert "周某林" in names(rec, "Person") and "吴某平" in names(rec, "Official")


def test_the_head_of_a_school_with_a_board_is_no_official():
    # a board chairman makes the school a private one: its principal holds no office,
    # while a public school's principal does
    rec = extract(COUNTY + "本报讯 育才中学董事长、校长周某林对记者说，学校扩建了。县第一中学校长吴某平说，好。")
    assert "周某林" in names(rec, "Person") and "吴某平" in names(rec, "Official")


def test_the_head_of_a_hospital_the_page_calls_private_is_no_official():
    rec = extract(COUNTY + "本报讯 记者来到全县首家股份制医院———康宁医院，医院院长周某林介绍了情况。"
                  "县人民医院院长吴某平说，好。")
    assert "周某林" in names(rec, "Person") and "吴某平" in names(rec, "Official")


def test_trainee_reporter_in_a_byline_is_a_role_not_a_name():
    rec = extract(CITY + "本报讯（记者 王某某 见习记者 李一鸣）5月1日，聊城市召开会议。\n（记者 李一鸣）")
    assert {"王某某", "李一鸣"} <= names(rec, "Person")
    assert not {e for e in names(rec) if "见习" in e}
    assert {p["title"] for p in rec["posts"] if p["person"] == "李一鸣"} == {"见习记者"}


def test_head_of_an_unnamed_cooperative_is_a_person_not_an_official():
    """理事长, 院长, 会长 head co-operatives, institutes and associations as often as
    public bodies: with no organisation named, the holder is a private person; with a
    public body named, an official."""
    rec = extract(CITY + "在柳岸种植专业合作社，理事长孙青松正忙着组织装箱。")
    assert "孙青松" in names(rec, "Person") and "孙青松" not in names(rec, "Official")
    rec = extract(CITY + "市人民医院院长孙青松介绍了情况。")
    assert "孙青松" in names(rec, "Official")


def test_name_ending_in_a_conjunction_character_before_punctuation_keeps_it():
    """和 between two names joins them; 和 before 、 joins nothing, so it ends a name."""
    rec = extract(CITY + "副市长孙清和、卜文远出席。")
    assert {"孙清和", "卜文远"} <= names(rec, "Official")
    rec = extract(CITY + "副市长孙清和卜文远出席。")
    assert "孙清" in names(rec, "Official") and "孙清和" not in names(rec)


def _rules_posts(text: str) -> set[tuple[str, str]]:
    from kg.extractors import components_for
    rec = to_record(extract_document(document_from_text("t.txt", text), components_for(("rules",))))
    return {(p["person"], p["title"]) for p in rec["posts"]}


@pytest.mark.parametrize("text, posts", [
    # central posts in a chain
    ("中共中央政治局委员、国务委员柯某映今天同代表们座谈。",
     {("柯某映", "中共中央政治局委员"), ("柯某映", "国务委员")}),
    # a list where each person has a title; a bare 副书记 is in the committee named before
    ("四川省领导深入农村，省委书记谢某杰、省长宋某瑞、副书记张某伟先后到川北。",
     {("谢某杰", "书记"), ("宋某瑞", "省长"), ("张某伟", "副书记")}),
    # titles after the name, a form of address
    ("这是苗某鹏总理连续3年到农家。家住彭某怀元帅的故乡。", {("苗某鹏", "总理"), ("彭某怀", "元帅")}),
    ("总参谋长傅某有上将今天会见了客人。", {("傅某有", "总参谋长"), ("傅某有", "上将")}),
    # dotted foreign names after a title, and before one
    ("曼谷市长披某·拉达某拿出460美元，受到川某·立某总理的赞扬。",
     {("披某·拉达某", "市长"), ("川某·立某", "总理")}),
    # a post in apposition, and a rare word that is a name after a title
    ("当时任湘潭市长的孔某志知道后，惊动了市长白音。", {("孔某志", "市长"), ("白音", "市长")}),
    # the heads of a ministry's department and administration, the foreign minister's short title
    ("交通部公路司司长李某国说，海关总署署长钱某林说，外长唐某璇会见了客人。",
     {("李某国", "司长"), ("钱某林", "署长"), ("唐某璇", "外长")}),
    # each body of a chain its post: an abbreviation with the country's word before it,
    # posts held concurrently (兼), and the Secretariat named bare
    ("国务院副秘书长、国务院证券委主任、中国证监会主席周某庆讲话，证券委副主任兼中国证监会副主席陈某先作报告。",
     {("周某庆", "副秘书长"), ("周某庆", "主任"), ("周某庆", "主席"), ("陈某先", "副主任"), ("陈某先", "副主席")}),
    ("中共中央政治局常委、书记处书记尉某行出席。", {("尉某行", "中共中央政治局常委"), ("尉某行", "书记")}),
    # the forces' commanders and staff, a minister's assistant
    ("中国人民解放军副总参谋长熊某楷，海军副司令员贺某飞，外交部部长助理杨某篪出席。",
     {("熊某楷", "副总参谋长"), ("贺某飞", "副司令员"), ("杨某篪", "部长助理")}),
])
def test_national_posts_chains_and_titles_after_names(text, posts):
    assert posts <= _rules_posts(text)


def test_the_finance_ministers_short_title_and_the_secretary_of_state_are_posts():
    rec = extract("美国国务卿奥某布赖特会见了印尼财长马某胡姆。\n")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("奥某布赖特", "国务卿"), ("马某胡姆", "财长")} <= posts


def test_a_title_after_a_bodys_short_form_in_brackets_is_a_post_in_the_body():
    rec = extract("新华社开罗1月11日电 代表团致信阿拉伯国家联盟（阿盟）秘书长马某德。"
                  "国际原子能机构总干事巴某迪说，好。")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("马某德", "秘书长", "阿拉伯国家联盟"), ("巴某迪", "总干事", "国际原子能机构")} <= posts


def test_a_chain_goes_on_before_a_body_only_the_tagger_finds(monkeypatch):
    # the persons component runs before the tagger's bodies are known
    tagger_reads(monkeypatch, {"秘鲁武装力量联合指挥部": ("ORG", 0.95), "陆军": ("ORG", 0.95),
                               "埃某萨": ("PER", 0.95)})
    rec = extract("新华社北京6月10日电 某某会见了秘鲁武装力量联合指挥部主席兼陆军司令埃某萨上将一行。")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("埃某萨", "司令", "陆军"), ("埃某萨", "主席", "秘鲁武装力量联合指挥部")} <= posts


def test_a_title_that_begins_inside_a_body_is_a_post_in_it(monkeypatch):
    """全国政协|委员, 全国人大|代表: the title's first word is the body's last, so the post is
    the body's, whether a rule or only the tagger names it."""
    tagger_reads(monkeypatch, {"全国政协": ("ORG", 0.99), "伍某清": ("PER", 0.99)})
    rec = extract("香港的全国政协委员伍某清捐来两万元。河北省副省长、全国人大代表王某明也捐了款。")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("伍某清", "政协委员", "全国政协"), ("王某明", "人大代表", "全国人民代表大会"),
            ("王某明", "副省长", "河北省")} <= posts


def test_a_title_after_a_name_the_tagger_is_sure_of_and_an_envoy_posted_abroad(monkeypatch):
    """周恩来|总理: 来 ends a name by the rules' test, but the tagger is sure of the whole
    name, so the form of address holds. 中国驻俄罗斯大使: the ambassador is posted to
    Russia, so the post is no office of Russia's."""
    tagger_reads(monkeypatch, {"周恩来": ("PER", 0.99), "中国": ("LOC", 0.99)})
    rec = extract("他说：“这是周恩来总理亲手给我戴上的。”中国驻俄罗斯大使李某林和夫人来了。")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("周恩来", "总理", None) in posts
    assert not {p for p in posts if p[0] == "李某林" and p[2] == "俄罗斯"}


def test_the_note_closing_an_opinion_piece_gives_its_authors_posts():
    """帮农民进入市场 / 杨某寿 / … / （作者为广西钦州市代市长）: the name alone under the
    headline is the author, and the note's posts are the author's; a note with no name
    line over the piece names no one."""
    piece = "帮农民进入市场\n杨某寿\n我们钦州把农村工作的重点放在市场上。\n（作者为广西钦州市代市长）\n"
    rec = extract(piece)
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {p for p in posts if p[0] == "杨某寿" and p[1].endswith("市长") and p[2] == "钦州市"}
    assert "杨某寿" in names(rec, "Official")
    assert not extract(piece.replace("杨某寿\n", ""))["posts"]
    # under a headline and three decks
    decked = piece.replace("帮农民进入市场\n", "我国经济林现状\n●消费年均增１９％\n●人均消费量达５６公斤\n●抓好名优基地\n")
    assert {p["person"] for p in extract(decked)["posts"]} == {"杨某寿"}


def test_a_detachments_chief_and_its_party_secretary_are_posts_in_the_detachment():
    """记长沙市公安局交警支队 … 支队党委书记、支队长周某农: 支队 alone is the detachment named
    before, and 支队长 its chief's title (not 队长 of no body)."""
    rec = extract("记长沙市公安局交警支队\n支队党委书记、支队长周某农有句名言。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("周某农", "党委书记", "长沙市公安局交警支队"), ("周某农", "支队长", "长沙市公安局交警支队")} <= posts


def test_a_conjunction_and_a_noun_after_a_title_name_no_one():
    """县市区委书记和市直部门负责同志: 和 joins two kinds of officials, 市直部门 is a noun
    phrase, no 和市直; a Naxi name 和建新 at its line's end stays a person."""
    rec = extract("县市区委书记和市直部门负责同志提拔到四大班子任职的。\n")
    assert not {p for p in rec["posts"] if p["person"].startswith("和")}
    # ... nor 和 and a noun before a second title (组织部部长和党校校长)
    rec = extract("他先后担任华北局常委兼组织部部长和党校校长，华北局副书记。\n")
    assert not {p for p in rec["posts"] if p["person"].startswith("和")} and not names(rec, "Official")
    rec = extract("在州城镇腊坪村，驻村工作队队长、第一书记和建新\n。和建新是农业农村局派驻的干部。\n")
    assert "和建新" in names(rec, "Official")


def test_a_post_held_as_the_news_says_it_after_a_name_the_tagger_reads(monkeypatch):
    tagger_reads(monkeypatch, {"王振林": ("PER", 0.99), "李德华": ("PER", 0.99), "安子文": ("PER", 0.99)})
    rec = extract(COUNTY + "本报讯 由王振林任组长，李德华任副组长。安子文同志作为中共晋冀豫省委统战部部长，开展工作。")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("王振林", "组长"), ("李德华", "副组长"), ("安子文", "统战部部长")} <= posts


def test_a_name_the_tagger_is_sure_of_ends_where_jieba_cuts_a_verb_after_it(monkeypatch):
    # the rules' three characters end in a verb or preposition of the sentence (携, 给)
    tagger_reads(monkeypatch, {"赵超": ("PER", 1.0), "张静": ("PER", 1.0)})
    rec = extract("步长公司副总裁赵超携１５１万元现金赶到。县委书记张静给我们介绍情况。")
    assert {("赵超", "副总裁"), ("张静", "县委书记")} <= {(p["person"], p["title"]) for p in rec["posts"]}
    assert not {"赵超携", "张静给"} & names(rec)
    # a conjunction that joins nothing is the name's last character (聂清和、卜文韬)
    tagger_reads(monkeypatch, {"聂清": ("PER", 0.95)})
    rec = extract("副市长聂清和、卜文韬出席。")
    assert ("聂清和", "副市长") in {(p["person"], p["title"]) for p in rec["posts"]}


def test_titles_after_two_names_run_together_are_each_the_name_befores():
    # a headline without a comma: 总书记 is 江某某's, not a title before 李某
    rec = extract("受江泽民总书记李鹏总理委托，姜春云到张家口慰问灾区军民\n")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("江泽民", "总书记"), ("李鹏", "总理")} <= posts and ("李鹏", "总书记") not in posts


def test_a_longer_foreign_name_the_tagger_is_sure_of_after_a_title(monkeypatch):
    tagger_reads(monkeypatch, {"蒙塔尔托": ("PER", 0.97)})
    rec = extract("新华社瓦莱塔电 马方出席的有工业部长蒙塔尔托，双方就加强合作交换了意见。")
    assert ("蒙塔尔托", "部长") in {(p["person"], p["title"]) for p in rec["posts"]}


def test_a_pronoun_after_a_title_is_no_given_name(monkeypatch):
    tagger_reads(monkeypatch, {"朱某基": ("PER", 0.99)})
    rec = extract("本报讯 １９９２年朱某基副总理来该局视察后指出：煤矿要以产定人。")
    assert not any(n.startswith("来") for n in names(rec)) and "朱某基" in names(rec, "Official")


def test_a_career_after_the_age_lists_each_post_and_stops_at_a_proposed_one():
    posts = _rules_posts("阳某华，51岁，大学文化，曾任衡阳市委常委、副市长，益阳地委副书记、行署专员，"
                         "1995年4月调任岳阳市委书记，拟任某职务主任。\n")
    assert {("阳某华", "市委常委"), ("阳某华", "副市长"), ("阳某华", "地委副书记"),
            ("阳某华", "行署专员"), ("阳某华", "市委书记")} <= posts
    assert ("阳某华", "主任") not in posts


def test_one_title_in_two_bodies_is_two_posts():
    from kg.extractors import components_for
    text = "邵阳市市长孔某志赴京。当时任湘潭市长的孔某志资助了她。"
    rec = to_record(extract_document(document_from_text("t.txt", text), components_for(("rules",))))
    assert {(p["title"], p["org"]) for p in rec["posts"] if p["person"] == "孔某志"} == \
        {("市长", "邵阳市"), ("市长", "湘潭市")}


def test_a_body_that_begins_a_title_is_the_posts_body_and_not_the_next_titles():
    """镇党委|书记, 宣传部|部长, 中共中央政治局|委员: the post is in the body the title begins
    with, as the page names it; that body is not passed on to the next title of the chain
    (国务委员 is no post of the Politburo)."""
    rec = extract(COUNTY + "在石门宋镇，镇党委书记孙立国汇报工作。县委常委、宣传部部长刘东明出席。"
                  "中共中央政治局委员、国务委员柯某映讲话。")
    posts = {(p["person"], p["title"]): p["org"] for p in rec["posts"]}
    assert posts[("孙立国", "镇党委书记")] == "石门宋镇党委"
    assert posts[("刘东明", "宣传部部长")] == "大邑县委宣传部"
    assert posts[("柯某映", "中共中央政治局委员")] == "中共中央政治局"
    assert posts[("柯某映", "国务委员")] is None


def test_names_listed_after_officials_by_role_are_officials():
    rec = extract(CITY + "陪同考察的有关部门负责人还有：王建林、刘晓红、陈立明等。")
    assert {"王建林", "刘晓红", "陈立明"} <= names(rec, "Official")


def test_a_title_after_an_area_and_de_is_a_post_of_that_area():
    """山耳东村的村支书李某明: the village before 的 is the post's body."""
    rec = extract("泽州县下村镇有个山耳东村。记者见到了山耳东村的村支书李某明。")
    assert ("李某明", "村支书", "山耳东村") in {(p["person"], p["title"], p["org"]) for p in rec["posts"]}


def test_a_conjunction_between_two_titled_names_is_no_surname():
    """江泽民总书记和李鹏总理: 和 joins the two, as the tagger reads; no 和李鹏 holds a post."""
    rec = extract("当天下午，江泽民总书记和李鹏总理打电话表示慰问。")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("江泽民", "总书记"), ("李鹏", "总理")} <= posts
    assert not any(person.startswith("和") for person, _ in posts)


def test_a_party_body_is_not_passed_on_to_a_state_office_or_an_areas_head():
    """中共中央总书记、国家主席X: the state office is no post of the Party centre; nor is
    省长 one of the provincial Party committee."""
    posts = {(p["person"], p["title"], p["org"]) for p in extract(
        "中共中央总书记、国家主席江某民发表讲话。河北省委书记、省长叶某松讲话。江苏省常务副省长季某石出席。")["posts"]}
    assert ("江某民", "总书记", "中共中央") in posts and ("江某民", "国家主席", "中共中央") not in posts
    assert ("叶某松", "省长", "河北省委") not in posts
    assert ("季某石", "常务副省长", "江苏省") in posts


def test_an_adverb_and_a_verb_after_a_title_are_no_name():
    rec = extract("美国财政部长曾表示，美元已经十分坚挺。周总理曾亲临剧团排练场。县长王建国说，要抓好春耕。"
                  "在奥地利轮值欧盟主席国期间，他将致力于和平。\n")
    assert not {"曾表示", "曾亲临", "国期间"} & names(rec)
    assert "王建国" in names(rec, "Official")
    # a headline's verb and its time: the premier talks of this year's work
    assert not any(n.endswith("今年") for n in names(extract("越总理谈今年工作指导方针\n正文说明。\n")))


def test_a_surname_called_by_a_title_is_the_one_person_of_that_surname_on_the_page():
    rec = extract("这事惊动了当时的市长白音。几天后，白市长一锤定音：同意搞股份制。\n")
    bai = next(e for e in rec["entities"] if e["name"] == "白音")
    assert [(m["text"], m["rule"]) for m in bai["mentions"]][-1] == ("白", "persons:surname and title")
    assert "白" not in bai["aliases"]          # how the page calls them, not a name of theirs
    # a compound surname (欧阳) too
    rec = extract("副县长欧阳明出席。欧阳县长说，要抓好春耕。\n")
    oy = next(e for e in rec["entities"] if e["name"] == "欧阳明")
    assert [(m["text"], m["rule"]) for m in oy["mentions"]][-1] == ("欧阳", "persons:surname and title")
    # two persons of the surname: the call names neither; a word ending in it calls nobody
    rec = extract("市长白音和副市长白文出席。白市长讲话。我们要提高市长热线的效率，高明说。\n")
    assert not [m for e in rec["entities"] for m in e["mentions"] if m["rule"] == "persons:surname and title"]
    # a word that holds the call and runs on (jieba's 武警官兵/nr) calls no one
    rec = extract("武立天说，啥都不缺。人民解放军、武警官兵冲锋在前。\n")
    assert not [m for e in rec["entities"] for m in e["mentions"] if m["rule"] == "persons:surname and title"]


def test_a_surname_called_by_a_title_where_no_one_of_it_is_named_is_a_person_the_page_calls_so(
        monkeypatch):
    """江主席, 王大娘 alone on a page: a person all the same, named as the page calls
    them, with the surname as the mention (news corpora mark it so). Only where the
    tagger reads the surname, alone or with the call, as a person: 高主任 it does not,
    and 尤伯杯 it reads as 尤伯, a trophy's name that runs on past the call."""
    tagger_reads(monkeypatch, {"王": ("PER", 0.99), "江": ("PER", 0.99), "侯老": ("PER", 0.9),
                               "尤伯": ("PER", 0.99)})
    rec = extract("王大娘在门口扫雪。评论引述江主席的讲话。侯老最用心。高主任说。尤伯杯开赛。\n")
    got = {e["name"]: (e["type"], [m["text"] for m in e["mentions"]], e["aliases"]) for e in rec["entities"]}
    assert got["王大娘"] == ("Person", ["王"], []) and got["江主席"] == ("Official", ["江"], [])
    assert got["侯老"] == ("Person", ["侯"], [])
    assert not {"高主任", "尤伯", "尤伯杯"} & set(got)


def test_old_or_young_before_a_surname_calls_a_person_named_as_printed(monkeypatch):
    """老史: the tagger reads the surname alone, so the surname is the mention; 老李 it
    reads whole, and the mention is whole. Both are named as the page calls them."""
    tagger_reads(monkeypatch, {"史": ("PER", 0.98), "老李": ("PER", 0.99)})
    rec = extract("老史认为，中山装好。老李都来了。\n")
    got = {e["name"]: [m["text"] for m in e["mentions"]] for e in rec["entities"] if e["type"] == "Person"}
    assert got == {"老史": ["史"], "老李": ["老李"]}


def test_a_body_in_a_roster_starts_after_the_person_its_title_chain_names():
    rec = extract("获奖者：贵州省委宣传部宣传处处长雷厚礼西藏自治区话剧团演员边巴。\n")
    assert "雷厚礼" in names(rec, "Official") and "西藏自治区话剧团" in names(rec, "Organization")
    assert not any(n.startswith("雷厚礼") and n != "雷厚礼" for n in names(rec))


def test_a_personnel_notice_gives_and_takes_away_posts():
    """任命某某为某局局长 and 免去某某的某局局长职务 both state the post, with its body."""
    rec = extract("潍坊日报\n经市政府研究决定：\n任命张明华为潍坊市教育局局长；\n"
                  "任命刘海燕为潍坊市卫生健康委员会副主任；\n免去赵国强的潍坊市教育局局长职务。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("张明华", "局长", "潍坊市教育局"), ("刘海燕", "副主任", "潍坊市卫生健康委员会"),
            ("赵国强", "局长", "潍坊市教育局")} <= posts
    assert {"张明华", "刘海燕", "赵国强"} <= names(rec, "Official")



def test_news_of_a_post_taken_states_it_where_the_tagger_reads_the_name(monkeypatch):
    """王立国当选为莘县政协主席: a post; 李红出任…农商银行行长: a firm's, so no office."""
    tagger_reads(monkeypatch, {"王立国": ("PER", 0.99), "李红": ("PER", 0.99)})
    rec = extract("莘县日报\n王立国当选为莘县政协主席。李红出任莘县农商银行行长。全体委员担任好参谋。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("王立国", "主席", "莘县政协"), ("李红", "行长", "莘县农商银行")} <= posts
    assert "王立国" in names(rec, "Official") and "李红" in names(rec, "Person")


def test_a_village_committee_opening_a_title_is_the_titles_not_a_body(monkeypatch):
    # the tagger reads 村委会 of 村委会主任 as a body: the committee of no named village
    tagger_reads(monkeypatch, {"村委会": ("ORG", 0.99), "韦庆山": ("PER", 0.99)})
    rec = extract("苇塘村党支部书记、村委会主任韦庆山介绍，村里流转林地。\n")
    assert "村委会" not in names(rec)
    assert "韦庆山" in names(rec, "Official")


def test_a_chain_goes_on_past_a_body_no_rule_named_between_two_posts():
    """…有限公司副总裁、泛华北方投资董事长X: 泛华北方投资 is the chairman's body, named by
    no rule; the vice-president's post is still read, and the chairman's takes no other
    body's name."""
    rec = extract(CITY + "江某某会见来我市考察的泛华建设集团有限公司副总裁、泛华北方投资董事长罗云兵一行。")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("罗云兵", "副总裁", "泛华建设集团有限公司") in posts
    assert ("罗云兵", "董事长", None) in posts


def test_a_post_held_concurrently_names_its_ministry_and_a_state_office_takes_no_body():
    """国务院副总理兼外交部长: 兼 joins two posts, the second a ministry's (外交部 + 部长);
    中央军委副主席、国务委员: the State Council's office, not the commission's."""
    rec = extract("新华社北京１月１８日电 国务院副总理兼外交部长钱其琛回到北京。"
                  "中央军委副主席、国务委员兼国防部长迟浩田上将会见了来宾。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("钱其琛", "副总理", "国务院"), ("钱其琛", "部长", "外交部"), ("迟浩田", "副主席", "中央军委"),
            ("迟浩田", "国务委员", None), ("迟浩田", "部长", "国防部")} <= posts


def test_diplomats_and_a_governor_general_hold_posts():
    rec = extract("新华社巴格达１月１８日电 伊拉克驻约旦大使馆公使希克迈特·赫朱夫妇及５名伊拉克公民１７日晚遇刺身亡。"
                  "由总督勒布朗和总理克雷蒂安率领的加拿大政府代表团访问了墨西哥。\n")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("希克迈特·赫朱", "公使"), ("勒布朗", "总督")} <= posts
    assert {"希克迈特·赫朱", "勒布朗"} <= names(rec, "Official")


def test_a_deputys_standing_is_part_of_the_title():
    rec = extract("中央党校常务副校长汪家镠主持毕业典礼。中国足协专职副主席张吉龙出席。英国副首相普雷斯科特表示欢迎。"
                  "团中央书记处常务书记周强讲话。\n")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("汪家镠", "常务副校长"), ("张吉龙", "专职副主席"), ("普雷斯科特", "副首相"), ("周强", "常务书记")} <= posts


def test_a_post_in_the_clause_before_a_comma_is_no_link_of_the_chain():
    """夏赫连任亚足联主席，中国足协副主席张吉龙…: the chair is the object of 连任 in the
    clause before; 市委常委、宣传部部长，统战部部长X (a chain that begins its clause) goes on."""
    rec = extract("马来西亚的夏赫连任亚足联主席，中国足协专职副主席张吉龙当选亚足联副主席。"
                  "武警部队朱曙光中将，全军计生办主任王夫棠出席。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("张吉龙", "主席", "亚足联") not in posts and ("张吉龙", "副主席", "亚足联") in posts
    assert not any(p[0] == "王夫棠" and p[1] == "中将" for p in posts)


def test_a_post_names_its_body_past_a_tenure_word_and_a_country_glued_to_the_title():
    """国际足联新任主席, 南非前总统: the body before the tenure word; 德国总理 is one word
    to jieba, the country is the post's all the same; 外相 and 行政长官 are posts."""
    rec = extract("这与国际足联新任主席布拉特的态度有关。南非前总统博塔否认有罪。德国总理科尔和意大利总理"
                  "普罗迪互通电话。日本外相小渊惠三出席。特区行政长官董建华致电慰问。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("布拉特", "主席", "国际足联"), ("博塔", "总统", "南非"), ("科尔", "总理", "德国"),
            ("小渊惠三", "外相", "日本")} <= posts
    assert any(p[0] == "董建华" and p[1] == "行政长官" for p in posts)


def test_a_title_in_brackets_after_a_name_is_its_post():
    """闵某良（农业部市场信息司司长）：, 甘某英（曾任北京市政协副主席）: a forum prints each
    speaker with the post in brackets; brackets that close on no title give none."""
    rec = extract("座谈会上发言摘要\n闵某良（农业部市场信息司司长）：市场很重要。\n"
                  "甘某英（曾任北京市政协副主席）：好。\n李某华（附图片１张）：好。\n")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("闵某良", "司长", "农业部市场信息司"), ("甘某英", "副主席", "北京市政协")} <= posts
    assert not {p for p in posts if p[0] == "李某华"}
    # the end of a word jieba knows is no name before the brackets (首席交|易员（…）)
    rec = extract("他一直是前台的首席交易员（而且是后台结算主管），又是后台的结算主管。\n")
    assert not rec["posts"] and "易员" not in names(rec)


def test_a_heading_that_begins_with_a_verb_is_no_speaker(monkeypatch):
    """查阅制：上级纪委… heads a rule of inspection (查阅, to inspect); 王某国：… is a speaker."""
    tagger_reads(monkeypatch, {"王某国": ("PER", 0.99)})
    rec = extract("查阅制：上级纪委每年年终查阅下级党委常委会记录。\n王某国：我认为很好。\n")
    assert names(rec, "Person") == {"王某国"}


def test_the_foreign_ministers_short_title_takes_no_body_before_it_in_a_chain():
    """国务院副总理兼外长: the foreign minister is no post of the State Council; 俄罗斯外长
    is Russia's."""
    posts = {(p["person"], p["title"], p["org"]) for p in extract(
        "国务院副总理兼外长钱某琛会见了俄罗斯外长普某马科夫。\n")["posts"]}
    assert {("钱某琛", "副总理", "国务院"), ("钱某琛", "外长", None), ("普某马科夫", "外长", "俄罗斯")} <= posts


@pytest.mark.parametrize("text, misread, person", [
    # 江主席 is 江泽民 again: 向 (to) is a surname too, but 向江 is no name
    ("江泽民主席访美期间接见了王某廉先生。王某廉向江主席透露了此项计划。\n", "向江", "江泽民"),
    # 孙老将军: 老 honours the general the page named, 孙老 is no name
    ("孙某毅将军今年九十岁。墙壁上挂着孙老将军与名家的书画作品。\n", "孙老", "孙某毅"),
])
def test_a_surname_before_a_title_is_the_person_the_page_named_in_full(text, misread, person):
    rec = extract(text)
    assert misread not in names(rec)
    assert len(next(e for e in rec["entities"] if e["name"] == person)["mentions"]) == 2


def test_a_preposition_before_a_surname_the_tagger_reads_alone_is_no_name(monkeypatch):
    """向|周总理: the page names 周某来 without his title after the name, but the tagger
    reads the surname alone as the person, so 向周 is no premier."""
    tagger_reads(monkeypatch, {"周": ("PER", 0.99), "周某来": ("PER", 0.99)})
    rec = extract("周某来一生简朴。许多人都想向周总理表达敬意。\n")
    assert "向周" not in names(rec) and not [p for p in rec["posts"] if p["person"] == "向周"]
    # ... nor after a title (周总理|向|毛主席), where the surname alone is no name either
    tagger_reads(monkeypatch, {"周": ("PER", 0.99), "毛": ("PER", 0.99), "毛某东": ("PER", 0.99)})
    rec = extract("毛某东说，好。这次调动是周总理向毛主席提出的。\n")
    assert not {"向毛", "毛"} & names(rec) and not [p for p in rec["posts"] if p["person"] in ("向毛", "毛")]


def test_a_dotted_name_ends_before_when():
    """会见法国外长于某尔·韦某里纳时说: 时 (when) closes the clause, the name ends before it."""
    rec = extract("江某民会见法国外长于某尔·韦某里纳时说，韦某里纳表示感谢。\n")
    assert "于某尔·韦某里纳" in names(rec) and not any(n.endswith("时") for n in names(rec))


def test_a_title_whose_last_character_begins_an_idiom_is_no_title():
    """游乐设施自会长盛不衰: 会|长盛不衰 (will flourish long), no 会长 before a name."""
    rec = extract("真正带有民族文化情调的游乐设施自会长盛不衰。\n")
    assert not rec["posts"] and not names(rec, "Person") | names(rec, "Official")


def test_a_name_after_a_title_that_cuts_the_word_after_it_is_none():
    """强硬派议员都反对撤军: 都 (all) is a surname's character, but 都反 cuts 反对 (oppose),
    and the tagger reads no person there."""
    rec = extract("议会中多数强硬派议员都反对从约旦河西岸撤军。\n")
    assert not names(rec, "Official") | names(rec, "Person") and not rec["posts"]


def test_a_surname_and_a_verb_of_saying_before_a_colon_is_no_name():
    """许答：“…” (Xu answered): no person 许答; 李某道：… is a speaker of three characters."""
    rec = extract("许答：“余曾亲见相识之中国人被杀。”\n李某道：我认为很好。\n")
    assert "许答" not in names(rec) and "李某道" in names(rec, "Person")


def test_a_tagged_name_ending_in_a_particle_is_none(monkeypatch):
    """我姓聂啊 (my surname is Nie): the tagger's 聂啊 ends in 啊, a sentence's particle."""
    tagger_reads(monkeypatch, {"聂啊": ("PER", 0.99)})
    assert not names(extract("昨天王者荣耀我姓聂啊\n"), "Person")


def test_a_verb_and_a_place_after_a_title_are_no_name():
    """外国的煤炭部长来东滩: 来 (came) is a surname's character, but jieba reads it a verb
    and 东滩 a place; the tagger reads no person there."""
    rec = extract("去年就有３个外国的煤炭部长来东滩，十几个国家的客人来参观。\n")
    assert "来东滩" not in names(rec) and not rec["posts"]


def test_a_title_before_a_clause_of_when_anchors_no_name():
    """接见…政府部长时作上述表示: 时 after the title opens a clause of when (jieba reads
    时作 as one unknown word), as 曾 (once) before a verb does; a surname 时 or 曾 with its
    given name after a title still is one."""
    rec = extract("萨达姆是在接见政府部长时作上述表示的。江某民总书记曾讲到一句古语。\n")
    assert not {"时作", "曾讲"} & names(rec)
    assert {"时某祥", "曾某红"} <= names(extract("北京市市长时某祥说，好。国家副主席曾某红说，好。\n"))
    # ... or a preposition before a time (曾|于去年１２月致函)
    rec = extract("叶某钦总统曾于去年１２月１７日致函独联体各国元首。总统曾在今年１月发表讲话。\n")
    assert not {"曾于", "曾在"} & names(rec)


def test_a_dotted_name_after_a_title_takes_the_taggers_longer_reading():
    """阿不来提·阿不都热西提: the rules end the dotted name before 都 (read as the adverb
    all); the tagger, sure of the whole name, gives its end."""
    rec = extract("新疆维吾尔自治区主席阿某来提·阿不都热西提在团拜会上发表了祝词。\n")
    assert "阿某来提·阿不都热西提" in names(rec, "Official")


def test_a_function_character_a_sure_name_ends_on_before_a_verb_is_the_names():
    """局长张人为指出: the rules end the name before 为 (a function character); the
    tagger is sure of 张人为, and a verb follows it. 局长张三为大家讲课 keeps 张三."""
    rec = extract("国家建材局局长张人为指出，短缺经济基本结束。局长张三为大家讲课。\n")
    assert {"张人为", "张三"} <= names(rec, "Official")


def test_a_dash_joins_a_transliterated_names_parts(monkeypatch):
    """威廉—格拉夫, 尼赫鲁—甘地: papers join a foreign name's parts with a dash as with a
    dot; two dashes set a clause apart and join no name."""
    tagger_reads(monkeypatch, {"威廉—格拉夫": ("PER", 0.99), "罗德——拉森": ("PER", 0.99)})
    rec = extract("德国绿党农业政策发言人威廉—格拉夫１９日在德意志电台说，猪瘟已得到控制。"
                  "会上罗德——拉森等人发言。\n")
    assert "威廉—格拉夫" in names(rec, "Person")
    assert not any("——" in n for n in names(rec))


def test_a_title_whose_tail_begins_an_areas_name_anchors_no_person():
    """划入了上海市长宁区: 市长 reads inside 上海市|长宁区; the district begins at its 长,
    so no person 宁区 holds a mayor's post."""
    rec = extract("双泾村随着新泾乡一起划入了上海市长宁区。\n")
    assert "长宁区" in names(rec, "District")
    assert not rec["posts"] and not names(rec, "Official")
