// Every configuration message exists in both languages, with the same "{}" arguments, and the
// Japanese one is Japanese: a config error is read in Japanese by default.
#include <gtest/gtest.h>

#include <string>

#include "text/config_messages.hpp"
#include "text/phrase.hpp"

namespace sosei::text {
namespace {

int placeholders(const std::string& s) {
  int n = 0;
  for (std::size_t i = s.find("{}"); i != std::string::npos; i = s.find("{}", i + 2)) ++n;
  return n;
}

bool has_japanese(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0xE3) return true;  // kana and kanji start with 0xE3–0xE9 in UTF-8
  return false;
}

TEST(ConfigMessages, EveryTextInBothLanguagesWithTheSameArguments) {
  const ConfigMessages& ja = config_messages(Lang::Ja);
  const ConfigMessages& en = config_messages(Lang::En);
  ASSERT_GT(config_messages_size(), 80u);
  for (std::size_t i = 0; i < config_messages_size(); ++i) {
    const char* j = config_messages_text(ja, i);
    const char* e = config_messages_text(en, i);
    ASSERT_NE(j, nullptr) << "Japanese text " << i << " is missing";
    ASSERT_NE(e, nullptr) << "English text " << i << " is missing";
    EXPECT_EQ(placeholders(j), placeholders(e)) << j << " / " << e;
  }
}

TEST(ConfigMessages, JapaneseTextsAreJapanese) {
  // KPI is the city's own word; 「{}」 quotes a key or value as written.
  const ConfigMessages& ja = config_messages(Lang::Ja);
  for (std::size_t i = 0; i < config_messages_size(); ++i) {
    const std::string t = config_messages_text(ja, i);
    if (t == "KPI") continue;
    EXPECT_TRUE(has_japanese(t)) << "untranslated: " << t;
  }
}

TEST(ConfigMessages, PhrasesWordThemInTheReadersLanguage) {
  const Phrase p = phrase(&ConfigMessages::missing_key, std::string("grading"), verbatim("sosei.yaml"));
  EXPECT_EQ(p(Locale{Lang::En, YearStyle::Era}), "missing key 'grading' in sosei.yaml");
  EXPECT_EQ(p(Locale{}), "キー「grading」をsosei.yamlに書いてください（ありません）");
}

}  // namespace
}  // namespace sosei::text
