// The message catalogue: every fixed text a person reads — report headings, CLI tables, evaluation
// explanations, refusals — in Japanese (the city's own words) and English. One struct per language,
// so a text missing in one language is a test failure (catalogue_test), not a blank cell. Texts with
// "{}" take arguments in order (fmt syntax). Data texts (goal names, KPI names, notes) are printed
// as the strategy wrote them.
#pragma once

#include <string>

#include "common/period.hpp"
#include "text/lang.hpp"

namespace sosei::text {

struct Catalogue {
  // Titles.
  const char* project_table;  // 事業一覧
  const char* goal_summary;   // 基本目標達成状況等一覧表
  const char* numeric_targets;
  const char* drilldown;
  const char* as_of;
  const char* scheme;
  // Columns of the project table.
  const char* goal;
  const char* measure;
  const char* project;
  const char* kpi;
  const char* unit;
  const char* baseline;
  const char* actual;
  const char* achievement;
  const char* target;
  const char* department;
  const char* grade;
  const char* pace;
  const char* forecast;
  const char* notes;
  const char* formed;
  // Columns of the summary and the numeric targets.
  const char* kpi_count;
  const char* count;
  const char* share;
  const char* total;
  const char* projection;
  const char* basic_goal_prefix;  // "基本目標" → "基本目標1"
  // Words inside cells.
  const char* progress_suffix;  // "（進捗）"
  const char* achieved;
  const char* not_achieved;
  const char* off_track;
  const char* series_break;
  const char* calendar_year;  // a calendar-year value in a fiscal-year column: "2024年（暦年）"
  const char* months_summed;
  const char* others;  // a drill-down's rows beyond the largest, summed: 「その他（4,980件）」
  // HTML only.
  const char* filter_placeholder;
  const char* all;
  const char* sort_hint;
  const char* chart_legend_values;
  const char* chart_legend_target;
  const char* chart_legend_path;
  const char* chart_legend_forecast;
  const char* chart_legend_baseline;
  const char* chart_legend_projection;
  const char* no_chart;
  const char* shown;  // "12 / 16 KPIs shown"
  // CLI: evaluate.
  const char* values;               // the column of yearly values
  const char* goal_numeric_target;  // "数値目標" after a goal number
  const char* evaluate_heading;     // "{city} {strategy} — 基準日 {as_of}、評価基準 {scheme}（{title}）"
  const char* saved_as_evaluation;  // "評価 {} として保存しました"
  const char* note_heading;         // "注記:"
  const char* total_row;            // "合計"
  // How an actual was formed, pace and forecast.
  const char* formed_sum;               // "{terms} の合計 = {total}"
  const char* formed_not_counted;       // "（集計外: {}）"
  const char* formed_years_of;          // "、{n}/{m}年分"
  const char* formed_latest;            // "最新値: {period} = {value}"
  const char* formed_target_year;       // "目標年度の値: {period} = {value}"
  const char* formed_status;            // "{period}: {status}"
  const char* formed_no_value;          // "{from}～{to}の値なし"
  const char* pace_expected;            // "期待値 {expected}: {ratio}"
  const char* forecast_points;          // "—（{} 点）": no forecast from this many yearly values
  const char* forecast_not_meaningful;  // a count forecast below zero
  const char* ratio_undefined;          // "—（目標値0: 比率なし）"
  // Evaluation notes.
  const char* note_no_value;  // no value for the evaluation period
  const char* note_not_carried_out;
  const char* note_done_needs_status;
  const char* note_series_break;
  const char* note_no_pace;              // "進捗ペースを算出できないため評価できません: {}"
  const char* note_unpublished;          // "基準日 {date} にまだ公表されていない値: {list}"
  const char* note_published_on;         // "{period}（{date} 公表）"
  const char* note_several_values;       // "{year} に複数の値: 最新の期間を使用"
  const char* note_dimensions_left_out;  // "内訳付きの値 {n} 件は除外（合計値を使用）"
  const char* pace_no_pace_for_kind;     // "{kind} の目標には進捗ペースなし"
  const char* pace_no_value;
  const char* pace_none_due;  // "基準日 {date} までに締まった年度なし"
  const char* pace_no_baseline;
  const char* forecast_done;
  const char* forecast_few_points;
  // CLI: values, history, runs, status.
  const char* period;
  const char* dimensions;
  const char* value;
  const char* revisions;
  const char* note;
  const char* source;
  const char* plugin;
  const char* schedule;
  const char* last_run;
  const char* result;
  const char* last_success;
  const char* failures;
  const char* next_run;
  const char* run;
  const char* started;
  const char* status;
  const char* accepted;
  const char* rejected;
  const char* new_values;
  const char* revised;
  const char* error;
  const char* changed_at;
  const char* old_value;
  const char* new_value;
  const char* changed_by;
  const char* latest;
  const char* expected;
  const char* due;
  const char* kpi_data_heading;          // "KPIデータの状況（{date} 現在）"
  const char* no_values;                 // "値がありません"
  const char* manual;                    // a source without schedule
  const char* note_parts_replace_total;  // "{period}: 合計値は使わず、内訳（{dimension}）から算出"
  // CLI: import, validate, plugins, token, resume.
  const char* import_summary;   // "{source}: {status} — 受理 {n} 件（新規 {n}、改訂 {n}）、却下 {n} 件"
  const char* import_dry_run;   // "試行・保存なし（{status}）"
  const char* import_run_id;    // "、実行 {id}"
  const char* import_error;     // "  エラー: {}"
  const char* import_rejected;  // "  却下 {location}: {reason}"
  const char* due_imports_run;  // "予定の取込 {n} 件を実行、失敗 {n} 件"
  const char* due_imports_alone;  // (--all-due with a source, --all, --file or --dry-run)
  const char* due_quarantined;    // "、隔離中で実行しなかったソース {n} 件"
  const char* validate_ok;  // "{file}: 問題なし — KPI {n} 件（基本目標 {n} 件）、ソース {n} 件、プラグイン {n} 件"
  const char* validate_problems;  // "{file}: 問題 {n} 件"
  const char* name;
  const char* version;
  const char* api_version;
  const char* file;
  const char* plugin_refused;  // "読み込まなかったプラグイン: {}"
  const char* no_plugins;      // "プラグインが見つかりません。探した場所:"
  const char* id;
  const char* created;
  const char* last_used;
  const char* revoked;
  const char* never_used;
  const char* token_role;  // "役割": department or policy
  const char* no_tokens;
  const char* token_created;             // "トークン {id}（{department}）: …失効は sosei token revoke {id}"
  const char* token_revoked;             // "トークン {id}（{department}）を失効させました"
  const char* token_already_revoked;     // "トークン {id}（{department}）は {when} に失効済みです"
  const char* token_unknown;             // "token revoke: トークン {id} はありません…"
  const char* token_unknown_department;  // "token create: 「{}」が担当するKPIは…（担当課: {}）"
  const char* token_enters_nothing;      // "注意: {} のKPIには entered_by_hand: true がまだありません…"
  const char* resume_lifted;  // "{source}: 隔離を解除しました…（今すぐなら sosei import {source}）"
  const char* resume_not_quarantined;  // "{source}: 隔離されていません"
  const char* resume_unknown;          // "resume: ソース「{}」は {} にありません"
  const char* run_unknown;             // "runs: 実行 {} はありません"
  // serve: the /entry page, hand-entry refusals (API and page), the token check.
  const char* entry_title;    // "KPI 手入力"
  const char* dashboard;      // "ダッシュボード"
  const char* entry_no_kpis;  // the strategy has no KPI entered by hand
  const char* entry_period;   // the form's labels
  const char* entry_value;
  const char* entry_note;
  const char* entry_token;
  const char* entry_submit;
  const char* entry_footer;
  const char* signoff_link;  // the /entry page's link to /signoff    // what happens to an entered value
  // The /signoff page: headings, labels and buttons (the sign-off steps and the commentary form).
  const char* signoff_steps_heading;  // "承認と締め"
  const char* signoff_reason;         // its reason field (required to unlock)
  const char* signoff_submit;         // the three buttons
  const char* signoff_approve;
  const char* signoff_unlock;
  const char* signoff_help;     // who may press which button, and what a lock means
  const char* comment_heading;  // "コメント"
  const char* comment_save;
  const char* signoff_token;   // the token field of both forms
  const char* entry_inserted;  // "新しい値として登録しました"
  const char* entry_revised;
  const char* entry_unchanged;
  const char* entry_result;            // "{what}: {kpi} {period} = {value}（実行 {run}、{source}）"
  const char* entry_example;           // the JSON a script sends
  const char* entry_missing_field;     // "入力に「{field}」がありません。{example}"
  const char* entry_field_not_string;  // "「{field}」は…文字列で（{json type}）"
  const char* entry_bad_json;          // "本文を JSON として読めません（{why}）。{example}"
  const char* entry_not_object;        // "本文は JSON オブジェクトにしてください。{example}"
  const char* entry_unknown_field;     // "項目「{field}」は読みません…"
  const char* entry_unknown_kpi;       // "KPI「{kpi}」はありません…"
  const char* entry_other_department;  // "KPI「{kpi}」の担当は{dept}です。トークン {id}（{dept}）…{dept}…"
  const char* entry_not_by_hand;  // "KPI「{kpi}」は取込で値が入ります…"
  const char* entry_bad_value;    // "値「{text}」を読めません…"
  const char* entry_wrong_unit;  // "値「{text}」の単位は{unit}ですが、KPI「{kpi}」の単位は{unit}…{unit}"
  const char* no_unit;           // "単位なし"
  const char* entry_bad_period;  // "年度「{text}」を読めません…"
  const char* entry_imported_value;  // "KPI「{kpi}」の{period}の値は取込ソース「{source}」（実行 {run}）…"
  const char* token_missing;         // 401: no token given
  const char* token_not_known;        // 401: no such token
  const char* token_was_revoked;      // "トークン {id}（{dept}）は {when} に失効しています…"
  const char* flag_note_required;     // resolving a flag through the API needs {"note": "…"}
  const char* flag_other_department;  // "フラグ {id} は{dept}の KPI のものではありません"
  const char* page_not_found;         // 404 outside the API: "{method} {path} には何もありません…"
  // Refusals of the HTTP server itself (serve/): what a browser or script sent that it will not read.
  const char* token_in_query;     // 400: a token in the URL (it would stay in histories and logs)
  const char* body_too_large;     // 413: "本文が {limit} バイトを超えています…"
  const char* headers_too_large;  // 431: "ヘッダーが {limit} バイトを超えています"
  const char* uri_too_long;       // 414
  const char* bad_request;        // 400: not HTTP we read
  const char* request_too_slow;   // 408: the request did not arrive within {seconds} s
  const char* json_too_deep;      // 400: "JSON の入れ子が深すぎます（{levels} 段まで）"
  const char* server_busy;        // 503: every connection slot is working on a request
  // Another writer holds the database (store::StoreBusy): nothing was written.
  const char* store_busy;          // "{wait} 待っても…": the CLI's refusal, with what to do
  const char* store_busy_import;   // appended for `sosei import`: how to wait longer (--wait)
  const char* waiting_for_writer;  // stderr, once the wait starts: "… 最大 {wait} 待ちます"
  const char* entry_store_busy;    // 503 of a hand entry or sign-off: "{seconds} 秒待ちましたが…"
  const char* store_missing;       // a scheduled run finds no database at {path}: moved, deleted, unmounted
  const char* store_created;       // `sosei import` made a new database at {path}: say so, in case it went away
  // A SQLite write refused, nothing saved: {path}, {operation}, SQLite's own words.
  const char* store_moved;         // the path no longer names the file that was opened
  const char* store_disk_full;     // SQLITE_FULL
  const char* store_not_writable;  // read-only file, folder or mount, or an I/O error
  const char* bad_wait;            // `sosei import --wait {text}`: not a duration
  // Data quality (issue 14): the flags table, the marker (rule errors are in text::ConfigMessages).
  const char* flag_id;
  const char* flag_rule;
  const char* flag_level;
  const char* flag_expected;
  const char* flag_state;
  const char* flag_raised;
  const char* flag_detail;
  const char* flag_closed;
  const char* flags_none;
  const char* flag_resolved;
  const char* flag_not_open;
  const char* flag_marker_legend;
  const char* flag_status_open_errors;
  // Sign-off (docs/signoff.md): approvals, locks, commentary, audit.
  const char* state_entered;
  const char* state_submitted;
  const char* state_approved;
  const char* submitted_done;  // "{kpi} の {period} を提出しました"
  const char* approved_done;
  const char* unlocked_done;
  const char* refuse_locked;  // an import row or hand entry for an approved period
  const char* refuse_submit_state;
  const char* refuse_approve_state;
  const char* refuse_unlock_state;
  const char* refuse_no_value;
  const char* refuse_policy_only;
  const char* refuse_other_department;
  const char* refuse_department_only;
  const char* refuse_no_reason;
  const char* refuse_empty_comment;
  const char* refuse_unknown_kpi;
  const char* refuse_comment_year;
  const char* comment_saved;
  const char* comment_why;
  const char* comment_next;
  const char* comment_committee;
  const char* comment_kind_column;
  const char* comment_text_column;
  const char* comment_version_column;
  const char* commentary;
  const char* commentary_sheet;  // the XLSX sheet name (31 characters at most)  // the reports' commentary section
  const char* fiscal_year;
  const char* unconfirmed;  // a value or grade not yet approved (--approved-only)
  const char* unconfirmed_note;
  const char* audit_at;  // columns of sosei audit
  const char* audit_who;
  const char* audit_action;
  const char* audit_what;
  const char* audit_before;
  const char* audit_after;
  const char* audit_reason;
  const char* no_audit;
  // `sosei report`.
  const char* report_wrote;                // file, format, KPIs, numeric targets, as of, scheme
  const char* report_folder_missing;       // file, folder
  const char* report_cannot_write;         // file, why
  const char* report_stdout_needs_format;  //
  const char* report_format_unknown;       // the output as given
  const char* report_binary_to_stdout;     // format
  const char* report_csv_only;             // format
  // What a person typed that cannot be read (app::InputError), and unknown names.
  const char* input_as_of_unreadable;   // text, the notation's reason (English only: empty in Japanese)
  const char* input_period_unreadable;  // text, the notation's reason (English only: empty in Japanese)
  const char* input_period_outside;     // text, its period when written otherwise, first year, last year
  const char* kpi_unknown;              // id, configuration file
  const char* evaluation_unknown;       // id
  const char* flag_note_missing;        //
  const char* import_name_one;          // the sources
  const char* import_file_needs_one;    //
  // The dashboard's query parameters (serve/view_query.cpp): a 400 page.
  const char* view_param_twice;      // name
  const char* view_as_of;            // why (input_as_of_unreadable)
  const char* view_scheme_unknown;   // name, the schemes
  const char* view_lang_unknown;     // text
  const char* view_years_unknown;    // text
  const char* view_approved_only;    //
  const char* signoff_step_unknown;  // the step given
  const char* comment_kind_unknown;  // the kind given
  // `sosei serve` and `sosei hub serve` on the terminal, and the server's log of what tokens did.
  const char* serve_started;              // base URL ×4
  const char* hub_serve_started;          // base URL, hub name, base URL ×2
  const char* serve_signal;               // program, signal name
  const char* serve_stopped_early;        // program
  const char* serve_log_entry;            // token id, department, KPI, period, value, run, new, revised
  const char* serve_log_signoff;          // token id, department, KPI, period, state
  const char* serve_log_comment;          // token id, department, KPI, year, kind, version
  const char* hub_page_not_found;         // method, path: what the hub serves instead (it has no hand entry)
  const char* refuse_approve_changed;     // KPI, period, submitted at, changed at
  const char* refuse_approve_open_flags;  // KPI, period, count, flag ids
  const char* resubmitted_done;           // KPI, period
  const char* approval_withdrawn;         // the audit reason when an import changed the value during approval
  const char* report_draft;               // beside a report's title without --approved-only
  const char* report_final;               // beside a report's title with --approved-only
  const char* import_nothing_stored;      // after a failed run's summary: its accepted rows were not kept
  const char* approvals_name;             // `sosei approvals`: the KPI's name column
  const char* no_approvals;               // `sosei approvals` with nothing submitted or approved
};

const Catalogue& catalogue(Lang lang);

// Every text of a catalogue in declaration order, for the completeness test.
std::size_t catalogue_size();
const char* catalogue_text(const Catalogue& c, std::size_t index);

// A status value for people: 未実施 / not carried out.
std::string status_text(ValueKind kind, Lang lang);

// Any value as a message quotes it: 1,234.5 (up to six decimals, grouped) or 未実施, never the
// stored code (not_carried_out).
std::string value_text(const Value& value, Lang lang);

// A run's or a freshness state's code ("succeeded", "ok", "overdue") for people.
std::string state_text(std::string_view code, Lang lang);

// What a grade was decided on (evaluate's basis code: "ratio", "progress", "achieved", "pace",
// "no value", "series break", "status not_carried_out", …) for people: 達成率 / ratio to target.
// JSON keeps the code; an unknown code is returned as it is.
std::string grade_basis_text(std::string_view basis, Lang lang);

}  // namespace sosei::text
