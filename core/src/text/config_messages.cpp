// The configuration loader's messages in both languages (config_messages.hpp).
#include "text/config_messages.hpp"

namespace sosei::text {
namespace {

constexpr ConfigMessages kJapanese{
    .found_nothing = "何も書かれていません",
    .found_map = "「キー: 値」の組が書かれています",
    .found_list = "リストが書かれています",
    .found_value = "「{}」と書かれています",
    .in_section = "「{}」",
    .in_kpi = "KPI",
    .in_target = "目標（target）",
    .in_baseline = "基準値（baseline）",
    .in_goal = "基本目標",
    .in_measure = "施策",
    .in_project = "事業",
    .in_source = "データソース",
    .in_strategy_file = "戦略ファイル",
    .in_sources_file = "データソースのファイル",
    .in_settings_file = "設定ファイル（設定、または `settings:` を持つデータソースの項目）",
    .in_rule = "検証ルール",
    .in_rules_file = "検証ルールのファイル",
    .in_series_rules = "系列の検証ルール",
    .cannot_read = "{} を読めません: {}",
    .yaml_syntax = "YAML の書き方に誤りがあります（{}）。字下げ・「:」・括弧や引用符の閉じ忘れを確かめてください",
    .expected_string = "文字列を書いてください（{}）",
    .expected_number = "数値を書いてください（{}）",
    .expected_int = "整数を書いてください（{}）",
    .expected_bool = "true か false を書いてください（{}）",
    .expected_map = "{}は「キー: 値」の形で書いてください（{}）",
    .expected_key_name = "{}のキーには名前を書いてください（{}）",
    .unknown_key = "「{}」は{}に書けるキーではありません。次のどれかを書いてください: {}",
    .duplicate_key = "キー「{}」が{}に2回書かれています。1つにしてください",
    .missing_key = "キー「{}」を{}に書いてください（ありません）",
    .unknown_choice = "「{}」に「{}」は書けません。次のどれかを書いてください: {}",
    .expected_list = "「{}」はリスト（「- 」で始まる行、または [a, b]）で書いてください（{}）",
    .needs_path = "「{}」にはファイルのパスを書いてください",
    .duration_expected =
        "「{}」には 30s、10m、6h、1d、1h30m のような時間の長さを書いてください（「{}」と書かれています）",
    .max_concurrent_range = "「max_concurrent」には 1〜64 の整数（同時に行う取込みの数）を書いてください",
    .quarantine_after_min = "「quarantine_after」には 1 以上の整数（失敗した実行の回数）を書いてください",
    .overdue_check_min = "「overdue_check」には 1m 以上の時間の長さを書いてください",
    .webhook_url = "webhook には http:// か https:// で始まる URL を書いてください（「{}」と書かれています）",
    .plugin_dir_path = "プラグインのフォルダにはパスを書いてください",
    .timezone_empty = "「timezone」には Asia/Tokyo のようなタイムゾーン名を書いてください",
    .timezone_unknown =
        "タイムゾーン「{}」が /usr/share/zoneinfo のタイムゾーンデータベースにありません。Asia/Tokyo のような IANA "
        "の名前を書き、tzdata パッケージが入っているか確かめてください",
    .default_scheme_empty = "「default」には評価基準の名前を書いてください",
    .default_scheme_no_file = "既定の評価基準「{}」のファイルが {} にありません（そこに {}.yaml を置いてください）",
    .cron_invalid = "cron の式「{}」を読めません（{}）。例: \"30 6 * * *\"（毎日 6:30）",
    .interval_min = "実行の間隔は 1m 以上にしてください（{} と書かれています）",
    .schedule_needs_cron_or_every =
        "schedule には「cron」（例: \"30 6 * * *\"）か「every」（例: 6h）のどちらかを書いてください",
    .schedule_cron_and_every = "schedule には「cron」と「every」のどちらか一方だけを書いてください",
    .jitter_too_long = "jitter {} は実行の間隔 {} より短くしてください（長いと実行が追い越し合います）",
    .timeout_zero = "「timeout」は 0s より長くしてください",
    .retries_range = "「retries」には 0〜{} の整数を書いてください（{} と書かれています）",
    .backoff_cap = "「backoff」{} は再試行の待ち時間の上限 6h を超えています。6h 以下にしてください",
    .memory_limit_expected =
        "「memory_limit」には 512MiB や 2GiB のような大きさ、または制限なしの 0 "
        "を書いてください（「{}」と書かれています）",
    .memory_limit_small =
        "「memory_limit」{} ではワーカープロセスが動きません。64MiB 以上か、制限なしの 0 を書いてください",
    .source_id_chars = "データソースの id「{}」には a-z、0-9、_ だけを使ってください（64 文字まで）",
    .source_id_twice = "データソースの id「{}」が重複しています（最初は {}）。別の id にしてください",
    .plugin_name_chars = "プラグイン名「{}」には a-z、0-9、_ だけを使ってください",
    .source_needs_kpis = "KPI の id を 1 つ以上書いてください",
    .source_unknown_kpi = "KPI「{}」は戦略ファイルにありません。戦略ファイルにある KPI の id を書いてください",
    .source_kpi_twice = "KPI「{}」が 2 回書かれています。1 回にしてください",
    .setting_not_scalar =
        "設定「{}」には文字列・数値・true/false のどれかを書いてください（空にするときは \"\" と書きます）",
    .year_unreadable = "年度「{}」を読めません。FY2025、2025、R7、令和7年度 のように書いてください",
    .number_contradicts = "number {} が value「{}」（{}）と食い違っています。どちらかを直してください",
    .window_after_target = "期間の始まり（{}）が目標年度（{}）より後です。from を目標年度以前にしてください",
    .window_after_baseline = "期間の始まり（{}）が基準年度（{}）より後です。from を基準年度以前にしてください",
    .target_no_number =
        "目標「{}」に数値が書かれていません。{} の目標には数値が要ります（文中に書くか「number:」を足してください）",
    .projection_no_number = "推計値「{}」に数値が書かれていません。数値を書いてください",
    .projection_only_vs = "「projection」は kind が vs_projection の目標にだけ書けます",
    .below_min = "{} {} が下限 {}（KPI「{}」）を下回っています（下回ってよいなら「min:」を書いてください）",
    .above_max = "{} {} が上限 {}（KPI「{}」）を上回っています（上回ってよいなら「max:」を書いてください）",
    .what_target = "目標値",
    .what_baseline = "基準値",
    .month_day_expected = "「{}」には年内の日付を MM-DD で書いてください（例: \"07-31\"。「{}」と書かれています）",
    .dimension_name_chars =
        "内訳の名前「{}」には a-z、0-9、_ だけを使ってください（プラグインが保存する名前のとおりに）",
    .labels_not_map = "「labels」は「内訳の値: 短い表示名」の組で書いてください（例: 小学校: 小）",
    .label_part_twice = "「labels」に「{}」が 2 回書かれています。1 回にしてください",
    .kpi_id_chars = "KPI の id「{}」には a-z、0-9、_ だけを使ってください（64 文字まで）",
    .kpi_id_twice = "KPI の id「{}」が重複しています（最初は {}）。別の id にしてください",
    .publication_lag_range = "「publication_lag_months」には 0〜120 の整数（月数）を書いてください",
    .progress_needs_baseline = "formula が progress のときは、基準値に数値を書いてください",
    .allow_negative_and_min = "「allow_negative: true」（下限なし）と「min:」のどちらか一方だけを書いてください",
    .done_has_no_parts = "kind が done の目標は状態で評価するので、「combine」は書けません",
    .indicator_half_ratio =
        "indicator の numerator（分子）と denominator（分母）は両方書いてください（比率の指標はハブで分子と分母を"
        "それぞれ合計します）。KPI 自身の値を送るなら両方とも書きません",
    .indicator_id_chars = "共通指標の id「{}」には a-z、0-9、_ だけを使ってください（ハブの indicators の id です）",
    .indicator_series_chars = "系列「{}」には a-z、0-9、_ だけを使ってください",
    .max_below_min = "max が min より小さくなっています。直してください",
    .decimals_range = "「decimals」には 0〜6 の整数を書いてください（「{}」と書かれています）",
    .display_not_a_scale =
        "「display: {}」は単位「{}」の表し方ではありません。万{}、千{}、百万{}、億{} のどれかを書いてください",
    .goal_number_min = "基本目標の番号は 1 から始めてください",
    .goal_number_twice = "基本目標の番号 {} が 2 回使われています（最初は {}）。別の番号にしてください",
    .period_reversed = "期間の終わりが始まりより前です。from と to を確かめてください",
    .city_code_not_six_digits =
        "city_code「{}」は全国地方公共団体コードではありません。検査数字を含む 6 桁の数字で書いてください（例: "
        "402273）",
    .city_code_five_digits =
        "city_code「{}」は 5 桁です。検査数字を付けた 6 桁で書いてください（このコードなら「{}」）",
    .city_code_check_digit =
        "city_code「{}」の検査数字が合いません。打ち間違いがないか確かめてください（前の 5 桁が正しければ「{}」）",
    .goals_empty = "基本目標を 1 つ以上書いてください",
    .history_after_start = "history_from が戦略の最初の年度より後です。最初の年度以前にしてください",
    .rule_no_kind =
        "規則に kind がありません（range、max_change、monotonic、completeness、relation、unit_slip、outlier "
        "のいずれか）",
    .rule_unknown_kind =
        "規則の種類 '{}' は不明です（range、max_change、monotonic、completeness、relation、unit_slip、outlier "
        "のいずれか）",
    .rule_bad_level = "level '{}' は error か warning で指定してください",
    .rule_key_not_for_kind = "'{}' は種類 {} の規則には使えません",
    .rule_range_empty = "range の規則には min か max が必要です",
    .rule_bad_limit = "limit '{}' は 50% のような割合か、0 以上の数で指定してください",
    .rule_completeness_what =
        "completeness の規則には months: 12（毎月そろう）か dimension: 次元名（前年度にあった路線・地区などが"
        "そろう）の少なくとも一方を指定してください",
    .rule_relation_what = "relation の規則は at_most か at_least のどちらか一方に比べるKPIを指定してください",
    .rule_unknown_kpi = "KPI '{}' は戦略にありません",
    .rule_outlier_bounds =
        "outlier の threshold は正の数、min_history は 3 以上、window は min_history 以上で指定してください",
    .rule_unknown_series = "系列 '{}' は戦略のKPIでも、取込元の系列（取込元/系列）でもありません",
    .not_a_regular_file =
        "{} は通常のファイルではありません（名前付きパイプ・装置ファイル・フォルダなど）。設定は通常のテキストファイル"
        "に書いてください",
    .file_too_large =
        "{} は大きすぎます。設定ファイルは {} MiB までです（正しいファイルを指しているか確かめてください）",
    .utf16_text = "UTF-16 で保存されています。UTF-8 で保存し直してください",
    .nul_byte =
        "NUL 文字（0x00）があります。UTF-16 で保存されたか、テキストではないファイルです。UTF-8 "
        "のテキストで保存してください",
    .invalid_utf8 =
        "UTF-8 として読めないバイト（0x{}）があります。Shift_JIS（CP932）で保存されているなら、UTF-8 "
        "で保存し直してください",
    .several_documents =
        "ここから 2 つ目の YAML 文書が始まります。設定ファイルには文書を 1 つだけ書いてください"
        "（「---」で区切らず、1 つにまとめるか別のファイルにしてください）",
    .tag_not_allowed =
        "タグ「{}」は使えません。値をそのまま書いてください（設定ファイルでは !! や ! で型を指定しません）",
    .nested_too_deep =
        "入れ子が深すぎます（設定ファイルの入れ子は {} 段まで）。字下げや括弧の閉じ忘れを確かめてください",
    .alias_recursive =
        "別名「*{}」が、それが指す「&{}」の中で使われています（自分自身を含む値になります）。別名を外して"
        "ください",
    .aliases_too_large = "別名（*）を展開すると値が {} 個を超えます。別名を使わずに値を書いてください",
    .number_too_large = "数値 {} は KPI の値として大きすぎます。絶対値が {} 以下の数を書いてください",
    .grading_dir_missing =
        "評価基準のフォルダ {} がありません（sosei.yaml の grading: dir）。フォルダを作り、評価基準の"
        "ファイル（名前.yaml）を置いてください",
    .grading_scheme_unreadable = "評価基準「{}」を読めません: {}",
    .in_scheme_file = "評価基準のファイル",
    .in_band = "「bands」の {} 番目の評価区分",
    .scheme_empty = "評価基準のファイルが空です。bands と other を書いてください（config/grading/kama.yaml が例です）",
    .scheme_text_empty = "「{}」が空です。文字で書いてください",
    .scheme_percent = "「{}」の「{}」は数ではありません。百分率を 80 か 80% のように書いてください",
    .scheme_two_bands = "bands には評価区分を 2 つ以上、良いものから順に書いてください",
    .band_needs_min = "評価区分「{}」に min_percent がありません。min_percent を省けるのは最後（最も低い）区分だけです",
    .last_band_has_min =
        "最後の評価区分「{}」は他の区分に届かないすべての値を受け持ちます。min_percent を消してください",
    .band_min_order =
        "評価区分「{}」の min_percent {} が上の区分の {} 以上です。良い区分から順に、min_percent が小さくなるように"
        "書いてください",
    .band_symbol_twice = "評価区分の記号「{}」が 2 回使われています。区分ごとに別の記号にしてください",
    .other_is_a_band = "other の記号「{}」が評価区分の記号と同じです。測れない値の評価には別の記号を使ってください",
    .round_ratio_range = "round_ratio_to「{}」は小数点以下の桁数です。0〜6 の整数を書いてください",
    .unknown_grade =
        "評価「{}」はこの評価基準にありません。top、bottom、score、other か評価区分の記号（{}）を書いてください",
    .status_has_no_score =
        "状況「{}」には達成率がありません。score ではなく評価（top、bottom、other か記号）を書いてください",
    .unknown_scheme = "評価基準「{}」は {} にありません。あるのは: {}",
    .no_schemes = "（なし）",
    .stated_other_unit =
        "{}「{}」が KPI「{}」の単位「{}」で書かれていません（値はこの単位で記録され評価されます）。"
        "単位を揃えて書いてください",
    .stated_unit_no_unit =
        "{}「{}」には単位「{}」がありますが、KPI「{}」には unit: がありません。KPI に unit: "
        "を書くか、値を単位のない数で書いてください",
};

constexpr ConfigMessages kEnglish{
    .found_nothing = "found nothing",
    .found_map = "found a map",
    .found_list = "found a list",
    .found_value = "found '{}'",
    .in_section = "'{}'",
    .in_kpi = "a KPI",
    .in_target = "a target",
    .in_baseline = "a baseline",
    .in_goal = "a goal",
    .in_measure = "a measure",
    .in_project = "a project",
    .in_source = "a source",
    .in_strategy_file = "the strategy file",
    .in_sources_file = "the sources file",
    .in_settings_file = "the settings (or a source entry with `settings:`)",
    .in_rule = "a rule",
    .in_rules_file = "the rules file",
    .in_series_rules = "a series' rules",
    .cannot_read = "cannot read {}: {}",
    .yaml_syntax = "YAML syntax error: {}",
    .expected_string = "expected a string, {}",
    .expected_number = "expected a number, {}",
    .expected_int = "expected a whole number, {}",
    .expected_bool = "expected true or false, {}",
    .expected_map = "expected a map ({}), {}",
    .expected_key_name = "expected a key name in {}, {}",
    .unknown_key = "unknown key '{}' in {}; expected one of: {}",
    .duplicate_key = "duplicate key '{}' in {}",
    .missing_key = "missing key '{}' in {}",
    .unknown_choice = "unknown {} '{}'; expected one of: {}",
    .expected_list = "expected a list for '{}', {}",
    .needs_path = "'{}' needs a path",
    .duration_expected = "'{}' expects a duration such as 30s, 10m, 6h, 1d or 1h30m (got '{}')",
    .max_concurrent_range = "'max_concurrent' expects 1 to 64 imports",
    .quarantine_after_min = "'quarantine_after' expects at least 1 failed run",
    .overdue_check_min = "'overdue_check' must be at least 1m",
    .webhook_url = "a webhook needs an http:// or https:// URL (got '{}')",
    .plugin_dir_path = "a plugin folder needs a path",
    .timezone_empty = "'timezone' needs a zone name such as Asia/Tokyo",
    .timezone_unknown =
        "unknown time zone '{}': it is not in the time-zone database in /usr/share/zoneinfo; use an IANA name such as "
        "Asia/Tokyo, and check that the tzdata package is installed",
    .default_scheme_empty = "'default' needs a grading scheme name",
    .default_scheme_no_file = "the default grading scheme '{}' has no file in {} (add {}.yaml there)",
    .cron_invalid = "invalid cron expression '{}': {}",
    .interval_min = "the interval must be at least 1m (got {})",
    .schedule_needs_cron_or_every = "a schedule needs 'cron' (e.g. \"30 6 * * *\") or 'every' (e.g. 6h)",
    .schedule_cron_and_every = "a schedule has either 'cron' or 'every', not both",
    .jitter_too_long = "jitter {} must be shorter than the interval {}, or runs would overtake each other",
    .timeout_zero = "'timeout' must be longer than 0s",
    .retries_range = "'retries' must be 0-{} (got {})",
    .backoff_cap = "'backoff' {} is longer than the 6h cap on retry delays",
    .memory_limit_expected = "'memory_limit' expects a size such as 512MiB or 2GiB, or 0 for no limit (got '{}')",
    .memory_limit_small = "'memory_limit' {} is too small for a worker process: give at least 64MiB, or 0 for no limit",
    .source_id_chars = "source id '{}' may only use a-z, 0-9 and _ (at most 64 characters)",
    .source_id_twice = "duplicate source id '{}' (first defined at {})",
    .plugin_name_chars = "plugin name '{}' may only use a-z, 0-9 and _",
    .source_needs_kpis = "expected at least one KPI id",
    .source_unknown_kpi = "unknown KPI '{}'; it is not in the strategy",
    .source_kpi_twice = "KPI '{}' is listed twice",
    .setting_not_scalar = "setting '{}' must be a string, number or true/false (write \"\" for an empty value)",
    .year_unreadable = "cannot read the year '{}'; write it as FY2025, 2025, R7 or 令和7年度",
    .number_contradicts = "number {} contradicts the value '{}' ({})",
    .window_after_target = "the window starts ({}) after the target year ({})",
    .window_after_baseline = "the window starts ({}) after the baseline year ({})",
    .target_no_number =
        "the target '{}' states no number; a {} target needs one (write it in the text or add 'number:')",
    .projection_no_number = "the projection '{}' states no number",
    .projection_only_vs = "'projection' is only for kind vs_projection",
    .below_min = "the {} {} is below min {} of KPI '{}' (set 'min:' if it may)",
    .above_max = "the {} {} is above max {} of KPI '{}' (set 'max:' if it may)",
    .what_target = "target",
    .what_baseline = "baseline",
    .month_day_expected = "'{}' expects a day of the year as MM-DD, e.g. \"07-31\" (got '{}')",
    .dimension_name_chars = "dimension name '{}' may only use a-z, 0-9 and _ (as the plugins store it)",
    .labels_not_map = "expected 'labels' as a map of part → short label (小学校: 小)",
    .label_part_twice = "duplicate part '{}' in 'labels'",
    .kpi_id_chars = "KPI id '{}' may only use a-z, 0-9 and _ (at most 64 characters)",
    .kpi_id_twice = "duplicate KPI id '{}' (first defined at {})",
    .publication_lag_range = "'publication_lag_months' expects 0 to 120 months",
    .progress_needs_baseline = "formula progress needs a baseline with a number",
    .allow_negative_and_min = "set either 'allow_negative: true' (no minimum) or 'min:', not both",
    .done_has_no_parts = "a done target has no parts to combine (its value is a status)",
    .indicator_half_ratio =
        "write both numerator and denominator of the indicator (the hub sums each for a ratio), or neither to send "
        "the KPI's own value",
    .indicator_id_chars = "shared indicator id '{}' may only use a-z, 0-9 and _ (the id in the hub's indicators)",
    .indicator_series_chars = "series '{}' may only use a-z, 0-9 and _",
    .max_below_min = "max is below min",
    .decimals_range = "'decimals' expects 0 to 6 digits after the point (got '{}')",
    .display_not_a_scale = "'display: {}' is not a scale of the unit '{}': use 万{}, 千{}, 百万{} or 億{}",
    .goal_number_min = "a goal number starts at 1",
    .goal_number_twice = "goal number {} is used twice (first at {})",
    .period_reversed = "the period ends before it starts",
    .city_code_not_six_digits =
        "city_code \"{}\" is not a local government code: write its six digits, check digit included (e.g. 402273)",
    .city_code_five_digits = "city_code \"{}\" has five digits: add the check digit (for this code, \"{}\")",
    .city_code_check_digit =
        "city_code \"{}\" has a wrong check digit: look for a typing error (if the first five digits are right, "
        "\"{}\")",
    .goals_empty = "expected at least one goal",
    .history_after_start = "history_from is after the strategy's first year",
    .rule_no_kind = "a rule without kind (range, max_change, monotonic, completeness, relation, unit_slip or outlier)",
    .rule_unknown_kind =
        "unknown rule kind '{}' (range, max_change, monotonic, completeness, relation, unit_slip or outlier)",
    .rule_bad_level = "level '{}': write error or warning",
    .rule_key_not_for_kind = "'{}' does not belong to a rule of kind {}",
    .rule_range_empty = "a range rule needs min or max",
    .rule_bad_limit = "limit '{}': write a share such as 50% or a number of 0 or more",
    .rule_completeness_what =
        "a completeness rule takes months: 12 (every month there), dimension: NAME (every route, district… of "
        "the year before there), or both",
    .rule_relation_what = "a relation rule names the KPI to compare with in either at_most or at_least",
    .rule_unknown_kpi = "KPI '{}' is not in the strategy",
    .rule_outlier_bounds =
        "an outlier rule needs a positive threshold, min_history of 3 or more and a window of at least min_history",
    .rule_unknown_series = "series '{}' is neither a KPI of the strategy nor a source's series (source/series)",
    .not_a_regular_file =
        "{} is not a regular file (a named pipe, a device or a folder): write the configuration in an ordinary text "
        "file",
    .file_too_large =
        "{} is too large: a configuration file may be at most {} MiB (check that the right file is named)",
    .utf16_text = "the file is saved as UTF-16: save it again as UTF-8",
    .nul_byte = "a NUL byte (0x00): the file is saved as UTF-16 or is not text; save it as UTF-8 text",
    .invalid_utf8 =
        "a byte that is not UTF-8 (0x{}): if the file is saved as Shift_JIS (CP932), save it again as UTF-8",
    .several_documents =
        "a second YAML document starts here: a configuration file holds one document (merge them or "
        "use another file instead of separating them with '---')",
    .tag_not_allowed = "the tag '{}' is not allowed: write the value itself (configuration files use no !! or ! tags)",
    .nested_too_deep =
        "too deeply nested (a configuration file goes at most {} levels deep): check the indentation "
        "and the brackets",
    .alias_recursive =
        "the alias '*{}' is used inside the '&{}' it names (a value that contains itself): remove the "
        "alias",
    .aliases_too_large = "the aliases (*) stand for more than {} values: write the values out instead",
    .number_too_large = "the number {} is too large for a KPI: write a number whose magnitude is at most {}",
    .grading_dir_missing =
        "the grading folder {} does not exist (grading: dir in sosei.yaml): create it and put the "
        "grading schemes (NAME.yaml) in it",
    .grading_scheme_unreadable = "the grading scheme '{}' cannot be read: {}",
    .in_scheme_file = "a grading scheme",
    .in_band = "band {} (bands)",
    .scheme_empty = "the grading scheme is empty: write bands and other (config/grading/kama.yaml is an example)",
    .scheme_text_empty = "'{}' is empty: write it as text",
    .scheme_percent = "'{}' is not a number ('{}'): write a percent as 80 or 80%",
    .scheme_two_bands = "bands needs at least two bands, best first",
    .band_needs_min = "band '{}' has no min_percent: only the last (lowest) band goes without one",
    .last_band_has_min = "the last band '{}' takes every score below the others: remove its min_percent",
    .band_min_order =
        "the min_percent of band '{}' ({}) is not below the band above's ({}): min_percent must decrease from band "
        "to band (best first)",
    .band_symbol_twice = "the band symbol '{}' is used twice: give each band its own symbol",
    .other_is_a_band =
        "the other grade's symbol '{}' is also a band's: use another symbol for values that cannot be "
        "measured",
    .round_ratio_range = "round_ratio_to '{}' is a number of decimals: write a whole number from 0 to 6",
    .unknown_grade = "unknown grade '{}': write top, bottom, score, other or one of the band symbols ({})",
    .status_has_no_score =
        "the status '{}' has no score: map it to a grade (top, bottom, other or a symbol), not score",
    .unknown_scheme = "no grading scheme '{}' in {} (schemes: {})",
    .no_schemes = "none",
    .stated_other_unit =
        "the {} '{}' is not written in KPI '{}''s unit '{}' (values are stored and evaluated in "
        "it): write it in that unit",
    .stated_unit_no_unit =
        "the {} '{}' has the unit '{}' but KPI '{}' has no unit: add 'unit:' to the KPI or "
        "write the value as a bare number",
};

}  // namespace

const ConfigMessages& config_messages(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

// The struct holds only `const char*` members: it is read as an array to check completeness.
std::size_t config_messages_size() { return sizeof(ConfigMessages) / sizeof(const char*); }

const char* config_messages_text(const ConfigMessages& m, std::size_t index) {
  static_assert(sizeof(ConfigMessages) % sizeof(const char*) == 0);
  const char* const* texts = &m.found_nothing;
  return texts[index];
}

}  // namespace sosei::text
