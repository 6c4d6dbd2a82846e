// What `sosei plugin check` shows a department's staff of each bundled plugin — its description and
// every setting's help (the 説明 column), the SDK's shared file/url/encoding/sheet included — is written
// in Japanese: they read it when they write the source's settings in sources.yaml. Each built plugin
// is loaded the way the host loads it, and every text must hold a Japanese character.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "host/plugin_library.hpp"

namespace {

// The plugins the build made, comma-separated from plugins/CMakeLists.txt's list (those switched off are
// not built).
std::vector<std::string> bundled_plugins() {
  std::vector<std::string> names;
  std::string_view rest = BUNDLED_PLUGINS;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    if (comma != 0) names.emplace_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return names;
}

// The code points of UTF-8 text; an invalid byte is skipped.
std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int extra = byte < 0x80 ? 0 : (byte >> 5) == 6 ? 1 : (byte >> 4) == 14 ? 2 : (byte >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
      ++i;
      continue;
    }
    char32_t c = extra == 0 ? byte : byte & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(c);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

// A hiragana, katakana or kanji (CJK ideograph): punctuation such as （）、 alone does not count.
bool has_japanese(std::string_view text) {
  for (char32_t c : code_points(text)) {
    if ((c >= 0x3040 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFF66 && c <= 0xFF9F))
      return true;
  }
  return false;
}

class BundledPluginTexts : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST(PluginTexts, AJapaneseCharacterIsAKanaOrAKanjiNotPunctuationOrLatin) {
  EXPECT_TRUE(has_japanese("取り込む表のファイル"));
  EXPECT_TRUE(has_japanese("XLSX のとき"));
  EXPECT_TRUE(has_japanese("ｶﾅ"));
  EXPECT_FALSE(has_japanese("the table to import (CSV, TSV or XLSX); or set url"));
  EXPECT_FALSE(has_japanese("auto, comma（tab）、semicolon → ÷ × –"));
  EXPECT_FALSE(has_japanese(""));
}

// The list the parameterised test runs over is not empty: an empty one would pass having checked nothing.
TEST(PluginTexts, EveryBundledPluginIsChecked) { EXPECT_FALSE(bundled_plugins().empty()); }

TEST_P(BundledPluginTexts, TheDescriptionAndEverySettingsHelpAreJapanese) {
  const std::filesystem::path file = std::filesystem::path(BUNDLED_PLUGIN_DIR) / (GetParam() + ".so");
  ASSERT_TRUE(std::filesystem::exists(file)) << file << " was not built";
  const auto plugin = sosei::host::load_plugin(file);
  const sosei::host::PluginMeta& meta = plugin->meta();
  EXPECT_EQ(meta.name, GetParam());
  EXPECT_TRUE(has_japanese(meta.description)) << meta.name << ": description \"" << meta.description << "\"";
  ASSERT_FALSE(meta.settings.empty());
  for (const auto& s : meta.settings)
    EXPECT_TRUE(has_japanese(s.help)) << meta.name << ": setting '" << s.name << "': help \"" << s.help << "\"";
  for (const auto& s : meta.series)
    EXPECT_TRUE(has_japanese(s.help)) << meta.name << ": series '" << s.name << "': help \"" << s.help << "\"";
}

INSTANTIATE_TEST_SUITE_P(Bundled, BundledPluginTexts, ::testing::ValuesIn(bundled_plugins()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });
