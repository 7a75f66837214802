"""The responsibility scorer (bench/score_responsibility.py) on synthetic exports built from the
real gold: a perfect export scores 100%, and every kind of error lowers the figure it should."""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score_responsibility",
                                               ROOT / "bench" / "score_responsibility.py")
scorer = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = scorer  # dataclasses look their module up
_spec.loader.exec_module(scorer)

GOLD, TARGETS = scorer.load_gold(scorer.GOLD)


def jurisdiction(gold_item: dict) -> str:
    return Path(gold_item["file"]).stem.split("-")[0]


def perfect_export(gold: list[dict]) -> dict:
    """What a flawless importer would export for the gold items (one unit per name)."""
    units, items, indicators = {}, [], []

    def unit_id(name, juris):
        key = (juris, name)
        if key not in units:
            units[key] = {"id": f"{juris}-u{len(units)}", "jurisdiction": juris, "name": name,
                          "aliases": []}
        return units[key]["id"]

    for n, g in enumerate(gold):
        juris = jurisdiction(g)
        item_id = f"{juris}-i{n}"
        items.append({
            "id": item_id, "document": f"{juris}-doc", "kind": g["kind"], "number": None,
            "text": f"（{n}）{g['text_contains']}。", "lead": [unit_id(u, juris) for u in g["lead"]],
            "participants": [unit_id(u, juris) for u in g["participants"]],
            "generic": list(g.get("generic") or []), "lead_labelled": g["lead_labelled"],
            "deadline": g.get("deadline"),
            "source": {"file": g["file"], "line_start": g["lines"][0], "line_end": g["lines"][1]}})
        indicators += [{"item": item_id, **ind} for ind in g.get("indicators") or []]
    documents = [{"id": f"{j}-doc", "jurisdiction": j, "title": j,
                  "source": {"file": f"sources/{j}.txt", "line_start": 1, "line_end": 1}}
                 for j in {jurisdiction(g) for g in gold}]
    return {"units": list(units.values()), "documents": documents, "items": items,
            "indicators": indicators}


def figures(export: dict, gold=GOLD) -> tuple[dict, str]:
    out = io.StringIO()
    result = scorer.report(scorer.score(gold, scorer.Export(export)), TARGETS, out=out)
    return result, out.getvalue()


def item_for(export: dict, text: str) -> dict:
    return next(it for it in export["items"] if text in it["text"])


def test_gold_meets_the_brief():
    forms = {f for g in GOLD for f in g["forms"]}
    assert len(GOLD) >= 120
    assert sum(len(g.get("indicators") or []) for g in GOLD) >= 30
    assert sum(1 for g in GOLD if g.get("deadline")) >= 15
    assert {jurisdiction(g) for g in GOLD} == {"zichuan", "dongchangfu", "zhangdian", "yantai",
                                               "huaiyin"}
    assert {"lead_resp", "sep_semicolon", "sep_period", "square_brackets", "two_leads_comma",
            "resp_inline_lead", "resp_dept", "lead_dept", "resp_no_lead", "duty_clause",
            "single_unit", "table_row", "unbracketed", "keyword_split", "dangling_tail"} <= forms
    unlabelled = [g for g in GOLD if not g["lead_labelled"]]
    assert unlabelled and all(not g["lead"] for g in unlabelled)


def test_gold_agrees_with_its_source_lines():
    assert scorer.check_gold(GOLD) == []


def test_check_gold_catches_a_wrong_unit():
    bad = copy.deepcopy(GOLD[:1])
    bad[0]["participants"].append("区不存在局")
    assert any("区不存在局" in p for p in scorer.check_gold(bad))


def test_perfect_export_scores_100():
    result, text = figures(perfect_export(GOLD))
    for name, value in result.items():
        assert value == pytest.approx(1.0), name
    assert "mismatches: 0 of" in text


def test_one_wrong_lead_lowers_lead_accuracy_only():
    export = perfect_export(GOLD)
    g = next(g for g in GOLD if g["text_contains"] == "树牢安全发展理念")
    item = item_for(export, g["text_contains"])
    item["lead"] = [item["participants"][0]]
    result, text = figures(export)
    assert result["lead_accuracy"] == pytest.approx(1 - 1 / len(GOLD))
    assert result["participants_f1"] == pytest.approx(1.0)
    assert f"{g['file']}:{g['lines'][0]}-{g['lines'][1]}" in text
    assert "lead: gold 市应急局 | pred 市委组织部" in text


def test_empty_lead_must_stay_empty():
    export = perfect_export(GOLD)
    g = next(g for g in GOLD if g["forms"][0] == "resp_no_lead" and g["participants"])
    item = item_for(export, g["text_contains"])
    item["lead"] = item["participants"][:1]
    assert figures(export)[0]["lead_accuracy"] < 1.0


def test_participant_errors_lower_precision_and_recall():
    export = perfect_export(GOLD)
    item = item_for(export, "妇女全生命周期享有良好的卫生健康服务")
    dropped = item["participants"].pop()
    item_for(export, "女性青壮年文盲基本消除")["participants"].append(dropped)
    result, text = figures(export)
    assert result["participants_recall"] < 1.0 and result["participants_precision"] < 1.0
    assert "participants: missing" in text


def test_indicator_value_comparator_and_unit_must_all_agree():
    for key, wrong in (("value", 9.9), ("comparator", ">="), ("unit", "%")):
        export = perfect_export(GOLD)
        ind = next(i for i in export["indicators"] if i["metric"] == "孕产妇死亡率")
        ind[key] = wrong
        assert figures(export)[0]["indicator_accuracy"] < 1.0, key


def test_metric_may_be_longer_or_shorter_than_the_gold():
    export = perfect_export(GOLD)
    for ind in export["indicators"]:
        ind["metric"] = "全区" + ind["metric"] + "指标"
    assert figures(export)[0]["indicator_accuracy"] == pytest.approx(1.0)


def test_deadline_by_date_or_by_text():
    export = perfect_export(GOLD)
    dated = next(it for it in export["items"] if (it["deadline"] or {}).get("date"))
    dated["deadline"] = {"text": "whatever", "date": dated["deadline"]["date"]}
    assert figures(export)[0]["deadline_accuracy"] == pytest.approx(1.0)
    dated["deadline"] = {"text": dated["deadline"]["text"], "date": "1999-12-31"}
    assert figures(export)[0]["deadline_accuracy"] < 1.0


def test_units_match_by_alias_across_bracket_widths_and_only_in_their_jurisdiction():
    export = perfect_export(GOLD)
    for unit in export["units"]:
        if unit["name"] == "区委宣传部（区网信办）":
            unit["name"], unit["aliases"] = "区委宣传部", ["区委宣传部(区网信办)"]
    assert figures(export)[0]["lead_accuracy"] == pytest.approx(1.0)
    victim = next(u for u in export["units"] if u["jurisdiction"] == "yantai")
    victim["jurisdiction"] = "huaiyin"
    assert figures(export)[0]["item_match"] == pytest.approx(1.0)
    result = figures(export)[0]
    assert result["lead_accuracy"] < 1.0 or result["participants_f1"] < 1.0


def test_unmatched_items_count_as_errors():
    export = perfect_export(GOLD)
    export["items"] = export["items"][10:]
    result, text = figures(export)
    assert result["item_match"] == pytest.approx(1 - 10 / len(GOLD))
    assert result["lead_accuracy"] < 1.0 and result["participants_recall"] < 1.0
    assert "no matching export item" in text


def test_command_line(tmp_path, capsys):
    path = tmp_path / "data.json"
    path.write_text(json.dumps(perfect_export(GOLD), ensure_ascii=False), encoding="utf-8")
    assert scorer.main(["--export", str(path)]) == 0
    assert "lead_accuracy" in capsys.readouterr().out
    path.write_text("{not json", encoding="utf-8")
    assert scorer.main(["--export", str(path)]) == 1
    assert "cannot read the export" in capsys.readouterr().err


def test_a_value_to_reach_is_the_real_text_golds_target():
    from bench.score_import import same_indicator
    gold = {"metric": "城镇化率", "comparator": "=", "value": 60, "unit": "%"}
    reach = {"metric": "城镇化率", "comparator": "increase_to", "value": 60, "unit": "%"}
    assert same_indicator(gold, reach)
    assert not same_indicator(gold, {**reach, "value": 65})
    assert not same_indicator({**gold, "comparator": "<="}, reach)


def test_a_collective_the_generic_figure_counts_is_not_lost():
    """score_import: a gold collective held within a longer name written on the item (还没有车间的乡镇(场)
    for 乡镇(场)) counts for the generic figure, so the statement is not lost either; one held by nothing is."""
    from bench.score_import import score_item
    gold = {"doc": 1, "text_contains": "原则上到年底要创建一个车间", "lead": [], "participants": [],
            "generic": ["乡镇(场)"]}
    item = {"id": "x-01.1", "document": "x-01", "text": "还没有车间的乡镇(场)原则上到年底要创建一个车间。",
            "names": {"lead": [], "participants": []}, "generic": ["还没有车间的乡镇(场)"]}
    held = score_item("x", gold, [item], {}, [], {1: "x-01"})
    assert (held.tally.generic_ok, held.lost) == (1, False)
    dropped = score_item("x", gold, [dict(item, generic=[])], {}, [], {1: "x-01"})
    assert (dropped.tally.generic_ok, dropped.lost) == (0, True)
