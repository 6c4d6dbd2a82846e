// The schema's tables as `sosei store copy` sees them, canonical cell texts and the per-table SHA-256
// (table_copy.hpp). The column lists follow both stores' migrations (sqlite/ and postgresql/
// migrations.cpp, schema version 9); a table added there is added here.
#include "store/table_copy.hpp"

#include <openssl/evp.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace sosei::store {
namespace {

constexpr CellKind kInt = CellKind::Integer;
constexpr CellKind kReal = CellKind::Real;
constexpr CellKind kText = CellKind::Text;
constexpr CellKind kTime = CellKind::Time;
constexpr CellKind kFlag = CellKind::Flag;
constexpr CellKind kJson = CellKind::Json;

std::vector<CopiedTable> make_tables() {
  return {
      {"sources", {{"id", kText}, {"first_seen_at", kTime}}, {"id"}},
      {"import_runs",
       {{"id", kInt},
        {"source", kText},
        {"plugin", kText},
        {"plugin_version", kText},
        {"started_at", kTime},
        {"finished_at", kTime},
        {"status", kText},
        {"accepted", kInt},
        {"rejected", kInt},
        {"inserted", kInt},
        {"revised", kInt},
        {"error", kText},
        {"fingerprint", kText}},
       {"id"},
       true},
      {"run_rejections", {{"run_id", kInt}, {"seq", kInt}, {"location", kText}, {"reason", kText}}, {"run_id", "seq"}},
      {"observations",
       {{"id", kInt},
        {"series", kText},
        {"period_kind", kText},
        {"period_year", kInt},
        {"period_month", kInt},
        {"period_day", kInt},
        {"dimensions", kText},
        {"value_kind", kText},
        {"number", kReal},
        {"flags", kInt},
        {"note", kText},
        {"location", kText},
        {"source", kText},
        {"first_run_id", kInt},
        {"first_value_kind", kText},
        {"first_number", kReal},
        {"created_at", kTime},
        {"run_id", kInt},
        {"updated_at", kTime}},
       {"id"},
       true},
      {"revisions",
       {{"id", kInt},
        {"observation_id", kInt},
        {"run_id", kInt},
        {"changed_at", kTime},
        {"old_value_kind", kText},
        {"old_number", kReal},
        {"new_value_kind", kText},
        {"new_number", kReal},
        {"old_note", kText},
        {"new_note", kText},
        {"old_location", kText},
        {"new_location", kText}},
       {"id"},
       true},
      {"source_state",
       {{"source", kText}, {"key", kText}, {"value", kText}, {"updated_run_id", kInt}},
       {"source", "key"}},
      {"evaluations",
       {{"id", kInt},
        {"created_at", kTime},
        {"as_of", kText},
        {"scheme", kText},
        {"stale", kFlag},
        {"stale_since", kTime},
        {"stale_run_id", kInt}},
       {"id"},
       true},
      {"evaluation_kpis",
       {{"evaluation_id", kInt},
        {"seq", kInt},
        {"kpi", kText},
        {"counted", kFlag},
        {"actual", kReal},
        {"formed", kText},
        {"ratio", kReal},
        {"progress", kReal},
        {"grade_index", kInt},
        {"grade_symbol", kText},
        {"grade_label", kText},
        {"pace_ratio", kReal},
        {"off_track", kFlag}},
       {"evaluation_id", "seq"}},
      {"evaluation_inputs", {{"evaluation_id", kInt}, {"observation_id", kInt}}, {"evaluation_id", "observation_id"}},
      {"source_quarantines", {{"source", kText}, {"since", kTime}, {"reason", kText}, {"failures", kInt}}, {"source"}},
      {"api_tokens",
       {{"id", kInt},
        {"token_sha256", kText},
        {"department", kText},
        {"note", kText},
        {"created_at", kTime},
        {"last_used_at", kTime},
        {"revoked_at", kTime},
        {"role", kText}},
       {"id"},
       true},
      {"series_info",
       {{"series", kText},
        {"unit", kText},
        {"help", kText},
        {"label_ja", kText},
        {"label_en", kText},
        {"plugin", kText},
        {"plugin_version", kText},
        {"updated_at", kTime}},
       {"series"}},
      {"quality_flags",
       {{"id", kInt},           {"series", kText},       {"period_kind", kText},  {"period_year", kInt},
        {"period_month", kInt}, {"period_day", kInt},    {"dimensions", kText},   {"rule", kText},
        {"level", kText},       {"value", kReal},        {"expected_min", kReal}, {"expected_max", kReal},
        {"detail", kText},      {"location", kText},     {"run_id", kInt},        {"raised_at", kTime},
        {"state", kText},       {"closed_run_id", kInt}, {"closed_at", kTime},    {"closed_by", kText},
        {"note", kText}},
       {"id"},
       true},
      {"approvals",
       {{"kpi", kText},
        {"period_kind", kText},
        {"period_year", kInt},
        {"period_month", kInt},
        {"period_day", kInt},
        {"state", kText},
        {"changed_at", kTime},
        {"changed_by", kText}},
       {"kpi", "period_kind", "period_year", "period_month", "period_day"}},
      {"comments",
       {{"kpi", kText},
        {"year", kInt},
        {"kind", kText},
        {"version", kInt},
        {"text", kText},
        {"entered_at", kTime},
        {"entered_by", kText},
        {"department", kText}},
       {"kpi", "year", "kind", "version"}},
      {"audit_events",
       {{"id", kInt},
        {"at", kTime},
        {"actor_kind", kText},
        {"actor", kText},
        {"department", kText},
        {"token_id", kInt},
        {"run_id", kInt},
        {"action", kText},
        {"kpi", kText},
        {"period_kind", kText},
        {"period_year", kInt},
        {"period_month", kInt},
        {"period_day", kInt},
        {"dimensions", kText},
        {"before", kText},
        {"after", kText},
        {"reason", kText},
        {"before_number", kReal},
        {"after_number", kReal},
        {"details", kJson}},
       {"id"},
       true},
      // Which revisions migration 9 found already copied into audit_events: the audit_trail view reads
      // only the revisions after it, so it travels with them.
      {"audit_revision_copies", {{"through_revision_id", kInt}}, {"through_revision_id"}, false, true},
  };
}

// The row's line: cells separated by tabs, NULL as \N, and the separators escaped in texts, so no
// two different rows give the same line.
void append_cell(std::string& line, const Cell& cell) {
  if (!cell) {
    line += "\\N";
    return;
  }
  for (const char c : *cell) {
    switch (c) {
      case '\\':
        line += "\\\\";
        break;
      case '\t':
        line += "\\t";
        break;
      case '\n':
        line += "\\n";
        break;
      default:
        line += c;
    }
  }
}

}  // namespace

const std::vector<CopiedTable>& copied_tables() {
  static const std::vector<CopiedTable> kTables = make_tables();
  return kTables;
}

std::string canonical_real(double value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return {buffer, end};
}

std::string canonical_real(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw StoreError("a stored number is not one: " + std::string(text));
  return canonical_real(value);
}

std::string canonical_json_text(std::string_view json) {
  try {
    // nlohmann's objects are ordered maps: dump() writes the keys in byte order, without spaces.
    return nlohmann::json::parse(json).dump();
  } catch (const nlohmann::json::exception& e) {
    throw StoreError("a stored JSON text cannot be read (" + std::string(e.what()) + "): " + std::string(json));
  }
}

struct TableChecksum::Digest {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Digest() { EVP_MD_CTX_free(ctx); }
};

TableChecksum::TableChecksum(std::string table) : table_(std::move(table)), digest_(std::make_unique<Digest>()) {
  if (!digest_->ctx || EVP_DigestInit_ex(digest_->ctx, EVP_sha256(), nullptr) != 1)
    throw StoreError("cannot start a SHA-256 (OpenSSL EVP)");
}

TableChecksum::~TableChecksum() = default;

void TableChecksum::add(const Row& row) {
  line_.clear();
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line_ += '\t';
    append_cell(line_, row[i]);
  }
  line_ += '\n';
  if (EVP_DigestUpdate(digest_->ctx, line_.data(), line_.size()) != 1)
    throw StoreError("cannot compute a SHA-256 (OpenSSL EVP)");
  ++rows_;
}

TableSummary TableChecksum::finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(digest_->ctx, digest, &size) != 1) throw StoreError("cannot end a SHA-256 (OpenSSL EVP)");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return {table_, rows_, hex};
}

void SummarySink::begin_table(const CopiedTable& table) { current_ = std::make_unique<TableChecksum>(table.name); }

void SummarySink::rows(const CopiedTable&, const std::vector<Row>& rows) {
  for (const Row& row : rows) current_->add(row);
}

void SummarySink::end_table(const CopiedTable&) {
  summaries_.push_back(current_->finish());
  current_.reset();
}

}  // namespace sosei::store
