// The small pure pieces of the input concern: UTF-8 validation, the CP932 decoder, cell
// references, `_xHHHH_` escapes and relationship targets.
#include <gtest/gtest.h>

#include "input/cp932_decoder.hpp"
#include "input/utf8_validator.hpp"
#include "input/xlsx_text.hpp"

namespace sosei::input {
namespace {

TEST(Utf8Validator, AcceptsCharactersSplitAcrossChunks) {
  const std::string text = "嘉麻市";
  Utf8Validator validator;
  for (char c : text) EXPECT_EQ(validator.check(std::string_view(&c, 1)), Utf8Validator::kValid);
  EXPECT_FALSE(validator.in_character());
  EXPECT_EQ(validator.check(text.substr(0, 2)), Utf8Validator::kValid);
  EXPECT_TRUE(validator.in_character());
}

TEST(Utf8Validator, RejectsOverlongsSurrogatesAndStrayBytes) {
  EXPECT_FALSE(looks_like_utf8("\xC0\xAF", false));
  EXPECT_FALSE(looks_like_utf8("\xE0\x80\xAF", false));
  EXPECT_FALSE(looks_like_utf8("\xED\xA0\x80", false));
  EXPECT_FALSE(looks_like_utf8("\xF4\x90\x80\x80", false));
  EXPECT_FALSE(looks_like_utf8("a\x80", false));
  EXPECT_EQ(Utf8Validator().check("ab\xFF"), 2u);
  EXPECT_TRUE(looks_like_utf8("\xE5\x98", true));
  EXPECT_FALSE(looks_like_utf8("\xE5\x98", false));
  EXPECT_TRUE(looks_like_utf8("\xF0\x9F\x98\x80", false));
}

TEST(Cp932Decoder, KeepsACutCharacterForTheNextChunk) {
  Cp932Decoder decoder;
  const std::string sjis = "\x89\xC3";  // 嘉
  char out[16];
  const char* in = sjis.data();
  std::size_t in_left = 1;
  char* o = out;
  std::size_t out_left = sizeof out;
  EXPECT_EQ(decoder.convert(in, in_left, o, out_left), Cp932Decoder::Result::InputUsed);
  EXPECT_EQ(in_left, 1u);
  EXPECT_EQ(out_left, sizeof out);
  in_left = 2;
  EXPECT_EQ(decoder.convert(in, in_left, o, out_left), Cp932Decoder::Result::InputUsed);
  EXPECT_EQ(in_left, 0u);
  EXPECT_EQ(std::string(out, o), "嘉");
}

TEST(Cp932Decoder, ReportsFullOutputAndInvalidBytes) {
  Cp932Decoder decoder;
  const std::string sjis = "\x89\xC3";
  const char* in = sjis.data();
  std::size_t in_left = 2;
  char out[2];
  char* o = out;
  std::size_t out_left = sizeof out;
  EXPECT_EQ(decoder.convert(in, in_left, o, out_left), Cp932Decoder::Result::OutputFull);
  const std::string bad = "a\x81\x20";
  in = bad.data();
  in_left = bad.size();
  char big[16];
  o = big;
  out_left = sizeof big;
  EXPECT_EQ(decoder.convert(in, in_left, o, out_left), Cp932Decoder::Result::Invalid);
  EXPECT_EQ(in, bad.data() + 1);
}

TEST(XlsxText, CellReferences) {
  EXPECT_EQ(parse_cell_ref("A1")->column, 0);
  EXPECT_EQ(parse_cell_ref("C5")->column, 2);
  EXPECT_EQ(parse_cell_ref("C5")->row, 5);
  EXPECT_EQ(parse_cell_ref("Z1")->column, 25);
  EXPECT_EQ(parse_cell_ref("AA10")->column, 26);
  EXPECT_EQ(parse_cell_ref("XFD1")->column, 16383);
  EXPECT_FALSE(parse_cell_ref("XFE1"));
  EXPECT_FALSE(parse_cell_ref("5"));
  EXPECT_FALSE(parse_cell_ref("A1B"));
}

TEST(XlsxText, DecodesXstringEscapes) {
  EXPECT_EQ(decode_xstring("a_x000D_b"), "a\rb");
  EXPECT_EQ(decode_xstring("_x005F_x0041_"), "_x0041_");
  EXPECT_EQ(decode_xstring("_x3042_"), "あ");
  EXPECT_EQ(decode_xstring("_xZZZZ_ and _x12"), "_xZZZZ_ and _x12");
}

TEST(XlsxText, ResolvesRelationshipTargets) {
  EXPECT_EQ(resolve_part("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_part("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_part("xl/", "./worksheets/../worksheets/sheet2.xml"), "xl/worksheets/sheet2.xml");
  EXPECT_EQ(resolve_part("xl/", "../customXml/item.xml"), "customXml/item.xml");
}

}  // namespace
}  // namespace sosei::input
