// Test helper: a temporary folder of YAML snippets, removed afterwards, and where a needle sits in a
// snippet (1-based line and column in characters) so error locations are checked exactly.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

namespace sosei::config::testing {

class TempFiles {
 public:
  TempFiles() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("sosei-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempFiles() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempFiles(const TempFiles&) = delete;
  TempFiles& operator=(const TempFiles&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    auto p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

// Line and column (1-based, characters) of the first `needle` in `text`, after `skip` earlier hits.
inline std::pair<int, int> position_of(const std::string& text, const std::string& needle, int skip = 0) {
  size_t at = text.find(needle);
  while (skip-- > 0 && at != std::string::npos) at = text.find(needle, at + 1);
  if (at == std::string::npos) return {-1, -1};
  int line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace sosei::config::testing
