// Configuration messages as phrases in the reader's language (their completeness in both languages
// is checked in message_tables_test.cpp).
#include <gtest/gtest.h>

#include <string>

#include "text/config_messages.hpp"
#include "text/phrase.hpp"

namespace sosei::text {
namespace {

TEST(ConfigMessages, PhrasesWordThemInTheReadersLanguage) {
  const Phrase p = phrase(&ConfigMessages::missing_key, std::string("grading"), verbatim("sosei.yaml"));
  EXPECT_EQ(p(Locale{Lang::En, YearStyle::Era}), "missing key 'grading' in sosei.yaml");
  EXPECT_EQ(p(Locale{}), "キー「grading」をsosei.yamlに書いてください（ありません）");
}

}  // namespace
}  // namespace sosei::text
