// `sosei hub serve` in-process (issue 16): the hub's page, its JSON and its metrics for the whole hub, a
// prefecture or a group, sorted as asked; names escaped; a scope the hub does not have is a 400 in the
// reader's language; only loopback is served.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/clock.hpp"
#include "exposition_parser.hpp"
#include "serve/hub_server.hpp"
#include "store/store.hpp"

namespace sosei::serve::test {
namespace {

using nlohmann::json;

// The city's newest evaluation: `best` KPIs ○ and one × without a value.
void evaluated(const std::string& path, int best) {
  store::StoreConfig config;
  config.location = path;
  auto s = store::open_store(config);
  store::EvaluationRecord e;
  e.as_of = "2026-03-31";
  e.scheme = "kama";
  for (int i = 0; i <= best; ++i) {
    store::EvaluationKpiRecord k;
    k.kpi = "k" + std::to_string(i);
    k.actual = i < best ? std::optional<double>(1) : std::nullopt;
    k.grade_index = i < best ? 0 : 2;
    k.grade_symbol = i < best ? "○" : "×";
    k.grade_label = k.grade_symbol;
    e.kpis.push_back(k);
  }
  s->save_evaluation(e, {});
}

class HubServe : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sosei-hub-serve-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    hub_.name = "嘉飯圏域 <ハブ>";
    hub_.cities = {{"402273", "嘉麻市", (dir_ / "kama.db").string(), {}},
                   {"402052", "飯塚市", (dir_ / "iizuka.db").string(), {}},
                   {"404217", "<b>桂川町</b>", (dir_ / "keisen.db").string(), {}},
                   {"131016", "千代田区", (dir_ / "chiyoda.db").string(), {}}};
    hub_.groups = {{"嘉飯圏域", "定住自立圏", {"402052", "402273", "404217"}, {}}};
    evaluated(hub_.cities[0].database, 3);
    evaluated(hub_.cities[1].database, 1);
    evaluated(hub_.cities[3].database, 2);
  }
  void TearDown() override {
    if (server_) {
      server_->stop();
      thread_.join();
    }
    std::filesystem::remove_all(dir_);
  }

  void start(const std::string& bind = "127.0.0.1") {
    ServeOptions options;
    options.bind = bind;
    options.port = 0;
    server_ = std::make_unique<HubServer>(hub_, "", text::Lang::Ja, options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(std::chrono::seconds(10));
    return c;
  }

  std::filesystem::path dir_;
  config::Hub hub_;
  std::unique_ptr<HubServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HubServe, ThePageListsEveryCityWithItsGradesAndNamesWhatIsMissing) {
  start();
  const auto r = client().Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  const std::string& page = r->body;
  EXPECT_NE(page.find("<html lang=\"ja\">"), std::string::npos);
  EXPECT_NE(page.find("嘉飯圏域 &lt;ハブ&gt; — 市町村の KPI 評価"), std::string::npos);
  EXPECT_NE(page.find("<td>402273</td><td>嘉麻市</td>"), std::string::npos) << page;
  EXPECT_NE(page.find("○3 ×1"), std::string::npos) << page;
  EXPECT_NE(page.find(">3/4<"), std::string::npos) << page;
  // 桂川町 has no database yet: its row says so, and its name arrives escaped.
  EXPECT_NE(page.find("&lt;b&gt;桂川町&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<b>桂川町"), std::string::npos);
  EXPECT_NE(page.find("データベースなし"), std::string::npos);
  EXPECT_NE(page.find("評価のない団体 1 : &lt;b&gt;桂川町&lt;/b&gt;"), std::string::npos) << page;
  // The form offers the hub's prefectures and groups; the headers sort.
  EXPECT_NE(page.find("<option value=\"13\">東京都</option>"), std::string::npos) << page;
  EXPECT_NE(page.find("<option value=\"嘉飯圏域\">嘉飯圏域</option>"), std::string::npos) << page;
  EXPECT_NE(page.find("href=\"?sort=best\""), std::string::npos) << page;
}

TEST_F(HubServe, APrefectureOrAGroupSortedAsAskedInEitherLanguage) {
  start();
  auto r = client().Get("/api/hub?prefecture=40&sort=best");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  EXPECT_EQ(j["scope"]["kind"], "prefecture");
  ASSERT_EQ(j["cities"].size(), 3u);
  EXPECT_EQ(j["cities"][0]["code"], "402273");  // ○ 3/4 first
  EXPECT_EQ(j["cities"][1]["code"], "402052");
  EXPECT_EQ(j["cities"][2]["state"], "no_database");
  EXPECT_EQ(j["without_evaluation"], json::array({"<b>桂川町</b>"}));

  r = client().Get("/?group=%E5%98%89%E9%A3%AF%E5%9C%8F%E5%9F%9F&lang=en");  // 嘉飯圏域
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r->body.find("KPI grades"), std::string::npos);  // the apostrophe arrives escaped
  EXPECT_EQ(r->body.find("千代田区"), std::string::npos);
  // The sort links keep the group, percent-encoded, and the language.
  EXPECT_NE(r->body.find("?sort=name&amp;group=%E5%98%89%E9%A3%AF%E5%9C%8F%E5%9F%9F&amp;lang=en"), std::string::npos)
      << r->body;
}

TEST_F(HubServe, AScopeTheHubDoesNotHaveIsA400SayingWhatThereIs) {
  start();
  auto r = client().Get("/api/hub?group=%E5%8C%97%E4%B9%9D%E5%B7%9E");  // 北九州
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["error"], "グループ「北九州」はハブの設定にありません。あるのは: 嘉飯圏域");
  r = client().Get("/?prefecture=99&lang=en");
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("--prefecture &quot;99&quot; is not a prefecture"), std::string::npos) << r->body;
  r = client().Get("/api/hub?sort=random");
  EXPECT_EQ(r->status, 400);
  r = client().Get("/api/hub?sort=code&sort=name");
  EXPECT_EQ(r->status, 400);
  r = client().Get("/api/hub?prefecture=40&group=%E5%98%89%E9%A3%AF%E5%9C%8F%E5%9F%9F");
  EXPECT_EQ(r->status, 400);
  r = client().Get("/api/hub?token=abc");
  EXPECT_EQ(r->status, 400);  // tokens never travel in the URL, here either
  r = client().Get("/entry");
  EXPECT_EQ(r->status, 404);
}

// The shared indicators as `sosei hub indicators --json` gives them, for the scope asked; the sums and
// ratios themselves are tested in tests/app/hub_indicators_test.cpp. Here no city has a configuration
// at the hub, so every one is named as such.
TEST_F(HubServe, SharedIndicatorsAnswerForTheScopeAskedAndRefuseWhatTheHubLacks) {
  hub_.indicators = {
      {"startups", "創業者数", "", "件", config::Direction::HigherIsBetter, config::IndicatorAggregate::Sum, 1, {}}};
  start();
  auto r = client().Get("/api/hub/indicators?prefecture=13");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  EXPECT_EQ(j["scope"]["prefecture"], "13");
  ASSERT_EQ(j["indicators"].size(), 1u);
  ASSERT_EQ(j["indicators"][0]["cities"].size(), 1u);
  EXPECT_EQ(j["indicators"][0]["cities"][0]["state"], "no_configuration");
  EXPECT_EQ(j["indicators"][0]["total"]["without"], json::array({"千代田区"}));
  EXPECT_EQ(json::parse(client().Get("/api/hub/indicators")->body)["indicators"][0]["cities"].size(), 4u);

  r = client().Get("/api/hub/indicators?indicator=population");
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("あるのは: startups"), std::string::npos) << r->body;
  // The city's notation: R7 is 令和7年度, FY2025.
  r = client().Get("/api/hub/indicators?period=R7");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["indicators"][0]["period"], "FY2025") << r->body;
  r = client().Get("/api/hub/indicators?period=%E6%9D%A5%E5%B9%B4&lang=en");  // 来年
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("is not a period"), std::string::npos) << r->body;
  EXPECT_EQ(client().Get("/api/hub/indicators?group=%E5%8C%97")->status, 400);  // no group 北

  // The same as a page, linked from the hub's, names escaped.
  EXPECT_NE(client().Get("/")->body.find("<a href=\"/indicators?sort=code\">共通指標</a>"), std::string::npos);
  r = client().Get("/indicators");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("創業者数（startups）: どの団体にもまだ値がありません"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("&lt;b&gt;桂川町&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(r->body.find("<b>桂川町"), std::string::npos);
  EXPECT_NE(r->body.find("ハブに設定（config）がない"), std::string::npos);
  EXPECT_NE(r->body.find("値のない団体 4 : 嘉麻市"), std::string::npos) << r->body;
}

TEST_F(HubServe, MetricsCarryOneSeriesPerCityLabelledByItsCode) {
  start();
  const auto r = client().Get("/metrics");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const auto m = parse_exposition(r->body);
  EXPECT_TRUE(m.errors.empty()) << m.errors.front();
  const auto evaluated_cities = m.of("sosei_hub_city_evaluated");
  ASSERT_EQ(evaluated_cities.size(), 4u);
  double sum = 0;
  for (const auto& s : evaluated_cities) sum += s.value;
  EXPECT_EQ(sum, 3);
  bool kama_best = false;
  for (const auto& s : m.of("sosei_hub_city_kpis"))
    if (s.labels.at("city") == "402273" && s.labels.at("grade") == "○") kama_best = s.value == 3;
  EXPECT_TRUE(kama_best) << r->body;
}

TEST_F(HubServe, OnlyLoopbackIsServed) {
  ServeOptions options;
  options.bind = "0.0.0.0";
  options.port = 0;
  HubServer server(hub_, "", text::Lang::Ja, options);
  try {
    server.bind();
    FAIL() << "bound beyond loopback";
  } catch (const ServeRefused& e) {
    EXPECT_NE(std::string(e.what()).find("リバースプロキシ"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sosei::serve::test
