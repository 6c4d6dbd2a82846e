// The disaster_coverage plugin (防災対策課): 自主防災組織カバー世帯率 per fiscal year from the households
// register and the roster of voluntary disaster-prevention organizations, plus each district's
// households and covered flag for the dashboard's drill-down.
#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <array>
#include <set>

#include "coverage.hpp"
#include "register.hpp"
#include "roster.hpp"
#include "table_input.hpp"

namespace disaster_coverage {
namespace {

// 17500 → "17,500", as the city's tables write household counts.
std::string grouped(uint64_t n) {
  std::string digits = std::to_string(n);
  for (auto at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

constexpr std::array<sosei_setting_spec, 18> kSettings{{
    {"households_file", SOSEI_SETTING_PATH, 0, nullptr,
     "地区別の世帯数の表（行政区コード、行政区名、世帯数 [、年度 または 基準日]）、または"
     "自治体標準オープンデータセットの「地域・年齢別人口」（公開されたままの形で可）。CSV、TSV、XLSX。"
     "ダウンロードするときは代わりに households_url を設定します"},
    {"households_url", SOSEI_SETTING_URL, 0, nullptr,
     "households_file の代わりに、この URL から世帯数の表をダウンロードします"},
    {"roster_file", SOSEI_SETTING_PATH, 0, nullptr,
     "自主防災組織の名簿（組織名、行政区コード、結成日 [、解散日]）。CSV、TSV、XLSX。"
     "ダウンロードするときは代わりに roster_url を設定します"},
    {"roster_url", SOSEI_SETTING_URL, 0, nullptr, "roster_file の代わりに、この URL から名簿をダウンロードします"},
    {"encoding", SOSEI_SETTING_STRING, 0, "auto",
     "両方のファイルの文字コード: auto（UTF-8 か CP932 かを自動で判定。UTF-8 の BOM はあってもなくても可）、utf-8、"
     "cp932"},
    {"households_sheet", SOSEI_SETTING_STRING, 0, "",
     "世帯数の表が XLSX のとき読むシートの名前（省略時: 最初のシート）"},
    {"roster_sheet", SOSEI_SETTING_STRING, 0, "", "名簿が XLSX のとき読むシートの名前（省略時: 最初のシート）"},
    {"fiscal_years", SOSEI_SETTING_STRING, 0, "",
     "計算する年度（例: 2023,2025 や R5,R7。省略時: 世帯数の表にあるすべての年度）。世帯数の表に 年度 や 基準日 の"
     "列がないときは必須で、年度を1つだけ書きます"},
    {"reference_date", SOSEI_SETTING_STRING, 0, "04-01",
     "各年度で組織を数える基準の月日（消防庁の調査は4月1日）。表に 基準日 の列があれば、その日付を使います"},
    {"households_check", SOSEI_SETTING_STRING, 0, "warn",
     "合計 の行が地区の世帯数の合計と合わないとき: warn（警告して続ける）または fail（誤りのある行とする）"},
    {"city_code", SOSEI_SETTING_STRING, 0, "",
     "市の全国地方公共団体コード（40227 または 402273）。世帯数の表にある、ほかの市区町村の行は読み飛ばします"},
    {"district_code_column", SOSEI_SETTING_STRING, 0, "",
     "世帯数の表: 地区コードの列（省略時: 行政区コード、地区コード、地域コード など。なくても可）"},
    {"district_name_column", SOSEI_SETTING_STRING, 0, "",
     "世帯数の表: 地区名の列（省略時: 行政区名、行政区、地区名、地域名 など）"},
    {"households_column", SOSEI_SETTING_STRING, 0, "", "世帯数の表: 世帯数の列（省略時: 世帯数）"},
    {"year_column", SOSEI_SETTING_STRING, 0, "", "世帯数の表: 年度の列（省略時: 年度。なくても可）"},
    {"date_column", SOSEI_SETTING_STRING, 0, "",
     "世帯数の表: 数えた日付の列（省略時: 基準日、調査年月日 のいずれか。なくても可）"},
    {"city_code_column", SOSEI_SETTING_STRING, 0, "",
     "世帯数の表: 市区町村コードの列（省略時: 全国地方公共団体コード。なくても可）"},
    {"districts_column", SOSEI_SETTING_STRING, 0, "",
     "名簿: 各組織が受け持つ地区のコードか名前の列（省略時: 行政区コード、対象行政区、対象地域、地域名 など）"},
}};

constexpr std::array<sosei_series_spec, 4> kSeries{{
    {"disaster_coverage", "%", "KPI: 活動中の自主防災組織のある地区の世帯数 ÷ 全世帯数 × 100（丸めない値）"},
    {"district_households", "世帯", "地区ごとの世帯数（内訳 district（コード）、district_name、covered（yes/no））"},
    {"covered_households", "世帯", "活動中の自主防災組織のある地区の世帯数"},
    {"total_households", "世帯", "世帯数の表にある全世帯数"},
}};

// What the report and dashboard show for the series, the district dimensions and the coverage flag.
constexpr std::array<sosei_display_name, 9> kNames{{
    sosei::series_name("disaster_coverage", "自主防災組織カバー世帯率",
                       "Households covered by disaster-prevention organizations"),
    sosei::series_name("district_households", "世帯数", "Households"),
    sosei::series_name("covered_households", "カバー世帯数", "Covered households"),
    sosei::series_name("total_households", "総世帯数", "All households"),
    sosei::dimension_name("district", "地区コード", "District code"),
    sosei::dimension_name("district_name", "地区", "District"),
    sosei::dimension_name("covered", "自主防災組織", "Disaster-prevention organization"),
    sosei::value_name("covered", "yes", "活動あり", "Active"),
    sosei::value_name("covered", "no", "活動なし", "None"),
}};

constexpr std::string_view kKpi = "disaster_coverage";

std::vector<int32_t> parse_fiscal_years(const std::string& text) {
  std::vector<int32_t> years;
  for (auto part : split_codes(text)) {
    std::string why;
    auto period = sosei::parse_period(part, SOSEI_PERIOD_FISCAL_YEAR, &why);
    if (!period || period->kind != SOSEI_PERIOD_FISCAL_YEAR)
      throw sosei::PluginError(SOSEI_ERR_CONFIG,
                               "設定 'fiscal_years' の「" + std::string(part) +
                                   "」は年度として読めません。2025、FY2025、R7、令和7年度 のように書いてください" +
                                   (why.empty() ? "" : "（" + why + "）"));
    years.push_back(period->year);
  }
  return years;
}

// Runs `read` (which reads the file `name`) and gives a CSV error the file's name: CsvError knows
// only the line ("line 9: the input ends in the middle of this record …").
template <class Read>
auto naming_file(const std::string& name, Read&& read) {
  try {
    return read();
  } catch (const sosei::CsvError& e) {
    throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": " + e.what());
  }
}

std::string year_list(const std::map<int32_t, YearRegister>& years) {
  std::string out;
  for (const auto& [fy, _] : years) out += (out.empty() ? "" : "、") + std::to_string(fy);
  return out.empty() ? "なし" : out;
}

sosei_period fiscal_year(int32_t fy) { return sosei_period{SOSEI_PERIOD_FISCAL_YEAR, fy, 0, 0}; }

class DisasterCoverage : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"disaster_coverage",
            "1.0.0",
            "防災対策課",
            "自主防災組織カバー世帯率: 活動中の自主防災組織がある地区の世帯数 ÷ 全世帯数（年度ごと、4月1日時点）。"
            "地区別の世帯数の表と組織の名簿から計算します",
            kSettings,
            kSeries,
            kNames};
  }

  void run(sosei::Context& ctx) override {
    const std::string encoding = ctx.string_setting("encoding");
    const std::vector<int32_t> wanted = parse_fiscal_years(ctx.string_setting("fiscal_years"));
    RegisterOptions options;
    const std::string month_day = ctx.string_setting("reference_date");
    auto md = parse_month_day(month_day.empty() ? "04-01" : month_day);
    if (!md)
      throw sosei::PluginError(SOSEI_ERR_CONFIG,
                               "設定 'reference_date' の「" + month_day +
                                   "」は月日として読めません。04-01、4/1、4月1日 のように書いてください");
    options.reference_month_day = *md;
    options.columns = {ctx.string_setting("district_code_column"), ctx.string_setting("district_name_column"),
                       ctx.string_setting("households_column"),    ctx.string_setting("year_column"),
                       ctx.string_setting("date_column"),          ctx.string_setting("city_code_column")};
    options.city_code = ctx.string_setting("city_code");
    const std::string check = ctx.string_setting("households_check");
    if (check != "warn" && check != "fail")
      throw sosei::PluginError(
          SOSEI_ERR_CONFIG,
          "設定 'households_check' は warn か fail のどちらかにしてください（いまは「" + check + "」）");

    // Both inputs are opened before either is read: only when neither changed is the run unchanged.
    TableInput households = TableInput::open(ctx, "households", encoding, ctx.string_setting("households_sheet"));
    TableInput roster = TableInput::open(ctx, "roster", encoding, ctx.string_setting("roster_sheet"));
    if (households.unchanged() && roster.unchanged()) {
      ctx.info("世帯数の表も自主防災組織の名簿も、前回の取り込みから変わっていません");
      throw sosei::RunStopped(SOSEI_UNCHANGED);
    }
    households.require_text();
    roster.require_text();

    std::map<int32_t, YearRegister> years = naming_file(households.name(), [&] {
      return read_register(ctx, households, households.name(), with_year(options, wanted));
    });
    DistrictIndex known;
    for (const auto& [fy, year] : years)
      for (const auto& d : year.districts) known.add(d);
    const std::vector<Organization> organizations = naming_file(roster.name(), [&] {
      return read_roster(ctx, roster, roster.name(), known, households.name(), ctx.string_setting("districts_column"));
    });

    std::set<int32_t> selected(wanted.begin(), wanted.end());
    if (selected.empty())
      for (const auto& [fy, _] : years) selected.insert(fy);
    if (selected.empty())
      throw sosei::PluginError(
          SOSEI_ERR_INPUT,
          households.name() +
              ": 地区の行を1行も読み取れませんでした。見出しの下に地区ごとの行があるか確かめてください");
    for (int32_t fy : selected) {
      auto it = years.find(fy);
      if (it == years.end() || it->second.districts.empty())
        throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'fiscal_years' の " + std::to_string(fy) +
                                                       "年度の地区の行が " + households.name() +
                                                       " にありません（この表にある年度: " + year_list(years) +
                                                       "）。fiscal_years を直してください");
      emit_year(ctx, it->second, organizations, households.name(), check == "fail");
    }
    households.remember(ctx);
    roster.remember(ctx);
  }

 private:
  static RegisterOptions with_year(RegisterOptions options, const std::vector<int32_t>& wanted) {
    if (wanted.size() == 1) options.fiscal_year = wanted.front();
    return options;
  }

  static void emit_year(const sosei::Context& ctx, const YearRegister& year,
                        const std::vector<Organization>& organizations, const std::string& file, bool strict_total) {
    const Coverage c = compute_coverage(year.districts, organizations, year.reference_date);
    if (c.total_households == 0)
      throw sosei::PluginError(SOSEI_ERR_INPUT, file + ": " + std::to_string(year.fiscal_year) +
                                                    "年度の世帯数の合計が 0 のため、カバー率を計算できません。"
                                                    "世帯数の列を確かめてください");
    if (year.stated_total && *year.stated_total != c.total_households) {
      const std::string why = "合計の行は " + std::to_string(*year.stated_total) + " 世帯ですが、各地区を足すと " +
                              std::to_string(c.total_households) +
                              " 世帯です。合計の行か各地区の世帯数を確かめてください";
      if (strict_total)
        ctx.reject(file, year.stated_total_line, why);
      else
        ctx.warn(file + ":" + std::to_string(year.stated_total_line) + ": " + why);
    }

    const sosei_period period = fiscal_year(year.fiscal_year);
    for (std::size_t i = 0; i < year.districts.size(); ++i) {
      const District& d = year.districts[i];
      const std::array<sosei_dimension, 3> dims{sosei::dimension("district", d.code.empty() ? d.name : d.code),
                                                sosei::dimension("district_name", d.name),
                                                sosei::dimension("covered", c.covered[i] ? "yes" : "no")};
      sosei::Observation o;
      o.series = "district_households";
      o.period = period;
      o.dimensions = dims;
      o.number = static_cast<double>(d.households);
      o.file = file;
      o.line = d.line;
      ctx.emit(o);
    }

    const Date& on = year.reference_date;
    const std::string note = std::to_string(on.year) + "年" + std::to_string(on.month) + "月" + std::to_string(on.day) +
                             "日現在、全 " + grouped(c.total_households) + " 世帯のうち自主防災組織のある地区に " +
                             grouped(c.covered_households) + " 世帯";
    auto emit_total = [&](std::string_view series, double value, std::string_view text) {
      sosei::Observation o;
      o.series = series;
      o.period = period;
      o.number = value;
      o.note = text;
      o.file = file;
      ctx.emit(o);
    };
    emit_total("covered_households", static_cast<double>(c.covered_households), {});
    emit_total("total_households", static_cast<double>(c.total_households), {});
    emit_total(kKpi, c.percent(), note);
  }
};

}  // namespace
}  // namespace disaster_coverage

SOSEI_PLUGIN(disaster_coverage::DisasterCoverage)
