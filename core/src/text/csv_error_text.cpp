// CsvError's texts in Japanese (csv_error_text.hpp). Each CsvError of sosei/csv.hpp has its function
// here; tests/text/sdk_text_test.cpp makes the SDK throw every one of them and checks that none is
// left in English. Plain searches, no std::regex: a message may quote a whole row or a long header.
#include "text/csv_error_text.hpp"

#include <array>
#include <optional>
#include <string>

namespace sosei::text {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// CsvError's "line 12: ", at the start or after the plugin's own prefix ("rides.csv: line 12: ").
constexpr std::string_view kLine = "line ";
constexpr std::string_view kLineEnd = ": ";

constexpr std::string_view kCutOffHead = "the input ends in the middle of this record: it has ";
constexpr std::string_view kCutOffOf = " of ";
constexpr std::string_view kCutOffTail =
    " fields and no line end, so the file was cut off (an interrupted download or copy, a zip member cut short); "
    "fetch or export it again. If the file is complete, end its last line with a line break";
constexpr std::string_view kLongHead = "a record is longer than ";
constexpr std::string_view kLongTail = " bytes: expected a closing quote somewhere before";
constexpr std::string_view kUnclosed =
    "a quoted field is never closed: expected a closing \" before the end of the input (or the file was cut off)";

constexpr std::string_view kSplitHead = "this row has ";
constexpr std::string_view kSplitFields = " fields where the header has ";
constexpr std::string_view kSplitFirst = ", and \"";
constexpr std::string_view kSplitFollowed = "\" followed by \"";
constexpr std::string_view kSplitTail =
    "\" reads as one number split at its thousands comma: quote a number written with a thousands comma "
    "(\"1,000\") or write it without the comma";

// The refusals that end with the header's columns: what follows their last marker is that list.
constexpr std::string_view kMissingHead = "missing column \"";
constexpr std::string_view kMissingFor = "\" (needed for ";
constexpr std::string_view kHeaderHas = "); the header has ";
constexpr std::string_view kNoColumns = "no columns";
constexpr std::string_view kChosenHead = "the header has no column \"";
constexpr std::string_view kChosenSetting = "\" (setting '";
constexpr std::string_view kChosenColumns = "'); its columns are ";
constexpr std::string_view kNoneForHead = "no column for ";
constexpr std::string_view kLookedFor = " (looked for ";
constexpr std::string_view kSetSetting = "; set '";

// One refusal found in a message: where its words stand and their Japanese. A refusal that ends with
// the header's columns stops before them: the list is the file's text and stays where it is.
struct Found {
  std::size_t begin;
  std::size_t end;
  std::string japanese;
};

std::size_t digits_from(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  return end;
}

// CsvError's line stands at the start of its text, so at the message's start or after a prefix's
// ": "; elsewhere "line 12: " is the plugin's own words ("bus line 12: stop S3 unknown"). Line 0 is
// an empty input, which has no line to point at: its prefix is dropped.
std::string lines_in_japanese(std::string_view message) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = message.find(kLine); at != kNone; at = message.find(kLine, at + 1)) {
    if (at > 0 && !message.substr(0, at).ends_with(kLineEnd)) continue;
    const std::size_t number = at + kLine.size();
    const std::size_t end = digits_from(message, number);
    if (end == number || message.substr(end, kLineEnd.size()) != kLineEnd) continue;
    const std::string_view line = message.substr(number, end - number);
    out.append(message.substr(copied, at - copied));
    if (line.find_first_not_of('0') != kNone) out.append(line).append(" 行目: ");
    copied = end + kLineEnd.size();
  }
  return out.append(message.substr(copied));
}

// Each finder returns the first refusal of its kind at or after `from`.
std::optional<Found> cut_off(std::string_view m, std::size_t from) {
  for (std::size_t at = m.find(kCutOffHead, from); at != kNone; at = m.find(kCutOffHead, at + 1)) {
    const std::size_t has = at + kCutOffHead.size();
    const std::size_t has_end = digits_from(m, has);
    if (has_end == has || m.substr(has_end, kCutOffOf.size()) != kCutOffOf) continue;
    const std::size_t widest = has_end + kCutOffOf.size();
    const std::size_t widest_end = digits_from(m, widest);
    if (widest_end == widest || m.substr(widest_end, kCutOffTail.size()) != kCutOffTail) continue;
    return Found{at, widest_end + kCutOffTail.size(),
                 "この行の途中で入力が終わっています。この行は " + std::string(m.substr(has, has_end - has)) +
                     " 列しかなく（それまでの行は " + std::string(m.substr(widest, widest_end - widest)) +
                     " 列）、行末の改行もないため、ファイルが途中で切れています（ダウンロードやコピーの中断、zip "
                     "の中身の欠けなど）。もう一度取得するか書き出し直してください。ファイルが完全なら、最後の行の末尾"
                     "で改行してください"};
  }
  return std::nullopt;
}

std::optional<Found> too_long(std::string_view m, std::size_t from) {
  for (std::size_t at = m.find(kLongHead, from); at != kNone; at = m.find(kLongHead, at + 1)) {
    const std::size_t bytes = at + kLongHead.size();
    const std::size_t bytes_end = digits_from(m, bytes);
    if (bytes_end == bytes || m.substr(bytes_end, kLongTail.size()) != kLongTail) continue;
    return Found{at, bytes_end + kLongTail.size(),
                 "この行（レコード）が " + std::string(m.substr(bytes, bytes_end - bytes)) +
                     " バイトを超えています。引用符（\"）が閉じられていないようです。閉じる \" を書いてください"};
  }
  return std::nullopt;
}

std::optional<Found> unclosed(std::string_view m, std::size_t from) {
  const std::size_t at = m.find(kUnclosed, from);
  if (at == kNone) return std::nullopt;
  return Found{at, at + kUnclosed.size(),
               "引用符（\"）で始まる欄が閉じられないまま入力が終わっています。閉じる \" "
               "を書いてください。ファイルが途中で切れている場合は、もう一度取得するか書き出し直してください"};
}

// split_thousands: "this row has N fields where the header has W, and \"1\" followed by \"234\" …".
std::optional<Found> split_number(std::string_view m, std::size_t from) {
  for (std::size_t at = m.find(kSplitHead, from); at != kNone; at = m.find(kSplitHead, at + 1)) {
    const std::size_t count = at + kSplitHead.size();
    const std::size_t count_end = digits_from(m, count);
    if (count_end == count || m.substr(count_end, kSplitFields.size()) != kSplitFields) continue;
    const std::size_t width = count_end + kSplitFields.size();
    const std::size_t width_end = digits_from(m, width);
    if (width_end == width || m.substr(width_end, kSplitFirst.size()) != kSplitFirst) continue;
    const std::size_t head = width_end + kSplitFirst.size();
    const std::size_t head_end = m.find(kSplitFollowed, head);
    if (head_end == kNone) continue;
    const std::size_t tail = head_end + kSplitFollowed.size();
    const std::size_t tail_end = m.find(kSplitTail, tail);
    if (tail_end == kNone) continue;
    return Found{
        at, tail_end + kSplitTail.size(),
        "この行には見出し（" + std::string(m.substr(width, width_end - width)) + " 列）より多い " +
            std::string(m.substr(count, count_end - count)) + " 列があり、「" +
            std::string(m.substr(head, head_end - head)) + "」と「" + std::string(m.substr(tail, tail_end - tail)) +
            "」は桁区切りのカンマで分かれた1つの数に見えます。桁区切りのカンマを含む数は引用符で囲むか（\"1,000\"）"
            "、カンマなしで書いてください"};
  }
  return std::nullopt;
}

// CsvHeader::require: "missing column \"X\" (needed for WHAT); the header has \"A\", \"B\"". When a
// later marker is missing after the first head, it is missing after every later one too: no retry.
std::optional<Found> missing_column(std::string_view m, std::size_t from) {
  const std::size_t at = m.find(kMissingHead, from);
  if (at == kNone) return std::nullopt;
  const std::size_t name = at + kMissingHead.size();
  const std::size_t name_end = m.find(kMissingFor, name);
  if (name_end == kNone) return std::nullopt;
  const std::size_t what = name_end + kMissingFor.size();
  const std::size_t what_end = m.find(kHeaderHas, what);
  if (what_end == kNone) return std::nullopt;
  const std::size_t columns = what_end + kHeaderHas.size();
  std::string japanese = "見出しに列「" + std::string(m.substr(name, name_end - name)) +
                         "」がありません（用途: " + std::string(m.substr(what, what_end - what)) +
                         "）。ファイルとその見出しを確かめてください。";
  if (m.substr(columns).starts_with(kNoColumns))
    return Found{at, columns + kNoColumns.size(), japanese.append("見出しに列がひとつもありません")};
  return Found{at, columns, japanese.append("見出しの列: ")};
}

// ColumnFinder::find with a setting's column: "the header has no column \"X\" (setting 'S'); its columns are A, B".
std::optional<Found> chosen_column(std::string_view m, std::size_t from) {
  const std::size_t at = m.find(kChosenHead, from);
  if (at == kNone) return std::nullopt;
  const std::size_t name = at + kChosenHead.size();
  const std::size_t name_end = m.find(kChosenSetting, name);
  if (name_end == kNone) return std::nullopt;
  const std::size_t setting = name_end + kChosenSetting.size();
  const std::size_t setting_end = m.find(kChosenColumns, setting);
  if (setting_end == kNone) return std::nullopt;
  const std::string setting_name(m.substr(setting, setting_end - setting));
  return Found{at, setting_end + kChosenColumns.size(),
               "見出しに列「" + std::string(m.substr(name, name_end - name)) + "」がありません（設定「" + setting_name +
                   "」で指定された列です）。設定「" + setting_name +
                   "」を見出しにある列名に直してください。見出しの列: "};
}

// ColumnFinder::require: "no column for WHAT (looked for A / B; set 'S'); the header has A, B".
std::optional<Found> no_column_for(std::string_view m, std::size_t from) {
  const std::size_t at = m.find(kNoneForHead, from);
  if (at == kNone) return std::nullopt;
  const std::size_t what = at + kNoneForHead.size();
  const std::size_t what_end = m.find(kLookedFor, what);
  if (what_end == kNone) return std::nullopt;
  const std::size_t tried = what_end + kLookedFor.size();
  const std::size_t tried_end = m.find(kHeaderHas, tried);
  if (tried_end == kNone) return std::nullopt;
  std::string_view names = m.substr(tried, tried_end - tried);
  std::string_view setting;
  if (const std::size_t set = names.rfind(kSetSetting); set != kNone && names.ends_with('\'')) {
    setting = names.substr(set + kSetSetting.size(), names.size() - set - kSetSetting.size() - 1);
    names = names.substr(0, set);
  }
  std::string japanese = std::string(m.substr(what, what_end - what)) + "の列が見つかりません";
  if (!names.empty()) japanese.append("（探した列名: ").append(names).append("）");
  japanese.append(setting.empty()
                      ? "。ファイルとその見出しを確かめてください"
                      : "。見出しの列名を確かめるか、列名を設定「" + std::string(setting) + "」で指定してください");
  japanese.append("。見出しの列: ");
  return Found{at, tried_end + kHeaderHas.size(), std::move(japanese)};
}

using Finder = std::optional<Found> (*)(std::string_view, std::size_t);
constexpr std::array<Finder, 7> kFinders{cut_off,        too_long,      unclosed,     split_number,
                                         missing_column, chosen_column, no_column_for};

}  // namespace

// Every refusal of each kind, not the first only: a plugin may join its files' errors
// ("a.csv: line 3: …; b.csv: line 9: …"), and the host words a message twice (worker, then parent),
// which must change nothing the second time. The search goes on after each Japanese text, through a
// header's columns too: a later refusal may follow them.
std::string csv_error_text(std::string_view message, Lang lang) {
  if (lang == Lang::En) return std::string(message);
  std::string out = lines_in_japanese(message);
  for (const Finder find : kFinders)
    for (std::size_t from = 0; const auto found = find(out, from);) {
      out.replace(found->begin, found->end - found->begin, found->japanese);
      from = found->begin + found->japanese.size();
    }
  return out;
}

}  // namespace sosei::text
