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
