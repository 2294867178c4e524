"""Generic knowledge of the genre: surnames, title words, organisation heads.

Nothing here names a particular person, company or initiative: these are the
closed classes of Chinese government news that any city's paper uses.
"""
from __future__ import annotations

import re
from typing import Iterable

# Common Chinese surnames (Hundred Family Surnames, most frequent first), and compound ones.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
    "边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原"
    "栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计"
    "索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕"
    "危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由念朗"
    # frequent in the south and west (赖 is among the hundred commonest nationwide)
    "赖冒税蒯缑眭鄂郦钭訾逄郗璩蓬禤冼丘凤佴"
    # missed until papers from Fujian and Hubei (洪 is among the hundred commonest)
    "洪庹邴")
COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫"}
# The Hundred Family Surnames (百家姓), the classic list, in its order. Many of its
# characters are also common words (水, 家, 有), so kg.extractors.persons takes from it
# only the characters jieba rarely sees as words of their own (笪, 隗, 傅).
HUNDRED_FAMILY = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄"
    "和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭"
    "梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻"
    "莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向"
    "古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾"
    "毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公仉督晋楚闫法汝鄢涂钦岳帅缑亢况有琴商牟佘佴伯赏"
    "墨哈谯笪年爱阳佟言福")
HUNDRED_FAMILY_COMPOUNDS = (
    "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫", "尉迟", "公羊",
    "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "公孙", "仲孙", "轩辕", "令狐",
    "钟离", "宇文", "长孙", "慕容", "鲜于", "闾丘", "司徒", "司空", "亓官", "司寇", "子车", "颛孙",
    "端木", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干",
    "百里", "东郭", "南门", "呼延", "归海", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "南宫", "第五")

# Words that follow a name and so end it ("王法成说").
AFTER_NAME = ("说", "表示", "介绍", "指出", "强调", "出席", "参加", "主持", "讲话", "致辞", "认为",
              "告诉", "坦言", "感慨", "笑着", "一行", "等", "和", "与", "及", "同志", "在", "来到",
              "深入", "带队", "调研", "督导", "看到", "发现", "得知", "走访", "的", "是", "也", "还",
              "就", "现场", "先后", "对", "向", "为", "代表", "作", "以", "通过", "利用", "接受", "正",
              "已", "夫妇", "家", "老人", "师傅", "老师", "同学", "主任", "书记", "一起", "带领",
              "率", "前往", "会见", "签约", "签署", "宣布", "要求", "希望", "当选", "获", "被", "把",
              "将", "从", "又", "都", "像", "起床", "巡", "每", "今年", "去年", "一直",
              # reporting verbs jieba tags as nouns, so the verb test in persons misses them
              "部署", "建议", "列席", "汇报", "提出", "发言", "宣读", "通报", "点评", "布置",
              "传达", "总结", "解读", "安排", "陪同", "批示",
              # honorifics (颜某先生) and military ranks (某某·某某耶夫中将): the name ends before them
              "先生", "女士", "上将", "中将", "少将", "大校", "上校", "中校", "少校")

# Posts: the titles an official holds. Longer first so 副区长 wins over 区长.
_GOV_HEADS = ("书记", "副书记", "常委", "委员", "主任", "副主任", "主席", "副主席", "秘书长",
              "副秘书长", "局长", "副局长", "部长", "副部长", "厅长", "副厅长", "处长", "副处长",
              "科长", "副科长", "股长", "副股长", "所长", "副所长", "站长", "副站长", "院长", "副院长",
              "校长", "副校长", "检察长", "副检察长", "庭长", "副庭长", "队长", "副队长", "大队长", "副大队长",
              "支队长", "副支队长", "中队长", "副中队长", "组长",
              "副组长", "巡视员", "调研员", "主任委员", "党组书记", "党组成员", "党组副书记",
              "党委书记", "党委副书记", "党委委员", "党工委书记", "党工委副书记", "纪委书记",
              "监委主任", "政委", "教导员", "副教导员", "指导员", "副指导员", "馆长", "副馆长", "会长", "副会长",
              "理事长", "副理事长", "社长", "副社长", "总编辑", "副总编辑", "台长", "副台长", "团长", "副团长", "司令员", "政法委书记")
_AREA_HEADS = ("省长", "副省长", "常务副省长", "市长", "副市长", "常务副市长", "区长", "副区长", "常务副区长",
               "县长", "副县长", "常务副县长", "镇长", "副镇长", "乡长", "副乡长", "村长",
               "主任", "郡守", "州长", "市委书记", "区委书记", "县委书记", "镇党委书记",
               "村党支部书记", "党支部书记", "支部书记", "第一书记", "社区书记", "网格长", "田长",
               "河长", "林长", "路长",
               # Inner Mongolia's banners (旗), sumu (苏木, town level) and gacha (嘎查, village level)
               "旗长", "副旗长", "常务副旗长", "苏木长", "副苏木长", "嘎查长",
               # prefectures (地区) before they became cities: the Party's 地委 and the
               # administrative office (行署) its commissioner (专员) heads
               "地委书记", "地委副书记", "行署专员", "副专员")
# Posts of the central state, the Party centre and the army, as national papers print
# them (国务院总理, 中共中央政治局委员、国务委员), and heads of foreign states.
_NATIONAL_HEADS = ("总理", "副总理", "国务委员", "委员长", "副委员长", "总书记", "国家主席",
                   "国家副主席", "中共中央政治局委员", "中共中央政治局常委", "中共中央政治局候补委员",
                   "政治局委员", "政治局常委", "中央委员", "候补委员", "元帅", "将军", "总统",
                   "副总统", "首相", "副首相", "大使",
                   # the diplomatic service and a crown's representative (加拿大总督)
                   "临时代办", "总领事", "副总领事", "领事", "参赞", "公使", "特使", "总督", "副总督",
                   # a state's chief law officer and its highest judges
                   "总检察长", "大法官",
                   # legislatures' heads and members, ministers and governors abroad
                   "议长", "副议长", "议员", "参议员", "众议员", "大臣", "知事",
                   # heads of a ministry's departments (司) and of its administrations (署),
                   # the foreign, finance and defence ministers' short titles (外长, 财长,
                   # 防长) and the United States' secretary of state (国务卿)
                   "司长", "副司长", "署长", "副署长", "外长", "副外长", "外相", "副外相",
                   "财长", "副财长", "防长", "国务卿", "副国务卿", "助理国务卿",
                   # the head of a special administrative region's government
                   "行政长官",
                   # the heads of international organisations' secretariats (世贸组织总干事)
                   "总干事", "副总干事",
                   # the armed forces' commanders and staff, a minister's assistant
                   "司令员", "副司令员", "司令", "副司令", "参谋长", "副参谋长", "总参谋长",
                   "副总参谋长", "副政委", "部长助理", "上将", "中将", "少将")
# Titles of a state's head, government and envoys that a country's one-character short
# form may stand before (俄外长, 美总统, 英首相)
FOREIGN_STATE_TITLES = frozenset({"总统", "副总统", "总理", "副总理", "首相", "副首相", "外长", "副外长",
                                  "外相", "议长", "大使", "总督", "财长", "防长", "国务卿"})
# Words that qualify a title before it (候补委员, 常务副校长, 名誉会长): no given name
TITLE_QUALIFIERS = frozenset({"候补", "常务", "专职", "执行", "名誉", "荣誉", "代理"})
# A deputy's title with the deputy's standing (常务副校长, 专职副主席) and a chair's acting
# for the body (执行主席, 执行会长), as written: the post is the title in full.
_QUALIFIED_HEADS = tuple(q + t for t in _GOV_HEADS if t.startswith("副") for q in ("常务", "专职")) + (
    "执行主席", "执行副主席", "执行会长", "执行副会长", "执行主任", "常务书记", "常务委员", "常务理事")
# Offices of the central state that no body named before them in a chain holds
# (中央军委副主席、国务委员: the State Council's, not the commission's; 国务院副总理兼外长:
# the foreign minister is no post of the State Council)
STATE_OFFICES = frozenset({"国务委员", "总理", "副总理", "总书记", "外长", "副外长", "外相", "副外相",
                           "财长", "防长"})
# Titles a national paper writes after the name as a form of address (某某总理, 某某元帅).
TITLES_AFTER_NAME = ("副总理", "总理", "副委员长", "委员长", "总书记", "副主席", "主席", "元帅",
                     "将军", "上将", "中将", "少将", "副总统", "总统", "首相")
# Short forms of a Party department head's title (宣传部部长 -> 宣传部长) and honorary posts.
_SHORT_AND_HONORARY = ("宣传部长", "组织部长", "统战部长", "荣誉主席", "名誉主席", "荣誉会长",
                       "名誉会长")
# Heads' titles that co-operatives, institutes, associations and troupes use as much as
# public bodies: with no organisation named, they make nobody an official.
SHARED_HEAD_TITLES = {"院长", "副院长", "理事长", "副理事长", "会长", "副会长", "社长", "副社长",
                      "团长", "副团长", "队长", "副队长"}


def heads_unnamed_body(title: str, org: str | None) -> bool:
    """A shared head's title with no organisation named (合作社……理事长鲁某): no office."""
    return org is None and title in SHARED_HEAD_TITLES


OFFICIAL_TITLES = set(_GOV_HEADS) | set(_AREA_HEADS) | set(_NATIONAL_HEADS) | set(_SHORT_AND_HONORARY) \
        | set(_QUALIFIED_HEADS) | {
    "市委常委", "区委常委", "县委常委", "省委常委", "市委副书记", "区委副书记", "县委副书记",
    "省委副书记", "社区民警", "民警", "辅警", "警官", "法官", "检察官", "村支书", "网格员",
    "人大代表", "政协委员",
    "宣传部部长", "统战部部长", "组织部部长", "党委书记",
    "镇党委副书记", "街道党工委书记", "街道办事处主任", "村委会主任", "居委会主任",
    "主任医师", "副主任医师", "主治医师", "护士长", "副教授", "研究员",
    # members of a town or street Party committee by portfolio
    "宣传委员", "组织委员", "纪检委员", "统战委员", "政法委员", "武装部长"}
# a board's titles: the body that has them is run by its owners, not by government
BOARD_TITLES = frozenset({"董事长", "副董事长", "董事", "监事"})


def boarded(posts: Iterable[tuple[str, str | None]]) -> set[str]:
    """The bodies that (title, body) pairs give a board (鸿宇中学董事长): private ones,
    whatever their head says, so no post in them is public office."""
    return {org for title, org in posts if org and title in BOARD_TITLES}


COMPANY_TITLES = {"董事长", "副董事长", "总经理", "副总经理", "经理", "副经理", "总裁", "副总裁", "负责人",
                  "相关负责人", "项目负责人", "创始人", "法人代表", "店长", "副店长", "厂长", "副厂长", "董事",
                  "监事", "总监", "主管", "技术员", "工程师", "总工程师", "副总工程师", "高级工程师", "行长", "副行长", "掌柜"}
PERSON_TITLES = {"记者", "通讯员", "老师", "教师", "教授", "医生", "护士", "村民", "居民", "市民",
                 "志愿者", "专家", "学者", "工人", "职工", "业主", "店主", "摊主", "农民", "学生",
                 "律师", "作家", "画家", "书法家", "企业家", "退役军人", "老党员", "党员",
                 "导演", "演员", "歌手", "主持人", "编剧", "教练", "球员", "运动员", "选手", "队长",
                 "艺术家", "诗人", "摄影师", "设计师", "研究员", "分析师", "经济学家", "创始人",
                 "合伙人", "首席执行官", "实习生", "编辑", "网友", "游客", "患者", "家长", "考生"}
PERSON_TITLE_RE = re.compile("|".join(sorted(PERSON_TITLES, key=lambda t: (-len(t), t))))   # one starting here
TITLES = sorted(OFFICIAL_TITLES | COMPANY_TITLES, key=lambda t: (-len(t), t))
_TITLE_ALT = "|".join(map(re.escape, TITLES))
TITLE_RE = re.compile(_TITLE_ALT)                   # a title starting here (longest first)
TITLE_ENDING = re.compile(f"(?:{_TITLE_ALT})$")     # a title ending at the search's end

# Organisation heads by type. A name ends in one of these.
AGENCY_HEADS = ("人大常委会", "人大", "政协", "人民政府", "政府", "管理委员会", "管委会", "委员会", "常委会",
                "工作委员会", "办公室",
                "办事处", "书记处", "领导小组", "工作小组", "指导小组", "小组", "工作部", "服务部", "党工委",
                "党委", "党组", "总支", "党支部", "支部", "纪委", "监委", "公安局", "分局", "局",
                "厅", "部", "管理处", "办事处", "科", "审批股", "管理股", "业务股", "委", "司法所",
                "派出所", "财政所", "税务所", "供电所", "管理所", "卫生所", "检测所",
                "服务中心", "便民服务中心", "党群服务中心", "综治中心", "指挥中心", "管理中心",
                "服务站", "工作站", "监测站", "防疫站", "推广站", "监督站", "检查站", "管理站",
                "救助站", "监督总站", "办",
                "大厅", "法院", "检察院", "公安", "执法大队", "大队", "支队",
                "中队", "总队", "消防救援站", "巡察组", "督导组", "专班", "服务部门", "司",
                # a country's or region's legislature and cabinet (national and foreign news)
                "内阁", "国会", "议会", "参议院", "众议院", "上议院", "下议院", "立法会")
# Verbs that end in 办, the head of an office's short name (扶贫办): 主办 and 代办 name no office.
ACTS_ENDING_IN_BAN = frozenset({"主办", "承办", "举办", "创办", "督办", "代办", "协办", "开办", "兴办",
                                "包办", "照办", "查办", "法办", "新办", "来办", "简办", "村办", "合办",
                                "筹办", "操办", "催办", "交办", "转办", "领办", "申办", "接办", "自办",
                                "快办", "速办", "好办", "难办", "怎么办", "去办", "要办"})
# the army's general departments (三总部): the Central Military Commission's, no ministries
ARMY_GENERAL_DEPARTMENTS = ("总参谋部", "总政治部", "总后勤部", "总装备部")
# an army's or a front's command and its departments (八路军绥德警备司令部, 马德里指挥部): no ministry
COMMANDS = ("司令部", "指挥部", "参谋部", "政治部", "后勤部", "装备部")
# What the name of a state's armed forces, police or diplomatic mission ends in: it types
# a body the tagger found as an Agency (美国海军, 肯尼亚驻华使馆), but starts no body in
# the rules (战胜|济南军区: the word before is no part of the name).
STATE_FORCE_HEADS = ("解放军", "海军", "陆军", "空军", "舰队", "部队", "军区", "警方", "军方",
                     "大使馆", "使馆", "领事馆", "总领事馆")
# what a ministry's name ends in in Japan (大藏省, 外务省, 通产省), where no province of the
# divisions' data is named so: a body the tagger found so is a state's agency
MINISTRY_END = "省"
MINISTRY_END_STATE = "日本"     # ... the state whose ministries they are
# What the name of a media outlet, a publisher or a sports team ends in: it types a body
# the tagger found (黎巴嫩电台, 北京武术队) as the guidelines' Organization, where no head of
# the rules' does (they are no heads: 电台 and 队 end common words too).
OUTLET_AND_TEAM_ENDINGS = ("电台", "通讯社", "出版社", "杂志社", "足球队", "篮球队", "排球队",
                           "乒乓球队", "武术队", "田径队", "游泳队", "体操队", "代表队",
                           "男排", "女排", "男篮", "女篮", "男足", "女足")
# the endings of a firm's registered name: it is complete, so a longer name that begins
# with it names a unit of the firm (某某有限公司|质管部), not the firm in full
LEGAL_FORMS = ("有限公司", "有限责任公司", "股份公司")     # not 集团: 某集团 short for 某集团股份有限公司
# a firm named by its group and legal form alone (集团公司, 集团有限公司, 总公司): the firm the
# page named in full, called short, or a kind
FIRM_FORM_ONLY = re.compile(r"(?:集团|总)?(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)")
# What a firm's branch or subsidiary is called after its parent's name (工商银行|深圳分行,
# 某集团|物流分公司): the parent named inside it is another firm, not its short form.
BRANCH_HEADS = ("分行", "支行", "分公司", "子公司", "营业部", "分店", "营业所", "分理处")
# ... and a body's branch or office in an area (国家税务总局|某市分局, 某大学|某地分院)
BODY_BRANCH_HEADS = (*BRANCH_HEADS, "分局", "分院", "分社", "分会", "分部", "办事处", "代表处")
# the people's bodies the Party leads (文联, 总工会, 妇联): typed as agencies, as the dev gold types 文联
PEOPLES_BODIES = ("文联", "作协", "科协", "社科联", "总工会", "工会", "团委", "妇联", "残联", "侨联",
                  "工商联", "红十字会", "关工委")
# heads that alone name an institution of the state (人大的工作, 在政协工作): a name, where
# another head alone (政府, 委员会) is a kind
INSTITUTION_HEADS = ("人大", "政协")
COMPANY_HEADS = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "子公司", "公司", "集团", "支行", "分行",
                 "农商银行", "农村商业银行", "银行", "信用社", "信用合作社", "信用合作联社", "联社",
                 "诊所", "超市", "商超", "商场", "药房",
                 "药店", "酒店", "宾馆", "饭店", "工厂", "厂", "合作社", "纸业", "门窗", "商行",
                 "商店", "专卖店", "门店", "事务所", "物业", "科技", "食品", "餐饮", "农场",
                 "牧场", "养殖场", "加工厂", "电器", "传媒公司", "地产", "置业", "证券", "保险",
                 "基金", "信托", "传媒", "珠宝", "药业", "制药", "汽车", "电子", "股份", "实业", "控股",
                 "医药", "物流", "能源", "化工", "钢铁", "水泥", "建工", "建材",
                 "株式会社")      # a Japanese firm's legal form (日本夏普株式会社)
ORG_HEADS = ("大学", "学院", "职业学院", "技师学院", "中学", "小学", "一中", "二中", "三中", "实验学校",
             "学校", "幼儿园", "医院", "人民医院", "中医医院", "卫生院", "卫生室", "协会", "学会",
             "研究会", "促进会", "联合会", "商会", "基金会", "学生会", "校友会", "研究院", "研究所", "博物馆", "图书馆",
             "科技馆", "纪念馆", "美术馆", "文化馆", "展览馆", "报社", "日报", "晚报", "电视台",
             "广播电视台", "融媒体中心", "传媒中心", "传播中心", "新闻传媒中心", "康养中心",
             "养老院", "敬老院", "志愿服务队", "志愿者协会", "志愿队", "服务队", "联盟", "书画院",
             "艺术团", "剧团", "俱乐部", "初中", "高中", "初级中学", "高级中学", "附中", "附小", "急救中心",
             "义工队", "舞蹈队", "合唱团", "宣讲团", "护学队", "巡逻队", "舞团", "乐团",
             # an opera's or a drama's company (北京京剧院), where 剧院 alone is a theatre
             "京剧院", "话剧院", "歌剧院", "歌舞剧院", "舞剧院", "昆剧院", "京昆剧院", "越剧院", "豫剧院",
             "评剧院", "川剧院", "粤剧院", "沪剧院", "黄梅戏剧院", "艺术剧院")
PLACE_HEADS = ("小区", "家属院", "大街", "南街", "北街", "东街", "西街", "街", "路", "大道", "胡同",
               "广场", "公园", "体育公园", "湿地公园", "灌区", "水库", "湖", "河", "大桥", "桥",
               "大厦", "西站", "东站", "南站", "北站", "火车站", "高铁站", "机场", "码头", "古城",
               "景区", "体育场", "体育馆", "体育中心", "会展中心", "会议中心", "剧院",
               # halls: a hall is a place, though 厅 and 大厅 head agencies (教育厅, 政务服务大厅)
               "演播厅", "演播大厅", "展厅", "展览大厅", "展览厅", "音乐厅", "宴会厅", "会议厅", "报告厅")
# what a service hall, an agency, is named for (政务服务大厅, 行政审批大厅, 办税大厅); any
# other hall is a room or a venue (饭店大厅, 金色大厅)
SERVICE_HALL_WORDS = ("服务", "审批", "政务", "办事", "办税", "纳税", "便民", "行政", "受理", "登记", "缴费",
                      "营业", "交易", "窗口")
# a natural feature's last character: 黄山 beside 黄山市 is the mountain, not the city; its
# name holds no area it lies in (江西|鄱阳湖)
NATURAL_FEATURE_ENDINGS = tuple("山江河湖海岭峰岛")
# a river's parts and banks: a city's short form named after a river (黑河, 九江) that
# one of these follows is the river (黑河|流域)
RIVER_ENDINGS = ("河", "江")
RIVER_PARTS = re.compile("流域|上游|中游|下游|干流|支流|沿岸|两岸|河道|河段|水系|源头|入海口")


def names_a_river(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a division's short form, names the river it is named
    after: it ends in 河 or 江 and a river's part follows (黑河|流域)."""
    return text[start:end].endswith(RIVER_ENDINGS) and RIVER_PARTS.match(text, end) is not None

# landforms and routes whose names are made of provinces' short forms (青藏|高原, 川藏|线,
# 京九|铁路): the name is the place's, the short forms name no province there
LANDFORMS_AND_ROUTES = ("高原", "盆地", "平原", "山脉", "半岛", "走廊", "铁路", "公路", "高速", "线")
# areas of nature or use whose names end like a division's (皖南山区, 大兴安岭林区, 三峡库区):
# places, not divisions, as are the place heads that end so (灌区, 景区, 小区)
NATURAL_AREAS = ("山区", "林区", "牧区", "库区", "保护区", *(h for h in PLACE_HEADS if h.endswith("区")))
# what names an event or a campaign, never a body, however a name before it reads
# (“某某进万家”公益活动, 专项行动)
EVENT_HEADS = ("活动", "行动")
# what a part of a body ends in beyond the heads above: a university's department (地理系,
# 中文系) and a section (编辑室 ends in 室, which 办公室 holds already)
SUB_UNIT_ENDS = ("系",)
# what names a body at another of its sites, not a unit of it (某医院|新院区, 某中学|东校区,
# 某医院|分院): the site's word, and what the body's name must end in ("" for any)
SITE_WORDS = {"院区": "", "校区": "", "分院": "医院"}
# Public institutions whose heads hold government-style posts (universities, hospitals).
# Not associations (协会, 学会, 公会): the guidelines' offices are the state's and its
# institutions'; an association's chair is a Person (real gold: 记者协会荣誉主席).
PUBLIC_ORG_HEADS = ("大学", "学院", "中学", "小学", "医院", "卫生院", "图书馆", "博物馆", "科技馆",
                    "文化馆", "研究院", "报社", "电视台")
# What calls a body privately owned in the words before its name (路桥区首家股份制医院———
# 广济医院, 民办学校某某中学): a post in it is no public office, whatever its head.
PRIVATE_OWNERSHIP = ("民办", "私立", "民营", "私营", "股份制", "个体")
PRIVATE_REACH = 8    # how far before the name (within its clause) the words are looked for
CLAUSE_ENDS = re.compile("[。，；！？：\n]")


def described_private(text: str, start: int) -> bool:
    """Whether the clause before a body's name at `start` calls it private."""
    before = CLAUSE_ENDS.split(text[max(0, start - PRIVATE_REACH):start])[-1]
    return any(w in before for w in PRIVATE_OWNERSHIP)


# what follows the name of the one who leads a visiting party (会见了某某一行): a person
PARTY_AFTER_NAME = ("一行",)
# A leading Party group sits only in state organs and the bodies the Party leads: a post
# in it (党组书记, 党组成员) is public office whatever the body (中国电影家协会党组成员).
PARTY_GROUP = "党组"


def private_body(type_: str, name: str) -> bool:
    """A business, or an organisation that is no public institution (舞蹈队, 合作社): a post
    in it is no public office."""
    return type_ == "Company" or type_ == "Organization" and not name.endswith(PUBLIC_ORG_HEADS)

# Generic terms of Chinese toponymy (通名): a bay, pond, ridge, flat, hamlet or port. jieba
# tags many of them as bound morphemes or classifiers, but inside a name they belong to it
# (翠屏|湾|小区, 望江|台|社区).
TOPONYM_CHARS = frozenset("湾塘岭坪坝沟岗峪洼坡滩屯寨庄港洲渡岛泉溪涧堡营垸墩圩冲岙坞台")

HOME_COUNTRY = "中国"      # the country the divisions' data is of: its provinces lie in it
HOME_COUNTRY_WORDS = (HOME_COUNTRY, "我国")     # how a paper names it (我国外经贸部: China's)
TAIWAN_CODE = "71"        # the first digits of Taiwan's division codes in that data
# The press's short names of countries ISO names in full (印尼), each with that full name
COUNTRY_SHORT_NAMES = {"印尼": "印度尼西亚", "沙特": "沙特阿拉伯", "波黑": "波斯尼亚和黑塞哥维那"}
# Foreign countries often named in local news (generic geography).
COUNTRIES = {"韩国", "日本", "美国", "英国", "法国", "德国", "俄罗斯", "意大利", "西班牙", "加拿大",
             "澳大利亚", "新西兰", "新加坡", "马来西亚", "泰国", "越南", "印度", "巴基斯坦", "哈萨克斯坦",
             "蒙古", "朝鲜", "荷兰", "比利时", "瑞士", "瑞典", "芬兰", "挪威", "丹麦", "波兰", "匈牙利",
             "捷克", "奥地利", "葡萄牙", "希腊", "土耳其", "以色列", "埃及", "南非", "巴西", "阿根廷",
             "墨西哥", "智利", "秘鲁", "印度尼西亚", "菲律宾", "柬埔寨", "老挝", "缅甸", "尼泊尔",
             "苏联", "南斯拉夫", "吉尔吉斯斯坦", "马耳他", "玻利维亚", "扎伊尔", *COUNTRY_SHORT_NAMES}
# The world's continents and regions as papers name them (generic geography): places,
# not divisions.
# a party's side named by its short form (美方, 中方, 日方: the US, Chinese, Japanese
# side), which no name begins with; not a direction (东方, 南方 are words of their own)
SIDE = "方"
DIRECTIONS = "东西南北"
# a region's part after a direction or the middle (东部, 中部): no ministry's 部, whichever
# word jieba gives the direction (巴东|部), and no part of the place names either side
REGION_PART, REGION_SIDES = "部", DIRECTIONS + "中"
# what a sea's, an ocean's or a continent's name ends in (地中海, 太平洋, 中美洲): no
# country holds one
SEA_AND_REGION_ENDINGS = ("海", "洋", "洲")
WORLD_REGIONS = {"亚洲", "欧洲", "非洲", "美洲", "北美", "北美洲", "南美", "南美洲", "拉美", "拉丁美洲",
                 "大洋洲", "南极洲", "中东", "东亚", "东南亚", "南亚", "中亚", "西亚", "北非", "西欧",
                 "东欧", "北欧", "南欧", "中欧", "中东欧", "亚太", "亚非", "亚欧", "欧亚", "西半球", "东半球",
                 "西非", "东非", "阿拉伯", "海湾",      # the Arab world, the Gulf states
                 "南极", "北极"}
WORLD_REGION_NAMES = tuple(sorted(WORLD_REGIONS))     # for str.startswith (欧洲航天局, 亚洲地区)


def world_region(name: str) -> bool:
    """A continent or a world region, or its area (中亚地区, 中东地区): no state holds it."""
    return name in WORLD_REGIONS or name.endswith("地区") and name[:-2] in WORLD_REGIONS

# One-character short forms (简称) papers write inside words (中美, 访华, 京津冀, 抵沪):
# the provinces' official short forms and the usual ones of countries and continents.
# A short form with several readings lists them all: the page settles it by naming one
# in full, and a short form the page does not settle names nothing.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "中": ("中国",), "华": ("中国",), "京": ("北京",), "津": ("天津",), "沪": ("上海",),
    "渝": ("重庆",), "冀": ("河北",), "晋": ("山西",), "辽": ("辽宁",), "吉": ("吉林", "吉尔吉斯斯坦"),
    "黑": ("黑龙江",), "苏": ("江苏", "苏联"), "浙": ("浙江",), "皖": ("安徽",), "闽": ("福建",),
    "赣": ("江西",), "鲁": ("山东",), "豫": ("河南",), "鄂": ("湖北",), "湘": ("湖南",),
    "粤": ("广东",), "桂": ("广西",), "琼": ("海南省",), "川": ("四川",), "蜀": ("四川",),
    "黔": ("贵州",), "滇": ("云南",), "藏": ("西藏",), "陕": ("陕西",), "甘": ("甘肃",),
    "陇": ("甘肃",), "青": ("青海",), "宁": ("宁夏",), "新": ("新疆", "新加坡", "新西兰"),
    "蒙": ("内蒙古", "蒙古"), "港": ("香港",), "澳": ("澳门", "澳大利亚"), "台": ("台湾",),
    "美": ("美国",), "英": ("英国",), "法": ("法国",), "德": ("德国",), "俄": ("俄罗斯",),
    "日": ("日本",), "韩": ("韩国",), "朝": ("朝鲜",), "意": ("意大利",), "加": ("加拿大",),
    "印": ("印度", "印度尼西亚"), "越": ("越南",), "泰": ("泰国",), "菲": ("菲律宾",),
    "巴": ("巴基斯坦", "巴勒斯坦", "巴西"), "以": ("以色列",), "伊": ("伊朗", "伊拉克"),
    "埃": ("埃及",), "葡": ("葡萄牙",), "西": ("西班牙",), "荷": ("荷兰",), "比": ("比利时",),
    "瑞": ("瑞士", "瑞典"), "墨": ("墨西哥",), "古": ("古巴",), "秘": ("秘鲁",), "厄": ("厄瓜多尔",),
    "智": ("智利",), "阿": ("阿根廷", "阿富汗", "阿尔及利亚", "阿尔巴尼亚"), "南": ("南非", "南斯拉夫"),
    "老": ("老挝",), "柬": ("柬埔寨",), "缅": ("缅甸",), "马": ("马来西亚",), "土": ("土耳其",),
    "叙": ("叙利亚",), "约": ("约旦",), "黎": ("黎巴嫩",), "沙": ("沙特阿拉伯",), "波": ("波兰",),
    "匈": ("匈牙利",), "捷": ("捷克",), "罗": ("罗马尼亚",), "保": ("保加利亚",), "希": ("希腊",),
    "奥": ("奥地利",), "挪": ("挪威",), "芬": ("芬兰",), "丹": ("丹麦",), "乌": ("乌克兰", "乌兹别克斯坦"),
    "哈": ("哈萨克斯坦",), "亚": ("亚洲",), "欧": ("欧洲",), "非": ("非洲",), "拉": ("拉美",),
}

# pairs of sides news names by their short forms, whose pairing settles a reading the
# page does not (巴以 is Palestine and Israel, 印巴 India and Pakistan)
PAIRED_SHORT_FORMS: dict[str, tuple[str, str]] = {
    "巴以": ("巴勒斯坦", "以色列"), "以巴": ("以色列", "巴勒斯坦"), "印巴": ("印度", "巴基斯坦"),
    "巴印": ("巴基斯坦", "印度"), "两伊": ("伊朗", "伊拉克"), "美伊": ("美国", "伊拉克"),
}

# a count of bodies (三家|远洋公司, 32家|商协会, 两大|电信公司): numerals, then a measure
# word of bodies (or 大, "major"); what follows is a kind of body, not a named one
COUNT = r"[\d一二两三四五六七八九十百千几多]+"
# a rank among bodies or places (德国第二大银行, 湖北省第二大湖): a description, not a name
RANK = re.compile(f"第{COUNT}大")
COUNT_END = re.compile(f"{COUNT}$")         # a number ending where a search ends (32|项, 6|公里)
BODY_MEASURES = "家个所名位支批"
COUNTED_BODIES = re.compile(f"{COUNT}[{BODY_MEASURES}]")    # 三家, 一所: bodies counted, none named
# a count's measure word where an area's name would begin (２０００余名|山区干部, ６项|下乡)
MEASURES = BODY_MEASURES + "项条座只户次"
# a count, perhaps rough (２０００余) and with 个, ending where a search ends: what stands
# before a measure word (２０００余|名) or a noun of time (连续９个|月)
ROUGH_COUNT_END = re.compile(f"{COUNT}余?个?$")

# what makes a short form a currency's (美元, 港币, 日圆), not the place's
CURRENCY_AFTER = frozenset("元币圆")
# words a short form's character begins that name no place of its: 奥运 is 奥林匹克's
# games, not 奥地利's (亚运 is Asia's: 亚 there is the place, as MSRA marks it)
NOT_SHORT_FORM_WORDS = ("奥运",)

# what follows two sides named by their short forms (中美两国, 罗中关系, 中菲睦邻友好):
# the words of relations between states, which settle that the pair names two states
PAIR_RELATION_WORDS = ("两国", "两党", "两军", "双方", "双边", "关系", "友好", "合作", "之间", "边界",
                       "边境", "会谈", "会晤", "首脑", "建交", "联合", "贸易", "经贸", "睦邻",
                       "外长", "领导人", "对话", "谈判", "协议", "冲突", "战争", "交往", "交流")

# what makes a person's name part of a doctrine's (邓小平理论, 毛泽东思想): a body of
# thought named after a person names no person in annotated news
DOCTRINE_AFTER = ("理论", "思想", "主义", "学说")

# The home country's short form (中, 华) is also a syllable of common words (中外, 中小,
# 华人): it names the country only beside another country's short form (中美, 美中), as
# a side (中方) or after a verb of travel or dealings (访华, 对华, 驻华).
HOME_SHORT_AFTER = frozenset("方")
# 西 after 中 is the West (中西文化, 中西医, 中西部) save where two states deal (中西两国,
# 中西建交, 中西友好合作关系): then Spain
WEST_AFTER_HOME = "中西"
STATES_DEALING = ("两国", "建交", "友好", "关系", "双边", "合作")
HOME_SHORT_VERBS = frozenset("访来在抵离赴驻旅对援侵使")

# the heads of an area's office that runs a programme named in quotes (县“希望工程”办公室)
PROGRAMME_OFFICES = frozenset({"办公室", "领导小组", "指挥部", "工作组", "工作专班"})
# what joins the items of a list of names (not 与: "with" more often than "and")
LIST_JOINERS = ("、", "和", "及", "以及")
# the characters a body's name ends in that no head list holds alone (科教处, 出版社, 新华书店)
BODY_LAST_CHARACTERS = "处社店所馆院局部厅委团队站台会"
# what the name of a body of national scope begins with: it lies in no one area
NATIONAL_PREFIXES = ("中国", "中华", "全国", "国家", "中央", "国务院", "中共中央")
# a group of states named by their count (八国集团, 77国集团, 西方七国首脑会议): no one
# state's, and no firm
COUNTED_STATES = re.compile(r"(?:西方|东方)?[\d０-９一二三四五六七八九十两]+国")
# what the name of a body of the world's begins with (世界石油输出国组织, 国际商会,
# 联合国安理会): it lies in no one country (a region's may: 非洲人国民大会, 欧洲时报社)
FORMERLY = "原"     # before a post or a body: it was held or so named once (原省电力局副局长)
LAW_TITLE_END = "法》"     # what ends a law's title, after the body it regulates (商业银行|法》)
# how many, vaguely: before a body's head they count a kind (许多|学校, 不少|宾馆饭店)
QUANTITY_WORDS = ("大量", "许多", "一些", "不少", "众多", "大多数", "多数")
WORLD_PREFIXES = ("世界", "国际", "全球", "联合国")
WORLD_BODIES_ONLY = ("世界", "联合国")     # no firm's name begins so (世界银行 is a body of states)
ATTRIBUTIVE = "的"    # what ends a quoted attribute (“认真而长期的”联盟): a description, no name
WORLD_BODY_HEAD = "组织"     # what the world's bodies' names end in (国际民航组织), a verb elsewhere


def type_for_the_world(type_: str, name: str) -> str:
    """A body's type where its name is the world's (国际…, 联合国…): an Organization, no
    state's Agency, whatever its head (国际奥林匹克委员会, 联合国特别委员会); nor a firm
    where the world or the UN begins it (世界银行; 国际商业机器公司 is IBM)."""
    if type_ == "Agency" and name.startswith(WORLD_PREFIXES) or \
            type_ == "Company" and name.startswith(WORLD_BODIES_ONLY):
        return "Organization"
    return type_
# the Youth League and the other parties, whose committees are named like the Party's
# (共青团宜昌市委 is no 宜昌市委)
OTHER_PARTIES = ("共青团", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟")
PARTY_END = "党"     # what a political party's name ends in (新进党, 自民党, 民主党)
HOME_PARTY = "共产党"  # written bare, mostly the home country's (中国共产党)
PARTY_PREFIX = "中共"       # before an area's Party committee: 中共安徽宿州市委 is 宿州市委
# a state's organs named bare, as foreign news names them once it has named the state
# (印度尼西亚国会……国会将): China's have other names (全国人大, 国务院)
STATE_ORGANS = ("国民议会", "上议院", "下议院", "参议院", "众议院", "国会", "议会", "内阁", "上院", "下院")
LEGISLATURES = ("国民议会", "国会", "议会")   # one state's legislature, by any of these
# what makes a bare organ a region's, not the state's (地方议会, 州议会, 地区政府)
LOCAL_ORGAN_QUALIFIERS = ("地方", "地区", "州", "省", "市", "郡", "县")
# National bodies and media every paper mentions (generic, not from any seed page).
NATIONAL_MEDIA = {"新华社", "人民日报", "中央电视台", "中央广播电视总台", "中国日报", "光明日报",
                  "经济日报", "中国新闻社", "中新社", "中国国际电视台", "国际在线", "大众日报",
                  "学习强国"}

# The world's wire services and broadcasters papers cite (据美联社报道): organisations, and
# no body of the state an article is filed from
WORLD_MEDIA = {"美联社", "合众国际社", "法新社", "路透社", "塔斯社", "俄通社", "共同社", "时事社",
               "安莎社", "德新社", "埃菲社", "韩联社", "美国之音", "英国广播公司"}

# National institutions papers name by abbreviation (中科院): abbreviation -> full name.
NATIONAL_ABBREVIATIONS = {"中科院": "中国科学院", "中国社科院": "中国社会科学院"}

# International organisations news names by their short form or without a head (北约,
# 欧盟, 独联体, 世贸组织, 安理会): short form -> full name. A closed class, like the states.
INTERNATIONAL_BODIES = {
    "联合国": "联合国", "安理会": "联合国安全理事会", "联大": "联合国大会",
    "教科文组织": "联合国教育、科学及文化组织", "联合国教科文组织": "联合国教育、科学及文化组织",
    "北约": "北大西洋公约组织", "北约组织": "北大西洋公约组织", "欧盟": "欧洲联盟", "欧共体": "欧洲共同体",
    "东盟": "东南亚国家联盟", "独联体": "独立国家联合体", "欧安组织": "欧洲安全与合作组织",
    "世贸组织": "世界贸易组织", "WTO": "世界贸易组织", "关贸总协定": "关税及贸易总协定",
    "欧佩克": "石油输出国组织", "非统": "非洲统一组织", "非统组织": "非洲统一组织", "非盟": "非洲联盟",
    "阿盟": "阿拉伯国家联盟", "海合会": "海湾阿拉伯国家合作委员会", "亚太经合组织": "亚太经济合作组织",
    "APEC": "亚太经济合作组织", "经合组织": "经济合作与发展组织", "上合组织": "上海合作组织",
    "国际奥委会": "国际奥林匹克委员会", "世卫组织": "世界卫生组织", "国际足联": "国际足球联合会",
    "亚足联": "亚洲足球联合会", "亚行": "亚洲开发银行", "国际原子能机构": "国际原子能机构",
    "国际货币基金组织": "国际货币基金组织", "世界银行": "世界银行", "世界卫生组织": "世界卫生组织",
}

# the home country's central state organs, as the constitution names them, by the names
# CENTRAL_BODIES gives them; the State Council, whose ministries are named bare (文化部)
STATE_ORGANS_AT_HOME = ("全国人民代表大会", "国务院", "中央军委", "国家监察委员会", "最高人民法院", "最高人民检察院")
STATE_COUNCIL = "国务院"
# a state's central bank: a state organ, not a firm (菲律宾中央银行), written 央行 after
# its country's short form (菲央行)
CENTRAL_BANK, CENTRAL_BANK_SHORT = "中央银行", "央行"
# Central bodies written without an organisation head (证监会, 央行): name -> full name.
CENTRAL_BODIES = {"国务院": "国务院", "全国人大": "全国人民代表大会", "全国政协": "全国政协",
                  "中共中央": "中共中央", "中央军委": "中央军委", "中纪委": "中央纪委", "中央纪委": "中央纪委",
                  "国家监委": "国家监察委员会", "中组部": "中共中央组织部", "中宣部": "中共中央宣传部",
                  "证监会": "中国证券监督管理委员会", "银监会": "中国银行业监督管理委员会",
                  "保监会": "中国保险监督管理委员会", "银保监会": "中国银行保险监督管理委员会",
                  "金融监管总局": "国家金融监督管理总局", "央行": "中国人民银行", "人民银行": "中国人民银行",
                  "中国人民银行": "中国人民银行", "发改委": "国家发展和改革委员会",
                  "国家发改委": "国家发展和改革委员会", "国资委": "国务院国有资产监督管理委员会",
                  "卫健委": "国家卫生健康委员会", "网信办": "国家互联网信息办公室", "审计署": "审计署",
                  "海关总署": "海关总署", "税务总局": "国家税务总局", "统计局": "国家统计局",
                  "外汇局": "国家外汇管理局", "最高法": "最高人民法院", "最高检": "最高人民检察院",
                  "最高人民法院": "最高人民法院", "最高人民检察院": "最高人民检察院",
                  # the army's general departments by their short names (总政副主任某某)
                  "总参": "总参谋部", "总政": "总政治部", "总后": "总后勤部"}

# The domains a ministry, department or bureau is named for, joined by 和 (工业和信息化部,
# 人力资源和社会保障局): a body's name, not two things listed.
JOINED_DOMAINS = ("工业和信息化", "人力资源和社会保障", "住房和城乡建设", "文化和旅游", "自然资源和规划",
                  "发展和改革", "卫生和计划生育", "新闻出版广电", "科学技术和工业信息化", "农业和农村")

# State-owned companies named nationwide, with the short form papers use in lists.
NATIONAL_COMPANIES = {"中国移动": "移动", "中国联通": "联通", "中国电信": "电信", "中国广电": "广电",
                      "国家电网": "", "中国石化": "", "中国石油": "", "中国邮政": "", "中国铁塔": ""}
# The big banks' standard abbreviations (工行 = 中国工商银行), named in full.
BANK_ABBREVIATIONS = {"工行": "中国工商银行", "建行": "中国建设银行", "农行": "中国农业银行",
                      "中行": "中国银行", "交行": "交通银行", "招行": "招商银行", "邮储银行": "中国邮政储蓄银行",
                      "浦发银行": "上海浦东发展银行", "民生银行": "中国民生银行", "光大银行": "中国光大银行"}

# Levels a bare character names relative to the paper or article (市委, 县局, 旗委, 州委).
AREA_LEVEL_CHARS = "省市区县旗州"
# Longer levels that name the article's area as bare (自治区政协, 地区妇联, 地委组织部, 特区政府).
AREA_LEVEL_WORDS = ("自治区", "自治州", "地区", "地委", "特区", "乡", "镇")
# a level's ownership (省属|皖北矿务局: the province's, no area's name and no part of the body's)
OWNED_BY_LEVEL = frozenset({"省属", "市属", "县属", "区属"})
# words that begin with an area's level character but name no area (市场监管局, 区域中心)
LEVEL_CHAR_WORDS = frozenset({"市场", "市值", "区域", "区间", "区别", "区分", "区块", "省份", "省钱", "省力",
                              "县域",
                              # between areas of a level (省际|妇联对口扶贫): no one area's
                              "省际", "市际", "县际", "区际", "州际"}) | OWNED_BY_LEVEL
# a city's area and people, after its short form (上海|市区, 温州|市民; but 市|民政局 is
# the city's bureau of civil affairs)
CITY_AREA_WORDS = frozenset({"市区", "市民", "市内", "市郊"})

# The size of a kind of body or project (大型企业, 中小型加工厂, 大中型项目): no name's
SIZES = frozenset({"大型", "中型", "小型", "大中型", "中小型", "大中小型"})

# A court's grade before its head (省高级人民法院, 聊城市中级人民法院): not a level of
# government (市级, 各级), which makes a kind of body
COURT_GRADES = ("高级", "中级")
PEOPLES = "人民"      # what a state body's name may put before its head (人民法院, 人民政府)

# Levels alone, listed (区镇村三级, 市县乡干部, 省市县联动): the tiers of government, no name.
LEVELS_ONLY = re.compile(r"(?:省|市|区|县|旗|州|盟|乡|镇|村|街道|社区|居){2,}")


def chief_of_level(text: str, pos: int) -> bool:
    """Whether an area's level at `pos` begins its chief's title (济南|市长, 某某|县长): the
    level is the title's, not the end of the area's name before it."""
    return text[pos:pos + 1] in AREA_LEVEL_CHARS and text[pos + 1:pos + 2] == "长"


# Relative area prefixes: 我市/全市/该县 ... resolved from the paper's or article's context.
RELATIVE_AREA = re.compile(r"(?:我|全|本|该)(省|市|区|县|旗|镇|乡|街道|村|社区|苏木|嘎查)")

# Function words and verbs that cannot be inside an organisation or place name.
NAME_STOP = set("的了在与和及或为由对向将把被从到是等着过也都还又就并而但其该这那此各每某我你他她它们"
                "啊吗呢吧么之于以所且则即因如若虽")
# a body's role among others and the kind it is one of, printed before its name
# (核心企业|西单商场, 龙头企业|某集团, 成员单位|某局)
BODY_ROLES = frozenset({"核心", "龙头", "骨干", "重点", "成员", "下属", "所属", "直属", "明星", "示范"})
BODY_KINDS = frozenset({"企业", "单位"})
# verbs among NAME_STOP_WORDS that name a body's remit right before its head (港航投资|集团,
# 振兴京剧指导|委员会)
REMITS = frozenset({"投资", "指导"})
NAME_STOP_WORDS = {"本报讯", "原告", "被告", "以及", "位于", "地处", "坐落", "落户", "入驻", "来到", "走进", "联合", "组织", "举行", "召开", "开展",
                   "推动", "依托", "通过", "根据", "按照", "作为", "加强", "推进", "打造",
                   "实施", "深化", "围绕", "聚焦", "创新", "探索", "参加", "出席", "主办", "承办",
                   "协办", "邀请", "前往", "赴", "在于", "发布", "启动", "印发", "制定", "出台",
                   "签署", "携手", "联手", "会同", "配合", "指导", "督导", "调研", "考察", "视察",
                   "检查", "看望", "慰问", "参观", "走访", "新建", "投资", "建成",
                   "提供", "完成", "实现", "提升", "强化", "优化", "落实", "持续", "全力", "积极",
                   "大力", "着力", "扎实", "全面", "进一步", "不断", "重新", "已经", "正在", "目前", "近日",
                   "今年", "去年", "近年来", "以来", "同时", "此外", "其中", "包括", "由于", "如何",
                   "今天", "昨天", "明天", "当天", "今日", "昨日",
                   # a state's or person's stand, jieba's noun (俄主张|武器核查小组…)
                   "主张",
                   # a decade or a year's part before a name (60年代|天津工学院)
                   "年代", "年初", "年底", "年末", "年间", "年度", "月份",
                   # verbs of relying on (单靠|纪委的力量, 光靠|政府), of having the right to
                   # (领导有权|管乡（镇）农电站) and of likeness (正像|省政府一位领导说的)
                   "单靠", "光靠", "仅靠", "全靠", "只靠", "依靠", "有权", "无权", "正像", "正如", "就像",
                   "犹如",
                   # verbs of entrusting, jieba's nouns (丁某委托|中宣部副部长白某), and of
                   # inviting, as 邀请 (记者约请|合肥晚报总编)
                   "委托", "委派", "责成", "约请", "聘请", "特邀",
                   # verbs of submitting to a body jieba tags nouns (报经|青海省人民政府批准)
                   "报经", "呈报", "报送", "报批",
                   "以前", "现在", "获得", "荣获", "入选", "获评", "评为", "成为", "属于", "隶属", "隶属于",
                   # verbs of meeting and answering jieba's dictionary tags as nouns (会见|某议会)
                   "会见", "接见", "会晤", "响应", "积极响应", "后任", "命名",
                   "负责", "担任", "兼任", "任职", "现任", "拟任", "曾任", "历任", "原任", "调任", "升任", "转任", "时任", "出任", "起任", "任命", "提名", "家住", "居住", "走笔", "代表", "村民", "居民", "记者",
                   "通讯员", "相关", "有关", "各级", "各地", "首批", "首家", "一家", "多家",
                   # words of which and where that make a body a kind (当地|律师协会,
                   # 所属|基金会, 历届|政协), as 各级 and 有关 do
                   "当地", "所属", "下属", "历届",
                   # a time (计划经济时期|公司, 儿童节期间|学校, 适当时候|总局) and a verb of
                   # address jieba tags a noun (面向|初中): the sentence's words, not a name's
                   "期间", "时期", "时候", "之际", "之后", "之前", "以后", "当时", "届时", "面向",
                   # verbs of having and being there (另有|工商银行, 还有|某某公司)
                   "另有", "还有", "也有", "没有", "拥有", "共有", "均有", "都有", "只有", "已有", "现有",
                   # a verb of defining jieba tags a noun (是|指|中央银行)
                   "指",
                   # a kind of area in a list of levels (各省、自治区、直辖市|双拥工作领导小组),
                   # and places counted (上海、杭州两地|机场)
                   "直辖市", "计划单列市", "两地", "三地"} | OWNED_BY_LEVEL
# verbs of setting a body up: no part of its name (筹办|某某学校, 创办|某某公司); what
# follows one in common words only describes a body and names none (成立多种类型的帮困服务小组)
SETTING_UP = ("成立", "建立", "组建", "设立", "建起", "办起", "筹办", "筹建", "创办", "兴办", "开办", "设置", "开设", "增设")
NAME_STOP_WORDS |= set(SETTING_UP)      # the sentence's words before a name (成立|某某协会)
# the whole country's: a programme or meeting (全国经济工作会议), or all of a kind (全国|重点大学);
# but the central bodies named so are one each (全国妇联)
NATIONWIDE = "全国"
# the first of a kind (我国首家|地震专业博物馆): what comes after describes a body, or names it
FIRST_OF_A_KIND = ("首家", "首个", "首所", "首座", "第一家", "第一个", "第一所", "第一座")
# what ends a verb of going to a place (专程到|医院, 赶到, 送到): the sentence's words
# before the body it goes to, whatever jieba's tag of the phrase
ARRIVING_END = "到"
# ... and of coming or going there (顺便来|医院, 赶去|现场)
COMING_ENDS = ("来", "去")
# a verb of motion and its direction, jieba's one word (驶上|卸甲庄大桥, 走进|学校, 开往|上海,
# 住进|肿瘤医院, 考入|大学, 步入|宴会厅): the sentence's words before the place or body it
# goes to (but 促进, 引进, 收入 are no motion)
GOING = re.compile("[驶走跑冲开飞奔驰迈踏登爬跳闯逃挤涌拥住搬迁送转考升步潜][上下进入往向]")
# what ends a verb of (not) affording, jieba's one word (进不起|医院, 看得起): no name's
POTENTIAL_ENDS = ("不起", "得起")
# what ends a verb phrase jieba reads as one word, which no name holds (the ending alone
# is another word: 不起, 到)
VERB_PHRASE_ENDS = (ARRIVING_END, *POTENTIAL_ENDS, *COMING_ENDS)
