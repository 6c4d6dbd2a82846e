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
    .unknown_group = "グループ「{}」はハブの設定にありません。あるのは: {}",
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
    .unknown_group = "the hub has no group \"{}\"; it has: {}",
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
