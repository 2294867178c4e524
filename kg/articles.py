"""Split a newspaper page into articles; find bylines, titles, the masthead and dates.

A page holds several articles. An article starts at a byline (■ 本报记者 X,
本报讯（记者 X）, 东昌府讯) or a national paper's dateline (本报成都1月5日电记者X报道：,
新华社北京1月28日电（记者 X）) and ends before the next one or at a trailing byline
（融媒体 X）. Headline lines may stand before or after their body, so each run of
headline lines goes to the neighbouring article whose text it shares most with.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .divisions import countries, gazetteer
from .model import Article, Byline, Document, Masthead, Sentence
from .pagemeta import PageMeta

# the roles a byline or credit names, longer first where one begins another (融媒体记者)
ROLE_WORDS = ("首席记者", "见习记者", "特约记者", "融媒体记者", "融媒体", "记者", "通讯员", "实习生",
              "摄影", "文/图")
ROLE = "(?:" + "|".join(ROLE_WORDS) + ")"
# a name never starts with a role word (记者 甲 见习记者 乙: 见习记者 is the next role)
_NOT_ROLE = rf"(?!{'|'.join(ROLE_WORDS)})"
NAME = rf"{_NOT_ROLE}[\u4e00-\u9fff]{{2,4}}"
# several names written without a space between them (何伟余继军: see `glued_names`)
GLUED_NAMES = rf"{_NOT_ROLE}[\u4e00-\u9fff]{{2,12}}"
# a correspondent posted abroad or in another city: 本报驻泰国记者 X
POSTED = r"(?:驻[\u4e00-\u9fff]{1,6}?)?"
# "■ 本报记者 王培源", "本报通讯员 张丽媛", "■ 田柏林" (photo credit), "本报驻曼谷记者 X"
BYLINE_LINE = re.compile(rf"^(?:■\s*(?:本报)?{POSTED}(?:{ROLE})?|(?:本报{POSTED})?{ROLE})\s*"
                         rf"(?:{NAME}\s*(?:{ROLE}\s*)?){{1,4}}(?:[/／]?\s*[摄图]\s*)?$")
# a national paper's dateline: the press, the place filed from, the date, 电 (wire) or 讯:
# 本报成都1月5日电, 据新华社北京十二月三十一日电, 本报北京1月18日讯; or a wire without
# its date before the reporter (本报合肥电记者甲报道, 新华社北京电（记者乙）)
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_PRESS = r"(?:本报|[\u4e00-\u9fff]{1,4}社)"
# Xinhua's wire without a date, straight into the text (据新华社北京电最高人民法院…): a place
# of two to four characters after 新华社, not 新华社记者, not 电话 or 电台
_XINHUA_NO_DATE = "|".join(rf"(?<=新华社{'.' * n})(?<!记者)电(?![话视脑台力子器厂网报])" for n in (2, 3, 4))
_FILED = rf"(?:{_DAY}月{_DAY}日(?:电|讯)|电(?=记者|[（(])|{_XINHUA_NO_DATE})"
DATELINE = re.compile(rf"(?:据)?{_PRESS}{POSTED}[\u4e00-\u9fff]{{0,8}}?{_FILED}")
# the place a dateline was filed from: 本报|成都|1月5日电, 新华社|北京|十二月三十一日电
DATELINE_PLACE = re.compile(rf"{_PRESS}(?:驻)?([\u4e00-\u9fff]{{2,8}}?){_FILED}")
# the reporters after a dateline, in brackets or up to 报道：(…电记者罗茂城报道：)
DATELINE_CREDIT = re.compile(rf"{DATELINE.pattern}\s*(?:[（(]([^（）()\n]{{2,60}}?)[）)]|"
                             rf"([^：:，,。；（）()\n]{{2,60}}?)报道[：:])")
LEAD = re.compile(rf"^(?:本报讯|[\u4e00-\u9fff]{{2,6}}讯|{DATELINE.pattern})\s*[（(]?")
PAREN_BYLINE = re.compile(rf"[（(]\s*((?:{ROLE}\s*(?:{NAME}\s*)+)+)摄?\s*[）)]")
# names after a role, each alone or several written without a space (何伟余继军)
ROLE_NAMES = re.compile(rf"({ROLE})\s*((?:{GLUED_NAMES}(?:\s+|(?=[）)/／]|$)))+)")
# what a credit writes after the name: the photo (摄), the text (文, as in 甲文/乙摄 or
# 文/摄), or that the reporter filed from a place (记者甲广州报道)
PHOTO, TEXT, FILED = "摄", "文", "报道"
# a credit in brackets anywhere in the text: （新华社记者甲摄）, （中央人民广播电台记者甲、新华社记者乙）
PAREN = re.compile(r"[（(]([^（）()\n]{2,60}?)[）)]")
# one piece of a credit: the medium, a role, a name, 摄 (each optional, but not all)
CREDIT_PIECE = re.compile(rf"(?:[\u4e00-\u9fff]{{0,12}}?{POSTED}({ROLE}))?\s*([\u4e00-\u9fff]{{2,4}}?)?摄?")
# a medium a credit names before its people (某县融媒体中心, 某某日报社)
MEDIUM = re.compile(r"[\u4e00-\u9fff]{2,12}(?:融媒体中心|新闻中心|传媒中心|广播电视台|电视台|日报社|报社|日报|晚报)")
CONTINUED = re.compile(r"[（(]\s*[上下]接\s*\d+\s*版\s*[）)]")
TERMINAL = "。！？!?”；;"
FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
PAPER = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(日报|晚报|晨报|都市报|融媒体|融媒|讯|报|新闻)$")
SENT_END = re.compile(r"[。！？!?；;]+[”’」』]?|\n")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str  # masthead | byline | lead | trailer | heading | body


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for part in text.split("\n"):
        if part.strip():
            out.append((pos, pos + len(part), part))
        pos += len(part) + 1
    return out


def _kind(line: str) -> str:
    s = line.strip()
    # a dateline with its reporters may follow a subtitle the line repair joined to it
    if LEAD.match(s) and len(s) > 12 or DATELINE_CREDIT.search(s[:80]):
        return "lead"
    if BYLINE_LINE.match(s):
        return "byline"
    if PAREN_BYLINE.fullmatch(s):
        return "trailer"
    if len(s) <= 40 and not any(c in s for c in "。；;，,?？") and s[-1] not in "、：:":
        return "heading"
    return "body"


# what a masthead's date line also prints: the weekday, the lunar date, the issue and
# page numbers, the page's section (2024年4月18日 星期四 农历三月初十 第3版 要闻)
HEADER_EXTRAS = re.compile(r"(?:星期|周)[一二三四五六日天]|农历\S*|(?:总)?第\s*[\dA-Z]+\s*[期版]|"
                           r"今日\d+版|[\s|｜·/]+")


# a page's number and section under the masthead (第3版 要闻, 第A02版 南海新闻): no article's title
PAGE_LINE = re.compile(r"第\s*([\dA-Z]+)\s*版(?:\s*[\u4e00-\u9fff·]{2,10})?")


def _header_date(line: str) -> re.Match | None:
    """The issue date of a masthead line: a full date with nothing else on the line but
    what mastheads print beside it (HEADER_EXTRAS, a short section name). A sentence
    that mentions a date is no masthead line."""
    d = FULL_DATE.search(line)
    if d is None or len(line) > 40 or any(c in line for c in "。；;，,！？!?"):
        return None
    rest = HEADER_EXTRAS.sub("", line[:d.start()] + " " + line[d.end():])
    return d if len(rest) <= 4 else None


def find_masthead(doc: Document, meta: PageMeta | None = None) -> tuple[Masthead, int]:
    """Read the page header (paper name, issue date); return it and where the body starts.
    `meta` is what the user says of the page (kg.pagemeta): it fills in what the page
    does not print."""
    m = Masthead()
    lines = _lines(doc.text)
    body_start = 0
    for start, end, line in lines[:12]:
        s = line.strip()
        d = _header_date(s)
        if d and not m.date:
            y, mo, da = map(int, d.groups())
            m.date, m.year = f"{y:04d}-{mo:02d}-{da:02d}", y
            body_start = end
        elif PAPER.match(s) and not m.paper and len(s) <= 8:
            m.paper = s
            body_start = end
        elif (m.paper or m.date) and ((page := PAGE_LINE.fullmatch(s)) is not None or
                                      re.fullmatch(r"星期.|农历.*|总第\d+期|今日\d+版|.*网址.*|[A-Z]+", s)):
            body_start = end
            if page is not None:
                m.page = page.group(1)
    # what the page prints comes first; then what kg.pagemeta knows of it (a page
    # table's row, kg build --date, a date in its file or folder name)
    meta = meta or PageMeta()
    m.paper = m.paper or meta.paper
    m.page = m.page or meta.page
    if m.date:
        m.date_source = "masthead"
    elif doc.date:          # the file's own metadata (a web page's date), next to what it prints
        m.date, m.year, m.date_source = doc.date, int(doc.date[:4]), "metadata"
    elif meta.date:
        m.date, m.year, m.date_source = meta.date, int(meta.date[:4]), meta.date_source
    return m, body_start


def event_dates(text: str, year: int | None) -> list[str]:
    """Dates the text mentions, resolved to a full date when the year is known."""
    out = []
    for m in FULL_DATE.finditer(text):
        y, mo, d = map(int, m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(f"{y:04d}-{mo:02d}-{d:02d}")
    for m in MONTH_DAY.finditer(text):
        mo, d = map(int, m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(f"{year:04d}-{mo:02d}-{d:02d}" if year else f"--{mo:02d}-{d:02d}")
    return sorted(set(out), key=out.index)


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    out, s = [], start
    for m in SENT_END.finditer(text, start, end):
        if m.end() > s and text[s:m.end()].strip():
            out.append(Sentence(s, m.end(), text[s:m.end()]))
        s = m.end()
    if s < end and text[s:end].strip():
        out.append(Sentence(s, end, text[s:end]))
    return out


def _role(word: str) -> str:
    """融媒体记者 names the medium, 首席 a rank: both are 记者; 见习记者, a trainee's rank, stays."""
    return "记者" if word in ("首席记者", "特约记者", "融媒体记者", "融媒体") else word


def glued_names(run: str) -> list[str]:
    """The names in a run of them written without a space (何伟余继军, 罗昌爱胡跃平任维东:
    the 1998 People's Daily prints bylines so): the cut into names of two or three
    characters (four after a compound surname) that each begin with a common surname,
    with the most of three characters, the first such if several tie. One name of two
    to four characters stays whole, unless it is two such names of two (李刚王明);
    a longer run that no cut reads is no name."""
    def cuts(i: int) -> list[list[str]]:
        if i == len(run):
            return [[]]
        out = []
        for n in (2, 3, 4):
            piece = run[i:i + n]
            if len(piece) == n and (piece[0] in lexicon.SURNAMES if n < 4 else piece[:2] in lexicon.COMPOUND_SURNAMES):
                out += [[piece] + rest for rest in cuts(i + n)]
        return out
    if len(run) <= 4 and not (len(run) == 4 and run[:2] not in lexicon.COMPOUND_SURNAMES
                              and run[0] in lexicon.SURNAMES and run[2] in lexicon.SURNAMES):
        return [run]
    found = cuts(0)
    return max(found, key=lambda c: sum(len(p) == 3 for p in c)) if found else []


def _credited_run(run: str, after: str, photo_credit: bool) -> str:
    """A run of names without what the credit writes after them: 摄, 报道 and the place
    filed from (甲广州报道), and 文 where the credit is for text beside a photo (甲文
    乙摄, 甲文/摄); a name may end in 文, so a lone 文 stays."""
    if run.endswith(FILED):
        run = run[:-len(FILED)]
        g = gazetteer()
        place = next((k for k in range(min(len(run) - 2, 6), 1, -1)
                      if g.lookup(run[-k:]) is not None or run[-k:] in countries()), 0)
        run = run[:len(run) - place]
    elif run.endswith(PHOTO):
        run = run[:-1]
    elif run.endswith(TEXT) and len(run) > 2 and (photo_credit or after.startswith(("/", "／"))):
        run = run[:-1]
    return run


def _bylines(text: str, offset: int) -> list[Byline]:
    out = []
    for m in ROLE_NAMES.finditer(text):
        role = _role(m.group(1))
        pos = m.start(2)
        runs = m.group(2).split()
        photo = any(r.endswith(PHOTO) for r in runs) or text[m.end(2):].lstrip().startswith(PHOTO)
        after = text[m.end(2):m.end(2) + 1]
        runs = [_credited_run(r, after if k == len(runs) - 1 else " ", photo) for k, r in enumerate(runs)]
        for name in (n for run in runs if len(run) >= 2 for n in glued_names(run)):
            i = text.index(name, pos)
            out.append(Byline(name, role, offset + i, offset + i + len(name)))
            pos = i + len(name)
    return out


def _credits(text: str, offset: int) -> list[Byline]:
    """The people a credit names, pieces split at 、 or spaces, each role passing on to the
    bare names after it (记者 甲 乙); a name with no role must end in 摄 (丙摄) or follow
    the medium it works for (（某县融媒体中心 甲 乙）: persons with no title). Empty
    unless every piece reads so and every name starts with a surname: a bracket that
    merely holds words (（记者手记）, （附图片1张）) names nobody."""
    out: list[Byline] = []
    role = None
    medium = False
    for piece in re.finditer(r"[^、，,\s]+", text):
        if piece.group() == "摄":
            continue          # （记者 甲 摄）
        if MEDIUM.fullmatch(piece.group()):
            medium = True     # （某县融媒体中心 甲 乙）: the names after it are its people
            continue
        m = CREDIT_PIECE.fullmatch(piece.group())
        if not m or not (m.group(1) or m.group(2)):
            return []
        role = _role(m.group(1)) if m.group(1) else role
        name = m.group(2)
        if name is None:
            continue
        if role is None and not medium and not piece.group().endswith("摄") or name.startswith(ROLE_WORDS) \
                or not _surname_first(name):
            return []
        start = offset + piece.start() + m.start(2)
        out.append(Byline(name, role or "", start, start + len(name)))
    return out


def _surname_first(name: str) -> bool:
    return name[0] in lexicon.SURNAMES or name[0] in lexicon.HUNDRED_FAMILY or \
        name[:2] in lexicon.COMPOUND_SURNAMES


def _line_credits(text: str, offset: int) -> list[Byline]:
    """Reporters after a dateline (电记者甲报道：, 电（记者乙）) and credits in brackets
    anywhere in a line, such as a photographer's at the end of a paragraph."""
    out = []
    for m in DATELINE_CREDIT.finditer(text):
        g = 1 if m.group(1) is not None else 2
        out += _credits(m.group(g), offset + m.start(g))
    for m in PAREN.finditer(text):
        out += _credits(m.group(1), offset + m.start(1))
    return out


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1) if "\u4e00" <= s[i] <= "\u9fff"}


def segment(doc: Document, year: int | None = None,
            meta: PageMeta | None = None) -> tuple[Masthead, list[Article]]:
    """Split a document into articles with titles, bylines, dates and sentences."""
    masthead, body_start = find_masthead(doc, meta)
    year = masthead.year or year
    text = doc.text
    lines = [_Line(s, e, t, _kind(t)) for s, e, t in _lines(text) if s >= body_start]
    _mark_credits(lines)
    groups: list[list[_Line]] = []
    pending: list[_Line] = []          # headline lines not yet given to an article
    current: list[_Line] | None = None
    layout_starts = set(doc.starts)
    for ln in lines:
        if ln.start in layout_starts and current is not None:
            current.extend(pending)        # the layout begins an article here (a PDF's block)
            pending, current = [], None
        if ln.kind == "heading":
            pending.append(ln)
            continue
        if ln.kind == "byline" and current and current[-1].kind == "byline" and not pending:
            current.append(ln)             # a second byline line (本报通讯员 X)
            continue
        starts = ln.kind in ("byline", "lead") or current is None or (
            ln.kind == "body" and _is_new_article(pending))
        if current is not None and pending and not starts:
            current.extend(pending)
            pending = []
        if starts and ln.kind != "trailer":
            current = pending + [ln]
            groups.append(current)
        else:
            if current is None:
                current = []
                groups.append(current)
            current.extend(pending + [ln])
        pending = []
        if ln.kind == "trailer":
            current = None                 # （融媒体 X） closes its article
    if pending:
        if current is not None:
            current.extend(pending)
        else:
            groups.append(pending)
    groups = [g for g in groups if g]
    _move_trailing_headlines(groups)
    articles = []
    for i, g in enumerate(g for g in groups if g):
        articles.append(_article(doc, i, g, year))
    return masthead, articles


def _mark_credits(lines: list[_Line]) -> None:
    """A byline with no body of its own (a photo credit) closes the item before it."""
    for i, ln in enumerate(lines):
        if ln.kind != "byline" or (i and lines[i - 1].kind == "byline"):
            continue
        nxt = next((x for x in lines[i + 1:] if x.kind != "heading"), None)
        if nxt is None or nxt.kind in ("lead", "trailer") or (
                nxt.kind == "byline" and nxt is not lines[i + 1]):
            ln.kind = "trailer"


def _move_trailing_headlines(groups: list[list[_Line]]) -> None:
    """Headlines that open a group but repeat the previous article's words belong to it."""
    for prev, cur in zip(groups, groups[1:]):
        heads = []
        for ln in cur:
            if ln.kind != "heading":
                break
            heads.append(ln)
        if not heads or len(heads) == len(cur) or not any(x.kind in ("body", "lead") for x in prev):
            continue
        h = _bigrams("".join(x.text for x in heads))
        if not h:
            continue
        # how many of the headline's bigrams each body has: each starts with a CJK
        # character, so occurring in a body is being one of its bigrams, and a substring
        # search beats building the set of every bigram of both bodies
        prev_body = "".join(x.text for x in prev if x.kind in ("body", "lead"))
        cur_body = "".join(x.text for x in cur[len(heads):] if x.kind in ("body", "lead"))
        before = sum(b in prev_body for b in h)
        after = sum(b in cur_body for b in h)
        if before > after and before >= 2:
            prev.extend(heads)
            del cur[:len(heads)]


def _is_new_article(heads: list[_Line]) -> bool:
    """Headline lines followed by body with no byline: a new article unless they are subheads."""
    return any(len(h.text.strip()) >= 8 for h in heads) and len(heads) >= 2


DATELINE_REACH = 200   # characters from an article's start a dateline may sit in (after its headlines)
END_DATELINE = re.compile(rf"[（(]\s*{DATELINE_PLACE.pattern}\s*[）)]\s*$")
POSTED_PLACE = re.compile(r"驻([\u4e00-\u9fff]{2,6}?)(?:首席|特派|特约)?记者")


def _article(doc: Document, index: int, lines: list[_Line], year: int | None) -> Article:
    start, end = lines[0].start, lines[-1].end
    heads = [ln for ln in lines if ln.kind == "heading"]
    first = next((i for i, ln in enumerate(lines) if ln.kind in ("byline", "lead", "body")), len(lines))
    title = _title(heads, [ln for ln in lines[:first] if ln.kind == "heading"])
    bylines: list[Byline] = []
    for ln in lines:
        if ln.kind in ("byline", "trailer"):
            bylines += _bylines(ln.text, ln.start) or [
                Byline(m.group(), "", ln.start + m.start(), ln.start + m.end())
                for m in re.finditer(NAME, ln.text) if "本报" not in m.group() and m.group() != FILED]
        else:
            m = PAREN_BYLINE.search(ln.text[:40]) if ln.kind == "lead" else None
            if m:
                bylines += _bylines(m.group(1), ln.start + m.start(1))
            bylines += _line_credits(ln.text, ln.start)
    bylines = list({(b.name, b.role): b for b in bylines}.values())
    body = doc.text[start:end]
    # filed from: the dateline after the headlines, one in brackets at the end (（本报曼谷
    # 1月10日电）), else where the byline's correspondent is posted (本报驻泰国记者)
    place = DATELINE_PLACE.search(body[:DATELINE_REACH]) or END_DATELINE.search(body) or \
        next((m for ln in lines if ln.kind == "byline" for m in [POSTED_PLACE.search(ln.text)] if m), None)
    art = Article(doc=doc.id, index=index, start=start, end=end, title=title, bylines=bylines,
                  dates=event_dates(CONTINUED.sub("", body), year), place=place.group(1) if place else None)
    art.sentences = sentences(doc.text, start, end)
    return art


def _title(heads: list[_Line], before: list[_Line] | None = None) -> str | None:
    """The main headline: the longest heading line before the byline (else anywhere),
    with its ——subtitle; later headings inside the body are subheads."""
    heads = before or heads
    if not heads:
        return None
    main = max((h for h in heads if not h.text.strip().startswith("——")),
               key=lambda h: len(h.text.strip()), default=None)
    subs = [h.text.strip() for h in heads if h.text.strip().startswith("——")]
    parts = ([main.text.strip()] if main else []) + subs
    return " ".join(parts) or None
