// Reading the organization roster and checking its district codes against the register.
#include "roster.hpp"

#include <sosei/csv.hpp>

#include <algorithm>

namespace disaster_coverage {

std::vector<Organization> read_roster(const sosei::Context& ctx, sosei::ByteReader& in, const std::string& name,
                                      const DistrictIndex& known, const std::string& register_name,
                                      const std::string& districts_column) {
  sosei::CsvReader reader(in);
  if (!reader.next())
    throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": 自主防災組織の名簿が空です。1行目に見出しの行が要ります");
  if (const uint64_t titles = sosei::skip_title_rows(reader))
    ctx.info(name + ": 見出しの上の " + std::to_string(titles) + " 行は表題として読み飛ばしました");
  const sosei::ColumnFinder header(reader);
  const uint64_t header_line = reader.line();
  const auto name_column = header.find({"組織名", "自主防災組織名", "名称", "organization", "name"});
  const std::size_t codes_column =
      require_column(header, districts_column,
                     {"行政区コード", "対象行政区コード", "対象行政区", "行政区", "地区コード", "対象地域", "地域名",
                      "地区名", "district_codes", "districts"},
                     name, header_line, "組織が受け持つ地区（コードか名前）", "districts_column");
  const std::size_t established_column = require_column(
      header, {"結成日", "設立日", "結成年月日", "設立年月日", "established"}, name, header_line, "組織の結成日");
  const auto dissolved_column = header.find({"解散日", "解散年月日", "dissolved"});

  auto cell = [&](std::optional<std::size_t> i) { return i ? reader.cell(*i) : std::string_view(); };

  std::vector<Organization> organizations;
  std::string error;
  while (reader.next()) {
    if (sosei::is_blank_row(reader) || sosei::is_note_row(reader)) continue;  // ※ under the roster
    auto reject = [&](const std::string& why) { ctx.reject(name, reader.line(), why); };
    if (auto why = sosei::split_thousands(reader, header.size(), std::nullopt, header.named_width())) {
      reject(*why);
      continue;
    }
    Organization o;
    o.line = reader.line();
    o.name = std::string(cell(name_column));
    const std::string label = o.name.empty() ? "この組織" : "「" + o.name + "」";

    const auto codes = split_codes(cell(codes_column));
    if (codes.empty()) {
      reject(label +
             "の受け持つ地区が書かれていません。地区のコードか名前を書いてください（いくつもあるときは 、 , ・ "
             "または空白で区切ります）");
      continue;
    }
    std::string unknown, unmatched;
    for (auto code : codes) {
      std::string why;
      auto key = known.resolve(code, register_name, why);
      if (!key) {
        if (why.empty())
          unknown.append(unknown.empty() ? "" : "、").append(code);
        else if (unmatched.empty())
          unmatched = why;
        continue;
      }
      if (std::find(o.district_keys.begin(), o.district_keys.end(), *key) == o.district_keys.end())
        o.district_keys.push_back(std::move(*key));
    }
    // A name the separators cut (稲築町 山野, 中・下町) resolves as the whole cell, but only when the
    // pieces do not: a cell of several districts that all exist is read as those districts.
    if (!unmatched.empty() || !unknown.empty()) {
      std::string ignored;
      if (auto whole = known.resolve(cell(codes_column), register_name, ignored); whole && codes.size() > 1) {
        o.district_keys = {std::move(*whole)};
        unmatched.clear();
        unknown.clear();
      }
    }
    if (!unmatched.empty()) {
      reject(label + ": " + unmatched);
      continue;
    }
    if (!unknown.empty()) {
      reject(label + "の地区コード " + unknown + " は世帯数の表 " + register_name +
             " にありません。名簿のコードを世帯数の表と見比べてください");
      continue;
    }

    const std::string_view established = cell(established_column);
    if (established.empty()) {
      reject(label + "の結成日がありません。結成日を書いてください");
      continue;
    }
    auto date = parse_date(established, &error);
    if (!date) {
      reject("結成日: " + error);
      continue;
    }
    o.established = *date;
    // A dash (－, ―, -) or なし says what a blank says: not dissolved.
    const auto not_dissolved = [](std::string_view text) {
      const auto value = sosei::parse_value(text);
      return text.empty() || sosei::trim(text) == "なし" || (value && value->kind == SOSEI_VALUE_MISSING);
    };
    if (const std::string_view dissolved = cell(dissolved_column); !not_dissolved(dissolved)) {
      o.dissolved = parse_date(dissolved, &error);
      if (!o.dissolved) {
        reject("解散日: " + error);
        continue;
      }
      if (o.dissolved->key() < o.established.key()) {
        reject(label + "の解散日（" + o.dissolved->str() + "）が結成日（" + o.established.str() +
               "）より前です。日付を確かめてください");
        continue;
      }
    }
    organizations.push_back(std::move(o));
  }
  return organizations;
}

}  // namespace disaster_coverage
