// The terminal's log line: the city's time with its offset and the level in the reader's language.
#include "cli/terminal_log_format.hpp"

#include <gtest/gtest.h>
#include <spdlog/details/log_msg.h>

#include <chrono>
#include <string>

namespace sosei::cli {
namespace {

std::string formatted(TerminalLogFormat& format, spdlog::level::level_enum level, std::string_view text) {
  // 2026-12-07 11:37:46.256 UTC
  const spdlog::log_clock::time_point at{std::chrono::milliseconds(1796643466256)};
  const spdlog::details::log_msg msg(at, spdlog::source_loc{}, "sosei", level, text);
  spdlog::memory_buf_t out;
  format.format(msg, out);
  return {out.data(), out.size()};
}

TEST(TerminalLogFormat, ShowsTheCitysTimeAndTheLevelInJapanese) {
  TerminalLogFormat format(text::Lang::Ja, "Asia/Tokyo");
  EXPECT_EQ(formatted(format, spdlog::level::warn, "[kama_values] 検証ルール: 警告 1 件"),
            "2026-12-07 20:37:46 +09:00 警告 [kama_values] 検証ルール: 警告 1 件\n");
  EXPECT_EQ(formatted(format, spdlog::level::err, "x"), "2026-12-07 20:37:46 +09:00 エラー x\n");
}

TEST(TerminalLogFormat, SpeaksEnglishWhenAskedAndColoursOnlyTheLevel) {
  TerminalLogFormat format(text::Lang::En, "Europe/Berlin");
  const spdlog::log_clock::time_point at{std::chrono::milliseconds(1796643466256)};
  const spdlog::details::log_msg msg(at, spdlog::source_loc{}, "sosei", spdlog::level::warn, "disk low");
  spdlog::memory_buf_t out;
  format.format(msg, out);
  const std::string line(out.data(), out.size());
  EXPECT_EQ(line, "2026-12-07 12:37:46 +01:00 warning disk low\n");
  EXPECT_EQ(line.substr(msg.color_range_start, msg.color_range_end - msg.color_range_start), "warning");
}

TEST(TerminalLogFormat, AnUnknownZoneShowsUtcAndSaysSoByItsOffset) {
  TerminalLogFormat format(text::Lang::Ja, "Nowhere/Atlantis");
  EXPECT_EQ(formatted(format, spdlog::level::info, "x"), "2026-12-07 11:37:46 +00:00 情報 x\n");
}

TEST(TerminalLogFormat, EveryLevelHasAWordInBothLanguages) {
  for (auto level : {spdlog::level::trace, spdlog::level::debug, spdlog::level::info, spdlog::level::warn,
                     spdlog::level::err, spdlog::level::critical}) {
    EXPECT_FALSE(level_word(level, text::Lang::Ja).empty()) << level;
    EXPECT_FALSE(level_word(level, text::Lang::En).empty()) << level;
    EXPECT_NE(level_word(level, text::Lang::Ja), level_word(level, text::Lang::En)) << level;
  }
}

}  // namespace
}  // namespace sosei::cli
