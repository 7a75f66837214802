"""The files people have: PDF, Word, saved web pages and text in other encodings, made
the way publishers make them (bench/formats), read by the importer's readers; and the
bad files, each refused by the real `policykb import` with one line and nothing written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.reading import import_text, readers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.formats import bad, fonts, pdf, web, word  # noqa: E402
from bench.score_formats import signature  # noqa: E402

SEED = ROOT / "content" / "sources" / "dongchangfu-2022.txt"
NOTICE_NUMBER = "川政办发〔2023〕5号"
# A notice issuing a plan: outline numbers Word would number itself, a ruled table whose
# leading cells are merged down (a rowspan), a signature and date.
TEXT = f"""淄川区人民政府办公室关于印发淄川区2023年为民办实事项目分解方案的通知
{NOTICE_NUMBER}
各镇人民政府，各街道办事处，区政府各部门：
　　现将《淄川区2023年为民办实事项目分解方案》印发给你们，请认真贯彻执行。
淄川区人民政府办公室
2023年3月1日
淄川区2023年为民办实事项目分解方案
　　为推动全区为民办实事项目落实，制定本方案。
　　一、工作目标
　　（一）改善居住条件。完成老旧小区改造20个，由区住房城乡建设局牵头，各镇人民政府、街道办事处配合。
　　（二）提升教育质量。新建幼儿园3所，由区教育和体育局负责。
　　二、项目分工
序号\t项目\t牵头单位\t完成时限
1\t改造老旧小区20个\t区住房城乡建设局\t2023年10月底
\t加装电梯30部\t区住房城乡建设局\t2023年12月底
2\t新建幼儿园3所\t区教育和体育局\t2023年8月底
　　三、保障措施
　　1.加强组织领导。各牵头单位要明确责任人，由区政府办公室负责督导。
　　2.强化资金保障。由区财政局负责落实项目资金。
"""


def import_file(path: Path) -> list[dict]:
    reading = readers.read(path)
    return import_text(reading.text, path.stem, "zichuan", reading).documents


def text_import(raw: str = TEXT) -> list[dict]:
    return import_text(raw, "text", "zichuan").documents


# Runs a command and writes its peak RSS (kB) to the pipe argv[1]: a process forked from pytest
# counts pytest's pages in its peak until it execs, one forked from this small parent does not.
PEAK = ("import os, subprocess, sys; p = subprocess.Popen(sys.argv[2:]); _, s, u = os.wait4(p.pid, 0); "
        "os.write(int(sys.argv[1]), str(u.ru_maxrss).encode()); sys.exit(os.waitstatus_to_exitcode(s))")


def cli(content: Path, *files: Path, allow: bool = False) -> tuple[int, str, str, float]:
    """`policykb import` in a fresh process: exit code, stdout, stderr, peak RSS (MB)."""
    args = [sys.executable, "-m", "generator", "import", "--content", str(content), "--jurisdiction", "zichuan",
            *(["--allow-unplaced"] if allow else []), *map(str, files)]
    out, err = content.parent / "stdout", content.parent / "stderr"
    peak_r, peak_w = os.pipe()
    with out.open("w") as o, err.open("w") as e:
        proc = subprocess.Popen([sys.executable, "-c", PEAK, str(peak_w), *args], cwd=ROOT, stdout=o, stderr=e,
                                pass_fds=(peak_w,))
        os.close(peak_w)
        peak = os.read(peak_r, 64)
        status = proc.wait()
    os.close(peak_r)
    return status, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"), int(peak) / 1024


def fresh_content(folder: Path) -> Path:
    content = folder / "content"
    (content / "sources").mkdir(parents=True)
    (content / "jurisdictions.yml").write_bytes((ROOT / "content" / "jurisdictions.yml").read_bytes())
    return content


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    if not fonts.available():
        pytest.fail("fonts-noto-cjk is not installed (the PDF fixtures need /usr/share/fonts/opentype/noto)")
    folder = tmp_path_factory.mktemp("formats")
    pdf.render(SEED.read_text(encoding="utf-8"), folder / "dongchangfu-2022.pdf", "东昌府区人民政府公报", "2022年第1期")
    pdf.render(TEXT, folder / "plan.pdf", "淄川区人民政府公报", "2023年第2期")
    word.render(TEXT, folder / "plan.docx")
    return folder


# ------------------------------------------------------------------ PDF

def test_pdf_page_furniture_is_found_by_repetition_and_the_import_is_the_texts(made):
    path = made / "dongchangfu-2022.pdf"
    reading = readers.read(path)
    assert len(reading.pages) >= 50
    kinds = {}
    for line, kind in reading.marks.items():
        kinds.setdefault(kind, []).append(reading.text.split("\n")[line - 1])
    assert len(kinds["page-number"]) >= len(reading.pages) - 1          # — N — on every page
    assert all(re.fullmatch(r"— \d+ —", t.strip()) for t in kinds["page-number"])
    assert {t.strip() for t in kinds["running-header"]} == {"东昌府区人民政府公报", "2022年第1期"}
    documents = import_file(path)
    held = " ".join(b.get("text") or "" for d in documents for b in d["blocks"])
    assert "东昌府区人民政府公报" not in held and not re.search(r"— \d+ —", held)
    assert signature(documents) == signature(text_import(SEED.read_text(encoding="utf-8")))


def test_pdf_ruled_table_is_read_as_rows_with_the_merged_cell_blank(made):
    reading = readers.read(made / "plan.pdf")
    rows = [ln for ln in reading.text.split("\n") if "\t" in ln]
    assert rows == [r for r in TEXT.split("\n") if "\t" in r]
    assert signature(import_file(made / "plan.pdf")) == signature(text_import())


def test_pdf_running_head_over_a_page_of_table_only_is_furniture(tmp_path):
    """No body line defines the text block: the table does, and its type is the body's."""
    table = "".join(r + "\n" for r in TEXT.split("\n") if "\t" in r)
    pdf.render(table, tmp_path / "table.pdf", "淄川区人民政府公报", "2023年第2期")
    reading = readers.read(tmp_path / "table.pdf")
    assert reading.marks.get(1) == "running-header" and reading.text.startswith("2023年第2期\n")
    assert signature(import_file(tmp_path / "table.pdf")) == signature(text_import(table))


@pytest.mark.parametrize("stem, fmt", [
    ("yunnan-mouding-2017-1", "pdf"),        # a title in display type after a short line, among 目录-like lines
    ("hunan-changsha-2012-1", "pdf"),        # pages of a table alone under an alternating running head
    ("hubei-xianning-2020-1", "pdf"),        # a gazette's 目录 (set in body type) before a table
    ("guangdong-dongguan-2021-1", "pdf"),    # a copy in traditional characters
    ("sichuan-chengdu-2024-1", "docx"),      # a footnote on the 印发 sentence of a notice with no signature
    ("henan-xinmi-2021-1", "docx"),          # a footnote on a task above its 牵头单位 line
    ("xinjiang-gaochang-2023-1", "docx"),    # a footnote on the 印发 sentence before the plan's title
])
def test_real_text_set_as_a_file_imports_as_its_text(tmp_path, stem, fmt):
    raw = (ROOT / "tests" / "realtexts" / f"{stem}.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{stem}.{fmt}"
    if fmt == "pdf":
        pdf.render(raw, path, "某某市人民政府公报", "2022年第1期")
    else:
        word.render(raw, path)
    assert signature(import_file(path)) == signature(text_import(raw))


def test_pdf_import_through_the_cli_keeps_the_original_with_its_pages(made, tmp_path):
    content = fresh_content(tmp_path)
    code, out, err, _ = cli(content, made / "dongchangfu-2022.pdf", allow=True)
    assert code == 0, err
    assert re.search(r"read from dongchangfu-2022\.pdf \(\d+ pages\)", out), out
    assert re.search(r"^reading dongchangfu-2022\.pdf: page (\d+)/\1$", err, re.M)        # the progress line
    [original] = (content / "sources").glob("*.pdf")             # named <jurisdiction>-<year>.pdf
    assert original.read_bytes() == (made / "dongchangfu-2022.pdf").read_bytes()
    manifest = original.with_suffix(".yml").read_text(encoding="utf-8")
    assert "format: pdf" in manifest and f"original: sources/{original.name}" in manifest and "pages:" in manifest
    assert original.with_suffix(".txt").is_file()
    assert len(list((content / "documents" / "zichuan").glob("*.yml"))) == 3


# ------------------------------------------------------------------ Word

def test_docx_numbering_merged_cells_and_footnote(made):
    path = made / "plan.docx"
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "工作目标" in body and "一、" not in body and "（一）" not in body   # Word numbers them, not the text
    assert "vMerge" in body
    lines = readers.read(path).text.split("\n")
    assert "一、工作目标" in lines and "二、项目分工" in lines
    assert any(ln.startswith("（一）改善居住条件") for ln in lines) and any(ln.startswith("1.加强组织领导") for ln in lines)
    assert [ln for ln in lines if "\t" in ln] == [r for r in TEXT.split("\n") if "\t" in r]
    assert any(ln == f"注：[1] {word.NOTE}" for ln in lines)
    assert signature(import_file(path)) == signature(text_import())


def test_docx_footnotes_stand_apart_from_titles_and_the_texts_flow(made, tmp_path, monkeypatch):
    """Notes follow the body: one on the 印发 sentence, set between it and the plan, would
    part them; a paragraph ends without its [n] (after 。 it would hide the sentence's end,
    after a title the title)."""
    lines = readers.read(made / "plan.docx").text.rstrip("\n").split("\n")
    assert lines[-1] == f"注：[1] {word.NOTE}"
    assert any(ln.startswith("现将") and ln.endswith("贯彻执行。") for ln in lines)
    monkeypatch.setattr(word, "_footnote_place", lambda laid: 0)          # Word's note on the title
    word.render(TEXT, tmp_path / "noted.docx")
    lines = readers.read(tmp_path / "noted.docx").text.rstrip("\n").split("\n")
    assert lines[0] == TEXT.split("\n")[0] and lines[-1] == f"注：[1] {word.NOTE}"
    assert signature(import_file(tmp_path / "noted.docx")) == signature(text_import())


# ------------------------------------------------------------------ web pages

@pytest.mark.parametrize("template", [0, 1], ids=["cms-utf8", "table-layout-gb18030"])
def test_html_page_gives_the_texts_documents_items_and_its_metadata(tmp_path, template):
    base = text_import()
    [page] = web.render(TEXT, base, tmp_path, "plan", template)
    reading = readers.read(page)
    assert reading.format == "html" and reading.encoding == ("utf-8", "gb18030")[template]
    for chrome in ("首页", "网站标识码", "备案", "分享到", "相关文件", "统计代码", "打印", "无障碍", "政务服务"):
        assert chrome not in reading.text
    documents = import_file(page)
    assert signature(documents) == signature(base)
    notice = documents[0]
    assert (notice["doc_number"], notice["issuer"], notice["date"]) == (NOTICE_NUMBER, "淄川区人民政府办公室", "2023-03-01")
    html = page.read_bytes().decode(reading.encoding)
    published = re.search(r"发布日期：</?\w+>(?:<td>)?(\d{4})年(\d\d)月(\d\d)日", html)
    assert notice["published"] == "-".join(published.groups()) > notice["date"]


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好2023年春季森林防火工作的通知_淄川区人民政府</title>
<script>var a = "关于做好2023年春季森林防火工作的通知";</script></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a>通知公告</a></div>
<table class="xxgk"><tr><td>索引号：</td><td>11370302004/2023-00017</td><td>主题分类：</td><td>农业、林业、水利</td></tr>
<tr><td>发文机关：</td><td>淄川区人民政府办公室</td><td>成文日期：</td><td>2023-03-08</td></tr>
<tr><td>文　　号：</td><td>川政办字〔2023〕9号</td><td>发布日期：</td><td>2023-03-10</td></tr>
<tr><td>有效性：</td><td colspan="3">有效</td></tr></table>
<h1>关于做好2023年春季森林防火工作的通知</h1>
<div class="content"><p>各镇人民政府，各街道办事处，区政府各部门：</p>
<p>　　当前已进入春季森林防火关键期，为切实做好森林防火工作，由区应急管理局牵头，各镇人民政府、街道办事处配合，
全面排查火灾隐患。</p><p>　　各镇、街道要加强值班值守，严格执行24小时值班制度。</p></div>
<div class="footer">主办单位：淄川区人民政府办公室 网站标识码：3703020001 备案号：鲁ICP备05012345号</div>
</body></html>"""


def test_html_metadata_table_fills_what_the_article_does_not_say(tmp_path):
    page = tmp_path / "fire.html"
    page.write_text(PAGE, encoding="utf-8")
    [doc] = import_file(page)
    assert doc["title"] == "关于做好2023年春季森林防火工作的通知"
    assert (doc["doc_number"], doc["issuer"], doc["date"], doc["published"]) == \
        ("川政办字〔2023〕9号", "淄川区人民政府办公室", "2023-03-08", "2023-03-10")
    text = " ".join(b.get("text") or "" for b in doc["blocks"])
    assert "全面排查火灾隐患" in text and "严格执行24小时值班制度" in text
    assert not re.search("首页|当前位置|网站标识码|备案号|var a", text)


# ------------------------------------------------------------------ encodings

@pytest.mark.parametrize("codec,recorded", [("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", None)])
def test_text_in_another_encoding_reads_as_the_same_text(tmp_path, codec, recorded):
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT.encode(codec))
    reading = readers.read(path)
    assert reading.text.lstrip("\ufeff") == TEXT
    assert reading.manifest("plan").get("encoding") == recorded
    assert signature(import_file(path)) == signature(text_import())


# ------------------------------------------------------------------ bad files

BAD = {"encrypted.pdf": "encrypted PDF: it opens only with a password",
       "scanned.pdf": "has no text layer (3 pages",
       "corrupt.docx": "corrupt .docx: not a readable ZIP archive",
       "empty.txt": "file is empty",
       "unknown-encoding.txt": "unknown encoding",
       "huge.txt": "too large for a gazette's text (100.0 MB"}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_is_refused_with_one_line_and_nothing_written(tmp_path, name):
    assert set(BAD) == set(bad.MAKERS)
    path = bad.MAKERS[name](tmp_path / name)
    content = fresh_content(tmp_path)
    before = snapshot(content)
    code, out, err, rss = cli(content, path)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"error: {path}") and BAD[name] in err, err
    assert snapshot(content) == before
    if name == "huge.txt":
        # refused before it is read: read whole, its bytes and its text alone would take over 160 MB more
        assert path.stat().st_size >= 100 * 2**20 and rss < 200, rss
