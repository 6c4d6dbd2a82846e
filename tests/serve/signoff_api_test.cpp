// Issue 14 §4-6 over HTTP: submit / approve / unlock by the right tokens (a department token approving
// is a 403), an approved period refusing a hand entry with the database unchanged apart from the run
// record, comments through the API and the /signoff forms, and the audit trail's JSON.
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "serve_fixture.hpp"

namespace sosei::serve::test {
namespace {

using json = nlohmann::json;

json body_of(const httplib::Result& r) { return json::parse(r->body); }
httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string entry(const std::string& period, const std::string& value) {
  return json{{"kpi", "startups"}, {"period", period}, {"value", value}}.dump();
}

std::string signoff(const std::string& period, const std::string& reason = "") {
  json j{{"kpi", "startups"}, {"period", period}};
  if (!reason.empty()) j["reason"] = reason;
  return j.dump();
}

// Every table but the run log, row by row: what a refused entry must leave as it was.
std::string dump_except_runs(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::vector<std::string> tables;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  std::string out;
  for (const auto& t : tables) {
    if (t == "import_runs" || t == "run_rejections") continue;
    out += "== " + t + "\n";
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + t + "\" ORDER BY 1, 2").c_str(), -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const auto* text = sqlite3_column_text(s, c);
        out += (text ? reinterpret_cast<const char*>(text) : "NULL") + std::string("|");
      }
      out += "\n";
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

class SignoffApi : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    industry_ = add_token(database_, "産業振興課");
    policy_ = add_token(database_, "総合政策課", store::TokenRole::Policy);
    start();
  }
  int post(const std::string& path, const std::string& token, const std::string& body) {
    auto r = client().Post(path, bearer(token), body, "application/json");
    EXPECT_TRUE(r);
    last_ = r ? r->body : "";
    return r ? r->status : 0;
  }
  std::string industry_, policy_, last_;
};

TEST_F(SignoffApi, SubmitApproveUnlockByTheRightTokens) {
  ASSERT_EQ(post("/api/entries", industry_, entry("R8", "9件")), 201) << last_;
  EXPECT_EQ(post("/api/signoff/approve", policy_, signoff("R8")), 409) << last_;  // not submitted yet
  ASSERT_EQ(post("/api/signoff/submit", industry_, signoff("R8")), 200) << last_;
  EXPECT_EQ(json::parse(last_)["state"], "submitted");
  EXPECT_NE(json::parse(last_)["message"].get<std::string>().find("提出しました"), std::string::npos);
  EXPECT_EQ(post("/api/signoff/approve", industry_, signoff("R8")), 403) << last_;  // a department token
  EXPECT_NE(json::parse(last_)["error"].get<std::string>().find("政策担当課"), std::string::npos) << last_;
  ASSERT_EQ(post("/api/signoff/approve", policy_, signoff("R8")), 200) << last_;
  EXPECT_EQ(json::parse(last_)["locked"], true);
  EXPECT_EQ(json::parse(last_)["changed_by"], "token 2");
  EXPECT_EQ(post("/api/signoff/unlock", industry_, signoff("R8", "誤り")), 403);
  EXPECT_EQ(post("/api/signoff/unlock", policy_, signoff("R8")), 400);    // no reason
  EXPECT_EQ(post("/api/signoff/submit", industry_, signoff("R6")), 409);  // nothing stored
  EXPECT_EQ(post("/api/signoff/submit", industry_, "{\"kpi\": \"startups\", \"period\": \"R8\", \"x\": 1}"), 400);
  EXPECT_EQ(post("/api/signoff/submit", "sosei_wrong", signoff("R8")), 401);

  const json approvals = body_of(client().Get("/api/approvals?kpi=startups"));
  ASSERT_EQ(approvals.size(), 1u);
  EXPECT_EQ(approvals[0]["period"], "FY2026");
  EXPECT_EQ(approvals[0]["state"], "approved");

  ASSERT_EQ(post("/api/signoff/unlock", policy_, signoff("R8", "値の訂正")), 200) << last_;
  EXPECT_EQ(json::parse(last_)["state"], "entered");
  const json audit = body_of(client().Get("/api/audit?kpi=startups"));
  std::vector<std::string> actions;
  for (const auto& e : audit) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"approval.submit", "approval.approve", "approval.unlock"}));
  EXPECT_EQ(audit[0]["who"]["token_id"], 1);
  EXPECT_EQ(audit[0]["who"]["department"], "産業振興課");
  EXPECT_EQ(audit[2]["reason"], "値の訂正");
}

TEST_F(SignoffApi, ApprovedPeriodRefusesAHandEntryAndChangesNothingButTheRunLog) {
  ASSERT_EQ(post("/api/entries", industry_, entry("R8", "9件")), 201);
  ASSERT_EQ(post("/api/signoff/submit", industry_, signoff("R8")), 200);
  ASSERT_EQ(post("/api/signoff/approve", policy_, signoff("R8")), 200);
  EXPECT_EQ(post("/api/entries", industry_, entry("R8", "9件")), 201);  // the same value changes nothing

  const std::string before = dump_except_runs(database_);
  EXPECT_EQ(post("/api/entries", industry_, entry("R8", "10件")), 409);
  const std::string error = json::parse(last_)["error"];
  EXPECT_NE(error.find("承認済みで締められている"), std::string::npos) << error;
  EXPECT_EQ(dump_except_runs(database_), before);
  const json runs = body_of(client().Get("/api/runs?limit=1"))["runs"];
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["status"], "failed");
  EXPECT_EQ(runs[0]["rejected"], 1);

  ASSERT_EQ(post("/api/signoff/unlock", policy_, signoff("R8", "訂正のため")), 200);
  EXPECT_EQ(post("/api/entries", industry_, entry("R8", "10件")), 201);
}

TEST_F(SignoffApi, CommentsByKindAndRole) {
  auto comment = [](const std::string& kind, const std::string& text) {
    return json{{"kpi", "startups"}, {"year", "R7"}, {"kind", kind}, {"text", text}}.dump();
  };
  ASSERT_EQ(post("/api/comments", industry_, comment("why", "相談窓口の開設")), 201) << last_;
  EXPECT_EQ(json::parse(last_)["version"], 1);
  ASSERT_EQ(post("/api/comments", industry_, comment("why", "相談窓口の開設と補助金の周知")), 201);
  EXPECT_EQ(json::parse(last_)["version"], 2);
  EXPECT_EQ(post("/api/comments", industry_, comment("committee", "よい")), 403);  // the policy division's
  EXPECT_EQ(post("/api/comments", policy_, comment("why", "代筆")), 403);          // the department's
  ASSERT_EQ(post("/api/comments", policy_, comment("committee", "伴走支援を続けること")), 201);
  EXPECT_EQ(post("/api/comments", industry_, comment("why", "")), 400);

  const json current = body_of(client().Get("/api/comments?kpi=startups"));
  ASSERT_EQ(current.size(), 2u);
  EXPECT_EQ(current[0]["text"], "相談窓口の開設と補助金の周知");
  EXPECT_EQ(current[0]["period"], "FY2025");
  EXPECT_EQ(body_of(client().Get("/api/comments?kpi=startups&versions=all")).size(), 3u);
  // The dashboard carries the newest texts beside the figures.
  auto dashboard = client().Get("/");
  ASSERT_TRUE(dashboard);
  EXPECT_NE(dashboard->body.find("相談窓口の開設と補助金の周知"), std::string::npos);
  EXPECT_NE(dashboard->body.find("伴走支援を続けること"), std::string::npos);
}

TEST_F(SignoffApi, TheSignoffPageHasTheButtons) {
  auto entry_page = client().Get("/entry");
  ASSERT_TRUE(entry_page);
  EXPECT_NE(entry_page->body.find("href=\"/signoff\""), std::string::npos);
  auto page = client().Get("/signoff");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  for (const char* button : {"value=\"submit\">提出", "value=\"approve\">承認", "value=\"unlock\">締めの解除",
                             "/signoff/comment", "推進会議の意見"})
    EXPECT_NE(page->body.find(button), std::string::npos) << button;
  EXPECT_EQ(page->body.find("(submit)"), std::string::npos);  // one language, not both side by side
  auto english = client().Get("/signoff?lang=en");
  ASSERT_TRUE(english);
  for (const char* words : {"<html lang=\"en\"", "value=\"approve\">Approve", "committee&#39;s opinion", "Token"})
    EXPECT_NE(english->body.find(words), std::string::npos) << words;
  EXPECT_EQ(english->body.find("承認"), std::string::npos);
  httplib::Params form{{"kpi", "startups"}, {"period", "R7"}, {"step", "submit"}, {"token", industry_}};
  auto submitted = client().Post("/signoff/step", form);
  ASSERT_TRUE(submitted);
  EXPECT_EQ(submitted->status, 200) << submitted->body;
  EXPECT_NE(submitted->body.find("提出しました"), std::string::npos);
  form = {{"kpi", "startups"}, {"period", "R7"}, {"step", "approve"}, {"token", industry_}};
  auto refused = client().Post("/signoff/step", form);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  httplib::Params note{
      {"kpi", "startups"}, {"year", "R7"}, {"kind", "next"}, {"text", "支援を拡充"}, {"token", industry_}};
  auto saved = client().Post("/signoff/comment", note);
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 200) << saved->body;
  EXPECT_NE(saved->body.find("今後の方向性"), std::string::npos);
}

}  // namespace
}  // namespace sosei::serve::test
