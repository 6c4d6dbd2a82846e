// Throwaway plugins for the host's unhappy paths. One source, one variant per build, chosen by
// TEST_PLUGIN_VARIANT: good, api_too_new, api_too_old, malformed_name, missing_functions,
// bad_default, throws, raw_throw, emits_garbage, no_entry, v1_layout (a descriptor as a plugin built
// against the v1 header hands it over: api_version 1, the v1 struct_size), bad_names.
#include <sosei/plugin.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#define VARIANT_IS(v) (TEST_PLUGIN_VARIANT_##v)

namespace {

constexpr std::array<sosei_setting_spec, 4> kSettings{{
    {"count", SOSEI_SETTING_INTEGER, 0, "2", "how many observations to emit"},
    {"repeat", SOSEI_SETTING_INTEGER, 0, "0", "emit observation N again at the end, with another value (0: none)"},
    {"file", SOSEI_SETTING_PATH, 0, nullptr, "a file to read (optional)"},
#if VARIANT_IS(bad_default)
    {"ratio", SOSEI_SETTING_NUMBER, 0, "lots", "a number whose default is not a number"},
#else
    {"ratio", SOSEI_SETTING_NUMBER, 0, "1.5", "multiplier"},
#endif
}};
constexpr std::array<sosei_series_spec, 1> kSeries{{{"daily", "件", "a series of the plugin's own"}}};
constexpr std::array<sosei_display_name, 4> kNames{{
    sosei::series_name("daily", "日次件数", "Daily count"),
    sosei::dimension_name("covered", "組織の有無", "Organization"),
    sosei::value_name("covered", "yes", "組織あり", "Organized"),
#if VARIANT_IS(bad_names)
    sosei::value_name("", "no", "組織なし", "None"),  // a value of no dimension
#else
    sosei::value_name("covered", "no", "組織なし", ""),  // no English name: the Japanese one is used
#endif
}};

class TestPlugin : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
#if VARIANT_IS(malformed_name)
    return {"Bad Name!", "1.0.0", "総合政策課", "test", kSettings, kSeries};
#elif VARIANT_IS(duplicate)
    return {"good", "9.9.9", "総合政策課", "a second plugin named good", kSettings, kSeries};
#else
    return {"good", "1.0.0", "総合政策課", "emits count observations of KPI startups", kSettings, kSeries, kNames};
#endif
  }

  void run(sosei::Context& ctx) override {
#if VARIANT_IS(throws)
    // Given a file, quotes it whole, as a plugin quoting a bad row does (a 10 MiB line included).
    std::string quoted;
    if (auto file = ctx.setting("file")) {
      sosei::Input in = ctx.open_file(*file);
      char buf[65536];
      for (std::size_t n; (n = in.read(buf, sizeof buf)) > 0;) quoted.append(buf, n);
    }
    throw std::runtime_error("department server sent nonsense" + (quoted.empty() ? "" : ": " + quoted));
#elif VARIANT_IS(emits_garbage)
    sosei::Observation o;
    o.series = "startups";
    o.period = {SOSEI_PERIOD_FISCAL_YEAR, 2025, 13, 0};  // a fiscal year with a month: invalid
    ctx.emit(o);
#else
    const long long n = ctx.integer_setting("count", 2);
    if (auto file = ctx.setting("file")) {
      sosei::Input in = ctx.open_file(*file);
      char buf[64];
      while (in.read(buf, sizeof buf) > 0) {
      }
    }
    for (long long i = 0; i < n; ++i) {
      sosei::Observation o;
      o.series = "startups";
      o.period = {SOSEI_PERIOD_FISCAL_YEAR, static_cast<int32_t>(2025 + i), 0, 0};
      o.number = static_cast<double>(i + 1);
      o.file = "generated";
      o.line = static_cast<uint64_t>(i + 1);
      ctx.emit(o);
    }
    if (const long long repeat = ctx.integer_setting("repeat", 0); repeat > 0) {  // one key twice in a run
      sosei::Observation o;
      o.series = "startups";
      o.period = {SOSEI_PERIOD_FISCAL_YEAR, static_cast<int32_t>(2025 + repeat - 1), 0, 0};
      o.number = 0;
      o.file = "generated";
      o.line = static_cast<uint64_t>(n + 1);
      ctx.emit(o);
    }
    auto seen = ctx.state("runs").value_or("0");
    ctx.set_state("runs", std::to_string(std::stoi(seen) + 1));
#endif
  }
};

}  // namespace

#if VARIANT_IS(no_entry)
extern "C" SOSEI_EXPORT int not_a_sosei_plugin(void) { return 42; }
#elif VARIANT_IS(api_too_new) || VARIANT_IS(api_too_old) || VARIANT_IS(missing_functions) || VARIANT_IS(raw_throw) || \
    VARIANT_IS(v1_layout)
// Hand-built descriptors: what a plugin built against another SDK (or without the C++ layer) hands over.
#if VARIANT_IS(raw_throw)
namespace {
int32_t raw_create(const sosei_host_api*, sosei_host*, void** out) {
  *out = nullptr;
  return SOSEI_OK;
}
int32_t raw_run(void*) { throw std::logic_error("raw plugin threw through the C boundary"); }
void raw_destroy(void*) {}
}  // namespace
#endif
extern "C" SOSEI_EXPORT const sosei_plugin_descriptor* sosei_plugin_entry(void) {
  static sosei_plugin_descriptor d = [] {
    sosei_plugin_descriptor x = sosei::detail::make_descriptor<TestPlugin>(TestPlugin::info());
#if VARIANT_IS(api_too_new)
    x.api_version = 99;
#elif VARIANT_IS(api_too_old)
    x.api_version = 0;
#elif VARIANT_IS(missing_functions)
    x.run = nullptr;
#elif VARIANT_IS(v1_layout)
    // What the v1 header gave the host: the host must not read past destroy, so the fields beyond
    // hold garbage here (in a real v1 plugin they are not the plugin's memory at all).
    x.api_version = 1;
    x.struct_size = static_cast<uint32_t>(offsetof(sosei_plugin_descriptor, destroy) + sizeof x.destroy);
    x.display_names = reinterpret_cast<const sosei_display_name*>(std::uintptr_t{0x10});
    x.display_name_count = 12345;
#elif VARIANT_IS(raw_throw)
    x.create = raw_create;
    x.run = raw_run;
    x.destroy = raw_destroy;
#endif
    return x;
  }();
  return &d;
}
#else
SOSEI_PLUGIN(TestPlugin)
#endif
