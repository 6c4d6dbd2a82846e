// The rule check of an import run (quality_pass.hpp). One scan per series with rules, in the order of
// the store's key index (no sort): memory holds the newest values of each dimension set (a stop, a
// spot), the dimension values seen per year (completeness by dimension) and the findings, never the
// series.
#include "import/quality_pass.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "import/quality_rules.hpp"
#include "text/import_messages.hpp"

namespace sosei::import {
namespace {

std::string number_text(double v) { return Value::of(v).str(); }

std::string key_text(const store::ObservationKey& k) {
  std::string t = k.period.str();
  for (const auto& [name, value] : k.dimensions) t.append(" ").append(name).append("=").append(value);
  return t;
}

struct Finding {
  store::ObservationKey key;
  std::vector<store::FlagRaise> raised;
};

// The year a period belongs to: the fiscal year (April to March) of a month or day, the year of a
// fiscal or calendar year.
int fiscal_year_of(const Period& p) { return p.fiscal_year_of(); }

bool yearly(const Period& p) { return p.kind == PeriodKind::FiscalYear || p.kind == PeriodKind::CalendarYear; }

// How many earlier values the rules look at: the outlier's window, else the previous one.
std::size_t history_needed(const std::vector<config::Rule>& rules) {
  std::size_t n = 1;
  for (const auto& r : rules)
    if (r.kind == config::RuleKind::Outlier) n = std::max(n, static_cast<std::size_t>(r.window));
  return n;
}

// Dimension sets as hash keys: every stored value looks its set up.
struct DimensionsHash {
  std::size_t operator()(const store::Dimensions& d) const {
    std::size_t h = d.size();
    for (const auto& [name, value] : d) h = h * 31 + std::hash<std::string>{}(name)*7 + std::hash<std::string>{}(value);
    return h;
  }
};

class SeriesCheck {
 public:
  SeriesCheck(const std::string& series, std::vector<config::Rule> rules, store::Store& store, int64_t run_id)
      : series_(series), rules_(std::move(rules)), store_(store), run_id_(run_id), keep_(history_needed(rules_)) {
    for (const auto& f : store_.flags({series, true, std::nullopt})) open_.insert(key_text(f.key));
  }

  std::vector<Finding> run() {
    store_.scan_series(series_, [this](const store::StoredObservation& o) { see(o); });
    // In the order of the sets, so that flags are raised (and numbered) the same way every time.
    std::vector<const std::pair<const store::Dimensions, Group>*> sets;
    for (const auto& entry : groups_) sets.push_back(&entry);
    std::sort(sets.begin(), sets.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    for (const auto* entry : sets) end_group(entry->first, entry->second);
    check_dimensions();
    check_relations();
    return std::move(findings_);
  }

 private:
  // What the check remembers of one dimension set (a stop, a route, a spot) while the scan goes on.
  struct Group {
    ValueHistory history;       // its newest values, oldest first
    std::map<int, int> months;  // fiscal year → months with a value
    std::set<int> written_years;
    int latest_fy = 0;
    int last_seen_fy = 0;     // the year of the set's previous value: a new year is noted once
    int last_written_fy = 0;  // the same among this run's values
  };

  // The store gives each set's values in period order, the sets interleaved as its index has them.
  Group& group_of(const store::Dimensions& dimensions) {
    if (last_ && last_->first == dimensions) return last_->second;
    last_ = &*groups_.try_emplace(dimensions).first;
    return last_->second;
  }

  void see(const store::StoredObservation& o) {
    Group& g = group_of(o.key.dimensions);
    const int fy = fiscal_year_of(o.key.period);
    if (fy != g.last_seen_fy) {  // every year with a value has an entry, months or not
      g.last_seen_fy = fy;
      g.months.try_emplace(fy, 0);
    }
    if (o.key.period.kind == PeriodKind::Month) ++g.months[fy];
    g.latest_fy = std::max(g.latest_fy, fy);
    series_latest_fy_ = std::max(series_latest_fy_, fy);
    see_dimensions(o.key, fy);
    const bool ours = o.run_id == run_id_;
    if (ours && fy != g.last_written_fy) {  // the year written, and the year before, which it closes
      g.last_written_fy = fy;
      g.written_years.insert({fy - 1, fy});
      series_written_.insert({fy - 1, fy});
    }
    if (ours) {
      std::vector<store::FlagRaise> raised;
      if (o.data.value.is_number()) {
        raised = check_value(rules_, o.data.value.number, g.history);
        if (has_relation()) relations_.push_back({o.key, o.data.value.number, o.data.location});
      }
      for (auto& r : raised) r.location = o.data.location;
      record(o.key, std::move(raised));
    }
    if (o.data.value.is_number()) remember(g.history, o.data.value.number);
  }

  // Keeps the newest keep_ values (trimmed in steps, so a long series costs no shifting per value,
  // and a set holds at most about twice what the rules need).
  void remember(ValueHistory& history, double v) const {
    auto& earlier = history.earlier;
    earlier.push_back(v);
    if (earlier.size() >= 2 * keep_ + 16)
      earlier.erase(earlier.begin(), earlier.end() - static_cast<std::ptrdiff_t>(keep_));
  }

  // Completeness by dimension: which values of each rule's dimension appear in which year.
  void see_dimensions(const store::ObservationKey& key, int fy) {
    for (const config::Rule& rule : rules_) {
      if (rule.kind != config::RuleKind::Completeness || rule.dimension.empty()) continue;
      const auto it = key.dimensions.find(rule.dimension);
      if (it == key.dimensions.end()) continue;
      seen_[rule.dimension][fy].insert(it->second);
      year_kind_ = key.period.kind;
    }
  }

  // Every route (district, spot…) of the year before must be there again in a year the run wrote
  // or closed. A year is judged once it is complete: a yearly series' year always, a monthly or daily
  // series' year once a later year has values.
  void check_dimensions() {
    for (const config::Rule& rule : rules_) {
      if (rule.kind != config::RuleKind::Completeness || rule.dimension.empty()) continue;
      const auto& years = seen_[rule.dimension];
      for (int fy : series_written_) {
        if (!yearly(Period{year_kind_, fy, 0, 0}) && fy >= series_latest_fy_) continue;
        const auto before = years.find(fy - 1);
        if (before == years.end()) continue;
        const auto now = years.find(fy);
        const Period period =
            year_kind_ == PeriodKind::CalendarYear ? Period::calendar_year(fy) : Period::fiscal_year(fy);
        for (const std::string& value : before->second) {
          const store::ObservationKey key{series_, period, {{rule.dimension, value}}};
          if (now != years.end() && now->second.count(value)) {
            record(key, {});
            continue;
          }
          store::FlagRaise r = raise_of(rule);
          r.detail = rule.dimension + " " + value + " was there in " + std::to_string(fy - 1) + ", not in " +
                     std::to_string(fy);
          record(key, {r});
        }
      }
    }
  }

  // Completeness of months: a fiscal year this run wrote months of (or closed, by writing the next
  // year's first months), which the data have left behind (a later year has values), must have all
  // twelve.
  void end_group(const store::Dimensions& dimensions, const Group& g) {
    for (const config::Rule& rule : rules_) {
      if (rule.kind != config::RuleKind::Completeness || rule.months == 0) continue;
      if (std::all_of(g.months.begin(), g.months.end(), [](const auto& m) { return m.second == 0; }))
        continue;  // not a monthly series: twelve months do not apply
      for (int fy : g.written_years) {
        if (fy >= g.latest_fy) continue;  // still running
        const auto months = g.months.find(fy);
        if (months == g.months.end()) continue;  // no value that year (the series began later)
        const store::ObservationKey key{series_, Period::fiscal_year(fy), dimensions};
        const int have = months->second;
        if (have >= rule.months) {
          record(key, {});
          continue;
        }
        store::FlagRaise r = raise_of(rule);
        r.value = have;
        r.expected_min = rule.months;
        r.detail = std::to_string(have) + " of " + std::to_string(rule.months) + " months";
        record(key, {r});
      }
    }
  }

  bool has_relation() const {
    for (const auto& r : rules_)
      if (r.kind == config::RuleKind::Relation) return true;
    return false;
  }

  // Relations compare with another KPI's value of the same period (without dimensions): a lookup
  // per value, after the scan, for the few KPI series that declare one.
  void check_relations() {
    for (const auto& [key, value, location] : relations_) {
      std::vector<store::FlagRaise> raised;
      for (const config::Rule& rule : rules_) {
        if (rule.kind != config::RuleKind::Relation) continue;
        const auto other = store_.values({rule.other, key.period, store::Dimensions{}});
        if (other.empty() || !other[0].data.value.is_number()) continue;
        if (auto r = check_relation(rule, value, other[0].data.value.number)) {
          r->location = location;
          raised.push_back(*r);
        }
      }
      merge(key, std::move(raised));
    }
  }

  // Keeps what must be written: findings, and keys whose open flags may have to be cleared.
  void record(const store::ObservationKey& key, std::vector<store::FlagRaise> raised) {
    if (raised.empty() && (open_.empty() || !open_.count(key_text(key)))) return;
    findings_.push_back({key, std::move(raised)});
  }

  void merge(const store::ObservationKey& key, std::vector<store::FlagRaise> raised) {
    for (auto& f : findings_)
      if (f.key.period == key.period && f.key.dimensions == key.dimensions) {
        f.raised.insert(f.raised.end(), raised.begin(), raised.end());
        return;
      }
    record(key, std::move(raised));
  }

  struct Relation {
    store::ObservationKey key;
    double value;
    std::string location;
  };

  std::string series_;
  std::vector<config::Rule> rules_;
  store::Store& store_;
  int64_t run_id_;
  std::set<std::string> open_;  // keys with open flags
  std::size_t keep_;            // earlier values the rules need
  std::unordered_map<store::Dimensions, Group, DimensionsHash> groups_;
  std::pair<const store::Dimensions, Group>* last_ = nullptr;         // the set of the previous value
  std::map<std::string, std::map<int, std::set<std::string>>> seen_;  // dimension → year → values
  PeriodKind year_kind_ = PeriodKind::FiscalYear;
  std::set<int> series_written_;  // years the run wrote, over all dimension sets
  int series_latest_fy_ = 0;
  std::vector<Relation> relations_;
  std::vector<Finding> findings_;
};

}  // namespace

std::string finding_reason(const std::string& series, const store::FlagRaise& f, text::Lang lang) {
  using text::ImportMessages;
  using text::say;
  const std::string value = f.value ? say(lang, &ImportMessages::rule_value, number_text(*f.value))
                                    : say(lang, &ImportMessages::rule_no_value);
  const std::string expected =
      f.expected_min || f.expected_max
          ? say(lang, &ImportMessages::rule_expected, f.expected_min ? number_text(*f.expected_min) : std::string(),
                f.expected_max ? number_text(*f.expected_max) : std::string())
          : std::string();
  const std::string detail = f.detail.empty() ? std::string() : say(lang, &ImportMessages::rule_detail, f.detail);
  return say(lang, &ImportMessages::rule_finding, series, f.rule, value, expected, detail);
}

QualityOutcome check_quality(const config::AppConfig& config, const std::set<std::string>& series, store::Store& store,
                             store::ImportTransaction& run, config::OnBadRow policy) {
  QualityOutcome outcome;
  for (const std::string& name : series) {
    std::vector<config::Rule> rules = config.rules_for(name);
    if (rules.empty()) continue;
    // Written after the scan: the scan's statement must not see its own changes.
    for (const Finding& f : SeriesCheck(name, std::move(rules), store, run.run_id()).run()) {
      bool error = false;
      for (const auto& r : f.raised) {
        if (r.level != store::FlagLevel::Error) {
          ++outcome.warnings;
          continue;
        }
        error = true;
        ++outcome.errors;
        run.reject({r.location, finding_reason(name, r, config.lang)});
        if (policy == config::OnBadRow::Fail && outcome.stop_reason.empty())
          outcome.stop_reason = (r.location.empty() ? std::string() : r.location + ": ") +
                                finding_reason(name, r, config.lang) +
                                text::say(config.lang, &text::ImportMessages::how_to_go_on);
      }
      if (!outcome.stop_reason.empty()) return outcome;  // the run fails: nothing is stored
      if (error) run.withdraw(f.key);                    // rejected like a bad row; its flag stays open for follow-up
      run.set_flags(f.key, f.raised);
    }
  }
  return outcome;
}

}  // namespace sosei::import
