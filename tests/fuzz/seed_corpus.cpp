// Writes the fuzz targets' seed corpora (tests/fuzz): the shapes the fixtures and the plugins' tests
// read — a BOM, CRLF, quotes, tabs, full-width digits, eras, statuses, cron forms — one file per input,
// deterministic. usage: fuzz_seed_corpus OUT_DIR  (a folder per target)
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

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
  return 0;
}
