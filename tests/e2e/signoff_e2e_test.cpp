// Issue 14 §4-6 end to end with the `sosei` binary on the bundled Kama City configuration: submit,
// approve and unlock at the CLI, an approved period refusing an import with the database unchanged
// apart from the run record, the audit trail, commentary in every report format, and
// `report --approved-only`.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "sosei_runner.hpp"

using nlohmann::json;
using sosei::test_support::read_file;
using sosei::test_support::SoseiRunner;

namespace {

// Every row of every table except the run log, through a separate raw connection: what a refused
// run must leave exactly as it was.
std::string dump_except_runs(const std::filesystem::path& db_path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
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

void replace_in_file(const std::filesystem::path& p, const std::string& from, const std::string& to) {
  std::string text = read_file(p);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << p;
  text.replace(at, from.size(), to);
  std::ofstream(p, std::ios::binary) << text;
}

const json* kpi_row(const json& report, const std::string& id) {
  for (const auto& r : report["projects"])
    if (r["id"] == id) return &r;
  return nullptr;
}

}  // namespace

TEST(SignoffEndToEnd, ApprovedPeriodRefusesAnImportUntilUnlockedWithAReason) {
  SoseiRunner s("signoff-lock");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);

  auto approve_early = s.run("approve startups R7");
  EXPECT_EQ(approve_early.exit_code, 1) << approve_early.err;
  EXPECT_NE(approve_early.err.find("提出されていない"), std::string::npos) << approve_early.err;
  auto submit = s.run("submit startups R7");
  ASSERT_EQ(submit.exit_code, 0) << submit.err;
  EXPECT_NE(submit.out.find("提出しました"), std::string::npos) << submit.out;
  auto approve = s.run("approve startups 令和7年度 --reason 推進会議で確認");
  ASSERT_EQ(approve.exit_code, 0) << approve.err;
  EXPECT_NE(approve.out.find("承認しました"), std::string::npos) << approve.out;
  EXPECT_EQ(s.run("submit startups R7").exit_code, 1);  // approved already
  auto twice = s.run("approve startups R7");
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("は既に承認済みです"), std::string::npos) << twice.err;
  // A bare year is the KPI's fiscal year here, as in every command.
  EXPECT_NE(s.run("approve startups 2025").err.find("令和7年度 は既に承認済みです"), std::string::npos);
  EXPECT_EQ(s.run("approve nosuchkpi R7").exit_code, 2);

  const auto db = s.dir() / "out" / "sosei.db";
  const std::string before = dump_except_runs(db);
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件", "startups,R7,9件");
  auto refused = s.run("import kama_values");
  EXPECT_EQ(refused.exit_code, 1) << refused.out;
  EXPECT_EQ(dump_except_runs(db), before);
  // Said once, with nothing on skipping bad rows (an approved value is no bad row), and that the rows
  // it accepted before it stopped were not kept.
  EXPECT_NE(refused.out.find("失敗した取込は何も記録しません"), std::string::npos) << refused.out;
  EXPECT_EQ(refused.out.find("on_bad_row"), std::string::npos) << refused.out;
  EXPECT_EQ(refused.out.find("\n  却下 "), std::string::npos) << "the error again as a rejection: " << refused.out;
  const json run = json::parse(s.run("runs --json --limit 1").out)[0];
  EXPECT_EQ(run["status"], "failed");
  const json detail = json::parse(s.run("runs --json --id " + std::to_string(run["id"].get<int>())).out);
  ASSERT_FALSE(detail["rejections"].empty()) << detail.dump();
  const std::string reason = detail["rejections"][0]["reason"];
  EXPECT_NE(reason.find("承認済みで締められている"), std::string::npos) << reason;
  EXPECT_NE(reason.find("sosei unlock startups R7 --reason"), std::string::npos) << reason;
  EXPECT_NE(detail["rejections"][0]["location"].get<std::string>().find("kama-kpi-values.csv:"), std::string::npos);

  // The same values again are no change: an approved period does not refuse them.
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,9件", "startups,R7,8件");
  EXPECT_EQ(s.run("import kama_values").exit_code, 0);

  // The same value with another note (a plugin that rewords its notes after an upgrade): the run
  // goes on, the approved value keeps its approved note, and the log says so.
  const std::string approved = dump_except_runs(db);
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件,", "startups,R7,8件,速報値");
  auto reworded = s.run("import kama_values");
  EXPECT_EQ(reworded.exit_code, 0) << reworded.err;
  EXPECT_NE(reworded.err.find("承認済みの期間の値 1 件は注記だけが違ったため、承認時の注記のまま残しました"),
            std::string::npos)
      << reworded.err;
  EXPECT_EQ(dump_except_runs(db), approved);
  EXPECT_EQ(json::parse(s.run("runs --json --limit 1").out)[0]["accepted"], 24);
  // A run that then fails (a bad row elsewhere) kept nothing, so it does not say it kept the note.
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "shop_renovations,R5,13件,",
                  "shop_renovations,R5,十三件?,");
  auto failed = s.run("import kama_values");
  EXPECT_EQ(failed.exit_code, 1) << failed.err;
  EXPECT_EQ(failed.err.find("承認時の注記のまま残しました"), std::string::npos) << failed.err;
  EXPECT_EQ(dump_except_runs(db), approved);
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "shop_renovations,R5,十三件?,",
                  "shop_renovations,R5,13件,");
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件,速報値", "startups,R7,8件,");

  EXPECT_EQ(s.run("unlock startups R7").exit_code, 2);  // --reason is required
  EXPECT_EQ(s.run("unlock startups R7 --reason ' '").exit_code, 2);
  auto unlock = s.run("unlock startups R7 --reason 'R7 の件数に誤り（産業振興課から連絡）'");
  ASSERT_EQ(unlock.exit_code, 0) << unlock.err;
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件", "startups,R7,9件");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);

  // history keeps its keys; the audit trail has every step with who, before → after and why.
  const json h = json::parse(s.run("history startups R7 --json").out);
  ASSERT_EQ(h[0]["revisions"].size(), 1u);
  EXPECT_EQ(h[0]["revisions"][0]["old"], 8);
  EXPECT_EQ(h[0]["revisions"][0]["new"], 9);
  EXPECT_EQ(h[0]["revisions"][0]["by"]["source"], "kama_values");
  const json audit = json::parse(s.run("audit --kpi startups --json").out);
  std::vector<std::string> actions;
  for (const auto& e : audit) actions.push_back(e["action"]);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"approval.submit", "approval.approve", "approval.unlock", "value.revise"}));
  EXPECT_EQ(audit[0]["who"]["kind"], "cli");
  EXPECT_FALSE(audit[0]["who"]["name"].get<std::string>().empty());
  EXPECT_EQ(audit[1]["reason"], "推進会議で確認");
  EXPECT_EQ(audit[2]["before"], "approved");
  EXPECT_EQ(audit[2]["after"], "entered");
  EXPECT_EQ(audit[2]["reason"], "R7 の件数に誤り（産業振興課から連絡）");
  EXPECT_EQ(audit[3]["who"]["kind"], "run");
  EXPECT_EQ(audit[3]["who"]["name"], "kama_values");
  EXPECT_EQ(audit[3]["before"], "8");
  EXPECT_EQ(audit[3]["after"], "9");
  auto table = s.run("audit --kpi startups");
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("操作者"), std::string::npos) << table.out;
  EXPECT_NE(s.run("audit --kpi startups --lang en").out.find("who"), std::string::npos);
  EXPECT_EQ(json::parse(s.run("audit --since 2999-01-01 --json").out).size(), 0u);
}

// What the policy division approves is what the department submitted: a value changed after the
// submission (here by an import) cannot be approved until the department submits it again, and a
// period with an open data-quality flag cannot be approved until the flag is resolved.
TEST(SignoffEndToEnd, AValueChangedAfterSubmissionOrAnOpenFlagStopsTheApproval) {
  SoseiRunner s("signoff-changed");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  ASSERT_EQ(s.run("submit startups R7").exit_code, 0);
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件", "startups,R7,9件");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);  // a submitted period is not locked
  auto refused = s.run("approve startups R7");
  EXPECT_EQ(refused.exit_code, 1) << refused.out;
  EXPECT_NE(refused.err.find("は提出（"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("の後に値が変わりました"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("もう一度提出します（sosei submit）"), std::string::npos) << refused.err;
  EXPECT_NE(s.run("approve startups R7 --lang en").err.find("changed after it was submitted"), std::string::npos);

  auto again = s.run("submit startups R7");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("提出し直しました"), std::string::npos) << again.out;
  EXPECT_EQ(s.run("submit startups R7").exit_code, 1) << "nothing changed since: already submitted";
  auto approved = s.run("approve startups R7");
  ASSERT_EQ(approved.exit_code, 0) << approved.err;
  std::vector<std::string> actions;
  for (const auto& e : json::parse(s.run("audit --kpi startups --json").out)) actions.push_back(e["action"]);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"approval.submit", "value.revise", "approval.submit", "approval.approve"}));

  // A flag a rule raised on a period: approval waits for it.
  const json open = json::parse(s.run("flags --open --json").out);
  ASSERT_FALSE(open.empty()) << "the bundled data raises flags";
  const std::string kpi = open[0]["series"];
  const std::string period = open[0]["period"];
  ASSERT_EQ(s.run("submit " + kpi + " " + period).exit_code, 0);
  auto flagged = s.run("approve " + kpi + " " + period);
  EXPECT_EQ(flagged.exit_code, 1) << flagged.out;
  EXPECT_NE(flagged.err.find("未解決のデータ品質フラグが"), std::string::npos) << flagged.err;
  EXPECT_NE(flagged.err.find("#" + std::to_string(open[0]["id"].get<int>())), std::string::npos) << flagged.err;
  for (const auto& f : open) {
    if (f["series"] != kpi || f["period"] != period) continue;
    ASSERT_EQ(s.run("flags resolve " + std::to_string(f["id"].get<int>()) + " --note '担当課が確認済み'").exit_code, 0);
  }
  auto after = s.run("approve " + kpi + " " + period);
  EXPECT_EQ(after.exit_code, 0) << after.err;
}

TEST(SignoffEndToEnd, TokensHaveRolesAndTheirChangesAreAudited) {
  SoseiRunner s("signoff-tokens");
  ASSERT_EQ(s.run("init").exit_code, 0);
  auto policy = s.run("token create --department 総合政策課 --role policy --json");
  ASSERT_EQ(policy.exit_code, 0) << policy.err;
  EXPECT_EQ(json::parse(policy.out)["role"], "policy");
  ASSERT_EQ(s.run("token create --department 産業振興課").exit_code, 0);
  EXPECT_EQ(s.run("token create --department 産業振興課 --role mayor").exit_code, 2);
  const json tokens = json::parse(s.run("token list --json").out);
  EXPECT_EQ(tokens[0]["role"], "policy");
  EXPECT_EQ(tokens[1]["role"], "department");
  ASSERT_EQ(s.run("token revoke 2").exit_code, 0);
  const json audit = json::parse(s.run("audit --json").out);
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[0]["action"], "token.create");
  EXPECT_EQ(audit[2]["action"], "token.revoke");
  EXPECT_NE(audit[2]["before"].get<std::string>().find("token 2 産業振興課"), std::string::npos);
}

TEST(SignoffEndToEnd, CommentsAreVersionedAndShownInEveryReport) {
  SoseiRunner s("signoff-comments");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  ASSERT_EQ(s.run("comment startups R7 --kind why --text 創業相談が増えた").exit_code, 0);
  auto second = s.run("comment startups R7 --kind why --text 創業支援補助金の周知で相談が増えた");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("第2版"), std::string::npos) << second.out;
  ASSERT_EQ(s.run("comment startups R7 --kind committee --text 引き続き伴走支援を").exit_code, 0);
  ASSERT_EQ(s.run("comment tourism_visitors R7 --kind why --text 新施設の開業で増えた").exit_code, 0);  // 暦年の KPI
  EXPECT_EQ(s.run("comment startups R7 --kind opinion --text x").exit_code, 2);
  EXPECT_EQ(s.run("comment startups R7 --kind why --text ' '").exit_code, 2);

  for (const char* format : {"md", "html", "json"}) {
    const std::string file = std::string("r.") + format;
    ASSERT_EQ(s.run(std::string("report -o ") + (s.dir() / file).string()).exit_code, 0) << format;
    const std::string text = read_file(s.dir() / file);
    EXPECT_NE(text.find("創業支援補助金の周知で相談が増えた"), std::string::npos) << format;
    EXPECT_NE(text.find("引き続き伴走支援を"), std::string::npos) << format;
    EXPECT_EQ(text.find("創業相談が増えた"), std::string::npos) << format << ": only the newest version";
  }
  ASSERT_EQ(s.run("report --table comments -o " + (s.dir() / "c.csv").string()).exit_code, 0);
  const std::string csv = read_file(s.dir() / "c.csv");
  EXPECT_NE(csv.find("要因分析"), std::string::npos) << csv;
  EXPECT_NE(csv.find("推進会議の意見"), std::string::npos) << csv;
  ASSERT_EQ(s.run("report -o " + (s.dir() / "r.xlsx").string()).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(s.dir() / "r.xlsx"));  // with its コメント sheet (xlsx_test reads sheets)
  const json report = json::parse(read_file(s.dir() / "r.json"));
  const json* row = kpi_row(report, "startups");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ((*row)["comments"].size(), 2u);
  EXPECT_EQ((*row)["comments"][0]["kind"], "why");
  EXPECT_EQ((*row)["comments"][0]["version"], 2);
  EXPECT_EQ((*row)["comments"][1]["kind"], "committee");

  // The report handed to the council for R6 leaves out the R7 commentary written since.
  ASSERT_EQ(s.run("report --as-of FY2024 -o " + (s.dir() / "r6.json").string()).exit_code, 0);
  const json r6 = json::parse(read_file(s.dir() / "r6.json"));
  const json* earlier = kpi_row(r6, "startups");
  ASSERT_NE(earlier, nullptr);
  EXPECT_TRUE((*earlier)["comments"].empty()) << (*earlier)["comments"].dump();
  ASSERT_EQ(s.run("report --as-of FY2024 --table comments -o " + (s.dir() / "c6.csv").string()).exit_code, 0);
  EXPECT_EQ(read_file(s.dir() / "c6.csv").find("引き続き伴走支援を"), std::string::npos);
  // A calendar-year KPI's comment is on a fiscal year too: as of 2025-03-31 (R6), R7's stays out.
  EXPECT_EQ(read_file(s.dir() / "c6.csv").find("新施設の開業で増えた"), std::string::npos);
  EXPECT_TRUE((*kpi_row(r6, "tourism_visitors"))["comments"].empty());
}

// The policy division's list: what waits for its approval first, then what it approved, by name.
TEST(SignoffEndToEnd, ApprovalsListWhatWaitsAndWhatIsApproved) {
  SoseiRunner s("signoff-approvals");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  const auto none = s.run("approvals");
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_NE(none.out.find("承認申請中・承認済みの期間はありません"), std::string::npos) << none.out;
  ASSERT_EQ(s.run("submit startups R7").exit_code, 0);
  ASSERT_EQ(s.run("approve startups R7").exit_code, 0);
  ASSERT_EQ(s.run("submit shop_renovations R7").exit_code, 0);

  const auto list = s.run("approvals");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto waiting = list.out.find("商業店舗リフォーム支援による店舗改装件数");
  const auto approved = list.out.find("起業支援による創業者数");
  ASSERT_NE(waiting, std::string::npos) << list.out;
  ASSERT_NE(approved, std::string::npos) << list.out;
  EXPECT_LT(waiting, approved) << "what waits for approval comes first: " << list.out;
  EXPECT_NE(list.out.find("令和7年度"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("提出済み"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("承認済み"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("+09:00"), std::string::npos) << "in the city's time: " << list.out;

  const json submitted = json::parse(s.run("approvals --state submitted --json").out);
  ASSERT_EQ(submitted.size(), 1u) << submitted.dump();
  EXPECT_EQ(submitted[0]["kpi"], "shop_renovations");
  EXPECT_EQ(submitted[0]["state"], "submitted");
  EXPECT_EQ(json::parse(s.run("approvals --kpi startups --json").out).size(), 1u);
  EXPECT_EQ(s.run("approvals --kpi nosuchkpi").exit_code, 2);
  EXPECT_EQ(s.run("approvals --state entered").exit_code, 2);
}

TEST(SignoffEndToEnd, ApprovedOnlyReportShowsUnapprovedValuesAsUnconfirmed) {
  SoseiRunner s("signoff-approved-only");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  ASSERT_EQ(s.run("submit startups R7").exit_code, 0);
  ASSERT_EQ(s.run("approve startups R7").exit_code, 0);
  ASSERT_EQ(s.run("report --approved-only -o " + (s.dir() / "final.json").string()).exit_code, 0);
  const json report = json::parse(read_file(s.dir() / "final.json"));
  EXPECT_EQ(report["approved_only"], true);
  const json* approved = kpi_row(report, "startups");
  ASSERT_NE(approved, nullptr);
  EXPECT_EQ((*approved)["unconfirmed"], false);
  EXPECT_NE((*approved)["grade"]["symbol"], "未確定");
  const json* other = kpi_row(report, "shop_renovations");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ((*other)["unconfirmed"], true);
  EXPECT_EQ((*other)["grade"]["symbol"], "未確定");
  EXPECT_EQ((*other)["actual"]["text"], "未確定");
  EXPECT_TRUE((*other)["actual"]["number"].is_null());
  // Nothing beside the 未確定 quotes the unapproved figure: not how it was formed, not the notes.
  EXPECT_EQ((*other)["formed"], "");
  for (const auto& note : (*other)["notes"])
    EXPECT_EQ(note.get<std::string>().find("合計 ="), std::string::npos) << note;
  EXPECT_NE((*approved)["formed"], "");
  const json& grades = report["grades"];
  EXPECT_EQ(grades[grades.size() - 1]["symbol"], "未確定");

  ASSERT_EQ(s.run("report --approved-only -o " + (s.dir() / "final.md").string()).exit_code, 0);
  EXPECT_NE(read_file(s.dir() / "final.md").find("未確定"), std::string::npos);
  EXPECT_NE(read_file(s.dir() / "final.md").find("承認済みの値による確定版"), std::string::npos);
  // Without the flag nothing is unconfirmed, and the report says it is a draft, in every format.
  ASSERT_EQ(s.run("report -o " + (s.dir() / "draft.json").string()).exit_code, 0);
  EXPECT_EQ(read_file(s.dir() / "draft.json").find("未確定"), std::string::npos);
  for (const char* draft : {"draft.md", "draft.html"}) {
    ASSERT_EQ(s.run("report -o " + (s.dir() / draft).string()).exit_code, 0);
    const std::string text = read_file(s.dir() / draft);
    EXPECT_NE(text.find("【案】承認前の値を含む作業用の版"), std::string::npos) << draft;
    EXPECT_EQ(text.find("承認済みの値による確定版"), std::string::npos) << draft;
  }
}
