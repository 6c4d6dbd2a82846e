// Hand entry without HTTP: reading the JSON body, and each rule of enter_by_hand — department,
// entered_by_hand, the city's notations, bounds and period rules of imports, revisions, and
// refusing to overwrite an imported value.
#include <gtest/gtest.h>

#include "serve/hand_entry.hpp"
#include "serve/http_error.hpp"
#include "serve_fixture.hpp"

namespace sosei::serve::test {
namespace {

int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const HttpError& e) {
    return e.status();
  }
  return 0;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const HttpError& e) {
    return e.what();
  }
  return "";
}

TEST(EntryJson, ReadsTheFourFields) {
  const auto e =
      parse_entry_json(R"({"kpi": "startups", "period": "R7", "value": "5件", "note": "速報値"})", text::Lang::Ja);
  EXPECT_EQ(e.kpi, "startups");
  EXPECT_EQ(e.period, "R7");
  EXPECT_EQ(e.value, "5件");
  EXPECT_EQ(e.note, "速報値");
  EXPECT_EQ(parse_entry_json(R"({"kpi": "a", "period": "R7", "value": "1"})", text::Lang::Ja).note, "");
  EXPECT_EQ(parse_entry_json(R"({"kpi": "a", "period": "R7", "value": "1", "note": null})", text::Lang::Ja).note, "");
}

TEST(EntryJson, RefusesWhatItCannotRead) {
  for (const char* body :
       {"", "{", "not json", "[]", "\"text\"", R"({"period": "R7", "value": "1"})", R"({"kpi": "a", "value": "1"})",
        R"({"kpi": "a", "period": "R7"})", R"({"kpi": "a", "period": "R7", "value": 5})",
        R"({"kpi": "a", "period": 2025, "value": "5"})", R"({"kpi": "a", "period": "R7", "value": "5", "extra": 1})"})
    EXPECT_EQ(status_of([&] { parse_entry_json(body, text::Lang::Ja); }), 400) << body;
  const char* number_value = R"({"kpi": "a", "period": "R7", "value": 5})";
  EXPECT_NE(message_of([&] { parse_entry_json(number_value, text::Lang::En); }).find("must be a string"),
            std::string::npos);
  // Japanese by default: the refusal a department reads says what to send, in its own words.
  const std::string ja = message_of([&] { parse_entry_json(number_value, text::Lang::Ja); });
  EXPECT_NE(ja.find("「value」は市の表記のままの文字列"), std::string::npos) << ja;
  EXPECT_NE(message_of([] { parse_entry_json("{", text::Lang::Ja); }).find("送る形の例: {\"kpi\""), std::string::npos);
}

class HandEntry : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = fresh_database(std::string("hand-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    config_ = app_config(database_);
    seed(database_);
    store_ = store::open_store({database_.string()});
    industry_.id = 1;
    industry_.department = "産業振興課";
    policy_.id = 2;
    policy_.department = "総合政策課";
  }
  // The English wording is checked below; RefusalsAreInJapaneseByDefault checks the Japanese one.
  EntryResult enter(const store::ApiToken& who, EntryRequest r, text::Lang lang = text::Lang::En) {
    return enter_by_hand(config_.strategy, *store_, who, r, text::Locale{lang, text::YearStyle::Era});
  }
  std::string why_ja(const store::ApiToken& who, EntryRequest r) {
    return message_of([&] { enter(who, r, text::Lang::Ja); });
  }
  int status(const store::ApiToken& who, EntryRequest r) {
    return status_of([&] { enter(who, r); });
  }
  std::string why(const store::ApiToken& who, EntryRequest r) {
    return message_of([&] { enter(who, r); });
  }

  std::filesystem::path database_;
  config::AppConfig config_;
  std::unique_ptr<store::Store> store_;
  store::ApiToken industry_, policy_;
};

TEST_F(HandEntry, FirstEntryInsertsASecondDifferentOneRevises) {
  const auto first = enter(industry_, {"startups", "R8", "9件", "速報値"});
  EXPECT_TRUE(first.inserted);
  EXPECT_FALSE(first.revised);
  EXPECT_EQ(first.period, Period::fiscal_year(2026));
  EXPECT_EQ(first.value, Value::of(9));
  EXPECT_EQ(first.run.source, "hand:産業振興課");
  EXPECT_EQ(first.run.plugin, "hand-entry");
  EXPECT_EQ(first.run.status, store::RunStatus::Succeeded);

  const auto second = enter(industry_, {"startups", "令和8年度", "１０件", "確定値"});
  EXPECT_FALSE(second.inserted);
  EXPECT_TRUE(second.revised);
  EXPECT_GT(second.run.id, first.run.id);

  const auto history = store_->history("startups", Period::fiscal_year(2026));
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].first_value, Value::of(9));
  ASSERT_EQ(history[0].revisions.size(), 1u);
  EXPECT_EQ(history[0].revisions[0].new_value, Value::of(10));
  EXPECT_EQ(history[0].revisions[0].old_note, "速報値");
  EXPECT_EQ(history[0].revisions[0].new_note, "確定値");
  EXPECT_EQ(history[0].revisions[0].run_id, second.run.id);
  const auto stored = store_->values({"startups", Period::fiscal_year(2026), store::Dimensions{}});
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].data.location, "token 1");  // which token wrote it

  const auto same = enter(industry_, {"startups", "FY2026", "10", "確定値"});
  EXPECT_FALSE(same.inserted);
  EXPECT_FALSE(same.revised);
  EXPECT_EQ(same.run.accepted, 1);
}

TEST_F(HandEntry, StatusesAreValuesToo) {
  EXPECT_EQ(enter(policy_, {"groups", "R8", "未実施", ""}).value, Value::status(ValueKind::NotCarriedOut));
}

// Units are data (issue 13): the unit the strategy declares is accepted, whatever the SDK knows.
TEST_F(HandEntry, TheKpisOwnUnitIsAccepted) {
  for (auto& k : config_.strategy.kpis)
    if (k.id == "groups") k.unit = "組";
  EXPECT_EQ(enter(policy_, {"groups", "R8", "5組", ""}).value, Value::of(5));
  EXPECT_NE(why(policy_, {"groups", "R8", "5件", ""}).find("counts in 組"), std::string::npos);
  for (auto& k : config_.strategy.kpis)
    if (k.id == "groups") k.unit = "千円";
  EXPECT_EQ(enter(policy_, {"groups", "R9", "13,650千円", ""}).value, Value::of(13650))
      << "a KPI in 千円 reads 13,650千円 as written";
}

TEST_F(HandEntry, UnknownKpiIs404) { EXPECT_EQ(status(industry_, {"nope", "R8", "1件", ""}), 404); }

TEST_F(HandEntry, AnotherDepartmentsKpiIs403) {
  EXPECT_EQ(status(policy_, {"startups", "R8", "1件", ""}), 403);
  EXPECT_NE(why(policy_, {"startups", "R8", "1件", ""}).find("belongs to 産業振興課"), std::string::npos);
}

TEST_F(HandEntry, AKpiNotEnteredByHandIs403) {
  EXPECT_EQ(status(industry_, {"shops", "R8", "1件", ""}), 403);
  EXPECT_NE(why(industry_, {"shops", "R8", "1件", ""}).find("entered_by_hand: true"), std::string::npos);
}

TEST_F(HandEntry, BadValuesUnitsAndPeriodsAre400WithTheReason) {
  EXPECT_EQ(status(industry_, {"startups", "R8", "たくさん", ""}), 400);
  EXPECT_EQ(status(industry_, {"startups", "R8", "1,23件", ""}), 400);  // mis-grouped comma
  EXPECT_NE(why(industry_, {"startups", "R8", "5人", ""}).find("counts in 件"), std::string::npos);
  EXPECT_NE(why(industry_, {"startups", "R8", "▲3件", ""}).find("below its minimum"), std::string::npos);
  EXPECT_EQ(status(industry_, {"startups", "来年", "1件", ""}), 400);
  EXPECT_NE(why(industry_, {"startups", "2026-04", "1件", ""}).find("fiscal-year values"), std::string::npos);
  EXPECT_NE(why(industry_, {"startups", "R20", "1件", ""}).find("outside the strategy's range"), std::string::npos);
  EXPECT_TRUE(store_->values({"startups", Period::fiscal_year(2026), {}}).empty());
  EXPECT_EQ(store_->runs(0, "hand:産業振興課").size(), 0u);  // refusals record no run
}

TEST_F(HandEntry, RefusalsAreInJapaneseByDefault) {
  EXPECT_NE(why_ja(industry_, {"nope", "R8", "1件", ""}).find("KPI「nope」はありません"), std::string::npos);
  EXPECT_NE(why_ja(policy_, {"startups", "R8", "1件", ""}).find("KPI「startups」の担当は産業振興課です"),
            std::string::npos);
  EXPECT_NE(why_ja(industry_, {"shops", "R8", "1件", ""}).find("entered_by_hand: true を設定"), std::string::npos);
  const std::string unit = why_ja(industry_, {"startups", "R8", "5人", ""});
  EXPECT_NE(unit.find("値「5人」の単位は人ですが、KPI「startups」の単位は件です"), std::string::npos) << unit;
  EXPECT_NE(why_ja(industry_, {"startups", "R8", "たくさん", ""}).find("値「たくさん」を読めません"),
            std::string::npos);
  EXPECT_NE(why_ja(industry_, {"startups", "来年", "1件", ""}).find("年度「来年」を読めません"), std::string::npos);
  const std::string imported = why_ja(industry_, {"startups", "R7", "9件", ""});
  EXPECT_NE(imported.find("KPI「startups」の令和7年度の値は取込ソース「kama_csv」"), std::string::npos) << imported;
}

TEST_F(HandEntry, AValueAnImportBroughtIsNotOverwritten) {
  EXPECT_EQ(status(industry_, {"startups", "R7", "9件", ""}), 409);
  EXPECT_NE(why(industry_, {"startups", "R7", "9件", ""}).find("the import source 'kama_csv'"), std::string::npos);
  const auto kept = store_->values({"startups", Period::fiscal_year(2025), store::Dimensions{}});
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].data.value, Value::of(8));
  EXPECT_EQ(store_->runs(0, "hand:産業振興課").size(), 0u);
}

}  // namespace
}  // namespace sosei::serve::test
