// The hub's texts in both languages (hub_messages.hpp).
#include "text/hub_messages.hpp"

namespace sosei::text {
namespace {

constexpr HubMessages kJapanese{
    .in_hub_file = "ハブの設定ファイル",
    .code_not_six_digits =
        "code「{}」は全国地方公共団体コードではありません。検査数字を含む 6 桁の数字で書いてください（例: 402273）",
    .code_five_digits = "code「{}」は 5 桁です。検査数字を付けた 6 桁で書いてください（このコードなら「{}」）",
    .code_check_digit =
        "code「{}」の検査数字が合いません。打ち間違いがないか確かめてください（前の 5 桁が正しければ「{}」）",
    .unknown_prefecture = "code「{}」の都道府県コード「{}」は 01〜47 のどれでもありません。コードを確かめてください",
    .city_twice = "団体「{}」が 2 回書かれています（最初は {}）。1 つにしてください",
    .group_twice = "グループ「{}」が 2 回書かれています（最初は {}）。名前を変えるか 1 つにまとめてください",
    .group_empty = "グループ「{}」に members がありません。構成する団体のコードを書いてください",
    .member_not_a_city =
        "「{}」（グループ「{}」）は cities にない団体です。先に cities に書くか、コードを確かめてください",
    .member_twice = "「{}」がグループ「{}」に 2 回書かれています",
    .no_cities = "cities に団体が 1 つもありません。ハブが集計する市町村を code と name で書いてください",
    .no_database_for_city =
        "団体 {}（{}）のデータベースがありません。hub に database（共有の PostgreSQL）を書くか、この団体に database "
        "を書いてください",
    .sqlite_shared =
        "SQLite のファイル {} は 1 団体分しか持てませんが、{} と {} が使っています。共有するなら PostgreSQL の URI "
        "にするか、団体ごとに database を書いてください",
    .indicator_id_chars = "共通指標の id「{}」には a-z、0-9、_ だけを使ってください",
    .indicator_twice = "共通指標「{}」が 2 回書かれています（最初は {}）。1 つにしてください",
    .indicator_scale = "scale は aggregate: ratio の指標だけに書けます（分子÷分母に掛ける正の数。百分率なら 100）",
    .merged_not_a_day =
        "merged「{}」は日付ではありません。合併して新しい団体が始まった日を 2006-03-27 のように書いてください",
    .predecessor_is_a_city =
        "{}（{}）は合併前の団体として書かれていますが、cities にも団体としてあります。どちらか一方にしてください",
    .predecessor_twice = "{}（{}）は既に {} の合併前の団体です。合併前の団体は 1 つの団体にだけ書けます",
    .unknown_group = "グループ「{}」はハブの設定にありません。あるのは: {}",
    .unknown_indicator = "共通指標「{}」はハブの設定（indicators）にありません。あるのは: {}",
    .bad_prefecture =
        "--prefecture「{}」は都道府県ではありません。2 桁のコード（例: 40）か名前（例: 福岡県）で指定してください",
    .no_city_in_scope = "{}の団体はハブの設定にありません",
    .scope_all = "{}: 全 {} 団体",
    .scope_prefecture = "{}: {}（{}）の {} 団体",
    .scope_group = "{}: {}（{}）の {} 団体",
    .heading_code = "コード",
    .heading_city = "団体",
    .heading_as_of = "評価基準日",
    .heading_grades = "評価",
    .heading_with_value = "実績あり",
    .heading_open_flags = "未解決の確認",
    .heading_stopped = "停止中の取込",
    .heading_failing = "失敗中の取込",
    .state_no_evaluation = "評価なし",
    .state_no_database = "データベースなし",
    .state_unreachable = "読めません: {}",
    .stale_mark = "（評価後に修正あり）",
    .cities_missing = "評価のない団体 {} : {}",
    .totals = "合計",
    .list_separator = "、",
    .no_indicators =
        "ハブの設定に共通指標（indicators）がありません。docs/hub.md の「Shared indicators」を見てください",
    .indicator_title = "{}（{}、単位 {}、{}）: {}",
    .indicator_no_period = "{}（{}）: どの団体にもまだ値がありません",
    .aggregate_sum = "合計",
    .aggregate_ratio = "分子と分母をそれぞれ合計した比 ×{}",
    .aggregate_level = "集計しない水準",
    .heading_kpi = "KPI",
    .heading_value = "値",
    .heading_numerator = "分子",
    .heading_denominator = "分母",
    .heading_note = "備考",
    .state_no_value = "値なし",
    .state_not_reported = "報告なし（戦略にこの指標の KPI がない）",
    .state_needs_parts = "KPI {} に分子と分母の指定がない",
    .state_no_configuration = "ハブに設定（config）がない",
    .prefecture_total = "{} 計",
    .indicator_without = "値のない団体 {} : {}",
    .bad_period =
        "--period「{}」は期間ではありません。R6・令和6年度・FY2024（年度）や 2024（暦年）のように書いてください",
    .indicators_title = "{} — 共通指標",
    .indicators_link = "共通指標",
    .from_predecessors = "合併前の {} の値",
    .bad_sort = "sort「{}」は使えません。code、name、best、missing のどれかにしてください",
    .scope_both = "都道府県とグループは同時に指定できません。どちらか一方にしてください",
    .page_title = "{} — 市町村の KPI 評価",
    .filter_all = "全団体",
    .filter_prefecture = "都道府県",
    .filter_group = "グループ",
    .sort_label = "並べ替え",
    .sort_code = "コード順",
    .sort_name = "名前順",
    .sort_best = "最上位の評価の割合が高い順",
    .sort_missing = "評価・実績の欠けが多い順",
    .show = "表示",
    .not_loopback =
        "ハブにトークンがないので、ページを {} では公開しません。先にトークンを作るか（sosei hub token create "
        "--scope "
        "prefecture:40）、ループバック（127.0.0.1）で起動して外からは認証付きのリバースプロキシを通してください",
    .tokens_unreadable = "ハブのトークンファイル {} を読めません: {}",
    .tokens_unwritable = "ハブのトークンファイル {} に書き込めません: {}。フォルダーの権限と空き容量を確かめてください",
    .tokens_bad = "ハブのトークンファイル {} が壊れています: {}。手で直さず、バックアップから戻してください",
    .token_scope_bad =
        "範囲「{}」は使えません。nation（全国）、prefecture:40（都道府県コードか名前）、group:名前（ハブのグループ）"
        "のどれかにしてください",
    .token_created = "ハブのトークン {} を作りました（範囲: {}）。この画面を閉じると二度と表示できません",
    .token_revoked = "ハブのトークン {} を失効させました",
    .token_not_revoked = "ハブのトークン {} はないか、すでに失効しています（sosei hub token list で確かめてください）",
    .token_required =
        "このハブはトークンで守られています。Authorization: Bearer ヘッダーでトークンを送ってください（発行は sosei "
        "hub token create）",
    .token_unknown = "このトークンはハブにも団体にもありません。失効していないか、写し間違いがないか確かめてください",
    .token_out_of_scope = "このトークンの範囲（{}）では {} は読めません",
    .city_token_hub_page =
        "団体のトークンで読めるのはその団体のページ /city/{}/ "
        "だけです。ハブ全体は都道府県・国のトークンで読んでください",
    .city_not_in_hub = "団体 {} はこのハブにありません",
    .city_without_pages =
        "団体 {}（{}）のダッシュボードはハブにありません。ハブの設定でこの団体に config（団体の sosei.yaml）を書いて"
        "ください",
    .city_config_other =
        "団体 {}（{}）の config {} は別の団体（city_code「{}」）の設定です。その団体の sosei.yaml "
        "を指してください",
    .scope_nation = "全国",
    .scope_city = "団体 {}",
    .city_pages_link = "ダッシュボード",
    .tokens_unavailable = "ハブがトークンを確かめられないため、いまは答えられません。ハブの管理者に連絡してください",
    .heading_scope = "範囲",
    .no_hub_tokens = "ハブのトークンはまだありません（{}）。作るには sosei hub token create --scope prefecture:40",
    .bundle_key_unusable = "鍵ファイル {} を使えません: {}",
    .bundle_private_key_missing =
        "秘密鍵 {} がありません。sosei bundle keygen で作り、公開鍵（.pub）をハブに渡してから書き出してください",
    .bundle_public_key_missing =
        "ハブの設定にある公開鍵 {} がありません。団体から受け取った .pub のパスを key に書いてください",
    .bundle_key_exists =
        "鍵ファイル {} はもうあります。ハブに登録した鍵を壊さないよう上書きしません。鍵を替えるなら別の --key "
        "を指定し、"
        "新しい公開鍵をハブに渡してください",
    .bundle_key_not_ed25519 = "{} は Ed25519 の PEM 鍵ではありません（sosei bundle keygen が作る鍵を使ってください）",
    .bundle_key_written =
        "署名用の鍵を作りました。秘密鍵 {}（団体の外に出さないでください）、公開鍵 {}（ハブの設定で団体の key "
        "に登録します）。鍵 ID: {}",
    .key_cannot_write = "鍵を書き込めません",
    .key_cannot_make = "OpenSSL が Ed25519 の鍵を作れませんでした",
    .key_cannot_sign = "OpenSSL が署名できませんでした",
    .key_cannot_encode = "公開鍵を書き出せません",
    .bundle_no_city_code =
        "束を書き出すには、設定 {} の strategy に city_code（全国地方公共団体コード、6 桁）を書いてください。ハブは"
        "束をこのコードの団体として取り込みます",
    .bundle_exported = "{} に書き出しました: 団体 {}、取込 {} の後から {} まで（{} 回、値 {} 件）。鍵 ID {} で署名",
    .bundle_unreadable = "束 {} を読めません: {}",
    .bundle_truncated =
        "束 {} は途中で切れています（最後の署名の行がありません）。書き出し直すか、もう一度運んでください",
    .bundle_malformed = "束 {0} の {1} 行目が束の形式ではありません: {2}",
    .bundle_tampered =
        "束 {} の中身が署名した時と違います（書き換えられたか壊れています）。何も取り込んでいません。団体で書き出し直し"
        "てください",
    .bundle_unsigned = "束 {} に署名がありません。署名のない束は取り込みません",
    .bundle_bad_signature =
        "束 {} の署名が団体 {}（{}）の公開鍵 {} と合いません。別の鍵で署名されたか、書き換えられています。何も取り込"
        "んでいません",
    .bundle_city_unknown = "束 {} の団体 {} はこのハブの設定にありません",
    .bundle_no_key =
        "団体 {}（{}）の公開鍵がハブの設定にありません。団体から公開鍵を受け取り、cities の key に書いてください",
    .bundle_out_of_order =
        "団体 {0}（{1}）の束の順番が飛んでいます。ハブにあるのは取込 {2} まで、この束は取込 {3} の後からです。団体で "
        "sosei bundle export --since {2} として書き出してください。何も取り込んでいません",
    .bundle_older = "団体 {}（{}）のこの束（取込 {} まで）は、ハブにあるもの（取込 {} まで）より古いので取り込みません",
    .bundle_already = "団体 {}（{}）の取込 {} までは取り込み済みです。何も変えていません",
    .bundle_applied = "団体 {}（{}）: 取込 {} 回、値 {} 件を取り込みました（取込 {} の後から {} まで）",
    .daemon_no_city =
        "{} のどの団体も取込みを予定できません（ログに団体ごとの理由があります）。団体に config を書き、その設定を"
        "確かめてください。団体自身の daemon が動いている団体はその daemon に任せます",
    .heading_scheme = "評価基準",
    .heading_inherited = "合併前の値",
    .heading_saved = "保存した評価",
    .state_refused = "評価できません: {}",
    .evaluate_no_city =
        "{} には評価できる団体がありません。団体の config にその団体の sosei.yaml を書くと、その戦略で評価します",
    .evaluate_city_no_config =
        "団体 {}（{}）は {} に config が書かれていないため、戦略がわからず評価できません。config にその団体の "
        "sosei.yaml を書いてください",
    .evaluate_saved = "{} 団体の評価を保存しました。sosei hub summary とハブのページにこの評価が表示されます",
    .evaluate_inherited_note =
        "「合併前の値」は、合併前の期間のうち団体自身の値がないものを、合併した旧市町村の値で補った数です"
        "（共通指標の KPI だけ。docs/hub.md の「Mergers」）",
};

constexpr HubMessages kEnglish{
    .in_hub_file = "the hub file",
    .code_not_six_digits =
        "code \"{}\" is not a local government code: write its six digits, check digit included (e.g. 402273)",
    .code_five_digits = "code \"{}\" has five digits: add the check digit (for this code, \"{}\")",
    .code_check_digit =
        "code \"{}\" has a wrong check digit: look for a typing error (if the first five digits are right, \"{}\")",
    .unknown_prefecture = "code \"{}\": its prefecture \"{}\" is not one of 01 to 47; check the code",
    .city_twice = "city \"{}\" is listed twice (first at {}); keep one",
    .group_twice = "group \"{}\" is listed twice (first at {}); rename or merge them",
    .group_empty = "group \"{}\" has no members: list the codes of its cities",
    .member_not_a_city = "\"{}\" in group \"{}\" is not in cities: add it to cities first, or check the code",
    .member_twice = "\"{}\" is listed twice in group \"{}\"",
    .no_cities = "cities lists no city: give each municipality the hub follows with its code and name",
    .no_database_for_city =
        "city {} ({}) has no database: give the hub a database (the shared PostgreSQL) or give this city its own",
    .sqlite_shared =
        "the SQLite file {} holds one city, yet {} and {} use it: share a PostgreSQL URI instead, or give each city "
        "its own database",
    .indicator_id_chars = "shared indicator id \"{}\" may only use a-z, 0-9 and _",
    .indicator_twice = "shared indicator \"{}\" is listed twice (first at {}); keep one",
    .indicator_scale =
        "scale belongs to aggregate: ratio indicators only (a positive number the quotient is multiplied by; 100 for "
        "a percentage)",
    .merged_not_a_day = "merged \"{}\" is not a date: write the day the merged city began, like 2006-03-27",
    .predecessor_is_a_city = "{} ({}) is listed as merged into a city, yet it is also one of the cities: keep one",
    .predecessor_twice = "{} ({}) is already merged into {}; a predecessor merges into one city only",
    .unknown_group = "the hub has no group \"{}\"; it has: {}",
    .unknown_indicator = "the hub has no shared indicator \"{}\" (indicators); it has: {}",
    .bad_prefecture =
        "--prefecture \"{}\" is not a prefecture: give its two-digit code (e.g. 40) or its name (e.g. Fukuoka)",
    .no_city_in_scope = "the hub lists no city of {}",
    .scope_all = "{}: all {} cities",
    .scope_prefecture = "{}: {} ({}), {} cities",
    .scope_group = "{}: {} ({}), {} cities",
    .heading_code = "code",
    .heading_city = "city",
    .heading_as_of = "as of",
    .heading_grades = "grades",
    .heading_with_value = "with a value",
    .heading_open_flags = "open flags",
    .heading_stopped = "stopped sources",
    .heading_failing = "failing sources",
    .state_no_evaluation = "no evaluation",
    .state_no_database = "no database",
    .state_unreachable = "cannot be read: {}",
    .stale_mark = " (revised since)",
    .cities_missing = "cities without an evaluation {}: {}",
    .totals = "total",
    .list_separator = ", ",
    .no_indicators = "the hub file defines no shared indicators (indicators); see docs/hub.md, \"Shared indicators\"",
    .indicator_title = "{} ({}, unit {}, {}): {}",
    .indicator_no_period = "{} ({}): no city has a value yet",
    .aggregate_sum = "summed",
    .aggregate_ratio = "ratio of summed numerators and denominators ×{}",
    .aggregate_level = "a level, not aggregated",
    .heading_kpi = "KPI",
    .heading_value = "value",
    .heading_numerator = "numerator",
    .heading_denominator = "denominator",
    .heading_note = "note",
    .state_no_value = "no value",
    .state_not_reported = "not reported (no KPI of its strategy names it)",
    .state_needs_parts = "KPI {} names no numerator and denominator",
    .state_no_configuration = "no configuration (config) at the hub",
    .prefecture_total = "{} total",
    .indicator_without = "cities without a value {}: {}",
    .bad_period =
        "--period \"{}\" is not a period: write FY2024, R6 or 令和6年度 (a fiscal year) or 2024 (a calendar year)",
    .indicators_title = "{} — shared indicators",
    .indicators_link = "shared indicators",
    .from_predecessors = "from the merged {}",
    .bad_sort = "sort \"{}\" is not accepted: use code, name, best or missing",
    .scope_both = "give a prefecture or a group, not both",
    .page_title = "{} — the cities' KPI grades",
    .filter_all = "all cities",
    .filter_prefecture = "prefecture",
    .filter_group = "group",
    .sort_label = "sort",
    .sort_code = "by code",
    .sort_name = "by name",
    .sort_best = "highest share of the best grade first",
    .sort_missing = "most missing first",
    .show = "show",
    .not_loopback =
        "the hub has no token, so its pages are not served on {}: create one first (sosei hub token create --scope "
        "prefecture:40), or serve on loopback (127.0.0.1) and reach it from outside through a reverse proxy that "
        "authenticates",
    .tokens_unreadable = "cannot read the hub's token file {}: {}",
    .tokens_unwritable = "cannot write the hub's token file {}: {}; check the folder's permissions and free space",
    .tokens_bad = "the hub's token file {} is damaged: {}; restore it from a backup rather than editing it",
    .token_scope_bad =
        "scope \"{}\" is not accepted: use nation, prefecture:40 (a code or a name) or group:NAME (a group of the hub)",
    .token_created = "hub token {} created (scope: {}); it cannot be shown again once this is closed",
    .token_revoked = "hub token {} revoked",
    .token_not_revoked = "hub token {} does not exist or was already revoked (see sosei hub token list)",
    .token_required =
        "this hub is protected by tokens: send one in an Authorization: Bearer header (sosei hub token create makes "
        "one)",
    .token_unknown = "this token is neither the hub's nor a city's: check that it was not revoked or mistyped",
    .token_out_of_scope = "this token's scope ({}) does not cover {}",
    .city_token_hub_page =
        "a city's token reads that city's pages only, under /city/{}/; read the whole hub with a prefecture's or the "
        "nation's token",
    .city_not_in_hub = "city {} is not in this hub",
    .city_without_pages =
        "the hub has no dashboard for city {} ({}): give the city a config (its sosei.yaml) in the hub file",
    .city_config_other =
        "the config of city {} ({}), {}, is another city's (city_code \"{}\"): point it at that city's sosei.yaml",
    .scope_nation = "the nation",
    .scope_city = "city {}",
    .city_pages_link = "dashboard",
    .tokens_unavailable = "the hub cannot check tokens right now, so it answers nobody; tell the hub's administrator",
    .heading_scope = "scope",
    .no_hub_tokens = "the hub has no token yet ({}); make one with sosei hub token create --scope prefecture:40",
    .bundle_key_unusable = "cannot use the key file {}: {}",
    .bundle_private_key_missing =
        "there is no private key {}: make one with sosei bundle keygen and give its public key (.pub) to the hub "
        "before exporting",
    .bundle_public_key_missing =
        "the public key {} named in the hub file does not exist: write the path of the "
        ".pub file the city gave you as its key",
    .bundle_key_exists =
        "the key file {} exists already and is not overwritten, so the key the hub knows stays "
        "valid: to change keys, give another --key and the new public key to the hub",
    .bundle_key_not_ed25519 = "{} is not an Ed25519 PEM key (use a key made by sosei bundle keygen)",
    .bundle_key_written =
        "signing key made: private key {} (never let it leave the city), public key {} (registered as the city's key "
        "in the hub file); key id {}",
    .key_cannot_write = "cannot write the key",
    .key_cannot_make = "OpenSSL could not make an Ed25519 key",
    .key_cannot_sign = "OpenSSL could not sign",
    .key_cannot_encode = "cannot encode the public key",
    .bundle_no_city_code =
        "exporting a bundle needs city_code (the six-digit local government code) under strategy in {}: the "
        "hub files the bundle under that code",
    .bundle_exported = "wrote {}: city {}, runs after {} through {} ({} runs, {} values), signed with key {}",
    .bundle_unreadable = "cannot read the bundle {}: {}",
    .bundle_truncated = "the bundle {} is cut off (its signature line is missing): export it again or carry it again",
    .bundle_malformed = "line {1} of the bundle {0} is not a bundle line: {2}",
    .bundle_tampered =
        "the bundle {} differs from what was signed (changed or damaged); nothing was imported; export "
        "it again at the city",
    .bundle_unsigned = "the bundle {} is not signed; unsigned bundles are not imported",
    .bundle_bad_signature =
        "the signature of the bundle {} does not match the public key of city {} ({}), {}: "
        "another key signed it, or it was changed; nothing was imported",
    .bundle_city_unknown = "the bundle {} is for city {}, which is not in this hub's file",
    .bundle_no_key =
        "the hub file has no public key for city {} ({}): get it from the city and write it as the city's key",
    .bundle_out_of_order =
        "the bundles of city {0} ({1}) skip runs: the hub has them through run {2}, this bundle starts after run {3}; "
        "export with sosei bundle export --since {2} at the city; nothing was imported",
    .bundle_older =
        "this bundle of city {} ({}), through run {}, is older than what the hub has (through run {}): "
        "not imported",
    .bundle_already = "city {} ({}) through run {} is already imported; nothing changed",
    .bundle_applied = "city {} ({}): imported {} runs, {} values (runs after {} through {})",
    .daemon_no_city =
        "no city of {} can be scheduled (the log says why for each): give the cities a config and check it; "
        "a city whose own daemon runs is left to it",
    .heading_scheme = "scheme",
    .heading_inherited = "from predecessors",
    .heading_saved = "saved as",
    .state_refused = "cannot evaluate: {}",
    .evaluate_no_city =
        "{} has no city that can be evaluated: give a city a config (its sosei.yaml) and it is graded on its strategy",
    .evaluate_city_no_config =
        "city {} ({}) has no config in {}, so its strategy is unknown and it cannot be evaluated: set config to the "
        "city's sosei.yaml",
    .evaluate_saved = "saved the evaluation of {} cities; sosei hub summary and the hub's pages show it",
    .evaluate_inherited_note =
        "\"from predecessors\" counts the periods before the merger without a value of the city's own that the "
        "merged municipalities' values filled (KPIs of shared indicators only; docs/hub.md, \"Mergers\")",
};

}  // namespace

const HubMessages& hub_messages(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

// The struct holds only `const char*` members: it is read as an array to check completeness.
std::size_t hub_messages_size() { return sizeof(HubMessages) / sizeof(const char*); }

const char* hub_messages_text(const HubMessages& m, std::size_t index) {
  static_assert(sizeof(HubMessages) % sizeof(const char*) == 0);
  const char* const* texts = &m.in_hub_file;
  return texts[index];
}

}  // namespace sosei::text
