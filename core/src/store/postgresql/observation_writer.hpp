// An import run's observations written in bulk. Every batch goes with COPY … FROM STDIN into a
// temporary staging table (row-level security refuses a COPY into the observations table itself). A
// batch of a series new to the store is inserted from there in one statement; any other batch, or one
// whose key the run repeats, is applied with a few set statements per batch — new keys inserted, changed values revised
// (the revision rows, the new values, the stale marks of the evaluations that used them), unchanged ones noted —
// instead of a round trip per observation. A key the run has met already (earlier in the batch, or in an earlier one)
// is a duplicate, reported in the order of the puts; the key's first value stays.
//
// Client and server take turns otherwise: while the server inserts a batch the importer would wait,
// and while the importer reads and checks the next rows the server would idle. So the insert of a
// batch of new keys is sent without waiting (Connection::send) and its result collected when the next
// batch is ready, or before anything else uses the connection (settle()).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

// The run's record of the keys it found and left unchanged, with where it read them (a temporary
// table dropped with the run's transaction). With the run's own inserts and revisions (run_id) it
// tells which keys the run has met: a duplicate names the first location from here.
inline constexpr const char* kSeenTable =
    "CREATE TEMP TABLE sosei_seen (id bigint PRIMARY KEY, location text NOT NULL) ON COMMIT DROP";

class ObservationWriter {
 public:
  // What the writer needs of the import run it writes for.
  class Run {
   public:
    virtual RunRecord& record() = 0;
    virtual const std::string& stamp() const = 0;
    virtual void report_duplicate(const std::string& series, const Period& period, std::string_view dimensions,
                                  std::string first_location, const std::string& location) = 0;
    // The row-by-row path (look up, insert, revise or leave).
    virtual void store_one(const std::string& series, const Period& period, const std::string& dimensions,
                           const ObservationData& data) = 0;

   protected:
    ~Run() = default;
  };

  // Rows per COPY; a flush of fewer than kSmall rows goes row by row (a COPY costs a few round trips).
  static constexpr std::size_t kRows = 8192;
  static constexpr std::size_t kSmall = 16;

  explicit ObservationWriter(Session& session) : session_(session) {}

  // `fresh`: the series held no value when the run began (then its rows can be inserted without
  // looking up their keys; a key the run repeats across batches is found by the table's unique key).
  void add(const std::string& series, const Period& period, std::string dimensions, const ObservationData& data,
           bool fresh, Run& run);
  // Writes every waiting row and waits for the server (before anything reads the store during the
  // run, and at its end).
  void flush(Run& run);
  // Waits for the batch still being inserted, if any, and counts it (before the run sends any other
  // statement on the connection).
  void settle(Run& run);
  // Drops the waiting rows and the batch being inserted (the run is rolled back).
  void clear();

 private:
  struct Row {
    std::string series;
    Period period;
    std::string dimensions;
    ObservationData data;
    bool repeated = false;  // its key is waiting already: a duplicate, reported at the flush
    bool fresh = false;     // of a series that held no value when the run began
  };
  static std::string key_of(const std::string& series, const Period& period, std::string_view dimensions);
  void write(Run& run);
  void send_insert_new(Run& run);
  void apply_staged(Run& run, const std::vector<Row>& rows);
  void send();

  Session& session_;
  std::vector<Row> rows_;
  std::vector<Row> inserting_;               // the batch whose insert was sent and not yet settled; empty when none
  std::unordered_set<std::string> waiting_;  // keys of rows_
  bool staging_made_ = false;
};

}  // namespace sosei::store::pg
