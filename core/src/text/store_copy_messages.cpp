// `sosei store copy`'s texts in both languages (store_copy_messages.hpp).
#include "text/store_copy_messages.hpp"

namespace sosei::text {
namespace {

constexpr StoreCopyMessages kJapanese{
    .copied =
        "{} から {} へ写しました（{} 表、{} 行）。写し先で読み直した表ごとの行数と SHA-256 は写し元と一致しています。",
    .already_there =
        "{} は {} と同じデータを既に持っています（{} 表、{} 行。表ごとの行数と SHA-256 が一致）。"
        "何も変えていません。",
    .target_differs = "{} には {} と異なるデータがあるため、写しませんでした（写し先は何も変えていません）。違う表:",
    .differing_table = "  {}: 写し元 {} 行、写し先 {} 行（内容の SHA-256 が異なります）",
    .what_to_do =
        "空のデータベースに写してください（SQLite なら新しいファイル名、PostgreSQL なら管理者が createdb "
        "で作った新しいデータベース）。{} の中身が要らないと確かなら、それを消して作り直してから写し直して"
        "ください。",
    .mismatch = "{} で読み直した表が写し元と一致しないため、写しを取り消しました（写し先は元のままです）。違う表:",
    .failed = "{} から {} への写しに失敗しました。写し先は元のままです: {}",
    .same_store = "写し元と写し先が同じです（{}）。--to には別のファイルかデータベースを指定してください。",
    .no_source =
        "写し元 {} がありません。--from には sosei のデータベース（SQLite のファイルか postgresql:// の "
        "URI）を指定してください。",
    .table_heading = "表",
    .rows_heading = "行数",
    .checksum_heading = "SHA-256（表ごと）",
    .total = "合計 {} 表、{} 行",
    .bad_city =
        "--city「{}」は全国地方公共団体コードではありません。検査数字を含む 6 桁で指定してください（例: 402273）",
};

constexpr StoreCopyMessages kEnglish{
    .copied =
        "Copied {} to {} ({} tables, {} rows). Read back from the target, every table's row count and SHA-256 "
        "match the source.",
    .already_there =
        "{} already holds the same data as {} ({} tables, {} rows; every table's row count and SHA-256 "
        "match). Nothing was changed.",
    .target_differs =
        "{} holds data that differs from {}, so nothing was copied (the target is unchanged). Tables "
        "that differ:",
    .differing_table = "  {}: source {} rows, target {} rows (their SHA-256 differ)",
    .what_to_do =
        "Copy into an empty database (a new file name for SQLite; for PostgreSQL a new database the "
        "administrator made with createdb). If you are sure the data in {} is not needed, remove and "
        "recreate it, then copy again.",
    .mismatch =
        "The tables read back from {} do not match the source, so the copy was rolled back (the target is "
        "unchanged). Tables that differ:",
    .failed = "Copying {} to {} failed; the target is unchanged: {}",
    .same_store = "The source and the target are the same ({}). Give --to another file or database.",
    .no_source =
        "There is no source database {}. Give --from a sosei database (a SQLite file or a postgresql:// "
        "URI).",
    .table_heading = "table",
    .rows_heading = "rows",
    .checksum_heading = "SHA-256 (per table)",
    .total = "{} tables, {} rows in all",
    .bad_city = "--city \"{}\" is not a local government code: give its six digits, check digit included (e.g. 402273)",
};

}  // namespace

const StoreCopyMessages& store_copy_messages(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

// The struct holds only `const char*` members: it is read as an array to check completeness.
std::size_t store_copy_messages_size() { return sizeof(StoreCopyMessages) / sizeof(const char*); }

const char* store_copy_messages_text(const StoreCopyMessages& m, std::size_t index) {
  static_assert(sizeof(StoreCopyMessages) % sizeof(const char*) == 0);
  const char* const* texts = &m.copied;
  return texts[index];
}

}  // namespace sosei::text
