// Flags and audit codes in words (text/quality_text.hpp): every stored form the rules write, read
// back in Japanese and English; anything else shown as stored.
#include <gtest/gtest.h>

#include "text/quality_text.hpp"

namespace sosei::text {
namespace {

TEST(QualityText, RulesInWords) {
  EXPECT_EQ(rule_text("max_change", Lang::Ja), "前期比の変化幅");
  EXPECT_EQ(rule_text("unit_slip", Lang::Ja), "桁違い（万・千の誤り）");
  EXPECT_EQ(rule_text("outlier", Lang::En), "outlier");
  EXPECT_EQ(rule_text("seasonal", Lang::Ja), "seasonal");  // a newer sosei's rule: as stored
}

TEST(QualityText, EveryDetailTheRulesWriteInJapanese) {
  EXPECT_EQ(flag_detail_text("previous 199000", Lang::Ja), "前回 199,000");
  EXPECT_EQ(flag_detail_text("previous 42, 1000×", Lang::Ja), "前回 42、1,000×");
  EXPECT_EQ(flag_detail_text("previous 1e+06", Lang::Ja), "前回 1,000,000");  // to_chars' shortest form
  EXPECT_EQ(flag_detail_text("previous -12.5", Lang::Ja), "前回 △12.5");
  // A unit slip downwards: 26.1 after 263,000 keeps its figure.
  EXPECT_EQ(flag_detail_text("previous 263000, 9.923954372623574e-05×", Lang::Ja), "前回 263,000、0.000099×");
  EXPECT_EQ(flag_detail_text("median 120, MAD 3.5", Lang::Ja), "中央値 120、中央絶対偏差 3.5");
  EXPECT_EQ(flag_detail_text("at most households 5000", Lang::Ja), "households（5,000）以下のはず");
  EXPECT_EQ(flag_detail_text("at least all_households 12", Lang::Ja), "all_households（12）以上のはず");
  EXPECT_EQ(flag_detail_text("3 of 12 months", Lang::Ja), "12か月中 3か月");
  EXPECT_EQ(flag_detail_text("district 下山田 was there in 2024, not in 2025", Lang::Ja),
            "前年（2024）にあった district 下山田 が 2025 にない");
  EXPECT_EQ(flag_detail_text("spot 道の駅 うすい was there in 2024, not in 2025", Lang::Ja),
            "前年（2024）にあった spot 道の駅 うすい が 2025 にない");
}

TEST(QualityText, EnglishKeepsTheWordsAndGroupsTheNumbers) {
  EXPECT_EQ(flag_detail_text("previous 199000", Lang::En), "previous 199,000");
  EXPECT_EQ(flag_detail_text("median 120, MAD 3.5", Lang::En), "median 120, MAD 3.5");
  EXPECT_EQ(flag_detail_text("at most households 5000", Lang::En), "at most households (5,000)");
  EXPECT_EQ(flag_detail_text("3 of 12 months", Lang::En), "3 of 12 months");
}

TEST(QualityText, AnyOtherDetailIsShownAsStored) {
  for (const char* stored : {"", "previous", "previous FY2023: 5", "previous 42, ten×", "median 1", "of 12 months",
                             "at most 5000", "was there in 2024, not in 2025", "checked by hand"}) {
    EXPECT_EQ(flag_detail_text(stored, Lang::Ja), stored);
    EXPECT_EQ(flag_detail_text(stored, Lang::En), stored);
  }
}

TEST(QualityText, AuditCodesInWords) {
  EXPECT_EQ(audit_action_text("value.revise", Lang::Ja), "値の改訂");
  EXPECT_EQ(audit_action_text("approval.approve", Lang::Ja), "承認");
  EXPECT_EQ(audit_action_text("value.revise", Lang::En), "value revised");
  EXPECT_EQ(audit_action_text("kpi.rename", Lang::Ja), "kpi.rename");

  EXPECT_EQ(audit_value_text("approval.submit", "entered", Lang::Ja), "入力済み");
  EXPECT_EQ(audit_value_text("approval.submit", "submitted", Lang::Ja), "提出済み");
  EXPECT_EQ(audit_value_text("flag.raise", "range warning 6000", Lang::Ja), "範囲 警告 6,000");
  EXPECT_EQ(audit_value_text("flag.raise", "completeness error", Lang::Ja), "欠けのないこと エラー");
  EXPECT_EQ(audit_value_text("flag.clear", "max_change", Lang::Ja), "前期比の変化幅");
  EXPECT_EQ(audit_value_text("flag.clear", "cleared", Lang::Ja), "解消");
  EXPECT_EQ(audit_value_text("value.revise", "missing", Lang::Ja), "欠測");
  EXPECT_EQ(audit_value_text("value.revise", "280440", Lang::Ja), "280440");
  EXPECT_EQ(audit_value_text("token.create", "産業振興課 入力", Lang::Ja), "産業振興課 入力");
  EXPECT_EQ(audit_value_text("flag.raise", "range warning 6000", Lang::En), "range warning 6000");
  EXPECT_EQ(audit_value_text("flag.resolve", "open", Lang::Ja), "未解決");
  EXPECT_EQ(audit_value_text("flag.resolve", "resolved", Lang::Ja), "対応済み");
  EXPECT_EQ(audit_value_text("token.create", "token 1 住宅課 (department)", Lang::Ja), "トークン 1 住宅課（担当課）");
  EXPECT_EQ(audit_value_text("token.create", "token 2 総合政策課 (policy)", Lang::Ja),
            "トークン 2 総合政策課（承認権限）");
  EXPECT_EQ(audit_value_text("token.revoke", "revoked", Lang::Ja), "失効");
}

TEST(QualityText, AuditReasonsAndActorsInWords) {
  EXPECT_EQ(audit_reason_text("comment.add", "why", Lang::Ja), "要因分析");
  EXPECT_EQ(audit_reason_text("comment.add", "committee", Lang::Ja), "推進会議の意見");
  EXPECT_EQ(audit_reason_text("flag.raise", "previous 42", Lang::Ja), "前回 42");
  EXPECT_EQ(audit_reason_text("approval.approve", "previous 42", Lang::Ja), "previous 42");  // a person's words
  EXPECT_EQ(actor_text("token 3", Lang::Ja), "トークン 3");
  EXPECT_EQ(actor_text("token 3", Lang::En), "token 3");
  EXPECT_EQ(actor_text("token holder", Lang::Ja), "token holder");
  EXPECT_EQ(actor_text("kama_values", Lang::Ja), "kama_values");
}

}  // namespace
}  // namespace sosei::text
