// Writes the fuzz targets' seed corpora (tests/fuzz): the shapes the fixtures and the plugins' tests
// read — a BOM, CRLF, quotes, tabs, full-width digits, eras, statuses, cron forms — one file per input,
// deterministic. usage: fuzz_seed_corpus OUT_DIR  (a folder per target)
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <minizip/zip.h>

#include "config_yaml_kind.hpp"
#include "http_token.hpp"
#include "worker/frame.hpp"
#include "worker/protocol.hpp"

namespace {

void write_all(const std::filesystem::path& dir, const std::vector<std::string>& inputs) {
  std::filesystem::create_directories(dir);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::ofstream out(dir / ("seed-" + std::to_string(i)), std::ios::binary);
    out << inputs[i];
  }
}

std::vector<std::string> csv_seeds() {
  return {
      "year,visitors\n2024,\"1,234\"\n2025,5678\n",
      "\xEF\xBB\xBF"
      "年度,観光客数\r\nR6,\"12,345\"\r\nR7,▲3\r\n",
      "a\tb\tc\n1\t2\t3\n\t\t\n",
      "\"quoted \"\"inner\"\" text\",x\n\"multi\nline\",y\n",
      "5\"3,ab\"cd\"\n",
      "\"never closed,1\n2,3\n",
      "a,b,\n,,\n\n\n1,2,3",
      "only one line without end",
      "\r\r\n\n",
      std::string(300, 'x') + "," + std::string(5000, 'y') + "\n",
  };
}

std::vector<std::string> notation_seeds() {
  return {"1,234人",     "▲12.5%",   "△3",       "約3万",      "1.2万人",       "13,650千円",    "－",
          "…",           "x",        "***",      "未実施",     "１２３",        "12.5％",        "令和7年度",
          "R7",          "H30年度",  "2025/4/1", "2025-03-31", "令和7年4月1日", "2025年4月",     "FY2025",
          "平成31年4月", "令和元年", "七",       "三十一",     "2025-02-29",    "2024-02-29",    "9999-12-31",
          " 2025 ",      "1e308",    "-0",       "0x1F",       "12,34,5",       "１，２３４．５"};
}

std::vector<std::string> cron_seeds() {
  return {"0 3 * * *", "*/15 * * * 1-5", "30 6 1 4 *", "0 0 29 2 *", "0 0 31 * *", "5,35 8-18/2 * * mon-fri",
          "0 0 * * 0", "0 0 * * 7",      "@daily",     "61 * * * *", "* * * *",    "0 0 30 2 *",
          "0 0 1 1 *"};
}

std::vector<std::string> text_seeds() {
  return {
      "plain ascii,1\n",
      "\xEF\xBB\xBF\xE5\xB9\xB4\xE5\xBA\xA6,1\n",  // BOM + 年度
      "\x94\x4E\x93\x78,1\r\n",                    // 年度 in CP932
      "\x82\xA0\x82\xA2\x82\xA4\n",                // あいう in CP932
      "\xED\xA0\x80 surrogate\n",
      "\xC0\xAF overlong\n",
      "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD mostly replacement\n",
      "\x87\x40 NEC special\n",
      std::string(70000, 'a') + "\x82\xA0",  // the first non-ASCII byte after the first 64 KiB
  };
}

// Frames as the worker writes them: observations (with and without dimensions, a status value), an
// end frame, and the same stream cut short and with a length beyond the limit.
std::vector<std::string> worker_frame_seeds() {
  using namespace sosei::worker;
  FrameBuilder b;
  std::string stream;
  sosei::Observation o;
  o.series = "city_bus_riders";
  o.period = sosei::Period::fiscal_year(2025);
  o.value = sosei::Value::of(12345);
  o.location = "board_alight.txt:12";
  encode_observation(b, o);
  stream += b.finish();
  o.dimensions = {{"route", "R1"}, {"stop", "S001"}};
  o.period = sosei::Period::date_of(2025, 4, 1);
  o.note = "note";
  encode_observation(b, o);
  stream += b.finish();
  o.value = sosei::Value{};
  encode_observation(b, o);
  stream += b.finish();
  encode_end(b, {EndStatus::Succeeded, "", "fingerprint"});
  const std::string end(b.finish());
  encode_end(b, {EndStatus::Failed, "plugin returned SOSEI_ERR_INPUT", ""});
  return {stream + end, stream.substr(0, stream.size() / 2), std::string(b.finish()),
          std::string("\xff\xff\xff\x7f") + "O", std::string("\x01\x00\x00\x00") + "E"};
}

// Strategy files: a whole small one (the shape of config/strategy.yaml), and the hand-written
// mistakes the loader must name — a wrong key, a bad target, a tab, an alias, an alias of an alias.
std::vector<std::string> strategy_seeds() {
  const std::string whole = R"(strategy:
  name: 嘉麻市総合戦略
  city: 嘉麻市
  period: {from: R7, to: R11}
  data_due: "07-31"
goals:
  - no: 1
    name: 安定した雇用を生み出す
    targets:
      - {id: net_migration, name: 純移動数, unit: 人, baseline: {value: ▲300人, year: R2}, target: {value: ▲150人, year: R11}}
    measures:
      - name: 創業支援
        projects:
          - name: 創業支援事業
            kpis:
              - id: startups
                name: 起業支援による創業者数
                unit: 件
                department: 産業振興課
                baseline: {value: 5件, year: R5}
                target: {value: 5年間に40件, kind: cumulative}
)";
  return {whole,
          "strategy: {name: x, city: y, period: {from: R7, to: R11}}\ngoals: []\n",
          "strategy:\n  nmae: typo\n",
          "strategy: &s {name: x, city: y, period: {from: R7, to: R11}}\ngoals:\n  - *s\n",
          "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
          "strategy:\n\tname: tab\n",
          "goals:\n  - no: 1\n    measures: [{projects: [{kpis: [{id: k, target: {value: 5年間に, kind: x}}]}]}]\n",
          "\xEF\xBB\xBFstrategy: ~\n",
          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
          ""};
}

// What clients of `sosei serve` send: each seed is one connection's bytes, some with the world's
// department token (http_token.hpp).
std::vector<std::string> http_seeds() {
  using namespace std::string_literals;
  const std::string token(kFuzzToken);
  const auto post = [](const std::string& path, const std::string& headers, const std::string& body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
  };
  return {
      "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /?lang=en&kpi=startups HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /api/evaluation HTTP/1.1\r\nHost: x\r\n\r\nGET /api/status HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /api/kpis/startups/observations?from=2020&limit=5 HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /api/runs/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /metrics HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n",
      "GET /%2e%2e/%2E%2E/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /..\\..\\config HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /entry?token=" + token + " HTTP/1.1\r\nHost: x\r\n\r\n",
      post("/api/entries", "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n",
           R"({"kpi": "startups", "period": "2026", "value": "12件", "note": "窓口集計"})"),
      "POST /api/entries HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
          "\r\nTransfer-Encoding: chunked\r\n\r\n"
          "10\r\n{\"kpi\": \"groups\",\r\n1a\r\n \"period\": \"2026\", \"value\"\r\n9\r\n: \"5組織\"}\r\n0\r\n\r\n",
      post("/api/entries", "Authorization: Bearer " + token + "\r\n", std::string(300, '[')),
      post("/api/entries", "Authorization: Bearer " + token + "\r\n", "{\"kpi\": \"\xff\xfe\"}"),
      post("/entry", "Content-Type: application/x-www-form-urlencoded\r\n",
           "token=" + token + "&kpi=evil&period=R8&value=%3Cscript%3E&note=%E7%AA%93%E5%8F%A3"),
      post("/api/flags/1/resolve", "Authorization: Bearer " + token + "\r\n", "{\"note\": \"確認済み\"}"),
      post("/signoff/step", "Authorization: bearer " + token + "\0garbage\r\n"s, ""),
      "GET /signoff HTTP/1.1\r\nHost: x\r\nCookie: a=b\r\nX-Long: " + std::string(3000, 'a') + "\r\n\r\n",
      "POST /api/comments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\nContent-Length: 99999\r\n\r\n{",
      "GET / HTTP/1.0\r\n\r\n",
      "BREW /coffee HTCPCP/1.0\r\n\r\n",
      ""};
}

// A ZIP with its members stored uncompressed (method 0), read back as bytes.
std::string stored_zip(const std::filesystem::path& scratch,
                       const std::vector<std::pair<std::string, std::string>>& members) {
  zipFile zip = zipOpen64(scratch.c_str(), APPEND_STATUS_CREATE);
  if (!zip) throw std::runtime_error("cannot write " + scratch.string());
  for (const auto& [name, content] : members) {
    zip_fileinfo info{};
    zipOpenNewFileInZip(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, 0, 0);
    zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zip);
  }
  zipClose(zip, nullptr);
  std::ifstream in(scratch, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(scratch);
  return bytes;
}

// Workbooks as Excel writes them (shared strings, numbers, an error and a boolean cell, inline
// strings), one whose shared strings declare an entity (refused), a zipped GTFS feed, and not a ZIP.
std::vector<std::string> zip_seeds(const std::filesystem::path& scratch) {
  const std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<sheets><sheet name="観光" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>)"
      R"(</Relationships>)";
  const std::string strings =
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<si><t>年度</t></si><si><r><t>観光</t></r><r><t>客数</t></r><rPh sb="0" eb="2"><t>カンコウ</t></rPh></si></sst>)";
  const std::string sheet =
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<dimension ref="A1:C3"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)"
      R"(<row r="2"><c r="A2"><v>2025</v></c><c r="B2"><v>1.5E3</v></c><c r="C2" t="e"><v>#N/A</v></c></row>)"
      R"(<row r="3"><c r="A3" t="inlineStr"><is><t>R7</t></is></c><c r="B3" t="b"><v>1</v></c></row>)"
      R"(</sheetData></worksheet>)";
  const std::string entity =
      R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>)"
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>)";
  return {stored_zip(scratch, {{"xl/workbook.xml", workbook},
                               {"xl/_rels/workbook.xml.rels", rels},
                               {"xl/sharedStrings.xml", strings},
                               {"xl/worksheets/sheet1.xml", sheet}}),
          stored_zip(scratch, {{"xl/workbook.xml", workbook},
                               {"xl/_rels/workbook.xml.rels", rels},
                               {"xl/sharedStrings.xml", entity},
                               {"xl/worksheets/sheet1.xml", sheet}}),
          stored_zip(scratch, {{"feed/trips.txt", "route_id,service_id,trip_id\nR1,S,T1\n"},
                               {"__MACOSX/feed/._trips.txt", "junk"}}),
          stored_zip(scratch, {{"trips.txt", "\xEF\xBB\xBFroute_id,trip_id\r\nR1,T1\r\n"}}), "year,visitors\n2025,1\n"};
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("fuzz_seed_corpus: cannot read " + p.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// sosei.yaml, sources, rules, grading schemes and hub files (config_yaml_kind.hpp): the repository's
// own files under config/, then the mistakes each loader must name — unknown keys, a cron with six
// fields, a scheme without bands, a city code with a wrong check digit, aliases, tags, two documents.
std::vector<std::string> config_seeds() {
  const std::filesystem::path config = std::filesystem::path(SOSEI_SOURCE_DIR) / "config";
  const auto as = [](FuzzConfigKind kind, const std::string& text) {
    return std::string(1, static_cast<char>(kind)) + text;
  };
  std::vector<std::string> seeds = {
      as(FuzzConfigKind::App, file_text(config / "sosei.yaml")),
      as(FuzzConfigKind::Sources, file_text(config / "sources.yaml")),
      as(FuzzConfigKind::Hub, file_text(config / "hub.yaml")),
      as(FuzzConfigKind::App,
         "strategy: strategy.yaml\ngrading: {dir: grading, default: kama}\n"
         "daemon: {max_concurrent: 0, lock_wait: 1y}\ntimezone: Mars/Olympus\n"),
      as(FuzzConfigKind::App, "strategy: /dev/zero\ngrading: {default: kama}\n"),
      as(FuzzConfigKind::App, "database: a\n---\ndatabase: b\n"),
      as(FuzzConfigKind::Sources, "sources:\n  - {id: x, plugin: csv, kpis: [startups], schedule: \"0 0 * * * *\"}\n"),
      as(FuzzConfigKind::Sources, "sources:\n  - &s {id: x, plugin: csv, kpis: [nope]}\n  - *s\n"),
      as(FuzzConfigKind::Rules,
         "rules:\n  - series: tourism/monthly_visitors\n    rules:\n"
         "      - {kind: outlier, threshold: 3.5, min_history: 12}\n      - {kind: unit_slip}\n"
         "  - series: disaster_coverage\n    rules: [{kind: range, min: 0, max: 100, level: error}]\n"),
      as(FuzzConfigKind::Rules, "rules: [{series: startups, rules: [{kind: maxchange, limit: 50%}]}]\n"),
      as(FuzzConfigKind::Rules, "rules: [{series: startups, rules: [{kind: relation, at_most: startups}]}]\n"),
      as(FuzzConfigKind::Grading, "bands: []\n"),
      as(FuzzConfigKind::Grading, "bands: [{symbol: A, min_percent: 1e308}, {symbol: !!binary AAAA}]\n"),
      as(FuzzConfigKind::Hub, "hub: {name: x}\ncities: [{code: \"402274\", name: 嘉麻市}]\n"),
      as(FuzzConfigKind::Hub, "cities: [{code: \"402273\"}]\ngroups: [{name: g, members: [\"999999\"]}]\n"),
      as(FuzzConfigKind::Hub,
         "!custom {a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n"),
  };
  std::vector<std::filesystem::path> schemes;
  for (const auto& e : std::filesystem::directory_iterator(config / "grading"))
    if (e.path().extension() == ".yaml") schemes.push_back(e.path());
  std::sort(schemes.begin(), schemes.end());  // directory order is the filesystem's: keep the seeds stable
  for (const auto& scheme : schemes) seeds.push_back(as(FuzzConfigKind::Grading, file_text(scheme)));
  return seeds;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fuzz_seed_corpus OUT_DIR\n";
    return 2;
  }
  const std::filesystem::path out = argv[1];
  write_all(out / "csv_reader", csv_seeds());
  write_all(out / "notation", notation_seeds());
  write_all(out / "cron", cron_seeds());
  write_all(out / "text_stream", text_seeds());
  write_all(out / "worker_frames", worker_frame_seeds());
  write_all(out / "strategy_yaml", strategy_seeds());
  write_all(out / "xlsx_zip", zip_seeds(out / "scratch.zip"));
  write_all(out / "http_request", http_seeds());
  write_all(out / "config_yaml", config_seeds());
  return 0;
}
