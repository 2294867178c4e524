"""Article segmentation: bylines, titles, masthead, dates, on the seed pages."""
from __future__ import annotations

import json
from pathlib import Path

from kg.articles import event_dates, segment
from kg.reader import document_from_text, find_inputs, read_document


def _seed(seeds, prefix):
    f = next(f for f in find_inputs([seeds])[0] if f.id.startswith(prefix))
    return read_document(f)


def test_masthead_gives_paper_and_date_and_resolves_month_day(seeds):
    doc = _seed(seeds, "004")
    masthead, articles = segment(doc)
    assert masthead.paper == "东昌府讯" and masthead.date == "2022-07-05"
    visit = next(a for a in articles if a.title and "督导调研幸福食堂" in a.title)
    assert "2022-07-01" in visit.dates


def test_inline_bylines_give_reporters_and_correspondents(seeds):
    doc = _seed(seeds, "001")
    _, articles = segment(doc)
    tian = next(a for a in articles if a.title and "田长" in a.title)
    assert [(b.name, b.role) for b in tian.bylines] == [("刘敏", "记者"), ("念以勇", "通讯员"),
                                                        ("段腾", "通讯员")]
    first = articles[0]
    assert ("邹辉", "记者") in [(b.name, b.role) for b in first.bylines]
    assert ("张丽媛", "通讯员") in [(b.name, b.role) for b in first.bylines]


def test_names_written_without_a_space_in_a_byline_are_cut_at_their_surnames():
    """The 1998 People's Daily prints 本报记者何伟余继军: two reporters, not 何伟余继."""
    doc = document_from_text("t.txt", "温暖送到千万家\n本报记者罗昌爱胡跃平任维东\n今天上午，慰问团抵达。\n"
                                      "再就业有了新路子\n本报记者严正孙勇军\n今天，会议召开。\n"
                                      "新年新气象\n本报记者 何伟 欧阳志远\n今天，会议召开。\n")
    _, articles = segment(doc)
    names = [[(b.name, b.role) for b in a.bylines] for a in articles]
    assert names == [[("罗昌爱", "记者"), ("胡跃平", "记者"), ("任维东", "记者")],
                     [("严正", "记者"), ("孙勇军", "记者")],
                     [("何伟", "记者"), ("欧阳志远", "记者")]]
    assert all(doc.text[b.start:b.end] == b.name for a in articles for b in a.bylines)


def test_a_credit_for_text_photo_or_the_place_filed_from_is_no_part_of_the_name():
    doc = document_from_text("t.txt", "新风吹进村\n本报记者张华文 李明摄\n今天，会议召开。\n"
                                      "小区换新颜\n本报记者梅建明文/摄\n今天，会议召开。\n"
                                      "广交会开幕\n本报讯（记者朱宝广州报道）今天，会议召开。\n"
                                      "田间话丰收\n记者 王培源 摄\n今天，会议召开。\n"
                                      "灯谜会\n本报记者 张华文\n今天，会议召开。\n")
    _, articles = segment(doc)
    names = [[(b.name, b.role) for b in a.bylines] for a in articles]
    assert names == [[("张华", "记者"), ("李明", "记者")], [("梅建明", "记者")], [("朱宝", "记者")],
                     [("王培源", "记者")], [("张华文", "记者")]]      # a name may end in 文
    assert all(doc.text[b.start:b.end] == b.name for a in articles for b in a.bylines)


def test_every_seed_page_splits_into_several_articles(seeds):
    for f in find_inputs([seeds])[0]:
        _, articles = segment(read_document(f))
        assert 5 <= len(articles) <= 14, f.id
        assert all(a.start < a.end for a in articles)


def test_headline_after_its_body_stays_with_it():
    raw = ("本报讯（记者 王某某）11月2日，位山灌区管理中心搭建智慧灌区平台，实现实时监测。\n"
           "位山灌区装上“智慧大脑”\n"
           "本报讯（记者 李某某）11月6日，冠县推行物业服务“快反”机制。\n")
    _, arts = segment(document_from_text("t.txt", raw))
    assert len(arts) == 2
    assert arts[0].title == "位山灌区装上“智慧大脑”"


def test_event_dates_without_year_stay_month_day():
    assert event_dates("5月20日一早", None) == ["--05-20"]
    assert event_dates("7月1日", 2022) == ["2022-07-01"]


def test_datelines_of_national_papers_start_articles_and_name_their_reporters():
    raw = ("温暖送进万家\n"
           "本报成都１月５日电记者罗某城报道：岁末年初，四川省领导深入工厂。\n"
           "本报南昌１月５日电新华社记者傅某根、本报记者董某报道：新年伊始，江西省开展送温暖活动。\n"
           "考察企业\n"
           "向职工祝贺新年新华社北京十二月三十一日电（中央人民广播电台记者刘某英、新华社记者张某堂）"
           "今天是最后一天。\n"
           "据新华社北京1月5日电（记者 王某明 通讯员 李某）总理来到农户家。这是农户家里。（新华社记者刘某国摄）\n")
    _, arts = segment(document_from_text("t.txt", raw))
    credits = [[(b.name, b.role) for b in a.bylines] for a in arts]
    assert [("罗某城", "记者")] in credits
    assert [("傅某根", "记者"), ("董某", "记者")] in credits
    assert any(("刘某英", "记者") in c and ("张某堂", "记者") in c for c in credits)
    assert any(("王某明", "记者") in c and ("李某", "通讯员") in c and ("刘某国", "记者") in c for c in credits)
    assert "--01-05" in arts[1].dates


def test_a_wire_without_its_date_is_a_dateline_too():
    """A round-up of provinces files each part by wire without a date (本报合肥电记者甲报道);
    each part is an article with its place and reporter, and 电 elsewhere is no dateline."""
    raw = ("不忘群众疾苦\n安徽\n本报合肥电记者刘某报道：近日，安徽省政府召开通报会。省委领导深入企业。\n"
           "云南\n本报昆明电记者任某东报道：云南省签订了责任状。省就业局拿出１８０万元。\n"
           "新华社北京电（记者 王某）总理来到农户家。他说本报记者来电话了。\n")
    _, arts = segment(document_from_text("t.txt", raw))
    assert [a.place for a in arts] == ["合肥", "昆明", "北京"]
    assert [[(b.name, b.role) for b in a.bylines] for a in arts] == [
        [("刘某", "记者")], [("任某东", "记者")], [("王某", "记者")]]
    # Xinhua's wire without a date runs straight into the text
    raw = "通知\n据新华社北京电最高人民法院、公安部近日联合发出通知。\n他给新华社北京电台打电话。\n"
    assert [a.place for a in segment(document_from_text("t.txt", raw))[1]] == ["北京"]


def test_correspondent_posted_abroad_and_photo_credits_without_a_role():
    raw = "共渡时艰\n本报驻泰国记者成某生\n自去年以来，民众捐款。\n压题照片：大棚。（秦某宇摄）\n见下文（记者手记）。\n"
    _, arts = segment(document_from_text("t.txt", raw))
    assert arts[0].title == "共渡时艰"
    assert [(b.name, b.role) for b in arts[0].bylines] == [("成某生", "记者"), ("秦某宇", "")]


def test_the_names_after_a_medium_in_a_closing_credit_are_its_people():
    """A county paper closes an item with its media centre and reporters (（某县融媒体中心
    甲 乙）): persons with no title; a bracket of other words still names nobody."""
    raw = "轮训开班\n本报讯 全县村党组织书记开展轮训。（谷城县融媒体中心 龚某雪 訾某）\n见下文（县委宣传部 供稿）。\n"
    _, arts = segment(document_from_text("t.txt", raw))
    assert [(b.name, b.role) for b in arts[0].bylines] == [("龚某雪", ""), ("訾某", "")]


def test_an_article_records_the_place_its_dateline_was_filed_from():
    raw = ("温暖送进万家\n本报成都１月５日电记者罗某城报道：岁末年初，四川省领导深入工厂。\n"
           "考察企业\n据新华社北京十二月三十一日电（记者 王某明）今天是最后一天。\n"
           "本报讯（记者 李某）冠县推行物业服务机制。\n")
    _, arts = segment(document_from_text("t.txt", raw))
    assert [a.place for a in arts] == ["成都", "北京", None]
    # a dateline in brackets at the end, else where the byline's correspondent is posted
    raw = ("共渡时艰\n本报驻泰国记者成某生\n民众纷纷捐款。（本报曼谷１月１０日电）\n")
    assert [a.place for a in segment(document_from_text("t.txt", raw))[1]] == ["曼谷"]
    raw = ("共渡时艰\n本报驻泰国记者成某生\n民众纷纷捐款。\n")
    assert [a.place for a in segment(document_from_text("t.txt", raw))[1]] == ["泰国"]


def test_the_issue_date_is_read_beside_the_weekday_or_from_the_file_name(tmp_path):
    from kg import extract

    page = tmp_path / "p.txt"
    page.write_text("聊城日报\n2024年4月18日 星期四 农历三月初十\n第3版 要闻\n本报讯 东昌府区召开会议。\n",
                    encoding="utf-8")
    assert extract([page])[0][0]["masthead"]["date"] == "2024-04-18"
    # no date printed: the e-paper archive's folder names it, and month-days get its year
    folder = tmp_path / "2022" / "11" / "07"
    folder.mkdir(parents=True)
    (folder / "p1.txt").write_text("本报讯 东昌府区7月1日召开会议。\n", encoding="utf-8")
    rec = extract([tmp_path / "2022"])[0][0]
    assert rec["masthead"]["date"] == "2022-11-07" and rec["masthead"]["date_source"] == "file name"
    assert rec["articles"][0]["dates"] == ["2022-07-01"]
    # a sentence that mentions a full date is no masthead
    page.write_text("本报讯 2024年4月18日，东昌府区召开会议。\n", encoding="utf-8")
    assert extract([page])[0][0]["masthead"]["date"] is None


def test_a_date_given_for_undated_pages_dates_them_and_is_counted(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a.txt").write_text("本报讯 东昌府区7月1日召开会议。\n", encoding="utf-8")
    (pages / "b.txt").write_text("聊城日报\n2024年4月18日 星期四\n本报讯 冠县召开会议。\n", encoding="utf-8")
    out = tmp_path / "out"
    for given in ("2022-11-07", "2023-01-02"):      # the second build must not reuse the first's dates
        r = CliRunner().invoke(main, ["build", str(pages), "-o", str(out), "-q", "--date", given])
        assert r.exit_code == 0, r.output
        docs = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["documents"]
        dates = {Path(k).name: (v["date"], v["date_source"]) for k, v in docs.items()}
        assert dates == {"a.txt": (given, "option"), "b.txt": ("2024-04-18", "masthead")}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents"]["issue_date"] == {"masthead": 1, "option": 1}
    r = CliRunner().invoke(main, ["extract", str(pages), "--date", "2022-13-07"])
    assert r.exit_code == 2 and "--date" in r.output


def test_a_page_table_gives_paper_date_and_page_where_the_page_prints_none(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    pages = tmp_path / "in" / "2024"
    pages.mkdir(parents=True)
    (pages / "a.txt").write_text("本报讯 东昌府区7月1日召开会议。\n", encoding="utf-8")
    (pages / "b.txt").write_text("聊城日报\n2024年4月18日 星期四\n本报讯 冠县召开会议。\n", encoding="utf-8")
    table = tmp_path / "pages.csv"
    out = tmp_path / "out"
    for day in ("07", "08"):         # a changed row is a changed page: no stale cache entry
        table.write_text(f"file,paper,date,page\n2024/a.txt,聊城日报,2022-11-{day},3\n"
                         "b.txt,东昌府讯,2020-01-01,\nc.txt,聊城日报,2022-11-09,1\n", encoding="utf-8")
        r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(out), "-q", "--meta", str(table)])
        assert r.exit_code == 0, r.output
        assert "c.txt" in r.output and "names no input file" in r.output
        docs = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["documents"]
        got = {Path(k).name: (v["paper"], v["date"], v["date_source"], v["page"], v["area"])
               for k, v in docs.items()}
        # what the page prints comes first (b.txt's masthead); the table fills in the rest
        assert got == {"a.txt": ("聊城日报", f"2022-11-{day}", "table", "3", "聊城市"),
                       "b.txt": ("聊城日报", "2024-04-18", "masthead", None, "聊城市")}
    table.write_text("file,date\na.txt,2022-13-01\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "--meta", str(table)])
    assert r.exit_code == 2 and "row 2" in r.output and "not a date" in r.output
    table.write_text("name,date\na.txt,2022-11-01\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "--meta", str(table)])
    assert r.exit_code == 2 and "'file' column" in r.output
