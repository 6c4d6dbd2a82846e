// Sign-off against an import that commits while an approval waits for the writer (app/signoff.hpp):
// the approval checked the submitted values before it could write, so it checks them again once
// written, and an import that slipped in between withdraws it. The race is made deterministic by the
// store's lock-wait signal: the import commits exactly while the approval waits.
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <thread>

#include "app/actor.hpp"
#include "app/environment.hpp"
#include "app/signoff.hpp"
#include "common/clock.hpp"
#include "store/store.hpp"

namespace sosei::app {
namespace {

using namespace std::chrono;

const std::string kBundledConfig = std::string(SOSEI_TEST_SOURCE_DIR) + "/config/sosei.yaml";

class SignoffRace : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test: ctest runs the tests of this fixture in parallel.
    path_ = std::filesystem::path(SOSEI_TEST_BINARY_DIR) /
            (std::string("signoff_race_") + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  std::unique_ptr<store::Store> open(std::function<void()> on_lock_wait = nullptr) {
    store::StoreConfig where{path_.string()};
    where.clock = &clock_;
    where.on_lock_wait = std::move(on_lock_wait);
    return store::open_store(where);
  }

  static void put(store::Store& store, double value) {
    auto run = store.begin_import({"kama_values", "csv", "1.0.0"});
    store::ObservationData d;
    d.value = Value::of(value);
    run->put({"startups", Period::fiscal_year(2025), {}}, d);
    run->commit();
  }

  ManualClock clock_{sys_seconds{sys_days{year{2026} / 5 / 1} + hours{1}}};
  Environment env_{EnvironmentOptions{kBundledConfig, ":memory:", &clock_}};
  std::filesystem::path path_;
};

TEST_F(SignoffRace, AnImportCommittingWhileTheApprovalWaitsWithdrawsIt) {
  auto importer = open();
  put(*importer, 8);
  clock_.advance(seconds{1});
  const SignoffRequest request{"startups", "R7", ""};
  const text::Locale locale{text::Lang::Ja, text::YearStyle::Era, "Asia/Tokyo"};
  sign_off(env_.config().strategy, *importer, cli_signer(), SignoffStep::Submit, request, locale);

  // The import holds the writer from its start; the approval checks (nothing changed yet), then waits.
  auto run = importer->begin_import({"kama_values", "csv", "1.0.0"});
  store::ObservationData nine;
  nine.value = Value::of(9);
  run->put({"startups", Period::fiscal_year(2025), {}}, nine);
  std::promise<void> waiting;
  auto approver = open(
      [&waiting, once = std::make_shared<std::once_flag>()] { std::call_once(*once, [&] { waiting.set_value(); }); });
  auto approval = std::async(std::launch::async, [&] {
    return sign_off(env_.config().strategy, *approver, cli_signer(), SignoffStep::Approve, request, locale);
  });
  ASSERT_EQ(waiting.get_future().wait_for(seconds{30}), std::future_status::ready) << "the approval never waited";
  clock_.advance(seconds{1});  // the run commits after the submission, though it began with it
  run->commit();

  try {
    approval.get();
    FAIL() << "approved a value the department never submitted";
  } catch (const SignoffRefused& e) {
    EXPECT_EQ(e.why(), SignoffRefused::Why::Conflict);
    EXPECT_NE(std::string(e.what()).find("の後に値が変わりました"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("+09:00"), std::string::npos) << "shown in the city's time: " << e.what();
  }
  EXPECT_EQ(importer->approval("startups", Period::fiscal_year(2025)).state, store::ApprovalState::Entered);
  std::vector<std::string> actions, reasons;
  for (const auto& event : importer->audit({"startups", "", "", std::nullopt, 0})) {
    actions.push_back(event.action);
    reasons.push_back(event.reason);
  }
  // A revision is stamped with its run's start, which was the submission's second: listed first.
  EXPECT_EQ(actions,
            (std::vector<std::string>{"value.revise", "approval.submit", "approval.approve", "approval.unlock"}));
  EXPECT_NE(reasons.back().find("承認を取り消しました"), std::string::npos) << reasons.back();

  // The department submits the new value; approving it then holds.
  sign_off(env_.config().strategy, *importer, cli_signer(), SignoffStep::Submit, request, locale);
  EXPECT_EQ(
      sign_off(env_.config().strategy, *importer, cli_signer(), SignoffStep::Approve, request, locale).approval.state,
      store::ApprovalState::Approved);
}

// An import a quarter of a second after the submission: shown to the second, both times read the same,
// and the refusal looked as if nothing had changed after the submission.
TEST_F(SignoffRace, AChangeWithinTheSecondOfTheSubmissionShowsItsMilliseconds) {
  auto store = open();
  put(*store, 8);
  clock_.advance(seconds{1});
  const SignoffRequest request{"startups", "R7", ""};
  const text::Locale locale{text::Lang::Ja, text::YearStyle::Era, "Asia/Tokyo"};
  sign_off(env_.config().strategy, *store, cli_signer(), SignoffStep::Submit, request, locale);
  clock_.advance(milliseconds{250});
  put(*store, 9);
  try {
    sign_off(env_.config().strategy, *store, cli_signer(), SignoffStep::Approve, request, locale);
    FAIL() << "approved a value changed after its submission";
  } catch (const SignoffRefused& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("2026-05-01 10:00:01.000 +09:00"), std::string::npos) << what;
    EXPECT_NE(what.find("2026-05-01 10:00:01.250 +09:00"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace sosei::app
