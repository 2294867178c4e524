"""What a post is: its class, its administrative rank (级别) and its line (系统), read
from the title and from the body it is held in.

The tables below are the one place these rules live; docs/careers.md shows them as
`python -m kg.posts` prints them (a test keeps the two the same), and the RDF shapes
list the same values. A post is classified in three steps:

1. the body's kind (BODY_KINDS: its name and entity type), which gives the line;
2. the post class (TITLE_RULES: the title, and for a few titles the body's kind);
3. the rank (POST_CLASSES: the class and the level of the body's area: province,
   city, county or township, from the administrative-division codes).

The rank is the post's nominal rank under the cadre rules (职务层次), not the
person's own grade: a county police chief ranks 正科级 although many are also
deputy county heads, and a person may hold a higher grade (高配) than the post.
Posts in villages, communities, enterprises and public institutions have no
civil-service rank; they get none, and so does any post whose level is unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

LEVELS = ("province", "city", "county", "township")
LEVEL_NAMES = {"province": "省级", "city": "市级（地级）", "county": "县级", "township": "乡级"}
RANKS = ("正部级", "副部级", "正厅级", "副厅级", "正处级", "副处级", "正科级", "副科级")

LINES = {
    "party": "党委（党的机关）",
    "government": "政府",
    "congress": "人大",
    "cppcc": "政协",
    "judicial": "法院、检察院",
    "mass": "群团组织、社会团体",
    "enterprise": "企业",
    "village": "村、社区",
    "institution": "事业单位",
}


@dataclass(frozen=True)
class PostClass:
    """A kind of post with the number of its seats and its rank at each level."""
    code: str
    zh: str
    single: bool                 # one holder at a time: successors can be read off reports
    line: str                    # the line when the body's kind gives none
    ranks: tuple[str, str, str, str]   # at province, city, county, township level ("" none)


def _c(code: str, zh: str, single: bool, line: str, ranks: str = "") -> PostClass:
    """A row of POST_CLASSES; `ranks` is four space-separated ranks, "-" for none."""
    cells = tuple("" if r == "-" else r for r in ranks.split()) or ("",) * 4
    return PostClass(code, zh, single, line, cells)


POST_CLASSES = {c.code: c for c in (
    _c("party_secretary", "党委书记", True, "party", "正部级 正厅级 正处级 正科级"),
    _c("deputy_party_secretary", "党委副书记", False, "party", "副部级 副厅级 副处级 副科级"),
    _c("standing_committee_member", "党委常委", False, "party", "副部级 副厅级 副处级 -"),
    _c("discipline_secretary", "纪委书记、监委主任", True, "party", "副部级 副厅级 副处级 副科级"),
    _c("government_head", "政府正职（省长、市长、县长、区长、镇长、乡长、街道办主任）", True,
       "government", "正部级 正厅级 正处级 正科级"),
    _c("executive_deputy_head", "常务副职（常务副市长等）", True, "government",
       "副部级 副厅级 副处级 副科级"),
    _c("deputy_government_head", "政府副职（副市长、副县长等）", False, "government",
       "副部级 副厅级 副处级 副科级"),
    _c("congress_chair", "人大常委会主任（乡镇人大主席）", True, "congress", "正部级 正厅级 正处级 正科级"),
    _c("congress_vice_chair", "人大常委会副主任", False, "congress", "副部级 副厅级 副处级 副科级"),
    _c("cppcc_chair", "政协主席", True, "cppcc", "正部级 正厅级 正处级 -"),
    _c("cppcc_vice_chair", "政协副主席", False, "cppcc", "副部级 副厅级 副处级 -"),
    _c("court_president", "法院院长", True, "judicial", "副部级 副厅级 副处级 -"),
    _c("court_vice_president", "法院副院长", False, "judicial", "正厅级 正处级 正科级 -"),
    _c("chief_procurator", "检察长", True, "judicial", "副部级 副厅级 副处级 -"),
    _c("deputy_procurator", "副检察长", False, "judicial", "正厅级 正处级 正科级 -"),
    _c("department_head", "部门正职（厅长、局长、部长、主任、党组书记）", True, "government",
       "正厅级 正处级 正科级 -"),
    _c("deputy_department_head", "部门副职", False, "government", "副厅级 副处级 副科级 -"),
    _c("secretary_general", "秘书长", True, "government", "正厅级 正处级 - -"),
    _c("division_head", "处长", True, "government", "正处级 - - -"),
    _c("deputy_division_head", "副处长", False, "government", "副处级 - - -"),
    _c("section_head", "科长", True, "government", "正科级 正科级 - -"),
    _c("deputy_section_head", "副科长", False, "government", "副科级 副科级 - -"),
    _c("unit_head", "股长、所长、队长、站长、组长", True, ""),
    _c("member", "党组成员、委员", False, ""),
    _c("institution_head", "事业单位正职（校长、院长、党委书记）", True, "institution"),
    _c("institution_deputy", "事业单位副职", False, "institution"),
    _c("enterprise_head", "企业负责人（董事长、总经理、经理）", True, "enterprise"),
    _c("enterprise_deputy", "企业副职", False, "enterprise"),
    _c("village_secretary", "村（社区）党组织书记", True, "village"),
    _c("village_head", "村（社区）主任", True, "village"),
    _c("press", "记者、通讯员", False, ""),
    _c("other", "其他", False, ""),
)}


@dataclass(frozen=True)
class BodyKind:
    code: str
    zh: str
    line: str
    pattern: str      # a regex over the body's name (after its area's name), "" for by type


BODY_KINDS = (
    # the District itself stands for its government (kg.ttl: kg:District)
    BodyKind("area", "行政区划（其人民政府）", "government", ""),
    BodyKind("discipline", "纪委、监委", "party", r"(纪委|纪工委|监委|纪律检查委员会|监察委员会)$"),
    BodyKind("congress", "人大及其常委会", "congress", r"(人大|人民代表大会)"),
    BodyKind("cppcc", "政协", "cppcc", r"(政协|政治协商会议)"),
    BodyKind("court", "人民法院", "judicial", r"法院"),
    BodyKind("procuratorate", "人民检察院", "judicial", r"检察院"),
    BodyKind("party_department", "党委工作部门（组织部、宣传部、统战部、政法委、党校等）", "party",
             r"(组织部|宣传部|统战部|统一战线工作部|政法委|政法委员会|编办|机构编制委员会办公室|"
             r"党校|党史研究室|网信办|社会工作部|老干部局|机关工委|直属机关工作委员会|巡察办)$"),
    BodyKind("party_committee", "党委（省委、市委、县委、区委、镇党委、街道党工委）", "party",
             r"^(省委|市委|州委|县委|区委|旗委|盟委|委|党委|党工委)(常委会)?$|(省|市|州|县|区|旗|盟)委(常委会)?$"),
    BodyKind("government", "人民政府", "government", r"^(人民)?政府$"),
    BodyKind("village", "村、社区（村委会、居委会及其党组织）", "village",
             r"(村|社区|居委会|村委会|村民委员会|居民委员会)(党支部|党委|党总支|委员会)?$"),
    BodyKind("subdistrict_office", "街道办事处", "government", r"街道(办事处|办)$"),
    BodyKind("enterprise", "企业", "enterprise", r"(公司|集团|银行|厂|合作社)"),
    BodyKind("mass", "群团组织、社会团体（文联、妇联、工会、团委、科协、协会等）", "mass",
             r"(文联|妇联|工会|团委|共青团|科协|残联|工商联|侨联|红十字会|协会|学会|联合会|促进会|研究会)"),
    BodyKind("institution", "事业单位（学校、医院、研究院所、媒体）", "institution",
             r"(大学|学院|学校|中学|小学|幼儿园|医院|卫生院|研究院|研究所|图书馆|博物馆|报社|电视台|融媒体中心)"),
    # any other government body: 局, 委员会, 办公室, 中心 ... (an Agency)
    BodyKind("department", "政府工作部门及其他机关", "government", ""),
)
BODY_KIND = {k.code: k for k in BODY_KINDS}

AREA_PREFIX = r"(省委|市委|州委|县委|区委|旗委|盟委|镇党委|乡党委|街道党工委|党工委|党委|党总支|党支部)?"
ALL = ("*",)
# (title regex, body kinds it applies to or ALL, post class): the first match wins.
TITLE_RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (r"(记者|通讯员|摄影|实习生|文/图)", ALL, "press"),
    (r"常务副(省|市|州|盟|县|区|旗|镇|乡)长", ALL, "executive_deputy_head"),
    (r"副(省|市|州|盟|县|区|旗|镇|乡)长", ALL, "deputy_government_head"),
    (r"代?(省|市|州|盟|县|区|旗|镇|乡)长", ALL, "government_head"),
    (r"(纪委|纪工委)书记|监委主任|监察委员会主任", ALL, "discipline_secretary"),
    (r"(纪委|纪工委)副书记|监委副主任", ALL, "department_head"),
    (r"(组织部|宣传部|统战部|统一战线工作部)部长|政法委书记", ALL, "department_head"),
    (r"(组织部|宣传部|统战部|统一战线工作部)副部长|政法委副书记", ALL, "deputy_department_head"),
    (AREA_PREFIX + "书记", ("discipline",), "discipline_secretary"),
    (AREA_PREFIX + "书记", ("village",), "village_secretary"),
    (AREA_PREFIX + "书记", ("institution",), "institution_head"),
    (AREA_PREFIX + "书记", ("enterprise",), "enterprise_head"),
    (AREA_PREFIX + "书记", ("mass", "department", "party_department", "court", "procuratorate",
                            "congress", "cppcc"), "department_head"),
    (AREA_PREFIX + "书记", ALL, "party_secretary"),
    (AREA_PREFIX + "副书记", ("discipline",), "department_head"),
    (AREA_PREFIX + "副书记", ("village", "institution", "enterprise"), "other"),
    (AREA_PREFIX + "副书记", ("mass", "department", "party_department", "court", "procuratorate",
                              "congress", "cppcc"), "deputy_department_head"),
    (AREA_PREFIX + "副书记", ALL, "deputy_party_secretary"),
    (r"(省委|市委|州委|县委|区委|旗委|盟委)?常委", ("area", "party_committee", ""),
     "standing_committee_member"),
    (r"(党组|党委)书记", ("area", "government"), "government_head"),
    (r"(党组|党委)书记", ("congress",), "congress_chair"),
    (r"(党组|党委)书记", ("cppcc",), "cppcc_chair"),
    (r"(党组|党委)书记", ("court",), "court_president"),
    (r"(党组|党委)书记", ("procuratorate",), "chief_procurator"),
    (r"(党组|党委)书记", ("mass", "department", "party_department", "subdistrict_office"),
     "department_head"),
    (r"(人大常委会|常委会)?主任", ("congress",), "congress_chair"),
    (r"(人大常委会|常委会)?副主任", ("congress",), "congress_vice_chair"),
    (r"主席", ("congress",), "congress_chair"),
    (r"主席", ("cppcc",), "cppcc_chair"),
    (r"副主席", ("cppcc",), "cppcc_vice_chair"),
    (r"主任", ("subdistrict_office",), "government_head"),
    (r"副主任", ("subdistrict_office",), "deputy_government_head"),
    (r"(村|社区|居委会|村委会)?主任", ("village",), "village_head"),
    (r"(院长|校长|主任|所长|馆长|台长|社长)", ("institution",), "institution_head"),
    (r"副(院长|校长|主任|所长|馆长|台长|社长)", ("institution",), "institution_deputy"),
    (r"院长", ("court",), "court_president"),
    (r"副院长", ("court",), "court_vice_president"),
    (r"检察长", ALL, "chief_procurator"),
    (r"副检察长", ALL, "deputy_procurator"),
    (r"(董事长|总经理|总裁|经理|厂长|行长|理事长)", ALL, "enterprise_head"),
    (r"副(董事长|总经理|总裁|经理|厂长|行长|理事长)", ALL, "enterprise_deputy"),
    (r"(厅长|局长|部长|署长|主任|主席)", ("department", "party_department", "mass", "discipline",
                                      "party_committee", "government", "congress", "cppcc"),
     "department_head"),
    (r"副(厅长|局长|部长|署长|主任|主席)", ("department", "party_department", "mass", "discipline",
                                         "party_committee", "government", "congress", "cppcc"),
     "deputy_department_head"),
    (r"(厅长|局长|署长)", ALL, "department_head"),
    (r"副(厅长|局长|署长)", ALL, "deputy_department_head"),
    (r"副?秘书长", ("enterprise", "mass", "institution", "village"), "other"),
    (r"秘书长", ALL, "secretary_general"),
    (r"处长", ALL, "division_head"),
    (r"副处长", ALL, "deputy_division_head"),
    (r"科长", ALL, "section_head"),
    (r"副科长", ALL, "deputy_section_head"),
    (r"(股长|所长|队长|站长|组长|主任)", ALL, "unit_head"),
    (r"(党组成员|党委委员|委员|成员|党组副书记)", ALL, "member"),
)
_TITLE_RULES = [(re.compile(p + "$"), kinds, cls) for p, kinds, cls in TITLE_RULES]
_KIND_RULES = [(k, re.compile(k.pattern)) for k in BODY_KINDS if k.pattern]
_VILLAGE = re.compile(BODY_KIND["village"].pattern)
# the level a District node without a code has, by the end of its name: townships
# (kg's division data has codes down to counties only)
TOWNSHIP = re.compile(r"(镇|乡|街道|苏木|街道办事处)$")
# the end of an area's name -> the title its government head bears (for the panel)
HEAD_TITLES = (("自治区", "主席"), ("自治州", "州长"), ("省", "省长"), ("市", "市长"),
               ("州", "州长"), ("盟", "盟长"), ("县", "县长"), ("区", "区长"), ("旗", "旗长"),
               ("镇", "镇长"), ("乡", "乡长"), ("街道", "主任"))


@dataclass(frozen=True)
class PostInfo:
    post_class: str
    rank: str       # one of RANKS, or "" when the post has none or its level is unknown
    line: str       # a key of LINES, or ""
    single: bool


def body_kind(name: str, type_: str, area_name: str = "") -> str:
    """The kind of the body named `name` (an entity of type `type_`) in the area named
    `area_name`; "" when no body is known. The area's own name is taken off first, so
    阳谷县委 is a Party committee and 阳谷县委宣传部 a Party department."""
    if not name:
        return ""
    if _VILLAGE.search(name):          # 育新社区党委: a community's, whatever its area
        return "village"
    if type_ == "District":
        return "area"
    core = name[len(area_name):] if area_name and name.startswith(area_name) and \
        len(name) > len(area_name) else name
    for kind, pattern in _KIND_RULES:
        if pattern.search(core):
            return kind.code
    if type_ == "Company":
        return "enterprise"
    return "department" if type_ == "Agency" else ""


def classify(title: str, kind: str, level: str) -> PostInfo:
    """The class, rank and line of a post titled `title` in a body of kind `kind` (see
    body_kind; "" when unknown) whose area is at `level` (one of LEVELS, or "")."""
    cls = "other"
    for pattern, kinds, c in _TITLE_RULES:
        if (kinds is ALL or kind in kinds) and pattern.fullmatch(title):
            cls = c
            break
    pc = POST_CLASSES[cls]
    rank = pc.ranks[LEVELS.index(level)] if level in LEVELS else ""
    line = BODY_KIND[kind].line if kind in BODY_KIND else pc.line
    if kind in ("area", "department", "party_committee") and pc.line and \
            cls not in ("department_head", "deputy_department_head"):
        line = pc.line      # the 书记 of a district or the 主任 of its congress: their own line
    return PostInfo(cls, rank, line, pc.single)


def head_title(area_name: str) -> str:
    """The title of the head of an area's government (阳谷县: 县长), "" when unknown."""
    for end, title in HEAD_TITLES:
        if area_name.endswith(end):
            return title
    return ""


def _cell(pattern: str) -> str:
    """A regex as code in a Markdown table cell (its bars escaped)."""
    return "`" + pattern.replace("|", "\\|") + "`"


def markdown() -> str:
    """The tables as docs/careers.md shows them."""
    out = ["| class | 中文 | one holder at a time | default line | "
           + " | ".join(LEVEL_NAMES[lv] for lv in LEVELS) + " |",
           "|---|---|---|---|" + "---|" * len(LEVELS)]
    for c in POST_CLASSES.values():
        out.append(f"| `{c.code}` | {c.zh} | {'yes' if c.single else 'no'} | {c.line or '—'} | "
                   + " | ".join(r or "—" for r in c.ranks) + " |")
    out += ["", "| body kind | 中文 | line | name matches (after the area's name; `village` is tried "
            "first, on the whole name) |", "|---|---|---|---|"]
    for k in BODY_KINDS:
        pattern = _cell(k.pattern) if k.pattern else \
            ("the District itself" if k.code == "area" else "any other Agency")
        out.append(f"| `{k.code}` | {k.zh} | {k.line} | {pattern} |")
    out += ["", "| title (whole title matches) | body kinds | post class |", "|---|---|---|"]
    for pattern, kinds, cls in TITLE_RULES:
        where = "any" if kinds is ALL else ", ".join(f"`{k}`" if k else "none" for k in kinds)
        out.append(f"| {_cell(pattern)} | {where} | `{cls}` |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
