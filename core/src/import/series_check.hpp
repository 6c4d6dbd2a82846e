// The rules of one series judged over its values (issue 14 §2, docs/quality.md): fed each dimension
// set's values in period order — read back from the store after the run, or straight from the run's
// stream when the series was empty before it — it keeps each set's newest values, the months and the
// dimension values seen per year, and the findings; never the series.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/model.hpp"
#include "import/quality_rules.hpp"
#include "store/store.hpp"

namespace sosei::import {

// What the rules found at one key: flags to raise, or none (a key whose open flags are re-checked).
struct Finding {
  store::ObservationKey key;
  std::vector<store::FlagRaise> raised;
};

class SeriesCheck {
 public:
  SeriesCheck(std::string series, std::vector<config::Rule> rules, store::Store& store, int64_t run_id);

  // Reads every stored value of the series (the run's included) and judges the run's: the check after
  // the run, whatever was stored before it.
  std::vector<Finding> judge_stored();

  // One value the run is writing, straight from its stream, judged against the run's earlier values of
  // its set. False, and nothing judged, when it does not follow its set's previous value in period
  // order: the stream cannot be judged as it comes, and the series must be read back (judge_stored).
  bool see_streamed(const store::ObservationKey& key, const store::ObservationData& data);
  // After the stream: the findings that need the whole run (completeness, relations) added.
  std::vector<Finding> finish_stream() { return finish(); }

 private:
  // What the check remembers of one dimension set (a stop, a route, a spot) while the values come.
  struct Group {
    ValueHistory history;       // its newest values, oldest first
    std::map<int, int> months;  // fiscal year → months with a value
    std::set<int> written_years;
    int latest_fy = 0;
    int last_seen_fy = 0;     // the year of the set's previous value: a new year is noted once
    int last_written_fy = 0;  // the same among this run's values
    bool any = false;         // streamed: a previous value, at `last`
    Period last;
    // The set whose value came right after this one's last time: the stream visits the sets in the
    // same order every period (every stop of a day, then the next day), so it is the next one's
    // likely set, found without hashing and fetched from memory before it is needed.
    std::pair<const store::Dimensions, Group>* next = nullptr;
  };
  struct DimensionsHash {
    std::size_t operator()(const store::Dimensions& d) const;
  };
  struct Relation {
    store::ObservationKey key;
    double value;
    std::string location;
  };

  Group& group_of(const store::Dimensions& dimensions);
  static void prefetch_next(const Group& g);
  void see(Group& g, const store::ObservationKey& key, const store::ObservationData& data, bool ours);
  void remember(ValueHistory& history, double v) const;
  void see_dimensions(const store::ObservationKey& key, int fy);
  std::vector<Finding> finish();
  void end_group(const store::Dimensions& dimensions, const Group& g);
  void check_dimensions();
  void check_relations();
  void record(const store::ObservationKey& key, std::vector<store::FlagRaise> raised);
  void merge(const store::ObservationKey& key, std::vector<store::FlagRaise> raised);

  std::string series_;
  std::vector<config::Rule> rules_;
  store::Store& store_;
  int64_t run_id_;
  std::set<std::string> open_;  // keys with open flags
  std::size_t keep_;            // earlier values the rules need
  std::size_t window_;          // the outlier rule's window, kept sorted per set (0: none)
  bool has_relation_ = false;
  bool by_dimension_ = false;  // a completeness rule by dimension
  std::unordered_map<store::Dimensions, Group, DimensionsHash> groups_;
  std::pair<const store::Dimensions, Group>* last_ = nullptr;         // the set of the previous value
  std::map<std::string, std::map<int, std::set<std::string>>> seen_;  // dimension → year → values
  PeriodKind year_kind_ = PeriodKind::FiscalYear;
  std::set<int> series_written_;  // years the run wrote, over all dimension sets
  int series_latest_fy_ = 0;
  std::vector<Relation> relations_;
  std::vector<Finding> findings_;
};

}  // namespace sosei::import
