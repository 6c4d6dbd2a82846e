// `sosei serve` in-process on an ephemeral port: each API endpoint, the dashboard and entry page,
// /metrics read by a strict parser (and promtool when installed), hand entry over HTTP with every
// refusal, escaping of hostile names and notes, and the non-loopback rule.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "exposition_parser.hpp"
#include "serve_fixture.hpp"

namespace sosei::serve::test {
namespace {

using nlohmann::json;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

json body_of(const httplib::Result& r) { return json::parse(r->body); }

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string entry(const std::string& kpi, const std::string& period, const std::string& value,
                  const std::string& note = "") {
  return json{{"kpi", kpi}, {"period", period}, {"value", value}, {"note", note}}.dump();
}

// ---- the JSON API -------------------------------------------------------------------------------

TEST_F(ServeTest, KpisListsTheStrategyWithTheNewestValue) {
  start();
  auto r = client().Get("/api/kpis");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json kpis = body_of(r)["kpis"];
  ASSERT_EQ(kpis.size(), 4u);
  EXPECT_EQ(kpis[0]["id"], "startups");
  EXPECT_EQ(kpis[0]["department"], "産業振興課");
  EXPECT_EQ(kpis[0]["entered_by_hand"], true);
  EXPECT_EQ(kpis[0]["target"]["kind"], "cumulative");
  EXPECT_EQ(kpis[0]["latest"]["period"], "FY2025");
  EXPECT_EQ(kpis[0]["latest"]["value"], 8);
  EXPECT_EQ(kpis[0]["latest"]["source"], "kama_csv");
  EXPECT_EQ(kpis[1]["entered_by_hand"], false);
  EXPECT_TRUE(kpis[2]["latest"].is_null());  // groups: nothing stored
}

TEST_F(ServeTest, OneKpiWithItsEvaluation) {
  start();
  auto r = client().Get("/api/kpis/startups?as_of=R7");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const json j = body_of(r);
  EXPECT_EQ(j["kpi"]["id"], "startups");
  EXPECT_EQ(j["as_of"], "2026-03-31");
  EXPECT_EQ(j["scheme"], "kama");
  EXPECT_EQ(j["evaluation"]["actual"]["value"]["number"], 8);
  EXPECT_DOUBLE_EQ(j["evaluation"]["ratio"].get<double>(), 0.2);  // 8 of 40
  EXPECT_FALSE(j["evaluation"]["grade"]["symbol"].get<std::string>().empty());

  EXPECT_EQ(client().Get("/api/kpis/nope")->status, 404);
  EXPECT_EQ(body_of(client().Get("/api/kpis/nope"))["error"],
            "unknown KPI 'nope': /api/kpis lists the KPIs of the strategy");
  EXPECT_EQ(client().Get("/api/kpis/startups?as_of=someday")->status, 400);
  EXPECT_EQ(client().Get("/api/kpis/startups?scheme=../../etc/passwd")->status, 400);
  EXPECT_EQ(client().Get("/api/kpis/startups?scheme=abcd")->status, 200);
  EXPECT_EQ(client().Get("/api/kpis/startups?as_of=R7&as_of=R8")->status, 400);
}

TEST_F(ServeTest, ObservationsOfAKpi) {
  start();
  auto r = client().Get("/api/kpis/startups/observations");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const json j = body_of(r);
  EXPECT_EQ(j["kpi"], "startups");
  ASSERT_EQ(j["observations"].size(), 2u);
  EXPECT_EQ(j["observations"][0]["period"], "FY2023");
  EXPECT_EQ(j["observations"][1]["value"], 8);
  EXPECT_EQ(j["observations"][1]["revisions"], 0);
  const json r7 = body_of(client().Get("/api/kpis/startups/observations?period=%E4%BB%A4%E5%92%8C7%E5%B9%B4%E5%BA%A6"));
  ASSERT_EQ(r7["observations"].size(), 1u);  // 令和7年度
  EXPECT_EQ(r7["observations"][0]["period"], "FY2025");
  EXPECT_EQ(client().Get("/api/kpis/startups/observations?period=someday")->status, 400);
  EXPECT_EQ(client().Get("/api/kpis/nope/observations")->status, 404);
}

TEST_F(ServeTest, TheEvaluationLikeSoseiEvaluateJson) {
  start();
  auto r = client().Get("/api/evaluation?as_of=FY2025&scheme=abcd");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const json j = body_of(r);
  EXPECT_EQ(j["as_of"], "2026-03-31");
  EXPECT_EQ(j["scheme"]["name"], "abcd");
  EXPECT_EQ(j["kpis"].size(), 4u);
  EXPECT_EQ(j["rollups"]["total"]["kpis"], 4);
  EXPECT_EQ(body_of(client().Get("/api/evaluation"))["as_of"], "2026-08-01");  // the fixture's today
}

TEST_F(ServeTest, RunsNewestFirstAndOneRunInFull) {
  start();
  const json runs = body_of(client().Get("/api/runs"))["runs"];
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0]["source"], "tourism");
  EXPECT_EQ(runs[0]["status"], "failed");
  EXPECT_EQ(runs[1]["source"], "kama_csv");
  EXPECT_EQ(runs[1]["inserted"], 3);
  EXPECT_EQ(body_of(client().Get("/api/runs?source=kama_csv"))["runs"].size(), 1u);
  EXPECT_EQ(body_of(client().Get("/api/runs?limit=1"))["runs"].size(), 1u);
  EXPECT_EQ(client().Get("/api/runs?limit=0")->status, 400);
  EXPECT_EQ(client().Get("/api/runs?limit=ten")->status, 400);

  const json one = body_of(client().Get("/api/runs/" + std::to_string(runs[1]["id"].get<int>())));
  EXPECT_EQ(one["source"], "kama_csv");
  EXPECT_TRUE(one["rejections"].is_array());
  EXPECT_EQ(client().Get("/api/runs/999")->status, 404);
  EXPECT_EQ(client().Get("/api/runs/x")->status, 404);
}

TEST_F(ServeTest, StatusLikeSoseiStatusJson) {
  start();
  auto r = client().Get("/api/status?as_of=2026-08-01");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const json j = body_of(r);
  EXPECT_EQ(j["as_of"], "2026-08-01");
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_EQ(j["sources"][0]["id"], "kama_csv");
  EXPECT_EQ(j["sources"][0]["last_run"]["status"], "succeeded");
  EXPECT_EQ(j["kpis"].size(), 4u);
  EXPECT_TRUE(j.contains("overdue"));
}

TEST_F(ServeTest, UnknownPathsAnswerInTheirOwnForm) {
  start();
  auto api = client().Get("/api/nothing");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_NE(body_of(api)["error"].get<std::string>().find("/api/nothing"), std::string::npos);
  auto page = client().Get("/<script>x</script>");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
  EXPECT_EQ(page->body.find("<script>x"), std::string::npos);
}

// ---- pages --------------------------------------------------------------------------------------

TEST_F(ServeTest, DashboardIsTheReportBuiltLive) {
  start();
  auto r = client().Get("/?as_of=R7");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(r->body.find("テスト市"), std::string::npos);
  EXPECT_NE(r->body.find("創業者数"), std::string::npos);
  EXPECT_NE(r->body.find("基準日 2026年3月31日"), std::string::npos);
  EXPECT_EQ(client().Get("/?lang=fr")->status, 400);
  EXPECT_EQ(client().Get("/?lang=en&years=western")->status, 200);
  // A grade says what decided it in words (the JSON keeps the code "ratio").
  EXPECT_NE(r->body.find("title=\"目標に対する達成率による\""), std::string::npos);
  EXPECT_EQ(r->body.find("title=\"ratio\""), std::string::npos);
}

// A parameter the dashboard cannot read is refused in the page's language: the one asked for (?lang=),
// else the city's.
TEST_F(ServeTest, DashboardRefusalsAreInThePagesLanguage) {
  start();
  const auto body = [&](const std::string& target) {
    auto r = client().Get(target);
    EXPECT_TRUE(r && r->status == 400) << target;
    return r ? r->body : std::string();
  };
  EXPECT_NE(body("/?lang=fr").find("ja または en を指定してください"), std::string::npos);
  EXPECT_NE(body("/?years=bogus").find("era（R7）または western（2025）"), std::string::npos);
  EXPECT_NE(body("/?as_of=someday").find("基準日「someday」を読めません"), std::string::npos);
  EXPECT_NE(body("/?scheme=nosuch").find("評価基準「nosuch」はありません"), std::string::npos);
  EXPECT_NE(body("/?approved_only=maybe").find("approved_only には 1"), std::string::npos);
  EXPECT_NE(body("/?as_of=R7&as_of=R8").find("パラメータ as_of が複数回"), std::string::npos);
  const std::string en = body("/?lang=en&as_of=someday");
  EXPECT_NE(en.find("cannot read the as-of date"), std::string::npos) << en;
  EXPECT_NE(en.find("is not a period"), std::string::npos) << en;  // English adds the notation's reason
  EXPECT_NE(body("/?lang=en&years=bogus").find("is not a year style"), std::string::npos);
}

TEST_F(ServeTest, EntryPageListsOnlyKpisEnteredByHand) {
  start();
  auto r = client().Get("/entry");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("value=\"startups\""), std::string::npos);
  EXPECT_NE(r->body.find("value=\"groups\""), std::string::npos);
  EXPECT_EQ(r->body.find("value=\"shops\""), std::string::npos);
  EXPECT_NE(r->body.find("type=\"password\""), std::string::npos);
  // A proportional Japanese font first, and no developer text on the form (the API is in docs/serve.md).
  EXPECT_NE(r->body.find("body{font-family:\"Hiragino Sans\","), std::string::npos);
  EXPECT_EQ(r->body.find("IPAGothic"), std::string::npos);  // the monospaced IPA font
  for (const char* developer : {"POST", "/api/", "Authorization", "Bearer", "docs/", "<code>"})
    EXPECT_EQ(r->body.find(developer), std::string::npos) << developer;
}

// ---- hand entry ---------------------------------------------------------------------------------

TEST_F(ServeTest, EntryCreatesARunAndASecondWriteARevision) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  auto first =
      client().Post("/api/entries", bearer(token), entry("startups", "R8", "9件", "速報値"), "application/json");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 201);
  const json a = body_of(first);
  EXPECT_EQ(a["kpi"], "startups");
  EXPECT_EQ(a["period"], "FY2026");
  EXPECT_EQ(a["value"], 9);
  EXPECT_EQ(a["inserted"], true);
  EXPECT_EQ(a["revised"], false);
  EXPECT_EQ(a["run"]["source"], "hand:産業振興課");
  EXPECT_EQ(a["run"]["plugin"], "hand-entry");
  EXPECT_EQ(first->get_header_value("Location"), "/api/runs/" + std::to_string(a["run"]["id"].get<int>()));

  auto second =
      client().Post("/api/entries", bearer(token), entry("startups", "R8", "10件", "確定値"), "application/json");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 201);
  EXPECT_EQ(body_of(second)["revised"], true);
  EXPECT_EQ(body_of(second)["run"]["revised"], 1);

  const json observations = body_of(client().Get("/api/kpis/startups/observations?period=R8"))["observations"];
  ASSERT_EQ(observations.size(), 1u);
  EXPECT_EQ(observations[0]["value"], 10);
  EXPECT_EQ(observations[0]["revisions"], 1);
  EXPECT_EQ(observations[0]["note"], "確定値");
  const json runs =
      body_of(client().Get("/api/runs?source=hand:%E7%94%A3%E6%A5%AD%E6%8C%AF%E8%88%88%E8%AA%B2"))["runs"];
  EXPECT_EQ(runs.size(), 2u);
}

TEST_F(ServeTest, EntryRefusals) {
  const std::string industry = add_token(database_, "産業振興課");
  const std::string policy = add_token(database_, "総合政策課");
  const std::string revoked = add_token(database_, "産業振興課");
  store::open_store({database_.string()})->revoke_token(3);
  start();
  auto post = [&](const httplib::Headers& headers, const std::string& body) {
    auto r = client().Post("/api/entries", headers, body, "application/json");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_TRUE(body_of(r)["error"].is_string()) << r->body;
    return r->status;
  };
  const std::string good = entry("startups", "R8", "9件");
  EXPECT_EQ(post({}, good), 401);
  EXPECT_EQ(post(bearer("sosei_not-a-token"), good), 401);
  EXPECT_EQ(post(bearer(revoked), good), 401);
  EXPECT_EQ(post({{"Authorization", "Basic " + industry}}, good), 401);
  EXPECT_EQ(post(bearer(policy), good), 403);                                    // another department's KPI
  EXPECT_EQ(post(bearer(industry), entry("shops", "R8", "1件")), 403);           // imported, not by hand
  EXPECT_EQ(post(bearer(industry), "{\"kpi\": \"startups\","), 400);             // malformed JSON
  EXPECT_EQ(post(bearer(industry), entry("startups", "R8", "多数")), 400);       // bad value
  EXPECT_EQ(post(bearer(industry), entry("startups", "そのうち", "1件")), 400);  // bad period
  EXPECT_EQ(post(bearer(industry), entry("nope", "R8", "1件")), 404);            // unknown KPI
  EXPECT_EQ(post(bearer(industry), entry("startups", "R7", "9件")), 409);        // the import's value
  EXPECT_EQ(post(bearer(industry), std::string(70 * 1024, ' ')), 413);           // oversized body
  auto no_token = client().Post("/api/entries", good, "application/json");
  EXPECT_EQ(no_token->get_header_value("WWW-Authenticate"), "Bearer realm=\"sosei\"");

  EXPECT_TRUE(
      body_of(client().Get("/api/runs?source=hand:%E7%94%A3%E6%A5%AD%E6%8C%AF%E8%88%88%E8%AA%B2"))["runs"].empty());
  // Token use is recorded; the revoked one keeps its revocation.
  const auto tokens = store::open_store({database_.string()})->tokens();
  EXPECT_FALSE(tokens[0].last_used_at.empty());
  EXPECT_TRUE(tokens[2].last_used_at.empty());
}

TEST_F(ServeTest, TheFormEntersTooAndShowsWhatHappened) {
  const std::string token = add_token(database_, "総合政策課");
  start();
  auto ok = client().Post("/entry", "kpi=groups&period=R8&value=5%E7%B5%84%E7%B9%94&note=&token=" + token,
                          "application/x-www-form-urlencoded");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_NE(ok->body.find("class=\"ok\""), std::string::npos);
  EXPECT_NE(ok->body.find("新しい値として登録しました: groups 令和8年度 = 5"), std::string::npos) << ok->body;
  EXPECT_EQ(ok->body.find(token), std::string::npos);  // the page never shows the token again

  auto refused =
      client().Post("/entry", "kpi=groups&period=R8&value=5&token=wrong", "application/x-www-form-urlencoded");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_NE(refused->body.find("class=\"error\""), std::string::npos);
  EXPECT_NE(refused->body.find("value=\"R8\""), std::string::npos);  // the form keeps what was typed
  EXPECT_NE(refused->body.find("このトークンは登録されていません"), std::string::npos) << refused->body;

  // ?lang=en: the same form and refusal in English, and the form posts back in English.
  auto english =
      client().Post("/entry?lang=en", "kpi=groups&period=R8&value=5&token=wrong", "application/x-www-form-urlencoded");
  ASSERT_TRUE(english);
  EXPECT_NE(english->body.find("unknown token"), std::string::npos) << english->body;
  EXPECT_NE(english->body.find("action=\"/entry?lang=en\""), std::string::npos);
  EXPECT_NE(english->body.find("<html lang=\"en\">"), std::string::npos);
}

// ---- data-quality flags (issue 14 §3) -----------------------------------------------------------

// A warning flag on startups FY2025 (産業振興課), raised by a run as the rules would.
int64_t raise_flag(const std::filesystem::path& database) {
  auto store = store::open_store({database.string()});
  auto run = store->begin_import({"kama_csv", "csv", "1.0.0"});
  store::ObservationData d;
  d.value = Value::of(80);
  const store::ObservationKey key{"startups", Period::fiscal_year(2025), {}};
  run->put(key, d);
  store::FlagRaise raised;
  raised.rule = "max_change";
  raised.value = 80;
  raised.detail = "previous FY2023: 5";
  run->set_flags(key, {raised});
  run->commit();
  const auto flags = store->flags({"", true, std::nullopt});
  return flags.empty() ? 0 : flags[0].id;
}

TEST_F(ServeTest, ADepartmentResolvesItsOwnFlagWithAReason) {
  const int64_t id = raise_flag(database_);
  ASSERT_NE(id, 0);
  const std::string industry = add_token(database_, "産業振興課");
  const std::string policy = add_token(database_, "総合政策課");
  start();
  const json open = body_of(client().Get("/api/flags?open=1"));
  ASSERT_EQ(open.size(), 1u) << open.dump();
  EXPECT_EQ(open[0]["series"], "startups");
  EXPECT_EQ(open[0]["department"], "産業振興課");
  EXPECT_EQ(open[0]["state"], "open");

  const std::string path = "/api/flags/" + std::to_string(id) + "/resolve";
  const std::string note = json{{"note", "原票で確認済み"}}.dump();
  EXPECT_EQ(client().Post(path, note, "application/json")->status, 401);  // no token
  auto other = client().Post(path, bearer(policy), note, "application/json");
  EXPECT_EQ(other->status, 403);
  EXPECT_NE(body_of(other)["error"].get<std::string>().find("フラグ " + std::to_string(id) + " は総合政策課の KPI"),
            std::string::npos)
      << other->body;
  EXPECT_EQ(client().Post(path, bearer(industry), "{}", "application/json")->status, 400);  // no reason

  auto done = client().Post(path, bearer(industry), note, "application/json");
  ASSERT_EQ(done->status, 200) << done->body;
  EXPECT_EQ(body_of(done)["state"], "resolved");
  EXPECT_EQ(body_of(done)["note"], "原票で確認済み");
  EXPECT_NE(body_of(done)["closed_by"].get<std::string>().find("産業振興課"), std::string::npos);
  EXPECT_EQ(client().Post(path, bearer(industry), note, "application/json")->status, 409);  // closed already
  EXPECT_TRUE(body_of(client().Get("/api/flags?open=1")).empty());
}

TEST_F(ServeTest, TheDashboardMarksAFlaggedValue) {
  raise_flag(database_);
  start();
  const auto page = client().Get("/?as_of=R7");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("未解決のデータ品質フラグ"), std::string::npos);
}

// ---- escaping -----------------------------------------------------------------------------------

TEST_F(ServeTest, NamesAndNotesFromDataNeverBecomeMarkup) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  auto r = client().Post("/api/entries", bearer(token), entry("evil", "R7", "3件", kEvilNote), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;

  const std::string dashboard = client().Get("/?as_of=2026-08-01")->body;
  EXPECT_EQ(count(dashboard, "<script"), 1u);  // the report's own script only
  EXPECT_EQ(dashboard.find("alert(\"name\")"), std::string::npos);
  EXPECT_NE(dashboard.find("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39;"),
            std::string::npos);
  EXPECT_NE(dashboard.find("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;"), std::string::npos);

  const std::string form = client().Get("/entry")->body;
  EXPECT_EQ(count(form, "<script"), 0u);
  EXPECT_NE(form.find("&lt;script&gt;alert(&quot;name&quot;)"), std::string::npos);

  auto echoed = client().Post("/entry", "kpi=evil&period=%3Cscript%3E&value=%22%3E%3Cscript%3E&token=" + token,
                              "application/x-www-form-urlencoded");
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->status, 400);
  EXPECT_EQ(count(echoed->body, "<script"), 0u);

  // JSON keeps the text as it is; the metrics escape it in label values.
  EXPECT_EQ(body_of(client().Get("/api/kpis/evil"))["kpi"]["name"], kEvilName);
  const auto metrics = parse_exposition(client().Get("/metrics")->body);
  EXPECT_TRUE(metrics.errors.empty()) << ::testing::PrintToString(metrics.errors);
  bool found = false;
  for (const auto& s : metrics.of("sosei_kpi_info")) found = found || s.labels.at("name") == kEvilName;
  EXPECT_TRUE(found);
}

// ---- metrics ------------------------------------------------------------------------------------

TEST_F(ServeTest, MetricsFollowTheExpositionFormat) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  ASSERT_EQ(client().Post("/api/entries", bearer(token), entry("startups", "R8", "9件"), "application/json")->status,
            201);
  auto r = client().Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const auto m = parse_exposition(r->body);
  ASSERT_TRUE(m.errors.empty()) << ::testing::PrintToString(m.errors);
  for (const auto& [name, type] : m.type) EXPECT_TRUE(m.help.contains(name)) << name;

  auto one = [&](const std::string& name, const std::map<std::string, std::string>& labels) {
    for (const auto& s : m.of(name)) {
      bool match = true;
      for (const auto& [k, v] : labels) match = match && s.labels.contains(k) && s.labels.at(k) == v;
      if (match) return std::optional<ParsedSample>(s);
    }
    return std::optional<ParsedSample>();
  };
  // As of the fixture's today (2026-08-01) FY2025 is published; the entered FY2026 is not until it ends.
  const auto latest = one("sosei_kpi_latest_value", {{"kpi", "startups"}});
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->value, 8);
  EXPECT_EQ(latest->labels.at("period"), "FY2025");
  EXPECT_EQ(latest->labels.at("department"), "産業振興課");
  const auto ratio = one("sosei_kpi_ratio", {{"kpi", "startups"}});
  ASSERT_TRUE(ratio);
  EXPECT_DOUBLE_EQ(ratio->value, 0.2);  // 8 of 40
  const auto grade = one("sosei_kpi_grade", {{"kpi", "startups"}});
  ASSERT_TRUE(grade);
  EXPECT_FALSE(grade->labels.at("symbol").empty());
  EXPECT_EQ(m.type.at("sosei_import_runs_total"), "counter");
  EXPECT_EQ(one("sosei_import_runs_total", {{"source", "kama_csv"}, {"status", "succeeded"}})->value, 1);
  EXPECT_EQ(one("sosei_import_runs_total", {{"source", "tourism"}, {"status", "failed"}})->value, 1);
  EXPECT_EQ(one("sosei_import_runs_total", {{"source", "hand:産業振興課"}, {"status", "succeeded"}})->value, 1);
  EXPECT_EQ(one("sosei_import_last_run_failed", {{"source", "tourism"}})->value, 1);
  EXPECT_EQ(one("sosei_import_last_run_failed", {{"source", "kama_csv"}})->value, 0);
  EXPECT_GE(one("sosei_import_last_run_duration_seconds", {{"source", "kama_csv"}})->value, 0);
  EXPECT_GT(one("sosei_import_last_success_timestamp_seconds", {{"source", "kama_csv"}})->value, 1.7e9);
  EXPECT_FALSE(one("sosei_import_last_success_timestamp_seconds", {{"source", "tourism"}}));
  EXPECT_EQ(one("sosei_source_consecutive_failures", {{"source", "kama_csv"}})->value, 0);
  EXPECT_TRUE(one("sosei_kpi_data_overdue", {{"kpi", "groups"}}));
  EXPECT_TRUE(one("sosei_build_info", {}));
}

TEST_F(ServeTest, MetricsPassPromtoolWhenInstalled) {
  start();
  const std::string text = client().Get("/metrics")->body;
  if (!std::ifstream("/usr/bin/promtool")) GTEST_SKIP() << "/usr/bin/promtool not installed (Debian: prometheus)";
  const auto file = database_.parent_path() / "metrics.txt";
  std::ofstream(file, std::ios::binary) << text;
  const std::string command = "/usr/bin/promtool check metrics < '" + file.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buf[512];
  while (const std::size_t n = fread(buf, 1, sizeof buf, pipe)) output.append(buf, n);
  EXPECT_EQ(pclose(pipe), 0) << output;
}

// ---- where it listens ---------------------------------------------------------------------------

TEST_F(ServeTest, ANonLoopbackAddressNeedsAnActiveToken) {
  ServeOptions options;
  options.bind = "0.0.0.0";
  options.port = 0;
  const app::Environment env(config_, &clock_);
  {
    Server refused(env, options);
    try {
      refused.bind();
      FAIL() << "bound 0.0.0.0 without a token";
    } catch (const ServeRefused& e) {
      EXPECT_NE(std::string(e.what()).find("sosei token create --department"), std::string::npos) << e.what();
    }
  }
  add_token(database_, "産業振興課");
  store::open_store({database_.string()})->revoke_token(1);
  {
    Server still_refused(env, options);
    EXPECT_THROW(still_refused.bind(), ServeRefused);  // a revoked token does not count
  }
  add_token(database_, "産業振興課");
  Server allowed(env, options);
  EXPECT_GT(allowed.bind(), 0);
}

}  // namespace
}  // namespace sosei::serve::test
