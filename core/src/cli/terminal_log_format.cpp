#include "cli/terminal_log_format.hpp"

#include <chrono>

#include "text/periods.hpp"

namespace sosei::cli {

std::string_view level_word(spdlog::level::level_enum level, text::Lang lang) {
  const bool ja = lang == text::Lang::Ja;
  switch (level) {
    case spdlog::level::trace:
      return ja ? "追跡" : "trace";
    case spdlog::level::debug:
      return ja ? "詳細" : "debug";
    case spdlog::level::info:
      return ja ? "情報" : "info";
    case spdlog::level::warn:
      return ja ? "警告" : "warning";
    case spdlog::level::err:
      return ja ? "エラー" : "error";
    case spdlog::level::critical:
      return ja ? "重大" : "critical";
    default:
      return "";
  }
}

TerminalLogFormat::TerminalLogFormat(text::Lang lang, std::string time_zone)
    : lang_(lang), time_zone_(std::move(time_zone)) {}

void TerminalLogFormat::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
  const std::string when = text::timestamp_text(ms, time_zone_);
  dest.append(when.data(), when.data() + when.size());
  dest.push_back(' ');
  // The colour sink paints this range (the level word), as spdlog's %^…%$ would.
  msg.color_range_start = dest.size();
  const std::string_view word = level_word(msg.level, lang_);
  dest.append(word.data(), word.data() + word.size());
  msg.color_range_end = dest.size();
  dest.push_back(' ');
  dest.append(msg.payload.data(), msg.payload.data() + msg.payload.size());
  dest.push_back('\n');
}

std::unique_ptr<spdlog::formatter> TerminalLogFormat::clone() const {
  return std::make_unique<TerminalLogFormat>(lang_, time_zone_);
}

}  // namespace sosei::cli
