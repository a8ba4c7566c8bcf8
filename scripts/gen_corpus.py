#!/usr/bin/env python3
"""Generates noticeguard's labeled corpus of synthetic government notices.

    python3 scripts/gen_corpus.py            # writes tests/data/notices.eval.jsonl

Every value is fabricated: ID numbers get a random birth date and sequence on a county
code from dictionaries/id_region_codes.tsv and a correct ISO 7064 check digit; mobile
numbers use segments from dictionaries/mobile_segments.tsv; bank cards a BIN from
dictionaries/bank_bins.tsv and (mostly) a Luhn digit; names are random surname + given
characters. No text comes from real notices. The output follows the corpus format of
docs/evaluation.md (Unicode-scalar offsets): `entities` must be reported as leaks,
`public` must not, and already-masked values are left unlabeled so that reporting them
as leaks counts as a false positive.

The generator is seeded, so the file is reproducible; change SEED to draw another one.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261127
DOCS_PER_TEMPLATE = 24

rng = random.Random(SEED)


def data_rows(name: str) -> list[list[str]]:
    lines = (ROOT / "dictionaries" / name).read_text(encoding="utf-8").splitlines()
    return [l.split("\t") for l in lines if l and not l.startswith("#")]


COUNTIES = [r[0] for r in data_rows("id_region_codes.tsv") if not r[3] and not r[0].endswith("00")]
HISTORICAL = [r[0] for r in data_rows("id_region_codes.tsv") if r[3] and not r[0].endswith("00")]
SEGMENTS = [r[0] for r in data_rows("mobile_segments.tsv") if len(r[0]) == 3]
AREA_CODES = [r[0] for r in data_rows("landline_area_codes.tsv")]
BINS = [(r[0], int(r[1])) for r in data_rows("bank_bins.tsv") if 16 <= int(r[1]) <= 19 and len(r[0]) >= 6]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐"]
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华兰玉萍红建国志文斌辉鹏宇浩然子涵梓萱思雨欣怡俊杰家豪春梅海燕金凤小红德胜福林永强"
TOWNS = ["城关镇", "新华街道", "东山乡", "河西镇", "石门乡", "南塘镇", "青石街道", "柳林镇"]
VILLAGES = ["红星村", "大坪村", "新民村", "柏树村", "桥头社区", "河口村", "茶园村", "龙潭村"]
COUNTY_NAMES = ["安远县", "兴国县", "宁都县", "于都县", "瑞金市", "会昌县", "寻乌县", "石城县"]
UNITS = ["县民政局", "县人力资源和社会保障局", "县农业农村局", "县自然资源局", "县市场监督管理局", "镇人民政府"]
FULL = str.maketrans("0123456789Xx()-", "０１２３４５６７８９Ｘｘ（）－")

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check_char(d17: str) -> str:
    return "10X98765432"[sum(int(a) * b for a, b in zip(d17, W)) % 11]


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def id18(region: str | None = None) -> str:
    region = region or rng.choice(COUNTIES)
    y = rng.randint(1935, 2012)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    body = f"{region}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    return body + check_char(body)


def id15() -> str:
    return f"{rng.choice(COUNTIES)}{rng.randint(30, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"


def mobile() -> str:
    return rng.choice(SEGMENTS) + "".join(rng.choice("0123456789") for _ in range(8))


def landline_parts() -> tuple[str, str]:
    local_len = 8 if rng.random() < 0.5 else 7
    local = rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(local_len - 1))
    return rng.choice(AREA_CODES), local


def bank_card(luhn: bool = True) -> str:
    bin_, length = rng.choice(BINS)
    body = bin_ + "".join(rng.choice("0123456789") for _ in range(length - len(bin_) - 1))
    last = luhn_digit(body) if luhn else str((int(luhn_digit(body)) + rng.randint(1, 9)) % 10)
    return body + last


def name() -> str:
    surname = rng.choice(COMPOUND) if rng.random() < 0.06 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


def address() -> str:
    return f"{rng.choice(COUNTY_NAMES)}{rng.choice(TOWNS)}{rng.choice(VILLAGES)}{rng.randint(1, 12)}组{rng.randint(1, 99)}号"


def urban_address() -> str:
    estate = rng.choice(["幸福小区", "锦绣花园", "滨江家园", "和平新村", "阳光苑"])
    return (f"{rng.choice(COUNTY_NAMES)}{rng.choice(TOWNS)}{estate}{rng.randint(1, 30)}栋"
            f"{rng.randint(1, 6)}单元{rng.randint(1, 30)}0{rng.randint(1, 4)}室")


def office_address() -> str:
    road = rng.choice(["人民路", "解放大道", "政府大院", "文化路", "建设路"])
    return f"{rng.choice(COUNTY_NAMES)}{rng.choice(TOWNS)}{road}{rng.randint(1, 300)}号"


MINORITY = ["买买提·艾力", "阿依古丽·吐尔逊", "热依拉·买买提", "艾尔肯·阿不都", "古丽娜·热合曼"]
MINORITY_PROSE = ["吐尔逊·托合提", "阿卜杜热合曼·买买提", "扎西·多吉", "巴特尔·孟和", "次仁·卓玛"]


def uscc() -> str:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = rng.choice("159") + rng.choice("123") + rng.choice(COUNTIES) + "".join(rng.choice(chars) for _ in range(9))
    return body + rng.choice(chars)


# --- formatting variants -----------------------------------------------------------------

def fmt_id(v: str) -> str:
    r = rng.random()
    if r < 0.1:
        return v.translate(FULL)
    if r < 0.18:
        return f"{v[:6]} {v[6:14]} {v[14:]}"
    if r < 0.22 and v.endswith("X"):
        return v[:-1] + "x"
    return v


def fmt_mobile(v: str) -> str:
    r = rng.random()
    if r < 0.08:
        return f"{v[:3]}-{v[3:7]}-{v[7:]}"
    if r < 0.16:
        return f"{v[:3]} {v[3:7]} {v[7:]}"
    if r < 0.22:
        return v.translate(FULL)
    return v


def fmt_landline() -> str:
    area, local = landline_parts()
    r = rng.random()
    if r < 0.15:
        return f"({area}){local}"
    if r < 0.25:
        return f"（{area}）{local}"
    if r < 0.32:
        return f"{area}{local}"
    if r < 0.38:
        return f"{area}-{local}转{rng.randint(100, 8999)}"
    return f"{area}-{local}"


def fmt_card(v: str) -> str:
    if rng.random() < 0.2:
        return " ".join(v[i:i + 4] for i in range(0, len(v), 4))
    return v


# --- document builder --------------------------------------------------------------------

class Doc:
    def __init__(self, ident: str):
        self.id = ident
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[dict] = []
        self.public: list[dict] = []

    def text(self, s: str) -> "Doc":
        self.parts.append(s)
        self.length += len(s)
        return self

    def value(self, kind: str, s: str, where: str = "entities") -> "Doc":
        getattr(self, where).append({"kind": kind, "start": self.length, "end": self.length + len(s), "value": s})
        return self.text(s)

    def leak(self, kind: str, s: str) -> "Doc":
        return self.value(kind, s)

    def public_value(self, kind: str, s: str) -> "Doc":
        return self.value(kind, s, "public")

    def json(self) -> dict:
        out = {"id": self.id, "text": "".join(self.parts), "entities": self.entities}
        if self.public:
            out["public"] = self.public
        return out


def footer(d: Doc) -> None:
    """Institutional numbers and codes every notice carries: public or not personal."""
    area, local = landline_parts()
    label = rng.choice(["监督电话", "举报电话", "咨询电话", "办公电话"])
    d.text(f"\n{label}：").public_value("landline", f"{area}-{local}")
    if rng.random() < 0.5:
        d.text("，政务服务便民热线：").public_value("landline", "12345")
    if rng.random() < 0.3:
        d.text("，服务热线：").public_value("landline", f"400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}")
    d.text(f"\n{rng.choice(UNITS)}\n{rng.randint(2019, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n")
    d.text(f"索引号：{rng.randint(100000000, 999999999)}/{rng.randint(2019, 2026)}-{rng.randint(1, 99999):05d}\n")
    d.text(f"网站标识码：{rng.randint(1000000000, 9999999999)}  ")
    d.text(f"赣公网安备{rng.choice(COUNTIES)}{rng.randint(10000000, 99999999)}号  ")
    d.text(f"赣ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 9)}\n")


def table(d: Doc, header: list[str], rows: list[list[tuple[str | None, str]]], style: str) -> None:
    """Writes a table; cells are (kind or None, text)."""
    if style == "markdown":
        d.text("| " + " | ".join(header) + " |\n")
        d.text("|" + "---|" * len(header) + "\n")
    elif style == "tsv":
        d.text("\t".join(header) + "\n")
    else:
        d.text("  ".join(header) + "\n")
    for row in rows:
        if style == "markdown":
            d.text("| ")
        for i, (kind, cell) in enumerate(row):
            if i:
                d.text(" | " if style == "markdown" else "\t" if style == "tsv" else "   ")
            if kind:
                d.leak(kind, cell)
            else:
                d.text(cell)
        d.text(" |\n" if style == "markdown" else "\n")


def social_assistance(i: int) -> Doc:
    d = Doc(f"dibao-{i:03d}")
    d.text(f"关于{rng.choice(TOWNS)}2026年第{rng.randint(1, 4)}批城乡最低生活保障对象的公示\n")
    d.text("经本人申请、村（居）民委员会民主评议、乡镇人民政府审核，现将拟纳入低保对象名单公示如下：\n")
    style = ["tsv", "markdown", "spaces"][i % 3]
    rows = []
    for n in range(rng.randint(2, 6)):
        rows.append([
            (None, str(n + 1)),
            ("person_name", name()),
            ("id_card", fmt_id(id18() if rng.random() > 0.05 else id18(rng.choice(HISTORICAL)))),
            ("mobile_phone", fmt_mobile(mobile())),
            (None, str(rng.randint(1, 6))),
            (None, f"{rng.randint(300, 1500)}.00"),
        ])
    table(d, ["序号", "户主姓名", "身份证号", "联系电话", "保障人数", "月保障金（元）"], rows, style)
    d.text(f"公示期为{rng.randint(5, 7)}天。")
    footer(d)
    return d


def subsidy(i: int) -> Doc:
    d = Doc(f"subsidy-{i:03d}")
    d.text(f"{rng.choice(COUNTY_NAMES)}2026年耕地地力保护补贴发放公示\n")
    for n in range(rng.randint(2, 5)):
        d.text(f"{n + 1}. ").leak("person_name", name()).text("，身份证号：").leak("id_card", fmt_id(id18()))
        if rng.random() < 0.5:
            d.text("，一卡通账号：").leak("bank_card", fmt_card(bank_card(luhn=rng.random() > 0.2)))
        else:
            d.text("，开户账号：").leak("bank_card", fmt_card(bank_card()))
        d.text(f"，补贴面积{rng.randint(1, 30)}.{rng.randint(0, 9)}亩，金额{rng.randint(100, 5000)}.00元；\n")
    d.text("资金通过惠民惠农财政补贴资金“一卡通”发放。")
    footer(d)
    return d


def expropriation(i: int) -> Doc:
    d = Doc(f"zhengshou-{i:03d}")
    d.text("国有土地上房屋征收补偿情况公示\n")
    d.text("依据《国有土地上房屋征收与补偿条例》，现将被征收人补偿情况公示如下：\n")
    for n in range(rng.randint(2, 4)):
        d.text("被征收人：").leak("person_name", name())
        d.text("，房屋坐落：").leak("address", address())
        d.text(f"，补偿金额{rng.randint(10, 300)},{rng.randint(100, 999)}.{rng.randint(10, 99)}元")
        d.text("，联系电话：")
        if rng.random() < 0.4:
            d.leak("landline", fmt_landline())
        else:
            d.leak("mobile_phone", fmt_mobile(mobile()))
        d.text("。\n")
    d.text(f"征收项目编号：{rng.randint(10**15, 10**16 - 1)}。")
    footer(d)
    return d


def hiring(i: int) -> Doc:
    d = Doc(f"luyong-{i:03d}")
    d.text(f"{rng.choice(COUNTY_NAMES)}2026年公开招聘事业单位工作人员拟录用人员公示\n")
    d.text("序号  姓名  性别  准考证号  报考岗位  身份证号\n")
    for n in range(rng.randint(2, 5)):
        d.text(f"{n + 1}  ").leak("person_name", name()).text(f"  {rng.choice('男女')}  ")
        d.text(f"{rng.randint(10**11, 10**12 - 1)}  {rng.choice(['综合管理', '会计', '临床医生', '教师'])}  ")
        # Hiring lists often star IDs, sometimes not enough.
        v = id18()
        r = rng.random()
        if r < 0.3:
            d.text(v[:2] + "*" * 13 + v[-3:])  # compliant, unlabeled
        elif r < 0.5:
            d.leak("id_card", v[:10] + "****" + v[-4:])  # shows the birth date: insufficient
        else:
            d.leak("id_card", fmt_id(v))
        d.text("\n")
    d.text("准考证号：" + str(rng.randint(10**17, 10**18 - 1)) + "（示例考生）\n")
    footer(d)
    return d


def appointment(i: int) -> Doc:
    d = Doc(f"renqian-{i:03d}")
    d.text("干部任前公示\n")
    for n in range(rng.randint(1, 3)):
        d.leak("person_name", name())
        d.text(f"，{rng.choice('男女')}，汉族，{rng.randint(1965, 1992)}年{rng.randint(1, 12)}月生，大学学历，")
        d.text(f"现任{rng.choice(UNITS)}副局长，拟任{rng.choice(UNITS)}局长。\n")
    d.text("公示期间，对公示对象有异议的，可通过来电、来信、来访等方式向县委组织部反映。")
    area, local = landline_parts()
    d.text("\n举报电话：").public_value("landline", f"{area}-{local}").text("、").public_value("landline", "12380")
    d.text("\n举报电子邮箱：jubao@example.gov.cn\n")
    return d


def penalty(i: int) -> Doc:
    d = Doc(f"chufa-{i:03d}")
    d.text(f"{rng.choice(COUNTY_NAMES)}市场监督管理局行政处罚决定书\n")
    d.text(f"文号：{rng.choice(COUNTY_NAMES)[:2]}市监罚〔{rng.randint(2020, 2026)}〕{rng.randint(1, 300)}号\n")
    d.text("当事人：").leak("person_name", name())
    d.text("\n公民身份号码：").leak("id_card", fmt_id(id18() if rng.random() > 0.1 else id15()))
    d.text("\n住所：").leak("address", address())
    d.text("\n联系方式：").leak("mobile_phone", fmt_mobile(mobile()))
    if rng.random() < 0.5:
        d.text("，+86 ").leak("mobile_phone", (lambda v: f"{v[:3]} {v[3:7]} {v[7:]}")(mobile()))
    d.text(f"\n经营者统一社会信用代码：{uscc()}\n")
    d.text(f"当事人于{rng.randint(2020, 2025)}年{rng.randint(1, 12)}月销售不合格产品，违法所得{rng.randint(100, 99999)}元，")
    d.text(f"罚款人民币{rng.randint(1, 50)},000元。\n")
    d.text("如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议。")
    footer(d)
    return d


def masked_history(i: int) -> Doc:
    """Already-masked lists: compliant values unlabeled, insufficient ones labeled."""
    d = Doc(f"masked-{i:03d}")
    d.text("临时救助对象名单（已脱敏）\n")
    for n in range(rng.randint(3, 6)):
        v, m = id18(), mobile()
        d.text(f"{n + 1}、{name()[0]}**，")
        r = rng.random()
        if r < 0.6:
            d.text(f"身份证号 {v[:2]}{'*' * 13}{v[-3:]}，手机 {m[:3]}****{m[-4:]}")
        elif r < 0.8:
            d.text("身份证号 ").leak("id_card", f"{v[:6]}********{v[-4:]}")
            d.text(f"，手机 {m[:3]}****{m[-4:]}")
        else:
            d.text(f"身份证号 {v[:2]}{'*' * 13}{v[-3:]}，手机 ").leak("mobile_phone", f"{m[:7]}****")
        d.text(f"，救助金额{rng.randint(500, 3000)}元。\n")
    d.text(f"邮编：{rng.randint(330000, 349999)}")
    footer(d)
    return d


def hard_negatives(i: int) -> Doc:
    """Numbers that look personal but are not."""
    d = Doc(f"negative-{i:03d}")
    d.text("关于公布2026年度政府信息公开工作年度报告的通知\n")
    d.text(f"发布日期：{rng.randint(2020, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
    d.text(f"统一社会信用代码：{uscc()}\n")
    d.text(f"项目编号：{rng.randint(10**17, 10**18 - 1)}，合同编号：HT-{rng.randint(2020, 2026)}-{rng.randint(1000, 9999)}\n")
    d.text(f"本年度共受理依申请公开{rng.randint(10, 500)}件，预算资金{rng.randint(1, 999)},{rng.randint(100, 999)},{rng.randint(100, 999)}.00元，")
    d.text(f"占比{rng.randint(1, 99)}.{rng.randint(1, 9)}%。\n")
    d.text(f"准考证号：{rng.randint(10**14, 10**15 - 1)}；考号{rng.randint(10**10, 10**11 - 1)}。\n")
    d.text(f"详见 http://www.example.gov.cn/art/{rng.randint(2020, 2026)}/{rng.randint(1, 12)}/{rng.randint(10**7, 10**8)}.html\n")
    d.text(f"批准文号：国药准字H{rng.randint(10**7, 10**8 - 1)}\n")
    d.text("咨询电话：").public_value("landline", "-".join(landline_parts()))
    d.text("，传真：").public_value("landline", "-".join(landline_parts()))
    d.text("，热线：").public_value("landline", f"{rng.choice(['95598', '96777', '12315', '12345'])}")
    footer(d)
    return d


def prose(i: int) -> Doc:
    """Contacts written in prose, in lists joined by 、 and with extensions."""
    d = Doc(f"prose-{i:03d}")
    d.text("关于开展困难群众走访慰问的情况通报\n")
    d.text("经走访，").leak("person_name", name()).text("（家住").leak("address", address()).text("）")
    d.text("因病致贫，其家属手机为").leak("mobile_phone", fmt_mobile(mobile()))
    d.text("、").leak("mobile_phone", fmt_mobile(mobile()))
    d.text("，家中座机").leak("landline", fmt_landline()).text("。")
    d.text("帮扶责任人联系电话：").leak("mobile_phone", mobile()).text("。\n")
    d.text("慰问金已打入其社保卡，社会保障卡号：").leak("bank_card", fmt_card(bank_card())).text("。\n")
    footer(d)
    return d


def commendation(i: int) -> Doc:
    """Names in running text, with the cues notices use."""
    d = Doc(f"biaozhang-{i:03d}")
    d.text("关于表彰2026年度优秀网格员的通报\n")
    d.text("经各村（社区）推荐、镇党委研究，决定对")
    for n in range(rng.randint(2, 4)):
        if n:
            d.text("、")
        d.leak("person_name", name())
    d.text("等同志予以通报表彰。\n")
    d.text("其中，").leak("person_name", name()).text("同志扎根基层十余年，")
    d.text("多次帮助困难户").leak("person_name", name()).text("解决就医问题。\n")
    d.text("特别感谢").leak("person_name", name()).text(rng.choice(["女士", "先生"]))
    d.text("为慰问活动捐赠物资。\n")
    d.text("户主").leak("person_name", name()).text(f"家庭人口{rng.randint(2, 6)}人，")
    d.text("现居住地：").leak("address", rng.choice([address(), urban_address()])).text("。\n")
    footer(d)
    return d


def recipients_with_addresses(i: int) -> Doc:
    """Assistance lists with an address column, minority names and masked entries."""
    d = Doc(f"jiuzhu-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}2026年临时救助对象公示\n")
    style = ["markdown", "tsv", "spaces"][i % 3]
    rows = []
    for n in range(rng.randint(3, 6)):
        r = rng.random()
        if r < 0.15:
            person = ("person_name", rng.choice(MINORITY))
        elif r < 0.3:
            person = (None, name()[0] + rng.choice(["*", "**", "某", "某某"]))  # compliant
        else:
            person = ("person_name", name())
        rows.append([
            (None, str(n + 1)),
            person,
            ("address", rng.choice([address(), urban_address()])),
            (None, rng.choice(["因病", "因灾", "因学", "意外事故"])),
            (None, f"{rng.randint(5, 50)}00"),
        ])
    table(d, ["序号", "姓名", "家庭住址", "救助原因", "救助金额（元）"], rows, style)
    d.text("受理地点：").public_value("address", office_address()).text("（镇社会事务办）\n")
    footer(d)
    return d


def name_negatives(i: int) -> Doc:
    """Words that begin with a surname character, places and organizations: no person."""
    d = Doc(f"negative-name-{i:03d}")
    d.text("关于做好秋冬季森林防火工作的通知\n")
    d.text(f"各乡镇人民政府、县直各单位：为高度重视林业安全，请于{rng.randint(1, 30)}日前在村务公开栏张贴本通知，")
    d.text("并对周边林区开展巡查。于是各地要明确程序，何时发现火情何时报告。")
    d.text(f"{rng.choice(TOWNS)}、{rng.choice(TOWNS)}要安排资金{rng.randint(2, 90)}万元，")
    d.text(f"组织常住人口参加演练，黄金周期间加强值守。\n")
    d.text(f"当事人：{rng.choice(COUNTY_NAMES)}{rng.choice(['宏达建材有限公司', '绿源农业专业合作社', '顺发超市'])}\n")
    d.text("办公地址：").public_value("address", office_address()).text("\n")
    d.text(f"{rng.choice(COUNTY_NAMES)}林业局\n")
    footer(d)
    return d


def official_phrases(i: int) -> Doc:
    """Official wording around surname characters that reads as no one: adjective and noun
    (高素质), a title then a preposition or conjunction, lists of forms of address, 副 of a
    title; one named official among them."""
    d = Doc(f"negative-official-{i:03d}")
    d.text("在全县" + rng.choice(["经济工作", "党建工作", "民政工作"]) + "会议上的讲话\n")
    d.text(rng.choice(["各位代表、各位同志：", "各位领导、各位来宾：", "各位委员、同志们："]) + "\n")
    d.text("今年以来，我们坚持" + rng.choice(["高质量发展", "高标准建设", "高水平开放"]) + "，")
    d.text("努力建设" + rng.choice(["高素质", "高水平"]) + rng.choice(["干部队伍", "专业化队伍"]) + "。")
    d.text(rng.choice(["县长向全县人民", "主任向全体职工", "书记向与会同志"]) + "表示感谢。\n")
    d.text(rng.choice(["常务副县长", "常务副主任", "公司副总经理"]) + "和")
    d.text(rng.choice(["申请", "困难"]) + "家庭代表参加座谈，")
    d.text(rng.choice(["新闻战线的同志们", "参加活动的几乎全是老人"]) + "。\n")
    d.text(rng.choice(["副县长", "副主任"])).leak("person_name", name()).text("同志主持会议。\n")
    footer(d)
    return d


def dotted_names_in_prose(i: int) -> Doc:
    """Names written with a middle dot in running text, between words that are not part of
    them, and page headings joined by middle dots that are no names."""
    d = Doc(f"minority-{i:03d}")
    d.text(rng.choice(["当前位置：首页·政务公开·通知公告\n", "首页·新闻动态·乡镇动态\n", "【党建·动态】\n"]))
    d.text("关于临时救助审批结果的公示\n")
    first, second, third = rng.sample(MINORITY + MINORITY_PROSE, 3)
    d.text(rng.choice(["经审核，", "经研究，同意", "经村民评议，村民"])).leak("person_name", first)
    d.text(rng.choice(["符合临时救助条件", "申请临时救助", "享受临时救助"]) + "，")
    d.text("家住").leak("address", address()).text("。\n")
    d.text("慰问对象：").leak("person_name", name()).text("、").leak("person_name", second)
    d.text("、").leak("person_name", name()).text("等" + str(rng.randint(3, 9)) + "户。\n")
    d.text("户主").leak("person_name", third).text(rng.choice(["是", "系", "因病"]) + "低保户。\n")
    footer(d)
    return d


def policy_notice(i: int) -> Doc:
    """An implementing notice: official prose around surname characters, a roster word, a
    title after 任, the issuing office, a breadcrumb; one resident's address with 住."""
    d = Doc(f"policy-{i:03d}")
    d.text(rng.choice(["当前位置：首页·政务公开·政策文件\n", "首页·信息公开·通知公告\n"]))
    d.text("关于进一步规范城乡最低生活保障工作的通知\n")
    d.text(rng.choice(["各乡镇人民政府，县直有关单位：\n", "各乡（镇）人民政府、街道办事处：\n"]))
    d.text("一、加强领导。成立由" + rng.choice(["党委书记", "县长", "分管副县长"]) + "任"
           + rng.choice(["组长", "主任"]) + "的工作领导小组。\n")
    d.text("二、规范程序。严格执行个人申请、入户调查、民主评议、张榜公示等程序，杜绝关系保、人情保。\n")
    d.text("三、按时报送。各乡镇于每月" + str(rng.randint(1, 10)) + "日前将低保对象"
           + rng.choice(["花名册", "花名册和汇总表"]) + "报县民政局。\n")
    d.text("四、典型案例。" + rng.choice(["申请人", "群众"]) + "反映其亲属（住")
    d.leak("address", address()).text("）收入核查不实，经核查已整改。\n")
    d.text(rng.choice(["江西省民政厅办公室", "县人民政府办公室", "县民政局办公室"]))
    d.text(f" {rng.randint(2020, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日印发\n")
    footer(d)
    return d


# Names without a Chinese surname and without a dot, as notices of Tibetan, Xinjiang and
# Inner Mongolian counties write them: two name parts, or one.
UNDOTTED_TWO = ["次仁卓玛", "格桑德吉", "旦增平措", "尼玛次仁", "白玛央金", "索朗旺姆", "达瓦卓玛",
                "普布扎西", "买买提艾力", "阿依古丽吐尔逊", "努尔买买提", "乌日娜其其格"]
UNDOTTED_ONE = ["扎西", "卓玛", "旺堆", "罗布", "巴特尔", "其其格", "古丽", "吐尔逊江"]
BORDER_TOWNS = ["城关镇", "曲水镇", "巴音镇", "库车街道", "江孜镇"]


def undotted_minority_names(i: int) -> Doc:
    """Tibetan, Uyghur and Mongolian names written without a dot in lists, after cues and in
    a name column; name parts inside ordinary words and a place name that are no one."""
    d = Doc(f"minority-undotted-{i:03d}")
    d.text(f"{rng.choice(BORDER_TOWNS)}2026年第{rng.randint(1, 4)}季度城乡低保拟保对象公示\n")
    names = rng.sample(UNDOTTED_TWO, 2) + rng.sample(UNDOTTED_ONE, 1)
    rng.shuffle(names)
    d.text("经入户调查、民主评议，拟将")
    for n, person in enumerate(names):
        if n:
            d.text("、")
        d.leak("person_name", person)
    d.text(f"等{len(names)}户纳入城乡低保。\n")
    d.text(rng.choice(["申请人", "户主"])).leak("person_name", rng.choice(UNDOTTED_ONE))
    d.text("，家住").leak("address", address()).text("，因病申请临时救助。\n")
    rows = []
    for n in range(rng.randint(2, 4)):
        rows.append([(None, str(n + 1)), ("person_name", rng.choice(UNDOTTED_TWO + UNDOTTED_ONE)),
                     ("id_card", fmt_id(id18())), (None, str(rng.randint(1, 6)))])
    table(d, ["序号", "户主姓名", "身份证号", "保障人数"], rows, ["markdown", "tsv", "spaces"][i % 3])
    d.text(rng.choice(["许多吉祥物", "格桑花开", "刚才让大家久等"]) + "，")
    d.text(rng.choice(["江孜镇", "巴音镇", "尼玛县"]) + "民政办将及时公示结果。\n")
    footer(d)
    return d


def penalty_enterprise(i: int) -> Doc:
    """Penalty decisions on an enterprise: its 住所 (a 个体工商户's 经营场所) is the address of
    an organization, which the decision publishes (public); the name of its legal
    representative is masked like any other name; the home address and phone of a natural
    person in the same notice are not."""
    d = Doc(f"chufa-qiye-{i:03d}")
    company = rng.choice(COUNTY_NAMES) + rng.choice(
        ["宏达建材有限公司", "绿源农业专业合作社", "顺发超市", "鑫盛机械厂", "康宁大药房有限公司"])
    d.text(f"{rng.choice(COUNTY_NAMES)}{rng.choice(['市场监督管理局', '生态环境局', '应急管理局'])}行政处罚决定书\n")
    d.text(f"文号：{rng.choice(COUNTY_NAMES)[:2]}罚〔{rng.randint(2020, 2026)}〕{rng.randint(1, 300)}号\n")
    style = i % 3
    if style == 0 and i % 2:
        # A 个体工商户: its 经营场所 is the registered premises of a business (public); the
        # name of its 经营者 is masked like any other name.
        shop = company[:3] + ["顺发超市", "老街副食店", "惠民药店", "红星农资店"][i % 4]
        d.text(f"当事人：{shop}（个体工商户）\n统一社会信用代码：{uscc()}\n")
        d.text(rng.choice(["经营场所：", "生产经营场所："])).public_value("address", office_address())
        d.text("\n经营者：").leak("person_name", name()).text("\n")
    elif style == 0:
        d.text(f"当事人：{company}\n统一社会信用代码：{uscc()}\n")
        d.text(rng.choice(["住所：", "住所地："])).public_value("address", office_address())
        d.text("\n法定代表人：").leak("person_name", name()).text("\n")
    elif style == 1:
        d.text(f"当事人：{company}，统一社会信用代码：{uscc()}，")
        d.text(rng.choice(["住所：", "住所地："])).public_value("address", office_address())
        d.text("，法定代表人：").leak("person_name", name()).text("。\n")
    else:
        d.text(f"被处罚单位：{company}\n")
        d.text(rng.choice(["住所：", "住所地："])).public_value("address", office_address())
        d.text("\n负责人：").leak("person_name", name()).text("\n")
    # A witness in the same decision is a natural person: the home address is personal.
    d.text("证人").leak("person_name", name()).text("，住址：").leak("address", address()).text("。\n")
    d.text(f"经查，当事人于{rng.randint(2020, 2025)}年{rng.randint(1, 12)}月销售不合格产品，")
    d.text(f"违法所得{rng.randint(100, 99999)}元，罚款人民币{rng.randint(1, 50)},000元。\n")
    footer(d)
    return d


def disability_subsidy(i: int) -> Doc:
    """残疾人两项补贴 lists: the 残疾人证 number is the holder's ID followed by the disability
    category (1–7) and grade (1–4) digits; some rows give the ID itself."""
    d = Doc(f"canji-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}{rng.randint(2024, 2026)}年{rng.randint(1, 12)}月困难残疾人生活补贴和重度残疾人护理补贴发放名单公示\n")
    style = ["tsv", "markdown", "spaces"][i % 3]
    categories = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
    rows = []
    for n in range(rng.randint(2, 6)):
        category, grade = rng.randint(1, 7), rng.randint(1, 4)
        number = id18() + f"{category}{grade}" if rng.random() < 0.8 else id18()
        rows.append([
            (None, str(n + 1)),
            ("person_name", name()),
            (None, rng.choice(["男", "女"])),
            (None, categories[category - 1]),
            (None, "一二三四"[grade - 1] + "级"),
            ("id_card", number),
            (None, f"{rng.choice([80, 100, 120, 150])}.00"),
        ])
    table(d, ["序号", "姓名", "性别", "残疾类别", "残疾等级", "残疾证号", "月补贴（元）"], rows, style)
    d.text("公示期7天，如有异议请向乡镇残联反映。")
    footer(d)
    return d


# Given names that are also frequent words (红梅 "red plum", 建华, 国庆): only the names
# around them in a list or column tell that they are names here.
WORD_NAMES = ["红梅", "海燕", "建华", "国庆", "春花", "金凤", "志强", "建国", "文明", "秀英"]


def name_or_word_name() -> str:
    """A name whose given name is a frequent word three times in ten, else any name."""
    return rng.choice(SURNAMES) + rng.choice(WORD_NAMES) if rng.random() < 0.3 else name()


def numbered_recipients(i: int) -> Doc:
    """高龄津贴 and 临时救助 lists without a header: numbered items that open with a name and
    go on with an address, or table rows whose header is missing (lost with a merged cell)."""
    d = Doc(f"gaoling-{i:03d}")
    d.text(f"关于{rng.choice(TOWNS)}2026年度新增高龄津贴对象的公示\n")
    d.text("根据县民政局要求，现将新增80周岁以上高龄津贴对象公示如下：\n")
    style = ["items", "bracketed", "table"][i % 3]
    for n in range(rng.randint(3, 7)):
        person = name_or_word_name()
        if style == "table":
            d.text(f"{n + 1}\t").leak("person_name", person).text(f"\t{rng.choice(TOWNS)}\t")
            d.text(f"{rng.choice(['因病', '因灾', '因学'])}\t{rng.randint(5, 50)}00\n")
            continue
        d.text(f"{n + 1}." if style == "items" else f"（{n + 1}）").leak("person_name", person)
        d.text("，").leak("address", address())
        d.text(f"，{rng.choice(['男', '女'])}，{rng.randint(1930, 1946)}年{rng.randint(1, 12)}月出生。\n")
    d.text("公示期为7天。")
    footer(d)
    return d


def extracted_and_served(i: int) -> Doc:
    """助学金 lists extracted from a PDF (one space between cells, under a header row), and
    notices served on a household: 危房 findings (你户位于…的房屋) and 拆迁 compensation."""
    d = Doc(f"pdf-{i:03d}")
    if i % 2 == 0:
        d.text(f"{rng.choice(COUNTY_NAMES)}2026年秋季学期普通高中国家助学金受助学生名单公示\n")
        d.text("序号 学生姓名 班级 监护人 资助金额\n")
        for n in range(rng.randint(2, 6)):
            student = name_or_word_name()
            d.text(f"{n + 1} ").leak("person_name", student)
            d.text(f" 高{'一二三'[rng.randint(0, 2)]}（{rng.randint(1, 12)}）班 ").leak("person_name", name())
            d.text(f" {rng.choice([1000, 1500, 2000])}\n")
        d.text("公示期5天。")
    else:
        d.text("农村危房鉴定结果告知书\n").leak("person_name", name()).text("：\n你户位于")
        d.leak("address", address()).text("的房屋，经鉴定为D级危房，请于30日内搬离。\n")
        d.text("拆迁户：").leak("person_name", rng.choice(SURNAMES) + rng.choice(WORD_NAMES))
        d.text("，被拆迁房屋坐落于").leak("address", address())
        d.text(f"，补偿金额合计{rng.randint(100, 999)},{rng.randint(100, 999)}元。\n")
    footer(d)
    return d


def review_results(i: int) -> Doc:
    """低保 review results in prose that give each household as a name and its address with
    no cue between (王红梅，城关镇…12号，家庭人口3人), or the address in brackets, and its
    members after kinship words (家庭成员：妻子…，儿子…); kinship words inside longer words
    (妇女儿童, 夫妻子女) before no name."""
    d = Doc(f"pingyi-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}2026年第{rng.randint(1, 4)}季度最低生活保障评议结果公示\n")
    d.text("经村民代表评议、乡镇人民政府审核，以下家庭拟纳入最低生活保障：\n")
    for _ in range(rng.randint(2, 5)):
        d.leak("person_name", name_or_word_name())
        reason = rng.choice(["因病致贫", "因残致贫", "缺乏劳动力"])
        if rng.random() < 0.5:
            d.text("，").leak("address", address()).text(f"，家庭人口{rng.randint(1, 6)}人，{reason}。\n")
        else:
            d.text("（").leak("address", urban_address()).text(f"），保障人口{rng.randint(1, 6)}人。\n")
        if rng.random() < 0.4:
            kin, child = rng.choice(["妻子", "丈夫"]), rng.choice(["儿子", "女儿", "孙子"])
            d.text(f"家庭成员：{kin}").leak("person_name", name_or_word_name())
            d.text(f"，{child}").leak("person_name", name_or_word_name()).text("。\n")
    d.text("经审核，").public_value("address", office_address()).text("的县社会福利院不再列入。\n")
    d.text("村里做好妇女儿童工作，让天下母亲都幸福，夫妻子女共同参与。\n")
    footer(d)
    return d


def padded(person: str) -> str:
    """A two-character name padded to the width of three, as Word documents align name
    lists: an ideographic space (赵　六), or one or two spaces where the text was extracted
    from a PDF; other names as they are."""
    return person[0] + rng.choice(["\u3000", " ", "  "]) + person[1] if len(person) == 2 else person


def padded_names(i: int) -> Doc:
    """Lists whose two-character names are padded to three (赵　六): a table extracted from a
    PDF (one space between cells), columns aligned with spaces, and 姓名： fields with a
    starred 残疾证号, half of them starred too little."""
    d = Doc(f"padded-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}2026年度困难残疾人生活补贴发放名单\n")
    style = ["pdf", "aligned", "fields"][i % 3]
    if style == "pdf":
        d.text("序号 姓名 性别 补贴金额\n")
    elif style == "aligned":
        d.text("序号    姓名      性别    补贴金额\n")
    for n in range(rng.randint(3, 6)):
        person = padded(name())
        sex = rng.choice(["男", "女"])
        amount = rng.choice([80, 100, 120])
        if style == "pdf":
            d.text(f"{n + 1} ").leak("person_name", person).text(f" {sex} {amount}\n")
        elif style == "aligned":
            d.text(f"{n + 1}       ").leak("person_name", person).text(f"    {sex}      {amount}\n")
        else:
            d.text("姓名：").leak("person_name", person).text(f"，性别：{sex}，残疾证号：")
            cert = id18() + str(rng.randint(1, 7)) + str(rng.randint(1, 4))
            if rng.random() < 0.5:  # the region and the grade left visible: too little starred
                d.leak("id_card", cert[:6] + "*" * 12 + cert[18:])
            else:  # starred as the default profile would
                d.text(cert[:2] + "*" * 15 + cert[17:])
            d.text(f"，补贴金额：{amount}元\n")
    d.text("以上名单公示7天。")
    footer(d)
    return d


def street_address() -> str:
    """A door on a street whose name may hold a function word (成都路, 自由路)."""
    road = rng.choice(["成都路", "自由路", "和平路", "建设路"])
    return f"{rng.choice(COUNTY_NAMES)}{rng.choice(TOWNS)}{road}{rng.randint(1, 200)}号"


def party_name() -> str:
    """A name for a party after 原告 or 被告, not with 于 as its surname: 被告于建国民间借贷
    reads as a preposition as well as a name (被告于2026年3月…) where the given name is a
    word (建国, not 志强), and a name that only the wording after it could settle is a
    limitation we state (docs/evaluation.md), not one the corpus should hide or pretend to
    measure."""
    while (person := name_or_word_name()).startswith("于"):
        pass
    return person


def parties_and_residents(i: int) -> Doc:
    """The parties of a review, a lawsuit or an enforcement (申请人, 被申请人, 第三人, 原告,
    被告, 申请执行人, 被执行人) and of a complaint (信访人), tenants and owners (承租人,
    所有权人), residents named before where they live (…现居住于…, …暂住…), on streets whose
    names hold a function word (成都路, 自由路), fields a space apart (`姓名：… 性别：女`);
    the same words before no name (第三人民医院,
    被告知, 举报人要求保密)."""
    d = Doc(f"party-{i:03d}")
    sex = rng.choice(["男", "女"])
    if i % 3 == 0:
        d.text(f"{rng.choice(COUNTY_NAMES)}人民政府行政复议决定书\n申请人：")
        d.leak("person_name", name_or_word_name()).text(f"，{sex}，住").leak("address", street_address())
        d.text(f"。\n被申请人：{rng.choice(TOWNS)}人民政府。\n第三人：").leak("person_name", name_or_word_name())
        d.text("。\n申请人不服被申请人作出的房屋征收补偿决定，申请行政复议。\n")
    elif i % 3 == 1:
        d.text("公告\n原告").leak("person_name", party_name()).text("诉被告")
        d.leak("person_name", party_name()).text("民间借贷纠纷一案，因被告下落不明，现依法公告送达。\n")
        d.text("申请执行人").leak("person_name", party_name()).text("与被执行人")
        d.leak("person_name", party_name()).text("一案已执行终结。信访人")
        d.leak("person_name", name_or_word_name()).text("反映的问题已转交办理。\n")
    else:
        d.text(f"{rng.choice(TOWNS)}公共租赁住房配租结果公示\n")
        for _ in range(rng.randint(2, 4)):
            d.text("承租人").leak("person_name", name_or_word_name())
            d.text(rng.choice(["现居住于", "暂住", "家住"]))
            d.leak("address", street_address() if rng.random() < 0.5 else urban_address())
            d.text(f"，配租{rng.choice(['一居室', '两居室'])}。\n")
        d.text("房屋所有权人：").leak("person_name", name_or_word_name()).text("。\n")
        # Fields on one line, a space before each key (性别 and 家庭人口 label nothing).
        d.text("姓名：").leak("person_name", name_or_word_name())
        d.text(f" 性别：{sex} 家庭人口：{rng.randint(1, 6)}人\n")
    d.text("第三人民医院出具了证明，举报人要求保密，申请人已被告知结果。\n")
    footer(d)
    return d


def lists_from_pdfs_and_licences(i: int) -> Doc:
    """A 高龄津贴 list extracted from a PDF without its header (one space between cells:
    name, village group, amount), the holders of revoked driving licences (the licence
    number is the ID number, in brackets after each name) and records that put the village
    between a name and its ID (王红梅，城关镇红星村，身份证号…); an office in that place
    is no village (县民政局，联系电话…)."""
    d = Doc(f"pdf-{i:03d}")
    if i % 3 == 0:
        town = rng.choice(TOWNS)
        d.text(f"{town}{rng.randint(2023, 2026)}年第{rng.randint(1, 4)}季度高龄津贴发放名单\n")
        for _ in range(rng.randint(3, 6)):
            d.leak("person_name", name_or_word_name()).text(" ")
            d.leak("address", f"{town}{rng.choice(VILLAGES)}{rng.randint(1, 12)}组")
            d.text(f" {rng.choice([100, 200, 300, 500])}元\n")
        d.text("以上名单如有异议，请于公示期内向镇民政办反映。\n")
    elif i % 3 == 1:
        d.text("关于注销机动车驾驶证的公告\n下列人员驾驶证已达到注销条件，现予公告注销：")
        for k in range(rng.randint(2, 4)):
            d.text("、" if k else "").leak("person_name", name_or_word_name())
            d.text(rng.choice(["（驾驶证号", "（驾驶证号码：", "(驾驶证号"]))
            d.leak("id_card", fmt_id(id18())).text("）")
        d.text("。\n")
    else:
        d.text("经审核，以下人员符合临时救助条件，现予公示：\n")
        for _ in range(rng.randint(2, 4)):
            d.leak("person_name", name_or_word_name()).text(f"，{rng.choice(TOWNS)}{rng.choice(VILLAGES)}，")
            d.text(rng.choice(["身份证号", "公民身份号码"])).leak("id_card", fmt_id(id18())).text("。\n")
        d.text(f"受理单位：{rng.choice(UNITS)}，{rng.choice(TOWNS)}民政办。\n")
    footer(d)
    return d


def households_and_facts(i: int) -> Doc:
    """A household after its head's name (王红梅户（3人）), where someone comes from after
    系 (李国庆系红星村村民), the facts of a decision dated after 于 (经查，王红梅于2026年3月…),
    a payee whose bank is named before the account (开户行：农商银行); and 户, 系 and 于
    inside words that follow no name (贫困户, 户型, 林业系统, 位于)."""
    d = Doc(f"household-{i:03d}")
    if i % 3 == 0:
        d.text(f"{rng.choice(TOWNS)}低保动态管理公示\n经入户核查、民主评议，")
        for k in range(rng.randint(1, 3)):
            d.text("，" if k else "").leak("person_name", name_or_word_name())
            d.text(f"户（{rng.randint(1, 5)}人）")
        d.text("拟纳入农村低保。贫困户、五保户的住房户型已核实。\n")
    elif i % 3 == 1:
        d.text("行政处罚决定书\n经查，").leak("person_name", name_or_word_name())
        d.text(f"于{rng.randint(2023, 2026)}年{rng.randint(1, 12)}月在{rng.choice(VILLAGES)}擅自占用耕地建房。")
        d.text(f"该宗地位于{rng.choice(TOWNS)}，林业系统已出具意见。\n")
    else:
        d.leak("person_name", name_or_word_name()).text(f"系{rng.choice(TOWNS)}{rng.choice(VILLAGES)}村民，因病致贫。\n")
        d.text("收款人：").leak("person_name", name_or_word_name())
        d.text(" 开户行：农商银行 账号：").leak("bank_card", fmt_card(bank_card())).text("\n")
    footer(d)
    return d


def room_address() -> str:
    """A flat whose room carries no 室: 2栋1单元301, 18号2-301, 2-1-301, 211号楼3门402."""
    town = rng.choice(TOWNS)
    estate = rng.choice(["幸福小区", "锦绣花园", "滨江家园", "阳光苑"])
    room = f"{rng.randint(1, 18)}0{rng.randint(1, 4)}"
    form = rng.randrange(4)
    if form == 0:
        return f"{town}{estate}{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{room}"
    if form == 1:
        return f"{town}{rng.choice(['建设路', '东门路', '解放街'])}{rng.randint(1, 300)}号{rng.randint(1, 9)}-{room}"
    if form == 2:
        return f"{town}{estate}{rng.randint(1, 30)}-{rng.randint(1, 6)}-{room}"
    return f"{town}{estate}{rng.randint(1, 300)}号楼{rng.randint(1, 6)}门{room}"


def rooms_and_streets(i: int) -> Doc:
    """廉租住房 and 公租房 lists whose flats number their rooms without 室 (1单元301, 2-1-301,
    211号楼3门402), and residents after 住 on a street with no division name before it
    (住建设路18号); 东门路 and a year after an estate (幸福小区2026年) are no door."""
    d = Doc(f"room-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}{rng.randint(2023, 2026)}年廉租住房保障对象公示\n")
    for _ in range(rng.randint(2, 4)):
        d.text("经审核，").leak("person_name", name_or_word_name()).text("，家住").leak("address", room_address())
        d.text("，符合廉租住房保障条件。\n")
    d.leak("person_name", name_or_word_name()).text("，住")
    d.leak("address", f"{rng.choice(['建设路', '东门路', '解放街', '文化路'])}{rng.randint(1, 300)}号").text("。\n")
    d.text(f"幸福小区{rng.randint(2023, 2026)}年完成改造，东门路沿线商户已搬迁。\n")
    footer(d)
    return d


def counts_and_numbers(i: int) -> Doc:
    """A list of names closed by a count of people (王红梅、李国庆二人), and a name with its
    mobile number a space or a bracket after it (王红梅 13812345678, 王红梅（138…）); counts
    after lists of no names (来电、来信3人次)."""
    d = Doc(f"count-{i:03d}")
    d.text("经公示无异议，")
    k = rng.randint(2, 3)
    for j in range(k):
        d.text("、" if j else "").leak("person_name", name_or_word_name())
    d.text(f"{rng.choice(['二人', '两人', '三人', f'{k}户', f'{k}名'])}的申请予以批准。\n")
    d.text("如有疑问请联系经办人：")
    d.leak("person_name", name_or_word_name())
    if rng.random() < 0.5:
        d.text(" ").leak("mobile_phone", fmt_mobile(mobile())).text("。\n")
    else:
        d.text("（").leak("mobile_phone", mobile()).text("）。\n")
    d.text(f"本月受理来电、来信{rng.randint(2, 9)}人次。\n")
    footer(d)
    return d



def repeated_mentions(i: int) -> Doc:
    """A decision or a letter that names its party once with a cue or a key and then again in
    words no cue marks (对王红梅作出…, 王红梅的房屋…, 致王红梅的一封信), before or after the
    named mention; a name whose given name is a frequent word three times in ten. Then
    another person named once next to words about themselves (…本人, 特困供养人员…, …母子二人),
    beside 低保户花名册 (a blocklisted word that jieba's dictionary tags as a name)."""
    d = Doc(f"mention-{i:03d}")
    person = party_name()
    if i % 3 == 0:
        d.text("致").leak("person_name", person).text("的一封信\n")
        d.leak("person_name", person).text("同志：\n")
        d.text("您反映的问题已收悉，现答复如下。\n")
    elif i % 3 == 1:
        d.text("关于给予").leak("person_name", person).text(f"{rng.choice(['警告', '记过', '严重警告'])}处分的决定\n")
        d.text("当事人：").leak("person_name", person).text("，").text(rng.choice(["男", "女"])).text("。\n")
    else:
        d.text("当事人：").leak("person_name", person).text("\n住所：").leak("address", address()).text("\n")
    d.text("经查，").leak("person_name", person).text(f"于{rng.randint(2020, 2026)}年{rng.randint(1, 12)}月擅自建房。")
    d.text("依法对").leak("person_name", person).text(f"作出罚款{rng.randint(1, 9)}000元的处理。")
    d.leak("person_name", person).text("的房屋现已拆除。\n")
    d.text(f"早高峰期间请绕行{rng.choice(['解放路', '建设路'])}。\n")
    # Another person, named once next to words about themselves or their family.
    other = name_or_word_name()
    form = i % 3
    d.text(["", "特困供养人员", ""][form]).leak("person_name", other)
    d.text(["本人自愿申请救助。", "于2026年3月去世。", f"{rng.choice(['母子', '父女'])}二人生活困难。"][form])
    d.text("低保户花名册已公示。\n")
    footer(d)
    return d


def village_groups(i: int) -> Doc:
    """临时救助 records written by a township about its own villages: a name, then its
    village and group with no township before them (王红梅，红星村3组，…), in items, in
    brackets, or before a list of households; beside a village group of a works notice with
    no name on its line (红星村3组道路硬化工程)."""
    d = Doc(f"village-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}2026年第{rng.randint(1, 4)}季度临时救助情况公示\n")
    villages = [v for v in VILLAGES if v.endswith("村")]
    group = lambda: f"{rng.choice(villages)}{rng.choice([str(rng.randint(1, 12)), rng.choice('一二三四五六七八九')])}组"
    # Three items or more: two items whose names nothing else vouches for (钱平, 曾梓) are
    # a limitation stated in docs/evaluation.md, not a form this template measures.
    for n in range(rng.randint(3, 5)):
        style = (i + n) % 3
        if style == 0:
            d.text(f"{n + 1}.").leak("person_name", name()).text("，").leak("address", group())
            d.text(f"，家庭人口{rng.randint(1, 6)}人，救助金额{rng.randint(3, 20)}00元。\n")
        elif style == 1:
            d.text(f"{n + 1}.").leak("person_name", name()).text("（").leak("address", group())
            d.text(f"），因病救助{rng.randint(3, 20)}00元。\n")
        else:
            d.text(f"{n + 1}.").leak("address", group()).leak("person_name", name()).text("、")
            d.leak("person_name", name()).text(f"等二户，救助金额各{rng.randint(3, 20)}00元。\n")
    d.text(f"{rng.choice(villages)}{rng.randint(1, 9)}组道路硬化工程已完工。\n")
    footer(d)
    return d


def petition_replies(i: int) -> Doc:
    """信访 replies that name the petitioner as the subject of 反映, 来信 or 来访 and nothing
    else (关于赵建设反映…问题的答复, 经查，赵建设反映情况属实), a name whose given name is a
    frequent word three times in ten, beside the same verbs after a preposition's object
    (请向上级反映, 向组织反映), a party word (申请人反映) and an adverb (全面地反映), which name
    no one."""
    d = Doc(f"petition-{i:03d}")
    person = party_name()
    topic = rng.choice(["道路硬化", "宅基地审批", "低保评定", "征地补偿", "危房改造"])
    d.text("关于").leak("person_name", person).text(f"反映{rng.choice(VILLAGES)}{topic}问题的答复\n")
    verb = ["来信", "来访", "反映"][i % 3]
    d.text(f"{rng.randint(2025, 2026)}年{rng.randint(1, 12)}月，").leak("person_name", person)
    d.text(f"{verb}称{topic}工作不公开，要求查处。\n")
    d.text("经查，").leak("person_name", person).text(f"反映情况部分属实，{rng.choice(UNITS)}已督促整改。")
    other = party_name()
    d.text("同期").leak("person_name", other).text(f"{rng.choice(['来信', '来访'])}反映的问题已另行答复。\n")
    d.text(rng.choice(["如有异议，请向上级反映。", "如对答复不服，可向组织反映。", "欢迎来信来访。"]))
    d.text(rng.choice(["申请人反映其亲属住房困难的，按程序办理。", "全面地反映了群众意见。", ""]))
    footer(d)
    return d


# Given-name characters that the derived list lacks and jieba's dictionary counts rarely
# (炯, 芃 …), and names jieba lists that one more character completes (王明 + 华).
RARE_GIVEN = "炯芃鲲俨葳跻舸帼菎飚翀旻祎玹瑄堃喆赟垚淼"
LISTED_NAMES = ["王明", "李俊", "高明", "刘翔", "金平", "王平"]


def rare_name() -> str:
    """A name with a given-name character the lists lack: 张炯, 李芃生."""
    given = rng.choice(RARE_GIVEN) + rng.choice(["", rng.choice(GIVEN)])
    return rng.choice(SURNAMES.replace("于", "")) + given


def penalty_orders(i: int) -> Doc:
    """Orders and penalties in prose with no 当事人 key: the party named around 责令, 处以
    and 拒不 (a given name that is a frequent word three times in ten), or after 对 (对王红梅:
    the segmenter joins 对 to the surname), one of them a name jieba lists completed by one
    more character (王明华); a household head with a rare given-name character after 户主 or
    申请人; beside 责令 and 处以 before words and 拒不 after a party word, which name no one."""
    d = Doc(f"order-{i:03d}")
    person = party_name()
    listed = rng.choice(LISTED_NAMES) + rng.choice("华杰辉宇林峰")
    rare = rare_name()
    d.text(f"{rng.choice(UNITS)}责令限期改正通知\n")
    form = i % 3
    if form == 0:
        d.text("经查，你单位辖区内").leak("person_name", person).text("未经批准擅自建房，现责令")
        d.leak("person_name", person).text("限期改正。\n")
    elif form == 1:
        d.text("依法对").leak("person_name", person).text(f"处以罚款{rng.randint(5, 50) * 100}元。\n")
    else:
        d.text("因").leak("person_name", person).text("拒不履行处罚决定，依法申请强制执行。\n")
    d.text("依法对").leak("person_name", listed).text("作出警告的行政处罚。")
    d.text(rng.choice(["户主", "申请人"])).leak("person_name", rare).text("，")
    d.text("家住").leak("address", address()).text("，已告知其陈述申辩权利。\n")
    d.text(rng.choice(["责令当事人改正。", "责令关闭，责令于3日内拆除。"]))
    d.text(rng.choice(["并处以没收违法所得。", "逾期仍拒不履行的，依法强制执行。", "该户拒不搬迁的，依法处理。"]))
    footer(d)
    return d


def payouts_in_prose(i: int) -> Doc:
    """救助 and 低保 notices in prose: a resident right after the village and group they are
    listed under (新华村3组王红梅: the segmenter joins 组 to the surname), sums glued to the
    names they were paid to (其中刘志强2000元、黄丽华3000元), names after 其中 and 同意
    (其中黄丽华: 中黄 is a word too) and joined by 及; beside groups, sums and 其中 before
    words (3组和4组合并, 其中林地200亩), which name no one."""
    d = Doc(f"payout-{i:03d}")
    villages = [v for v in VILLAGES if v.endswith("村")]
    group = lambda: f"{rng.choice(villages)}{rng.choice([str(rng.randint(1, 12)), rng.choice('一二三四五六七八九十')])}组"
    d.text(f"{rng.choice(TOWNS)}{rng.randint(2025, 2026)}年第{rng.randint(1, 4)}批临时救助资金发放情况公示\n")
    d.text("经村（居）民委员会评议、镇人民政府审核，")
    d.leak("address", group()).leak("person_name", name()).text("、")
    d.leak("address", group()).leak("person_name", name())
    d.text(f"{rng.choice(['因病致贫', '因灾致困', '因学致困'])}，符合临时救助条件。\n")
    first, second = name(), name()
    d.text(f"本次共发放救助资金{rng.randint(10, 60)}000元，其中").leak("person_name", first)
    d.text(f"{rng.randint(2, 9)}000元、").leak("person_name", second)
    d.text(f"{rng.randint(2, 9)}{rng.choice(['000元', '500元', '.5万元'])}。\n")
    # 户 after the name: a name that is also a word (孔林, 顾家) with no cue around it is a
    # limitation stated in docs/evaluation.md, not a form this template measures.
    d.text(rng.choice(["其中", "经评议，同意"])).leak("person_name", name())
    d.text(f"户{rng.choice(['因病致贫', '纳入低保', '享受农村低保待遇'])}，")
    d.text("同意").leak("person_name", name()).text("及").leak("person_name", name())
    d.text("纳入特困供养。\n")
    d.text(rng.choice(["新华村3组和4组合并为一个村民小组。", "其中林地200亩。", "其中高温补贴2000元。"]))
    d.text(rng.choice(["5号周边禁止停车。", "请及时办理相关手续。", "其中华侨捐款5万元。"]))
    footer(d)
    return d


def two_character_name() -> str:
    person = name()
    while len(person) != 2:
        person = name()
    return person


def padded_in_running_text(i: int) -> Doc:
    """Two-character names padded to three outside tables and keys: in lists joined by 、
    among names of three (王　强、李秀兰), opening 任前 lines (吴　敏，男，汉族), and with one
    ideographic space before a cue (，陈　俨同志); beside a padded heading and remark
    (公　　示, 备　注：), which name no one."""
    d = Doc(f"padded-text-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}2026年公开招聘工作人员拟录用人员\n公\u3000\u3000示\n拟录用人员名单：")
    for n in range(rng.randint(3, 5)):
        if n:
            d.text("、")
        d.leak("person_name", padded(two_character_name()) if n % 2 == 0 else name())
    d.text("。\n")
    d.leak("person_name", padded(two_character_name()))
    d.text(f"，{rng.choice(['男', '女'])}，汉族，{rng.randint(1980, 2000)}年{rng.randint(1, 12)}月生，大学学历。\n")
    person = two_character_name()
    d.text("经考察，").leak("person_name", person[0] + "\u3000" + person[1])
    d.text("同志符合拟录用条件。\n备\u3000注：以上人员公示期满无异议后办理录用手续。")
    footer(d)
    return d


# Two-character given names of the generation that heads many 低保 households, which are
# also words of the dictionary (破旧立新, 新民): facts of naming, listed here. Not the ones
# the rules leave in clear without a cue, a limitation docs/evaluation.md states: a given
# name that is a frequent word (新生, 建华), one whose first character makes a word with
# common surnames (王国, 韩国 of 国强 and 国华), and, with any of them, a surname that is also
# a preposition, adverb or verb (何, 于, 向, 曾, 任, 付, 顾, 戴, 莫, 谢) or that makes a word or
# a place with the given name's first character (林立, 高新, 秦建).
WORD_GIVEN_NAMES = ["立新", "新民", "建新", "永新"]
PLAIN_SURNAMES = "".join(c for c in SURNAMES if c not in "何于向曾任付顾戴莫谢林高秦")


def decision_prose(i: int) -> Doc:
    """Penalty decisions and payout notes that name a person in prose with no key or cue
    before the name: the verbs after it (未经, 擅自, 无证, 未按, 涉嫌, 在未, 作出, 不予, 驾驶,
    因违法), and household heads whose given names are words (邱立新已领取…); beside the same
    verbs after words (房屋未经批准, 区政府作出决定, 该公司涉嫌…), which name no one, and the
    office's contact line (联系人：… 联系电话：0797-…), which is public."""
    d = Doc(f"decision-prose-{i:03d}")
    person = name()
    d.text(f"{rng.choice(UNITS)}行政处罚决定书\n根据群众举报，").leak("person_name", person)
    d.text(rng.choice(["在未取得许可的情况下擅自经营", "未经批准擅自占用耕地建房", "无证驾驶机动车",
                       "未按规定佩戴安全头盔", "涉嫌非法收购木材", "因违法占地被立案调查"]))
    d.text("。\n依法对").leak("person_name", person)
    d.text(rng.choice([f"作出罚款{rng.randint(5, 50) * 100}元的处罚决定。", "不予处罚。", "作出警告的处罚。"]))
    d.text(rng.choice(["房屋未经批准擅自改变用途的，依法处理。", "区政府作出决定，限期整改。",
                       "该公司涉嫌虚假宣传，另案处理。", "车辆驾驶人应当遵守交通法规。"]))
    d.text("\n补偿款发放说明：")
    head = rng.choice(PLAIN_SURNAMES) + rng.choice(WORD_GIVEN_NAMES)
    d.leak("person_name", head)
    d.text(rng.choice([f"已领取补偿款{rng.randint(2, 9)}.{rng.randint(1, 9)}万元。", "持有房屋所有权证。",
                       "与妻子离婚后独自生活。", "的申请不符合条件。"]))
    # The office's contact line: its member of staff and landline are published on purpose.
    area, local = landline_parts()
    d.text(f"\n{rng.choice(['联系人', '业务联系人'])}：").public_value("person_name", name())
    d.text(rng.choice(["\u3000联系电话：", "，电话：", " "])).public_value("landline", f"{area}-{local}")
    footer(d)
    return d


def estate_flat() -> str:
    """A flat of an estate with no division name before it (城南小区6栋2单元501室)."""
    estate = rng.choice(["城南小区", "幸福花园", "锦绣家园", "阳光苑", "滨江小区"])
    return (f"{estate}{rng.randint(1, 30)}{rng.choice(['栋', '幢'])}{rng.randint(1, 6)}单元"
            f"{rng.randint(1, 18)}0{rng.randint(1, 4)}室")


NAMED_GROUPS = ["下屋组", "上寨组", "新屋组", "老屋组", "塘背组", "岭下组"]


def appeals_losses_and_flats(i: int) -> Doc:
    """Judgments that name the appellant (上诉人), declarations of loss (…不慎遗失…, …遗失…),
    公租房 lists of the flats let to households (配租房源) and a resident after 住 with no
    division name, groups named and not numbered (濂江村下屋组), a party of the surname 何
    before a given name that is a frequent verb (何建设同志), and a respondent office whose
    seat is public (被申请人：…人民政府，住所地…); beside an office's loss (我局不慎遗失公章),
    a village before its villagers (龙岗村村民), a total row under 姓名 (合计) and steps
    numbered on one line, which name no one."""
    d = Doc(f"appeal-loss-{i:03d}")
    d.text(f"{rng.choice(COUNTY_NAMES)}人民法院民事判决书\n经审理查明，上诉人").leak("person_name", name())
    d.text(rng.choice(["与被上诉人某某建筑公司劳动争议一案。\n", "不服一审判决，提起上诉。\n"]))
    d.text("被申请人：").text(f"{rng.choice(COUNTY_NAMES)}人民政府，住所地")
    d.public_value("address", office_address()).text("。\n")
    d.text("遗失声明：").leak("person_name", name())
    d.text(rng.choice(["不慎遗失居民身份证一张，特此声明。\n", "遗失林权证一本，声明作废。\n",
                       "不慎遗失残疾人证，特此声明。\n"]))
    d.text(rng.choice(["我局不慎遗失公章一枚，声明作废。\n", "该公司遗失营业执照副本，特此声明。\n"]))
    d.text(f"{rng.choice(TOWNS)}{rng.randint(2024, 2026)}年公租房配租结果公示\n")
    style = rng.choice(["tab", "pipe"])
    rows = [[str(n + 1), name(), str(rng.randint(1, 5)), estate_flat()] for n in range(rng.randint(2, 4))]
    header = ["序号", "姓名", "家庭人口", "配租房源"]
    sep = "\t" if style == "tab" else " | "
    wrap = (lambda cells: "| " + cells + " |") if style == "pipe" else (lambda cells: cells)
    d.text(wrap(sep.join(header)) + "\n")
    for row in rows:
        d.text(("| " if style == "pipe" else "") + row[0] + sep).leak("person_name", row[1])
        d.text(sep + row[2] + sep).leak("address", row[3]).text((" |" if style == "pipe" else "") + "\n")
    # A total row, whose 合计 under 姓名 names no one, and numbered steps on one line.
    total = sum(int(row[2]) for row in rows)
    d.text(wrap(sep.join(["", "合计", str(total), "以下空白"])) + "\n")
    d.text("配租工作安排：1.审核资格 2.公开摇号 3.签订合同。\n")
    d.leak("person_name", name()).text("，住").leak("address", estate_flat()).text("，申请调换房源。\n")
    # A surname that is no grammatical word: 曾然 is an adverb of the dictionary, and 曾 an
    # adverb alone (docs/evaluation.md).
    village = rng.choice(["濂江村", "里仁村", "长塘村", "枫林村"])
    head = rng.choice(PLAIN_SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
    d.leak("person_name", head).text("，").leak("address", village + rng.choice(NAMED_GROUPS))
    d.text(f"，家庭人口{rng.randint(1, 6)}人，纳入低保。\n")
    d.text("经研究，决定给予").leak("person_name", "何" + rng.choice(["建设", "发展", "建国", "文明"]))
    d.text("同志警告处分。\n根据群众举报，龙岗村村民").leak("person_name", name())
    d.text("违规建房，现责令限期拆除。\n")
    footer(d)
    return d


def boundaries_donations_and_ranks(i: int) -> Doc:
    """The 四至 of a 确权 or 宅基地 notice, which name the neighbours before the land or house
    they own there (东至谢国平田), beside places along a boundary (王家山, 古城墙); a donors'
    list whose sums a space parts from the names (王红梅 500元 李建设 300元); a payer before
    缴纳; the owner after 林权所有者; ranks on one line (第一名：…；第二名：…); a petitioner's
    address under 联系地址 or 地址 beside the office's, public; and, naming no one, prices and
    allowances listed the same way, 所有者权益 and ranks of towns."""
    global rng  # swapped below for the lines of the contact address
    d = Doc(f"boundary-donation-{i:03d}")
    d.text(f"{rng.choice(TOWNS)}农村土地承包经营权确权登记公示\n承包方代表：").leak("person_name", name())
    d.text("，四至：东至").leak("person_name", name()).text(rng.choice(["田", "地", "屋", "房屋"]))
    d.text("，西至").text(rng.choice(["水沟", "公路", "王家山", "古城墙", "村道"]))
    d.text("，南至").leak("person_name", name()).text(rng.choice(["宅基地", "田", "承包地"]))
    d.text("，北至").text(rng.choice(["山脚", "河边", "桃花山", "杜鹃山"])).text("。\n")
    d.text("林权所有者：").leak("person_name", name()).text(f"，面积：{rng.randint(5, 90)}亩。\n")
    d.text("爱心捐款名单：")
    for n in range(rng.randint(3, 5)):
        d.text(" " if n else "").leak("person_name", name()).text(f" {rng.choice([50, 100, 200, 500])}元")
    d.text("\n收到村民").leak("person_name", name()).text(f"缴纳建房押金{rng.randint(1, 5)}000元，收到")
    d.leak("person_name", name()).text(f"缴纳土地出让金{rng.randint(1, 9)}000元。\n")
    d.text("单价 500元 总价 3000元 合计 3500元；城市低保 650元 农村低保 500元。\n")
    d.text("所有者权益不受侵犯。\n面试成绩排名：")
    for n, rank in enumerate(["一", "二", "三"][: rng.randint(2, 3)]):
        d.text(("；" if n else "") + f"第{rank}名：").leak("person_name", name())
    d.text(f"。\n综合考核：第一名 {rng.choice(TOWNS)} 第二名 {rng.choice(TOWNS)}。\n")
    # A petitioner's address under 联系地址 or 地址 is personal; the office's is public, and
    # so is its contact line (a landline, and no personal data on that line or the one
    # before). Drawn from a generator of their own: added after the template, these lines
    # leave the draws of the rest of the corpus as they were.
    corpus_rng, rng = rng, random.Random(f"contact-address-{i}")
    try:
        d.text(rng.choice(["来信人：", "申请人：", "投诉人："])).leak("person_name", name())
        d.text(rng.choice(["，联系地址：", "，地址："])).leak("address", rng.choice([address(), urban_address()]))
        area, local = landline_parts()
        d.text("。\n特此公示。\n联系人：").public_value("person_name", name())
        d.text("，联系电话：").public_value("landline", f"{area}-{local}")
        d.text(rng.choice(["\n联系地址：", "\n地址："])).public_value("address", office_address()).text("\n")
    finally:
        rng = corpus_rng
    footer(d)
    return d


def aligned_names(count: int) -> list[str]:
    """Names of one surname and one or two given characters, the two-character ones padded
    to three with an ideographic space, the way a Word table of names is aligned; at least
    one name of three characters, which the run of names needs to show its alignment."""
    names = [rng.choice(PLAIN_SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
             for _ in range(count)]
    if all(len(n) == 2 for n in names):
        names[rng.randrange(count)] += rng.choice(GIVEN)
    return [n[0] + "\u3000" + n[1] if len(n) == 2 else n for n in names]


def appointments_transfers_and_offices(i: int) -> Doc:
    """A commendation's names aligned to three characters and parted by the same ideographic
    space that pads the two-character ones (吴　敏　王红梅　李　强); appointments (任命…为,
    免去…的…职务) and the elected (…当选为委员), whose given names may be frequent words;
    buyers and the parties of transfers (买受人, 流出方, 林权权利人); an owner after 业主 in
    a demolition order; a conscript's family (…家属); a household's size in brackets after
    its head (王红梅（3人）); the addressee of a letter and a 宅基地 applicant's building
    site (收件人, 建房地址); beside an office's address in brackets after its name and its
    landline after its address, which are public, and 企业主管人员, 任命为主任, 业主大会,
    向逝者家属 and 全票当选, which name no one."""
    d = Doc(f"appointment-transfer-{i:03d}")
    d.text(f"关于表彰{rng.randint(2024, 2026)}年度优秀共产党员的决定\n优秀共产党员：")
    for n, person in enumerate(aligned_names(rng.randint(4, 6))):
        d.text("\u3000" if n else "").leak("person_name", person)
    d.text("\n经研究，任命").leak("person_name", name_or_word_name()).text("为县教育局副局长，免去")
    d.leak("person_name", name_or_word_name()).text("的县教育局副局长职务。任命程序按规定执行，任命为主任的须试用一年。\n")
    d.text("经选举，").leak("person_name", name_or_word_name()).text("、")
    d.leak("person_name", name_or_word_name()).text("当选为村民委员会委员，主任以全票当选。\n")
    d.text("拍卖成交确认书：买受人：").leak("person_name", name_or_word_name())
    d.text(f"，成交价：{rng.randint(20, 300)}万元。\n土地流转：流出方：").leak("person_name", name())
    d.text(f"，流入方：{rng.choice(COUNTY_NAMES)}绿源农业专业合作社。林权权利人：").leak("person_name", name())
    d.text(f"，面积：{rng.randint(5, 90)}亩。\n限期拆除通知：").leak("address", office_address())
    d.text("业主").leak("person_name", name()).text("：你在该处违法搭建的建筑物，请自行拆除。业主大会另行通知。\n")
    d.text("义务兵家庭优待金：").leak("person_name", name()).text(f"家属，发放金额：{rng.randint(8, 15)}000元。\n")
    d.text(f"新增名单：{rng.choice(TOWNS)}：").leak("person_name", name_or_word_name())
    d.text(f"（{rng.randint(1, 6)}人）；{rng.choice(TOWNS)}：").leak("person_name", name_or_word_name())
    d.text(f"（{rng.randint(1, 6)}人）。\n收件人：").leak("person_name", name()).text("，地址：")
    d.leak("address", address()).text("。\n宅基地审批：申请人：").leak("person_name", name()).text("，建房地址：")
    d.leak("address", f"{rng.choice(TOWNS)}{rng.choice(VILLAGES)}{rng.choice(NAMED_GROUPS)}")
    d.text(f"，占地面积：{rng.randint(80, 150)}平方米。\n请于{rng.randint(1, 28)}日前到{rng.choice(TOWNS)}人民政府（")
    d.public_value("address", office_address()).text("）领取。企业主管人员另行处理，向逝者家属表示慰问。\n")
    area, local = landline_parts()
    d.text("联系地址：").public_value("address", office_address()).text(f"{rng.choice(UNITS)}，联系电话：")
    d.public_value("landline", f"{area}-{local}").text("\n")
    footer(d)
    return d


def person_not_family() -> str:
    """A name, but not a surname and 家 alone, which reads as the family (黄家, 王家: frequent
    words) wherever no key names it — a limitation stated in docs/evaluation.md."""
    while True:
        drawn = name()
        if not (len(drawn) == 2 and drawn.endswith("家")):
            return drawn


def forms_ages_and_utility_notices(i: int) -> Doc:
    """A list of the dead whose records part the sex by a space (彭志勇 男 1950年2月 …); a
    form's line of keys and values extracted from a PDF without colons (姓名 … 性别 女);
    keyed values that run on after a space (户主：… 城关镇…, 获奖人员：… …); an age after a
    name; a utility's arrears under 户名 and 用户地址, with and without colons; sign-off
    keys (经办人, 审核人, 填表人); a name in quotes before 同志; a request by a date
    (请…于3月5日前); beside villages listed before households (梅林村 …户), a field under a
    village (黄竹坑), a header of keys (户主姓名 高龄津贴 备注), bounds of ages (80岁以上)
    and 低保户名单, which name no one."""
    d = Doc(f"form-age-utility-{i:03d}")
    d.text(f"关于注销户口的公告\n因死亡注销户籍人员名单：")
    for n in range(rng.randint(2, 3)):
        d.text("；" if n else "").leak("person_name", name())
        d.text(f" {rng.choice('男女')} {rng.randint(1930, 1960)}年{rng.randint(1, 12)}月 {rng.choice(TOWNS)}{rng.choice(VILLAGES)}")
    d.text("。\n户主姓名 高龄津贴 备注\n姓名 ").leak("person_name", name())
    d.text(f" 性别 {rng.choice('男女')} 民族 汉\n户主：").leak("person_name", name()).text(" ")
    d.leak("address", address()).text("\n获奖人员：").leak("person_name", name()).text(" ")
    d.leak("person_name", name()).text("\n老党员 ").leak("person_name", person_not_family())
    d.text(f" {rng.randint(85, 99)}岁 党龄{rng.randint(50, 75)}年。全县高龄，80岁以上老人享受补贴。\n")
    d.text("欠费催缴公告：现将拟注销的低保户名单公示如下。户名 ").leak("person_name", name())
    d.text(" 用户地址 ").leak("address", urban_address()).text(f" 欠费金额 {rng.randint(100, 900)}.00元；户名：")
    d.leak("person_name", name()).text("，用水地址：").leak("address", address()).text("。\n")
    d.text("拟认定示范户：梅林村 ").leak("person_name", name()).text("户；黄坑村 ")
    d.leak("person_name", name()).text("户。采伐地点：铁山垅村黄竹坑。\n“").leak("person_name", name_or_word_name())
    d.text("”同志的事迹感人。请").leak("person_name", name_or_word_name())
    d.text(f"于{rng.randint(1, 12)}月{rng.randint(1, 28)}日前到{rng.choice(TOWNS)}民政所领取。\n经办人：")
    d.leak("person_name", name_or_word_name()).text("\u3000审核人：").leak("person_name", name())
    d.text(" 填表人：").leak("person_name", name()).text(f" 填表日期：{rng.randint(2024, 2026)}年3月1日\n")
    footer(d)
    return d


def passbook_account() -> str:
    """A rural credit cooperative's passbook account: 17 digits with no card BIN, which only
    its header (惠农卡号, 存折号) tells from any other number."""
    return "1507" + "".join(rng.choice("0123456789") for _ in range(13))


def forms_and_combined_headers(i: int) -> Doc:
    """An application form laid out as a table (姓名 | … | 性别 | …, then 身份证号 | … and
    家庭住址 | …), whose first row reads as a header; a header that names two kinds
    (姓名/身份证号) over cells holding both; a header that dates a column (2026年补贴金额)
    over 户主名称 and a passbook account under 惠农卡号; growers after 种粮大户 and a
    selection (拟选聘…为); beside an honour in quotation marks (“文明家庭”), a grain
    (种粮大户单季稻) and a post opening a key's value (保洁员), which name no one."""
    d = Doc(f"form-header-{i:03d}")
    d.text("2026年临时救助申请审批表\n")
    if i % 2:
        d.text("| 姓名 | ").leak("person_name", name_or_word_name()).text(f" | 性别 | {rng.choice('男女')} |\n")
        d.text("| 身份证号 | ").leak("id_card", id18()).text(" | 联系电话 | ").leak("mobile_phone", mobile())
        d.text(" |\n| 家庭住址 | ").leak("address", address()).text(" | | |\n")
    else:
        d.text("姓名\t").leak("person_name", name_or_word_name()).text(f"\t性别\t{rng.choice('男女')}\n")
        d.text("身份证号\t").leak("id_card", id18()).text("\t联系电话\t").leak("mobile_phone", mobile())
        d.text("\n家庭住址\t").leak("address", address()).text("\n")
    d.text("\n序号\t姓名/身份证号\t救助金额\n")
    for n in range(1, 3):
        d.text(f"{n}\t").leak("person_name", name_or_word_name()).text("/").leak("id_card", id18())
        d.text(f"\t{rng.randint(5, 30)}00\n")
    year = rng.randint(2024, 2026)
    d.text(f"\n序号\t户主名称\t惠农卡号\t{year}年补贴金额\n")
    for n in range(1, 3):
        d.text(f"{n}\t").leak("person_name", name_or_word_name()).text("\t")
        d.leak("bank_card", passbook_account()).text(f"\t{rng.randint(3, 20)}00\n")
    d.text("\n种粮大户 ").leak("person_name", name_or_word_name())
    d.text(f" 种植面积 {rng.randint(50, 300)}亩；种粮大户单季稻增产。拟选聘")
    d.leak("person_name", name()).text("、").leak("person_name", name()).text("为生态护林员。")
    d.text("县级“文明家庭”评选结果公示。公益性岗位人员名单：保洁员 ").leak("person_name", name())
    d.text(f" {rng.choice(TOWNS)}。\n")
    footer(d)
    return d


TEMPLATES = [social_assistance, subsidy, expropriation, hiring, appointment, penalty, masked_history,
             hard_negatives, prose, commendation, recipients_with_addresses, name_negatives,
             official_phrases, dotted_names_in_prose, policy_notice, undotted_minority_names,
             penalty_enterprise, disability_subsidy, numbered_recipients, extracted_and_served,
             review_results, padded_names, parties_and_residents, lists_from_pdfs_and_licences,
             households_and_facts, rooms_and_streets, counts_and_numbers, repeated_mentions,
             village_groups, petition_replies, penalty_orders, payouts_in_prose,
             padded_in_running_text, decision_prose, appeals_losses_and_flats,
             boundaries_donations_and_ranks, appointments_transfers_and_offices,
             forms_ages_and_utility_notices, forms_and_combined_headers]


def main() -> None:
    out = ROOT / "tests" / "data" / "notices.eval.jsonl"
    docs = [t(i).json() for t in TEMPLATES for i in range(DOCS_PER_TEMPLATE)]
    with out.open("w", encoding="utf-8") as f:
        for doc in docs:
            for e in doc["entities"] + doc.get("public", []):
                assert doc["text"][e["start"]:e["end"]] == e["value"], e
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for doc in docs:
        for e in doc["entities"]:
            counts[e["kind"]] = counts.get(e["kind"], 0) + 1
    print(f"wrote {out.relative_to(ROOT)}: {len(docs)} documents, entities {counts}")


if __name__ == "__main__":
    main()
