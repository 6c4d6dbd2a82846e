// The daemon's connection messages in both languages (daemon_messages.hpp).
#include "text/daemon_messages.hpp"

namespace sosei::text {
namespace {

constexpr DaemonMessages kJapanese{
    .store_unreachable =
        "データベースに接続できません: {}。{} 秒後（{}）に再接続を試みます（{} 回目）。その間は取込を始めません",
    .attempt_failed = "再接続 {} 回目に失敗しました: {}。{} 秒後（{}）にもう一度試みます",
    .reconnected = "データベースに再接続しました（{} 回目の試行、{} から切断）",
    .not_scheduling = "データベースに接続できないため、予定の取込を見合わせています",
    .status_label = "デーモン",
    .status_running = "稼働中（pid {}、{} から）",
    .status_reconnecting = "再接続中: {} から切断、次は {} 回目を {} に試行（{}）",
    .status_stale = "停止（pid {} の状態ファイルが残っています）",
    .started = "sosei daemon を開始しました（pid {}{}、{}）: 予定のあるソース {} 件、同時に最大 {} 件",
    .started_city = "、団体 {}",
    .next_run = "[{}] 次の実行 {}",
    .stopped = "sosei daemon を停止しました",
    .city_stopped = "{} の予定を停止しました",
    .starting_import = "[{}] 取込を始めます",
    .run_done = "[{}] {} — 受理 {} 件、新規 {} 件、修正 {} 件",
    .run_failed = "[{}] 失敗しました（{} 回連続）。次の試行は {}",
    .run_failed_event = "{} の取込に失敗しました: {}",
    .quarantined =
        "{} を隔離しました（{} 回連続で失敗、最後の理由: {}）。原因を直してから `sosei resume {}` を実行してください",
    .due_but_quarantined = "[{}] 実行の時刻ですが隔離中のため実行しません（`sosei resume {}` で再開）",
    .quarantine_retry = "{} の隔離をまだ記録できません（もう一度試みます）: {}",
    .quarantine_unrecorded = "{} の隔離を記録できませんでした: データベースが使用中のままでした",
    .overdue = "期限超過: KPI {}（{}、{}）: {} のデータの期限は {} でした。最新の値: {}",
    .overdue_none = "なし",
    .signal_received = "{} を受け取りました: 新しい取込は始めません。実行中の取込 {} 件は {} 秒以内に終えます",
    .grace_over = "猶予時間が過ぎました: 実行中の取込 {} 件を中止します（書き込みは取り消されます）",
    .reloaded = "設定を {} から読み直しました: 予定のあるソース {} 件",
    .reload_rejected = "設定の読み直しを拒否し、前の設定を使い続けます: {}",
    .state_unwritable = "デーモンの状態ファイルを書き込めません: {}",
    .hub_started = "sosei hub daemon を開始しました（pid {}）: {} 団体、取込は全体で同時に最大 {} 件",
    .hub_stopped = "sosei hub daemon を停止しました",
    .hub_city_left_out = "{}（{}）は予定に入れません: {}",
    .hub_city_no_config = "ハブファイルにこの団体の config:（団体自身の sosei.yaml）がありません",
    .hub_city_error = "{}: {}（1 秒後にもう一度試みます。他の団体は続けます）",
};

constexpr DaemonMessages kEnglish{
    .store_unreachable =
        "cannot reach the database: {}; reconnecting in {} s (at {}, attempt {}); no imports start meanwhile",
    .attempt_failed = "reconnect attempt {} failed: {}; trying again in {} s (at {})",
    .reconnected = "reconnected to the database (attempt {}, away since {})",
    .not_scheduling = "the database is unreachable: scheduled imports wait",
    .status_label = "daemon",
    .status_running = "running (pid {}, since {})",
    .status_reconnecting = "reconnecting since {}, attempt {} next at {} ({})",
    .status_stale = "not running (pid {} left its state file)",
    .started = "sosei daemon (pid {}){} on {}: {} scheduled sources, at most {} at a time",
    .started_city = " city {}",
    .next_run = "[{}] next run {}",
    .stopped = "sosei daemon stopped",
    .city_stopped = "city {} stopped",
    .starting_import = "[{}] starting import",
    .run_done = "[{}] {} — {} accepted, {} new, {} revised",
    .run_failed = "[{}] failed ({} in a row); next attempt {}",
    .run_failed_event = "import of {} failed: {}",
    .quarantined =
        "{} is quarantined after {} failed runs in a row (last: {}); fix the cause, then run `sosei resume {}`",
    .due_but_quarantined = "[{}] due but quarantined: not run until `sosei resume {}`",
    .quarantine_retry = "could not record the quarantine of {} yet (retrying): {}",
    .quarantine_unrecorded = "the quarantine of {} could not be recorded: the database stayed busy",
    .overdue = "overdue: KPI {} ({}, {}): data for {} were due by {}; latest present: {}",
    .overdue_none = "none",
    .signal_received = "{} received: starting nothing new; {} running imports have {} s to finish",
    .grace_over = "grace period over: aborting {} running imports (their writes roll back)",
    .reloaded = "configuration reloaded from {}: {} scheduled sources",
    .reload_rejected = "configuration reload rejected, keeping the previous one: {}",
    .state_unwritable = "cannot write the daemon's state file: {}",
    .hub_started = "sosei hub daemon (pid {}): {} cities, at most {} imports at a time over all of them",
    .hub_stopped = "sosei hub daemon stopped",
    .hub_city_left_out = "city {} ({}) is not scheduled: {}",
    .hub_city_no_config = "the hub file gives it no config: (its own sosei.yaml)",
    .hub_city_error = "city {}: {} (tried again in a second; the other cities go on)",
};

}  // namespace

const DaemonMessages& daemon_messages(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

// The struct holds only `const char*` members: it is read as an array to check completeness.
std::size_t daemon_messages_size() { return sizeof(DaemonMessages) / sizeof(const char*); }

const char* daemon_messages_text(const DaemonMessages& m, std::size_t index) {
  static_assert(sizeof(DaemonMessages) % sizeof(const char*) == 0);
  const char* const* texts = &m.store_unreachable;
  return texts[index];
}

}  // namespace sosei::text
