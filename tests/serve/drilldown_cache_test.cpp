// The dashboard's drill-downs are summed by the store and kept between requests while nothing changed
// (LiveData, Store::data_version): a run that ends — another process's import here — shows on the
// next page, never a stale table.
#include <gtest/gtest.h>

#include "serve_fixture.hpp"
#include "store/store.hpp"

namespace sosei::serve::test {
namespace {

// Another process's import of startups by route: one committed run.
void import_routes(const std::filesystem::path& database, double r1, double r2) {
  auto store = store::open_store({.location = database.string()});
  auto run = store->begin_import({"kama_csv", "csv", "0"});
  for (const auto& [route, value] : {std::pair{"R1", r1}, std::pair{"R2", r2}}) {
    store::ObservationData data;
    data.value = Value::of(value);
    run->put({"startups", Period::fiscal_year(2025), {{"route", route}}}, data);
  }
  run->commit();
}

std::string page(httplib::Client client) {
  auto r = client.Get("/");
  EXPECT_TRUE(r);
  return r ? r->body : "";
}

TEST_F(ServeTest, ADrillDownShowsTheNewSumsAfterARunEndsAndTheSameOnesMeanwhile) {
  import_routes(database_, 1111, 2222);
  start();
  const std::string first = page(client());
  EXPECT_NE(first.find("data-series=\"startups\""), std::string::npos);
  EXPECT_NE(first.find("2,222"), std::string::npos);
  EXPECT_EQ(page(client()), first);  // nothing changed: the same page

  import_routes(database_, 1111, 98765);
  const std::string second = page(client());
  EXPECT_NE(second.find("98,765"), std::string::npos);
  EXPECT_EQ(second.find("2,222"), std::string::npos);
}

}  // namespace
}  // namespace sosei::serve::test
