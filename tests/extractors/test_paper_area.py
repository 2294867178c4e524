"""The area component (find_area) and what a relative 市/区/县 means on a page: the
paper's area from its masthead or text, an article's from its dateline."""
from __future__ import annotations

from pages import CITY, extract, names, triples


def test_county_level_city_paper_resolves_wo_shi_to_itself():
    rec = extract("曲阜日报\n\n2023年9月12日\n\n本报讯（记者 孔某）全市推进会召开。"
               "市委副书记、市长刘建国出席。市行政审批服务局负责人发言。")
    city = next(e for e in rec["entities"] if e["name"] == "曲阜市")
    assert city["code"].startswith("3708") and "全市" in city["aliases"]
    assert {"曲阜市委", "曲阜市行政审批服务局"} <= names(rec, "Agency")
    assert {(p["person"], p["title"], p["org"]) for p in rec["posts"]} >= {
        ("刘建国", "市长", "曲阜市"), ("刘建国", "市委副书记", "曲阜市委")}


def test_paper_area_guess_ignores_market_and_county_short_forms():
    from kg.extractors.districts import _area_votes

    votes = _area_votes("加强合作市场建设，推进智慧东昌建设。聊城市委召开会议。")
    assert "合作市" not in votes and "东昌" not in votes
    assert votes["聊城市"] == 1
    # a city's short form that begins a village's name (湘西龙岩坡) is no vote for the city
    assert "龙岩" not in _area_votes("李光辉随省委工作团下到湘西龙岩坡的时候才二十一岁。")
    assert _area_votes("龙岩的发展很快。")["龙岩"] == 1
    # a division named by a common word (阳泉's 郊区) is no vote: 城市郊区 is any city's
    assert "郊区" not in _area_votes("全省８４个县市、城市郊区的电价已审批。合肥市郊区的烟墩乡。这个郊区最穷。")
    # a county's name that ends another's (玉|环县: 玉环县, not Gansu's 环县) is no vote for it
    assert "环县" not in _area_votes("玉环县一对农民夫妇双双被聘。玉环县城关镇招聘干部。")


def test_paper_name_with_a_genre_word_serves_the_area_it_starts_with():
    rec = extract("晋江经济报\n2024年7月9日\n\n本报讯（记者 王某）市市场监管局局长张建国带队检查商场。")
    assert rec["masthead"]["area"] == "晋江市"
    assert "晋江市市场监管局" in names(rec, "Agency")


def test_paper_named_by_an_ambiguous_short_form_serves_the_area_the_page_names():
    rec = extract("长安报\n2024年5月15日\n\n本报讯 西安市长安区召开会议。区住建局局长李明说，"
               "王曲街道将推进改造。")
    assert rec["masthead"]["area"] == "长安区"
    assert ("长安区住建局", "subOrganizationOf", "长安区") in triples(rec)
    assert ("王曲街道", "locatedIn", "长安区") in triples(rec)


def test_relative_bodies_of_an_article_are_those_of_its_datelines_area():
    rec = extract("冰城要闻\n本报哈尔滨１月５日电记者甲报道：市委书记王某某到企业看望职工。\n"
               "江西\n本报南昌１月５日电记者乙报道：省委书记李某某走访困难企业。\n")
    assert {"哈尔滨市委", "江西省委"} <= names(rec, "Agency")
    assert "黑龙江省委" not in names(rec)
    assert [a["place"] for a in rec["articles"]] == ["哈尔滨", "南昌"]


def test_without_masthead_or_dateline_a_relative_area_is_the_one_just_named():
    """A national paper's feature names several cities; the area guessed from the names
    it repeats most (湘潭) does not beat the city the sentence has just named (邵阳市)."""
    rec = extract("小迎艳家住湘潭县乌石乡。湘潭市委、湘潭市政府关心她，湘潭人都知道。\n"
                  "邵阳市市长孔某志领养孤儿。邵阳市郊区发生事故后，潘某菊和市平安保险公司的同事们成立了基金。")
    assert "邵阳市平安保险公司" in names(rec, "Company")
    assert "湘潭市平安保险公司" not in names(rec)


def test_without_masthead_a_relative_area_is_one_named_before_not_one_named_later():
    """The guessed area (深圳, named most but only further on) is no reading of a 市政府
    two sentences after the article named 广州市."""
    rec = extract("本报记者彭某\n广州市副市长欧向阳告诉记者，人们提出了更高的要求。针对这一情况，市委决定抓生产。"
                  "目前，市政府已签订了责任状。\n深圳康达尔有限公司是一家涉农企业，占整个深圳农业总产值的８０％。"
                  "深圳的蔬菜基地很多。\n")
    assert "广州市政府" in names(rec, "Agency") and "深圳市政府" not in names(rec)


def test_a_relative_area_after_a_dateline_is_the_city_the_article_names():
    """本报合肥电 files a story on 阜阳市: its 市委 is 阜阳's (the dateline's city is not
    named in the story); with no other city named, the dateline's still is (哈尔滨, above)."""
    rec = extract("不忘群众疾苦\n本报合肥１月１３日电记者刘某报道：安徽省阜阳市阜南县王家坝村一举脱贫。"
                  "王家坝是行蓄洪区，市委书记王某忠大前年选上这个扶贫点。\n")
    assert "阜阳市委" in names(rec, "Agency") and "合肥市委" not in names(rec)


def test_a_county_the_page_writes_as_a_county_is_not_what_its_district_level_means():
    """沾化 is today's 沾化区; a 1998 page writes 沾化县, so its 全区 (the prefecture) is not 沾化."""
    rec = extract("本报讯 滨州地区妇联一班人到最贫困的沾化、阳信县寻找良方。沾化县河贵乡河西村有土地。"
                  "她们创建了全区第一个示范小区。\n")
    county = next(e for e in rec["entities"] if e["name"] == "沾化县")
    assert "全区" not in county.get("aliases", [])


def test_a_bodys_relative_district_is_the_zone_the_article_has_just_named():
    """In a city paper 区 has no meaning of its own; after 开发区 (the city's zone) the
    区行政审批服务局 is the zone's bureau, one body with its full name."""
    rec = extract(CITY + "本报讯 开发区的诊所向区行政审批服务局申请备案凭证。开发区行政审批服务局将严格审查。")
    bureau = next(e for e in rec["entities"] if e["name"] == "聊城开发区行政审批服务局")
    assert "区行政审批服务局" in bureau.get("aliases", []) and "区行政审批服务局" not in names(rec)


def test_an_autonomous_regions_whole_is_its_quan_qu_but_not_a_city_papers():
    """西藏自治区党委、自治区人民政府…全区人民: on a page of the region 全区 and the bare
    自治区 are the region's; a city paper of the region (鄂尔多斯日报) means one of its
    districts by 全区, never the region above it."""
    rec = extract("据新华社北京１２月３０日电 西藏自治区党委、自治区人民政府现在正组织和带领全区人民抗灾。\n")
    region = next(e for e in rec["entities"] if e["name"] == "西藏自治区")
    assert "全区" in region["aliases"]
    assert "西藏自治区人民政府" in names(rec, "Agency")
    city_paper = extract("鄂尔多斯日报\n\n2024年6月4日\n\n本报讯（记者 王某婷）全区已有志愿者2.3万人。\n")
    assert "内蒙古自治区" not in names(city_paper)


def test_a_bare_level_after_a_body_named_in_full_is_that_bodys_area():
    """本报石家庄１月１２日电 唐山市委、市政府召开紧急会议: the city government is 唐山's, whose
    committee was just named, not the dateline's; a round-up's 全省 is no municipality."""
    rec = extract("本报石家庄１月１２日电 １１日上午，唐山市委、市政府召开紧急会议，决定从市财政拨专款。\n")
    assert "唐山市政府" in names(rec, "Agency") and "石家庄市政府" not in names(rec)
    rec = extract("据新华社北京１月２８日电 北京的长安街张灯结彩。各地文艺团体深入全省城乡演出。\n")
    beijing = next(e for e in rec["entities"] if e["name"] == "北京市")
    assert "全省" not in beijing.get("aliases", [])
