// Every catalogue text exists in both languages, with the same "{}" arguments.
#include <gtest/gtest.h>

#include <string>

#include "text/catalogue.hpp"
#include "text/lang.hpp"
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

TEST(Catalogue, EveryTextInBothLanguagesWithTheSameArguments) {
  const Catalogue& ja = catalogue(Lang::Ja);
  const Catalogue& en = catalogue(Lang::En);
  ASSERT_GT(catalogue_size(), 100u);
  for (std::size_t i = 0; i < catalogue_size(); ++i) {
    const char* j = catalogue_text(ja, i);
    const char* e = catalogue_text(en, i);
    ASSERT_NE(j, nullptr) << "Japanese text " << i << " is missing";
    ASSERT_NE(e, nullptr) << "English text " << i << " is missing";
    EXPECT_EQ(placeholders(j), placeholders(e)) << j << " / " << e;
  }
}

TEST(Catalogue, JapaneseTextsAreJapanese) {
  // A Japanese text that is plain ASCII was left untranslated (KPI is the city's own word).
  const Catalogue& ja = catalogue(Lang::Ja);
  for (std::size_t i = 0; i < catalogue_size(); ++i) {
    const std::string t = catalogue_text(ja, i);
    if (t == "KPI" || t == "{}: {}") continue;
    EXPECT_TRUE(has_japanese(t)) << "untranslated: " << t;
  }
}

TEST(Catalogue, StatesAndStatusesInJapanese) {
  EXPECT_EQ(state_text("succeeded", Lang::Ja), "成功");
  EXPECT_EQ(state_text("succeeded", Lang::En), "succeeded");
  EXPECT_EQ(state_text("overdue", Lang::Ja), "遅延");
  EXPECT_EQ(status_text(ValueKind::NotCarriedOut, Lang::Ja), "未実施");
}

TEST(Phrase, WordsItsArgumentsInTheReadersLanguage) {
  const Phrase inner = phrase(&Catalogue::pace_no_value);
  const Phrase note = phrase(&Catalogue::note_no_pace, inner);
  EXPECT_EQ(note(Locale{Lang::En, YearStyle::Era}), "no pace to grade on: no value");
  EXPECT_EQ(note(Locale{Lang::Ja, YearStyle::Era}), "進捗ペースを算出できないため評価できない: 値なし");
  EXPECT_EQ(phrase(&Catalogue::formed_years_of, 2, 5)(Locale{Lang::Ja, YearStyle::Era}), "、2/5年分");
  EXPECT_EQ(joined({verbatim("a"), verbatim("b")}, "、", ", ")(Locale{}), "a、b");
}

TEST(Lang, ReadsCodes) {
  EXPECT_EQ(parse_lang("EN"), Lang::En);
  EXPECT_EQ(parse_lang("ja"), Lang::Ja);
  EXPECT_FALSE(parse_lang("fr"));
  EXPECT_EQ(parse_year_style("western"), YearStyle::Western);
  EXPECT_FALSE(parse_year_style("roman"));
}

}  // namespace
}  // namespace sosei::text
