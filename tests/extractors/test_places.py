"""The places component: streets, squares, venues named by their heads."""
from __future__ import annotations

from pages import CITY, extract, names, tagger_reads


def test_streets_drop_the_area_before_them_and_roads_of_speech_are_no_places():
    rec = extract(CITY + "本报讯 其中，东昌府区柳荫西大街的春华小区改造已完工。\n小山楂串起致富路\n")
    assert "柳荫西大街" in names(rec, "Place")
    assert "东昌府区柳荫西大街" not in names(rec)
    assert not any(n.endswith("致富路") for n in names(rec))
    # 闯出新路, 走老路: a new or an old way found, no road
    rec = extract("不受固有观念所囿，从司空见惯中闯出新路。不能再走老路。\n")
    assert not names(rec, "Place")
    # 水电路: water, power and roads listed, no road
    rec = extract("要在继续完善水电路等基础设施的基础上发展经济。\n")
    assert not names(rec, "Place")


def test_a_lake_or_river_drops_the_province_before_it_but_not_its_own_name(monkeypatch):
    """江西鄱阳湖: the province says where the lake is; 青海湖 is named after its
    province, whole. Read by the rules alone (the tagger reads the same)."""
    tagger_reads(monkeypatch, {})
    rec = extract("保护区有江西鄱阳湖、湖南东洞庭湖和青海湖。\n")
    assert {"鄱阳湖", "东洞庭湖", "青海湖"} <= names(rec, "Place")
    assert not {"江西鄱阳湖", "湖南东洞庭湖"} & names(rec)


def test_a_way_as_long_as_a_count_of_li_is_no_road():
    """几十里路: a distance travelled, no road's name."""
    assert not names(extract("老“永久”一跑就是几十里路。他二话没说步行几里路送客人。\n"), "Place")


def test_sports_centre_is_a_place_named_in_full_from_its_relative_area():
    rec = extract(CITY + "第三届全民健身运动会在市滨河体育中心开幕。")
    assert "聊城市滨河体育中心" in names(rec, "Place")


def test_a_phrase_before_a_places_head_names_no_place():
    """全国的话|剧院 (的话 a particle), 侃侃放论漫漫史|河 (侃侃 an adverb), 各镇|街 (a
    determiner): words no place's name holds; 人民剧院 and 香榭丽舍大街 stay."""
    rec = extract("全国的话剧院团都排演过。敢于侃侃放论漫漫史河的实事。人民剧院在香榭丽舍大街。各镇街都要落实。\n")
    got = names(rec, "Place")
    assert not {n for n in got if "的话" in n or "侃侃" in n or "各" in n} and "香榭丽舍大街" in got


def test_a_head_inside_a_bodies_word_names_no_place():
    """全国京剧院团 (opera companies, one jieba word of organisations): its 剧院 is no
    theatre; 人民剧院 stays one."""
    rec = extract("如果全国京剧院团都能如此努力，京剧艺术就有希望。人民剧院在香榭丽舍大街。\n")
    assert not {n for n in names(rec, "Place") if "京剧" in n} and "人民剧院" in names(rec, "Place")


def test_a_verb_and_its_head_as_object_names_no_place():
    """石油筑路大军, 创造世界筑路奇迹: 筑路 (to build roads: a verb and its object, jieba
    tags it nz) names no road; 解放路 stays one."""
    rec = extract("石油筑路大军要创造世界筑路奇迹。沿着解放路前行。\n")
    assert names(rec, "Place") == {"解放路"}


def test_a_rank_among_places_names_none(monkeypatch):
    """长湖，是湖北省第二大湖: the second largest lake is a description, by the rules or the
    tagger's reading of 大湖 after the rank."""
    tagger_reads(monkeypatch, {"长湖": ("LOC", 0.99), "大湖": ("LOC", 0.84)})
    rec = extract("长湖，是湖北省第二大湖。\n")
    assert names(rec, "Place") == {"长湖"}


def test_a_conference_centre_is_a_venue_by_its_head(monkeypatch):
    """Guidelines: venues are places; the head says so where the tagger reads nothing."""
    tagger_reads(monkeypatch, {})
    rec = extract("本报曼谷1月12日电 展销会在帕拉玛国家会议中心举行。\n")
    assert "帕拉玛国家会议中心" in names(rec, "Place")


def test_a_hall_is_a_place_though_its_head_ends_like_an_agencys():
    rec = extract(CITY + "１月６日，在山西省晋城市电视大演播厅里，腐败分子被公开处理。市图书馆一楼展厅开放。"
                  "市政务服务大厅启用，省教育厅发文。")
    assert "山西省晋城市电视大演播厅" in names(rec, "Place")
    assert not any(n.endswith("一楼展厅") for n in names(rec))          # a floor's hall names nothing
    assert {"聊城市政务服务大厅", "山东省教育厅"} <= names(rec, "Agency")


def test_a_place_name_does_not_begin_with_a_determiner():
    rec = extract(CITY + "整个公园呈鱼形设计，取鱼水难分之意。市民来到人民公园散步。")
    assert not any(n.startswith("整个") for n in names(rec)) and "人民公园" in names(rec, "Place")


def test_a_length_or_a_count_of_roads_and_parks_names_none():
    """修建了6公里盘山路, 变成一座山水公园: a measure, no named place; 人民公园 stays."""
    got = names(extract(CITY + "村里修建了6公里盘山路，要把全区变成一座山水公园。市民来到人民公园散步。"), "Place")
    assert not any(n.endswith(("盘山路", "山水公园")) for n in got) and "人民公园" in got


def test_a_day_of_the_calendar_before_a_place_is_no_part_of_its_name():
    """元旦天安门广场升国旗仪式: the square; 五一广场 and 未来公园 are names."""
    got = names(extract(CITY + "参加了庄严的元旦天安门广场升国旗仪式。市民在五一广场和未来公园散步。"), "Place")
    assert {"天安门广场", "五一广场", "未来公园"} <= got and not any(n.startswith("元旦") for n in got)


def test_a_verb_before_the_area_a_place_begins_with_is_no_part_of_its_name():
    got = names(extract("这台音乐会将移至北京华星剧院再次演出。\n"), "Place")
    assert "北京华星剧院" in got and not any(n.startswith("移至") for n in got)


def test_a_great_rivers_name_stands_alone_after_other_words():
    got = names(extract(CITY + "王家坝紧靠淮河，地势低洼。"), "Place")
    assert "淮河" in got and not any(n.endswith("紧靠淮河") for n in got)


def test_a_place_read_bare_is_the_division_the_page_names_with_its_level():
    # 襄樊 (a prefecture the data knows by its new name only) is the page's 襄樊市
    rec = extract("本报讯 襄樊市有６２４名干部竞争上岗。襄樊的改革在湖北省树立了榜样。\n")
    city = next(e for e in rec["entities"] if e["name"] == "襄樊市")
    assert city["type"] == "District" and "襄樊" in city["aliases"]
    assert "襄樊" not in names(rec, "Place")


def test_an_autonomous_countys_short_form_is_the_county_the_page_writes_with_its_level():
    rec = extract("天祝位于祁连山区，交通不便。震后５分钟，天祝县指挥救灾队伍奔赴灾区。\n")
    county = next(e for e in rec["entities"] if e["name"] == "天祝藏族自治县")
    assert {m["text"] for m in county["mentions"]} == {"天祝", "天祝县"}
    assert "天祝" not in names(rec, "Place")


def test_a_lecture_hall_is_a_hall_not_an_agency():
    assert "报告厅" not in names(extract("报告厅轰动了，掌声经久不息。\n"), "Agency")


def test_a_place_the_tagger_is_sure_of_sheds_the_words_before_it(monkeypatch):
    """倒映在|塞纳河, 陪同一位美国友人泛舟|塞纳河: the rules' name would run back over the
    sentence's words; the tagger, sure of the river alone, cuts it. A relative 市 before a
    place it reads stays (市|奥林匹克体育中心 is the city's)."""
    tagger_reads(monkeypatch, {"塞纳河": ("LOC", 0.99), "美国": ("LOC", 0.99)})
    rec = extract("巴黎的美丽都倒映在塞纳河的柔波里。我陪同一位美国友人泛舟塞纳河。\n")
    assert names(rec, "Place") == {"塞纳河"}
    tagger_reads(monkeypatch, {"奥林匹克体育中心": ("LOC", 0.99)})
    assert "聊城市奥林匹克体育中心" in names(extract(CITY + "运动会在市奥林匹克体育中心开幕。\n"), "Place")


def test_a_taiwan_districts_short_form_is_a_place_where_taiwan_is_not_in_play(monkeypatch):
    """郑板桥故居的板桥: a place, not 新北市's 板桥区, which the tagger's 板桥 would
    otherwise be; a mainland county's short form the tagger reads stays its county; and
    三峡 is the Yangtze's gorges, not 新北市's 三峡区, even where Taiwan is named."""
    tagger_reads(monkeypatch, {"板桥": ("LOC", 0.99), "张北": ("LOC", 0.99), "三峡": ("LOC", 0.99)})
    rec = extract("游人走过村口的板桥。张北发生地震。\n")
    assert "板桥" in names(rec, "Place") and "板桥区" not in names(rec)
    assert "张北县" in names(rec, "District")
    rec = extract("台湾同胞参观了长江三峡水利枢纽工程。\n")
    assert "三峡区" not in names(rec)


def test_a_short_form_the_page_named_as_a_places_end_is_that_place(monkeypatch):
    """牟家村西山 … 为西山披上了绿装: the hill again, not 昆明's 西山区; 界河 is a common
    noun (a boundary river), no named one."""
    tagger_reads(monkeypatch, {"牟家村西山": ("LOC", 0.99), "西山": ("LOC", 0.99)})
    rec = extract("崂山区中韩镇牟家村西山一改往日的宁静。志愿者为西山披上了绿装。越方在争议地区地段界河上修建水坝。\n")
    assert "西山区" not in names(rec)
    hill = next(e for e in rec["entities"] if e["name"] == "牟家村西山")
    assert len(hill["mentions"]) == 2
    assert not any(n.endswith("界河") for n in names(rec))


def test_places_counted_before_a_head_name_no_place():
    """上海、杭州两地机场: the airports of two cities, no airport named 杭州两地机场."""
    rec = extract("沪杭一带大雾，上海、杭州两地机场被迫停航两天。\n")
    assert not any("两地" in n for n in names(rec))


def test_a_sure_place_running_past_the_head_starts_the_name(monkeypatch):
    """告诉世人|南京路地铁站: the tagger is sure of a place that starts after 世人 and runs
    past the road's head; the words before it are the sentence's."""
    tagger_reads(monkeypatch, {"南京路地铁站": ("LOC", 0.99)})
    rec = extract("上海以实实在在的做法告诉世人南京路地铁站的开工可以简朴。\n")
    assert not any(n.startswith("世人") for n in names(rec))


def test_places_counted_after_their_kind_name_none():
    """设计勘察大桥４座、中桥１２座: a count right after the head counts bridges of a kind;
    it names no bridge."""
    rec = extract("仅１９９７年就设计勘察大桥４座、中桥１２座，完成重大项目４８项。\n")
    assert not any(n.endswith("大桥") for n in names(rec))


def test_a_common_verb_no_division_begins_with_starts_no_place(monkeypatch):
    """搞|文明小区: a place's name may hold a verb (包|西村: 包 begins 包头市), but not one
    as common as 搞, which begins no division's name."""
    rec = extract("有人认为，搞文明小区，应当建造农民新村。来到会同县若水乡包西村。\n")
    assert not any(n.startswith("搞") for n in names(rec))
    assert "包西村" in names(rec, "District")
    # but a lone word opening the clause before a village jieba and the tagger begin after it
    tagger_reads(monkeypatch, {"塔头村": ("LOC", 0.99)})
    rec = extract("鞋磨破了，可塔头村人的决心未动摇。\n")
    assert "塔头村" in names(rec, "District") and "可塔头村" not in names(rec)
    # nor one jieba tags a verb's morpheme (喝/vg)
    rec = extract("在退伍士兵中，喝大运河水长大的人很多。\n")
    assert "大运河" in names(rec, "Place") and not any(n.startswith("喝") for n in names(rec))


def test_a_verb_of_going_onto_a_place_is_no_part_of_its_name():
    """三轮车驶上|卸甲庄大桥, 丈夫得了癌症，住进|肿瘤医院: a verb of motion ending in its
    direction (驶上, 走进, 开往, 住进) goes to the place, whatever jieba's tag of it; it is
    the sentence's, not the bridge's or hospital's name."""
    rec = extract("追至黄骅市界内，三轮车驶上卸甲庄大桥，民警准备冲过去。"
                  "她说丈夫得了癌症，住进肿瘤医院，急等钱做手术。\n")
    assert "卸甲庄大桥" in names(rec, "Place") and not any("驶上" in n or "住进" in n for n in names(rec))
    rec = extract("代表们步入人民大会堂宴会厅，欢聚一堂。\n")
    assert "人民大会堂宴会厅" in names(rec, "Place") and not any("步入" in n for n in names(rec))


def test_a_status_word_before_a_head_names_no_place():
    """隔着关山重重，迢迢|长路: a status word (jieba's z) describes the road; it names none."""
    rec = extract("虽然隔着关山重重，迢迢长路，家一下子近了起来。\n")
    assert not any(n.endswith("长路") for n in names(rec))


def test_a_world_regions_area_is_a_place(monkeypatch):
    """与亚洲地区经贸关系密切, 中亚地区: 地区 after a world region is its area, no prefecture
    (a division): a Place, which runs no programme."""
    tagger_reads(monkeypatch, {"亚洲地区": ("LOC", 0.99), "中亚地区": ("LOC", 0.99)})
    rec = extract("与亚洲地区经贸关系密切的出口商受到冲击。中亚地区局势稳定。\n")
    assert {"亚洲地区", "中亚地区"} <= names(rec, "Place") and not names(rec, "District")
