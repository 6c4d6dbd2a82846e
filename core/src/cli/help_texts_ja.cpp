// The Japanese of every description in `sosei --help` (help_texts.hpp), keyed by the English written
// where the command or option is added. The tests fail on a description missing here.
#include <string>
#include <unordered_map>

#include "cli/help_texts.hpp"

namespace sosei::cli {
namespace {

struct Help {
  std::string_view en;
  std::string_view ja;
};

constexpr Help kHelp[] = {
    {"Print this help message and exit", "このヘルプを表示して終了します"},
    {"Grade every city with a config in the hub file on its own strategy and grading scheme, as its own sosei "
     "evaluate does, with its history before a merger continued from the merged municipalities' rows (KPIs of "
     "shared indicators); --save stores each city's evaluation, which the hub summary then shows",
     "ハブファイルに config を書いた各団体を、その団体自身の sosei evaluate と同じく、その戦略と評価基準で評価する。"
     "合併前の期間は合併した旧市町村の値で補う（共通指標の KPI）。--save で各団体の評価を保存し、hub summary "
     "に表示される"},
    {"only this city, by its six-digit code (402273)", "この団体だけ（6 桁の団体コード、例 402273）"},
    {"use what was published by: 2026-01-31, FY2025, R7 (default: today in each city's time zone)",
     "この時点までに公表された値を使う: 2026-01-31、FY2025、R7（既定: 各団体のタイムゾーンでの今日）"},
    {"grading scheme in each city's grading folder (default: each city's own)",
     "各団体の評価基準フォルダーにある評価基準（既定: 各団体の既定）"},
    {"store each city's evaluation in its store (shown by sosei hub summary)",
     "各団体の評価をその団体のストアに保存する（sosei hub summary が示す）"},
    {"print as JSON (stable keys; each city's evaluation as sosei evaluate --json)",
     "JSON で出力する（キーは固定。各団体の評価は sosei evaluate --json と同じ形）"},
    {"Display program version information and exit", "バージョンを表示して終了します"},
    {"A city's data carried to its hub as a signed file: keygen and export at the city, import at the hub",
     "市区町村のデータを署名付きファイルでハブへ届ける：市区町村側で keygen と export、ハブ側で import"},
    {"Add a new version of a KPI's commentary for a fiscal year",
     "ある年度のKPIのコメント（所見）に新しい版を追加する"},
    {"Approve a submitted period, which locks it (the policy division)",
     "承認申請された期間を承認し、ロックする（政策担当課）"},
    {"Check a city's bundle (complete, signed by the city's key, in order) and apply it at the hub",
     "市区町村のバンドルを検査し（欠落がない、その市区町村の鍵で署名されている、順序どおり）、ハブに適用する"},
    {"Check the configuration, the plugins and every source's settings",
     "設定、プラグイン、全ソースの設定項目を検査する"},
    {"Close an open flag with the reason (recorded with the OS user)",
     "未解決のフラグを理由を付けて閉じる（OS ユーザーとともに記録）"},
    {"Copy every table (sources, runs, observations, revisions, evaluations, tokens, flags, approvals, audit, "
     "comments) from one store into an empty one, ids kept, in one transaction, verified by a row count and SHA-256 "
     "per table. Copying again into a target that holds the same data changes nothing; a target with other data is "
     "refused untouched.",
     "全テーブル（ソース、取込実行、値、修正、評価、トークン、フラグ、承認、監査記録、コメント）を、あるデータベースか"
     "ら空のデータベースへ、ID を保ったまま1つのトランザクションでコピーし、テーブルごとの行数と SHA-256 "
     "で検証する。同じデータを持つコピー先へ再度コピーしても何も変わらない。別のデータを持つコピー先は変更せずに拒否す"
     "る。"},
    {"Create a hub token and print it once", "ハブのトークンを作成し、一度だけ表示する"},
    {"Create a token for a department and print it once", "担当課用のトークンを作成し、一度だけ表示する"},
    {"Create the database (--db, else the configured `database`) with the current schema, or bring an existing one up "
     "to date; says where it is. Running it again changes nothing.",
     "データベース（--db、なければ設定の "
     "`database`"
     "）を現行のスキーマで作成するか、既存のものを最新化し、その場所を表示する。再実行しても何も変わらない。"},
    {"Department tokens for hand entry through sosei serve", "sosei serve で手入力するための担当課のトークン"},
    {"Grade every KPI against its target, with pace and rollups",
     "全KPIを目標値に照らして評定する（進捗ペースと上位集計を含む）"},
    {"Import one source (or all) through its plugin", "ソースを1つ（または全部）プラグインで取り込む"},
    {"KPI id", "KPI ID"},
    {"KPI id, or SOURCE/SERIES", "KPI ID、または SOURCE/SERIES"},
    {"Lift the quarantine of a source so the scheduler runs it again",
     "ソースの隔離を解除し、スケジューラーが再び実行するようにする"},
    {"List import runs, newest first", "取込実行を新しい順に一覧表示する"},
    {"List stored evaluations (evaluate --save), newest first",
     "保存された評価（evaluate --save）を新しい順に一覧表示する"},
    {"List the data-quality flags raised by the validation rules",
     "検証ルールにより立てられたデータ品質フラグを一覧表示する"},
    {"List the hub's tokens (never their text): scope, note, who created and revoked",
     "ハブのトークンを一覧表示する（トークン文字列は表示しない）：スコープ、メモ、作成者と失効者"},
    {"List the installed indicator plugins", "インストール済みの指標プラグインを一覧表示する"},
    {"List the tokens (never their text): department, note, created, last used",
     "トークンを一覧表示する（トークン文字列は表示しない）：担当課、メモ、作成日時、最終使用日時"},
    {"Load a plugin, show its descriptor, check settings, dry-run it in a worker on an input (exit 1 if not OK)",
     "プラグインを読み込み、記述子の表示、設定の検査、入力に対するワーカーでの試行（保存しない）を行う（問題があれば終"
     "了コード 1）"},
    {"Make the city's signing key (Ed25519): KEY (private, 0600) and KEY.pub (for the hub file's key:)",
     "市区町村の署名鍵（Ed25519）を作成する：KEY（秘密鍵、0600）と KEY.pub（ハブファイルの key: 用）"},
    {"Many cities on one server: the hub's view of its cities (docs/hub.md)",
     "1台のサーバーで多数の市区町村：ハブから見た各市区町村の状況（docs/hub.md）"},
    {"Move a city's data between stores (SQLite file, PostgreSQL database)",
     "市区町村のデータをデータベース間で移す（SQLite ファイル、PostgreSQL データベース）"},
    {"Per city of the hub, a prefecture or a group: the latest evaluation's grades, how many KPIs have a value, open "
     "quality flags, stopped and failing imports. Cities without an evaluation or a database are listed, not left out. "
     "Each city is read through its own scope (row-level security on PostgreSQL).",
     "ハブ、都道府県またはグループの市区町村ごとに：最新の評価の評定、値のあるKPIの数、未解決の品質フラグ、停止中・失敗"
     "中の取込。評価やデータベースのない市区町村も省かずに表示する。各市区町村はそれぞれのスコープで読み取る（PostgreSQ"
     "L では行レベルセキュリティ）。"},
    {"Revoke a hub token: refused from the next request on, and kept listed",
     "ハブのトークンを失効させる：次のリクエストから拒否され、一覧には残る"},
    {"Revoke a token: it stops working at once and stays listed",
     "トークンを失効させる：直ちに使えなくなり、一覧には残る"},
    {"Run every source on its schedule until SIGTERM/SIGINT (graceful stop), SIGHUP reloads the configuration. One "
     "daemon per database.",
     "SIGTERM/SIGINT（正常停止）まで全ソースをスケジュールどおりに実行する。SIGHUP "
     "で設定を再読み込みする。デーモンはデータベースごとに1つ。"},
    {"Run the scheduled sources of every city with a config in the hub file, each as that city's own daemon would (its "
     "timers, retries, quarantines, webhooks, one worker process and one transaction per import), at most the hub's "
     "max_concurrent imports at a time over all cities, until SIGTERM/SIGINT; SIGHUP reloads every city's "
     "configuration. A city already scheduled by its own daemon is left to it.",
     "ハブファイルに config "
     "のある全市区町村のスケジュール済みソースを、それぞれその市区町村自身のデーモンと同じように実行する（タイマー、再"
     "試行、隔離、Webhook、取込ごとに1つのワーカープロセスと1つのトランザクション）。同時に実行する取込は全市区町村を通"
     "じてハブの max_concurrent 件まで。SIGTERM/SIGINT まで動作し、SIGHUP "
     "で全市区町村の設定を再読み込みする。すでに自身のデーモンでスケジュールされている市区町村はそのデーモンに任せる"
     "。"},
    {"Serve the dashboard (/), the JSON API (/api/…), Prometheus metrics (/metrics) and hand entry (/entry) until "
     "SIGTERM/SIGINT (docs/serve.md)",
     "SIGTERM/SIGINT まで、ダッシュボード（/）、JSON API（/api/…）、Prometheus "
     "メトリクス（/metrics）、手入力（/entry）を提供する（docs/serve.md）"},
    {"Serve the hub's page of its cities (/, with ?prefecture=, ?group=, ?sort=, ?lang=), the same as JSON (/api/hub), "
     "Prometheus metrics per city (/metrics), and the dashboard and read API of every city with a config in the hub "
     "file under /city/{code}/, until SIGTERM/SIGINT. Loopback and open until the hub has a token (sosei hub token "
     "create); then every request needs one and reads its scope (docs/hub.md)",
     "SIGTERM/SIGINT まで、ハブの市区町村一覧ページ（/、?prefecture=、?group=、?sort=、?lang= 指定可）、その JSON "
     "版（/api/hub）、市区町村ごとの Prometheus メトリクス（/metrics）、およびハブファイルに config "
     "のある全市区町村のダッシュボードと読み取り API（/city/{code}/ 以下）を提供する。ハブにトークンができる（sosei "
     "hub token "
     "create）まではループバックのみで認証なし。以後はすべてのリクエストにトークンが必要で、そのスコープの範囲を読み取"
     "る（docs/hub.md）"},
    {"Show how one value of a KPI was imported and revised",
     "KPIの1つの値がどのように取り込まれ、修正されたかを表示する"},
    {"Show import health per source and overdue KPI data", "ソースごとの取込状況と期限超過のKPIデータを表示する"},
    {"List the periods waiting for approval (submitted) and those approved",
     "承認待ち（提出済み）と承認済みの期間を一覧表示する（政策担当課の確認用）"},
    {"only this KPI", "このKPIのみ"},
    {"only submitted (waiting for approval) or approved periods",
     "submitted（承認待ち）または approved（承認済み）の期間のみ"},
    {"Show the audit trail: who changed which value, approval, comment or token",
     "監査記録を表示する：誰がどの値、承認、コメント、トークンを変更したか"},
    {"Show the stored values of a KPI (or a plugin's series)", "KPI（またはプラグインの系列）の保存済みの値を表示する"},
    {"Submit a KPI's period for approval (the department)", "KPIの期間を承認申請する（担当課）"},
    {"TCP port (0: any free port, printed at start)", "TCP ポート（0: 空いている任意のポート、起動時に表示）"},
    {"The hub's own tokens: a prefecture's (reads its municipalities), the nation's (every city), a group's. Kept in "
     "the hub's token file (hub: tokens:, default NAME.tokens.json beside the hub file)",
     "ハブ自身のトークン：都道府県用（管内の市区町村を読み取る）、国用（全市区町村）、グループ用。ハブのトークンファイ"
     "ルに保存する（hub: tokens:、既定はハブファイルと同じ場所の NAME.tokens.json）"},
    {"The hub's shared indicators (indicators: in the hub file) per city and summed per prefecture and over the scope: "
     "counts add, rates add their numerators and denominators, levels are not added. Cities without a value are named. "
     "Which KPI reports an indicator, each city's strategy says (indicator:), read from its config: in the hub file",
     "ハブの共通指標（ハブファイルの "
     "indicators:"
     "）を市区町村ごとに示し、都道府県ごと・スコープ全体で合算する：件数は足し上げ、率は分子と分母をそれぞれ足し上げ、"
     "水準値は合算しない。値のない市区町村は名前を示す。どのKPIがその指標に当たるかは各市区町村の戦略（indicator:"
     "）が定め、ハブファイルのその市区町村の config: から読み取る"},
    {"Unlock an approved period with a reason (the policy division)",
     "承認済みの期間の承認を理由を付けて解除する（ロック解除、政策担当課）"},
    {"Write a ready-to-build plugin folder: source, CMakeLists, test, README",
     "すぐにビルドできるプラグインのフォルダーを作成する：ソースコード、CMakeLists、テスト、README"},
    {"Write and check department plugins (docs/plugin-guide.md)",
     "担当課のプラグインを作成・検査する（docs/plugin-guide.md）"},
    {"Write the city's runs after --since, with their values, flags, sign-offs and commentary, signed",
     "--since より後の市区町村の取込実行を、値、フラグ、承認、コメント（所見）とともに署名付きで書き出す"},
    {"Write the council report (project table, goal summary, numeric targets) as HTML, XLSX, CSV, Markdown or JSON",
     "議会への報告書（事業表、基本目標の総括、数値目標）を HTML、XLSX、CSV、Markdown または JSON で出力する"},
    {"YAML with the settings (a map, or a source entry)", "設定を記述した YAML（マップ、またはソースのエントリ）"},
    {"address to listen on; anything but loopback needs a department token first (sosei token create)",
     "待ち受けアドレス。ループバック以外では先に担当課のトークンが必要（sosei token create）"},
    {"address to listen on; beyond loopback only once the hub has an active token",
     "待ち受けアドレス。ループバック以外はハブに有効なトークンができてから"},
    {"at most this many evaluations (0 = all)", "表示する評価の最大件数（0 = すべて）"},
    {"at most this many runs (0 = all)", "表示する取込実行の最大件数（0 = すべて）"},
    {"code (default), name, best (share of the best grade, highest first), missing (cities without an evaluation, then "
     "the most KPIs without a value)",
     "code（既定）、name、best（最高評定の割合が高い順）、missing（評価のない市区町村、次に値のないKPIが多い順）"},
    {"configuration file (default: $SOSEI_CONFIG, else config/sosei.yaml)",
     "設定ファイル（既定: $SOSEI_CONFIG、なければ config/sosei.yaml）"},
    {"csv only: projects, goals (the goal summary), targets (numeric targets) or comments (the commentary)",
     "csv のみ：projects、goals（基本目標の総括）、targets（数値目標）または comments（コメント・所見）"},
    {"csv only: utf-8 (with BOM, for Excel) or cp932", "csv のみ：utf-8（BOM 付き、Excel 向け）または cp932"},
    {"database file, or a postgresql:// connection URI (overrides the configuration)",
     "データベースファイル、または postgresql:// 接続 URI（設定より優先）"},
    {"department (enters and submits its KPIs) or policy (also approves, unlocks and enters the committee's opinion)",
     "department（自課のKPIを入力し承認申請する）または policy（加えて承認、承認の解除、推進会議の意見の入力も行う）"},
    {"every column (measure, project, baseline, values, how formed, pace, forecast)",
     "すべての列（施策、事業、基準値、値、算出方法、進捗ペース、見込み）"},
    {"exit with 1 when a source is quarantined, KPI data are overdue or an error-level data-quality flag is open on a "
     "due period",
     "ソースが隔離中、KPIデータが期限超過、または期限到来済みの期間にエラーレベルのデータ品質フラグが未解決のとき、終了"
     "コード 1 で終了する"},
    {"file to write; - writes a text format to stdout", "出力先ファイル。- ならテキスト形式で標準出力に書き出す"},
    {"fiscal year: R7, 令和7年度, FY2025, 2025", "年度：R7、令和7年度、FY2025、2025"},
    {"grading scheme in the grading folder (default: the configured one)",
     "評価基準フォルダー内の評価基準（既定: 設定されているもの）"},
    {"how long to wait for another process writing to the database (another import) before giving up with nothing "
     "written: 30s, 10m, 1h; 0 gives up at once",
     "別プロセス（別の取込）がデータベースに書き込み中の場合に、何も書き込まずに断念するまで待つ時間：30s、10m、1h。0 "
     "なら直ちに断念する"},
    {"html, xlsx, csv, md or json (default: from the extension of -o)",
     "html、xlsx、csv、md または json（既定: -o の拡張子から判断）"},
    {"import (reads a local file) or fetch (downloads a URL)",
     "import（ローカルファイルを読む）または fetch（URL からダウンロードする）"},
    {"import every configured source, in order", "設定済みの全ソースを順に取り込む"},
    {"import the scheduled sources that are due now (retries, quarantine and webhooks as the daemon does), then exit: "
     "for running sosei from cron instead of `sosei daemon`",
     "実行時期が来たスケジュール済みソースを取り込んで終了する（再試行、隔離、Webhook はデーモンと同様）：`sosei "
     "daemon` の代わりに cron から sosei を実行するためのもの"},
    {"import this file instead of the source's configured file or URL",
     "ソースに設定されたファイルや URL の代わりにこのファイルを取り込む"},
    {"judge overdue data on this date (YYYY-MM-DD; default: today)",
     "この日付で期限超過を判定する（YYYY-MM-DD、既定: 今日）"},
    {"observations shown in the table", "表に表示する値の件数"},
    {"one evaluation in full, with its KPI rows", "1件の評価の全内容（KPIごとの行を含む）"},
    {"one run in full, with its rejected rows", "1件の取込実行の全内容（却下された行を含む）"},
    {"only events at or after this date or time (2026-04-01)", "この日付・日時以降のイベントのみ（2026-04-01）"},
    {"only events of this KPI (or SOURCE/SERIES)", "このKPI（または SOURCE/SERIES）のイベントのみ"},
    {"only open flags", "未解決のフラグのみ"},
    {"only runs of this source", "このソースの取込実行のみ"},
    {"only the KPIs of this department (e.g. 商工観光課)", "この担当課のKPIのみ（例: 商工観光課）"},
    {"only the cities of this group of the hub file (e.g. 嘉飯圏域)",
     "ハブファイルのこのグループの市区町村のみ（例: 嘉飯圏域）"},
    {"only this KPI (or SOURCE/SERIES)", "このKPI（または SOURCE/SERIES）のみ"},
    {"only this indicator (its id in the hub file)", "この指標のみ（ハブファイルでの ID）"},
    {"only this prefecture's cities: 40, 福岡県 or Fukuoka", "この都道府県の市区町村のみ：40、福岡県 または Fukuoka"},
    {"only this prefecture's cities: its two-digit code (40) or name (福岡県, Fukuoka)",
     "この都道府県の市区町村のみ：2桁のコード（40）または名称（福岡県、Fukuoka）"},
    {"period: FY2025, R7, 令和7年度, 2024年, 2025-04 …", "期間：FY2025、R7、令和7年度、2024年、2025-04 …"},
    {"period: R7, 令和7年度, FY2025, 2024年 …", "期間：R7、令和7年度、FY2025、2024年 …"},
    {"plugin name: a-z, 0-9 and _ (e.g. bus_stops)", "プラグイン名：a-z、0-9、_（例: bus_stops）"},
    {"print as JSON", "JSON で出力する"},
    {"print as JSON (stable keys)", "JSON で出力する（キー名は固定）"},
    {"print the outcome and every table's rows and SHA-256 as JSON",
     "結果と各テーブルの行数・SHA-256 を JSON で出力する"},
    {"print the report as JSON", "検査結果を JSON で出力する"},
    {"print the run records as JSON", "取込実行の記録を JSON で出力する"},
    {"print the summary as JSON (stable keys)", "概要を JSON で出力する（キー名は固定）"},
    {"print the token and its id as JSON", "トークンとその ID を JSON で出力する"},
    {"print the token, its id and scope as JSON", "トークン、その ID とスコープを JSON で出力する"},
    {"print what was imported as JSON", "取り込んだ内容を JSON で出力する"},
    {"print what was written as JSON", "書き出した内容を JSON で出力する"},
    {"rows of each drill-down (the largest by the latest year); the rest are summed into one 「その他」 row. 0 shows "
     "every row",
     "各内訳の表示行数（最新年の値が大きい順）。残りは1行の「その他」に合算する。0 ならすべての行を表示"},
    {"run on this file (sets the `file` setting)", "このファイルに対して実行する（`file` 設定を指定する）"},
    {"show debug messages on stderr", "デバッグメッセージを標準エラー出力に表示する"},
    {"sosei — regional-revitalization KPIs from data to council report",
     "sosei — 地方創生KPIをデータから議会報告書まで"},
    {"source id", "ソース ID"},
    {"source id from the configuration", "設定ファイルにあるソース ID"},
    {"store this evaluation and print its id (see `sosei evaluations`)",
     "この評価を保存し、その ID を表示する（`sosei evaluations` を参照）"},
    {"the bundle file", "バンドルファイル"},
    {"the bundle file to write", "書き出すバンドルファイル"},
    {"the city's six-digit local government code, when a PostgreSQL side holds many cities: its rows are the ones read "
     "or written (docs/hub.md)",
     "市区町村の6桁の地方公共団体コード（PostgreSQL "
     "側が多数の市区町村を保持する場合）：その市区町村の行だけを読み書きする（docs/hub.md）"},
    {"the council's final report: values not approved by the policy division show as 未確定, never graded "
     "(docs/signoff.md)",
     "議会向けの確定版報告書：政策担当課が承認していない値は「未確定」と表示し、評定しない（docs/signoff.md）"},
    {"the department whose KPIs it may enter, e.g. 産業振興課", "KPIを入力できる担当課（例: 産業振興課）"},
    {"the flag's ID (sosei flags)", "フラグの ID（sosei flags）"},
    {"the hub file (default: config/hub.yaml)", "ハブファイル（既定: config/hub.yaml）"},
    {"the hub file (default: config/hub.yaml); its tokens: beside it",
     "ハブファイル（既定: config/hub.yaml）。その tokens: は同じ場所に置く"},
    {"the hub file listing the cities and groups (default: config/hub.yaml)",
     "市区町村とグループを列挙したハブファイル（既定: config/hub.yaml）"},
    {"the owning department (e.g. 産業振興課)", "所管の担当課（例: 産業振興課）"},
    {"the page's default language, ja or en (default: ja)", "ページの既定の言語：ja または en（既定: ja）"},
    {"the period to show (FY2024, R6, 令和6年度, 2024); default: for each indicator the latest any city has",
     "表示する期間（FY2024、R6、令和6年度、2024）。既定: 指標ごとに、いずれかの市区町村が持つ最新の期間"},
    {"the plugin file (.so)", "プラグインファイル（.so）"},
    {"the private key (default: bundle.key beside sosei.yaml)", "秘密鍵（既定: sosei.yaml と同じ場所の bundle.key）"},
    {"the private key file (default: bundle.key beside sosei.yaml)",
     "秘密鍵ファイル（既定: sosei.yaml と同じ場所の bundle.key）"},
    {"the runs after this run id (default 0: all); the hub's import says which it needs",
     "この取込実行 ID より後の取込実行（既定 0: すべて）。どこから必要かはハブ側の import が示す"},
    {"the store to copy: a SQLite file or a postgresql:// URI",
     "コピー元のデータベース：SQLite ファイルまたは postgresql:// URI"},
    {"the store to fill: a SQLite file (made when missing) or a postgresql:// URI of a database the administrator "
     "created",
     "コピー先のデータベース：SQLite ファイル（なければ作成）、または管理者が作成したデータベースの postgresql:// URI"},
    {"the text", "本文"},
    {"token id (sosei hub token list)", "トークン ID（sosei hub token list）"},
    {"token id (sosei token list)", "トークン ID（sosei token list）"},
    {"use what was published by: 2026-01-31, FY2025, R7 (default: today)",
     "この時点までに公表されたものを使う：2026-01-31、FY2025、R7（既定: 今日）"},
    {"validate everything, store nothing", "すべて検証し、何も保存しない"},
    {"what it reads: nation, prefecture:40 (or prefecture:福岡県), group:嘉飯圏域",
     "読み取り範囲：nation、prefecture:40（または prefecture:福岡県）、group:嘉飯圏域"},
    {"what people read in ja or en (default: ja)", "表示言語：ja または en（既定: ja）"},
    {"what people read in ja or en (default: the configured locale, ja)",
     "表示言語：ja または en（既定: 設定されたロケール、ja）"},
    {"where the plugin runs: worker (a separate process: crashes and hangs are contained), none (in this process, for "
     "speed and debugging), source (as each source's `isolation` says)",
     "プラグインの実行場所：worker（別プロセス。クラッシュやハングを封じ込める）、none（このプロセス内。高速化・デバッ"
     "グ用）、source（各ソースの `isolation` の指定どおり）"},
    {"where to write it (default: ./NAME)", "出力先（既定: ./NAME）"},
    {"who holds it, e.g. 福岡県 企画・地域振興部", "保有者（例: 福岡県 企画・地域振興部）"},
    {"who or what holds it, e.g. 窓口の端末", "保有する人または機器（例: 窓口の端末）"},
    {"why (kept in the audit trail)", "理由（監査記録に残る）"},
    {"why (要因分析), next (今後の方向性) or committee (推進会議の意見)",
     "why（要因分析）、next（今後の方向性）または committee（推進会議の意見）"},
    {"why it is closed (checked with the department, corrected at source…)",
     "閉じる理由（担当課に確認済み、元データ側で修正済み…）"},
    {"years as era (R7, 令和7年度) or western (2025年度) (default: the configured years, era)",
     "年度の表記：era（R7、令和7年度）または western（2025年度）（既定: 設定された表記、era）"},
};

}  // namespace

std::string_view japanese_help(std::string_view english) {
  static const auto table = [] {
    std::unordered_map<std::string_view, std::string_view> t;
    for (const Help& h : kHelp) t.emplace(h.en, h.ja);
    return t;
  }();
  const auto found = table.find(english);
  return found == table.end() ? std::string_view() : found->second;
}

}  // namespace sosei::cli
