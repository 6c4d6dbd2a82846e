// The commentary the council report carries beside a KPI's figures for one fiscal year (docs/signoff.md):
// 要因分析 and 今後の方向性 by the owning department, 推進会議の意見 by the policy division. Every new
// text is a new version; older versions are kept.
#pragma once

#include <string>

#include "app/actor.hpp"
#include "config/model.hpp"
#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::app {

struct CommentRequest {
  std::string kpi;
  std::string year;  // fiscal year as a person writes it: R7, 令和7年度, FY2025, 2025
  std::string kind;  // why | next | committee
  std::string text;
};

struct CommentResult {
  store::Comment comment;  // as stored, with its version
  std::string message;
};

// Throws SignoffRefused: unknown KPI (NotFound); unreadable year or kind, empty text (BadInput); a
// department token on another department's KPI or writing the committee's opinion, a policy token
// writing the department's texts (Forbidden).
CommentResult add_comment(const config::Strategy& strategy, store::Store& store, const Signer& who,
                          const CommentRequest& request, text::Lang lang);

}  // namespace sosei::app
