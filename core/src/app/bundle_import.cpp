// Applying a checked bundle to the hub's store of its city (bundle_import.hpp).
#include "app/bundle_import.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "app/bundle_check.hpp"
#include "app/bundle_key.hpp"
#include "app/bundle_lines.hpp"
#include "text/hub_messages.hpp"

namespace sosei::app {
namespace {

using nlohmann::json;
using text::HubMessages;

constexpr std::string_view kMark = "bundle:";

// "2026-11-28T11:02:03.123Z" (a store timestamp) as an instant; none when it is not one.
std::optional<Millis> instant_of(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &y, &mo, &d, &h, &mi, &sec, &ms) != 7) return {};
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return {};
  return Millis{std::chrono::sys_days{day}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{sec} + std::chrono::milliseconds{ms};
}

// The hub store's clock while a bundle is applied: a replayed run is stamped with the times it had at
// the city (its start on its values and revisions, its end on its record), so the hub's `values` and
// `runs` read as the city's; everything else (the bundle's own audit event) gets the hub's time.
class ReplayClock final : public Clock {
 public:
  explicit ReplayClock(const Clock& hub) : hub_(hub) {}
  Millis now_ms() const override { return at_ ? *at_ : hub_.now_ms(); }
  void at(const std::string& iso) { at_ = instant_of(iso); }
  void release() { at_.reset(); }

 private:
  const Clock& hub_;
  std::optional<Millis> at_;
};

// Reads the checked copy line by line (lines may be long: a value's note).
class LineReader {
 public:
  explicit LineReader(std::FILE* f) : f_(f) {}
  ~LineReader() { std::free(buffer_); }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  bool next(json& out) {
    const ssize_t n = ::getline(&buffer_, &size_, f_);
    if (n <= 0) return false;
    out = json::parse(std::string_view(buffer_, static_cast<std::size_t>(n) - 1));
    return true;
  }

 private:
  std::FILE* f_;
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
};

store::Actor person(const std::string& name, const std::string& department = "") {
  store::Actor a;
  a.kind = store::Actor::Kind::Cli;
  a.name = name;
  a.department = department;
  return a;
}

// Replays the city's runs one by one, each as one run (one transaction) of the hub's store.
class RunReplay {
 public:
  RunReplay(store::Store& store, ReplayClock& clock, int64_t hub_had, BundleImportResult& result)
      : store_(store), clock_(clock), hub_had_(hub_had), result_(result) {}

  void start(const store::RunRecord& run) {
    finish();
    if (run.id <= hub_had_) return;  // the hub has it from an earlier bundle
    run_ = run;
    clock_.at(run.started_at);
    txn_ = store_.begin_import({run.source, run.plugin, run.plugin_version});
    txn_->set_fingerprint(std::string(kMark) + std::to_string(run.id) + ":" + run.fingerprint);
    for (const auto& r : run.rejections) txn_->reject(r);
    ++result_.runs;
  }
  void put(const store::ObservationKey& key, const store::ObservationData& data) {
    if (!txn_) return;
    txn_->put(key, data);
    ++result_.values;
  }
  void set_flags(const store::ObservationKey& key, const std::vector<store::FlagRaise>& raised) {
    if (txn_) txn_->set_flags(key, raised);
  }
  // Ends the run as it ended at the city: committed, or failed with its error (nothing of it kept).
  void finish() {
    if (!txn_) return;
    clock_.at(run_.finished_at);
    if (run_.status == store::RunStatus::Failed || run_.status == store::RunStatus::Aborted)
      txn_->fail(run_.error, run_.status);
    else
      txn_->commit(run_.status);
    txn_.reset();
    clock_.release();
  }

 private:
  store::Store& store_;
  ReplayClock& clock_;
  int64_t hub_had_;
  BundleImportResult& result_;
  store::RunRecord run_;
  std::unique_ptr<store::ImportTransaction> txn_;
};

// The city run each of the hub's replayed runs was (from its fingerprint, bundle:<city run>:…).
std::map<int64_t, int64_t> city_runs(store::Store& store) {
  std::map<int64_t, int64_t> out;
  for (const auto& run : store.runs(0)) {
    if (run.fingerprint.compare(0, kMark.size(), kMark) != 0) continue;
    try {
      out[run.id] = std::stoll(run.fingerprint.substr(kMark.size()));
    } catch (const std::exception&) {  // a fingerprint that only looks like one of ours
    }
  }
  return out;
}

// A flag a person resolved at the city, resolved at the hub too when it is open there: the flag the
// same city run raised, never a later one of the same rule that is still open at the city.
bool resolve(store::Store& store, const std::map<int64_t, int64_t>& city_run_of, const json& j) {
  const store::ObservationKey key = bundle::key_from(j);
  const std::string rule = j["rule"].get<std::string>();
  const int64_t raised_by = j.value("run", int64_t{0});
  bool changed = false;
  for (const auto& f : store.flags({key.series, true, std::nullopt})) {
    if (f.raised.rule != rule || !(f.key.period == key.period) || f.key.dimensions != key.dimensions) continue;
    const auto run = city_run_of.find(f.run_id);
    if (run == city_run_of.end() || run->second != raised_by) continue;
    store::AuditEvent event;
    event.who = person(j["by"].get<std::string>());
    event.action = "flag.resolve";
    event.kpi = key.series;
    event.period = key.period;
    event.dimensions = key.dimensions;
    event.reason = j["note"].get<std::string>();
    changed |= store.resolve_flag(f.id, event);
  }
  return changed;
}

// Brings one period's sign-off to the city's state (the city's sign-offs are all listed, so a period
// the hub has signed off that the bundle does not list was unlocked at the city).
bool sign_off(store::Store& store, const store::Approval& city) {
  const store::Approval hub = store.approval(city.kpi, city.period);
  if (hub.state == city.state) return false;
  store::AuditEvent event;
  event.who = person(city.changed_by);
  event.action = city.state == store::ApprovalState::Approved    ? "approval.approve"
                 : city.state == store::ApprovalState::Submitted ? "approval.submit"
                                                                 : "approval.unlock";
  event.kpi = city.kpi;
  event.period = city.period;
  event.before = store::to_string(hub.state);
  event.after = store::to_string(city.state);
  event.reason = "bundle";
  return store.change_approval(city.kpi, city.period, hub.state, city.state, event);
}

// When the newest bundle the hub applied was written at the city ("" for none): the `bundle.import`
// audit event keeps it after the run it reached ("12 2026-12-06T10:00:00.000Z").
std::string last_written(store::Store& store) {
  std::string newest;
  for (const auto& e : store.audit({"", "", "bundle.import", std::nullopt, 0})) {
    const auto space = e.after.find(' ');
    if (space != std::string::npos) newest = std::max(newest, e.after.substr(space + 1));
  }
  return newest;
}

using CommentSlot = std::tuple<std::string, int, store::CommentKind>;

}  // namespace

int64_t bundled_through(store::Store& store) {
  int64_t through = 0;
  for (const auto& [hub_run, city_run] : city_runs(store)) through = std::max(through, city_run);
  return through;
}

BundleImportResult import_bundle(const BundleImportRequest& request) {
  CheckedBundle bundle = check_bundle(request.hub, request.file);
  const config::HubCity& city = *bundle.city;
  BundleImportResult result;
  result.city = city.code;
  result.name = city.name;
  result.since_run = bundle.since_run;
  result.through_run = bundle.through_run;
  result.key_id = bundle.key_id;

  ReplayClock clock(request.clock ? *request.clock : system_clock());
  store::StoreConfig config;
  config.location =
      request.hub.location_of(city, request.shared_database.empty() ? request.hub.database : request.shared_database);
  config.clock = &clock;
  config.city = city.code;
  // Checked before anything is created: a refused first bundle leaves no empty database behind.
  std::unique_ptr<store::Store> store;
  if (store::store_exists(config.location)) {
    store = store::open_store(config);
    result.hub_had = bundled_through(*store);
  }
  if (bundle.since_run > result.hub_had)
    throw BundleError(
        text::phrase(&HubMessages::bundle_out_of_order, city.code, city.name, result.hub_had, bundle.since_run));
  if (bundle.through_run < result.hub_had)
    throw BundleError(
        text::phrase(&HubMessages::bundle_older, city.code, city.name, bundle.through_run, result.hub_had));
  if (!store) store = store::open_store(config);
  // The state the city was in when it wrote the bundle (sign-offs, commentary, resolved flags) is
  // applied only from a bundle newer than the last one applied: an older one carried late must not
  // undo what a newer one brought.
  const bool newer = bundle.created_at > last_written(*store);
  bool changed = false;

  RunReplay replay(*store, clock, result.hub_had, result);
  std::map<CommentSlot, int> hub_versions;
  for (const auto& c : store->comments("", true)) hub_versions[{c.kpi, c.year, c.kind}] = c.version;
  std::vector<store::Approval> signed_off = store->approvals("");
  std::vector<store::Approval> city_signed_off;
  std::map<int64_t, int64_t> city_run_of = city_runs(*store);  // hub run → city run, renewed as runs replay
  int64_t runs_mapped = 0;

  LineReader lines(bundle.lines.get());
  json line;
  lines.next(line);  // the header
  while (lines.next(line)) {
    const std::string kind = line.begin().key();  // one key per line: its kind
    const json& body = line.begin().value();
    if (kind == "run") {
      replay.start(bundle::run_from(body));
    } else if (kind == "put") {
      replay.put(bundle::key_from(body), bundle::data_from(body));
    } else if (kind == "flags") {
      std::vector<store::FlagRaise> raised;
      for (const auto& r : body["raised"]) raised.push_back(bundle::raise_from(r));
      replay.set_flags(bundle::key_from(body), raised);
    } else {
      replay.finish();
      if (kind == "resolved") {  // safe from any bundle: it closes only the flag its city run raised
        if (runs_mapped != result.runs) city_run_of = city_runs(*store), runs_mapped = result.runs;
        changed |= resolve(*store, city_run_of, body);
      } else if (!newer) {
        continue;  // the state of sign-offs and commentary when an older bundle was written
      } else if (kind == "approval") {
        city_signed_off.push_back(bundle::approval_from(body));
        changed |= sign_off(*store, city_signed_off.back());
      } else if (kind == "comment") {
        const store::Comment c = bundle::comment_from(body);
        int& version = hub_versions[{c.kpi, c.year, c.kind}];
        if (c.version <= version) continue;
        store::AuditEvent event;
        event.who = person(c.entered_by, c.department);
        event.action = "comment.add";
        event.kpi = c.kpi;
        event.after = c.text;
        event.reason = "bundle";
        version = store->add_comment(c, event).version;
        changed = true;
      }
    }
  }
  replay.finish();
  if (newer)
    for (const auto& a : signed_off) {  // unlocked at the city since
      const bool listed = std::any_of(city_signed_off.begin(), city_signed_off.end(),
                                      [&](const store::Approval& c) { return c.kpi == a.kpi && c.period == a.period; });
      if (!listed)
        changed |= sign_off(*store, {a.kpi, a.period, store::ApprovalState::Entered, "", request.who.actor.name});
    }

  result.outcome = result.runs > 0 || changed ? BundleOutcome::Applied : BundleOutcome::AlreadyThere;
  if (newer) {  // recorded even when nothing changed, so that an older bundle is known as older
    store::AuditEvent event;
    event.who = request.who.actor;
    event.action = "bundle.import";
    event.before = std::to_string(result.hub_had);
    event.after = std::to_string(std::max(result.through_run, result.hub_had)) + " " + bundle.created_at;
    event.reason = std::filesystem::path(request.file).filename().string() + " (key " + result.key_id + ")";
    store->append_audit(event);
  }
  return result;
}

}  // namespace sosei::app
