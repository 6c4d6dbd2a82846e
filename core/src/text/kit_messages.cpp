// The plugin kit's texts in both languages (kit_messages.hpp).
#include "text/kit_messages.hpp"

namespace sosei::text {
namespace {

constexpr KitMessages kJapanese{
    .wrote = "作成しました: {}",
    .next_step =
        "\n次に、ビルドします: cmake -S {} -B {} -DCMAKE_PREFIX_PATH=<sosei のインストール先> && cmake --build {}",
    .bad_name = "プラグイン名「{}」は使えません: a-z で始め、a-z・0-9・_ だけで書いてください（例: bus_stops）",
    .no_department = "--department が必要です: プラグインを受け持つ課（例: 産業振興課）",
    .folder_not_empty = "{} は既にあり、空ではありません: 別の --dir を指定してください（何も書き込んでいません）",
    .cannot_create = "{} を作れません: {}",
    .cannot_write = "{} に書き込めません",
    .refused = "読み込めません: {}",
    .plugin_line = "{} {}（{}）— {}",
    .file_line = "  ファイル {}、プラグインAPI 第{}版",
    .settings_heading = "設定:",
    .col_name = "名前",
    .col_required = "必須",
    .col_default = "既定値",
    .col_value = "値",
    .col_help = "説明",
    .required_yes = "必須",
    .settings_refused = "設定を受け付けられません: {}",
    .dry_run = "試しの実行: {}{}",
    .observations = "観測値 {} 件",
    .first_shown = "（先頭 {} 件を表示）",
    .col_series = "系列",
    .col_period = "期間",
    .col_dimensions = "内訳",
    .col_note = "注記",
    .col_location = "場所",
    .col_problem = "問題",
    .rejected = "読めない行 {}: {}",
    .verdict_ok = "合格",
    .verdict_not_ok = "不合格",
    .summary = "{}: 読めない行 {} 件、問題のある観測値 {} 件",
    .problem_no_series = "系列の名前がありません",
    .problem_series_undeclared = "系列「{}」はプラグインが宣言していません",
    .problem_period_kind = "期間の種類が不明です",
    .problem_year = "年 {} が範囲外です（1900〜2200）",
    .problem_month = "期間の種類と月が合いません",
    .problem_day = "期間の種類と日が合いません",
    .problem_value_kind = "値の種類 {} が不明です",
    .problem_not_finite = "数値が有限ではありません",
    .problem_repeated =
        "同じ系列・期間・内訳の値がもう出ています（{}）。取り込みでは最初の値が残り、これは不正な行になります",
};

constexpr KitMessages kEnglish{
    .wrote = "wrote {}",
    .next_step = "\nnext: cmake -S {} -B {} -DCMAKE_PREFIX_PATH=<where sosei is installed> && cmake --build {}",
    .bad_name = "plugin name '{}' must start with a-z and use only a-z, 0-9 and _ (e.g. bus_stops)",
    .no_department = "--department is required: the department that owns the plugin (e.g. 産業振興課)",
    .folder_not_empty = "{} already exists and is not empty: choose another --dir (nothing was written)",
    .cannot_create = "cannot create {}: {}",
    .cannot_write = "cannot write {}",
    .refused = "REFUSED: {}",
    .plugin_line = "{} {} ({}) — {}",
    .file_line = "  file {}, plugin API v{}",
    .settings_heading = "settings:",
    .col_name = "name",
    .col_required = "required",
    .col_default = "default",
    .col_value = "value",
    .col_help = "help",
    .required_yes = "yes",
    .settings_refused = "SETTINGS REFUSED: {}",
    .dry_run = "dry run: {}{}",
    .observations = "{} observation(s)",
    .first_shown = ", first {} shown",
    .col_series = "series",
    .col_period = "period",
    .col_dimensions = "dimensions",
    .col_note = "note",
    .col_location = "at",
    .col_problem = "problem",
    .rejected = "rejected {}: {}",
    .verdict_ok = "OK",
    .verdict_not_ok = "NOT OK",
    .summary = "{}: {} rejected row(s), {} observation(s) with problems",
    .problem_no_series = "no series",
    .problem_series_undeclared = "series '{}' is not declared by the plugin",
    .problem_period_kind = "unknown period kind",
    .problem_year = "year {} out of range (1900-2200)",
    .problem_month = "bad month for the period kind",
    .problem_day = "bad day for the period kind",
    .problem_value_kind = "unknown value kind {}",
    .problem_not_finite = "the number is not finite",
    .problem_repeated =
        "the same series, period and dimensions came already ({}); an import keeps the first value and rejects this "
        "one as a bad row",
};

}  // namespace

const KitMessages& kit_messages(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

// The struct holds only `const char*` members: it is read as an array to check completeness.
std::size_t kit_messages_size() { return sizeof(KitMessages) / sizeof(const char*); }

const char* kit_messages_text(const KitMessages& m, std::size_t index) {
  static_assert(sizeof(KitMessages) % sizeof(const char*) == 0);
  const char* const* texts = &m.wrote;
  return texts[index];
}

}  // namespace sosei::text
