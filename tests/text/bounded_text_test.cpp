// Error texts are bounded: a huge quoted line is cut to its first 200 characters on a character
// boundary and says how long it was; ordinary messages are kept whole.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "text/bounded_text.hpp"

namespace sosei::text {
namespace {

using ::testing::EndsWith;
using ::testing::StartsWith;

TEST(BoundedText, OrdinaryMessagesAreKeptWhole) {
  const std::string message = "data.csv:12: value 'abc' is not a number" + std::string(900, '.');
  EXPECT_EQ(bounded_text(message, Lang::Ja), message);
  EXPECT_EQ(bounded_text("", Lang::En), "");
}

TEST(BoundedText, A10MiBLineBecomesItsFirst200CharactersAndItsLength) {
  const std::string line = "data.csv:3: cannot read '" + std::string(10u << 20, 'x') + "'";
  const std::string ja = bounded_text(line, Lang::Ja);
  EXPECT_LT(ja.size(), 1024u);
  EXPECT_THAT(ja, StartsWith(line.substr(0, 200)));
  EXPECT_EQ(ja.substr(0, 203), line.substr(0, 200) + "…");  // 200 characters, then "…"
  EXPECT_THAT(ja, EndsWith("…（全 " + std::to_string(line.size()) + " バイト）"));
  EXPECT_THAT(bounded_text(line, Lang::En), EndsWith("… (" + std::to_string(line.size()) + " bytes in all)"));
}

TEST(BoundedText, CutsOnACharacterBoundary) {
  std::string japanese;
  while (japanese.size() < 4096) japanese += "観光入込客数";  // 3 bytes a character
  const std::string cut = bounded_text(japanese, Lang::Ja);
  const std::string head = cut.substr(0, cut.find("…"));
  EXPECT_EQ(head.size(), 600u);  // 200 characters of 3 bytes, none split
  EXPECT_EQ(head, japanese.substr(0, 600));
  EXPECT_LT(cut.size(), 1024u);
}

TEST(BoundedText, PrefixCountsCharactersNotBytes) {
  EXPECT_EQ(utf8_prefix_bytes("嘉麻市abc", 2), 6u);
  EXPECT_EQ(utf8_prefix_bytes("嘉麻市abc", 4), 10u);
  EXPECT_EQ(utf8_prefix_bytes("ab", 5), 2u);
  EXPECT_EQ(utf8_prefix_bytes("\x80\x80"
                              "a",
                              0),
            2u);  // stray continuation bytes stay with what precedes
}

}  // namespace
}  // namespace sosei::text
