// The canonical dimensions JSON: sorted keys, escaping, UTF-8 kept, and reading it back.
#include <gtest/gtest.h>

#include "store/canonical_json.hpp"

namespace sosei::store {
namespace {

TEST(CanonicalJson, EmptyIsBraces) { EXPECT_EQ(canonical_json({}), "{}"); }

TEST(CanonicalJson, KeysSortedWhateverTheInsertionOrder) {
  Dimensions a, b;
  a["spot"] = "castle";
  a["route"] = "east";
  b["route"] = "east";
  b["spot"] = "castle";
  EXPECT_EQ(canonical_json(a), R"({"route":"east","spot":"castle"})");
  EXPECT_EQ(canonical_json(a), canonical_json(b));
}

TEST(CanonicalJson, EscapesQuotesBackslashesAndControls) {
  Dimensions d{{"a\"b", "line1\nline2\t\\end"}, {"c", std::string("x\x01y", 3)}};
  EXPECT_EQ(canonical_json(d), R"({"a\"b":"line1\nline2\t\\end","c":"x\u0001y"})");
}

TEST(CanonicalJson, KeepsJapaneseAsUtf8) {
  Dimensions d{{"路線", "東西線"}, {"district", "中央区"}};
  EXPECT_EQ(canonical_json(d), R"({"district":"中央区","路線":"東西線"})");
}

TEST(CanonicalJson, RefusesInvalidUtf8) {
  EXPECT_THROW(canonical_json({{"route", "\xff"}}), StoreError);
  EXPECT_THROW(canonical_json({{"route", "\xe6\x9d"}}), StoreError);      // truncated
  EXPECT_THROW(canonical_json({{"route", "\xed\xa0\x80"}}), StoreError);  // surrogate
}

TEST(CanonicalJson, RoundTrips) {
  Dimensions d{{"a\"b", "line1\nline2"}, {"路線", "東西線"}, {"z", ""}};
  EXPECT_EQ(parse_dimensions(canonical_json(d)), d);
  EXPECT_TRUE(parse_dimensions("{}").empty());
  EXPECT_THROW(parse_dimensions("[1]"), StoreError);
  EXPECT_THROW(parse_dimensions("{\"a\":1}"), StoreError);
}

// Any JSON object of strings reads back, whoever wrote it: spaces, every escape, surrogate pairs.
TEST(CanonicalJson, ReadsAnyObjectOfStrings) {
  EXPECT_EQ(parse_dimensions(" { \"route\" : \"a\\/b\" ,\n\"spot\":\"\\u57ce\\ud83c\\udfef\\t\" } "),
            (Dimensions{{"route", "a/b"}, {"spot", "城🏯\t"}}));
  EXPECT_THROW(parse_dimensions("{\"a\":\"b\"} x"), StoreError);
  EXPECT_THROW(parse_dimensions("{\"a\":\"b\",}"), StoreError);
  EXPECT_THROW(parse_dimensions("{\"a\":\"\\ud83c\"}"), StoreError);  // a lone surrogate
  EXPECT_THROW(parse_dimensions("{\"a\":\"\xff\"}"), StoreError);
  EXPECT_THROW(parse_dimensions("{\"a\":\"b"), StoreError);
}

}  // namespace
}  // namespace sosei::store
