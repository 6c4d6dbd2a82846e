#!/usr/bin/env python3
"""Writes the demo's recorded e-Stat replies (getStatsData, API 3.0, JSON) for Kama City (嘉麻市, 40227).

    python3 config/data/estat/make-recorded-replies.py      # rewrites the two .json files next to it

The yearly figures are ILLUSTRATIVE, not official statistics: the strategy publishes only 5-year
totals, so the years are chosen to add up to them (純移動数 2016–2020 = △1,305 for H27→R2, 出生数
2019–2023 = 808 for R1→R5) and to continue plausibly after. The table IDs and category codes are the
examples of plugins/estat/README.md, not checked against e-Stat. The JSON is the API's documented
envelope (GET_STATS_DATA → RESULT, PARAMETER, STATISTICAL_DATA → RESULT_INF, TABLE_INF, CLASS_INF,
DATA_INF), as the API writes it: numbers as strings in "$", a list of one as a bare object. See
README.md in this folder.
"""
import json
import pathlib

AREA = "40227"
AREA_NAME = "福岡県 嘉麻市"
RECORDED = "2026-03-02T10:00:00.000+09:00"  # when the replies stand for: after the 2025 migration figures
ILLUSTRATIVE = "（sosei デモ用の例示値・公式統計ではありません）"

# 住民基本台帳人口移動報告 年報, calendar years: (転入者数, 転出者数). 2016–2020 sum to △1,305.
MIGRATION = {
    2016: (1182, 1461), 2017: (1153, 1420), 2018: (1121, 1398), 2019: (1097, 1336), 2020: (1075, 1318),
    2021: (1068, 1301), 2022: (1112, 1329), 2023: (1090, 1296), 2024: (1071, 1282), 2025: (1059, 1257),
}
# 人口動態統計, calendar years: 出生数. 2019–2023 sum to 808; 2025 is not published by March 2026.
BIRTHS = {2019: 181, 2020: 169, 2021: 160, 2022: 152, 2023: 146, 2024: 139}

assert sum(i - o for y, (i, o) in MIGRATION.items() if 2016 <= y <= 2020) == -1305
assert sum(b for y, b in BIRTHS.items() if 2019 <= y <= 2023) == 808


def one_or_list(items):
    """e-Stat writes a list of one as a bare object."""
    return items[0] if len(items) == 1 else items


def reply(stats_data_id, stat, gov_org, statistics_name, title, open_date, cat01_name, cat01, cells):
    """cells: [(year, cat01 code, value)] → the getStatsData envelope."""
    times = sorted({y for y, _, _ in cells})
    values = [{"@tab": "001", "@cat01": code, "@area": AREA, "@time": f"{y}000000", "@unit": "人", "$": str(v)}
              for y, code, v in cells]
    return {"GET_STATS_DATA": {
        "RESULT": {"STATUS": 0, "ERROR_MSG": "正常に終了しました。", "DATE": RECORDED},
        "PARAMETER": {
            "LANG": "J", "STATS_DATA_ID": stats_data_id,
            "NARROWING_COND": {"CODE_AREA_SELECT": AREA, "CODE_CAT01_SELECT": ",".join(c for c, _ in cat01)},
            "DATA_FORMAT": "J", "START_POSITION": 1, "METAGET_FLG": "Y", "CNT_GET_FLG": "N",
            "EXPLANATION_GET_FLG": "N", "ANNOTATION_GET_FLG": "Y", "REPLACE_SP_CHARS": 0, "SECTION_HEADER_FLG": 1},
        "STATISTICAL_DATA": {
            "RESULT_INF": {"TOTAL_NUMBER": len(values), "FROM_NUMBER": 1, "TO_NUMBER": len(values)},
            "TABLE_INF": {
                "@id": stats_data_id, "STAT_NAME": {"@code": stat[0], "$": stat[1]},
                "GOV_ORG": {"@code": gov_org[0], "$": gov_org[1]}, "STATISTICS_NAME": statistics_name,
                "TITLE": {"@no": "1", "$": title + ILLUSTRATIVE}, "CYCLE": "年次", "SURVEY_DATE": 0,
                "OPEN_DATE": open_date, "SMALL_AREA": 0, "UPDATED_DATE": open_date},
            "CLASS_INF": {"CLASS_OBJ": [
                {"@id": "tab", "@name": "表章項目",
                 "CLASS": {"@code": "001", "@name": "人数", "@level": "", "@unit": "人"}},
                {"@id": "cat01", "@name": cat01_name,
                 "CLASS": one_or_list([{"@code": c, "@name": n, "@level": "1"} for c, n in cat01])},
                {"@id": "area", "@name": "地域", "CLASS": {"@code": AREA, "@name": AREA_NAME, "@level": "3"}},
                {"@id": "time", "@name": "時間軸（年次）",
                 "CLASS": one_or_list([{"@code": f"{y}000000", "@name": f"{y}年", "@level": "1"} for y in times])},
            ]},
            "DATA_INF": {
                "NOTE": [{"@char": "-", "$": "計数のない場合"},
                         {"@char": "…", "$": "計数不明又は計数を表章することが不適当な場合"},
                         {"@char": "x", "$": "秘匿"},
                         {"@char": "***", "$": "該当数値なし"}],
                "VALUE": one_or_list(values)},
        },
    }}


def main():
    here = pathlib.Path(__file__).resolve().parent
    migration = reply("0003420482", ("00200523", "住民基本台帳人口移動報告"), ("00200", "総務省"),
                      "住民基本台帳人口移動報告 年報（基本集計） 市区町村別", "市区町村別転入者数・転出者数",
                      "2026-01-30", "転入・転出", [("001", "転入者数"), ("002", "転出者数")],
                      [c for y, (i, o) in sorted(MIGRATION.items()) for c in ((y, "001", i), (y, "002", o))])
    births = reply("0003411598", ("00450011", "人口動態調査"), ("00450", "厚生労働省"),
                   "人口動態調査 人口動態統計 確定数 市区町村別", "市区町村別出生数", "2025-09-17",
                   "出生", [("010", "出生数")], [(y, "010", b) for y, b in sorted(BIRTHS.items())])
    for stats_data_id, body in (("0003420482", migration), ("0003411598", births)):
        (here / f"{stats_data_id}.json").write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")


if __name__ == "__main__":
    main()
