// Reading the estat plugin's settings and its application ID (see estat_settings.hpp).
#include "estat_settings.hpp"

#include <sosei/notation.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace estat {
namespace {

using sosei::PluginError;

// e-Stat's classes that a source may narrow, as setting name, class id and request parameter.
struct Filter {
  const char* setting;
  const char* id;
  const char* parameter;
};
constexpr std::array<Filter, 4> kFilters{{
    {"cd_tab", "tab", "cdTab"},
    {"cd_cat01", "cat01", "cdCat01"},
    {"cd_cat02", "cat02", "cdCat02"},
    {"cd_cat03", "cat03", "cdCat03"},
}};

bool digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string percent_encode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

Codes parse_minus(const std::string& spec) {
  Codes out;
  std::stringstream items(spec);
  for (std::string item; std::getline(items, item, ',');) {
    const std::string trimmed(sosei::trim(item));
    if (trimmed.empty()) continue;
    const auto eq = trimmed.find('=');
    const std::string id(eq == std::string::npos ? "" : sosei::trim(std::string_view(trimmed).substr(0, eq)));
    const std::string code(eq == std::string::npos ? "" : sosei::trim(std::string_view(trimmed).substr(eq + 1)));
    const bool known = std::any_of(kFilters.begin(), kFilters.end(), [&](const Filter& f) { return id == f.id; });
    if (!known || code.empty())
      throw PluginError(SOSEI_ERR_CONFIG, "設定 'minus' の「" + trimmed +
                                              "」は 分類=コード の形ではありません（分類は tab, cat01, cat02, cat03。"
                                              "例: minus: cat01=002）");
    out.emplace_back(id, code);
  }
  return out;
}

std::optional<int> year_setting(const sosei::Context& ctx, const char* name) {
  if (ctx.string_setting(name).empty()) return std::nullopt;
  const long long year = ctx.integer_setting(name);
  if (year < sosei::kFirstYear || year > sosei::kLastYear)
    throw PluginError(SOSEI_ERR_CONFIG, std::string("設定 '") + name + "' は " + std::to_string(year) +
                                            " です。西暦の年（例: 2020）を書いてください");
  return static_cast<int>(year);
}

}  // namespace

// clang-format off
const std::array<sosei_setting_spec, 15> kSettings{{
    {"kpi", SOSEI_SETTING_STRING, 1, nullptr, "値を入れる KPI の id（例: net_migration）"},
    {"stats_data_id", SOSEI_SETTING_STRING, 1, nullptr, "e-Stat の統計表ID（例: 0003420482）"},
    {"area", SOSEI_SETTING_STRING, 1, nullptr, "市区町村のコード: 5桁（40227）または検査数字つきの6桁（402273）"},
    {"cd_tab", SOSEI_SETTING_STRING, 0, "", "表章項目のコード（省略: 絞らない）"},
    {"cd_cat01", SOSEI_SETTING_STRING, 0, "", "分類事項01のコード（例: 転入者数のコード）"},
    {"cd_cat02", SOSEI_SETTING_STRING, 0, "", "分類事項02のコード"},
    {"cd_cat03", SOSEI_SETTING_STRING, 0, "", "分類事項03のコード"},
    {"value", SOSEI_SETTING_STRING, 0, "cell",
     "KPI の値の作り方: cell（1つのセル）, difference（cd_… のセル − minus のセル）, sum_years（from_year〜to_year の合計）"},
    {"minus", SOSEI_SETTING_STRING, 0, "", "difference で引く側のセルを選ぶコード、分類=コード（例: cat01=002 で転出者数）"},
    {"from_year", SOSEI_SETTING_INTEGER, 0, nullptr, "この年から取り込む（sum_years: 合計する最初の年）"},
    {"to_year", SOSEI_SETTING_INTEGER, 0, nullptr, "この年まで取り込む（sum_years: 合計する最後の年）"},
    {"app_id_file", SOSEI_SETTING_PATH, 0, nullptr, "アプリケーションIDを1行で書いたファイル（YAML に ID そのものは書きません）"},
    {"app_id_env", SOSEI_SETTING_STRING, 0, nullptr, "アプリケーションIDを持つ環境変数の名前（例: ESTAT_APP_ID）"},
    {"base_url", SOSEI_SETTING_URL, 0, "https://api.e-stat.go.jp/rest/3.0/app/json",
     "API の URL（試験用のサーバーに向けるときだけ変えます）"},
    {"replay_dir", SOSEI_SETTING_PATH, 0, nullptr,
     "記録した getStatsData の応答（JSON）のフォルダ。設定するとAPIに接続せず <統計表ID>.json を読みます（アプリケーションID不要）"},
}};
// clang-format on

std::string area_code(const std::string& raw) {
  std::string text = sosei::fold_full_width(sosei::trim(raw));
  if (digits(text) && text.size() == 5) return text;
  if (digits(text) && text.size() == 6) {
    // 全国地方公共団体コード: the sixth digit checks the first five (weights 6..2, modulus 11).
    int sum = 0;
    for (int i = 0; i < 5; ++i) sum += (text[static_cast<std::size_t>(i)] - '0') * (6 - i);
    const int check = (11 - sum % 11) % 10;
    if (text[5] - '0' == check) return text.substr(0, 5);
    throw PluginError(SOSEI_ERR_CONFIG, "設定 'area' の " + text + " は検査数字が合いません（" + text.substr(0, 5) +
                                            " なら6桁目は " + std::to_string(check) + "）。コードを確かめてください");
  }
  throw PluginError(
      SOSEI_ERR_CONFIG,
      "設定 'area' の「" + raw + "」は市区町村コードではありません。5桁（40227）か6桁（402273）で書いてください");
}

Settings read_settings(const sosei::Context& ctx) {
  Settings s;
  s.kpi = ctx.required_setting("kpi");
  s.stats_data_id = sosei::trim(ctx.required_setting("stats_data_id"));
  if (!digits(s.stats_data_id))
    throw PluginError(SOSEI_ERR_CONFIG, "設定 'stats_data_id' の「" + s.stats_data_id +
                                            "」は統計表IDではありません（数字だけ、例: 0003420482）");
  s.area = area_code(ctx.required_setting("area"));
  for (const Filter& f : kFilters) {
    const std::string code(sosei::trim(ctx.string_setting(f.setting)));
    if (!code.empty()) s.filters.emplace_back(f.id, code);
  }
  s.minus = parse_minus(ctx.string_setting("minus"));
  for (const auto& m : s.minus) {
    const std::string& id = m.first;
    if (std::none_of(s.filters.begin(), s.filters.end(), [&](const auto& f) { return f.first == id; }))
      throw PluginError(SOSEI_ERR_CONFIG, std::string("設定 'minus' の ")
                                              .append(id)
                                              .append(" を使うなら cd_")
                                              .append(id)
                                              .append(" も設定してください（引かれる側のセルを選ぶコード）"));
  }
  const std::string value = ctx.string_setting("value");
  if (value == "cell")
    s.formation = Formation::Cell;
  else if (value == "difference")
    s.formation = Formation::Difference;
  else if (value == "sum_years")
    s.formation = Formation::SumYears;
  else
    throw PluginError(SOSEI_ERR_CONFIG,
                      "設定 'value' の「" + value + "」は使えません。cell, difference, sum_years のいずれかです");
  if (s.formation == Formation::Difference && s.minus.empty())
    throw PluginError(SOSEI_ERR_CONFIG,
                      "value: difference には引く側のセルを選ぶ 'minus' が要ります（例: minus: cat01=002）");
  if (s.formation == Formation::Cell && !s.minus.empty())
    throw PluginError(SOSEI_ERR_CONFIG, "'minus' は value: difference か sum_years のときだけ使います");
  s.from_year = year_setting(ctx, "from_year");
  s.to_year = year_setting(ctx, "to_year");
  if (s.formation == Formation::SumYears && (!s.from_year || !s.to_year))
    throw PluginError(SOSEI_ERR_CONFIG, "value: sum_years には合計する年の範囲 'from_year' と 'to_year' が要ります");
  if (s.from_year && s.to_year && *s.from_year > *s.to_year)
    throw PluginError(SOSEI_ERR_CONFIG, "'from_year'（" + std::to_string(*s.from_year) + "）が 'to_year'（" +
                                            std::to_string(*s.to_year) + "）より後です");
  s.base_url = ctx.string_setting("base_url");
  while (s.base_url.ends_with('/')) s.base_url.pop_back();
  s.replay_dir = ctx.string_setting("replay_dir");
  while (s.replay_dir.size() > 1 && s.replay_dir.ends_with('/')) s.replay_dir.pop_back();
  return s;
}

std::string read_app_id(const sosei::Context& ctx) {
  const std::string file = ctx.string_setting("app_id_file");
  const std::string env = ctx.string_setting("app_id_env");
  if (file.empty() == env.empty())
    throw PluginError(
        SOSEI_ERR_CONFIG,
        "e-Stat のアプリケーションIDの置き場所を 'app_id_file'（ファイル）か 'app_id_env'（環境変数の名前）"
        "のどちらか1つで指定してください。ID そのものは設定に書きません");
  std::string id;
  if (!file.empty()) {
    // Read here, not through the host: the host would fingerprint the file into the run record.
    std::ifstream in(file, std::ios::binary);
    if (!in)
      throw PluginError(SOSEI_ERR_CONFIG, "アプリケーションIDのファイル " + file +
                                              " を開けません。ファイルを置くか 'app_id_file' を直してください");
    std::getline(in, id);
    id = std::string(sosei::trim(id));
    if (id.empty()) throw PluginError(SOSEI_ERR_CONFIG, "アプリケーションIDのファイル " + file + " の1行目が空です");
  } else {
    const char* value = std::getenv(env.c_str());
    id = value ? std::string(sosei::trim(value)) : std::string();
    if (id.empty())
      throw PluginError(
          SOSEI_ERR_CONFIG,
          "環境変数 " + env + " にアプリケーションIDがありません。sosei を起動する環境で設定してください");
  }
  if (!std::all_of(id.begin(), id.end(),
                   [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
    throw PluginError(SOSEI_ERR_CONFIG, "アプリケーションIDに英数字以外の文字があります（" +
                                            (file.empty() ? "環境変数 " + env : "ファイル " + file) +
                                            "）。e-Stat で発行された ID だけを書いてください");
  return id;
}

std::string request_url(const Settings& s, const std::string& app_id, uint64_t start) {
  std::string url = s.base_url + "/getStatsData?appId=" + percent_encode(app_id);
  constexpr std::string_view kPath = "getStatsData?";
  url += "&" + request_description(s).substr(kPath.size());
  if (start > 1) url += "&startPosition=" + std::to_string(start);
  return url;
}

std::string replay_file(const Settings& s, uint64_t start) {
  return s.replay_dir + "/" + s.stats_data_id + (start > 1 ? "." + std::to_string(start) : std::string()) + ".json";
}

std::string request_description(const Settings& s) {
  std::string q = "getStatsData?lang=J&statsDataId=" + percent_encode(s.stats_data_id) + "&cdArea=" + s.area;
  for (const Filter& f : kFilters) {
    std::string codes;
    for (const auto& [id, code] : s.filters)
      if (id == f.id) codes = code;
    for (const auto& [id, code] : s.minus)
      if (id == f.id) codes += "," + code;
    if (!codes.empty()) q += std::string("&") + f.parameter + "=" + percent_encode(codes);
  }
  return q + "&metaGetFlg=Y&cntGetFlg=N&explanationGetFlg=N&annotationGetFlg=Y&sectionHeaderFlg=1&replaceSpChars=0";
}

}  // namespace estat
