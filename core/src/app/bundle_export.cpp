// Writing a city's bundle (bundle_export.hpp).
#include "app/bundle_export.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "app/bundle_key.hpp"
#include "app/bundle_lines.hpp"
#include "common/clock.hpp"
#include "text/hub_messages.hpp"
#include "text/system_errors.hpp"

namespace sosei::app {
namespace {

using nlohmann::json;
using text::HubMessages;

// The bundle's file as it is written: every line hashed on its way, so the end line can sign them all.
class LineWriter {
 public:
  explicit LineWriter(const std::string& path) : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw BundleError(text::phrase(&HubMessages::bundle_unreadable, path, text::system_error(errno)));
  }
  void write(const json& line) {
    const std::string text = line.dump() + '\n';
    sha_.add(text);
    out_ << text;
    ++lines_;
  }
  std::string sha256() { return sha_.hex(); }
  int64_t lines() const { return lines_; }
  void finish(const json& end) {
    out_ << end.dump() << '\n';
    out_.flush();
    if (!out_) throw BundleError(text::phrase(&HubMessages::bundle_unreadable, path_, text::system_error(errno)));
    out_.close();
  }

 private:
  std::string path_;
  std::ofstream out_;
  Sha256 sha_;
  int64_t lines_ = 0;
};

bool same_key(const store::ObservationKey& a, const store::ObservationKey& b) {
  return a.series == b.series && a.period == b.period && a.dimensions == b.dimensions;
}

// Every flag a run raised (or cleared) as the keys it set them on, so the hub's replay of that run sets
// the same flags: by run, each key with the flags the run left raised on it (none: it cleared them).
using FlagsOfKey = std::pair<store::ObservationKey, std::vector<store::FlagRaise>>;
std::map<int64_t, std::vector<FlagsOfKey>> flags_by_run(store::Store& store, int64_t since, int64_t through) {
  std::map<int64_t, std::vector<FlagsOfKey>> out;
  const auto entry = [&](int64_t run, const store::ObservationKey& key) -> std::vector<store::FlagRaise>& {
    auto& keys = out[run];
    auto it = std::find_if(keys.begin(), keys.end(), [&](const FlagsOfKey& k) { return same_key(k.first, key); });
    if (it == keys.end()) return keys.emplace_back(key, std::vector<store::FlagRaise>{}).second;
    return it->second;
  };
  for (const auto& f : store.flags({})) {
    if (f.run_id > since && f.run_id <= through) entry(f.run_id, f.key).push_back(f.raised);
    if (f.state == store::FlagState::Cleared && f.closed_run_id > since && f.closed_run_id <= through)
      entry(f.closed_run_id, f.key);
  }
  return out;
}

}  // namespace

BundleExportResult export_bundle(const Environment& env, store::Store& store, const BundleExportRequest& request) {
  const auto& code = env.config().strategy.city_code;
  if (!code) throw BundleError(text::phrase(&HubMessages::bundle_no_city_code, env.config().config_file));
  BundleExportResult result;
  result.city = code->digits();
  result.since_run = request.since_run;
  result.key_id = key_id(request.key_file, KeyFile::Private);

  // The runs to send, oldest first; what commits while this one writes waits for the next bundle.
  // A run still running holds back the runs after it too (on PostgreSQL runs of different sources
  // overlap): the next bundle starts after the last run sent, so none may be skipped.
  std::vector<store::RunRecord> runs;
  for (auto& r : store.runs(0))
    if (r.id > request.since_run) runs.push_back(std::move(r));
  std::reverse(runs.begin(), runs.end());
  const auto running = std::find_if(runs.begin(), runs.end(),
                                    [](const store::RunRecord& r) { return r.status == store::RunStatus::Running; });
  runs.erase(running, runs.end());
  result.through_run = runs.empty() ? request.since_run : runs.back().id;
  auto flags = flags_by_run(store, request.since_run, result.through_run);
  // Resolutions in the order people made them, each placed before the first run that started after
  // it: replayed there, it closes the flag it closed at the city, before a later run raises the same
  // rule again.
  std::vector<store::QualityFlag> resolved;
  for (auto& f : store.flags({}))
    if (f.state == store::FlagState::Resolved) resolved.push_back(std::move(f));
  std::stable_sort(resolved.begin(), resolved.end(),
                   [](const auto& a, const auto& b) { return a.closed_at < b.closed_at; });

  const std::string part = request.file + ".part";
  try {
    LineWriter out(part);
    out.write({{"sosei_bundle", bundle::kVersion},
               {"city", result.city},
               {"since_run", result.since_run},
               {"through_run", result.through_run},
               {"created_at", iso8601_utc(env.clock().now_ms())}});
    std::size_t next = 0;        // the next run whose line is still to come
    std::size_t resolution = 0;  // the next resolution whose line is still to come
    const auto resolutions_before = [&](const std::string& started_at) {
      for (; resolution < resolved.size() && (started_at.empty() || resolved[resolution].closed_at <= started_at);
           ++resolution) {
        const auto& f = resolved[resolution];
        json line = bundle::key_json(f.key);
        line["rule"] = f.raised.rule;
        line["run"] = f.run_id;  // the city run that raised it: the hub resolves that flag only
        line["note"] = f.note;
        line["by"] = f.closed_by;
        line["at"] = f.closed_at;
        out.write({{"resolved", std::move(line)}});
      }
    };
    const auto finish_run = [&](int64_t run) {
      for (const auto& [key, raised] : flags[run]) {
        json list = json::array();
        for (const auto& r : raised) list.push_back(bundle::raise_json(r));
        json line = bundle::key_json(key);
        line["raised"] = std::move(list);
        out.write({{"flags", std::move(line)}});
      }
    };
    const auto runs_through = [&](int64_t id) {  // the run lines up to `id`, each after the last one's flags
      while (next < runs.size() && runs[next].id <= id) {
        if (next > 0) finish_run(runs[next - 1].id);
        resolutions_before(runs[next].started_at);
        out.write({{"run", bundle::run_json(*store.run(runs[next].id))}});
        ++result.runs;
        ++next;
      }
    };
    store.run_changes(request.since_run, [&](const store::RunChange& change) {
      if (change.run_id > result.through_run) return;
      runs_through(change.run_id);
      out.write({{"put", bundle::put_json(change.key, change.data)}});
      ++result.values;
    });
    runs_through(result.through_run);
    if (next > 0) finish_run(runs[next - 1].id);

    resolutions_before("");  // the rest
    for (const auto& a : store.approvals("")) out.write({{"approval", bundle::approval_json(a)}});
    for (const auto& c : store.comments("", true)) out.write({{"comment", bundle::comment_json(c)}});

    const int64_t lines = out.lines();
    const std::string sha = out.sha256();
    out.finish({{"end",
                 {{"lines", lines},
                  {"sha256", sha},
                  {"key", result.key_id},
                  {"signature", sign_with(request.key_file, bundle::signed_text(sha))}}}});
  } catch (...) {
    std::error_code ignored;  // the error being thrown says what went wrong, not the clean-up
    std::filesystem::remove(part, ignored);
    throw;
  }
  std::error_code ec;
  std::filesystem::rename(part, request.file, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(part, ignored);
    throw BundleError(text::phrase(&HubMessages::bundle_unreadable, request.file, ec.message()));
  }
  return result;
}

}  // namespace sosei::app
