// How a log line looks in the terminal (and so in journald): a person reads it, so the time is the
// city's, with its offset, as `sosei status` shows times, and the level is a word in the reader's
// language ("2026-12-07 20:37:46 +09:00 警告 [kama_values] …"). The log file keeps ISO-8601 and
// spdlog's level names, which scripts grep.
#pragma once

#include <spdlog/formatter.h>

#include <memory>
#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::cli {

// The level as the reader's language names it ("警告", "warning").
std::string_view level_word(spdlog::level::level_enum level, text::Lang lang);

class TerminalLogFormat final : public spdlog::formatter {
 public:
  TerminalLogFormat(text::Lang lang, std::string time_zone);
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;

 private:
  text::Lang lang_;
  std::string time_zone_;
};

}  // namespace sosei::cli
