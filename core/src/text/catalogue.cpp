// The catalogue's texts in both languages (catalogue.hpp).
#include "text/catalogue.hpp"

#include <map>

#include "common/period.hpp"
#include "text/numbers.hpp"

namespace sosei::text {
namespace {

constexpr Catalogue kJapanese{
    .project_table = "事業一覧",
    .goal_summary = "基本目標達成状況等一覧表",
    .numeric_targets = "基本目標の数値目標",
    .drilldown = "内訳",
    .as_of = "基準日",
    .scheme = "評価基準",
    .goal = "基本目標",
    .measure = "施策",
    .project = "事業",
    .kpi = "KPI",
    .unit = "単位",
    .baseline = "基準値",
    .actual = "実績",
    .achievement = "目標比",
    .target = "目標値",
    .department = "担当課",
    .grade = "評価",
    .pace = "進捗ペース",
    .forecast = "見通し",
    .notes = "備考",
    .formed = "実績の算出",
    .kpi_count = "KPI数",
    .count = "件数",
    .share = "割合",
    .total = "合計",
    .projection = "推計値",
    .basic_goal_prefix = "基本目標",
    .progress_suffix = "（進捗）",
    .achieved = "達成",
    .not_achieved = "未達成",
    .off_track = "遅れ",
    .series_break = "比較困難",
    .calendar_year = "暦年",
    .months_summed = "月の合計",
    .others = "その他",
    .filter_placeholder = "KPI名・事業・担当課で絞り込み",
    .all = "すべて",
    .sort_hint = "見出しをクリックで並べ替え",
    .chart_legend_values = "実績",
    .chart_legend_target = "目標値",
    .chart_legend_path = "目標までの道筋",
    .chart_legend_forecast = "見通し（点線）",
    .chart_legend_baseline = "基準値",
    .chart_legend_projection = "推計値",
    .no_chart = "定性的なKPI（グラフなし）",
    .shown = "KPI表示中",
    .values = "実績の推移",
    .goal_numeric_target = "数値目標",
    .evaluate_heading = "{} {} — 基準日 {}、評価基準 {}（{}）",
    .saved_as_evaluation = "評価 {} として保存しました（sosei evaluations で一覧）",
    .note_heading = "注記:",
    .total_row = "合計",
    .formed_sum = "{} の合計 = {}",
    .formed_not_counted = "（集計外: {}）",
    .formed_years_of = "、{}/{}年分",
    .formed_latest = "最新値: {} = {}",
    .formed_target_year = "目標年度の値: {} = {}",
    .formed_status = "{}: {}",
    .formed_no_value = "{}～{}の値なし",
    .pace_expected = "期待値 {}: {}",
    .forecast_points = "—（{}点）",
    .forecast_not_meaningful = "—（見通しが0未満: 意味なし）",
    .ratio_undefined = "—（目標値0: 比率を定義できない）",
    .note_no_value = "評価期間の値がないため測定不能",
    .note_not_carried_out = "未実施",
    .note_done_needs_status = "実施目標には状態（実施・実施中・未着手）が必要（数値ではなく）",
    .note_series_break = "統計の断絶: 比較困難",
    .note_no_pace = "進捗ペースを算出できないため評価できない: {}",
    .note_unpublished = "基準日 {} にはまだ公表されていない値: {}",
    .note_published_on = "{}（{} 公表）",
    .note_several_values = "{} に複数の値: 最も新しい期間の値を使用",
    .note_dimensions_left_out = "内訳付きの値 {} 件は除外（合計値を使用）",
    .pace_no_pace_for_kind = "この種類の目標（{}）には進捗ペースなし",
    .pace_no_value = "値なし",
    .pace_none_due = "基準日 {} までに締まった年度がない",
    .pace_no_baseline = "基準値が数値でないため目標までの道筋を引けない",
    .forecast_done = "実施目標には見通しなし",
    .forecast_few_points = "値が2点未満のため見通しなし",
    .period = "期間",
    .dimensions = "内訳",
    .value = "値",
    .revisions = "改訂",
    .note = "注記",
    .source = "取込元",
    .plugin = "プラグイン",
    .schedule = "予定",
    .last_run = "前回開始",
    .result = "結果",
    .last_success = "前回成功（開始）",
    .failures = "連続失敗",
    .next_run = "次回予定",
    .run = "実行",
    .started = "開始",
    .status = "状態",
    .accepted = "受理",
    .rejected = "却下",
    .new_values = "新規",
    .revised = "改訂",
    .error = "エラー",
    .changed_at = "変更日時",
    .old_value = "変更前",
    .new_value = "変更後",
    .changed_by = "変更者",
    .latest = "最新",
    .expected = "期待",
    .due = "期限",
    .kpi_data_heading = "KPIデータの状況（{} 現在）",
    .no_values = "値がありません",
    .manual = "手動",
    .note_parts_replace_total = "{}: 合計値は使わず、内訳（{}）から値を算出",
    .import_summary = "{}: {} — 受理 {} 件（新規 {}、改訂 {}）、却下 {} 件",
    .import_dry_run = "試行・保存なし（{}）",
    .import_run_id = "、実行 {}",
    .import_error = "  エラー: {}",
    .import_rejected = "  却下 {}: {}",
    .due_imports_run = "予定の取込 {} 件を実行、失敗 {} 件",
    .due_imports_alone = "import: --all-due はソース、--all、--file、--dry-run と一緒には使えません",
    .due_quarantined = "、隔離中で実行しなかったソース {} 件",
    .validate_ok = "{}: 問題なし — KPI {} 件（基本目標 {} 件）、ソース {} 件、プラグイン {} 件",
    .validate_problems = "{}: 問題 {} 件",
    .name = "名前",
    .version = "版",
    .api_version = "API版",
    .file = "ファイル",
    .plugin_refused = "読み込まなかったプラグイン: {}",
    .no_plugins = "プラグインが見つかりません。探した場所:",
    .id = "番号",
    .created = "作成日時",
    .last_used = "最終使用",
    .revoked = "失効",
    .never_used = "未使用",
    .token_role = "役割",
    .no_tokens = "トークンはありません（作成: sosei token create --department 課名）",
    .token_created =
        "トークン {}（{}）: 表示はこの一度だけです（データベースには SHA-256 だけを保存）。担当課に渡してください。"
        "失効させるには sosei token revoke {}",
    .token_revoked = "トークン {}（{}）を失効させました",
    .token_already_revoked = "トークン {}（{}）は {} に失効済みです",
    .token_unknown = "token revoke: トークン {} はありません（一覧: sosei token list）",
    .token_unknown_department = "token create: 「{}」が担当するKPIは戦略にありません（担当課: {}）",
    .token_enters_nothing =
        "sosei: 注意: {} のKPIにはまだ entered_by_hand: true "
        "がないため、このトークンでは何も入力できません（strategy.yaml で設定）",
    .resume_lifted = "{}: 隔離を解除しました。次の予定時刻に実行されます（今すぐ実行するには sosei import {}）",
    .resume_not_quarantined = "{}: 隔離されていません",
    .resume_unknown = "resume: ソース「{}」は {} にありません",
    .run_unknown = "runs: 実行 {} はありません（一覧: sosei runs）",
    .entry_title = "KPI 手入力",
    .dashboard = "ダッシュボード",
    .entry_no_kpis = "このまちの戦略には手入力の KPI がありません（strategy.yaml で entered_by_hand: true を設定）。",
    .entry_period = "年度",
    .entry_value = "値（市の表記のまま）",
    .entry_note = "備考",
    .entry_token = "担当課のトークン",
    .entry_submit = "登録",
    .entry_footer =
        "登録した値は担当課の手入力として記録されます。同じ年度の値を登録し直すと、以前の値は修正履歴に残ります。",
    .signoff_link = "承認と締め・コメント",
    .signoff_steps_heading = "承認と締め",
    .signoff_reason = "理由（締めの解除には必須）",
    .signoff_submit = "提出",
    .signoff_approve = "承認",
    .signoff_unlock = "締めの解除",
    .signoff_help =
        "提出は担当課のトークン、承認と締めの解除は政策担当課（role: policy）のトークンで行います。"
        "承認された年度の値は、締めが解除されるまで取込でも手入力でも変わりません。",
    .comment_heading = "コメント",
    .comment_save = "保存",
    .signoff_token = "トークン",
    .entry_inserted = "新しい値として登録しました",
    .entry_revised = "値を修正しました（以前の値は修正履歴に残ります）",
    .entry_unchanged = "同じ値がすでに登録されています（変更なし）",
    .entry_result = "{}: {} {} = {}（実行 {}、{}）",
    .entry_example =
        "送る形の例: {{\"kpi\": \"startups\", \"period\": \"R7\", \"value\": \"5件\", \"note\": \"速報値\"}}",
    .entry_missing_field = "入力に「{}」がありません。{}",
    .entry_field_not_string = "「{}」は市の表記のままの文字列（\"5件\"、\"R7\"）で送ってください（送られた型: {}）",
    .entry_bad_json = "本文を JSON として読めません（{}）。{}",
    .entry_not_object = "本文は JSON のオブジェクトにしてください。{}",
    .entry_unknown_field = "項目「{}」は読みません。読むのは kpi、period、value、note だけです",
    .entry_unknown_kpi = "KPI「{}」はありません。戦略の KPI は /api/kpis で一覧できます",
    .entry_other_department = "KPI「{}」の担当は{}です。トークン {}（{}）で入力できるのは{}の KPI だけです",
    .entry_not_by_hand =
        "KPI「{}」の値は取込で入ります（手入力ではありません）。手入力を許すには戦略でこの KPI に "
        "entered_by_hand: true を設定してください",
    .entry_bad_value = "値「{}」を読めません。数値（例: 1,234{}）か、未実施・未着手・実施中・実施 を入力してください",
    .entry_wrong_unit = "値「{}」の単位は{}ですが、KPI「{}」の単位は{}です。{}で入力してください",
    .no_unit = "単位なし",
    .entry_bad_period = "年度「{}」を読めません。R7、令和7年度、FY2025 のように入力してください",
    .entry_imported_value =
        "KPI「{}」の{}の値は取込ソース「{}」（実行 {}）から入っています。そのソースのデータで"
        "修正するか、先にそのソースからこの KPI を外してください",
    .token_missing =
        "トークンがありません。担当課のトークンを入力してください（フォームのトークン欄、または "
        "Authorization: Bearer ヘッダー）。トークンは政策担当課が sosei token create --department 課名 "
        "で作成します",
    .token_not_known =
        "このトークンは登録されていません。全体をコピーしたか確かめるか、政策担当課に新しいトークンを"
        "依頼してください",
    .token_was_revoked = "トークン {}（{}）は {} に失効しています。政策担当課に新しいトークンを依頼してください",
    .flag_note_required = "対応の理由を {\"note\": \"…\"} で送ってください（例: 原票で確認済み）",
    .flag_other_department = "フラグ {} は{}の KPI のものではないため、対応済みにできません",
    .page_not_found =
        "{} {} には何もありません。ダッシュボードは /、手入力は /entry、API は /api/ の下、"
        "メトリクスは /metrics です（docs/serve.md）",
    .token_in_query =
        "トークンを URL に含めないでください（URL はブラウザーの履歴やサーバーのログに残ります）。"
        "Authorization: Bearer ヘッダー、またはフォームのトークン欄で送ってください",
    .body_too_large = "送られた本文が {} バイトを超えています。1 回に 1 件ずつ送ってください",
    .headers_too_large = "リクエストのヘッダーが {} バイトを超えています",
    .uri_too_long = "URL が長すぎます",
    .bad_request = "HTTP のリクエストとして読めません",
    .request_too_slow = "リクエストが {} 秒以内に届きませんでした。もう一度送ってください",
    .json_too_deep = "本文の JSON の入れ子が深すぎます（{} 段まで）",
    .server_busy = "サーバーが混み合っています。少し待ってからもう一度開いてください",
    .store_busy =
        "データベースに別の sosei（取り込みなど）が書き込み中で、{}待っても終わりませんでした。"
        "何も書き込んでいません。その処理が終わってからもう一度実行してください",
    .store_busy_import = "（待つ時間は --wait で延ばせます。例: sosei import --all --wait 10m）",
    .waiting_for_writer = "データベースに別の sosei（取り込みなど）が書き込み中です。終わるまで最大{}待ちます…",
    .entry_store_busy =
        "データベースは取り込みの書き込み中で、{} 秒待っても空きませんでした。値は保存していません。"
        "少し待ってからもう一度送ってください",
    .store_missing =
        "データベース {} がありません。移動・削除されたか、そのディスクやフォルダが外れていないか確かめてください"
        "（空のデータベースを作り直すことはしません）",
    .store_created =
        "データベース {} がなかったので新しく作りました。既にあったはずなら（移動・削除・ディスクが外れた）、"
        "ここで止めて元の場所に戻してください",
    .store_moved =
        "データベース {} は開いた後に移動・削除されたか、そのディスクやフォルダが外れました（{}）。"
        "この書き込みは取り消され、何も保存していません。ファイルを元の場所に戻すか、ディスクを"
        "つなぎ直してからもう一度実行してください。",
    .store_disk_full =
        "データベース {} のディスクに空きがないため書き込めませんでした（{}: {}）。この書き込みは取り消され、"
        "データベースは元のままです。空きを作ってからもう一度実行してください。",
    .store_not_writable =
        "データベース {} に書き込めません（{}: {}）。ファイルとフォルダに書き込めるか、読み取り専用で"
        "マウントされていないか、ディスクが外れていないかを確かめてください。この書き込みは取り消され、"
        "データベースは元のままです。",
    .bad_wait = "import: --wait「{}」を読めません。30s、10m、1h のように数と単位（s m h d）で書いてください。",
    .flag_id = "番号",
    .flag_rule = "規則",
    .flag_level = "水準",
    .flag_expected = "期待範囲",
    .flag_state = "状態",
    .flag_raised = "検出",
    .flag_detail = "内容",
    .flag_closed = "対応",
    .flags_none = "データ品質フラグはありません",
    .flag_resolved = "フラグ {} を対応済みにしました",
    .flag_not_open = "フラグ {} はないか、既に閉じています",
    .flag_marker_legend = "※ 未解決のデータ品質フラグがある値（担当課の確認待ち）",
    .flag_status_open_errors = "未解決のエラー水準フラグ {} 件（締切を過ぎた期間）",
    .state_entered = "入力済み",
    .state_submitted = "提出済み",
    .state_approved = "承認済み",
    .submitted_done = "{} の {} を提出しました（政策担当課の承認待ち）",
    .approved_done = "{} の {} を承認しました。この期間は締められ、取込・手入力では変更できません",
    .unlocked_done = "{} の {} の締めを解除しました（理由: {}）。担当課が修正して再提出します",
    .refuse_locked =
        "{} の {} は {} "
        "に承認済みで締められているため変更できません（取込・手入力とも）。変更が必要なら政策担当課が理由を付けて締め"
        "を解除します（sosei unlock {} {} --reason \"…\"）",
    .refuse_submit_state = "{} の {} は既に{}です",
    .refuse_approve_state =
        "{} の {} は提出されていないため承認できません（現在: {}）。担当課が先に提出します（sosei submit）",
    .refuse_unlock_state = "{} の {} は承認されていないため、締めの解除は不要です（現在: {}）",
    .refuse_no_value = "{} の {} には値がないため提出できません",
    .refuse_policy_only =
        "承認・締めの解除・推進会議の意見は政策担当課（role: policy のトークン）だけが行えます。トークン "
        "{}（{}）は担当課のトークンです",
    .refuse_other_department = "KPI {} は {} の担当です。トークン {}（{}）では扱えません",
    .refuse_department_only =
        "要因分析と今後の方向性は担当課（{}）が入力します。トークン {} は政策担当課のトークンです",
    .refuse_no_reason = "締めの解除には理由が必要です（--reason \"…\"）",
    .refuse_empty_comment = "コメントの本文が空です（--text \"…\"）",
    .refuse_unknown_kpi = "KPI {} は戦略にありません",
    .refuse_comment_year = "年度 {} を読めません（R7、令和7年度、FY2025、2025 のように書きます）",
    .comment_saved = "{} の {} の{}を保存しました（第{}版）",
    .comment_why = "要因分析",
    .comment_next = "今後の方向性",
    .comment_committee = "推進会議の意見",
    .comment_kind_column = "種類",
    .comment_text_column = "本文",
    .comment_version_column = "版",
    .commentary = "コメント（要因分析・今後の方向性・推進会議の意見）",
    .commentary_sheet = "コメント",
    .fiscal_year = "年度",
    .unconfirmed = "未確定",
    .unconfirmed_note = "未確定: 承認されていない値を含むため、実績と評価を示していません",
    .audit_at = "日時",
    .audit_who = "操作者",
    .audit_action = "操作",
    .audit_what = "対象",
    .audit_before = "変更前",
    .audit_after = "変更後",
    .audit_reason = "理由",
    .no_audit = "監査記録はありません",
    .report_wrote = "{} に書き出しました（{}、KPI {} 件・数値目標 {} 件、{} 時点、評価基準 {}）",
    .report_folder_missing = "報告書を {} に書き出せません: フォルダ {} がありません。先に作ってください",
    .report_cannot_write = "報告書を {} に書き出せません: {}",
    .report_stdout_needs_format = "標準出力（-o -）に書き出すには --format html|csv|md|json で形式を指定してください",
    .report_format_unknown =
        "「{}」からは形式が分かりません。--format html|xlsx|csv|md|json を指定するか、.html、.xlsx、.csv、.md、.json "
        "で終わるファイル名にしてください",
    .report_binary_to_stdout =
        "{} はバイナリ形式のため標準出力には書き出せません。-o report.xlsx のようにファイルを指定してください",
    .report_csv_only = "--encoding と --table は csv だけに使えます（指定された形式: {}）",
    .input_as_of_unreadable = "基準日「{}」を読めません{}。2026-01-31、FY2025、R7、令和7年度 のように書いてください",
    .input_period_unreadable =
        "「{}」は期間として読めません{}。2025、FY2025、R7、令和7年度、2024年、2025-04、2025年4月 "
        "のように書いてください",
    .input_period_outside =
        "期間 {}{}は戦略の範囲（{}～{}）の外です。範囲の外の値は取り込まれないので、範囲内の期間を指定してください",
    .kpi_unknown = "KPI「{}」は戦略にありません。戦略の KPI の ID か、取込元/系列 を指定してください（設定: {}）",
    .evaluation_unknown = "評価 {} はありません（一覧: sosei evaluations）",
    .flag_note_missing = "flags resolve: --note で対応の理由を書いてください",
    .import_name_one = "import: 取込元を 1 つ指定するか --all を付けてください（取込元: {}）",
    .import_file_needs_one = "import: --file は取込元を 1 つ指定したときだけ使えます（--all とは併用できません）",
    .view_param_twice = "パラメータ {} が複数回指定されています。1 回だけ指定してください",
    .view_as_of = "as_of: {}（例: as_of=2026-03-31、as_of=FY2025、as_of=R7）",
    .view_scheme_unknown = "評価基準「{}」はありません。次のいずれかを指定してください: {}",
    .view_lang_unknown = "lang「{}」はレポートの言語ではありません。ja または en を指定してください",
    .view_years_unknown = "years「{}」は年の表記ではありません。era（R7）または western（2025）を指定してください",
    .view_approved_only = "approved_only には 1（承認済みの値だけで評価）または 0 を指定してください",
    .signoff_step_unknown =
        "操作「{}」はありません。submit（提出）、approve（承認）、unlock（承認の解除）のいずれかを指定してください",
    .comment_kind_unknown =
        "説明の種類「{}"
        "」はありません。why（要因分析）、next（今後の方向性）、committee（推進会議の意見）のいずれかを指定してくださ"
        "い",
    .serve_started =
        "sosei serve: {}/（ダッシュボード）、{}/entry（手入力）、{}/api/kpis、{}/metrics — SIGTERM または Ctrl-C "
        "で停止します",
    .hub_serve_started = "sosei hub serve: {}/（{}）、{}/api/hub、{}/metrics — SIGTERM または Ctrl-C で停止します",
    .serve_signal = "{}: {} を受け取りました。処理中のリクエストを終えてから停止します",
    .serve_stopped_early = "{}: サーバーが予期せず停止しました（ログを確認してください）",
    .serve_log_entry = "serve: トークン {}（{}）の手入力: {} {} = {} → 実行 {}（新規 {}、改訂 {}）",
    .serve_log_signoff = "serve: トークン {}（{}）の承認操作: {} {} → {}",
    .serve_log_comment = "serve: トークン {}（{}）の説明: {} {} {} 第{}版",
    .hub_page_not_found =
        "{} {} には何もありません。市町村の一覧は /、共通指標は /indicators、各市町村のページは "
        "/city/{{団体コード}}/ の下、API は /api/hub の下、メトリクスは /metrics です（docs/hub.md）",
    .refuse_approve_changed =
        "{} の {} は提出（{}）の後に値が変わりました（{}）。提出された値ではないため承認できません。担当課が値を確かめ"
        "て、もう一度提出します（sosei submit）",
    .refuse_approve_open_flags =
        "{} の {} には未解決のデータ品質フラグが {} "
        "件あります（{}）。担当課が確かめて解決するまで承認できません（sosei "
        "flags --open で確認し、sosei flags resolve で理由を付けて解決します）",
    .resubmitted_done = "{} の {} を提出し直しました（提出後に値が変わったため。承認待ち）",
    .approval_withdrawn = "承認の最中に取込が値を変えたため、承認を取り消しました（担当課が確かめて提出し直します）",
    .report_draft = "【案】承認前の値を含む作業用の版",
    .report_final = "承認済みの値による確定版",
    .import_nothing_stored = "（失敗した取込は何も記録しません。受理した値も保存されていません）",
    .approvals_name = "名称",
    .no_approvals = "承認申請中・承認済みの期間はありません（担当課の提出は sosei submit KPI 期間）",
};

constexpr Catalogue kEnglish{
    .project_table = "Projects and KPIs",
    .goal_summary = "Achievement by basic goal",
    .numeric_targets = "Numeric targets of the basic goals",
    .drilldown = "Breakdown",
    .as_of = "As of",
    .scheme = "Grading",
    .goal = "Basic goal",
    .measure = "Measure",
    .project = "Project",
    .kpi = "KPI",
    .unit = "Unit",
    .baseline = "Baseline",
    .actual = "Actual",
    .achievement = "vs target",
    .target = "Target",
    .department = "Department",
    .grade = "Grade",
    .pace = "Pace",
    .forecast = "Forecast",
    .notes = "Notes",
    .formed = "How the actual was formed",
    .kpi_count = "KPIs",
    .count = "count",
    .share = "share",
    .total = "Total",
    .projection = "Projection",
    .basic_goal_prefix = "Basic goal ",
    .progress_suffix = " (progress)",
    .achieved = "achieved",
    .not_achieved = "not achieved",
    .off_track = "off track",
    .series_break = "not comparable",
    .calendar_year = "calendar year",
    .months_summed = "sum of months",
    .others = "Others",
    .filter_placeholder = "Filter by KPI, project or department",
    .all = "All",
    .sort_hint = "Click a heading to sort",
    .chart_legend_values = "Actual",
    .chart_legend_target = "Target",
    .chart_legend_path = "Path to the target",
    .chart_legend_forecast = "Forecast (dashed)",
    .chart_legend_baseline = "Baseline",
    .chart_legend_projection = "Projection",
    .no_chart = "Qualitative KPI (no chart)",
    .shown = "KPIs shown",
    .values = "values",
    .goal_numeric_target = "numeric target",
    .evaluate_heading = "{} {} — as of {}, scheme {} ({})",
    .saved_as_evaluation = "saved as evaluation {} (see sosei evaluations)",
    .note_heading = "notes:",
    .total_row = "total",
    .formed_sum = "sum of {} = {}",
    .formed_not_counted = " (not counted: {})",
    .formed_years_of = "; {} of {} years",
    .formed_latest = "latest: {} = {}",
    .formed_target_year = "target year: {} = {}",
    .formed_status = "{}: {}",
    .formed_no_value = "no value for {}–{}",
    .pace_expected = "expected {}: {}",
    .forecast_points = "— ({} points)",
    .forecast_not_meaningful = "— (forecast below zero: not meaningful)",
    .ratio_undefined = "— (target 0: no ratio)",
    .note_no_value = "no value for the evaluation period: cannot be measured",
    .note_not_carried_out = "not carried out",
    .note_done_needs_status = "a done target needs a status (実施, 実施中, 未着手), not a number",
    .note_series_break = "series break: not comparable",
    .note_no_pace = "no pace to grade on: {}",
    .note_unpublished = "not yet published as of {}: {}",
    .note_published_on = "{} (published {})",
    .note_several_values = "several values for {}: the latest period is used",
    .note_dimensions_left_out = "{} value(s) with dimensions left out: the KPI uses totals",
    .pace_no_pace_for_kind = "no pace for a {} target",
    .pace_no_value = "no value",
    .pace_none_due = "no year of the period is due by {}",
    .pace_no_baseline = "no numeric baseline: no straight line to the target",
    .forecast_done = "no forecast for a done target",
    .forecast_few_points = "fewer than two points: no forecast",
    .period = "period",
    .dimensions = "dimensions",
    .value = "value",
    .revisions = "revisions",
    .note = "note",
    .source = "source",
    .plugin = "plugin",
    .schedule = "schedule",
    .last_run = "last run (start)",
    .result = "result",
    .last_success = "last success (start)",
    .failures = "failures",
    .next_run = "next run",
    .run = "run",
    .started = "started",
    .status = "status",
    .accepted = "accepted",
    .rejected = "rejected",
    .new_values = "new",
    .revised = "revised",
    .error = "error",
    .changed_at = "changed at",
    .old_value = "old value",
    .new_value = "new value",
    .changed_by = "changed by",
    .latest = "latest",
    .expected = "expected",
    .due = "due",
    .kpi_data_heading = "KPI data as of {}",
    .no_values = "no values",
    .manual = "manual",
    .note_parts_replace_total = "{}: the total is left out, the parts ({}) form the value",
    .import_summary = "{}: {} — {} accepted ({} new, {} revised), {} rejected",
    .import_dry_run = "dry run, {}",
    .import_run_id = ", run {}",
    .import_error = "  error: {}",
    .import_rejected = "  rejected {}: {}",
    .due_imports_run = "{} due import(s) run, {} failed",
    .due_imports_alone = "import: --all-due takes no SOURCE, --all, --file or --dry-run",
    .due_quarantined = ", {} quarantined skipped",
    .validate_ok = "{}: ok — {} KPIs in {} goals, {} sources, {} plugins",
    .validate_problems = "{}: {} problem(s)",
    .name = "name",
    .version = "version",
    .api_version = "api",
    .file = "file",
    .plugin_refused = "refused: {}",
    .no_plugins = "no plugins found; searched:",
    .id = "id",
    .created = "created",
    .last_used = "last used",
    .revoked = "revoked",
    .never_used = "never",
    .token_role = "role",
    .no_tokens = "no tokens (sosei token create --department <課>)",
    .token_created =
        "token {} for {}: shown only now (the database keeps its SHA-256); give it to the department, "
        "revoke with `sosei token revoke {}`",
    .token_revoked = "token {} of {} revoked",
    .token_already_revoked = "token {} of {} was already revoked on {}",
    .token_unknown = "token revoke: no token {} (sosei token list shows them)",
    .token_unknown_department = "token create: no KPI of the strategy belongs to '{}' (departments: {})",
    .token_enters_nothing =
        "sosei: note: no KPI of {} has entered_by_hand: true yet, so this token can enter "
        "nothing until one has (strategy.yaml)",
    .resume_lifted = "{}: quarantine lifted; it runs at its next scheduled time (or now: sosei import {})",
    .resume_not_quarantined = "{}: was not quarantined",
    .resume_unknown = "resume: no source '{}' in {}",
    .run_unknown = "runs: no run {} (sosei runs lists them)",
    .entry_title = "KPI hand entry",
    .dashboard = "dashboard",
    .entry_no_kpis = "No KPI of the strategy is entered by hand (set entered_by_hand: true in strategy.yaml).",
    .entry_period = "Period",
    .entry_value = "Value (as the city writes it)",
    .entry_note = "Note",
    .entry_token = "Your department's token",
    .entry_submit = "Enter",
    .entry_footer =
        "An entered value is recorded as your department's hand entry. Entering the same period again "
        "keeps the old value as a revision.",
    .signoff_link = "Sign-off and commentary",
    .signoff_steps_heading = "Sign-off",
    .signoff_reason = "Reason (required to unlock)",
    .signoff_submit = "Submit",
    .signoff_approve = "Approve",
    .signoff_unlock = "Unlock",
    .signoff_help =
        "A department's token submits; the policy division's token (role: policy) approves and unlocks. "
        "The values of an approved period do not change, by import or by hand, until it is unlocked.",
    .comment_heading = "Commentary",
    .comment_save = "Save",
    .signoff_token = "Token",
    .entry_inserted = "Entered as a new value",
    .entry_revised = "Revised (the old value is kept as a revision)",
    .entry_unchanged = "The same value is already stored (unchanged)",
    .entry_result = "{}: {} {} = {} (run {}, {})",
    .entry_example = "send {{\"kpi\": \"startups\", \"period\": \"R7\", \"value\": \"5件\", \"note\": \"速報値\"}}",
    .entry_missing_field = "the entry has no \"{}\": {}",
    .entry_field_not_string = "\"{}\" must be a string as the city writes it (\"5件\", \"R7\"), not {}",
    .entry_bad_json = "the body is not valid JSON ({}): {}",
    .entry_not_object = "the body must be a JSON object: {}",
    .entry_unknown_field = "unknown field \"{}\" in the entry: only kpi, period, value and note are read",
    .entry_unknown_kpi = "unknown KPI '{}': /api/kpis lists the KPIs of the strategy",
    .entry_other_department = "KPI '{}' belongs to {}; token {} of {} may enter only {}'s KPIs",
    .entry_not_by_hand =
        "KPI '{}' is not entered by hand (its values are imported): set entered_by_hand: true on "
        "it in the strategy to allow entries",
    .entry_bad_value = "value '{}' cannot be read: write a number (e.g. 1,234{}) or 未実施, 未着手, 実施中, 実施",
    .entry_wrong_unit = "value '{}' is in {} but KPI '{}' counts in {}: write the number in {}",
    .no_unit = "no unit",
    .entry_bad_period = "period '{}' cannot be read: write it as R7, 令和7年度 or FY2025",
    .entry_imported_value =
        "KPI '{}' {}: the value comes from the import source '{}' (run {}): correct it in that "
        "source's data, or remove the KPI from that source first",
    .token_missing =
        "no token: give your department's token (the form's token field, or the header "
        "\"Authorization: Bearer <token>\"); the policy division creates one with "
        "`sosei token create --department <課>`",
    .token_not_known = "unknown token: check that it was copied whole, or ask the policy division for a new one",
    .token_was_revoked = "token {} of {} was revoked on {}: ask the policy division for a new one",
    .flag_note_required = "send why the flag is closed as {\"note\": \"…\"}",
    .flag_other_department = "flag {} is not on a KPI of {}: it cannot be resolved with this token",
    .page_not_found =
        "nothing at {} {}: the dashboard is at /, hand entry at /entry, the API under /api/ and "
        "metrics at /metrics (docs/serve.md)",
    .token_in_query =
        "do not put a token in the URL (URLs stay in browser histories and server logs): send it in the "
        "header \"Authorization: Bearer <token>\" or the form's token field",
    .body_too_large = "the request body is larger than {} bytes: send one entry per request",
    .headers_too_large = "the request headers are larger than {} bytes",
    .uri_too_long = "the request URI is too long",
    .bad_request = "malformed HTTP request",
    .request_too_slow = "the request did not arrive within {} seconds: send it again",
    .json_too_deep = "the JSON body is nested deeper than {} levels",
    .server_busy = "the server is busy: try again in a moment",
    .store_busy =
        "another sosei process (an import) is writing to the database and had not finished after {}; "
        "nothing was written: run this again once it has finished",
    .store_busy_import = " (wait longer with --wait, e.g. sosei import --all --wait 10m)",
    .waiting_for_writer = "another sosei process (an import) is writing to the database; waiting up to {} for it…",
    .entry_store_busy =
        "an import is writing to the database and it did not become free within {} seconds; "
        "the value was not saved: send it again in a moment",
    .store_missing =
        "there is no database at {}: check whether it was moved or deleted, or its disk or folder went away "
        "(an empty database is not made in its place)",
    .store_created =
        "there was no database at {}, so a new one was made; if there should have been one (moved, deleted, "
        "a disk that went away), stop here and put it back",
    .store_moved =
        "the database {} was moved or deleted after it was opened, or its disk or folder went away ({}); "
        "this write was undone and nothing was saved: put the file back or reconnect the disk, then run "
        "this again",
    .store_disk_full =
        "the disk of the database {} is full ({}: {}); this write was undone and the database is as it "
        "was: free some space, then run this again",
    .store_not_writable =
        "cannot write to the database {} ({}: {}): check that the file and its folder are writable, "
        "not mounted read-only, and that the disk is still there; this write was undone and the "
        "database is as it was",
    .bad_wait = "import: cannot read --wait '{}': write a number and a unit (s m h d), e.g. 30s, 10m, 1h",
    .flag_id = "ID",
    .flag_rule = "Rule",
    .flag_level = "Level",
    .flag_expected = "Expected",
    .flag_state = "State",
    .flag_raised = "Raised",
    .flag_detail = "Detail",
    .flag_closed = "Closed",
    .flags_none = "No data-quality flags",
    .flag_resolved = "Flag {} resolved",
    .flag_not_open = "Flag {} does not exist or is closed already",
    .flag_marker_legend = "※ a value with an open data-quality flag (listed by sosei flags)",
    .flag_status_open_errors = "{} open error-level flag(s) on periods that are due",
    .state_entered = "entered",
    .state_submitted = "submitted",
    .state_approved = "approved",
    .submitted_done = "submitted {} {} (waiting for the policy division's approval)",
    .approved_done = "approved {} {}: the period is locked, imports and hand entry cannot change it",
    .unlocked_done = "unlocked {} {} (reason: {}); the department corrects it and submits again",
    .refuse_locked =
        "{} {} was approved on {} and is locked: imports and hand entry cannot change it. If it must change, the "
        "policy division unlocks it with a reason (sosei unlock {} {} --reason \"…\")",
    .refuse_submit_state = "{} {} is already {}",
    .refuse_approve_state =
        "{} {} cannot be approved: it is not submitted (now: {}); the department submits it first (sosei submit)",
    .refuse_unlock_state = "{} {} is not approved, so there is no lock to lift (now: {})",
    .refuse_no_value = "{} {} has no value to submit",
    .refuse_policy_only =
        "only the policy division (a token with role policy) approves, unlocks and enters the committee's opinion; "
        "token {} ({}) is a department token",
    .refuse_other_department = "KPI {} belongs to {}; token {} ({}) cannot act on it",
    .refuse_department_only =
        "the reasons and the next steps are entered by the owning department ({}); token {} is the policy division's",
    .refuse_no_reason = "unlocking needs a reason (--reason \"…\")",
    .refuse_empty_comment = "the comment has no text (--text \"…\")",
    .refuse_unknown_kpi = "no KPI {} in the strategy",
    .refuse_comment_year = "cannot read the fiscal year {} (write R7, FY2025 or 2025)",
    .comment_saved = "{} {}: saved the {} (version {})",
    .comment_why = "reasons",
    .comment_next = "next steps",
    .comment_committee = "committee's opinion",
    .comment_kind_column = "kind",
    .comment_text_column = "text",
    .comment_version_column = "version",
    .commentary = "Commentary (reasons, next steps, committee's opinion)",
    .commentary_sheet = "Commentary",
    .fiscal_year = "fiscal year",
    .unconfirmed = "unconfirmed",
    .unconfirmed_note = "unconfirmed: it rests on values not yet approved, so no actual or grade is shown",
    .audit_at = "at",
    .audit_who = "who",
    .audit_action = "action",
    .audit_what = "what",
    .audit_before = "before",
    .audit_after = "after",
    .audit_reason = "reason",
    .no_audit = "no audit events",
    .report_wrote = "wrote {} ({}, {} KPIs and {} numeric targets, as of {}, scheme {})",
    .report_folder_missing = "cannot write the report to {}: the folder {} does not exist (create it first)",
    .report_cannot_write = "cannot write the report to {}: {}",
    .report_stdout_needs_format = "writing to stdout (-o -) needs --format html|csv|md|json",
    .report_format_unknown =
        "cannot tell the format from '{}': give --format html|xlsx|csv|md|json, or a file ending in .html, .xlsx, "
        ".csv, .md or .json",
    .report_binary_to_stdout = "{} is a binary format and cannot go to stdout: give a file, e.g. -o report.xlsx",
    .report_csv_only = "--encoding and --table apply to csv only, not {}",
    .input_as_of_unreadable = "cannot read the as-of date '{}'{}; write 2026-01-31, FY2025, R7 or 令和7年度",
    .input_period_unreadable =
        "'{}' is not a period{}; write 2025, FY2025, R7, 令和7年度, 2024年, 2025-04 or 2025年4月",
    .input_period_outside =
        "period {}{} is outside the strategy's years ({}–{}): no value there is ever stored, so give a period within "
        "them",
    .kpi_unknown = "no KPI '{}' in the strategy: give a KPI id of the strategy or SOURCE/SERIES (see {})",
    .evaluation_unknown = "no evaluation {} (sosei evaluations lists them)",
    .flag_note_missing = "flags resolve: --note must say why the flag is closed",
    .import_name_one = "import: name one SOURCE or give --all (sources: {})",
    .import_file_needs_one = "import: --file applies to one source, not --all",
    .view_param_twice = "the parameter {} is given more than once: give it once",
    .view_as_of = "as_of: {} (e.g. as_of=2026-03-31, as_of=FY2025 or as_of=R7)",
    .view_scheme_unknown = "unknown grading scheme '{}': use one of {}",
    .view_lang_unknown = "lang: '{}' is not a language of the report: use ja or en",
    .view_years_unknown = "years: '{}' is not a year style: use era (R7) or western (2025)",
    .view_approved_only = "approved_only: use 1 (only approved values are graded) or 0",
    .signoff_step_unknown = "step '{}': use submit, approve or unlock",
    .comment_kind_unknown = "--kind '{}': use why, next or committee",
    .serve_started =
        "sosei serve: {}/ (dashboard), {}/entry (hand entry), {}/api/kpis, {}/metrics — SIGTERM or Ctrl-C stops",
    .hub_serve_started = "sosei hub serve: {}/ ({}), {}/api/hub, {}/metrics — SIGTERM or Ctrl-C stops",
    .serve_signal = "{}: {} received: finishing the requests in flight",
    .serve_stopped_early = "{}: the server stopped unexpectedly (see the log)",
    .serve_log_entry = "serve: hand entry by token {} ({}): {} {} = {} → run {} ({} new, {} revised)",
    .serve_log_signoff = "serve: sign-off by token {} ({}): {} {} → {}",
    .serve_log_comment = "serve: comment by token {} ({}): {} {} {} v{}",
    .hub_page_not_found =
        "nothing at {} {}. The cities are listed at /, the shared indicators at /indicators, each city's "
        "pages under /city/{{code}}/, the API under /api/hub and the metrics at /metrics (docs/hub.md)",
    .refuse_approve_changed =
        "{} {} changed after it was submitted ({}; changed {}): what would be approved is not what was submitted. "
        "The department checks the value and submits it again (sosei submit)",
    .refuse_approve_open_flags =
        "{} {} has {} open data-quality flag(s) ({}): it cannot be approved until the department checks and resolves "
        "them (sosei flags --open to see them, sosei flags resolve with a reason)",
    .resubmitted_done = "submitted {} {} again (its value changed after the first submission; waiting for approval)",
    .approval_withdrawn =
        "approval withdrawn: an import changed the value while it was being approved (the department checks and "
        "submits again)",
    .report_draft = "[DRAFT] working version, may include values not yet approved",
    .report_final = "final version: approved values only",
    .import_nothing_stored = " (a failed run stores nothing: the accepted values were not kept either)",
    .approvals_name = "name",
    .no_approvals = "No period is submitted or approved (a department submits one with sosei submit KPI PERIOD)",
};

}  // namespace

const Catalogue& catalogue(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

// The struct holds only `const char*` members: it is read as an array to check completeness.
std::size_t catalogue_size() { return sizeof(Catalogue) / sizeof(const char*); }

const char* catalogue_text(const Catalogue& c, std::size_t index) {
  static_assert(sizeof(Catalogue) % sizeof(const char*) == 0);
  const char* const* texts = &c.project_table;
  return texts[index];
}

std::string status_text(ValueKind kind, Lang lang) {
  const bool ja = lang == Lang::Ja;
  switch (kind) {
    case ValueKind::Number:
      return "";
    case ValueKind::Missing:
      return ja ? "欠測" : "missing";
    case ValueKind::NotCarriedOut:
      return ja ? "未実施" : "not carried out";
    case ValueKind::NotStarted:
      return ja ? "未着手" : "not started";
    case ValueKind::InProgress:
      return ja ? "実施中" : "in progress";
    case ValueKind::Done:
      return ja ? "実施" : "done";
  }
  return "";
}

std::string value_text(const Value& value, Lang lang) {
  return value.is_number() ? format_number_trimmed(value.number, 6, lang) : status_text(value.kind, lang);
}

std::string state_text(std::string_view code, Lang lang) {
  if (lang == Lang::En) return std::string(code);
  static const std::map<std::string_view, const char*> kJa{{"succeeded", "成功"},
                                                           {"failed", "失敗"},
                                                           {"unchanged", "変更なし"},
                                                           {"aborted", "中止"},
                                                           {"running", "実行中"},
                                                           {"interrupted", "中断"},
                                                           {"ok", "良好"},
                                                           {"overdue", "遅延"},
                                                           {"OVERDUE", "遅延"},
                                                           {"due_soon", "期限間近"},
                                                           {"quarantined", "停止中（隔離）"},
                                                           {"never", "未実行"},
                                                           {"manual", "手動"},
                                                           {"not_due", "期限前"},
                                                           {"healthy", "正常"},
                                                           {"failing", "失敗中"},
                                                           {"yes", "あり"},
                                                           {"no", "なし"},
                                                           {"open", "未解決"},
                                                           {"cleared", "解消"},
                                                           {"resolved", "対応済み"},
                                                           {"error", "エラー"},
                                                           {"warning", "警告"},
                                                           {"department", "担当課"},
                                                           {"policy", "政策担当課（承認）"}};
  const auto it = kJa.find(code);
  return it == kJa.end() ? std::string(code) : it->second;
}

std::string grade_basis_text(std::string_view basis, Lang lang) {
  const bool ja = lang == Lang::Ja;
  constexpr std::string_view kStatus = "status ";
  if (basis.substr(0, kStatus.size()) == kStatus) {
    const auto kind = value_kind_from(basis.substr(kStatus.size()));
    if (!kind) return std::string(basis);
    return (ja ? "状況（" : "status (") + status_text(*kind, lang) + (ja ? "）による" : ")");
  }
  static const std::map<std::string_view, std::pair<const char*, const char*>> kBases{
      {"ratio", {"目標に対する達成率による", "ratio to the target"}},
      {"progress", {"基準値から目標までの進捗率による", "progress from the baseline to the target"}},
      {"achieved", {"目標を達成", "target achieved"}},
      {"not achieved", {"目標に未達", "target not achieved"}},
      {"pace", {"目標年度に向けたペースによる", "pace toward the target year"}},
      {"no pace", {"ペースを判断できない", "no pace to judge"}},
      {"no value", {"値がない", "no value"}},
      {"no status", {"実施状況の値がない", "no status value"}},
      {"series break", {"系列の断絶（過去と比較できない）", "series break (not comparable with earlier years)"}}};
  const auto it = kBases.find(basis);
  if (it == kBases.end()) return std::string(basis);
  return ja ? it->second.first : it->second.second;
}

}  // namespace sosei::text
