// The store copy use case (store_copy.hpp): the target's own transaction decides — empty: copy and
// verify; the same data: nothing; other data: refuse. Rows stream from the source to the target a chunk
// at a time, counted and hashed on the way.
#include "app/store_copy.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace sosei::app {
namespace {

// Writes every chunk it reads into the target and sums up the source's tables.
class CopySink final : public store::RowSink {
 public:
  CopySink(store::TableWriter& writer, const StoreCopyRequest& request) : writer_(writer), request_(request) {}

  void begin_table(const store::CopiedTable& table) override {
    summaries_.begin_table(table);
    writer_.write(table, {});  // a replaced table is cleared even when the source's has no row
    written_ = 0;
  }
  void rows(const store::CopiedTable& table, const std::vector<store::Row>& rows) override {
    summaries_.rows(table, rows);
    writer_.write(table, rows);
    written_ += static_cast<int64_t>(rows.size());
    if (request_.on_progress) request_.on_progress(table.name, written_);
  }
  void end_table(const store::CopiedTable& table) override { summaries_.end_table(table); }

  const std::vector<store::TableSummary>& summaries() const { return summaries_.summaries(); }

 private:
  store::TableWriter& writer_;
  const StoreCopyRequest& request_;
  store::SummarySink summaries_;
  int64_t written_ = 0;
};

std::vector<TableComparison> compare(const std::vector<store::TableSummary>& source,
                                     const std::vector<store::TableSummary>& target) {
  std::vector<TableComparison> out;
  for (std::size_t i = 0; i < source.size(); ++i)
    out.push_back({source[i], i < target.size() ? target[i] : store::TableSummary{source[i].table, 0, ""}});
  return out;
}

bool all_same(const std::vector<TableComparison>& tables) {
  return std::all_of(tables.begin(), tables.end(), [](const TableComparison& t) { return t.same(); });
}

// Nothing but what every migrated store holds (the replaced tables' own row).
bool holds_no_data(const std::vector<store::TableSummary>& target) {
  const auto& tables = store::copied_tables();
  for (std::size_t i = 0; i < target.size() && i < tables.size(); ++i)
    if (!tables[i].replaced && target[i].rows > 0) return false;
  return true;
}

std::string mismatch_text(const std::vector<TableComparison>& tables) {
  std::string text = "the copy read back from the target differs from the source:";
  for (const auto& t : tables)
    if (!t.same())
      text += " " + t.source.table + " (" + std::to_string(t.source.rows) + " rows, read back " +
              std::to_string(t.target.rows) + ")";
  return text;
}

}  // namespace

std::string to_string(StoreCopyOutcome outcome) {
  switch (outcome) {
    case StoreCopyOutcome::Copied:
      return "copied";
    case StoreCopyOutcome::AlreadyThere:
      return "already_there";
    case StoreCopyOutcome::TargetDiffers:
      return "target_differs";
  }
  return "copied";
}

int64_t StoreCopyResult::rows() const {
  int64_t n = 0;
  for (const auto& t : tables) n += t.source.rows;
  return n;
}

StoreCopyMismatch::StoreCopyMismatch(std::vector<TableComparison> tables)
    : StoreError(mismatch_text(tables)), tables_(std::move(tables)) {}

namespace {

StoreCopyResult copy_into_target(const StoreCopyRequest& request) {
  store::StoreConfig source_config;
  source_config.location = request.from;
  source_config.clock = request.clock;
  source_config.create_if_missing = false;
  source_config.city = request.city;
  const auto source = store::open_store(source_config);
  store::StoreConfig target_config;
  target_config.location = request.to;
  target_config.clock = request.clock;
  target_config.city = request.city;
  const auto target = store::open_store(target_config);

  StoreCopyResult result;
  target->load_tables([&](store::TableWriter& writer) {
    store::SummarySink before;
    writer.read_tables(before);
    if (!holds_no_data(before.summaries())) {
      store::SummarySink wanted;
      source->read_tables(wanted);
      result.tables = compare(wanted.summaries(), before.summaries());
      result.outcome = all_same(result.tables) ? StoreCopyOutcome::AlreadyThere : StoreCopyOutcome::TargetDiffers;
      return false;  // nothing was written: rolled back either way
    }
    CopySink copy(writer, request);
    source->read_tables(copy);
    store::SummarySink after;
    writer.read_tables(after);
    result.tables = compare(copy.summaries(), after.summaries());
    if (!all_same(result.tables)) throw StoreCopyMismatch(result.tables);
    result.outcome = StoreCopyOutcome::Copied;
    return true;
  });
  return result;
}

// A SQLite file the failed copy made (with its journal files): removed, so that a failure leaves the
// disk as it was, not an empty database where there was none.
void remove_made_file(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

}  // namespace

StoreCopyResult copy_store(const StoreCopyRequest& request) {
  if (request.from == request.to) throw std::invalid_argument("store copy: the source and the target are one store");
  std::error_code ec;
  const bool target_was_there = std::filesystem::exists(request.to, ec);  // false for a PostgreSQL URI too
  try {
    return copy_into_target(request);
  } catch (...) {
    if (!target_was_there && std::filesystem::is_regular_file(request.to, ec)) remove_made_file(request.to);
    throw;
  }
}

}  // namespace sosei::app
