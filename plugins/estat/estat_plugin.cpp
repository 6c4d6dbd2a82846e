// The estat plugin (総合政策課): a KPI's yearly values from the national statistics API e-Stat
// (getStatsData, API 3.0, JSON) — 純移動数 from the 住民基本台帳人口移動報告, 出生数 from the 人口動態統計.
// Every page is fetched through the host, or read from recorded replies (`replay_dir`: a network
// without the internet, a demo); a reply identical to the last imported one ends the run as
// unchanged (the API offers no ETag or Last-Modified).
#include <sosei/plugin.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "estat_settings.hpp"
#include "kpi_values.hpp"
#include "stats_page.hpp"

namespace {

constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "", "設定 kpi で指定した KPI"}}};

// The state key of the last imported replies' fingerprint.
constexpr const char* kFingerprintKey = "estat.fingerprint";

// A page at most: e-Stat sends at most 100,000 cells a page; a loop of NEXT_KEYs is a broken reply.
constexpr int kMaxPages = 1000;

class EstatImport : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"estat",          "1.0.0", "総合政策課", "e-Stat の API（getStatsData）で取得する国の統計 → KPI の値",
            estat::kSettings, kSeries};
  }

  void run(sosei::Context& ctx) override {
    const estat::Settings s = estat::read_settings(ctx);
    // Recorded replies need no application ID: it is not read, so none has to be kept for them.
    const std::string app_id = s.replay_dir.empty() ? estat::read_app_id(ctx) : std::string();
    if (!s.replay_dir.empty())
      ctx.info("e-Stat 統計表 " + s.stats_data_id + ": 記録した応答を " + s.replay_dir + " から読みます（replay_dir）");
    // What messages and observations name instead of the URL, which carries the application ID.
    const std::string source = "e-Stat 統計表 " + s.stats_data_id;
    try {
      fetch_all(ctx, s, app_id, source);
    } catch (const estat::PageError& e) {
      throw sosei::PluginError(SOSEI_ERR_INPUT, source + ": " + without(app_id, e.what()));
    }
    check_found(s, source);

    const std::string fingerprint = std::to_string(hash_);
    if (ctx.state(kFingerprintKey) == fingerprint) {
      ctx.info(source + ": 前回取り込んだ応答と同じです（変更なし）");
      throw sosei::RunStopped(SOSEI_UNCHANGED);
    }
    estat::Formed formed;
    try {
      formed = estat::form_values(s, plus_, minus_, legend_);
    } catch (const estat::PageError& e) {
      throw sosei::PluginError(SOSEI_ERR_INPUT, source + ": " + without(app_id, e.what()));
    }
    for (const auto& problem : formed.problems) ctx.reject(source, 0, problem.reason);
    for (const auto& v : formed.values) {
      sosei::Observation o;
      o.series = s.kpi;
      o.period = v.period;
      o.value_kind = static_cast<sosei_value_kind>(v.value_kind);
      o.number = v.number;
      o.note = v.note;
      o.file = source;
      ctx.emit(o);
    }
    ctx.set_state(kFingerprintKey, fingerprint);
  }

 private:
  // "e-Stat の応答が JSON ではありません（先頭: 「…」）。base_url が…" → its first sentence, without the
  // advice meant for the API.
  static std::string first_sentence(const std::string& text) {
    const std::size_t end = text.find("。");
    return end == std::string::npos ? text : text.substr(0, end);
  }

  // The application ID must never reach a message, even if a reply were to echo it.
  static std::string without(const std::string& secret, std::string text) {
    for (std::size_t at; !secret.empty() && (at = text.find(secret)) != std::string::npos;)
      text.replace(at, secret.size(), "***");
    return text;
  }

  void fetch_all(const sosei::Context& ctx, const estat::Settings& s, const std::string& app_id,
                 const std::string& source) {
    // The settings that shape the values are part of it: a new window or KPI imports again.
    hash_ =
        estat::fnv1a(estat::request_description(s) + "|" + s.kpi + "|" + std::to_string(static_cast<int>(s.formation)) +
                     "|" + std::to_string(s.from_year.value_or(0)) + "|" + std::to_string(s.to_year.value_or(0)));
    uint64_t start = 1;
    for (int page_no = 1;; ++page_no) {
      if (page_no > kMaxPages)
        throw estat::PageError("NEXT_KEY が " + std::to_string(kMaxPages) +
                               " ページを超えて続きます。応答が壊れています");
      std::string body;
      {
        sosei::Input input = open_page(ctx, s, app_id, start);
        char buffer[1 << 16];
        for (std::size_t got; (got = input.read(buffer, sizeof buffer)) > 0;) body.append(buffer, got);
      }
      estat::StatsPage page;
      try {
        page = estat::parse_stats_page(body);
      } catch (const estat::PageError& e) {
        if (s.replay_dir.empty()) throw;
        // A recording is a file someone saved: name it, and what to do, rather than the API's address.
        throw estat::PageError("記録した応答のファイル " + estat::replay_file(s, start) +
                               " を読めません: " + first_sentence(e.what()) +
                               "。getStatsData の JSON（UTF-8）を途中で切らずに保存し直してください");
      }
      body.clear();
      check_status(ctx, page, s, source, app_id);
      hash_ = estat::fnv1a(std::to_string(page.content_hash), hash_);
      take(page, s);
      ctx.progress(static_cast<uint64_t>(page_no), 0);
      if (!page.next_key) break;
      if (*page.next_key <= start)
        throw estat::PageError("NEXT_KEY " + std::to_string(*page.next_key) + " が前の開始位置 " +
                               std::to_string(start) + " より後ろではありません。応答が壊れています");
      start = *page.next_key;
    }
  }

  // The page from the API, or its recorded reply. A recording without the page asked for is a failed
  // run naming the file, never an empty table.
  static sosei::Input open_page(const sosei::Context& ctx, const estat::Settings& s, const std::string& app_id,
                                uint64_t start) {
    if (s.replay_dir.empty()) return ctx.fetch(estat::request_url(s, app_id, start), "utf-8");
    const std::string file = estat::replay_file(s, start);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
      throw sosei::PluginError(
          SOSEI_ERR_CONFIG,
          "e-Stat 統計表 " + s.stats_data_id + ": 記録した応答のファイル " + file + " がありません（" +
              (start > 1 ? "NEXT_KEY " + std::to_string(start) + " のページ" : std::string("最初のページ")) +
              "）。getStatsData の JSON をこの名前で置くか、API から取り込むなら 'replay_dir' を外してください");
    return ctx.open_file(file, "utf-8");
  }

  void check_status(const sosei::Context& ctx, const estat::StatsPage& page, const estat::Settings& s,
                    const std::string& source, const std::string& app_id) const {
    const std::string api =
        "（e-Stat の応答 STATUS " + std::to_string(page.status) + ": 「" + without(app_id, page.error_message) + "」）";
    if (page.status == 0) return;
    if (page.status == 1)
      throw sosei::PluginError(SOSEI_ERR_INPUT, source + ": 地域 " + s.area +
                                                    " と指定の分類に当たるデータがありません" + api +
                                                    "。area や cd_… のコードを e-Stat のメタ情報で確かめてください");
    if (page.status == 2) {  // 正常終了（一部にエラー）: the cells that came are fine
      ctx.warn(source + ": e-Stat は一部の条件を処理できませんでした" + api);
      return;
    }
    throw sosei::PluginError(page.status >= 100 && page.status < 200 ? SOSEI_ERR_CONFIG : SOSEI_ERR_IO,
                             source + ": e-Stat が要求を受け付けませんでした" + api);
  }

  // Keeps the cells of this area whose codes match the filters: as minuend, or (with minus) as
  // subtrahend. Two cells for one time and side mean a class the settings do not narrow.
  void take(const estat::StatsPage& page, const estat::Settings& s) {
    for (const auto& [mark, meaning] : page.marks) legend_.marks[mark] = meaning;
    for (const auto& [code, text] : page.annotations) legend_.annotations[code] = text;
    for (const auto& [id, names] : page.code_names) legend_.code_names[id].insert(names.begin(), names.end());
    for (const auto& [id, name] : page.class_names) legend_.class_names[id] = name;
    if (legend_.title.empty()) legend_.title = page.title;
    for (const auto& cell : page.cells) {
      areas_seen_.insert(cell.code("area"));
      if (cell.code("area") != s.area) continue;
      auto matches = [&](const estat::Codes& overrides) {
        for (auto [id, code] : s.filters) {
          for (const auto& [oid, ocode] : overrides)
            if (oid == id) code = ocode;
          if (cell.code(id) != code) return false;
        }
        return true;
      };
      const bool is_plus = matches({});
      const bool is_minus = !s.minus.empty() && matches(s.minus);
      if (!is_plus && !is_minus) continue;
      auto& side = is_plus ? plus_ : minus_;
      const std::string& time = cell.code("time");
      if (auto [it, fresh] = side.try_emplace(time, cell); !fresh)
        throw estat::PageError(ambiguity(it->second, cell, time));
    }
  }

  // Which class tells two cells of one time apart: the setting that narrows it is missing.
  std::string ambiguity(const estat::Cell& first, const estat::Cell& second, const std::string& time) const {
    for (const auto& [id, code] : second.codes)
      if (first.code(id) != code) {
        auto name = legend_.class_names.find(id);
        std::string what = "時間 " + time;
        what.append(" に ").append(id);
        if (name != legend_.class_names.end()) what.append("（").append(name->second).append("）");
        what.append(" の違うセルが2つ以上あります（").append(first.code(id)).append(" と ").append(code);
        return what.append(" …）。cd_").append(id).append(" で1つに絞ってください");
      }
    return "時間 " + time + " に同じコードのセルが2つあります。応答が壊れています";
  }

  void check_found(const estat::Settings& s, const std::string& source) const {
    if (!plus_.empty() || !minus_.empty()) return;
    std::string present;
    int n = 0;
    for (const auto& area : areas_seen_)
      if (n++ < 5) present.append(present.empty() ? "" : ", ").append(area);
    throw sosei::PluginError(
        SOSEI_ERR_INPUT,
        source + ": 地域 " + s.area + " と指定の分類に当たるセルが応答にありません" +
            (present.empty() ? std::string() : "（応答にある地域: " + present + (n > 5 ? " …" : "") + "）") +
            "。area と cd_… のコードを確かめてください");
  }

  uint64_t hash_ = 0;
  estat::StatsPage legend_;  // code names, marks and annotations of every page; no cells
  std::map<std::string, estat::Cell> plus_, minus_;
  std::set<std::string> areas_seen_;
};

}  // namespace

SOSEI_PLUGIN(EstatImport)
