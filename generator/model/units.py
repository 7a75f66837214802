"""Units (单位/部门): what a unit's name is, and the registry of each jurisdiction's.

* `fold` (one character for one, so offsets into the original text stay valid);
* names: `normalise_unit_name`, `is_generic`, `is_unit_like`, the genre's
  abbreviations (`unit_key`), and the per-jurisdiction `UnitRegistry`
  (canonical name + aliases) with its YAML file content/units/<jurisdiction>.yml.

How a text lists units (`split_units`, bracket-aware `split_top`) is reading:
generator/reading/unit_lists.py.

Alias rules are genre rules on the level-free stem: 区卫健局, 县卫健局 and
市卫健局 reduce the same way, and the level prefix is kept as written. A
registry never merges names across jurisdictions: 淄川's 区财政局 and 东昌府's
区财政局 are different offices.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from generator.model import yamlio
from generator.errors import PolicyError
from generator.model.schema import UnitRecord, dump, record, validate

# --- text helpers ---------------------------------------------------------------------

# Full-width punctuation and digits to ASCII, one character for one.
_FOLD = str.maketrans({
    "（": "(", "）": ")", "［": "[", "］": "]", "：": ":", "，": ",", "；": ";",
    "％": "%", "．": ".", "／": "/", "－": "-", "～": "~", "＞": ">", "＜": "<",
    "\u3000": " ", "\xa0": " ",
    **{chr(0xFF10 + i): str(i) for i in range(10)},
})


def fold(s: str) -> str:
    """Half-width punctuation and digits; same length as `s`, so spans carry over."""
    return s.translate(_FOLD)


# --- names ------------------------------------------------------------------------------

_WIDE = str.maketrans({"(": "（", ")": "）", "[": "［", "]": "］"})


_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=None)
def normalise_unit_name(s: str) -> str:
    """One spelling per name: no whitespace, full-width brackets, ASCII digits.
    Remembered: a corpus names the same few thousand offices again and again."""
    return _SPACE.sub("", fold(s)).translate(_WIDE)


_GENERIC = re.compile(
    r"^(?:各|全[区县市])|各|有关|相关|成员单位|特邀单位|负有|责任单位|所在|所属|管理单位|管理机构|业主单位"
    r"|^当地(?:驻军|部队|\S*(?:政府|部门|单位|机关|机构)$)"     # 当地驻军, 当地政府: wherever it happens
    # a competent department with no function named is whichever is competent (行业主管部门,
    # 上级主管部门, 区政府主管部门); 市卫生行政主管部门 names one office by its function
    r"|(?:^|行业|产业|业务|级|政府|其)(?:行政)?主管(?:部门|机关|机构)$"
    # levels, not one government: 县级以上人民政府, 县（市、区）以上…, 县级宗教事务部门, 县区卫生行政主管部门,
    # 县直单位, 县单位
    r"|(?:(?:级|[省市区县州旗]|）)以上|^[省市区县乡镇]级)[^的]*(?:政府|部门|机关|机构|单位)$|^(?:县区|区县|县市区|市县)(?!场)"
    r"|^[省市区县旗]直?(?:单位|部门|机关)$"
    # 街道, 乡镇 bare: every one of them; a county's 开发区 is its one zone, a unit
    r"|(?:牵头|配合|协办|参与|协作)(?:单位|部门)$|^[区县市]?(?:街道(?:办事处)?|镇办|乡镇|镇)(?:（(?:街道|乡镇|镇)）)?$"
    r"|^(?:人民)?(?:法院|检察院)$"      # the courts, no place named: every court
    r"|^有权(?:机关|部门|机构)$"      # 由有权机关处罚: whichever has the power
    r"|^(?:社区|村)(?:管委会|居委会|村委会|委员会|两委)$|^(?:居委会|村委会)$"      # every community's or village's
    # 乡（镇）人民政府 with no place: each township's; 国有农、林、牧、渔场: every state farm
    r"|^(?:乡镇|乡（镇）|乡|镇)(?:人民)?政府$|^国有[农林牧渔、]+场$"
    r"|乡镇(?:（[^（）]*）)?$")      # 禁放区乡镇（街道）: a class of townships (one is named X镇 or X乡)

# How offices' names end; 团区委 and 区人行 are offices too.
_UNIT_END = re.compile(
    r"(?:局|委|办|部|院|会|联|协|中心|机关|队|站|社|所|室|组|政府|部门|机构|单位|公司|集团|处|科|行|台|馆|校|厅"
    r"|关|街道|开发区|办事处|管委会|分局|支局|法院|检察院"
    r"|(?<![控参持入配炒散新老龙])股"      # a county bureau's own section (农业股), not 控股/入股
    r"|(?<=[林农牧渔茶])场"      # a state farm or forest (X林场, X农场): a body of its own, not 市场/广场
    r"|(?<=[省市县区州旗盟级])财政)$")      # 省财政, 县级财政: the finance office of a level (由省财政解决)
# 旗, 盟: Inner Mongolia's county and prefecture; 中共X县委…办公室: a party body, named with its place.
_LEVEL_PREFIX = re.compile(r"^(?:[区县市旗盟州省]|团[区县市旗]委|中共)")


def names_an_office(name: str) -> bool:
    """Ends as an office's (or a collective's) name does: 各成员单位, 区财政局 — not
    有关部门在归集信用信息时."""
    return bool(_UNIT_END.search(re.sub(r"（[^（）]*）$", "", normalise_unit_name(name))))


def is_generic(name: str) -> bool:
    """A collective (各镇办, 区直相关部门, …有关成员单位, 特邀单位) rather than one office."""
    return bool(_GENERIC.search(normalise_unit_name(name)))


# A place stands for its government in a list of offices: 川汇区、商水县、项城市人民政府.
_PLACE = re.compile(r"^(?![我本该全各两])[\u4e00-\u9fff]{2,8}(?:区|县|市|旗|镇|乡|州|盟)$")


# The hundred commonest surnames (about 85 % of people): a name's first character.
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
               "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")


def looks_like_person(name: str) -> bool:
    """伍泽国, 王东: two or three characters, a common surname first, no office's ending."""
    return 2 <= len(name) <= 3 and name[0] in SURNAMES and not is_unit_like(name)


def is_unit_like(name: str, prefixed: bool = False) -> bool:
    """Shaped like an office's name (or a place's); `prefixed` demands a 区/县/市 prefix."""
    n = re.sub(r"（[^（）]*）$", "", normalise_unit_name(name))   # 区委宣传部（区网信办）
    if not 2 <= len(n) <= 40 or re.search(r"[\d,;:。，；：]", n):
        return False
    if prefixed and not _LEVEL_PREFIX.match(n):
        return False
    return bool(_UNIT_END.search(n)) or is_generic(n) or (not prefixed and bool(_PLACE.match(n)))


# Genre abbreviations, stated on the level-free stem; the first spelling of a
# group is the key the others reduce to.
ALIAS_GROUPS: list[tuple[str, ...]] = [
    ("卫健局", "卫生健康局"),
    ("卫健委", "卫生健康委员会", "卫生健康委"),
    ("发改局", "发展改革局", "发展和改革局"),
    ("发改委", "发展改革委员会", "发展和改革委员会", "发展改革委", "发展和改革委"),
    ("教体局", "教育和体育局", "教育体育局"),
    ("人社局", "人力资源和社会保障局", "人力资源社会保障局"),
    ("住建局", "住房和城乡建设局", "住房城乡建设局"),
    ("文旅局", "文化和旅游局", "文化旅游局"),
    ("市场监管局", "市场监督管理局"),
    ("工会", "总工会"),
    ("应急局", "应急管理局"),
    ("医保局", "医疗保障局"),
    ("医保分局", "医疗保障分局"),
    ("工信局", "工业和信息化局"),
    ("城管局", "城市管理局"),
    ("妇儿工委", "妇女儿童工作委员会"),
    ("残工委", "残疾人工作委员会"),
    ("妇联", "妇女联合会"),
    ("残联", "残疾人联合会"),
    ("科协", "科学技术协会"),
    ("关工委", "关心下一代工作委员会"),
    ("网信办", "网络安全和信息化委员会办公室"),
    ("行政审批局", "行政审批服务局"),
    ("法院", "人民法院"),
    ("检察院", "人民检察院"),
]


def _alias_pattern(groups: list[tuple[str, ...]]) -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """Any spelling of any group (longest first), and each spelling's group."""
    group_of = {spelling: g for g in groups for spelling in g}
    alternation = "|".join(sorted(map(re.escape, group_of), key=len, reverse=True))
    return re.compile(alternation), group_of


_ALIASES, _GROUP_OF = _alias_pattern(ALIAS_GROUPS)


def genre_spellings(name: str) -> list[str]:
    """The other ways the genre writes an office's name (区卫生健康局: 区卫健局),
    one abbreviation group swapped at a time; for search, never for registries."""
    n = normalise_unit_name(name)
    return [n[:m.start()] + other + n[m.end():]
            for m in _ALIASES.finditer(n) for other in _GROUP_OF[m.group()] if other != m.group()]


def unit_key(name: str, places: Iterable[tuple[str, str]] = ()) -> str:
    """The form two spellings of one office share: place prefix (张店区, 张店)
    reduced to its level (区), genre abbreviations applied to the stem."""
    n = normalise_unit_name(name)
    for place, level in places:
        if n.startswith(place) and len(n) > len(place) + 1:
            n = level + n[len(place):]
            break
    return _ALIASES.sub(lambda m: _GROUP_OF[m.group()][0], n)


def places_of(jurisdiction: dict) -> list[tuple[str, str]]:
    """Place prefixes of a jurisdiction record (content/jurisdictions.yml):
    淄博市张店区 / 张店区 / 张店 all stand for 区 inside 张店区's units."""
    level = jurisdiction.get("level") or ""
    out = []
    for n in (jurisdiction.get("name"), jurisdiction.get("short_name")):
        if n and n.endswith(level) and (n, level) not in out:
            out.append((n, level))
    short = jurisdiction.get("short_name") or ""
    if level and short.endswith(level) and len(short) > 2:
        out.append((short[: -len(level)], level))
    return sorted(out, key=lambda p: len(p[0]), reverse=True)


# --- registry -------------------------------------------------------------------------

@record
class Unit(UnitRecord):
    """A unit of a registry, with how often the sources name it by each spelling."""
    mentions: Counter = field(default_factory=Counter, compare=False, repr=False)


class UnitRegistry:
    """The offices of one jurisdiction; `resolve` maps any observed spelling to one Unit."""

    def __init__(self, jurisdiction: str, places: Iterable[tuple[str, str]] = ()):
        self.jurisdiction = jurisdiction
        self.places = list(places)
        self.units: list[Unit] = []
        self._by_spelling: dict[str, Unit] = {}
        self._by_key: dict[str, Unit] = {}

    @classmethod
    def build(cls, jurisdiction: str, observed: Iterable[str],
              places: Iterable[tuple[str, str]] = (),
              curated: Iterable[tuple[str, ...]] = ()) -> "UnitRegistry":
        """A registry from observed names (each occurrence once, so counts are
        mentions) and curated alias groups (canonical spelling first)."""
        reg = cls(jurisdiction, places)
        counts = Counter(normalise_unit_name(n) for n in observed if n.strip())
        for group in curated:
            unit = reg.add(group[0], count=0)
            for alias in group[1:]:
                reg._link(normalise_unit_name(alias), unit)
        for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            reg.add(name, count=n)
        for unit in reg.units:   # most used spelling names the unit
            top = max([unit.name, *unit.aliases], key=lambda s: unit.mentions[s])
            if unit.mentions[top] > unit.mentions[unit.name]:
                unit.aliases = [a for a in [unit.name, *unit.aliases] if a != top]
                unit.name = top
        return reg

    def _new_id(self, name: str) -> str:
        digest = hashlib.sha1(unit_key(name, self.places).encode("utf-8")).hexdigest()
        base = f"{self.jurisdiction}-{digest[:8]}"
        taken = {u.id for u in self.units}
        uid, i = base, 2
        while uid in taken:
            uid, i = f"{base}-{i}", i + 1
        return uid

    def _link(self, spelling: str, unit: Unit) -> None:
        if spelling != unit.name and spelling not in unit.aliases:
            unit.aliases.append(spelling)
        self._by_spelling[spelling] = unit
        self._by_key.setdefault(unit_key(spelling, self.places), unit)

    def add(self, name: str, count: int = 1, uid: str | None = None, kind: str | None = None) -> Unit:
        """Register one spelling (merging it into the unit it is an alias of)."""
        spelling = normalise_unit_name(name)
        unit = self.resolve(spelling)
        if unit is None:
            unit = Unit(id=uid or self._new_id(spelling), name=spelling,
                        kind=kind or ("generic" if not_an_office(spelling) else "unit"))
            self.units.append(unit)
        self._link(spelling, unit)
        unit.mentions[spelling] += count
        return unit

    def resolve(self, name: str) -> Unit | None:
        spelling = normalise_unit_name(name)
        return self._by_spelling.get(spelling) or self._by_key.get(unit_key(spelling, self.places))

    def to_data(self) -> list[dict]:
        return [dump(u) for u in self.units]


@dataclass
class Suspect:
    name: str
    reason: str                 # "single mention" | "near <other>"
    similar_to: str | None = None


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _near(a: str, b: str) -> bool:
    """Likely the same office misspelt: a few characters inserted (区公安局 /
    区公安分局), or one replaced in a long name (区妇儿儿童… / 区妇女儿童…)."""
    d = _edit_distance(a, b)
    if d == 0 or d > 2:
        return False
    if abs(len(a) - len(b)) == d:
        return min(len(a), len(b)) >= 4
    return d == 1 and min(len(a), len(b)) >= 6


# Words of a role or a plan's own working group, not of an office with a page of its own.
_ROLE_NOT_OFFICE = re.compile(r"牵头|主要|相关|有关|其他|^部门|（单位）|(?<!领导小)组$"
                              r"|^(?:联络|制订|制定|主管|承办|主办|协办|配合|责任|成员|参与|实施)(?:单位|部门)$")


def not_an_office(name: str) -> bool:
    """Collectives (各镇街), roles and working groups (主要牵头镇办, 社会稳定组), and
    functions named without an office (财政, 铁路 of 财政、铁路等部门要…): no page
    of their own; their items name them."""
    return is_generic(name) or bool(_ROLE_NOT_OFFICE.search(name)) or not is_unit_like(name)


def suspect_aliases(registry: UnitRegistry) -> list[Suspect]:
    """Names an editor should look at: a role or a plan's working group rather than an
    office (部门（单位）, 主要牵头镇办, 社会稳定组), used once, or within edit distance 1–2 of
    another unit's spelling (区市场监管局 / 区市场监管部门). Nothing is merged here."""
    out = []
    spellings = [(s, u) for u in registry.units if u.kind == "unit" for s in [u.name, *u.aliases]]
    for s, u in spellings:
        if s == u.name and not_an_office(s):
            out.append(Suspect(s, "not an office"))
        if sum(u.mentions.values()) == 1:
            out.append(Suspect(s, "single mention"))
        for other, v in spellings:
            if v is not u and _near(s, other):
                out.append(Suspect(s, f"near {other}", other))
    return out


# --- YAML: content/units/<jurisdiction>.yml ---------------------------------------------

def load_registry(path: Path, jurisdiction: str, places: Iterable[tuple[str, str]] = ()) -> UnitRegistry:
    """Read and check a registry file; every problem is a PolicyError naming the
    file, the line and the field (duplicate ids, one spelling in two units)."""
    data, lines = yamlio.load(path)
    file = str(path)
    if not isinstance(data, list):
        raise PolicyError("must be a list of units", file, lines.get(()), None)
    reg = UnitRegistry(jurisdiction, places)
    seen_ids: dict[str, int] = {}
    owner: dict[str, str] = {}
    for i, entry in enumerate(data):
        validate(entry, Unit, file, lines, (i,))
        uid = entry["id"]
        if uid in seen_ids:
            raise PolicyError(f"duplicate id (also entry {seen_ids[uid]})", file,
                              lines.get((i, "id")), f"[{i}].id")
        seen_ids[uid] = i
        unit = Unit(id=uid, name=normalise_unit_name(entry["name"]), kind=entry["kind"])
        spellings = [("name", unit.name)] + [
            (f"aliases[{k}]", normalise_unit_name(a)) for k, a in enumerate(entry.get("aliases") or [])]
        for where, s in spellings:
            if s in owner:
                path_key = (i, "name") if where == "name" else (i, "aliases", int(where[8:-1]))
                raise PolicyError(f"'{s}' already names unit {owner[s]}", file,
                                  lines.get(path_key), f"[{i}].{where}")
            owner[s] = uid
        reg.units.append(unit)
        for _, s in spellings:
            reg._link(s, unit)
    return reg


def dump_registry(registry: UnitRegistry) -> str:
    header = (f"# Units of {registry.jurisdiction}: canonical name, the spellings seen in the "
              "sources, kind unit|generic. Edit freely.\n")
    return header + yamlio.dump(registry.to_data())
