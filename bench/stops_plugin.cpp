// bench_stops: a benchmark plugin that emits `rows` fine-grained observations, boardings per bus stop
// per day with the stop and its route as dimensions (stop_observations.hpp), in batches across the
// plugin boundary. Importing it twice with another `revision` revises every value. Not installed
// with the built-in plugins: tools/run-bench points a temporary configuration at it.
#include <sosei/plugin.hpp>

#include <array>
#include <vector>

#include "stop_observations.hpp"

namespace {

constexpr std::array<sosei_setting_spec, 4> kSettings{{
    {"rows", SOSEI_SETTING_INTEGER, 1, nullptr, "observations to emit (one per stop per day)"},
    {"stops", SOSEI_SETTING_INTEGER, 0, "0", "stops per day; 0: 5,000, or more when rows need it to fit FY2020–FY2029"},
    {"revision", SOSEI_SETTING_INTEGER, 0, "0",
     "changes every value: import again with another revision to revise all"},
    {"batch", SOSEI_SETTING_INTEGER, 0, "512", "observations per emit() call across the plugin boundary (1…4096)"},
}};

constexpr std::array<sosei_series_spec, 1> kSeries{{
    {"stop_boardings", "人", "boardings per stop and day (dimensions route, stop)"},
}};

constexpr const char* kFile = "stops.generated";

// One batch of observations with the storage their dimension texts need until emit() returns.
class Batch {
 public:
  explicit Batch(std::size_t capacity) : observations_(capacity), dimensions_(capacity), texts_(capacity) {}

  bool full() const { return size_ == observations_.size(); }
  std::size_t size() const { return size_; }

  void add(const bench::StopDay& s, uint64_t line) {
    Texts& t = texts_[size_];
    const int route_length = bench::route_text(t.route, s.route);
    const int stop_length = bench::stop_text(t.stop, s.stop);
    auto& dims = dimensions_[size_];
    dims[0] = {{"route", 5}, {t.route, static_cast<std::size_t>(route_length)}};
    dims[1] = {{"stop", 4}, {t.stop, static_cast<std::size_t>(stop_length)}};
    sosei_observation& o = observations_[size_];
    o = {};
    o.struct_size = sizeof(sosei_observation);
    o.series = {"stop_boardings", 14};
    o.period = {SOSEI_PERIOD_DATE, s.year, s.month, s.day};
    o.dimensions = dims.data();
    o.dimension_count = 2;
    o.value_kind = SOSEI_VALUE_NUMBER;
    o.number = s.boardings;
    o.file = {kFile, 15};
    o.line = line;
    ++size_;
  }

  void emit(const sosei::Context& ctx) {
    if (size_ == 0) return;
    const int32_t rc = ctx.api()->emit(ctx.host(), observations_.data(), static_cast<uint32_t>(size_));
    size_ = 0;
    if (rc != SOSEI_OK) throw sosei::RunStopped(static_cast<sosei_status>(rc));
  }

 private:
  struct Texts {
    char route[16];
    char stop[16];
  };
  std::vector<sosei_observation> observations_;
  std::vector<std::array<sosei_dimension, 2>> dimensions_;
  std::vector<Texts> texts_;
  std::size_t size_ = 0;
};

class BenchStops : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"bench_stops",
            "1.0.0",
            "(benchmark)",
            "Benchmark only: N generated observations, boardings per stop and day with route and stop dimensions",
            kSettings,
            kSeries};
  }

  void run(sosei::Context& ctx) override {
    const long long rows = ctx.integer_setting("rows", 0);
    if (rows < 1) throw sosei::PluginError(SOSEI_ERR_CONFIG, "setting 'rows' must be 1 or more");
    long long stops = ctx.integer_setting("stops", 0);
    if (stops == 0) stops = bench::stops_for(static_cast<uint64_t>(rows));
    if (stops < 1 || static_cast<unsigned long long>(rows) / static_cast<unsigned long long>(stops) > 3600)
      throw sosei::PluginError(SOSEI_ERR_CONFIG, "setting 'stops': " + std::to_string(rows) + " rows over " +
                                                     std::to_string(stops) +
                                                     " stops need more than 3,600 days; set more stops (or 0)");
    const long long batch_size = ctx.integer_setting("batch", 512);
    if (batch_size < 1 || batch_size > 4096)
      throw sosei::PluginError(SOSEI_ERR_CONFIG, "setting 'batch' must be between 1 and 4096");
    const long long revision = ctx.integer_setting("revision", 0);
    if (revision < 0 || revision >= 200)
      throw sosei::PluginError(SOSEI_ERR_CONFIG, "setting 'revision' must be between 0 and 199");

    bench::StopDays days(static_cast<int>(stops), static_cast<int>(revision));
    Batch batch(static_cast<std::size_t>(batch_size));
    for (uint64_t i = 0; i < static_cast<uint64_t>(rows); ++i) {
      batch.add(days.at(i), i + 1);
      if (batch.full()) batch.emit(ctx);
      if ((i & 0xFFFFF) == 0) ctx.progress(i, static_cast<uint64_t>(rows));
    }
    batch.emit(ctx);
    ctx.progress(static_cast<uint64_t>(rows), static_cast<uint64_t>(rows));
  }
};

}  // namespace

SOSEI_PLUGIN(BenchStops)
