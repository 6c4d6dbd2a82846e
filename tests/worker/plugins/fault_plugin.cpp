// A throwaway plugin that misbehaves on request, for the worker-isolation tests: it emits `count`
// observations of KPI `series` (startups), then does what `mode` says (segfault, abort, throw, hang, exit3,
// flood_stdout, flood_stderr, allocate, reject, none), after sleeping `sleep_ms` when set. `marker` names
// a file it writes its pid to once the host has taken every observation: a test's synchronisation point.
#include <unistd.h>
#include <sosei/plugin.hpp>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

constexpr std::array<sosei_setting_spec, 6> kSettings{{
    {"series", SOSEI_SETTING_STRING, 0, "startups", "the KPI to emit"},
    {"sleep_ms", SOSEI_SETTING_INTEGER, 0, "0", "milliseconds to wait after emitting (a slow import)"},
    {"mode", SOSEI_SETTING_STRING, 0, "none", "how to misbehave after emitting"},
    {"count", SOSEI_SETTING_INTEGER, 0, "3", "observations to emit first"},
    {"value", SOSEI_SETTING_NUMBER, 0, "1", "the value of the first observation"},
    {"marker", SOSEI_SETTING_STRING, 0, "", "file to write the pid to once the observations are stored"},
}};
constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "件", "the KPIs of the source"}}};

volatile int* null_pointer() {
  static volatile int* p = nullptr;  // through a static so the compiler cannot see the null
  return p;
}

// A real segfault, as a broken plugin in a production build has. Under the sanitizer build UBSan would
// report the null store and exit(1), and ASan's SIGSEGV handler would turn the crash into an abort:
// neither is what the tests mean to contain, so the store is not instrumented and the default action
// of SIGSEGV is restored first.
__attribute__((no_sanitize("undefined"))) void segfault() {
  std::signal(SIGSEGV, SIG_DFL);
  *null_pointer() = 1;
}

// Written under another name and renamed, so a test polling for the file never reads it half-written.
void write_marker(const std::string& path) {
  const std::string partial = path + ".partial";
  std::ofstream(partial) << ::getpid() << '\n';
  std::rename(partial.c_str(), path.c_str());
}

class FaultPlugin : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"fault", "1.0.0", "総合政策課", "misbehaves on request (worker tests)", kSettings, kSeries};
  }

  void run(sosei::Context& ctx) override {
    const long long count = ctx.integer_setting("count", 3);
    const double first = std::stod(ctx.setting_or("value", "1"));
    const std::string mode = ctx.setting("mode").value_or("none");
    const std::string series = ctx.setting_or("series", "startups");
    for (long long i = 0; i < count; ++i) {
      sosei::Observation o;
      o.series = series;
      o.period = {SOSEI_PERIOD_FISCAL_YEAR, static_cast<int32_t>(2020 + i % 5), 0, 0};
      const std::string stop = "S" + std::to_string(i);
      const sosei_dimension dims[] = {sosei::dimension("stop", stop)};
      o.dimensions = dims;
      o.number = i == 0 ? first : static_cast<double>(i % 3);
      o.note = i == 0 ? "first" : "";
      o.file = "fault.csv";
      o.line = static_cast<uint64_t>(i + 2);
      ctx.emit(o);
    }
    // state() waits for the host's answer, which comes after it has handled every observation sent
    // before: from here on they are in the run's open transaction.
    ctx.set_state("runs", std::to_string(std::stoi(ctx.state("runs").value_or("0")) + 1));
    if (const auto marker = ctx.setting("marker"); marker && !marker->empty()) write_marker(*marker);
    if (const long long ms = ctx.integer_setting("sleep_ms", 0); ms > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    if (mode == "segfault") segfault();
    if (mode == "abort") std::abort();
    if (mode == "throw") throw std::runtime_error("the department's file server sent nonsense");
    if (mode == "exit3") std::exit(3);
    if (mode == "hang") std::this_thread::sleep_for(std::chrono::hours(1));
    if (mode == "flood_stdout" || mode == "flood_stderr") {
      std::FILE* out = mode == "flood_stdout" ? stdout : stderr;
      const std::string line(1000, 'x');
      for (int i = 0; i < 20000; ++i) std::fprintf(out, "%s %d\n", line.c_str(), i);  // ~20 MB
      std::fflush(out);
    }
    if (mode == "allocate") {
      std::vector<char*> blocks;
      for (;;) {  // 16 MiB at a time, touched so it is resident
        char* b = static_cast<char*>(std::malloc(16 << 20));
        if (!b) throw std::bad_alloc();
        std::memset(b, 1, 16 << 20);
        blocks.push_back(b);
      }
    }
    if (mode == "reject") ctx.reject("fault.csv", 99, "row 99 is unreadable");
    if (mode == "duplicate" && count > 0) {  // the first observation's key once more, another value
      sosei::Observation o;
      o.series = series;
      o.period = {SOSEI_PERIOD_FISCAL_YEAR, 2020, 0, 0};
      const sosei_dimension dims[] = {sosei::dimension("stop", "S0")};
      o.dimensions = dims;
      o.number = 2;
      o.file = "fault.csv";
      o.line = 999;
      ctx.emit(o);
    }
  }
};

}  // namespace

SOSEI_PLUGIN(FaultPlugin)
