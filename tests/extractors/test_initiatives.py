"""The initiatives component: programmes, campaigns, meetings and events (quoted names,
head nouns, sessions)."""
from __future__ import annotations

from pages import CITY, COUNTY, DISTRICT, extract, names, tagger_reads, triples


def test_quote_list_shares_the_verdict_of_its_head():
    rec = extract(DISTRICT + "东昌府区创新“支部建在小区上”“三建两清”“红色物业”等举措。")
    assert {"支部建在小区上", "三建两清", "红色物业"} <= names(rec, "Initiative")


def test_head_noun_a_few_words_after_the_quote():
    rec = extract(CITY + "聊城市老区促进会“红色暖阳”帮扶救助行动启动仪式举行。")
    assert "红色暖阳" in names(rec, "Initiative")


def test_negated_models_and_figures_of_speech_are_not_initiatives():
    rec = extract(DISTRICT + "打破“机关化”办公模式，打造物资储备“新模式”。")
    assert not names(rec, "Initiative")


def test_numbered_quote_takes_its_head_as_name():
    rec = extract(CITY + "聊城市2022年“119”消防宣传月活动启动仪式举行。")
    assert "119消防宣传月" in names(rec, "Initiative")
    # a number a phrase describes its noun by (特服号“199”的…工程) names nothing
    rec = extract(CITY + "采用特服号“199”的全国无线寻呼网骨干网点建设工程已经竣工。")
    assert not any("199" in n for n in names(rec, "Initiative"))


def test_meetings_of_an_area_and_numbered_events():
    rec = extract(CITY + "我市召开全市高校毕业生就业创业工作视频会议。电影获第36届中国电影金鸡奖。")
    assert "聊城市高校毕业生就业创业工作视频会议" in names(rec, "Initiative")
    assert "中国电影金鸡奖" in names(rec, "Initiative")
    # a head jieba cuts in two (推进|会, its 会 a verb to jieba) ends the meeting's name
    rec = extract(CITY + "8月17日，全市优化营商环境推进会召开。")
    assert "聊城市优化营商环境推进会" in names(rec, "Initiative")


def test_quoted_programmes_before_meetings_and_events_and_unquoted_schemes():
    rec = extract(CITY + "本报讯 某街道召开“共富工坊”建设推进会。区工商联召开“百企联百村”结对帮扶工作推进会。"
               "千灯湖公园迎来“湖畔春季游园会”。"
               "县里还建立了蚕丝制品质量追溯制。我市今年实施的背街小巷整治提升工程已开工。")
    assert {"共富工坊", "百企联百村", "湖畔春季游园会", "蚕丝制品质量追溯制",
            "背街小巷整治提升工程"} <= names(rec, "Initiative")
    assert "百企联百村" not in names(rec, "District")
    # a short name (再就业工程) after a verb and its complement 好; none where works are counted
    rec = extract(CITY + "会议指出，要组织实施好再就业工程。全省实施了四项工程。")
    assert names(rec, "Initiative") == {"再就业工程"}


def test_generic_schemes_are_not_named():
    rec = extract(CITY + "本报讯 各地开展专项整治行动，建立健全长效机制。")
    assert not names(rec, "Initiative")


def test_trademarks_apps_awards_classes_and_what_is_registered_or_set_up_are_initiatives():
    rec = extract(COUNTY + "本报讯 大邑县禾丰种植专业合作社理事长姜立平说，合作社注册了“禾风香”商标。"
               "居民通过“邻安e站”小程序上报。本次“乡村好园丁”评选，共表彰教师58名。校企共建“远航订单班”。"
               "社区在小区内设置了“邻里茶话角”。")
    assert {"禾风香", "邻安e站", "乡村好园丁", "远航订单班", "邻里茶话角"} <= names(rec, "Initiative")
    # the bare 合作社 of the clause is the cooperative named before, not the page's county
    assert ("大邑县禾丰种植专业合作社", "runs", "禾风香") in triples(rec)


def test_a_regulation_cited_is_no_initiative_but_one_issued_is():
    rec = extract(CITY + "本报讯 根据《干部选拔任用工作条例》有关规定，现公示如下。市政府印发《城区绿化提升实施方案》。")
    assert "干部选拔任用工作条例" not in names(rec, "Initiative")
    assert "城区绿化提升实施方案" in names(rec, "Initiative")


def test_system_named_after_a_post_is_an_initiative():
    rec = extract(CITY + "该镇全面推行湖长制，实行网格管理。校长负责制和家长制作风不是。")
    assert "湖长制" in names(rec, "Initiative")
    assert not {"家长制", "校长制"} & names(rec)


def test_quoted_paired_slogan_is_an_initiative_without_a_head_noun():
    rec = extract(CITY + "镇长汇报了“一企一档”服务情况，他说：“一来一回很方便”。")
    assert "一企一档" in names(rec, "Initiative")
    assert "一来一回很方便" not in names(rec)


def test_a_national_meeting_is_an_initiative_named_as_printed():
    rec = extract(CITY + "全国农村工作会议昨天在京闭幕。")
    assert "全国农村工作会议" in names(rec, "Initiative")
    # a meeting's word inside another (人民大会|堂) after a title and a person is no meeting
    rec = extract(CITY + "全国政协主席李瑞环今天在人民大会堂会见了代表。")
    assert not any("李瑞环" in n for n in names(rec, "Initiative"))


def test_a_session_named_after_its_area_or_body_is_an_initiative_it_runs(monkeypatch):
    # the tagger reads the alliance a body (a retrained model may doubt it: 0.56)
    tagger_reads(monkeypatch, {"东盟": ("ORG", 0.95), "孔令志": ("PER", 0.99)})
    rec = extract("泰国总理川·立派将出席东盟首脑会议。代表孔令志参加了全国人代会。\n")
    assert {"东盟首脑会议", "全国人代会"} <= names(rec, "Initiative")
    assert {("东盟", "runs", "东盟首脑会议"), ("川·立派", "participatesIn", "东盟首脑会议"),
            ("孔令志", "participatesIn", "全国人代会")} <= triples(rec)
    assert not any(r[1] == "runs" and r[2] == "全国人代会" for r in triples(rec))


def test_a_numbered_session_the_tagger_reads_as_a_body_is_an_initiative(monkeypatch):
    """中共第八次全国代表大会: the tagger reads an organisation, but a body's numbered
    congress is an event it holds."""
    tagger_reads(monkeypatch, {"中共第八次全国代表大会": ("ORG", 0.99), "丹麦共产党": ("ORG", 0.99),
                               "第九届全国人民代表大会": ("ORG", 0.99)})
    rec = extract("１９５６年他出席中共第八次全国代表大会，被选为中央委员。丹麦共产党派人出席。"
                  "他当选为第九届全国人民代表大会代表。\n")
    assert "中共第八次全国代表大会" in names(rec, "Initiative")
    assert not any("第九届" in n for n in names(rec, "Initiative"))     # a term is the body's
    assert "中共第八次全国代表大会" not in names(rec, "Organization") and "丹麦共产党" in names(rec, "Organization")
    assert not names(extract("河北省召开干部大会部署工作。\n"), "Initiative")   # a meeting held, not named


def test_a_session_named_by_its_level_is_the_session_of_the_area_meant_there():
    ents = {e["name"]: e for e in extract(CITY + "市人代会今天开幕。大城市人代会不多。")["entities"]}
    assert ents["聊城市人代会"]["type"] == "Initiative" and "市人代会" in ents["聊城市人代会"]["aliases"]
    assert not any(n.endswith("城市人代会") and n != "聊城市人代会" for n in ents)


def test_programmes_named_in_quotes_by_their_head_a_launch_or_an_event_count():
    rec = extract(COUNTY + "本报讯 县“希望工程”办公室主动提出资助。职工们发起成立了“爱心大家庭”。"
               "三月五日，一场大规模的“学雷锋义卖”在广场举行。")
    assert {"希望工程", "爱心大家庭", "学雷锋义卖"} <= names(rec, "Initiative")
    office = next(n for n in names(rec, "Agency") if n.endswith("办公室"))
    assert "“" not in office and {"head": office, "rel": "runs", "tail": "希望工程"} in rec["relations"]


def test_a_quoted_programme_a_few_words_after_the_verb_that_builds_it():
    # 打造 + what the programme serves (防汛预报预警) + its quoted name; 优化 a platform
    rec = extract(COUNTY + "本报讯 县水利局打造防汛预报预警“直通车”，持续优化“数字水利一张图”。")
    assert {"直通车", "数字水利一张图"} <= names(rec, "Initiative")


def test_a_head_noun_far_after_the_quote_names_it_but_not_past_a_copula():
    rec = extract(CITY + "本报讯 5月21日晚，“与人民同行”2024山东省文联新时代文明实践文艺志愿服务主题活动启动。"
                  "“鑫诺1号”卫星是中国航天保险联合体成立以来承保的第四个发射项目。")
    assert "与人民同行" in names(rec, "Initiative")
    assert not any("鑫诺" in n for n in names(rec, "Initiative"))
    # ... nor past an adverb of the clause the quote is the subject of (便, 将)
    rec = extract(CITY + "军旅戏剧的前身“红色戏剧”便在革命根据地和红军队伍中日益活跃起来。"
                  "一批出版业的“大船”将试点组建。参加“一助一”长期志愿服务计划的青年增多。")
    assert names(rec, "Initiative") == {"一助一"}
    # ... nor past an aspect particle: the quote names a hall, the contest is held in it
    rec = extract(CITY + "协会在位于市中心的“华沙人”体育馆内共同举办了迎春武术大赛。")
    assert not any("华沙人" in n for n in names(rec, "Initiative"))


def test_works_named_where_building_starts_are_projects():
    """…加工基地一期工程破土动工: a works named where its building starts or ends."""
    rec = extract(CITY + "总投资3000多万元的现代化冷冻食品加工基地一期工程破土动工。这项工程很重要。")
    assert "现代化冷冻食品加工基地一期工程" in names(rec, "Initiative")
    assert not any(n.endswith("这项工程") for n in names(rec))


def test_a_campaign_in_two_clauses_and_a_strategy_are_initiatives_but_speech_is_none():
    rec = extract("市妇联发起了“节约一滴水，保护母亲河运动”。他说：“大家好，我们来了。”"
                  "公司制定了“大兵团”战略。\n")
    assert {"节约一滴水，保护母亲河运动", "大兵团"} <= names(rec, "Initiative")
    assert not any("大家好" in n for n in names(rec))


def test_the_work_of_a_quoted_programme_names_it():
    """“某某”的工作 and “某某”工作上: the work done under a programme's name; the head may
    take a localiser after it (上, 中) and still end there."""
    rec = extract(CITY + "我们把主要精力放在“午间小饭桌”的工作上，在“邻里帮”工作中也下了功夫。")
    assert {"午间小饭桌", "邻里帮"} <= names(rec, "Initiative")
    # ... but not a common verb the writer stresses in quotes; a campaign's short verb stays
    rec = extract(CITY + "我们要做好“结合”的工作，开展“严打”工作。")
    assert names(rec, "Initiative") == {"严打"}
    # nor words of degree and an adjective the writer stresses, nor speech saying how one acts
    rec = extract(CITY + "推进的希望“十分渺茫”。开展“严打”工作。")
    assert names(rec, "Initiative") == {"严打"}
    rec = extract(CITY + "他说将“在必要时果断地采取行动”。开展“严打”工作。")
    assert names(rec, "Initiative") == {"严打"}
    rec = extract(CITY + "市发改委推行“拿地即开工”改革。")      # 地 the land taken, no adverb
    assert names(rec, "Initiative") == {"拿地即开工"}


def test_a_quoted_place_name_brands_a_product_and_names_no_programme():
    rec = extract("该厂借用了“海拉尔”雪糕的品牌，又推出“日本”系列。“江北水城”文旅活动启动。")
    assert names(rec, "Initiative") == {"江北水城"}


def test_projects_counted_name_no_project():
    rec = extract(CITY + "双方签订了优质烤烟生产基地建设等32项科技合作开发项目。")
    assert not any("项科技" in n or n.startswith("科技合作") for n in names(rec, "Initiative"))


def test_a_project_named_with_another_project_inside_is_two_kinds():
    """没有列入全运会的项目和非奥运项目: two kinds of sport joined by 和, no named project."""
    rec = extract(CITY + "他说，没有列入全运会的项目和非奥运项目应当走社会化发展的道路。")
    assert not names(rec, "Initiative")


def test_projects_of_a_size_are_a_kind_not_a_named_project():
    """建设地面大中型项目, 大型工程建设项目: a size names a kind of project, as it names a
    kind of firm (大型企业)."""
    rec = extract(CITY + "共投资了3亿元，建设地面大中型项目近40个。政府推迟了一批大型工程建设项目。")
    assert not names(rec, "Initiative")


def test_a_clause_about_meetings_names_no_meeting():
    rec = extract(CITY + "几个月来全市先后有30多家企业召开改制创立大会。全市有关部门负责人会议今天召开。")
    got = names(rec, "Initiative")
    assert not any("召开" in n or "先后" in n for n in got)
    assert any(n.endswith("有关部门负责人会议") for n in got)
    # nor one about attending it (中国全国人大代表团也出席了这次大会)
    rec = extract("２５个国家的代表出席这次会议，中国全国人大代表团也出席了这次大会。\n")
    assert not any("出席" in n for n in names(rec, "Initiative"))


def test_a_scheme_set_up_with_a_resultative_起_is_named_without_it():
    got = names(extract(CITY + "各单位进行了动员，建立起领导干部责任制。"), "Initiative")
    assert not any(n.startswith("起") for n in got)


def test_a_quoted_description_counted_names_no_programme():
    got = names(extract(CITY + "大会呼吁建立“一个持久的信息交流和协调行动网”。我市推行“一村一品”。"), "Initiative")
    assert "一村一品" in got and not any(n.startswith("一个") for n in got)


def test_a_quoted_phrase_opening_with_a_verb_or_after_not_is_no_programme():
    """A quoted phrase that opens with a verb and describes (采取一切必要的和适当的行动)
    and a quote after 不是 (而不是“武力行动”) name nothing; a verb-first slogan without
    的 still does (“争做小主人”活动)."""
    got = names(extract(CITY + "议员们支持“采取一切必要的和适当的行动”来惩罚对方。他们优先考虑外交，而不是“武力行动”。"
                        "学校开展“争做小主人”活动。"), "Initiative")
    assert "争做小主人" in got and not any(n.startswith(("采取", "武力")) for n in got)


def test_a_quoted_feeling_before_a_colon_and_a_quoted_vessel_are_no_programmes():
    # the head noun after a quote is looked for within its clause, not past a colon
    rec = extract("领导干部开始感到“有点压力”：一项基层评议区直单位的活动开始了。\n")
    assert "有点压力" not in names(rec)
    # “和平”号轨道站, “奋进”号航天飞机: a craft's name
    rec = extract("接回已在“和平”号轨道站停留了４个月的宇航员。“奋进”号航天飞机定于本月返回地面。\n")
    assert not names(rec, "Initiative")


def test_a_dash_after_a_quote_opens_an_apposition_not_a_name_with_its_head():
    """“李某”———名扬四海的体育品牌: what follows the dash describes the quote; the quote
    and the words to 品牌 are no alias of a programme."""
    rec = extract("提起“李某”，人们会想到：“李某”———名扬四海的体育品牌……\n")
    assert not any("—" in m["text"] for e in rec["entities"] for m in e["mentions"])


def test_a_count_of_months_after_a_quote_is_no_head():
    """“国房景气指数”连续９个月保持上行: nine months, no campaign month; “三下乡”宣传月 is one."""
    rec = extract("“国房景气指数”连续９个月保持总体上行。各地开展“三下乡”宣传月。\n")
    texts = {m["text"] for e in rec["entities"] for m in e["mentions"]}
    assert not any(t.endswith("个月") for t in texts) and "“三下乡”宣传月" in texts


def test_a_project_counted_by_a_measure_names_none():
    """组织实施的一项重点工程: a project counted (一项), not one named."""
    got = names(extract(CITY + "“五个一工程”是党委宣传部门直接组织实施的一项重点工程。"), "Initiative")
    assert "五个一工程" in got and not any(n.startswith("一项") for n in got)


def test_a_day_of_the_calendar_before_its_holiday_is_no_initiative():
    """整个“五一”劳动节, “三八”妇女节: a month and day in numerals before the holiday's
    name is a day; “九五”计划 (the ninth five-year plan) is a programme."""
    rec = extract("按计划，整个“五一”劳动节我都在家复习。全面完成“九五”计划的各项任务。\n")
    assert "五一" not in names(rec) and "九五" in names(rec, "Initiative")


def test_a_quote_after_a_kind_word_describes_and_names_nothing():
    """如果建立起这种“良性循环”: 这种 (this kind of) before the quote says the quote
    describes; no programme is named."""
    rec = extract("如果建立起这种“良性循环”，话剧的困境何愁突破不了？\n")
    assert "良性循环" not in names(rec)
