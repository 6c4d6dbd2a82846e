// Issue 16, access at the hub's server: each city's own dashboard and read API under /city/{code}/
// (its strategy, its data, metrics labelled with its code); once the hub has a token, every request
// needs one and reads its scope only — a prefecture's token its municipalities, the nation's every
// city, a city's own token its own pages — and a refusal shows nothing of the city asked for. A token
// revoked is refused at the next request; beyond loopback only once the hub has a token.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>
#include <tuple>
#include <vector>

#include "app/environment.hpp"
#include "app/hub_access.hpp"
#include "serve/api_token.hpp"
#include "serve/hub_server.hpp"
#include "serve_world.hpp"

namespace sosei::serve::test {
namespace {

using nlohmann::json;

class HubAccess : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sosei-hub-access-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    hub_.name = "ハブ";
    hub_.tokens_file = (dir_ / "hub.tokens.json").string();
    hub_.cities = {{"402273", "嘉麻市", (dir_ / "kama.db").string(), {}},
                   {"402052", "飯塚市", (dir_ / "iizuka.db").string(), {}},
                   {"131016", "千代田区", (dir_ / "chiyoda.db").string(), {}}};
    hub_.groups = {{"嘉飯圏域", "定住自立圏", {"402052", "402273"}, {}}};
    hub_.indicators = {
        {"startups", "創業者数", "", "件", config::Direction::HigherIsBetter, config::IndicatorAggregate::Sum, 1, {}}};
    const std::string grading = std::string(SOSEI_TEST_SOURCE_DIR) + "/config/grading";
    for (const auto& [city, strategy] : {std::pair{0, "嘉麻市総合戦略"}, std::pair{1, "飯塚市総合戦略"}}) {
      const std::filesystem::path db = hub_.cities[city].database;
      seed(db);
      auto config = app_config(db, grading);
      config.strategy.name = strategy;
      envs_.push_back(std::make_unique<app::Environment>(std::move(config), &clock_));
      pages_[hub_.cities[city].code] = envs_.back().get();
    }
    kama_token_ = add_token(hub_.cities[0].database, "産業振興課");
    iizuka_token_ = add_token(hub_.cities[1].database, "産業振興課");
  }
  void TearDown() override {
    if (server_) {
      server_->stop();
      thread_.join();
    }
    std::filesystem::remove_all(dir_);
  }

  void start() {
    ServeOptions options;
    options.port = 0;
    server_ = std::make_unique<HubServer>(hub_, "", text::Lang::Ja, options, pages_);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
  }
  // A hub token of `scope`; returns its text.
  std::string hub_token(const std::string& scope) {
    const std::string token = new_token();
    app::HubTokens(hub_.tokens_file).add(token_sha256(token), app::token_scope(hub_, scope), "", "test", clock_);
    return token;
  }
  httplib::Result get(const std::string& path, const std::string& token = "") const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(std::chrono::seconds(10));
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return c.Get(path, headers);
  }

  ManualClock clock_{std::chrono::sys_seconds{std::chrono::seconds{1780000000}}};
  std::filesystem::path dir_;
  config::Hub hub_;
  std::vector<std::unique_ptr<app::Environment>> envs_;
  std::map<std::string, const app::Environment*> pages_;
  std::string kama_token_, iizuka_token_;
  std::unique_ptr<HubServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HubAccess, EachCitysOwnDashboardAndApiAreUnderItsCode) {
  start();
  auto r = get("/city/402273/");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("嘉麻市総合戦略"), std::string::npos);
  EXPECT_EQ(r->body.find("飯塚市総合戦略"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);

  r = get("/city/402052/api/kpis/startups");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["kpi"]["id"], "startups");
  r = get("/city/402052/api/evaluation");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(json::parse(r->body).contains("kpis")) << r->body;

  r = get("/city/402273/metrics");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("{city=\"402273\","), std::string::npos) << r->body;

  // The hub's page links the cities it has pages of.
  r = get("/");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("<a href=\"/city/402273/\">ダッシュボード</a>"), std::string::npos) << r->body;
  EXPECT_EQ(r->body.find("<a href=\"/city/131016/\">"), std::string::npos);

  // A city without a configuration at the hub, and a code the hub does not have: 404s that say so, as
  // JSON under the city's /api/.
  r = get("/city/131016/api/evaluation");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(json::parse(r->body)["error"].get<std::string>().find("config"), std::string::npos) << r->body;
  r = get("/city/011002/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("このハブにありません"), std::string::npos) << r->body;

  // A path the hub does not serve names the hub's pages, not a city server's hand entry.
  r = get("/entry");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("/city/{団体コード}/ の下"), std::string::npos) << r->body;
  EXPECT_EQ(r->body.find("/entry"), r->body.find("GET /entry") + 4) << r->body;  // only as the path asked
  EXPECT_EQ(r->body.find("/entry", r->body.find("GET /entry") + 5), std::string::npos) << r->body;
}

// A city formed by a merger: its own dashboard and API at the hub show the merged town's value for a
// year before the merger that the city has none for, noted as the town's (docs/hub.md "Mergers").
TEST_F(HubAccess, ACitysPagesContinueItsHistoryBeforeItsMerger) {
  const auto town_db = dir_ / "yamada.db";
  {
    auto town = store::open_store({.location = town_db.string(), .city = "405817"});
    auto run = town->begin_import({"history", "csv", "1.0.0"});
    run->put({"startups", Period::fiscal_year(2025), {}}, {Value::of(50), 0, "", "old.csv:2"});  // the city has its own
    run->put({"startups", Period::fiscal_year(2026), {}}, {Value::of(3), 0, "", "old.csv:3"});
    run->put({"startups", Period::fiscal_year(2027), {}}, {Value::of(99), 0, "", "old.csv:4"});  // after the merger
    run->commit();
  }
  hub_.cities[0].predecessors = {{"405817", "山田市", Date{2026, 10, 1}, town_db.string(), {}}};
  auto config = app_config(hub_.cities[0].database, std::string(SOSEI_TEST_SOURCE_DIR) + "/config/grading");
  config.strategy.name = "嘉麻市総合戦略";
  config.strategy.kpis[0].indicator = config::IndicatorLink{"startups", "", "", {}};
  envs_[0] = std::make_unique<app::Environment>(std::move(config), &clock_);
  pages_["402273"] = envs_[0].get();
  start();

  const auto year = [](const json& evaluation, int fy) {
    for (const auto& k : evaluation["kpis"])
      if (k["id"] == "startups")
        for (const auto& y : k["years"])
          if (y["year"] == fy) return y;
    return json();
  };
  auto r = get("/city/402273/api/evaluation?as_of=2028-08-01");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto evaluation = json::parse(r->body);
  EXPECT_EQ(year(evaluation, 2026)["value"]["number"], 3) << r->body;
  EXPECT_EQ(year(evaluation, 2026)["note"], "合併前の 山田市 の値") << r->body;
  EXPECT_EQ(year(evaluation, 2025)["value"]["number"], 8);   // the city's own, not the town's 50
  EXPECT_TRUE(year(evaluation, 2027).is_null()) << r->body;  // the town's rows after the merger count for nothing
  r = get("/city/402273/?as_of=2028-08-01");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("合併前の 山田市 の値"), std::string::npos);
  r = get("/city/402273/?as_of=2028-08-01&lang=en");  // in the language asked for
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("from the merged 山田市"), std::string::npos);
  EXPECT_EQ(r->body.find("合併前の 山田市 の値"), std::string::npos);
  // The KPI's observations: the city's own, then the town's before the merger, marked.
  r = get("/city/402273/api/kpis/startups/observations");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto rows = json::parse(r->body)["observations"];
  std::vector<std::tuple<std::string, bool, std::string>> seen;
  for (const auto& o : rows) seen.emplace_back(o["period"], o["from_predecessors"], o["note"]);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), std::make_tuple(std::string("FY2026"), true, std::string("合併前の 山田市 の値"))) << r->body;
  for (std::size_t i = 0; i + 1 < seen.size(); ++i) EXPECT_FALSE(std::get<1>(seen[i])) << r->body;
  r = get("/city/402273/api/kpis/startups/observations?period=FY2026&lang=en");
  ASSERT_TRUE(r);
  const auto fy2026 = json::parse(r->body)["observations"];
  ASSERT_EQ(fy2026.size(), 1u) << r->body;
  EXPECT_EQ(fy2026[0]["note"], "from the merged 山田市");
  r = get("/city/402273/api/kpis/startups/observations?period=FY2025");
  ASSERT_TRUE(r);
  const auto fy2025 = json::parse(r->body);  // kept: a range over a temporary's member would dangle
  for (const auto& o : fy2025["observations"]) EXPECT_FALSE(o["from_predecessors"]) << r->body;
  // A city without predecessors shows only its own rows.
  r = get("/city/402052/api/evaluation?as_of=2028-08-01");
  ASSERT_TRUE(r);
  EXPECT_TRUE(year(json::parse(r->body), 2026).is_null()) << r->body;
}

TEST_F(HubAccess, OnceTheHubHasATokenEveryRequestNeedsOne) {
  hub_token("nation");
  start();
  for (const char* path : {"/", "/api/hub", "/metrics", "/indicators", "/api/hub/indicators", "/city/402273/",
                           "/city/402273/api/evaluation"}) {
    auto r = get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << path;
    EXPECT_EQ(r->get_header_value("WWW-Authenticate"), "Bearer realm=\"sosei\"") << path;
    EXPECT_EQ(r->body.find("嘉麻市総合戦略"), std::string::npos) << path;
    r = get(path, "sosei_nobody");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << path;
  }
  // Not from the URL, ever.
  const auto r = get("/api/hub?token=x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(HubAccess, APrefectureTokenReadsItsMunicipalitiesOnly) {
  const std::string fukuoka = hub_token("prefecture:40");
  start();
  auto r = get("/api/hub", fukuoka);  // no scope asked: the token's own
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = json::parse(r->body);
  EXPECT_EQ(j["scope"]["kind"], "prefecture");
  ASSERT_EQ(j["cities"].size(), 2u);
  EXPECT_EQ(r->body.find("千代田区"), std::string::npos);
  r = get("/api/hub?group=嘉飯圏域", fukuoka);  // within it
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  for (const char* path : {"/api/hub?prefecture=13", "/?prefecture=東京都", "/metrics?prefecture=13",
                           "/api/hub/indicators?prefecture=13", "/indicators?prefecture=13"}) {
    r = get(path, fukuoka);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << path;
    EXPECT_EQ(r->body.find("千代田区"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("131016"), std::string::npos) << path;
  }
  r = get("/api/hub/indicators", fukuoka);  // the shared indicators of its municipalities only
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["indicators"][0]["cities"].size(), 2u);
  EXPECT_EQ(r->body.find("千代田区"), std::string::npos);
  r = get("/metrics", fukuoka);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("city=\"402052\""), std::string::npos);
  EXPECT_EQ(r->body.find("city=\"131016\""), std::string::npos);
  r = get("/city/402052/", fukuoka);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("飯塚市総合戦略"), std::string::npos);

  // Tokyo's token reads Tokyo, not Fukuoka's cities.
  const std::string tokyo = hub_token("prefecture:13");
  r = get("/city/402273/", tokyo);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(r->body.find("嘉麻市総合戦略"), std::string::npos);
  r = get("/api/hub", tokyo);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["cities"].size(), 1u);

  // The nation's reads every city.
  r = get("/api/hub", hub_token("nation"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["cities"].size(), 3u);
}

TEST_F(HubAccess, ACitysOwnTokenReadsItsOwnPagesAndNothingElse) {
  hub_token("nation");
  start();
  auto r = get("/city/402273/api/evaluation", kama_token_);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  r = get("/city/402273/", kama_token_);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // 嘉麻市's token at 飯塚市: 403, nothing of 飯塚市's in the answer.
  for (const char* path :
       {"/city/402052/", "/city/402052/api/evaluation", "/city/402052/api/kpis/startups", "/city/402052/metrics"}) {
    r = get(path, kama_token_);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << path;
    EXPECT_EQ(r->body.find("飯塚市総合戦略"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("\"value\""), std::string::npos) << path;
  }
  // The hub's own pages are not a city's to read.
  for (const char* path : {"/", "/api/hub", "/metrics", "/indicators", "/api/hub/indicators"}) {
    r = get(path, kama_token_);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << path;
    EXPECT_EQ(r->body.find("飯塚市"), std::string::npos) << path;
  }
  r = get("/city/402052/", iizuka_token_);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(HubAccess, ARevokedTokenIsRefusedAtTheNextRequestAndTheHubStaysClosed) {
  const std::string fukuoka = hub_token("prefecture:40");
  start();
  auto r = get("/api/hub", fukuoka);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  ASSERT_TRUE(app::HubTokens(hub_.tokens_file).revoke(1, "test", clock_));
  r = get("/api/hub", fukuoka);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  // That was the hub's only token: the hub does not fall open, and is not served beyond loopback.
  r = get("/api/hub");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  ServeOptions options;
  options.bind = "0.0.0.0";
  options.port = 0;
  HubServer beyond(hub_, "", text::Lang::Ja, options, pages_);
  EXPECT_THROW(beyond.bind(), ServeRefused);
}

TEST_F(HubAccess, TheHubStaysClosedWhenItsTokenFileGoesAwayOrIsDamaged) {
  const std::string nation = hub_token("nation");
  start();
  auto r = get("/api/hub", nation);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  std::filesystem::remove(hub_.tokens_file);  // moved away, an unmounted folder, a mistake
  for (const std::string& token : {std::string(), nation}) {
    r = get("/api/hub", token);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << token;
  }
  // Damaged: nobody is let in, and the answer names no file.
  std::ofstream(hub_.tokens_file) << "{";
  r = get("/city/402273/", nation);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->body.find(hub_.tokens_file), std::string::npos) << r->body;
  EXPECT_EQ(r->body.find("嘉麻市総合戦略"), std::string::npos);
  // A server starting on a damaged file does not start.
  ServeOptions options;
  options.port = 0;
  HubServer damaged(hub_, "", text::Lang::Ja, options, pages_);
  EXPECT_THROW(damaged.bind(), ServeError);
}

TEST_F(HubAccess, AGroupTokenReadsItsMembersAndAnUnknownCodeLooksLikeAnyOtherRefusal) {
  const std::string kahan = hub_token("group:嘉飯圏域");
  const std::string tokyo = hub_token("prefecture:13");
  start();
  auto r = get("/city/402052/", kahan);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = get("/api/hub", kahan);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["cities"].size(), 2u);
  for (const char* path : {"/city/131016/", "/api/hub?prefecture=40", "/api/hub?prefecture=13"}) {
    r = get(path, kahan);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << path;
  }
  // Tokyo's token cannot tell a code the hub lacks from a Fukuoka city it has.
  const auto missing = get("/city/011002/", tokyo), elsewhere = get("/city/402273/", tokyo);
  ASSERT_TRUE(missing && elsewhere);
  EXPECT_EQ(missing->status, 403);
  EXPECT_EQ(elsewhere->status, 403);
}

TEST_F(HubAccess, BeyondLoopbackOnlyOnceTheHubHasAToken) {
  ServeOptions options;
  options.bind = "0.0.0.0";
  options.port = 0;
  {
    HubServer server(hub_, "", text::Lang::Ja, options, pages_);
    EXPECT_THROW(server.bind(), ServeRefused);
  }
  hub_token("prefecture:40");
  HubServer server(hub_, "", text::Lang::Ja, options, pages_);
  EXPECT_GT(server.bind(), 0);
  server.stop();
}

}  // namespace
}  // namespace sosei::serve::test
