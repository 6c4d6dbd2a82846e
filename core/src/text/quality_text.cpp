// Flag rules, flag details and audit codes in words. The stored forms are parsed, not rebuilt from
// structured data, because the audit trail keeps the text an older sosei wrote: a form this file
// does not know is shown as stored.
#include "text/quality_text.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "common/period.hpp"
#include "text/catalogue.hpp"
#include "text/numbers.hpp"

namespace sosei::text {
namespace {

using Words = std::map<std::string_view, std::pair<const char*, const char*>>;  // code → {ja, en}

std::string look_up(const Words& words, std::string_view code, Lang lang) {
  const auto it = words.find(code);
  if (it == words.end()) return std::string(code);
  return lang == Lang::Ja ? it->second.first : it->second.second;
}

// A number as the rules store it (std::to_chars' shortest form: "199000", "12.5", "1e+06");
// nullopt for anything else.
std::optional<double> number_in(std::string_view s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// Up to six decimals: a unit slip downwards is a ratio of 0.0001, which two decimals would show as 0.
std::string shown(double v, Lang lang) { return format_number_trimmed(v, 6, lang); }

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "previous X" and "previous X, R×".
std::optional<std::string> previous_text(std::string_view d, Lang lang) {
  if (!starts(d, "previous ")) return std::nullopt;
  d.remove_prefix(9);
  const std::size_t comma = d.find(", ");
  const auto previous = number_in(d.substr(0, comma));
  if (!previous) return std::nullopt;
  const bool ja = lang == Lang::Ja;
  std::string out = (ja ? "前回 " : "previous ") + shown(*previous, lang);
  if (comma == std::string_view::npos) return out;
  std::string_view ratio = d.substr(comma + 2);
  if (!ends(ratio, "×")) return std::nullopt;
  ratio.remove_suffix(std::string_view("×").size());
  const auto times = number_in(ratio);
  if (!times) return std::nullopt;
  return out + (ja ? "、" : ", ") + shown(*times, lang) + "×";
}

// "median X, MAD Y".
std::optional<std::string> median_text(std::string_view d, Lang lang) {
  if (!starts(d, "median ")) return std::nullopt;
  d.remove_prefix(7);
  const std::size_t mad_at = d.find(", MAD ");
  if (mad_at == std::string_view::npos) return std::nullopt;
  const auto median = number_in(d.substr(0, mad_at));
  const auto mad = number_in(d.substr(mad_at + 6));
  if (!median || !mad) return std::nullopt;
  if (lang == Lang::Ja) return "中央値 " + shown(*median, lang) + "、中央絶対偏差 " + shown(*mad, lang);
  return "median " + shown(*median, lang) + ", MAD " + shown(*mad, lang);
}

// "at most KPI X" and "at least KPI X".
std::optional<std::string> relation_text(std::string_view d, Lang lang) {
  const bool at_most = starts(d, "at most ");
  if (!at_most && !starts(d, "at least ")) return std::nullopt;
  d.remove_prefix(at_most ? 8 : 9);
  const std::size_t space = d.rfind(' ');
  if (space == std::string_view::npos || space == 0) return std::nullopt;
  const auto other = number_in(d.substr(space + 1));
  if (!other) return std::nullopt;
  const std::string kpi(d.substr(0, space));
  if (lang == Lang::Ja) return kpi + "（" + shown(*other, lang) + "）" + (at_most ? "以下のはず" : "以上のはず");
  return std::string(at_most ? "at most " : "at least ") + kpi + " (" + shown(*other, lang) + ")";
}

// "N of M months".
std::optional<std::string> months_text(std::string_view d, Lang lang) {
  if (!ends(d, " months")) return std::nullopt;
  d.remove_suffix(7);
  const std::size_t of = d.find(" of ");
  if (of == std::string_view::npos) return std::nullopt;
  const auto have = number_in(d.substr(0, of));
  const auto expected = number_in(d.substr(of + 4));
  if (!have || !expected) return std::nullopt;
  if (lang == Lang::Ja) return shown(*expected, lang) + "か月中 " + shown(*have, lang) + "か月";
  return shown(*have, lang) + " of " + shown(*expected, lang) + " months";
}

// "DIMENSION VALUE was there in Y1, not in Y2" (a dimension value may hold spaces; the name not).
std::optional<std::string> vanished_text(std::string_view d, Lang lang) {
  const std::size_t was = d.rfind(" was there in ");
  if (was == std::string_view::npos) return std::nullopt;
  const std::string_view years = d.substr(was + 14);
  const std::size_t not_in = years.find(", not in ");
  if (not_in == std::string_view::npos) return std::nullopt;
  const auto before = number_in(years.substr(0, not_in));
  const auto now = number_in(years.substr(not_in + 9));
  const std::string_view what = d.substr(0, was);
  if (!before || !now || what.find(' ') == std::string_view::npos) return std::nullopt;
  if (lang == Lang::En) return std::string(d);
  const std::string y1(years.substr(0, not_in));
  const std::string y2(years.substr(not_in + 9));
  return "前年（" + y1 + "）にあった " + std::string(what) + " が " + y2 + " にない";
}

}  // namespace

std::string rule_text(std::string_view code, Lang lang) {
  static const Words kRules{{"range", {"範囲", "range"}},
                            {"max_change", {"前期比の変化幅", "change against the previous period"}},
                            {"monotonic", {"単調（累計の減少）", "monotonic (a running total)"}},
                            {"completeness", {"欠けのないこと", "completeness"}},
                            {"relation", {"他の KPI との関係", "relation to another KPI"}},
                            {"unit_slip", {"桁違い（万・千の誤り）", "unit slip (万 or 千)"}},
                            {"outlier", {"外れ値", "outlier"}}};
  return look_up(kRules, code, lang);
}

std::string flag_detail_text(std::string_view detail, Lang lang) {
  for (const auto parse : {previous_text, median_text, relation_text, months_text, vanished_text})
    if (auto text = parse(detail, lang)) return *text;
  return std::string(detail);
}

std::string audit_action_text(std::string_view code, Lang lang) {
  static const Words kActions{{"value.revise", {"値の改訂", "value revised"}},
                              {"flag.raise", {"確認フラグ発生", "flag raised"}},
                              {"flag.clear", {"確認フラグ解消", "flag cleared"}},
                              {"flag.resolve", {"確認フラグ対応済み", "flag resolved"}},
                              {"approval.submit", {"提出", "submitted"}},
                              {"approval.approve", {"承認", "approved"}},
                              {"approval.unlock", {"承認の解除", "unlocked"}},
                              {"comment.add", {"説明の追加", "comment added"}},
                              {"token.create", {"トークン発行", "token created"}},
                              {"token.revoke", {"トークン失効", "token revoked"}},
                              {"bundle.import", {"バンドル取り込み", "bundle imported"}}};
  return look_up(kActions, code, lang);
}

std::string audit_value_text(std::string_view action, std::string_view text, Lang lang) {
  if (lang == Lang::En || text.empty()) return std::string(text);
  const Catalogue& c = catalogue(lang);
  if (starts(action, "approval.")) {
    if (text == "entered") return c.state_entered;
    if (text == "submitted") return c.state_submitted;
    if (text == "approved") return c.state_approved;
  }
  if (starts(action, "token.")) {
    // "token 3 住宅課 (department)" and "revoked".
    if (text == "revoked") return "失効";
    const std::size_t open = text.rfind(" (");
    if (starts(text, "token ") && open != std::string_view::npos && ends(text, ")")) {
      const std::string_view role = text.substr(open + 2, text.size() - open - 3);
      const std::string role_text = role == "policy" ? "承認権限" : role == "department" ? "担当課" : std::string(role);
      // "token 3" then the department.
      const std::size_t department = text.find(' ', 6);
      const std::string_view token = text.substr(0, std::min(department, open));
      const std::string_view rest = department < open ? text.substr(department, open - department) : std::string_view();
      return actor_text(token, lang) + std::string(rest) + "（" + role_text + "）";
    }
    return std::string(text);
  }
  if (starts(action, "flag.")) {
    // flag.raise: "RULE LEVEL [VALUE]"; flag.clear: before RULE, after "cleared"; flag.resolve: states.
    const std::size_t space = text.find(' ');
    const std::string_view rule = text.substr(0, space);
    if (space == std::string_view::npos)
      return text == "open" || text == "cleared" || text == "resolved" ? state_text(text, lang) : rule_text(rule, lang);
    std::string_view rest = text.substr(space + 1);
    const std::size_t next = rest.find(' ');
    std::string out = rule_text(rule, lang) + " " + state_text(rest.substr(0, next), lang);
    if (next != std::string_view::npos) {
      const std::string_view value = rest.substr(next + 1);
      const auto v = number_in(value);
      out += " " + (v ? shown(*v, lang) : std::string(value));
    }
    return out;
  }
  if (action == "value.revise") {
    if (const auto kind = value_kind_from(text); kind && *kind != ValueKind::Number) return status_text(*kind, lang);
  }
  return std::string(text);
}

std::string audit_reason_text(std::string_view action, std::string_view reason, Lang lang) {
  if (action == "flag.raise") return flag_detail_text(reason, lang);
  if (action == "comment.add") {
    const Catalogue& c = catalogue(lang);
    if (reason == "why") return c.comment_why;
    if (reason == "next") return c.comment_next;
    if (reason == "committee") return c.comment_committee;
  }
  return std::string(reason);
}

std::string actor_text(std::string_view name, Lang lang) {
  constexpr std::string_view kToken = "token ";
  if (lang == Lang::Ja && starts(name, kToken) && name.size() > kToken.size() &&
      name.find_first_not_of("0123456789", kToken.size()) == std::string_view::npos)
    return "トークン " + std::string(name.substr(kToken.size()));
  return std::string(name);
}

}  // namespace sosei::text
