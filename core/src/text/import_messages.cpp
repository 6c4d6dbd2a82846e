// An import's rejection reasons in both languages (import_messages.hpp).
#include "text/import_messages.hpp"

namespace sosei::text {
namespace {

constexpr ImportMessages kJapanese{
    .invalid_period = "期間が正しくありません（種類 {}、{}-{}-{}）",
    .outside_strategy = "期間 {} は戦略の対象期間（{}～{}）の外です",
    .unknown_value_kind = "値の種類 {} は不明です",
    .not_finite = "値が有限の数ではありません",
    .wrong_period_kind = "KPI「{}」は{}の値をとりますが、期間 {} の値が来ました",
    .fiscal_year_values = "年度",
    .calendar_year_values = "暦年",
    .below_minimum = "値 {}（KPI「{}」）が下限 {} を下回っています",
    .above_maximum = "値 {}（KPI「{}」）が上限 {} を上回っています",
    .bad_dimension_name = "次元名「{}」は使えません（英小文字・数字・_ で書いてください）",
    .no_series = "系列（KPI の ID）のない観測値です",
    .source_not_bound = "取込元「{}」は KPI「{}」に結び付いていません（取込元の kpis に加えてください）",
    .unknown_series = "系列「{}」は戦略の KPI でも、プラグイン「{}」が宣言した系列でもありません",
    .second_value =
        "同じ実行で {} の2つ目の値です（1つ目は {}）。キーごとに値は1つです: 行をプラグインか csv の "
        "aggregate でまとめてください",
    .an_earlier_row = "前の行",
    .rule_finding = "{} の検証ルール {}: {}{}{}",
    .rule_value = "値 {}",
    .rule_no_value = "値なし",
    .rule_expected = "、想定 {}～{}",
    .rule_detail = "（{}）",
    .how_to_go_on = "（入力を直すか、取込元に on_bad_row: skip を書いてこのような行を飛ばしてください）",
    .cut_text = "…（全 {} バイト）",
    .failure_not_recorded = "（この失敗の記録も保存できませんでした: {}）",
    .failure_not_recorded_same = "（同じ理由で、この失敗の記録も保存できませんでした）",
    .log_rule_findings = "[{}] 検証ルール: 警告 {} 件、エラー {} 件（sosei flags で確認できます）",
    .log_run_failed = "[{}] 取込に失敗しました: {}",
    .log_run_aborted = "[{}] 取込を中止しました: {}",
    .plugin_not_installed =
        "{}: 取込元「{}」のプラグイン「{}」はインストールされていません（インストール済み: {}）。plugin_dirs "
        "と名前を確かめてください",
    .setting_unknown = "{}取込元「{}」: プラグイン「{}」に設定「{}」はありません。使える設定: {}",
    .setting_wrong_type = "{}取込元「{}」: 設定「{}」（プラグイン「{}」）は {} で書いてください（書かれた値: 「{}」）",
    .setting_required = "{}取込元「{}」: プラグイン「{}」には設定「{}」が必要です（{}）",
    .fetch_no_download_file = "{} にダウンロード用のファイルを作れません（{}）",
    .fetch_cannot_start = "{}: HTTP の転送を始められません（libcurl を初期化できません）",
    .fetch_cannot_write = "{}: ダウンロードを {} に書き込めません（ディスクがいっぱいではありませんか）",
    .fetch_bare_304 =
        "{}: 条件を付けていない要求にサーバーが HTTP "
        "304（更新なし）を返しました。サーバーか途中のプロキシの設定の誤りです",
    .fetch_too_large =
        "{}: 応答が上限の {} "
        "バイトを超えています（本当にそれだけ大きいファイルなら、取込元のサイズ上限を上げてください）",
    .fetch_http_status = "{}: サーバーが HTTP {} を返しました",
    .fetch_transfer = "{}: {}（{}）",
    .fetch_check_url = "（取込元の設定の URL を確かめてください）",
    .fetch_tries = "（{} 回試しました）",
    .fetch_retry_later = "（サーバーが止まっているのかもしれません。次の実行でもう一度試みます）",
    .fetch_resolve = "ホスト名を引けません",
    .fetch_connect = "サーバーに接続できません",
    .fetch_timeout = "時間内に終わりませんでした",
    .fetch_tls = "サーバーの証明書を検証できません",
    .fetch_cut_off = "応答が途中で切れました",
    .fetch_other = "転送に失敗しました",
    .fetch_tls_handshake = "TLS（https）で接続できません",
    .log_locked_notes_kept =
        "[{}] 承認済みの期間の値 {} 件は注記だけが違ったため、承認時の注記のまま残しました（値は同じです。"
        "注記も変えるには sosei unlock で承認を解除してから取り込み直してください）",
    .plugin_failed = "プラグイン「{}」が失敗しました: {}",
    .plugin_threw = "プラグインの{}で予期しないエラー（例外）が起きました（プラグインの不具合です）: {}",
    .plugin_threw_unknown = "プラグインの{}で正体のわからない例外が起きました（プラグインの不具合です）",
    .plugin_code_without_reason =
        "プラグイン「{}」がエラーコード {} を返しましたが、理由を伝えていません（プラグインの不具合です。作成者に"
        "知らせてください）",
    .file_cannot_open =
        "{}: 開けません（{}）。取込元の設定（sources.yaml）のパスと、ファイルを読めるかを確かめてください",
};

constexpr ImportMessages kEnglish{
    .invalid_period = "invalid period (kind {}, {}-{}-{})",
    .outside_strategy = "period {} is outside the strategy's range {}–{}",
    .unknown_value_kind = "unknown value kind {}",
    .not_finite = "the value is not a finite number",
    .wrong_period_kind = "KPI '{}' takes {} values, got the period {}",
    .fiscal_year_values = "fiscal-year",
    .calendar_year_values = "calendar-year",
    .below_minimum = "value {} of KPI '{}' is below its minimum {}",
    .above_maximum = "value {} of KPI '{}' is above its maximum {}",
    .bad_dimension_name = "dimension name '{}' is not valid (lower-case letters, digits and _)",
    .no_series = "observation without a series (KPI id)",
    .source_not_bound = "source '{}' is not bound to KPI '{}' (add it to the source's kpis)",
    .unknown_series = "unknown series '{}': not a KPI of the strategy nor a series plugin '{}' declares",
    .second_value =
        "a second value for {} in one run, after {} (one value per key and run: aggregate the rows in the "
        "plugin or the csv source instead)",
    .an_earlier_row = "an earlier row",
    .rule_finding = "{}, rule {}: {}{}{}",
    .rule_value = "value {}",
    .rule_no_value = "no value",
    .rule_expected = ", expected {}–{}",
    .rule_detail = " ({})",
    .how_to_go_on = " (fix the input, or set on_bad_row: skip on the source to skip such rows)",
    .cut_text = "… ({} bytes in all)",
    .failure_not_recorded = " (this failure could not be recorded either: {})",
    .failure_not_recorded_same = " (for the same reason, this failure could not be recorded either)",
    .log_rule_findings = "[{}] data-quality rules: {} warning(s), {} error(s) (sosei flags)",
    .log_run_failed = "[{}] import failed: {}",
    .log_run_aborted = "[{}] import aborted: {}",
    .plugin_not_installed = "{}: source '{}' uses plugin '{}', which is not installed (installed: {})",
    .setting_unknown = "{}source '{}': plugin '{}' has no setting '{}'; its settings are: {}",
    .setting_wrong_type = "{}source '{}': setting '{}' of plugin '{}' must be a {}, got '{}'",
    .setting_required = "{}source '{}': plugin '{}' requires the setting '{}' ({})",
    .fetch_no_download_file = "cannot create a download file in {} for {}",
    .fetch_cannot_start = "{}: cannot start an HTTP transfer (libcurl could not initialise)",
    .fetch_cannot_write = "{}: cannot write the download to {} (is the disk full?)",
    .fetch_bare_304 =
        "{}: the server answered HTTP 304 (not modified) to a request that had no validators; it is misconfigured, or "
        "a proxy in between is",
    .fetch_too_large =
        "{}: the reply is larger than the limit of {} bytes (raise the source's size limit if the file is really that "
        "big)",
    .fetch_http_status = "{}: the server answered HTTP {}",
    .fetch_transfer = "{}: {} ({})",
    .fetch_check_url = " (check the URL in the source's settings)",
    .fetch_tries = " after {} tries",
    .fetch_retry_later = " (the server may be down; the next run tries again)",
    .fetch_resolve = "the host name could not be resolved",
    .fetch_connect = "could not connect to the server",
    .fetch_timeout = "did not finish in time",
    .fetch_tls = "the server's certificate could not be verified",
    .fetch_cut_off = "the reply was cut off",
    .fetch_other = "the transfer failed",
    .fetch_tls_handshake = "no TLS (https) connection could be made",
    .log_locked_notes_kept =
        "[{}] {} approved value(s) came with another note only: kept with the approved note (the "
        "values are the same; to change the note too, sosei unlock the period and import again)",
    .plugin_failed = "plugin '{}' failed: {}",
    .plugin_threw = "plugin threw from {}: {}",
    .plugin_threw_unknown = "plugin threw an unknown exception from {}",
    .plugin_code_without_reason = "plugin '{}' returned error code {} without a message",
    .file_cannot_open =
        "{}: cannot open ({}); check the path in the source configuration and that the file is readable",
};

}  // namespace

const ImportMessages& import_messages(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

// The struct holds only `const char*` members: it is read as an array to check completeness.
std::size_t import_messages_size() { return sizeof(ImportMessages) / sizeof(const char*); }

const char* import_messages_text(const ImportMessages& m, std::size_t index) {
  static_assert(sizeof(ImportMessages) % sizeof(const char*) == 0);
  const char* const* texts = &m.invalid_period;
  return texts[index];
}

}  // namespace sosei::text
