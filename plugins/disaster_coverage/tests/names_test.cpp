// District names as keys (widths, spaces, 丁目), the edit distance, and resolving roster cells.
#include <gtest/gtest.h>

#include "names.hpp"

using namespace disaster_coverage;

TEST(NameKey, FoldsWidthsSpacesAndTheWaysOfWritingChome) {
  EXPECT_EQ(name_key("本町１丁目"), "本町1丁目");
  EXPECT_EQ(name_key("本町一丁目"), "本町1丁目");
  EXPECT_EQ(name_key("本町01丁目"), "本町1丁目");
  EXPECT_EQ(name_key("本町1"), "本町1丁目");
  EXPECT_EQ(name_key("本町十二丁目"), "本町12丁目");
  EXPECT_EQ(name_key(" 稲築町　山野 "), "稲築町山野");
  EXPECT_EQ(name_key("Ａ地区"), "A地区");
  EXPECT_EQ(name_key("ﾔﾏﾉ"), "ヤマノ");
  EXPECT_EQ(name_key("ｶﾞｸｴﾝﾁｮｳ ﾊﾟｰｸ ｳﾞｨﾗ"), "ガクエンチョウパークヴィラ");
  EXPECT_EQ(name_key("ﾏﾞﾁ"), "マ゛チ");  // no voiced form: the mark stays a mark
  // Only the way of writing changes: a different place stays different.
  EXPECT_NE(name_key("山野"), name_key("稲築町山野"));
  EXPECT_NE(name_key("本町"), name_key("本町1丁目"));
  EXPECT_NE(name_key("本町2丁目"), name_key("本町12丁目"));
  EXPECT_EQ(name_key("一丁目"), "一丁目");  // no name before the number: kept as written
  EXPECT_EQ(name_key("1"), "1");
  EXPECT_EQ(name_key(""), "");
}

TEST(EditDistance, CountsCodePointsNotBytes) {
  EXPECT_EQ(edit_distance("山野", "山野"), 0u);
  EXPECT_EQ(edit_distance("稲築山野", "稲築町山野"), 1u);
  EXPECT_EQ(edit_distance("山野", "山田"), 1u);
  EXPECT_EQ(edit_distance("", "新町"), 2u);
  EXPECT_EQ(edit_distance("abc", "acb"), 2u);
}

TEST(DistrictIndex, ResolvesCodesThenNamesAndExplainsFailures) {
  DistrictIndex index;
  index.add(District{"0501", "501", "新町", 80, 2});
  index.add(District{"0902", "902", "新町", 70, 3});
  index.add(District{"", key_of_name("本町一丁目"), "本町一丁目", 100, 4});
  index.add(District{"", key_of_name("山野"), "山野", 300, 5});
  std::string why;
  EXPECT_EQ(index.resolve("902", "h.csv", why), "902");
  EXPECT_EQ(index.resolve("本町１", "h.csv", why), key_of_name("本町一丁目"));
  EXPECT_EQ(index.resolve("山野", "h.csv", why), key_of_name("山野"));

  EXPECT_FALSE(index.resolve("77", "h.csv", why));
  EXPECT_EQ(why, "");  // an unknown code: the roster lists it with the others
  EXPECT_FALSE(index.resolve("新町", "h.csv", why));
  EXPECT_NE(why.find("新町（コード 0501）、新町（コード 0902）"), std::string::npos) << why;
  EXPECT_FALSE(index.resolve("山田", "h.csv", why));
  EXPECT_NE(why.find("近い名前: 山野、新町、新町"), std::string::npos) << why;
  // A name key never equals a code key.
  EXPECT_NE(key_of_name("501"), district_key("501"));
}
