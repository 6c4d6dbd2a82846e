// Issue 16, city node → hub: a city's signed bundle (`sosei bundle export`) applied at the hub
// (`sosei bundle import`). The hub's view of the city then equals the city's own — its evaluation
// JSON, values with their histories, runs, flags, sign-offs and commentary — and a bundle that is
// tampered with, unsigned, signed by another key, cut off, replayed, older or out of order is refused
// with what is wrong, leaving the hub's store exactly as it was.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/bundle_export.hpp"
#include "app/bundle_import.hpp"
#include "app/bundle_key.hpp"
#include "app/evaluation.hpp"
#include "common/city_code.hpp"
#include "config/temp_files.hpp"
#include "present/evaluation_json.hpp"

namespace sosei::app {
namespace {

using namespace std::chrono;
using config::testing::TempFiles;

const std::string kBundledConfig = std::string(SOSEI_TEST_SOURCE_DIR) + "/config/sosei.yaml";

store::ObservationKey startups(const char* period) { return {"startups", *Period::parse(period), {}}; }

std::string read(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const std::string& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class Bundles : public ::testing::Test {
 protected:
  void SetUp() override {
    config::AppConfig config = Environment(EnvironmentOptions{kBundledConfig, ":memory:", &clock_}).config();
    config.strategy.city_code = CityCode::parse("402273");
    config.database = files_.path("city.db");
    city_env_ = std::make_unique<Environment>(config, &clock_);
    city_ = city_env_->open_store();
    generate_bundle_key(key_, key_ + ".pub");
    hub_.name = "ハブ";
    hub_.cities = {{"402273", "嘉麻市", files_.path("hub-kama.db"), {}, "", key_ + ".pub"}};
  }

  // One import run of the city: values put in order, then the flags set, committed.
  int64_t city_run(const std::vector<std::pair<const char*, double>>& values,
                   const std::vector<std::pair<const char*, std::vector<store::FlagRaise>>>& flags = {}) {
    auto txn = city_->begin_import({"kama_values", "csv", "1.0.0"});
    txn->set_fingerprint("fp" + std::to_string(++fingerprints_));
    for (const auto& [period, v] : values)
      txn->put(startups(period), {Value::of(v), 0, "R" + std::string(period), "kpi.csv:" + std::to_string(v)});
    for (const auto& [period, raised] : flags) txn->set_flags(startups(period), raised);
    txn->reject({"kpi.csv:9", "数値ではありません"});
    clock_.advance(hours{1});  // a run that takes an hour: its end is not its start, nor the hub's now
    return txn->commit().id;
  }

  int64_t city_failed_run() {
    auto txn = city_->begin_import({"kama_values", "csv", "1.0.0"});
    txn->put(startups("FY2025"), {Value::of(99), 0, "", ""});
    clock_.advance(minutes{5});
    return txn->fail("プラグインが止まりました").id;
  }

  std::string export_bundle_to(const std::string& name, int64_t since) {
    const std::string file = files_.path(name);
    export_bundle(*city_env_, *city_, {file, key_, since});
    return file;
  }

  BundleImportResult import_at_hub(const std::string& file) {
    return import_bundle({.hub = hub_, .shared_database = "", .file = file, .who = cli_signer(), .clock = &clock_});
  }

  std::unique_ptr<store::Store> hub_store() {
    return store::open_store({.location = files_.path("hub-kama.db"), .clock = &clock_});
  }

  // What a reader of the city sees, as one text: evaluation JSON, values and their histories, runs,
  // flags, sign-offs and commentary.
  std::string view(store::Store& store) {
    std::ostringstream out;
    const auto evaluation = evaluate_stored(*city_env_, store, Date(2026, 8, 1), grading_scheme(*city_env_, ""));
    out << present::to_json(evaluation).dump() << '\n';
    for (const auto& series : store.series())
      for (const auto& o : store.values({series, std::nullopt, std::nullopt})) {
        out << o.key.series << ' ' << o.key.period.str() << ' ' << o.data.value.number << ' ' << o.data.note << ' '
            << o.data.location << ' ' << o.revision_count << ' ' << o.run_id << ' ' << o.updated_at << '\n';
        for (const auto& h : store.history(o.key.series, o.key.period)) {
          out << "  " << h.first_value.number << ' ' << h.first_run_id << ' ' << h.first_note << ' ' << h.first_location
              << '\n';
          for (const auto& r : h.revisions)
            out << "  " << r.run_id << ' ' << r.old_value.number << "→" << r.new_value.number << ' ' << r.new_note
                << ' ' << r.location << ' ' << r.old_location << ' ' << r.changed_at << '\n';
        }
      }
    for (const auto& r : store.runs(0)) {  // a failed run's counts are of what it got to before it failed
      out << r.id << ' ' << r.source << ' ' << store::to_string(r.status) << ' ' << r.error << ' ' << r.started_at
          << ' ' << r.finished_at << ' ';
      if (r.status == store::RunStatus::Failed)
        out << r.rejected << '\n';
      else
        out << r.inserted << ' ' << r.revised << ' ' << r.rejected << '\n';
    }
    for (const auto& f : store.flags({}))
      out << f.key.period.str() << ' ' << f.raised.rule << ' ' << store::to_string(f.state) << ' ' << f.closed_by << ' '
          << f.note << '\n';
    for (const auto& a : store.approvals(""))
      out << a.kpi << ' ' << a.period.str() << ' ' << store::to_string(a.state) << ' ' << a.changed_by << '\n';
    for (const auto& c : store.comments("", true))
      out << c.kpi << ' ' << c.year << ' ' << c.version << ' ' << c.text << ' ' << c.entered_by << '\n';
    return out.str();
  }

  // The city's run history: a first import with a flag, a failed run, a revision that clears the flag
  // and raises another, a sign-off, two versions of a comment, a flag resolved by a person.
  void city_history() {
    city_run(
        {{"FY2023", 5}, {"FY2024", 6}, {"FY2025", 40}},
        {{"FY2025", {{"max_change", store::FlagLevel::Warning, 40.0, 0.0, 12.0, "previous FY2024: 6", "kpi.csv:4"}}}});
    city_failed_run();
    city_run({{"FY2024", 7}, {"FY2025", 8}},
             {{"FY2025", {}}, {"FY2024", {{"range", store::FlagLevel::Error, 7.0, 0.0, 6.5, "", "kpi.csv:3"}}}});
    store::AuditEvent event;
    event.who = {store::Actor::Kind::Cli, "tanaka", "", 0, 0};
    event.action = "approval.submit";
    ASSERT_TRUE(city_->change_approval("startups", *Period::parse("FY2023"), store::ApprovalState::Entered,
                                       store::ApprovalState::Submitted, event));
    event.who.name = "suzuki";
    ASSERT_TRUE(city_->change_approval("startups", *Period::parse("FY2023"), store::ApprovalState::Submitted,
                                       store::ApprovalState::Approved, event));
    store::Comment c{"startups", 2024, store::CommentKind::Why, "創業支援の成果", 0, "", "sato", "産業振興課"};
    city_->add_comment(c, event);
    c.text = "創業支援と空き店舗対策の成果";
    city_->add_comment(c, event);
    const auto open = city_->flags({"startups", true, std::nullopt});
    ASSERT_EQ(open.size(), 1u);
    event.who.name = "yamada";
    event.reason = "統計の定義が変わったため";
    ASSERT_TRUE(city_->resolve_flag(open.front().id, event));
  }

  // The hub's view equals the city's, line by line; the first difference is shown, not both views.
  void expect_same_view(store::Store& hub) {
    std::istringstream a(view(hub)), b(view(*city_));
    std::string hub_line, city_line;
    for (int n = 1; std::getline(b, city_line); ++n) {
      std::getline(a, hub_line);
      if (hub_line != city_line) {
        ADD_FAILURE() << "line " << n << " differs:\n  hub:  " << hub_line.substr(0, 300)
                      << "\n  city: " << city_line.substr(0, 300);
        return;
      }
    }
    EXPECT_FALSE(std::getline(a, hub_line)) << "the hub has more: " << hub_line;
  }

  TempFiles files_;
  ManualClock clock_{sys_seconds{sys_days{year{2026} / 8 / 1} + hours{3}}};
  std::unique_ptr<Environment> city_env_;
  std::unique_ptr<store::Store> city_;
  std::string key_ = files_.path("kama.key");
  config::Hub hub_;
  int fingerprints_ = 0;
};

TEST_F(Bundles, GiveTheHubTheCitysOwnView) {
  city_history();
  const auto file = export_bundle_to("b1.jsonl", 0);
  const auto result = import_at_hub(file);
  EXPECT_EQ(result.outcome, BundleOutcome::Applied);
  EXPECT_EQ(result.runs, 3);
  EXPECT_EQ(result.values, 5);
  EXPECT_EQ(result.through_run, 3);
  auto hub = hub_store();
  expect_same_view(*hub);
  EXPECT_NE(view(*hub).find("創業支援と空き店舗対策の成果"), std::string::npos);  // the view is not empty
  EXPECT_EQ(bundled_through(*hub), 3);
  EXPECT_EQ(hub->audit({"", "", "bundle.import", std::nullopt, 0}).size(), 1u);
}

TEST_F(Bundles, ImportedTwiceChangeNothing) {
  city_history();
  const auto file = export_bundle_to("b1.jsonl", 0);
  import_at_hub(file);
  const std::string version = hub_store()->data_version();
  const auto events = hub_store()->audit({}).size();
  const auto again = import_at_hub(file);
  EXPECT_EQ(again.outcome, BundleOutcome::AlreadyThere);
  EXPECT_EQ(again.runs, 0);
  EXPECT_EQ(hub_store()->data_version(), version);
  EXPECT_EQ(hub_store()->audit({}).size(), events);
  expect_same_view(*hub_store());
}

TEST_F(Bundles, FollowOneAnotherAndAreRefusedOutOfOrderOrOlder) {
  city_run({{"FY2023", 5}});
  const auto first = export_bundle_to("b1.jsonl", 0);
  city_run({{"FY2024", 6}});
  const auto second = export_bundle_to("b2.jsonl", 1);
  city_run({{"FY2024", 7}});
  const auto third = export_bundle_to("b3.jsonl", 2);

  import_at_hub(first);
  const std::string version = hub_store()->data_version();
  try {
    import_at_hub(third);
    FAIL() << "a bundle that skips run 2 was imported";
  } catch (const BundleError& e) {
    EXPECT_NE(std::string(e.what()).find("ハブにあるのは取込 1 まで、この束は取込 2 の後から"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("--since 1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(hub_store()->data_version(), version);

  EXPECT_EQ(import_at_hub(second).runs, 1);
  EXPECT_EQ(import_at_hub(third).runs, 1);
  EXPECT_THROW(import_at_hub(second), BundleError);  // older than what the hub has
  expect_same_view(*hub_store());

  // A bundle of everything, imported at a hub that has it all, changes nothing.
  EXPECT_EQ(import_at_hub(export_bundle_to("all.jsonl", 0)).outcome, BundleOutcome::AlreadyThere);
}

// A flag a person resolved is resolved at the hub as that flag only: the same rule raised again on the
// same value by a later run stays open at the city, and so at the hub.
TEST_F(Bundles, AResolutionClosesTheFlagItResolvedNotALaterOne) {
  city_history();  // run 3 raised range on FY2024, a person resolved it
  city_run({{"FY2024", 7.5}}, {{"FY2024", {{"range", store::FlagLevel::Error, 7.5, 0.0, 6.5, "", "kpi.csv:3"}}}});
  ASSERT_EQ(city_->flags({"startups", true, std::nullopt}).size(), 1u);
  import_at_hub(export_bundle_to("b1.jsonl", 0));
  auto hub = hub_store();
  EXPECT_EQ(hub->flags({"startups", true, std::nullopt}).size(), 1u);
  expect_same_view(*hub);
}

// Sign-offs and commentary travel as the city's state when it wrote the bundle: a newer bundle
// without new runs brings a sign-off; an older one carried late undoes nothing.
TEST_F(Bundles, AnOlderBundleCarriedLateDoesNotUndoANewerOnesSignOffs) {
  city_history();
  const auto before = export_bundle_to("before.jsonl", 0);
  clock_.advance(hours{24});
  store::AuditEvent event;
  event.who = {store::Actor::Kind::Cli, "tanaka", "", 0, 0};
  event.action = "approval.submit";
  ASSERT_TRUE(city_->change_approval("startups", *Period::parse("FY2024"), store::ApprovalState::Entered,
                                     store::ApprovalState::Submitted, event));
  const auto after = export_bundle_to("after.jsonl", 3);  // no new run: the sign-off only

  import_at_hub(before);
  const auto signed_off = import_at_hub(after);
  EXPECT_EQ(signed_off.outcome, BundleOutcome::Applied);
  EXPECT_EQ(signed_off.runs, 0);
  expect_same_view(*hub_store());
  const std::string version = hub_store()->data_version();
  const auto late = import_at_hub(before);
  EXPECT_EQ(late.outcome, BundleOutcome::AlreadyThere);
  EXPECT_EQ(hub_store()->approval("startups", *Period::parse("FY2024")).state, store::ApprovalState::Submitted);
  EXPECT_EQ(hub_store()->data_version(), version);
  expect_same_view(*hub_store());
}

TEST_F(Bundles, AreRefusedWhenChangedCutUnsignedOrSignedByAnotherKey) {
  city_history();
  const auto file = export_bundle_to("b1.jsonl", 0);
  const std::string good = read(file);
  generate_bundle_key(files_.path("other.key"), files_.path("other.key.pub"));
  const auto other = files_.path("other.jsonl");
  export_bundle(*city_env_, *city_, {other, files_.path("other.key"), 0});

  const auto end = good.rfind("{\"end\"");
  const std::string signature_field = good.substr(good.find("\"signature\"", end));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {replaced(good, "\"number\":7.0", "\"number\":70.0"), "書き換えられたか"},
      {good.substr(0, end), "途中で切れています"},
      {good.substr(0, good.size() / 2), "途中で切れています"},
      {good.substr(0, good.size() - 1), "途中で切れています"},  // the end line without its newline
      {replaced(good, signature_field, "\"signature\":\"\"}}\n"), "署名がありません"},
      {good + good.substr(good.find('\n') + 1, 80) + "\n", "書き換えられたか"},  // a line after the end
      {read(other), "公開鍵"},
      {"", "途中で切れています"},
  };
  for (const auto& [text, says] : cases) {
    write(file, text);
    try {
      import_at_hub(file);
      ADD_FAILURE() << "imported: " << text.substr(0, 200);
    } catch (const BundleError& e) {
      EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    }
    EXPECT_FALSE(store::store_exists(files_.path("hub-kama.db"))) << "the hub's store was touched";
  }
}

TEST_F(Bundles, AreRefusedForACityTheHubDoesNotHaveOrHasNoKeyFor) {
  city_run({{"FY2023", 5}});
  const auto file = export_bundle_to("b1.jsonl", 0);
  hub_.cities.front().key.clear();
  try {
    import_at_hub(file);
    FAIL();
  } catch (const BundleError& e) {
    EXPECT_NE(std::string(e.what()).find("公開鍵がハブの設定にありません"), std::string::npos) << e.what();
  }
  hub_.cities = {{"402052", "飯塚市", files_.path("hub-iizuka.db"), {}, "", key_ + ".pub"}};
  try {
    import_at_hub(file);
    FAIL();
  } catch (const BundleError& e) {
    EXPECT_NE(std::string(e.what()).find("402273 はこのハブの設定にありません"), std::string::npos) << e.what();
  }
}

TEST_F(Bundles, NeedTheCitysCodeToBeExported) {
  config::AppConfig config = city_env_->config();
  config.strategy.city_code.reset();
  const Environment no_code(config, &clock_);
  EXPECT_THROW(export_bundle(no_code, *city_, {files_.path("b.jsonl"), key_, 0}), BundleError);
  EXPECT_FALSE(std::filesystem::exists(files_.path("b.jsonl")));
  EXPECT_FALSE(std::filesystem::exists(files_.path("b.jsonl.part")));
}

TEST(BundleKeys, AreMadeOnceAndSignWhatOnlyTheirPublicKeyVerifies) {
  TempFiles files;
  const auto key = files.path("city.key");
  generate_bundle_key(key, key + ".pub");
  EXPECT_THROW(generate_bundle_key(key, key + ".pub"), BundleError);  // a key in use is never overwritten
  EXPECT_EQ(key_id(key), key_id(key + ".pub"));
  EXPECT_EQ(key_id(key).size(), 16u);
  const std::string signature = sign_with(key, "sosei-bundle-v1\nabc");
  EXPECT_TRUE(verify_with(key + ".pub", "sosei-bundle-v1\nabc", signature));
  EXPECT_FALSE(verify_with(key + ".pub", "sosei-bundle-v1\nabd", signature));
  EXPECT_FALSE(verify_with(key + ".pub", "sosei-bundle-v1\nabc", signature.substr(1)));
  EXPECT_THROW(sign_with(key + ".pub", "x"), BundleError);  // a public key cannot sign
  EXPECT_THROW(key_id(files.write("not-a-key", "hello")), BundleError);
}

}  // namespace
}  // namespace sosei::app
