// The catalogue's own words: states, statuses, phrases and language codes (the completeness of both
// message tables is checked in message_tables_test.cpp).
#include <gtest/gtest.h>

#include <string>

#include "text/catalogue.hpp"
#include "text/lang.hpp"
#include "text/phrase.hpp"

namespace sosei::text {
namespace {

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
