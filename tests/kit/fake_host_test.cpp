// sosei/testing.hpp itself: the fake host serves settings (with declared defaults), in-memory and
// on-disk files, canned HTTP replies and state, and captures emits, rejections and logs.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <array>
#include <filesystem>
#include <fstream>

namespace {

constexpr std::array<sosei_setting_spec, 3> kSettings{{
    {"file", SOSEI_SETTING_PATH, 0, nullptr, "a file"},
    {"url", SOSEI_SETTING_URL, 0, nullptr, "a URL"},
    {"scale", SOSEI_SETTING_INTEGER, 0, "10", "multiplier"},
}};
constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "件", "any"}}};

// Emits one observation per line of its input (each line a number), times `scale`; a line that is
// not a number is rejected; counts its runs in state.
class LinePlugin : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() { return {"lines", "1.0.0", "総合政策課", "test", kSettings, kSeries}; }
  void run(sosei::Context& ctx) override {
    sosei::Input in = ctx.has_setting("url") ? ctx.fetch(*ctx.setting("url")) : ctx.open_file(*ctx.setting("file"));
    std::string text, chunk(7, '\0');  // a tiny buffer: reads span several calls
    for (std::size_t n; (n = in.read(chunk.data(), chunk.size())) > 0;) text.append(chunk, 0, n);
    const std::string name = in.name();  // observations keep views: the name must outlive emit()
    const long long scale = ctx.integer_setting("scale", 1);
    uint64_t line = 0;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t end = text.find('\n', at);
      const std::string row = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
      at = end == std::string::npos ? text.size() : end + 1;
      ++line;
      if (row.empty() || row.find_first_not_of("0123456789") != std::string::npos) {
        ctx.reject(name, line, "not a number: " + row);
        continue;
      }
      sosei::Observation o;
      o.series = "startups";
      o.period = {SOSEI_PERIOD_FISCAL_YEAR, static_cast<int32_t>(2020 + line), 0, 0};
      const std::string route = "R" + std::to_string(line);
      const sosei_dimension dims[] = {sosei::dimension("route", route)};
      o.dimensions = dims;
      o.number = static_cast<double>(std::stoll(row) * scale);
      o.note = "ok";
      o.file = name;
      o.line = line;
      ctx.emit(o);
    }
    ctx.info("read " + std::to_string(line) + " lines");
    ctx.set_state("runs", std::to_string(std::stoi(ctx.state("runs").value_or("0")) + 1));
  }
};

}  // namespace

TEST(FakeHost, ServesAFileAndDefaultsAndCapturesEverything) {
  sosei::testing::FakeHost host;
  host.setting("file", "in.txt").file("in.txt", "1\n2\n3");
  ASSERT_EQ(host.run<LinePlugin>(), SOSEI_OK) << host.error();
  ASSERT_EQ(host.observations().size(), 3u);
  EXPECT_EQ(host.observations()[2].number, 30);  // the declared default scale 10
  EXPECT_EQ(host.observations()[2].dimension("route"), "R3");
  EXPECT_EQ(host.observations()[2].file, "in.txt");
  EXPECT_EQ(host.observations()[2].line, 3u);
  ASSERT_EQ(host.logs().size(), 1u);
  EXPECT_EQ(host.logs()[0].message, "read 3 lines");
  EXPECT_EQ(host.saved_state().at("runs"), "1");
  ASSERT_EQ(host.run<LinePlugin>(), SOSEI_OK);  // state persists between runs of one host
  EXPECT_EQ(host.saved_state().at("runs"), "2");
}

TEST(FakeHost, RejectionsFailOrSkipAsTheSourceWould) {
  sosei::testing::FakeHost host;
  host.setting("file", "in.txt").setting("scale", "1").file("in.txt", "1\nx\n3\n");
  EXPECT_EQ(host.run<LinePlugin>(), SOSEI_ERR_REJECTED);
  EXPECT_EQ(host.observations().size(), 1u);
  EXPECT_EQ(host.error(), "in.txt:2: not a number: x");
  host.skip_bad_rows();
  EXPECT_EQ(host.run<LinePlugin>(), SOSEI_OK);
  EXPECT_EQ(host.observations().size(), 2u);
  EXPECT_EQ(host.rejections().size(), 1u);
}

TEST(FakeHost, CannedHttpRepliesIncludingNotModifiedAndErrors) {
  sosei::testing::FakeHost host;
  const std::string url = "https://example.lg.jp/data.txt";
  host.setting("url", url).http(url, {200, "4\n"});
  ASSERT_EQ(host.run<LinePlugin>(), SOSEI_OK) << host.error();
  EXPECT_EQ(host.observations().at(0).number, 40);
  EXPECT_EQ(host.fetched(), std::vector<std::string>{url});
  host.http(url, {304, ""});
  EXPECT_EQ(host.run<LinePlugin>(), SOSEI_UNCHANGED);
  host.http(url, {503, ""});
  EXPECT_EQ(host.run<LinePlugin>(), SOSEI_ERR_IO);
  EXPECT_NE(host.error().find("503"), std::string::npos);
}

TEST(FakeHost, ReadsUnregisteredFilesFromDiskAndReportsMissingOnes) {
  const auto path = std::filesystem::temp_directory_path() / "sosei-fake-host-test.txt";
  std::ofstream(path) << "5\n";
  sosei::testing::FakeHost host;
  host.setting("file", path.string());
  ASSERT_EQ(host.run<LinePlugin>(), SOSEI_OK) << host.error();
  EXPECT_EQ(host.observations().at(0).number, 50);
  std::filesystem::remove(path);
  EXPECT_EQ(host.run<LinePlugin>(), SOSEI_ERR_IO);
  EXPECT_NE(host.error().find("no such file"), std::string::npos);
}
