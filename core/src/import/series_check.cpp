// The rules of one series over its values (series_check.hpp).
#include "import/series_check.hpp"

#include <algorithm>

namespace sosei::import {
namespace {

std::string key_text(const store::ObservationKey& k) {
  std::string t = k.period.str();
  for (const auto& [name, value] : k.dimensions) t.append(" ").append(name).append("=").append(value);
  return t;
}

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

// The window the sorted history is kept for: the first outlier rule's (0: no outlier rule).
std::size_t outlier_window(const std::vector<config::Rule>& rules) {
  for (const auto& r : rules)
    if (r.kind == config::RuleKind::Outlier) return static_cast<std::size_t>(r.window);
  return 0;
}

bool any_rule(const std::vector<config::Rule>& rules, bool (*what)(const config::Rule&)) {
  return std::any_of(rules.begin(), rules.end(), what);
}

}  // namespace

std::size_t SeriesCheck::DimensionsHash::operator()(const store::Dimensions& d) const {
  std::size_t h = d.size();
  for (const auto& [name, value] : d) h = h * 31 + std::hash<std::string>{}(name)*7 + std::hash<std::string>{}(value);
  return h;
}

SeriesCheck::SeriesCheck(std::string series, std::vector<config::Rule> rules, store::Store& store, int64_t run_id)
    : series_(std::move(series)),
      rules_(std::move(rules)),
      store_(store),
      run_id_(run_id),
      keep_(history_needed(rules_)),
      window_(outlier_window(rules_)),
      has_relation_(any_rule(rules_, [](const config::Rule& r) { return r.kind == config::RuleKind::Relation; })),
      by_dimension_(any_rule(rules_, [](const config::Rule& r) {
        return r.kind == config::RuleKind::Completeness && !r.dimension.empty();
      })) {
  for (const auto& f : store_.flags({series_, true, std::nullopt})) open_.insert(key_text(f.key));
}

std::vector<Finding> SeriesCheck::judge_stored() {
  store_.scan_series(series_, [this](const store::StoredObservation& o) {
    see(group_of(o.key.dimensions), o.key, o.data, o.run_id == run_id_);
  });
  return finish();
}

bool SeriesCheck::see_streamed(const store::ObservationKey& key, const store::ObservationData& data) {
  Group& g = group_of(key.dimensions);
  // The order the store's scan gives: one kind of period per set, each later than the one before.
  if (g.any && (key.period.kind != g.last.kind || !(g.last < key.period))) return false;
  g.any = true;
  g.last = key.period;
  see(g, key, data, true);
  return true;
}

std::vector<Finding> SeriesCheck::finish() {
  // In the order of the sets, so that flags are raised (and numbered) the same way every time.
  std::vector<const std::pair<const store::Dimensions, Group>*> sets;
  sets.reserve(groups_.size());
  for (const auto& entry : groups_) sets.push_back(&entry);
  std::sort(sets.begin(), sets.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* entry : sets) end_group(entry->first, entry->second);
  check_dimensions();
  check_relations();
  return std::move(findings_);
}

// The values come set by set in period order, the sets interleaved and visited in the same order
// each period: the previous value's set, or the set that followed it last time, is found without a
// hash lookup (three cache misses per value over thousands of stops, the rules' main cost).
SeriesCheck::Group& SeriesCheck::group_of(const store::Dimensions& dimensions) {
  if (last_ && last_->first == dimensions) return last_->second;
  std::pair<const store::Dimensions, Group>* found = last_ ? last_->second.next : nullptr;
  if (!found || found->first != dimensions) {
    found = &*groups_.try_emplace(dimensions).first;
    if (last_) last_->second.next = found;
  }
  last_ = found;
  prefetch_next(found->second);
  return found->second;
}

// Asks the memory for what the likely next set's value will read (its key, its newest values and
// its sorted window) while this value is judged and stored: the sets of a day no longer fit in
// the cache by the next day. The set after it is fetched one value earlier, so that reading where
// the next one's data lie does not wait.
void SeriesCheck::prefetch_next(const Group& g) {
  const auto prefetch = [](const void* at, std::size_t bytes) {
    for (std::size_t offset = 0; offset < bytes; offset += 64)
      __builtin_prefetch(static_cast<const char*>(at) + offset);
  };
  const auto* next = g.next;
  if (!next) return;
  if (next->second.next) prefetch(next->second.next, sizeof(*next->second.next));
  if (!next->first.empty()) __builtin_prefetch(&*next->first.begin());
  const ValueHistory& h = next->second.history;
  if (!h.earlier.empty()) __builtin_prefetch(&h.earlier.back());
  prefetch(h.sorted_window.data(), h.sorted_window.size() * sizeof(double));
}

void SeriesCheck::see(Group& g, const store::ObservationKey& key, const store::ObservationData& data, bool ours) {
  const int fy = fiscal_year_of(key.period);
  if (fy != g.last_seen_fy) {  // every year with a value has an entry, months or not
    g.last_seen_fy = fy;
    g.months.try_emplace(fy, 0);
  }
  if (key.period.kind == PeriodKind::Month) ++g.months[fy];
  g.latest_fy = std::max(g.latest_fy, fy);
  series_latest_fy_ = std::max(series_latest_fy_, fy);
  if (by_dimension_) see_dimensions(key, fy);
  if (ours && fy != g.last_written_fy) {  // the year written, and the year before, which it closes
    g.last_written_fy = fy;
    g.written_years.insert({fy - 1, fy});
    series_written_.insert({fy - 1, fy});
  }
  if (ours) {
    std::vector<store::FlagRaise> raised;
    if (data.value.is_number()) {
      raised = check_value(rules_, data.value.number, g.history);
      if (has_relation_) relations_.push_back({key, data.value.number, data.location});
    }
    for (auto& r : raised) r.location = data.location;
    record(key, std::move(raised));
  }
  if (data.value.is_number()) remember(g.history, data.value.number);
}

// Keeps the newest keep_ values (trimmed in steps, so a long series costs no shifting per value,
// and a set holds at most about twice what the rules need).
void SeriesCheck::remember(ValueHistory& history, double v) const {
  history.window = window_;
  history.add(v);
  auto& earlier = history.earlier;
  if (earlier.size() >= 2 * keep_ + 16)
    earlier.erase(earlier.begin(), earlier.end() - static_cast<std::ptrdiff_t>(keep_));
}

// Completeness by dimension: which values of each rule's dimension appear in which year.
void SeriesCheck::see_dimensions(const store::ObservationKey& key, int fy) {
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
void SeriesCheck::check_dimensions() {
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
        r.detail =
            rule.dimension + " " + value + " was there in " + std::to_string(fy - 1) + ", not in " + std::to_string(fy);
        record(key, {r});
      }
    }
  }
}

// Completeness of months: a fiscal year this run wrote months of (or closed, by writing the next
// year's first months), which the data have left behind (a later year has values), must have all
// twelve.
void SeriesCheck::end_group(const store::Dimensions& dimensions, const Group& g) {
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

// Relations compare with another KPI's value of the same period (without dimensions): a lookup
// per value, after the values, for the few KPI series that declare one.
void SeriesCheck::check_relations() {
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
void SeriesCheck::record(const store::ObservationKey& key, std::vector<store::FlagRaise> raised) {
  if (raised.empty() && (open_.empty() || !open_.count(key_text(key)))) return;
  findings_.push_back({key, std::move(raised)});
}

void SeriesCheck::merge(const store::ObservationKey& key, std::vector<store::FlagRaise> raised) {
  for (auto& f : findings_)
    if (f.key.period == key.period && f.key.dimensions == key.dimensions) {
      f.raised.insert(f.raised.end(), raised.begin(), raised.end());
      return;
    }
  record(key, std::move(raised));
}

}  // namespace sosei::import
