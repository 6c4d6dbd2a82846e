// The rule check of an import run (quality_pass.hpp). One scan per series with rules, one
// dimension set at a time: memory holds one set's history and the findings, never the series.
#include "import/quality_pass.hpp"

#include <map>
#include <optional>

#include "import/quality_rules.hpp"

namespace sosei::import {
namespace {

std::string number_text(double v) { return Value::of(v).str(); }

std::string key_text(const store::ObservationKey& k) {
  std::string t = k.period.str();
  for (const auto& [name, value] : k.dimensions) t += " " + name + "=" + value;
  return t;
}

struct Finding {
  store::ObservationKey key;
  std::vector<store::FlagRaise> raised;
};

// The fiscal year a monthly period belongs to (April to March).
int fiscal_year_of(const Period& p) { return p.kind == PeriodKind::Month ? p.fiscal_year_of() : p.year; }

class SeriesCheck {
 public:
  SeriesCheck(const std::string& series, std::vector<config::Rule> rules, store::Store& store, int64_t run_id)
      : series_(series), rules_(std::move(rules)), store_(store), run_id_(run_id) {
    for (const auto& f : store_.flags({series, true, std::nullopt})) open_.insert(key_text(f.key));
  }

  std::vector<Finding> run() {
    store_.scan_series(series_, [this](const store::StoredObservation& o) { see(o); });
    end_group();
    check_relations();
    return std::move(findings_);
  }

 private:
  void see(const store::StoredObservation& o) {
    if (!group_ || o.key.dimensions != group_->dimensions) {
      end_group();
      group_ = store::ObservationKey{series_, o.key.period, o.key.dimensions};
    }
    months_[fiscal_year_of(o.key.period)] += o.key.period.kind == PeriodKind::Month ? 1 : 0;
    latest_fy_ = std::max(latest_fy_, fiscal_year_of(o.key.period));
    const bool ours = o.run_id == run_id_;
    if (ours) written_years_.insert(fiscal_year_of(o.key.period));
    if (ours) {
      std::vector<store::FlagRaise> raised;
      if (o.data.value.is_number()) {
        raised = check_value(rules_, o.data.value.number, history_);
        if (has_relation()) relations_.push_back({o.key, o.data.value.number, o.data.location});
      }
      for (auto& r : raised) r.location = o.data.location;
      record(o.key, std::move(raised));
    }
    if (o.data.value.is_number()) history_.earlier.push_back(o.data.value.number);
  }

  // Completeness of months: a fiscal year this run wrote months of, which the data have left behind
  // (a later year has values), must have all twelve.
  void end_group() {
    if (!group_) return;
    for (const config::Rule& rule : rules_) {
      if (rule.kind != config::RuleKind::Completeness || rule.months == 0) continue;
      for (int fy : written_years_) {
        if (fy >= latest_fy_) continue;  // still running
        const int have = months_[fy];
        if (have >= rule.months) {
          record(year_key(fy), {});
          continue;
        }
        store::FlagRaise r = raise_of(rule);
        r.value = have;
        r.expected_min = rule.months;
        r.detail = std::to_string(have) + " of " + std::to_string(rule.months) + " months";
        record(year_key(fy), {r});
      }
    }
    history_.earlier.clear();
    months_.clear();
    written_years_.clear();
    latest_fy_ = 0;
    group_.reset();
  }

  store::ObservationKey year_key(int fy) const {
    return store::ObservationKey{series_, Period::fiscal_year(fy), group_->dimensions};
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
    if (raised.empty() && !open_.count(key_text(key))) return;
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
  std::optional<store::ObservationKey> group_;
  ValueHistory history_;
  std::map<int, int> months_;
  std::set<int> written_years_;
  int latest_fy_ = 0;
  std::vector<Relation> relations_;
  std::vector<Finding> findings_;
};

}  // namespace

std::string finding_reason(const std::string& series, const store::FlagRaise& f) {
  std::string text = "rule " + f.rule + " of " + series + ": ";
  text += f.value ? "value " + number_text(*f.value) : std::string("no value");
  if (f.expected_min || f.expected_max)
    text += ", expected " + (f.expected_min ? number_text(*f.expected_min) : std::string()) + "–" +
            (f.expected_max ? number_text(*f.expected_max) : std::string());
  if (!f.detail.empty()) text += " (" + f.detail + ")";
  return text;
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
        run.reject({r.location, finding_reason(name, r)});
        if (policy == config::OnBadRow::Fail && outcome.stop_reason.empty())
          outcome.stop_reason = (r.location.empty() ? std::string() : r.location + ": ") + finding_reason(name, r) +
                                " (fix the input, or set on_bad_row: skip on the source to skip such rows)";
      }
      if (!outcome.stop_reason.empty()) return outcome;  // the run fails: nothing is stored
      if (error) run.withdraw(f.key);                    // rejected like a bad row; its flag stays open for follow-up
      run.set_flags(f.key, f.raised);
    }
  }
  return outcome;
}

}  // namespace sosei::import
