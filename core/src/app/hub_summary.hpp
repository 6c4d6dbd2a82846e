// The hub's view of many cities (`sosei hub summary`, docs/hub.md): for each city of a prefecture, a
// group or the whole hub, how its latest evaluation graded its KPIs, how many have a value, and what
// needs attention (open quality flags, stopped or failing imports). Each city is read through a store
// opened for that city alone, so the view sees what the city's own policy division sees and nothing
// of its neighbours; a city without an evaluation or without data is a row that says so, never
// left out.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/prefectures.hpp"
#include "config/hub.hpp"
#include "store/store.hpp"
#include "text/phrase.hpp"

namespace sosei::app {

// Which of the hub's cities to show: all, one prefecture's, one group's, or one city (what a city's
// own token may read).
struct HubScope {
  enum class Kind { All, Prefecture, Group, City } kind = Kind::All;
  std::string prefecture;  // two digits, for Kind::Prefecture
  std::string group;       // the group's name, for Kind::Group
  std::string city;        // its code, for Kind::City
};

enum class CityState {
  Evaluated,     // has a stored evaluation: the grades below are its latest
  NoEvaluation,  // has data (or none yet) but no evaluation was saved
  NoDatabase,    // its own database (a city's `database:`) does not exist
  Unreachable,   // its store could not be read (the error says why)
};
std::string to_string(CityState);  // "evaluated", "no_evaluation", "no_database", "unreachable"

struct CitySummary {
  std::string code;
  std::string name;
  Prefecture prefecture;
  CityState state = CityState::NoEvaluation;
  std::string problem;  // Unreachable: the store's message

  // The latest saved evaluation (Evaluated only).
  int64_t evaluation_id = 0;
  std::string as_of;
  std::string scheme;
  bool stale = false;                     // an import revised a value it used since
  std::vector<store::GradeTally> grades;  // in scheme order, grades that occur
  int counted = 0;                        // KPIs in the rollups
  int with_value = 0;                     // of those, how many had an actual value
  int best_grade = 0;                     // of those, how many got the scheme's first grade (○)

  int open_flags = 0;
  std::vector<std::string> stopped_sources;  // quarantined: the daemon no longer runs them
  std::vector<std::string> failing_sources;  // whose latest run failed

  // Share of counted KPIs with the best grade; none without an evaluation or KPIs.
  std::optional<double> best_share() const;
};

struct HubSummary {
  std::vector<CitySummary> cities;  // in the requested order
  // The grades over every evaluated city, in the order they first occur (scheme order per city).
  std::vector<store::GradeTally> totals;
  std::vector<std::string> without_evaluation;  // names of the cities in scope without one
};

enum class HubSort { Code, Name, BestShare, Missing };

struct HubSummaryRequest {
  const config::Hub* hub = nullptr;
  HubScope scope;
  std::string database_override;  // --db: the shared database instead of the hub file's
  HubSort sort = HubSort::Code;
  std::chrono::milliseconds lock_wait{5000};
};

// A scope or an order a person asked for that the hub does not have; text() words it in the reader's
// language (what was asked, and what there is).
class HubRequestError : public std::runtime_error {
 public:
  explicit HubRequestError(text::Phrase text);
  const text::Phrase& text() const { return text_; }

 private:
  text::Phrase text_;
};

// What a person asked for: a prefecture by code or name ("40", "福岡県", "Fukuoka") or a group of the
// hub by name; neither: every city. Both at once, an unknown group or prefecture: HubRequestError.
HubScope hub_scope(const config::Hub& hub, const std::string& prefecture, const std::string& group);
// "code" (or empty), "name", "best", "missing"; anything else: HubRequestError.
HubSort hub_sort(const std::string& text);

// The cities of `scope` in the hub's order (empty when it names none; an unknown group or
// prefecture is the caller's to refuse beforehand).
std::vector<const config::HubCity*> cities_in_scope(const config::Hub& hub, const HubScope& scope);

// How a hub reads the cities whose data are at one location: read only, never created; a single
// city's store for one, a reader of exactly these cities for several (row-level security shows a
// shared database those and nothing else).
store::StoreConfig hub_reader_config(const std::string& location, const std::vector<std::string>& codes);

// Reads every city in scope; never throws for one city's store (its row says what went wrong).
HubSummary summarize_hub(const HubSummaryRequest& request);

}  // namespace sosei::app
