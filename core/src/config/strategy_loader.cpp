// strategy.yaml → Strategy: goals, measures, projects and KPIs, with targets checked and unit-derived
// bounds filled in (docs/config.md).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "common/identifiers.hpp"
#include "config/load.hpp"
#include "config/notation.hpp"
#include "config/rules_reader.hpp"
#include "config/yaml_reader.hpp"
#include "sosei/notation.hpp"

namespace sosei::config {
namespace {

using detail::Document;
using detail::fail;
using detail::MapReader;
using detail::Msg;
using detail::section;
using text::phrase;

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::optional<int> year(const MapReader& m, const std::string& key, bool required) {
  if (!m.has(key)) {
    if (required) m.missing(key);
    return std::nullopt;
  }
  const std::string text = detail::as_string(m.node(key), m.value_at(key));
  auto y = parse_year(text);
  if (!y) fail(m.value_at(key), phrase(&Msg::year_unreadable, text));
  return y;
}

// No KPI means a number this large (a city's budget in yen is ~1e11, Japan's GDP ~6e14): 1e308 or
// 1e20 is a typo or a test of the parser, and would turn ratios and sums into inf (docs/config.md).
constexpr double kMaxKpiMagnitude = 1e15;

std::optional<double> sensible(std::optional<double> v, const Location& where) {
  if (v && !(std::fabs(*v) <= kMaxKpiMagnitude))
    fail(where, phrase(&Msg::number_too_large, number_text(*v), number_text(kMaxKpiMagnitude)));
  return v;
}

// A value that is one number as YAML writes them (1e3, -2.5e16, 1e999, inf): the notation parser reads
// "1e308" as two numbers, 1 and 308, and would leave such a baseline without a number unnoticed.
std::optional<double> whole_number(const std::string& text) {
  double v = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, v);
  if (p != end || text.empty()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) return text.find("e-") == std::string::npos ? HUGE_VAL : 0.0;
  return ec == std::errc{} ? std::optional<double>(v) : std::nullopt;
}

// The KPI a stated value belongs to: its id and unit, and what the value is (target, baseline).
struct StatedFor {
  const std::string& id;
  const std::string& unit;
  const char* Msg::*what;
};

// The number of a stated value. One written as a value alone (「1,400人」, 「80%」, 「5.5万」) is read as
// the imports read the KPI's values (sosei::parse_value with its unit): 24万人 of a KPI in 万人 is 24,
// as its imported 19.9万人 is 19.9, and 1.2千件 of one in 件 is 1,200. It must be in the KPI's unit
// (sosei::fits_unit): 80% for a KPI kept as a ratio, 30件 for one counted in 人 or 5.5万 for one in
// 万人 would grade every year against a figure of another quantity. Free text (「5年間に40件」,
// 「前年度以上」) is the council's wording: its number is read from the words (parse_stated_number).
std::optional<double> stated_number(const std::string& text, const StatedFor& kpi, const Location& where) {
  const std::string_view units[] = {kpi.unit};
  const auto parsed = sosei::parse_value(text, units);
  if (parsed && parsed->kind == SOSEI_VALUE_NUMBER) {
    if (!sosei::fits_unit(text, *parsed, kpi.unit)) {
      if (kpi.unit.empty())
        fail(where, phrase(&Msg::stated_unit_no_unit, phrase(kpi.what), text, std::string(parsed->unit), kpi.id));
      fail(where, phrase(&Msg::stated_other_unit, phrase(kpi.what), text, kpi.id, kpi.unit));
    }
    return sensible(parsed->number, where);
  }
  const auto whole = whole_number(text);
  return sensible(whole ? whole : parse_stated_number(text), where);
}

// value (text or YAML number), an optional explicit number, the year and an optional window start.
StatedValue stated_value(const MapReader& m, const StatedFor& kpi) {
  StatedValue v;
  v.text = m.required_string("value");
  v.number = stated_number(v.text, kpi, m.value_at("value"));
  if (auto n = sensible(m.number("number"), m.value_at("number"))) {
    if (v.number && *v.number != *n)
      fail(m.value_at("number"), phrase(&Msg::number_contradicts, number_text(*n), v.text, number_text(*v.number)));
    v.number = n;
  }
  return v;
}

struct Context {
  const Document& doc;
  Strategy& strategy;
  std::map<std::string, Location> ids;  // KPI id → where first defined
  int goal_no = 0;
  std::string goal, measure, project;
  bool goal_level = false;
};

Target read_target(const Context& ctx, const YAML::Node& node, const Location& where, const StatedFor& kpi) {
  MapReader m(ctx.doc, node, where, phrase(&Msg::in_target), {"value", "number", "kind", "year", "from", "projection"});
  Target t;
  if (!m.has("kind")) m.missing("kind");
  auto kind = m.choice("kind", {"cumulative", "level", "stock", "rate", "at_least", "reach", "done", "vs_projection"});
  t.kind = *target_kind_from(*kind);
  t.value = stated_value(m, kpi);
  t.year = year(m, "year", false).value_or(ctx.strategy.last_year);
  t.value.year = t.year;
  t.value.from_year = year(m, "from", false);
  if (t.value.from_year && *t.value.from_year > t.year)
    fail(m.value_at("from"), phrase(&Msg::window_after_target, *t.value.from_year, t.year));
  if (t.kind != TargetKind::Done && !t.value.number)
    fail(m.value_at("value"), phrase(&Msg::target_no_number, t.value.text, *kind));
  if (t.kind == TargetKind::VsProjection) {
    if (!m.has("projection")) m.missing("projection");
    t.projection_text = m.required_string("projection");
    t.projection = stated_number(t.projection_text, kpi, m.value_at("projection"));  // in the target's unit
    if (!t.projection) fail(m.value_at("projection"), phrase(&Msg::projection_no_number, t.projection_text));
  } else if (m.has("projection")) {
    fail(m.key_at("projection"), phrase(&Msg::projection_only_vs));
  }
  return t;
}

StatedValue read_baseline(const Context& ctx, const YAML::Node& node, const Location& where, const StatedFor& kpi) {
  MapReader m(ctx.doc, node, where, phrase(&Msg::in_baseline), {"value", "number", "year", "from"});
  StatedValue v = stated_value(m, kpi);
  v.year = year(m, "year", true);
  v.from_year = year(m, "from", false);
  if (v.from_year && *v.from_year > *v.year)
    fail(m.value_at("from"), phrase(&Msg::window_after_baseline, *v.from_year, *v.year));
  return v;
}

void check_bounds(const Kpi& k, const std::optional<double>& v, const Location& where, const char* Msg::*what) {
  if (!v) return;
  if (k.min && *v < *k.min)
    fail(where, phrase(&Msg::below_min, phrase(what), number_text(*v), number_text(*k.min), k.id));
  if (k.max && *v > *k.max)
    fail(where, phrase(&Msg::above_max, phrase(what), number_text(*v), number_text(*k.max), k.id));
}

// "07-31" → July 31. Feb 29 is refused: a due date must exist every year.
std::optional<MonthDay> month_day(const MapReader& m, const std::string& key) {
  auto text = m.string(key);
  if (!text) return std::nullopt;
  static constexpr int kDays[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  MonthDay d;
  char dash = 0, extra = 0;
  if (std::sscanf(text->c_str(), "%2d%c%2d%c", &d.month, &dash, &d.day, &extra) != 3 || dash != '-' ||
      text->size() != 5 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month])
    fail(m.value_at(key), phrase(&Msg::month_day_expected, key, *text));
  return d;
}

// city_code: six digits whose check digit is right; a five-digit code or a typo is answered with the
// code it probably means, since a wrong code would file the city's data under another city.
std::optional<CityCode> city_code(const MapReader& m) {
  const auto text = m.string("city_code");
  if (!text) return std::nullopt;
  const CityCodeProblem problem = city_code_problem(*text);
  switch (problem.kind) {
    case CityCodeProblem::Kind::None:
      return CityCode::parse(*text);
    case CityCodeProblem::Kind::NotSixDigits:
      fail(m.value_at("city_code"), phrase(&Msg::city_code_not_six_digits, *text));
    case CityCodeProblem::Kind::FiveDigits:
      fail(m.value_at("city_code"), phrase(&Msg::city_code_five_digits, *text, problem.suggestion));
    case CityCodeProblem::Kind::WrongCheckDigit:
      fail(m.value_at("city_code"), phrase(&Msg::city_code_check_digit, *text, problem.suggestion));
  }
  return std::nullopt;
}

// decimals: 0 to 6; anything else (9, abc) is answered with the range, quoting what was written.
std::optional<int> read_decimals(const MapReader& m) {
  if (!m.has("decimals")) return std::nullopt;
  const std::string text = detail::as_string(m.node("decimals"), m.value_at("decimals"));
  int d = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc{} || end != text.data() + text.size() || d < 0 || d > 6)
    fail(m.value_at("decimals"), phrase(&Msg::decimals_range, text));
  return d;
}

// combine: {by: DIMENSION, rule: min|max|mean|sum|each, labels: {VALUE: LABEL, …}}
Combine read_combine(const Context& ctx, const YAML::Node& node, const Location& where) {
  MapReader m(ctx.doc, node, where, section("combine"), {"by", "rule", "labels"});
  Combine c;
  c.by = m.required_string("by");
  if (!is_identifier(c.by)) fail(m.value_at("by"), phrase(&Msg::dimension_name_chars, c.by));
  if (!m.has("rule")) m.missing("rule");
  c.rule = *combine_rule_from(*m.choice("rule", {"min", "max", "mean", "sum", "each"}));
  if (m.has("labels")) {
    const YAML::Node labels = m.node("labels");
    const Location at = m.value_at("labels");
    if (!labels.IsMap()) fail(at, phrase(&Msg::labels_not_map));
    for (const auto& kv : labels) {
      const std::string part = detail::as_string(kv.first, ctx.doc.at(kv.first, at));
      const std::string label = detail::as_string(kv.second, ctx.doc.at(kv.second, ctx.doc.at(kv.first, at)));
      for (const auto& [seen, _] : c.labels)
        if (seen == part) fail(ctx.doc.at(kv.first, at), phrase(&Msg::label_part_twice, part));
      c.labels.emplace_back(part, label);
    }
  }
  return c;
}

// indicator: ID, or {id: ID, numerator: SERIES, denominator: SERIES} for a ratio the hub sums up.
IndicatorLink read_indicator(const Context& ctx, const YAML::Node& node, const Location& where) {
  IndicatorLink link;
  link.where = where;
  if (node.IsScalar()) {
    link.id = detail::as_string(node, where);
  } else {
    MapReader m(ctx.doc, node, where, section("indicator"), {"id", "numerator", "denominator"});
    link.id = m.required_string("id");
    link.numerator = m.string("numerator").value_or("");
    link.denominator = m.string("denominator").value_or("");
    if (link.numerator.empty() != link.denominator.empty())
      fail(m.key_at(link.numerator.empty() ? "denominator" : "numerator"), phrase(&Msg::indicator_half_ratio));
    for (const char* key : {"numerator", "denominator"})
      if (m.has(key) && !is_identifier(m.required_string(key)))
        fail(m.value_at(key), phrase(&Msg::indicator_series_chars, m.required_string(key)));
  }
  if (!is_identifier(link.id)) fail(where, phrase(&Msg::indicator_id_chars, link.id));
  return link;
}

void read_kpi(Context& ctx, const YAML::Node& node, const Location& where) {
  MapReader m(ctx.doc, node, where, phrase(&Msg::in_kpi),
              {"id",
               "name",
               "name_en",
               "unit",
               "period_type",
               "publication_lag_months",
               "department",
               "baseline",
               "target",
               "direction",
               "formula",
               "min",
               "max",
               "entered_by_hand",
               "note",
               "data_due",
               "allow_negative",
               "combine",
               "decimals",
               "display",
               "rules",
               "indicator"});
  Kpi k;
  k.where = m.where();
  k.id = m.required_string("id");
  if (!is_identifier(k.id)) fail(m.value_at("id"), phrase(&Msg::kpi_id_chars, k.id));
  if (auto first = ctx.ids.find(k.id); first != ctx.ids.end())
    fail(m.value_at("id"), phrase(&Msg::kpi_id_twice, k.id, first->second.str()));
  ctx.ids.emplace(k.id, k.where);

  k.name_ja = m.required_string("name");
  k.name_en = m.string("name_en").value_or("");
  if (ctx.goal_level) {
    k.department = m.string("department").value_or("");
  } else {
    k.department = m.required_string("department");
  }
  if (auto p = m.choice("period_type", {"fiscal_year", "calendar_year"}))
    k.period_type = *p == "fiscal_year" ? PeriodType::FiscalYear : PeriodType::CalendarYear;
  if (auto lag = m.integer("publication_lag_months")) {
    if (*lag < 0 || *lag > 120) fail(m.value_at("publication_lag_months"), phrase(&Msg::publication_lag_range));
    k.publication_lag_months = *lag;
  }
  // Optional: a bare number (合計特殊出生率 1.43) has none, and none is shown. Read first: the baseline
  // and target are read in it.
  k.unit = m.string("unit").value_or("");
  if (!m.has("baseline")) m.missing("baseline");
  k.baseline = read_baseline(ctx, m.node("baseline"), m.value_at("baseline"), {k.id, k.unit, &Msg::what_baseline});
  if (!m.has("target")) m.missing("target");
  k.target = read_target(ctx, m.node("target"), m.value_at("target"), {k.id, k.unit, &Msg::what_target});
  if (auto d = m.choice("direction", {"higher", "lower"}))
    k.direction = *d == "higher" ? Direction::HigherIsBetter : Direction::LowerIsBetter;
  if (auto f = m.choice("formula", {"ratio", "progress"}))
    k.formula = *f == "ratio" ? Formula::Ratio : Formula::Progress;
  if (k.formula == Formula::Progress && !k.baseline.number)
    fail(m.value_at("formula"), phrase(&Msg::progress_needs_baseline));
  k.entered_by_hand = m.boolean("entered_by_hand").value_or(false);
  k.note = m.string("note").value_or("");
  k.data_due = month_day(m, "data_due");

  k.min = sensible(m.number("min"), m.value_at("min"));
  k.max = sensible(m.number("max"), m.value_at("max"));
  k.allow_negative = m.boolean("allow_negative").value_or(false);
  if (k.allow_negative && m.has("min")) fail(m.key_at("allow_negative"), phrase(&Msg::allow_negative_and_min));
  // Values are not negative unless the KPI says so (allow_negative, min) or is a difference by kind
  // (vs_projection); whatever the unit is (件, 組, 校, none). A % is at most 100.
  if (k.target.kind != TargetKind::VsProjection && k.direction == Direction::HigherIsBetter) {
    if (!m.has("min") && !k.allow_negative) k.min = 0;
    if (k.unit == "%" && !m.has("max")) k.max = 100;
  }
  if (m.has("combine")) {
    k.combine = read_combine(ctx, m.node("combine"), m.value_at("combine"));
    if (k.target.kind == TargetKind::Done) fail(m.key_at("combine"), phrase(&Msg::done_has_no_parts));
  }
  if (k.min && k.max && *k.min > *k.max) fail(m.value_at("max"), phrase(&Msg::max_below_min));
  const MapReader target(ctx.doc, m.node("target"), m.value_at("target"), phrase(&Msg::in_target), {});
  check_bounds(k, k.target.value.number, target.value_at("value"), &Msg::what_target);
  const MapReader baseline(ctx.doc, m.node("baseline"), m.value_at("baseline"), phrase(&Msg::in_baseline), {});
  check_bounds(k, k.baseline.number, baseline.value_at("value"), &Msg::what_baseline);

  const std::optional<int> decimals = read_decimals(m);
  const std::string display = m.string("display").value_or("");
  const auto rule = text::display_rule(k.unit, decimals, display);
  if (!rule)
    fail(m.value_at("display"), phrase(&Msg::display_not_a_scale, display, k.unit, k.unit, k.unit, k.unit, k.unit));
  k.shown = *rule;
  k.rules = detail::read_rules(ctx.doc, m, "rules", nullptr);
  if (m.has("indicator")) k.indicator = read_indicator(ctx, m.node("indicator"), m.value_at("indicator"));

  k.goal_no = ctx.goal_no;
  k.goal = ctx.goal;
  k.measure = ctx.measure;
  k.project = ctx.project;
  k.goal_level = ctx.goal_level;
  ctx.strategy.kpis.push_back(std::move(k));
}

void read_kpis(Context& ctx, const MapReader& owner, const std::string& key, std::vector<std::string>& ids) {
  for (const auto& [node, where] : owner.list(key)) {
    read_kpi(ctx, node, where);
    ids.push_back(ctx.strategy.kpis.back().id);
  }
}

void read_goal(Context& ctx, const YAML::Node& node, const Location& where, std::map<int, Location>& numbers) {
  MapReader g(ctx.doc, node, where, phrase(&Msg::in_goal), {"no", "name", "numeric_targets", "measures"});
  Goal goal;
  if (!g.has("no")) g.missing("no");
  goal.no = *g.integer("no");
  if (goal.no < 1) fail(g.value_at("no"), phrase(&Msg::goal_number_min));
  if (auto first = numbers.find(goal.no); first != numbers.end())
    fail(g.value_at("no"), phrase(&Msg::goal_number_twice, goal.no, first->second.str()));
  numbers.emplace(goal.no, g.value_at("no"));
  goal.name = g.required_string("name");
  ctx.goal_no = goal.no;
  ctx.goal = goal.name;

  for (const auto& [mnode, mwhere] : g.list("measures")) {
    MapReader m(ctx.doc, mnode, mwhere, phrase(&Msg::in_measure), {"name", "projects", "kpis"});
    ctx.measure = m.required_string("name");
    ctx.goal_level = false;
    for (const auto& [pnode, pwhere] : m.list("projects")) {
      MapReader p(ctx.doc, pnode, pwhere, phrase(&Msg::in_project), {"name", "kpis"});
      ctx.project = p.required_string("name");
      read_kpis(ctx, p, "kpis", goal.kpi_ids);
    }
    ctx.project.clear();
    read_kpis(ctx, m, "kpis", goal.kpi_ids);
  }
  ctx.measure.clear();
  ctx.goal_level = true;
  read_kpis(ctx, g, "numeric_targets", goal.numeric_target_ids);
  ctx.goal_level = false;
  ctx.strategy.goals.push_back(std::move(goal));
}

}  // namespace

Strategy load_strategy(const std::string& path) {
  Document doc(path, path);
  MapReader top(doc, doc.root(), doc.start_location(), phrase(&Msg::in_strategy_file), {"strategy", "goals"});
  Strategy s;
  if (!top.has("strategy")) top.missing("strategy");
  MapReader head(doc, top.node("strategy"), top.value_at("strategy"), section("strategy"),
                 {"name", "city", "city_code", "period", "history_from", "data_due"});
  s.name = head.required_string("name");
  s.city = head.required_string("city");
  s.city_code = city_code(head);
  if (!head.has("period")) head.missing("period");
  MapReader period(doc, head.node("period"), head.value_at("period"), section("period"), {"from", "to"});
  s.first_year = *year(period, "from", true);
  s.last_year = *year(period, "to", true);
  if (s.first_year > s.last_year) fail(period.value_at("to"), phrase(&Msg::period_reversed));
  s.data_due = month_day(head, "data_due");

  if (!top.has("goals")) top.missing("goals");
  auto goals = top.list("goals");
  if (goals.empty()) fail(top.value_at("goals"), phrase(&Msg::goals_empty));
  Context ctx{doc, s, {}, 0, {}, {}, {}, false};
  std::map<int, Location> numbers;
  for (const auto& [node, where] : goals) read_goal(ctx, node, where, numbers);

  if (auto h = year(head, "history_from", false)) {
    if (*h > s.first_year) fail(head.value_at("history_from"), phrase(&Msg::history_after_start));
    s.history_from = *h;
  } else {
    s.history_from = s.first_year;
    // A multi-year baseline (△1305人 for H27→R2) is made of the years from its `from` on.
    for (const auto& k : s.kpis)
      if (auto oldest = k.baseline.from_year ? k.baseline.from_year : k.baseline.year)
        s.history_from = std::min(s.history_from, *oldest);
  }
  for (auto& k : s.kpis)
    if (!k.data_due) k.data_due = s.data_due;
  for (const auto& k : s.kpis)  // a relation may name a KPI defined further down
    for (const auto& r : k.rules)
      if (r.kind == RuleKind::Relation && !s.find_kpi(r.other))
        fail(r.where, phrase(&text::ConfigMessages::rule_unknown_kpi, r.other));
  return s;
}

}  // namespace sosei::config
