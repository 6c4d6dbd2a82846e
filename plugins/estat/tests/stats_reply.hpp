// getStatsData replies (API 3.0, JSON) written by code in the documented shape, as e-Stat sends them:
// GET_STATS_DATA → RESULT (STATUS, ERROR_MSG, DATE), PARAMETER, STATISTICAL_DATA → RESULT_INF
// (TOTAL_NUMBER, FROM_NUMBER, TO_NUMBER, NEXT_KEY when more follow), TABLE_INF, CLASS_INF.CLASS_OBJ
// (tab, cat01, area, time with their CLASS code lists), DATA_INF (NOTE: the special marks; VALUE: the
// cells with @tab, @cat01, @area, @time, @unit, $). A list of one is written as a bare object, as the
// API does.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace estat_test {

using nlohmann::json;

struct ReplyCell {
  std::string time;   // 2020000000
  std::string cat01;  // 001 転入者数, 002 転出者数, 010 出生数
  std::string value;  // "1234", "x", "***"
  std::string area = "40227";
  std::string annotation;  // @annotation, "" for none
  std::string cat02;       // "" for a table without cat02
};

struct Reply {
  std::vector<ReplyCell> cells;
  std::optional<unsigned long long> next_key;
  unsigned long long from = 1;
  int status = 0;
  std::string error_message = "正常に終了しました。";
  std::string date = "2025-02-03T10:00:00.000+09:00";  // differs per reply: not part of the content
  std::string stats_data_id = "0003420482";
};

inline ReplyCell cell(std::string time, std::string cat01, std::string value) {
  ReplyCell c;
  c.time = std::move(time);
  c.cat01 = std::move(cat01);
  c.value = std::move(value);
  return c;
}

inline Reply reply_of(std::vector<ReplyCell> cells) {
  Reply r;
  r.cells = std::move(cells);
  return r;
}

inline std::string cat01_name(const std::string& code) {
  if (code == "001") return "転入者数";
  if (code == "002") return "転出者数";
  if (code == "010") return "出生数";
  return "その他";
}

// A list of one is a bare object, as e-Stat writes it.
inline json list_of(json array) { return array.size() == 1 ? array[0] : array; }

inline std::string stats_reply(const Reply& r) {
  json result = {{"STATUS", r.status}, {"ERROR_MSG", r.error_message}, {"DATE", r.date}};
  json parameter = {{"LANG", "J"},
                    {"STATS_DATA_ID", r.stats_data_id},
                    {"DATA_FORMAT", "J"},
                    {"START_POSITION", r.from},
                    {"METAGET_FLG", "Y"}};
  json envelope = {{"RESULT", result}, {"PARAMETER", parameter}};
  if (r.status != 0 && r.status != 2) return json{{"GET_STATS_DATA", envelope}}.dump();

  json result_inf = {
      {"TOTAL_NUMBER", r.cells.size()}, {"FROM_NUMBER", r.from}, {"TO_NUMBER", r.from + r.cells.size() - 1}};
  if (r.next_key) result_inf["NEXT_KEY"] = *r.next_key;
  json table = {{"@id", r.stats_data_id},
                {"STAT_NAME", {{"@code", "00200523"}, {"$", "住民基本台帳人口移動報告"}}},
                {"GOV_ORG", {{"@code", "00200"}, {"$", "総務省"}}},
                {"STATISTICS_NAME", "住民基本台帳人口移動報告 年報（基本集計） 市区町村別"},
                {"TITLE", {{"@no", "1"}, {"$", "市区町村別転入者数・転出者数"}}},
                {"CYCLE", "年次"},
                {"SURVEY_DATE", 0},
                {"OPEN_DATE", "2025-01-30"},
                {"SMALL_AREA", 0},
                {"UPDATED_DATE", "2025-01-30"}};
  json cats = json::array(), areas = json::array(), times = json::array(), cat02s = json::array();
  auto add_once = [](json& list, const std::string& code, const std::string& name) {
    for (const auto& c : list)
      if (c["@code"] == code) return;
    list.push_back({{"@code", code}, {"@name", name}, {"@level", "1"}});
  };
  for (const auto& c : r.cells) {
    add_once(cats, c.cat01, cat01_name(c.cat01));
    add_once(areas, c.area, c.area == "40227" ? "福岡県 嘉麻市" : "福岡県 " + c.area);
    add_once(times, c.time, c.time.substr(0, 4) + (c.time.substr(4, 2) == "10" ? "年度" : "年"));
    if (!c.cat02.empty()) add_once(cat02s, c.cat02, c.cat02 == "1" ? "男" : "女");
  }
  json classes = json::array();
  classes.push_back({{"@id", "tab"},
                     {"@name", "表章項目"},
                     {"CLASS", {{"@code", "001"}, {"@name", "人数"}, {"@level", ""}, {"@unit", "人"}}}});
  classes.push_back({{"@id", "cat01"}, {"@name", "転入・転出"}, {"CLASS", list_of(cats)}});
  if (!cat02s.empty()) classes.push_back({{"@id", "cat02"}, {"@name", "男女別"}, {"CLASS", list_of(cat02s)}});
  classes.push_back({{"@id", "area"}, {"@name", "地域"}, {"CLASS", list_of(areas)}});
  classes.push_back({{"@id", "time"}, {"@name", "時間軸（年次）"}, {"CLASS", list_of(times)}});

  json values = json::array();
  for (const auto& c : r.cells) {
    json v = {{"@tab", "001"}, {"@cat01", c.cat01}};
    if (!c.cat02.empty()) v["@cat02"] = c.cat02;
    v["@area"] = c.area;
    v["@time"] = c.time;
    v["@unit"] = "人";
    if (!c.annotation.empty()) v["@annotation"] = c.annotation;
    v["$"] = c.value;
    values.push_back(v);
  }
  json data_inf = {{"NOTE",
                    {{{"@char", "-"}, {"$", "計数のない場合"}},
                     {{"@char", "…"}, {"$", "計数不明又は計数を表章することが不適当な場合"}},
                     {{"@char", "x"}, {"$", "秘匿"}},
                     {{"@char", "***"}, {"$", "該当数値なし"}}}},
                   {"VALUE", list_of(values)}};
  envelope["STATISTICAL_DATA"] = {{"RESULT_INF", result_inf},
                                  {"TABLE_INF", table},
                                  {"CLASS_INF", {{"CLASS_OBJ", classes}}},
                                  {"DATA_INF", data_inf}};
  return json{{"GET_STATS_DATA", envelope}}.dump();
}

// 純移動数 of 嘉麻市 (40227) in the fixtures: 転入 − 転出 for the years 2015…2024.
inline long long in_migrants(int year) { return 4000 + (year - 2015) * 37; }
inline long long out_migrants(int year) { return 4300 + (year - 2015) * 11; }
inline long long births(int year) { return 900 - (year - 2015) * 13; }

inline std::string year_code(int year) { return std::to_string(year) + "000000"; }

// 転入者数 and 転出者数 of 嘉麻市, one cell each per year.
inline std::vector<ReplyCell> migration_cells(int first, int last) {
  std::vector<ReplyCell> cells;
  for (int y = first; y <= last; ++y) {
    cells.push_back(cell(year_code(y), "001", std::to_string(in_migrants(y))));
    cells.push_back(cell(year_code(y), "002", std::to_string(out_migrants(y))));
  }
  return cells;
}

inline std::vector<ReplyCell> birth_cells(int first, int last) {
  std::vector<ReplyCell> cells;
  for (int y = first; y <= last; ++y) cells.push_back(cell(year_code(y), "010", std::to_string(births(y))));
  return cells;
}

}  // namespace estat_test
