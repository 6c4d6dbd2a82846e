// Fuzz target: the other YAML files a city writes by hand — sosei.yaml, sources.yaml, a rules file, a
// grading scheme and a hub file — through their loaders. The strategy has its own target
// (strategy_yaml_fuzz.cpp); here the repository's config/strategy.yaml is the strategy the sources and
// rules are checked against. The input's first byte chooses the loader (config_yaml_kind.hpp), the
// rest is the file.
// Invariants: each loader gives its model or throws ConfigError with a message — never another
// exception, a crash or a hang; aliases cost no more than their text (-rss_limit_mb in tools/run-fuzz).
// A sosei.yaml input may name other files: they resolve in a private temporary folder that holds the
// repository's strategy and sources, and a name outside it is only ever read (the loader refuses
// pipes, devices and files over its size cap).
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/hub.hpp"
#include "config/load.hpp"
#include "config_yaml_kind.hpp"
#include "evaluate/scheme_loader.hpp"
#include "fuzz_target.hpp"

namespace {

namespace fs = std::filesystem;

// The folder of the input file, made once per process: strategy.yaml and sources.yaml as the
// repository has them, so that a sosei.yaml seed naming them loads whole.
struct World {
  fs::path dir;
  sosei::config::Strategy strategy;
  std::vector<sosei::config::Source> sources;

  World() {
    std::string pattern = (fs::temp_directory_path() / "sosei-fuzz-config-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) __builtin_trap();
    dir = pattern;
    const fs::path config = fs::path(SOSEI_SOURCE_DIR) / "config";
    fs::copy_file(config / "strategy.yaml", dir / "strategy.yaml");
    fs::copy_file(config / "sources.yaml", dir / "sources.yaml");
    strategy = sosei::config::load_strategy((dir / "strategy.yaml").string());
    sources = sosei::config::load_sources((dir / "sources.yaml").string(), strategy);
  }
  ~World() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

World& world() {
  static World w;
  return w;
}

void load(FuzzConfigKind kind, const std::string& path) {
  World& w = world();
  switch (kind) {
    case FuzzConfigKind::App:
      sosei::config::load_config(path);
      break;
    case FuzzConfigKind::Sources:
      sosei::config::load_sources(path, w.strategy);
      break;
    case FuzzConfigKind::Rules:
      sosei::config::load_rules(path, w.strategy, w.sources);
      break;
    case FuzzConfigKind::Grading:
      sosei::evaluate::load_scheme(path);
      break;
    case FuzzConfigKind::Hub:
      sosei::config::load_hub(path);
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0 || size > 16384) return 0;  // these files are a few hundred lines; search shapes, not length
  const FuzzConfigKind kind = fuzz_config_kind(data[0]);
  const fs::path file = world().dir / fuzz_config_file_name(kind);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  try {
    load(kind, file.string());
  } catch (const sosei::config::ConfigError& e) {
    if (std::string(e.what()).empty()) __builtin_trap();
  }
  // Gone before the next input, which might name it (a sosei.yaml's `rules: rules.yaml`): a finding
  // must not depend on an earlier input, or its saved input would not reproduce it.
  std::error_code ignored;
  fs::remove(file, ignored);
  return 0;
}
