// What a worker prints (its log lines and the plugin's own stdout/stderr) relayed to the parent's
// log, within a budget, so a plugin printing without end cannot flood the log.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sosei::worker {

// Relays line by line up to `budget` bytes; keeps the last lines for error messages and counts what
// it drops.
class LogRelay {
 public:
  LogRelay(std::string label, std::size_t budget) : label_(std::move(label)), budget_(budget) {}

  void feed(const char* data, std::size_t n);
  // Logs an unfinished last line and how much was dropped.
  void finish();
  // The last meaningful lines, for "crashed … — last output: …".
  std::string tail() const;

 private:
  static constexpr std::size_t kMaxLine = 2000;
  void line_done();

  std::string label_;
  std::size_t budget_;
  std::string line_;
  std::vector<std::string> last_;
  std::size_t dropped_ = 0;
};

}  // namespace sosei::worker
