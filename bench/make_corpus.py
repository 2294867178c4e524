"""Generate a large, realistic corpus from the seed pages, deterministically.

Pages are recombined seed articles in which every person, company and place name
is replaced by one made up from syllable combinations (a surname character plus
one or two given-name characters; a two-character brand for firms and places).
Names recur across pages with a long-tailed frequency, as officials and firms do
in a real paper, while new ones keep appearing, so the number of distinct
entities grows with the corpus. The same --seed and --size give the same files,
and a larger --size extends a smaller corpus page by page (its first pages are
the same), which the incremental-build benchmark relies on.

    python bench/make_corpus.py --size 10MB --out bench/corpus/10mb
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.divisions import gazetteer  # noqa: E402
from kg.pipeline import extract  # noqa: E402
from kg.formats.text import decode  # noqa: E402

# Syllables names are combined from (characters, not names): no list of real people or firms.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲建国文斌宇浩凯晨瑞博鑫雪琳晶欣颖慧婷倩佳峰宁波海林东亮志成祥荣德庆新春书法永帅爱庭振兴绍雯"
BRAND = "鑫盛宏达华泰恒瑞丰源嘉禾祥和润泽金岳信诚永安福康瑞德兴旺裕隆德顺天成昌运景明锦绣汇通博远宝利益海广厚汇聚鼎峰君正合创卓越晟翔"
DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
SIZE = re.compile(r"^(\d+(?:\.\d+)?)\s*([KMG]?B?)$", re.I)


@dataclass
class SeedArticle:
    text: str                    # raw text of the article
    persons: list[str]           # names to replace whole
    brands: list[tuple[str, list[str]]]   # (brand, names containing it)


def parse_size(s: str) -> int:
    """'10MB' -> 10_000_000 bytes (decimal units, as corpus sizes are quoted)."""
    m = SIZE.match(s.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {s!r} (e.g. 500KB, 10MB)")
    unit = m.group(2).upper().rstrip("B")
    return int(float(m.group(1)) * {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}[unit])


def _brand(name: str) -> str | None:
    """The distinctive part of a firm or place name: two characters after any area prefix."""
    g = gazetteer()
    b = g.split_area(name)[1][:2]
    if len(b) == 2 and all("\u4e00" <= c <= "\u9fff" for c in b) and b not in g.by_name \
            and b not in g.by_short:
        return b
    return None


def load_seed_articles(seed_dir: Path) -> tuple[list[SeedArticle], list[str]]:
    """Seed articles with the names in them, and the page headers (masthead lines)."""
    records, problems = extract([seed_dir])
    if problems or not records:
        raise SystemExit(f"make_corpus: cannot read seeds in {seed_dir}: {problems}")
    articles, headers = [], []
    for rec in records:
        raw = decode((seed_dir / rec["doc"]).read_bytes()).text
        arts = rec["articles"]
        headers.append(raw[:arts[0]["start"]] if arts else "")
        for a in arts:
            persons: set[str] = set()
            brands: dict[str, set[str]] = {}
            for e in rec["entities"]:
                texts = {m["text"] for m in e["mentions"] if a["start"] <= m["start"] < a["end"]}
                if not texts:
                    continue
                if e["type"] in ("Person", "Official"):
                    persons |= {t for t in texts if 2 <= len(t) <= 4}
                elif e["type"] in ("Company", "Place"):
                    b = _brand(e["name"])
                    if b:
                        brands.setdefault(b, set()).update(t for t in texts | {e["name"]} if b in t)
            articles.append(SeedArticle(raw[a["start"]:a["end"]], sorted(persons, key=lambda x: (-len(x), x)),
                                        sorted((b, sorted(ns, key=lambda x: (-len(x), x)))
                                               for b, ns in brands.items())))
    return articles, headers


class Names:
    """Made-up names: each draw reuses an earlier one with a long-tailed bias, or makes a new one."""

    def __init__(self, rng: random.Random, make) -> None:
        self.rng, self.make, self.pool = rng, make, []
        self.seen: set[str] = set()

    def draw(self) -> str:
        if self.pool and self.rng.random() < 0.5:
            # bias to early names: a few recur often, most rarely
            return self.pool[int(len(self.pool) * self.rng.random() ** 3)]
        for _ in range(100):
            name = self.make(self.rng)
            if name not in self.seen:
                break
        self.seen.add(name)
        self.pool.append(name)
        return name


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _brand_name(rng: random.Random) -> str:
    return rng.choice(BRAND) + rng.choice(BRAND)


def rewrite(art: SeedArticle, persons: Names, brands: Names) -> str:
    """The article with its names replaced, consistently within the article."""
    text = art.text
    subs: dict[str, str] = {}
    for name in art.persons:
        if name not in subs:
            subs[name] = persons.draw()
    for brand, names in art.brands:
        new = brands.draw()
        for n in names:
            subs.setdefault(n, n.replace(brand, new, 1))
    if not subs:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(subs, key=lambda x: (-len(x), x))))
    return pattern.sub(lambda m: subs[m.group()], text)


def generate(size: int, out: Path, seed: int = 0, seed_dir: Path = ROOT / "seeds") -> list[Path]:
    """Write pages of about 15 KB to `out` until they hold `size` bytes; return their paths."""
    return write_pages(*load_seed_articles(seed_dir), size, out, seed)


def write_pages(articles: list[SeedArticle], headers: list[str], size: int, out: Path,
                seed: int = 0) -> list[Path]:
    """Recombine `articles` into pages under `out` until they hold `size` bytes."""
    rng = random.Random(seed)
    persons, brands = Names(random.Random(seed + 1), _person), Names(random.Random(seed + 2), _brand_name)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("p*.txt"):
        old.unlink()
    written, paths, day = 0, [], date(2015, 1, 1)
    while written < size:
        header = DATE.sub(f"{day.year}年{day.month}月{day.day}日", rng.choice(headers))
        parts = [header.rstrip("\n")] if header.strip() else []
        for _ in range(rng.randint(6, 10)):
            parts.append(rewrite(rng.choice(articles), persons, brands).strip("\n"))
        data = ("\n\n".join(parts) + "\n").encode("utf-8")
        path = out / f"p{len(paths):06d}.txt"
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
        day += timedelta(days=1)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=parse_size, required=True, help="total bytes, e.g. 500KB, 10MB")
    ap.add_argument("--out", type=Path, required=True, help="folder for the pages (p*.txt replaced)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (same seed, same corpus)")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="seed pages")
    a = ap.parse_args(argv)
    paths = generate(a.size, a.out, a.seed, a.seeds)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} pages, {total} bytes -> {a.out}")


if __name__ == "__main__":
    main()
