"""Each extractor component on sentence patterns of the genre (names invented, patterns real)."""
from __future__ import annotations

import pytest

from kg.extraction import extract_document, to_record
from kg.reader import document_from_text

CITY = "聊城讯 聊城市召开会议。\n"          # a city paper: 市 means 聊城市
DISTRICT = "东昌府讯 东昌府区召开会议。\n"   # a district paper: 区 means 东昌府区


def _rec(text: str) -> dict:
    return to_record(extract_document(document_from_text("t.txt", text)))


def _ents(rec, type_=None) -> set[str]:
    return {e["name"] for e in rec["entities"] if type_ is None or e["type"] == type_}


def _rels(rec) -> set[tuple[str, str, str]]:
    return {(r["head"], r["rel"], r["tail"]) for r in rec["relations"]}


# ---- organisations -------------------------------------------------------------

def test_party_department_after_committee_title_belongs_to_the_committee():
    rec = _rec(CITY + "本报讯（记者 王某）市委常委、宣传部部长李建国出席活动。")
    assert {"聊城市委", "聊城市委宣传部"} <= _ents(rec, "Agency")
    assert ("聊城市委宣传部", "subOrganizationOf", "聊城市委") in _rels(rec)


def test_committee_and_government_written_as_one_are_two_bodies_of_the_area():
    rec = _rec("泽州县委县政府高度重视这项工作。\n")
    assert {"泽州县委", "泽州县政府"} <= _ents(rec, "Agency") and "泽州县委县政府" not in _ents(rec)
    assert {("泽州县委", "subOrganizationOf", "泽州县"), ("泽州县政府", "subOrganizationOf", "泽州县")} <= _rels(rec)
    assert {"聊城市委", "聊城市政府"} <= _ents(_rec(CITY + "市委市政府召开会议。"), "Agency")


def test_a_countrys_government_is_a_body_of_that_country():
    rec = _rec("泰国政府发起了援助运动，泰国财政部表示支持。\n")
    assert {"泰国政府", "泰国财政部"} <= _ents(rec, "Agency") and "泰国" in _ents(rec, "District")
    assert {("泰国政府", "subOrganizationOf", "泰国"), ("泰国财政部", "subOrganizationOf", "泰国")} <= _rels(rec)
    assert "法治政府" not in _ents(_rec("建设法治政府是一项长期任务。\n"))   # a kind of government


def test_a_list_whose_first_body_names_its_area_shares_it():
    rels = _rels(_rec("阳谷县召开会议。领导看望了阳谷县东方化工厂、光明纺织厂和利民造纸厂的职工。\n"))
    assert {("光明纺织厂", "locatedIn", "阳谷县"), ("利民造纸厂", "locatedIn", "阳谷县")} <= rels
    # 与 joins partners, not a list: the partner is not placed by the first's area (on a
    # page of two counties, where no one county is the article's setting either)
    rels = _rels(_rec("阳谷县和莘县召开会议。阳谷县东方化工厂与光明纺织厂深度合作。\n"))
    assert ("光明纺织厂", "locatedIn", "阳谷县") not in rels


def test_party_unit_before_a_title_is_a_title_unless_a_community_owns_it():
    rec = _rec(CITY + "省文联党组书记、副主席张文明，育新社区党委书记刘平安出席。")
    assert "育新社区党委" in _ents(rec, "Agency")
    assert not any(n.endswith("文联党组") for n in _ents(rec))
    assert ("张文明", "党组书记") in {(p["person"], p["title"]) for p in rec["posts"]}


def test_words_ending_in_a_head_character_are_not_bodies():
    rec = _rec(CITY + "优化产业布局，走进警民会客厅，签署合作协议，服务落到实处。")
    assert not _ents(rec, "Agency")


def test_generic_party_units_and_kinds_of_business_are_not_named():
    rec = _rec(CITY + "累计成立525个小区党支部，辖区内诊所全部备案，国内银行积极参与。")
    assert not (_ents(rec, "Agency") | _ents(rec, "Company"))


def test_parent_company_without_suffix_from_subsidiary_sentence():
    rec = _rec(CITY + "山东恒泰新材料有限公司是行业龙头企业恒远华泰的全资子公司。")
    assert "恒远华泰" in _ents(rec, "Company")
    assert ("山东恒泰新材料有限公司", "subsidiaryOf", "恒远华泰") in _rels(rec)


def test_a_subtitles_portrait_word_is_no_part_of_the_name():
    rec = _rec("小冰棍闯出大市场——记聊城市东方实业集团股份有限公司\n本报记者 王某\n聊城市东方实业集团股份有限公司发展很快。\n")
    assert "聊城市东方实业集团股份有限公司" in _ents(rec, "Company")
    assert not any(n.startswith("记") for n in _ents(rec))


# ---- districts ---------------------------------------------------------------------

def test_county_short_form_needs_its_city_in_play():
    rec = _rec(CITY + "惠民服务落到实处，冠县、阳谷两地联动。")
    assert "惠民县" not in _ents(rec)          # a county of another city
    assert "阳谷县" in _ents(rec, "District")  # a county of this paper's city


def test_words_ending_in_town_suffixes_are_not_towns():
    rec = _rec(CITY + "他表达出对故乡的思念，现场坐镇指挥，走进农村。")
    assert not _ents(rec, "District") - {"聊城市"}


def test_names_inside_a_title_are_not_entities():
    rec = _rec(CITY + "电影《回西藏》获奖。")
    assert "西藏自治区" not in _ents(rec)


def test_bare_development_zone_takes_the_city_name():
    rec = _rec(CITY + "在高新区先锋社区党群服务中心，居民学习编织。近年来，先锋社区建设了功能室。")
    assert "聊城高新区" in _ents(rec, "District")
    assert "先锋社区党群服务中心" in _ents(rec, "Agency")
    assert ("先锋社区", "locatedIn", "聊城高新区") in _rels(rec)


# ---- persons -------------------------------------------------------------------------

def test_occupation_after_name_is_a_post_and_adverbs_are_no_names():
    rec = _rec(CITY + "家住冠县清泉中学家属院的王培文老师高兴地说，电梯很方便。")
    assert "王培文" in _ents(rec, "Person")
    assert ("王培文", "老师") in {(p["person"], p["title"]) for p in rec["posts"]}
    assert "高兴地" not in _ents(rec) and "高兴" not in _ents(rec)


def test_quoted_title_before_name_makes_an_official():
    rec = _rec(DISTRICT + "本报讯（记者 王某）东昌府区闫寺街道凤凰集村“田长”郎百川开始巡田。")
    assert "郎百川" in _ents(rec, "Official")


def test_a_transliterated_name_ends_before_a_time_word_and_its_parts_name_it_again():
    rec = _rec("美国总统比尔·克林顿今天说，两国关系很重要。克林顿还说他很高兴。\n")
    people = {e["name"]: e for e in rec["entities"] if e["type"] in ("Person", "Official")}
    assert set(people) == {"比尔·克林顿"} and "克林顿" in people["比尔·克林顿"]["aliases"]
    rec = _rec("会长素博塔·玛莎立先生捐出了黄金。素博塔说，这次兑换很重要。\n")
    assert "素博塔" not in _ents(rec) and "素博塔·玛莎立" in _ents(rec)


def test_the_people_of_a_firm_or_place_who_speak_are_not_a_person():
    rec = _rec("伊利人说：不让利，就没有市场。王建华说，这是实话。\n")
    assert "伊利人" not in _ents(rec) and "王建华" in _ents(rec, "Person")


def test_a_school_of_both_levels_is_the_one_school_of_its_name():
    ents = {e["name"]: e for e in _rec(CITY + "这里有一座聊城市明德中学。大环线、明德中小学等项目相继建成。")["entities"]}
    assert "明德中小学" in ents["聊城市明德中学"]["aliases"] and "明德中小学" not in ents
    # two schools of that name (a 中学 and a 小学): which one is meant is not known
    assert "明德中小学" in _ents(_rec(CITY + "明德中学和明德小学都在城里。明德中小学的说法不准确。"))


# ---- initiatives ---------------------------------------------------------------------

def test_quote_list_shares_the_verdict_of_its_head():
    rec = _rec(DISTRICT + "东昌府区创新“支部建在小区上”“三建两清”“红色物业”等举措。")
    assert {"支部建在小区上", "三建两清", "红色物业"} <= _ents(rec, "Initiative")


def test_head_noun_a_few_words_after_the_quote():
    rec = _rec(CITY + "聊城市老区促进会“红色暖阳”帮扶救助行动启动仪式举行。")
    assert "红色暖阳" in _ents(rec, "Initiative")


def test_negated_models_and_figures_of_speech_are_not_initiatives():
    rec = _rec(DISTRICT + "打破“机关化”办公模式，打造物资储备“新模式”。")
    assert not _ents(rec, "Initiative")


def test_numbered_quote_takes_its_head_as_name():
    rec = _rec(CITY + "聊城市2022年“119”消防宣传月活动启动仪式举行。")
    assert "119消防宣传月" in _ents(rec, "Initiative")


def test_meetings_of_an_area_and_numbered_events():
    rec = _rec(CITY + "我市召开全市高校毕业生就业创业工作视频会议。电影获第36届中国电影金鸡奖。")
    assert "聊城市高校毕业生就业创业工作视频会议" in _ents(rec, "Initiative")
    assert "中国电影金鸡奖" in _ents(rec, "Initiative")


# ---- relations -----------------------------------------------------------------------

def test_clause_subject_runs_the_initiative_not_the_nearest_body():
    rec = _rec(CITY + "今年，冠县以党建引领推进“红色物业”建设，相继成立县物业服务行业党委，"
                      "构建了“四位一体”协调服务治理新模式。")
    rels = _rels(rec)
    assert ("冠县", "runs", "红色物业") in rels and ("冠县", "runs", "四位一体") in rels
    assert ("冠县物业服务行业党委", "subOrganizationOf", "冠县") in rels


def test_co_hosts_run_the_event_and_cooperate():
    rec = _rec(CITY + "本报讯（记者 王某）9月20日，“翰墨飘香”书画展在聊城市博物馆举行。\n"
                      "本次书画展由聊城书画研究院与聊城市书画交流协会共同主办。")
    rels = _rels(rec)
    assert ("聊城书画研究院", "runs", "翰墨飘香") in rels
    assert ("聊城市书画交流协会", "runs", "翰墨飘香") in rels
    assert any(r[1] == "cooperatesWith" and {r[0], r[2]} == {"聊城书画研究院", "聊城市书画交流协会"}
               for r in rels)


def test_located_in_from_a_weiyu_sentence():
    rec = _rec(CITY + "山东恒泰新材料有限公司位于莘县化工产业园，年产值10亿元。")
    assert ("山东恒泰新材料有限公司", "locatedIn", "莘县化工产业园") in _rels(rec)


# ---- optional statistical component -------------------------------------------------------

def test_lac_is_off_by_default_and_adds_unanchored_names_when_on():
    from kg.extraction import extract_document
    from kg.extractors import DEFAULT, components_for

    rules = components_for(("rules",))
    text = CITY + "彭晓峰认为，这项政策很及时。"
    assert "lac" not in DEFAULT and "tagger" in DEFAULT and "tagger" not in rules
    plain = to_record(extract_document(document_from_text("t.txt", text), rules))
    assert "彭晓峰" in _ents(plain, "Person")           # a speech verb anchors it for the rules
    text = CITY + "今天彭晓峰和同事一起去了现场。"
    plain = to_record(extract_document(document_from_text("t.txt", text), rules))
    with_lac = to_record(extract_document(document_from_text("t.txt", text), components_for(("lac",))))
    assert "彭晓峰" not in _ents(plain)
    assert "彭晓峰" in _ents(with_lac, "Person")


def test_unknown_ner_component_is_refused_by_name():
    import pytest

    from kg.extractors import components_for

    with pytest.raises(ValueError, match="spacy"):
        components_for(("spacy",))


# ---- papers of other places ---------------------------------------------------------------

def test_county_level_city_paper_resolves_wo_shi_to_itself():
    rec = _rec("曲阜日报\n\n2023年9月12日\n\n本报讯（记者 孔某）全市推进会召开。"
               "市委副书记、市长刘建国出席。市行政审批服务局负责人发言。")
    city = next(e for e in rec["entities"] if e["name"] == "曲阜市")
    assert city["code"].startswith("3708") and "全市" in city["aliases"]
    assert {"曲阜市委", "曲阜市行政审批服务局"} <= _ents(rec, "Agency")
    assert {(p["person"], p["title"], p["org"]) for p in rec["posts"]} >= {
        ("刘建国", "市长", "曲阜市"), ("刘建国", "市委副书记", "曲阜市委")}


def test_title_does_not_cut_the_place_before_it():
    rec = _rec(CITY + "尼山镇党委书记赵国栋表示，将持续推进乡村振兴。")
    assert ("赵国栋", "书记", "尼山镇党委") in {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert not any("乡村" in n or n.endswith("振兴") for n in _ents(rec, "District"))


def test_county_media_centre_page_people_congress_village_and_bank_branch():
    rec = _rec("莒县融媒\n\n2024年3月8日\n\n县十九届人大三次会议隆重开幕\n\n融媒体记者 王晓东\n\n"
               "3月7日上午，县人大常委会主任韩德福出席会议。"
               "浮来山街道东莞村党支部书记刘红梅组建“红马甲”志愿服务队。"
               "日照银行莒县支行行长杜明远表示支持。")
    assert rec["masthead"]["paper"] == "莒县融媒" and rec["articles"][0]["title"] == "县十九届人大三次会议隆重开幕"
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("韩德福", "主任", "莒县人大常委会") in posts
    assert ("杜明远", "行长", "日照银行莒县支行") in posts
    assert "东莞村党支部" in _ents(rec, "Agency") and "东莞市" not in _ents(rec)
    assert "红马甲志愿服务队" in _ents(rec, "Organization") and "红马甲" not in _ents(rec, "Initiative")


def test_zone_committee_and_this_body_references():
    rec = _rec("潍坊日报\n\n本报讯（记者 刘某）高新区管委会主任李海涛表示支持。"
               "潍坊市人民医院开展义诊活动，该院院长马建军介绍了情况。")
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("李海涛", "主任", "潍坊高新区管委会") in posts
    assert ("马建军", "院长", "潍坊市人民医院") in posts


def test_paper_area_guess_ignores_market_and_county_short_forms():
    from kg.extractors.districts import _area_votes

    votes = _area_votes("加强合作市场建设，推进智慧东昌建设。聊城市委召开会议。")
    assert "合作市" not in votes and "东昌" not in votes
    assert votes["聊城市"] == 1


def test_town_headline_village_branch_and_cooperative_in_a_county_city_paper():
    rec = _rec("林州日报\n\n2023年11月20日\n\n姚村镇：“党建+合作社”带富一方\n"
               "姚村镇推行“党建+合作社”发展模式。该镇西丰村党支部书记张国强带领群众成立"
               "林州市丰源种植专业合作社。村民王秀英高兴地说，收入高了。姚村镇镇长刘伟介绍了经验。"
               "我市红旗渠经济技术开发区举行开工仪式。")
    assert "姚村镇" in _ents(rec, "District") and "姚村镇" not in _ents(rec, "Person")
    assert "西丰村党支部" in _ents(rec, "Agency")
    assert "林州市丰源种植专业合作社" in _ents(rec, "Company")
    assert "王秀英" in _ents(rec, "Person")
    assert ("刘伟", "镇长", "姚村镇") in {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert ("红旗渠经济技术开发区", "locatedIn", "林州市") in _rels(rec)


def test_numbered_road_community_doctors_and_slogans():
    rec = _rec("滨州日报\n\n本报讯（记者 秦某）调研组来到滨城区市中街道黄河五路社区。"
               "滨州城投集团有限公司副总经理孙立明汇报了项目进展。"
               "滨州市中心医院心血管内科主任医师陈红表示满意。要坚持“以人民为中心”的发展思想。")
    assert "黄河五路社区" in _ents(rec, "District") and "黄河" not in _ents(rec)
    assert not any(n.endswith("内科") for n in _ents(rec))
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("孙立明", "副总经理"), ("陈红", "主任医师")} <= posts
    assert "以人民为中心" not in _ents(rec, "Initiative")


def test_a_surname_character_inside_a_noun_phrase_is_no_name():
    rec = _rec(CITY + "征求市场监督管理、税务等行业主管部门意见后，颁发了标识牌。")
    assert not (_ents(rec, "Person") | _ents(rec, "Official"))


# ---- generalisation to other cities' papers --------------------------------------

COUNTY = "大邑融媒\n2024年9月6日\n本报讯 大邑县召开会议。\n"   # a county paper: 县 means 大邑县


def test_regional_surnames_and_reporting_verbs_end_a_name_after_a_title():
    rec = _rec(COUNTY + "本报讯 副县长冉某英、税俊某，县政府办公室主任岳明某列席会议。"
               "华兴村党总支书记赖德某说，好。")
    assert {"冉某英", "税俊某", "岳明某", "赖德某"} <= _ents(rec, "Official")


def test_rare_surnames_of_the_hundred_families_and_after_a_title():
    rec = _rec(COUNTY + "本报讯 县委书记笪某林主持会议，副县长宓某华、甯某文参加。"
               "镇党委书记禚某东介绍了情况。宇文某平说，好。")
    assert {"笪某林", "宓某华", "甯某文", "禚某东"} <= _ents(rec, "Official")
    assert "宇文某平" in _ents(rec, "Person")


def test_a_title_inside_a_word_or_before_an_ordinal_starts_no_name():
    rec = _rec(COUNTY + "本报讯 推动小区长效管理。县长第五次来到村里。")
    assert not (_ents(rec, "Person") | _ents(rec, "Official"))


def test_posts_in_a_business_are_no_public_office_but_a_hospitals_are():
    rec = _rec(COUNTY + "本报讯 在大邑县青岚林产有限公司，公司党委书记、董事长程远山介绍情况。"
               "大邑县禾丰种植专业合作社理事长姜立平说，好。"
               "大邑县江滨中医医院开展义诊。医院院长孔德明带领专家问诊。"
               "县人大代表、大邑县森源集团董事长林川平建议减负。")
    people, officials = _ents(rec, "Person"), _ents(rec, "Official")
    assert {"程远山", "姜立平"} <= people and {"孔德明", "林川平"} <= officials
    posts = {(p["person"], p["title"], p["org"]) for p in rec["posts"]}
    assert {("程远山", "党委书记", "大邑县青岚林产有限公司"), ("孔德明", "院长", "大邑县江滨中医医院"),
            ("林川平", "人大代表", None)} <= posts


def test_a_name_ends_before_the_word_its_last_character_starts_and_roles_before_names():
    rec = _rec(COUNTY + "本报讯 镇党委书记柴某栋，镇长宇文玲陪同检查。种植大户俞某顺说：“好。”")
    assert "宇文玲" in _ents(rec, "Official") and "俞某顺" in _ents(rec, "Person")


def test_towns_jieba_keeps_whole_or_glues_to_a_preposition():
    rec = _rec(COUNTY + "本报讯 在安仁镇，走进华兴村。在泽雅镇，一家公司成立。"
               "泽雅镇纸山村党支部书记胡建某说，好。")
    assert {"安仁镇", "泽雅镇", "纸山村"} <= _ents(rec, "District")
    assert not {"在泽雅镇", "泽雅镇纸山村"} & _ents(rec)


def test_bodies_of_the_town_or_village_an_article_is_about():
    rec = _rec(COUNTY + "本报讯 6月15日，安仁镇召开推进会。镇党委书记陆某峰要求，好。\n"
               "本报讯 走进华兴村，村党支部书记、村委会主任巩某才说，好。\n"
               "本报讯 娄桥街道召开会议。街道党工委副书记、办事处主任林某晖部署工作。")
    assert {"安仁镇党委", "华兴村党支部", "娄桥街道党工委"} <= _ents(rec, "Agency")
    assert ("安仁镇党委", "subOrganizationOf", "安仁镇") in _rels(rec)
    titles = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("林某晖", "副书记"), ("林某晖", "主任")} <= {(n, t[-3:] if t.endswith("副书记") else t)
                                                        for n, t in titles}


def test_a_department_belongs_to_its_committee_not_also_to_the_area():
    rec = _rec(COUNTY + "本报讯 县委宣传部、县公安局晋原派出所开展活动。大邑经济开发区管委会主任伊某武说，好。")
    rels = _rels(rec)
    assert ("大邑县委宣传部", "subOrganizationOf", "大邑县委") in rels
    assert ("大邑县委宣传部", "subOrganizationOf", "大邑县") not in rels
    assert ("大邑县公安局晋原派出所", "subOrganizationOf", "大邑县") not in rels
    assert ("大邑经济开发区管委会", "subOrganizationOf", "大邑县") not in rels


def test_personnel_notice_puts_the_name_before_its_posts():
    rec = _rec("邢台日报\n2024年11月20日\n干部任前公示\n"
               "裴某新，男，汉族，1976年5月生，中共党员，现任邢台市生态环境局副局长，拟任县政府副职。\n"
               "车某清，女，汉族，1982年9月生，现任南和区委办公室主任，拟任乡镇党委书记。\n")
    assert {"裴某新", "车某清"} <= _ents(rec, "Official")
    assert {"邢台市生态环境局", "南和区委办公室"} <= _ents(rec, "Agency")
    assert not any(n.startswith("现任") for n in _ents(rec))
    assert {(p["person"], p["title"]) for p in rec["posts"]} >= {("裴某新", "副局长"), ("车某清", "主任")}


def test_portfolio_members_teams_and_prepositions_after_titles():
    rec = _rec(COUNTY + "本报讯 晋原街道党工委委员、宣传委员简某娜介绍，好。派出所所长伍某刚带领民警向群众发放资料。"
               "紫薇社区舞蹈队参加比赛。大邑经济开发区与某集团签约。大邑经开区管委会主任伊某武说，好。")
    assert ("简某娜", "宣传委员") in {(p["person"], p["title"]) for p in rec["posts"]}
    assert "向群众" not in _ents(rec)
    assert "紫薇社区舞蹈队" in _ents(rec, "Organization")
    assert "大邑经开区" not in _ents(rec, "District")        # an alias of 大邑经济开发区


def test_quoted_programmes_before_meetings_and_events_and_unquoted_schemes():
    rec = _rec(CITY + "本报讯 某街道召开“共富工坊”建设推进会。区工商联召开“百企联百村”结对帮扶工作推进会。"
               "千灯湖公园迎来“湖畔春季游园会”。"
               "县里还建立了蚕丝制品质量追溯制。我市今年实施的背街小巷整治提升工程已开工。")
    assert {"共富工坊", "百企联百村", "湖畔春季游园会", "蚕丝制品质量追溯制",
            "背街小巷整治提升工程"} <= _ents(rec, "Initiative")
    assert "百企联百村" not in _ents(rec, "District")


def test_generic_schemes_are_not_named():
    rec = _rec(CITY + "本报讯 各地开展专项整治行动，建立健全长效机制。")
    assert not _ents(rec, "Initiative")


def test_town_names_ending_in_cheng_and_after_a_preposition():
    rec = _rec(CITY + "本报讯 医院还在东城街道柳荫河社区开展义诊。反诈宣传进社区。")
    assert {"东城街道", "柳荫河社区"} <= _ents(rec, "District")
    assert not {"柳荫河", "城街道柳荫河"} & _ents(rec)
    assert not any("进社区" in n for n in _ents(rec))


def test_streets_drop_the_area_before_them_and_roads_of_speech_are_no_places():
    rec = _rec(CITY + "本报讯 其中，东昌府区柳荫西大街的春华小区改造已完工。\n小山楂串起致富路\n")
    assert "柳荫西大街" in _ents(rec, "Place")
    assert "东昌府区柳荫西大街" not in _ents(rec)
    assert not any(n.endswith("致富路") for n in _ents(rec))


def test_firms_and_associations_keep_the_areas_of_their_registered_names():
    rec = _rec(CITY + "本报讯 佛山市南海区灯饰商会、温州藤桥强村发展有限公司等32家商协会和企业签订协议。")
    assert "佛山市南海区灯饰商会" in _ents(rec, "Organization")
    assert "温州藤桥强村发展有限公司" in _ents(rec, "Company")
    assert not {"家商协会", "南海区灯饰商会"} & _ents(rec)


def test_the_captain_of_a_private_team_is_no_official():
    rec = _rec(COUNTY + "本报讯 晋原街道紫薇社区舞蹈队队长芮某梅说：“好。”")
    assert "芮某梅" in _ents(rec, "Person")



def test_the_head_of_a_school_with_a_board_is_no_official():
    # a board chairman makes the school a private one: its principal holds no office,
    # while a public school's principal does
    rec = _rec(COUNTY + "本报讯 育才中学董事长、校长周某林对记者说，学校扩建了。县第一中学校长吴某平说，好。")
    assert "周某林" in _ents(rec, "Person") and "吴某平" in _ents(rec, "Official")

# ---- relations in other cities' papers -------------------------------------------

def test_trademarks_apps_awards_classes_and_what_is_registered_or_set_up_are_initiatives():
    rec = _rec(COUNTY + "本报讯 大邑县禾丰种植专业合作社理事长姜立平说，合作社注册了“禾风香”商标。"
               "居民通过“邻安e站”小程序上报。本次“乡村好园丁”评选，共表彰教师58名。校企共建“远航订单班”。"
               "社区在小区内设置了“邻里茶话角”。")
    assert {"禾风香", "邻安e站", "乡村好园丁", "远航订单班", "邻里茶话角"} <= _ents(rec, "Initiative")
    # the bare 合作社 of the clause is the cooperative named before, not the page's county
    assert ("大邑县禾丰种植专业合作社", "runs", "禾风香") in _rels(rec)


def test_hosts_after_you_run_the_event_and_listed_hosts_cooperate():
    rec = _rec(COUNTY + "大邑讯 由县委宣传部、县文化馆主办，县融媒体中心承办的第二届“鹤某杯”群众文艺汇演开幕。")
    rels = _rels(rec)
    assert {("大邑县委宣传部", "runs", "鹤某杯"), ("大邑县文化馆", "runs", "鹤某杯"),
            ("大邑县融媒体中心", "runs", "鹤某杯")} <= rels
    assert ("大邑县委宣传部", "cooperatesWith", "大邑县文化馆") in rels or \
        ("大邑县文化馆", "cooperatesWith", "大邑县委宣传部") in rels


def test_joint_action_and_a_partner_named_with_its_province():
    rec = _rec(COUNTY + "本报讯 县公安局联合县人民法院、县司法局开展宣传。县住建局、县城管局将联合开展检查。"
               "大邑县与贵州省黔西市签订协作协议。")
    pairs = {frozenset((h, t)) for h, r, t in _rels(rec) if r == "cooperatesWith"}
    assert {frozenset(("大邑县公安局", "大邑县人民法院")), frozenset(("大邑县公安局", "大邑县司法局")),
            frozenset(("大邑县住建局", "大邑县城管局")), frozenset(("大邑县", "黔西市"))} <= pairs
    assert frozenset(("大邑县", "贵州省")) not in pairs


def test_towns_of_a_county_paper_and_villages_of_the_town_just_named():
    rec = _rec(COUNTY + "本报讯 在安仁镇，稻田里鱼跃虾欢。走进华兴村，村民正在收割。")
    assert {("安仁镇", "locatedIn", "大邑县"), ("华兴村", "locatedIn", "安仁镇")} <= _rels(rec)


def test_areas_side_by_side_in_a_headline_and_a_body_named_after_city_and_county():
    rec = _rec(CITY + "本报讯 东昌府区与冠县签订协议。聊城市东昌府区花卉商会成立。\n东昌府冠县携手共建\n")
    rels = _rels(rec)
    assert ("冠县", "locatedIn", "东昌府区") not in rels
    assert {("聊城市东昌府区花卉商会", "locatedIn", "东昌府区"),
            ("聊城市东昌府区花卉商会", "locatedIn", "聊城市")} <= rels


def test_a_regulation_cited_is_no_initiative_but_one_issued_is():
    rec = _rec(CITY + "本报讯 根据《干部选拔任用工作条例》有关规定，现公示如下。市政府印发《城区绿化提升实施方案》。")
    assert "干部选拔任用工作条例" not in _ents(rec, "Initiative")
    assert "城区绿化提升实施方案" in _ents(rec, "Initiative")


def test_paper_name_with_a_genre_word_serves_the_area_it_starts_with():
    rec = _rec("晋江经济报\n2024年7月9日\n\n本报讯（记者 王某）市市场监管局局长张建国带队检查商场。")
    assert rec["masthead"]["area"] == "晋江市"
    assert "晋江市市场监管局" in _ents(rec, "Agency")


def test_banner_sumu_and_gacha_are_inner_mongolias_county_town_and_village():
    rec = _rec("鄂尔多斯日报\n2024年6月4日\n\n本报讯 杭锦旗委书记王建军到伊和乌素苏木调研，"
               "苏木长张立新陪同。红旗嘎查党支部书记、嘎查长刘明说，旗农牧局派来了技术员。")
    assert {"伊和乌素苏木", "红旗嘎查"} <= _ents(rec, "District")
    posts = {(p["person"], p["title"]) for p in rec["posts"]}
    assert {("张立新", "苏木长"), ("刘明", "嘎查长")} <= posts
    assert "杭锦旗农牧局" in _ents(rec, "Agency")


def test_paper_named_by_an_ambiguous_short_form_serves_the_area_the_page_names():
    rec = _rec("长安报\n2024年5月15日\n\n本报讯 西安市长安区召开会议。区住建局局长李明说，"
               "王曲街道将推进改造。")
    assert rec["masthead"]["area"] == "长安区"
    assert ("长安区住建局", "subOrganizationOf", "长安区") in _rels(rec)
    assert ("王曲街道", "locatedIn", "长安区") in _rels(rec)


def test_court_written_with_and_without_renmin_is_one_body():
    rec = _rec(DISTRICT + "东昌府区人民法院召开会议。区法院审判长李明说，将加快审理。")
    courts = {e["name"] for e in rec["entities"] if "法院" in e["name"]}
    assert courts == {"东昌府区人民法院"}


def test_a_copula_or_settling_verb_glued_before_a_name_is_no_part_of_it():
    rec = _rec(CITY + "驻村第一书记李红是聊城市发改委派驻的干部。该行今年已为柳林镇农户放贷，"
               "新项目落户开发区。")
    assert "聊城市发改委" in _ents(rec, "Agency")
    assert "柳林镇" in _ents(rec, "District")
    assert not {e for e in _ents(rec) if e.startswith(("李红是", "已为", "项目落户", "落户"))}


def test_autonomous_prefecture_by_its_short_form_and_its_bodies_by_zhou():
    rec = _rec("宾川融媒\n2024年8月22日\n\n本报讯 宾川县召开会议，传达学习州委会议精神。"
               "大理州农业农村局专家到宾川县指导。")
    assert "大理白族自治州" in _ents(rec, "District")
    assert {"大理州委", "大理州农业农村局"} <= _ents(rec, "Agency")
    assert {("大理州委", "subOrganizationOf", "大理白族自治州"),
            ("宾川县", "locatedIn", "大理白族自治州")} <= _rels(rec)


def test_county_level_city_just_named_owns_the_shi_bodies_of_a_prefecture_paper():
    rec = _rec(CITY + "临清市在全市开展清洁行动，市住建局、市城管执法局联合清理垃圾。\n"
               "另讯 市委组织部召开会议。会议强调，市委宣传部要配合。")
    assert {"临清市住建局", "临清市城管执法局"} <= _ents(rec, "Agency")
    assert "聊城市委宣传部" in _ents(rec, "Agency")


def test_bare_banshichu_before_a_title_is_the_streets_office():
    rec = _rec(DISTRICT + "柳园街道推行网格化管理。街道党工委副书记、办事处主任李明介绍了情况。")
    assert "柳园街道办事处" in _ents(rec, "Agency")
    assert ("柳园街道办事处", "subOrganizationOf", "柳园街道") in _rels(rec)


def test_company_short_form_made_of_word_initials_is_the_same_company():
    rec = _rec("大同青岚文化旅游集团有限公司与县文旅局签约。会上，青岚文旅集团负责人介绍了项目。")
    companies = [e for e in rec["entities"] if e["type"] == "Company"]
    assert len(companies) == 1, companies
    assert "青岚文旅集团" in companies[0]["aliases"]


def test_bare_zone_party_committee_after_the_zones_full_name_is_that_zones():
    rec = _rec("晋江经济报\n2024年7月9日\n\n本报讯 青石经济开发区管委会与某公司签约。"
               "开发区党工委书记、管委会主任李明出席。")
    assert "青石经济开发区党工委" in _ents(rec, "Agency")
    assert "晋江开发区" not in _ents(rec, "District")
    assert ("青石经济开发区党工委", "subOrganizationOf", "青石经济开发区") in _rels(rec)


def test_industrial_parks_eco_zones_and_a_bare_yuanqu_after_its_park():
    rec = _rec("瓯海新闻\n2024年4月18日\n本报讯 瓯海区召开会议。\n区工业园区签约 项目落户\n"
               "本报讯 4月12日，区工业园区管委会与某公司签约，项目落户园区。园区党工委书记石立新出席。"
               "青林生态区开展活动。")
    districts, agencies = _ents(rec, "District"), _ents(rec, "Agency")
    assert {"瓯海区工业园区", "青林生态区"} <= districts
    assert {"瓯海区工业园区管委会", "瓯海区工业园区党工委"} <= agencies
    assert "区工业园区" not in districts and "园区" not in districts
    assert ("瓯海区工业园区党工委", "subOrganizationOf", "瓯海区工业园区") in _rels(rec)


def test_a_toponyms_generic_term_before_the_head_belongs_to_the_name():
    rec = _rec("瓯海新闻\n2024年4月18日\n本报讯 瓯海区召开会议。\n"
               "6月17日晚，高笋塘街道望江台社区翠屏湾小区楼下，居民围坐议事。"
               "健康义诊周在海棠湾棠韵广场启动。")
    assert {"望江台社区", "高笋塘街道"} <= _ents(rec, "District")
    places = _ents(rec, "Place")
    assert "翠屏湾小区" in places and "社区翠屏湾小区" not in places
    assert not any(p.startswith("义诊") for p in places)


def test_investment_groups_and_rare_numeral_characters_stay_in_firms_names():
    rec = _rec(COUNTY + "本报讯 6月18日，四川云峡港航投资集团有限公司与大邑县物流公司签约。"
               "在甘肃禾玖种业有限公司，他了解烘干线改造。")
    firms = _ents(rec, "Company")
    assert {"四川云峡港航投资集团有限公司", "甘肃禾玖种业有限公司"} <= firms
    assert "集团有限公司" not in firms and "种业有限公司" not in firms
    assert not {"四川省", "甘肃省"} & _ents(rec, "District")     # areas only inside firms' names


def test_a_station_named_after_its_parent_and_alone_is_one_body():
    rec = _rec(COUNTY + "本报讯 近日，县公安局安仁派出所联合安仁镇司法所开展普法宣传。"
               "安仁派出所所长冼国强说，将延伸到每一个村。")
    agencies = _ents(rec, "Agency")
    assert "大邑县公安局安仁派出所" in agencies and "安仁派出所" not in agencies


def test_bare_village_party_committee_is_the_village_just_named():
    rec = _rec(CITY + "走进柳畔村，古厝游人如织。村党委书记王刚介绍了情况。")
    assert "柳畔村党委" in _ents(rec, "Agency")
    assert ("柳畔村党委", "subOrganizationOf", "柳畔村") in _rels(rec)


def test_trainee_reporter_in_a_byline_is_a_role_not_a_name():
    rec = _rec(CITY + "本报讯（记者 王某某 见习记者 李一鸣）5月1日，聊城市召开会议。\n（记者 李一鸣）")
    assert {"王某某", "李一鸣"} <= _ents(rec, "Person")
    assert not {e for e in _ents(rec) if "见习" in e}
    assert {p["title"] for p in rec["posts"] if p["person"] == "李一鸣"} == {"见习记者"}


def test_head_of_an_unnamed_cooperative_is_a_person_not_an_official():
    """理事长, 院长, 会长 head co-operatives, institutes and associations as often as
    public bodies: with no organisation named, the holder is a private person; with a
    public body named, an official."""
    rec = _rec(CITY + "在柳岸种植专业合作社，理事长孙青松正忙着组织装箱。")
    assert "孙青松" in _ents(rec, "Person") and "孙青松" not in _ents(rec, "Official")
    rec = _rec(CITY + "市人民医院院长孙青松介绍了情况。")
    assert "孙青松" in _ents(rec, "Official")


def test_name_ending_in_a_conjunction_character_before_punctuation_keeps_it():
    """和 between two names joins them; 和 before 、 joins nothing, so it ends a name."""
    rec = _rec(CITY + "副市长孙清和、卜文远出席。")
    assert {"孙清和", "卜文远"} <= _ents(rec, "Official")
    rec = _rec(CITY + "副市长孙清和卜文远出席。")
    assert "孙清" in _ents(rec, "Official") and "孙清和" not in _ents(rec)


def test_verb_before_the_area_that_begins_a_name_is_not_part_of_it():
    rec = _rec(CITY + "此次验收高效完成，得益于临清市行政审批服务局推出的“一件事”改革。")
    assert "临清市行政审批服务局" in _ents(rec, "Agency")
    assert not any(n.startswith("得益于") for n in _ents(rec))


def test_system_named_after_a_post_is_an_initiative():
    rec = _rec(CITY + "该镇全面推行湖长制，实行网格管理。校长负责制和家长制作风不是。")
    assert "湖长制" in _ents(rec, "Initiative")
    assert not {"家长制", "校长制"} & _ents(rec)


def test_quoted_paired_slogan_is_an_initiative_without_a_head_noun():
    rec = _rec(CITY + "镇长汇报了“一企一档”服务情况，他说：“一来一回很方便”。")
    assert "一企一档" in _ents(rec, "Initiative")
    assert "一来一回很方便" not in _ents(rec)


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
    assert name in _ents(_rec(CITY + text), type_)


def test_credit_cooperative_and_mall_are_companies_and_a_name_stops_at_its_area():
    rec = _rec(CITY + "他说：“我们和临清市农村信用合作联社对接，在东方商场设点。”")
    assert {"临清市农村信用合作联社", "东方商场"} <= _ents(rec, "Company")
    assert not any(n.startswith("和") for n in _ents(rec))


def test_sports_centre_is_a_place_named_in_full_from_its_relative_area():
    rec = _rec(CITY + "第三届全民健身运动会在市滨河体育中心开幕。")
    assert "聊城市滨河体育中心" in _ents(rec, "Place")


def test_committee_a_departments_name_begins_with_is_a_body_of_the_page():
    rec = _rec(CITY + "王某某，现任临清市委办公室主任，拟任乡镇党委书记。")
    assert {"临清市委办公室", "临清市委"} <= _ents(rec, "Agency")
    assert {("临清市委办公室", "subOrganizationOf", "临清市委"),
            ("临清市委", "subOrganizationOf", "临清市")} <= _rels(rec)
    assert ("临清市委办公室", "subOrganizationOf", "临清市") not in _rels(rec)


# ---- national papers: posts as People's Daily prints them (rules alone) ---------------------

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
    # dotted foreign names after a title, and before one
    ("曼谷市长披某·拉达某拿出460美元，受到川某·立某总理的赞扬。",
     {("披某·拉达某", "市长"), ("川某·立某", "总理")}),
    # a post in apposition, and a rare word that is a name after a title
    ("当时任湘潭市长的孔某志知道后，惊动了市长白音。", {("孔某志", "市长"), ("白音", "市长")}),
])
def test_national_posts_chains_and_titles_after_names(text, posts):
    assert posts <= _rules_posts(text)


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


def test_a_province_lies_in_the_country_the_page_names():
    rec = _rec(CITY + "中国东部的浙江省和西部的四川省开展协作。")
    assert "中国" in _ents(rec, "District")
    assert {("浙江省", "locatedIn", "中国"), ("四川省", "locatedIn", "中国")} <= _rels(rec)
    assert ("聊城市", "locatedIn", "中国") not in _rels(rec)       # a city lies in its province


def test_a_national_meeting_is_an_initiative_named_as_printed():
    rec = _rec(CITY + "全国农村工作会议昨天在京闭幕。")
    assert "全国农村工作会议" in _ents(rec, "Initiative")


def test_an_ownership_or_a_determiner_before_a_head_names_no_body():
    rec = _rec(CITY + "民办学校和整个学校都要落实安全责任，私立医院也不例外。")
    assert not (_ents(rec, "Organization") | _ents(rec, "Company") | _ents(rec, "Agency"))


def test_names_listed_after_officials_by_role_are_officials():
    rec = _rec(CITY + "陪同考察的有关部门负责人还有：王建林、刘晓红、陈立明等。")
    assert {"王建林", "刘晓红", "陈立明"} <= _ents(rec, "Official")


# ---- areas of articles and countries --------------------------------------------

def test_relative_bodies_of_an_article_are_those_of_its_datelines_area():
    rec = _rec("冰城要闻\n本报哈尔滨１月５日电记者甲报道：市委书记王某某到企业看望职工。\n"
               "江西\n本报南昌１月５日电记者乙报道：省委书记李某某走访困难企业。\n")
    assert {"哈尔滨市委", "江西省委"} <= _ents(rec, "Agency")
    assert "黑龙江省委" not in _ents(rec)
    assert [a["place"] for a in rec["articles"]] == ["哈尔滨", "南昌"]


def test_countries_come_from_iso_data_and_only_as_words_of_their_own():
    from kg.divisions import countries
    from kg.extractors import components_for

    assert {"布隆迪", "白俄罗斯", "韩国"} <= countries()
    assert not {"黑山", "香港", "台湾", "中国"} & countries()   # China's own divisions
    rec = to_record(extract_document(document_from_text(
        "t.txt", "布隆迪外长和白俄罗斯大使今天抵达。\n"), components_for(("rules",))))
    assert {"布隆迪", "白俄罗斯"} <= _ents(rec, "District") and "俄罗斯" not in _ents(rec)


def test_a_chain_of_divisions_is_each_division_in_the_one_before():
    from kg.extractors.base import division_chain

    # 延庆县 became 延庆区 in 2015: the data no longer has it, the text still names it
    rec = _rec("李某来到延庆县下屯乡小丰营村看望农户。随后他在下屯乡召开座谈会。\n")
    assert {"延庆县", "下屯乡", "小丰营村"} <= _ents(rec, "District") and "延庆县下屯乡" not in _ents(rec)
    assert {("下屯乡", "locatedIn", "延庆县"), ("小丰营村", "locatedIn", "下屯乡")} <= _rels(rec)
    split = lambda t: [t[a:b] for a, b in division_chain(t)]   # noqa: E731
    assert split("广州市白云区") == ["广州市", "白云区"]       # not 广州|市白云区
    assert split("内蒙古自治区") == ["内蒙古自治区"] and split("杭州市") == ["杭州市"]


def test_a_session_named_after_its_area_or_body_is_an_initiative_it_runs():
    rec = _rec("泰国总理川·立派将出席东盟首脑会议。代表孔令志参加了全国人代会。\n")
    assert {"东盟首脑会议", "全国人代会"} <= _ents(rec, "Initiative")
    assert {("东盟", "runs", "东盟首脑会议"), ("川·立派", "participatesIn", "东盟首脑会议"),
            ("孔令志", "participatesIn", "全国人代会")} <= _rels(rec)
    assert not any(r[1] == "runs" and r[2] == "全国人代会" for r in _rels(rec))
    assert not _ents(_rec("河北省召开干部大会部署工作。\n"), "Initiative")   # a meeting held, not named


def test_a_session_named_by_its_level_is_the_session_of_the_area_meant_there():
    ents = {e["name"]: e for e in _rec(CITY + "市人代会今天开幕。大城市人代会不多。")["entities"]}
    assert ents["聊城市人代会"]["type"] == "Initiative" and "市人代会" in ents["聊城市人代会"]["aliases"]
    assert not any(n.endswith("城市人代会") and n != "聊城市人代会" for n in ents)


def test_a_division_named_as_it_was_before_a_reform_keeps_that_name_and_its_code():
    # 延庆县 became 延庆区 in 2015: an older page's county is named as the page names it,
    # its short form is the same place, and its code places it under Beijing
    rec = _rec("副市长王某来到北京市延庆县下屯乡调研。在延庆，他看望了农户。大城市的菜价也稳定。")
    county = next(e for e in rec["entities"] if e["name"] == "延庆县")
    assert county["type"] == "District" and county["code"] == "110119000000" and "延庆" in county["aliases"]
    assert "延庆区" not in _ents(rec) and "大城市" not in _ents(rec)
    assert {"head": "延庆县", "rel": "locatedIn", "tail": "北京市"} in rec["relations"]


def test_a_body_an_article_set_in_one_county_names_after_it_lies_there():
    rec = _rec("民办教育见闻\n浙江省台州市路桥区近年来民间资金投向教育，创办了鸿宇中学和广济医院。\n"
               "北京大学的专家也来考察。\n")
    rels = [(r["head"], r["rel"], r["tail"]) for r in rec["relations"]]
    assert ("鸿宇中学", "locatedIn", "路桥区") in rels and ("广济医院", "locatedIn", "路桥区") in rels
    # a university serves more than a county, and is named in another paragraph
    assert not any(h == "北京大学" and rel == "locatedIn" for h, rel, _ in rels)


def test_a_list_of_bodies_names_its_area_once():
    rec = _rec(COUNTY + "本报讯 大邑县财政局、税务局、市场监管局联合开展检查。泰国财政部、商业部等决定节约开支。")
    assert {"大邑县税务局", "大邑县市场监管局", "泰国商业部"} <= _ents(rec, "Agency")
    assert not {"税务局", "商业部"} & _ents(rec)
    assert {"head": "泰国商业部", "rel": "subOrganizationOf", "tail": "泰国"} in rec["relations"]
    # 市场 (market) is no relative 市 (the city): no 某某市场监管局 of the city
    assert not any(n.endswith("市场监管局") and n != "大邑县市场监管局" for n in _ents(rec))


def test_programmes_named_in_quotes_by_their_head_a_launch_or_an_event_count():
    rec = _rec(COUNTY + "本报讯 县“希望工程”办公室主动提出资助。职工们发起成立了“爱心大家庭”。"
               "三月五日，一场大规模的“学雷锋义卖”在广场举行。")
    assert {"希望工程", "爱心大家庭", "学雷锋义卖"} <= _ents(rec, "Initiative")
    office = next(n for n in _ents(rec, "Agency") if n.endswith("办公室"))
    assert "“" not in office and {"head": office, "rel": "runs", "tail": "希望工程"} in rec["relations"]


def test_a_person_who_attends_or_speaks_at_an_initiative_takes_part_in_it():
    rec = _rec(COUNTY + "本报讯 春节前后，各地忙着备耕。农民们说，今年收成会更好。去年二月，县长王某林"
               "启程赴京参加全国人代会。副县长刘某明在全县经济工作会议上讲话。"
               "县委书记赵某华从刚刚结束的县党代会上赶到灾区。商会会长陈某治还提议实施“暖冬计划”。")
    rels = {(r["head"], r["rel"], r["tail"]) for r in rec["relations"]}
    parts = {(h, t) for h, rel, t in rels if rel == "participatesIn"}
    assert ("王某林", "全国人代会") in parts
    assert any(h == "刘某明" and "经济工作会议" in t for h, t in parts)
    assert any(h == "赵某华" and t.endswith("县党代会") for h, t in parts) and ("陈某治", "暖冬计划") in parts
    assert ("刘某明", "全国人代会") not in parts and ("北京市", "runs") not in {(h, r) for h, r, _ in rels}


def test_kinds_of_bodies_figures_of_speech_and_a_verb_before_a_body_name_nothing():
    rec = _rec(COUNTY + "本报讯 全县新办了4家民办和股份制医院。投资者纷纷将大量资金投向学校、医院。"
               "医院院长林某宇，边走边介绍。元旦一天，就有县委书记李某林、县长王某平来到工地。"
               "村民们说，驻村第一书记来了，还办起了小型加工厂。")
    assert not {"民办和股份制医院", "大量资金投向学校", "边走边", "来了", "小型加工厂"} & _ents(rec)
    assert not any(n.startswith("有") for n in _ents(rec)) and "李某林" in _ents(rec, "Official")


def test_attending_a_meeting_that_discusses_a_programme_is_no_part_in_it():
    rec = _rec("襄州日报\n2024年10月15日 星期二\n第2版 要闻\n本报讯（记者 张某）10月14日，区长王某明主持召开"
               "区政府常务会议，研究部署“襄州好办”政务服务品牌建设等工作。副区长刘某华出席会议。\n")
    assert rec["articles"][0]["title"] != "第2版 要闻"     # a page's number and section
    assert not any(r["rel"] == "participatesIn" and r["tail"] == "襄州好办" for r in rec["relations"])


def test_two_firms_side_by_side_foreign_firms_and_a_verb_before_a_body():
    rec = _rec("本报北京1月5日讯 中国集邮总公司中国金币总公司今天联袂推出纪念币。"
               "东风汽车公司总装配厂调整工人。外国公司垄断的局面已经打破。"
               "他曾领导中国科学院（后属中国社会科学院）考古研究所的工作。\n")
    assert {"中国集邮总公司", "中国金币总公司"} <= _ents(rec, "Company")
    assert "东风汽车公司总装配厂" in _ents(rec)          # a firm's unit keeps its parent's name
    assert "外国公司" not in _ents(rec) and not any(n.startswith("属") for n in _ents(rec))


def test_a_pipeline_whose_component_lacks_what_it_reads_is_refused_when_assembled():
    import pytest

    from kg.extractors import DEFAULT, PIPELINE, check

    assert check(DEFAULT) == DEFAULT
    # persons attach posts to the bodies organisations found: before them, an error
    order = [n for n in DEFAULT if n != "persons"]
    order.insert(order.index("organisations"), "persons")
    with pytest.raises(ValueError, match=r"'persons' requires .*Agency"):
        check(order)
    with pytest.raises(ValueError, match=r"'tagged' requires spans"):      # no tagger before it
        check([n for n in DEFAULT if n != "tagger"])
    # every component's requirement is something some registered component assigns
    assigned = set().union(*(s.assigns for s in PIPELINE.values()))
    assert all(s.requires <= assigned for s in PIPELINE.values())


def test_each_mention_says_which_rule_found_it():
    from kg.extractors import PIPELINE

    text = CITY + "本报讯（记者 王培源）区委副书记、区长江绍华到柳园街道调研。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    rules = {e["name"]: {m["rule"] for m in e["mentions"]} for e in rec["entities"]}
    assert rules["江绍华"] == {"persons:title chain"}
    assert rules["王培源"] == {"persons:byline"}
    assert all(m["rule"].partition(":")[0] in PIPELINE for e in rec["entities"] for m in e["mentions"])
