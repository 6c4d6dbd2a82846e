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
  const auto e = parse_entry_json(R"({"kpi": "startups", "period": "R7", "value": "5件", "note": "速報値"})");
  EXPECT_EQ(e.kpi, "startups");
  EXPECT_EQ(e.period, "R7");
  EXPECT_EQ(e.value, "5件");
  EXPECT_EQ(e.note, "速報値");
  EXPECT_EQ(parse_entry_json(R"({"kpi": "a", "period": "R7", "value": "1"})").note, "");
  EXPECT_EQ(parse_entry_json(R"({"kpi": "a", "period": "R7", "value": "1", "note": null})").note, "");
}

TEST(EntryJson, RefusesWhatItCannotRead) {
  for (const char* body :
       {"", "{", "not json", "[]", "\"text\"", R"({"period": "R7", "value": "1"})", R"({"kpi": "a", "value": "1"})",
        R"({"kpi": "a", "period": "R7"})", R"({"kpi": "a", "period": "R7", "value": 5})",
        R"({"kpi": "a", "period": 2025, "value": "5"})", R"({"kpi": "a", "period": "R7", "value": "5", "extra": 1})"})
    EXPECT_EQ(status_of([&] { parse_entry_json(body); }), 400) << body;
  EXPECT_NE(
      message_of([] { parse_entry_json(R"({"kpi": "a", "period": "R7", "value": 5})"); }).find("must be a string"),
      std::string::npos);
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
  EntryResult enter(const store::ApiToken& who, EntryRequest r) {
    return enter_by_hand(config_.strategy, *store_, who, r, text::Locale{});
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

TEST_F(HandEntry, AValueAnImportBroughtIsNotOverwritten) {
  EXPECT_EQ(status(industry_, {"startups", "R7", "9件", ""}), 409);
  EXPECT_NE(why(industry_, {"startups", "R7", "9件", ""}).find("import source 'kama_csv'"), std::string::npos);
  const auto kept = store_->values({"startups", Period::fiscal_year(2025), store::Dimensions{}});
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].data.value, Value::of(8));
  EXPECT_EQ(store_->runs(0, "hand:産業振興課").size(), 0u);
}

}  // namespace
}  // namespace sosei::serve::test
