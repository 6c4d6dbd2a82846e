// Members of a ZIP archive that is not a workbook (a zipped GTFS feed) streamed as text: by name, in
// a sub-folder, with the text decoder's BOM and CP932 handling, and the errors that list the members.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"

namespace sosei::input::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kTrips = "route_id,service_id,trip_id\r\nAD,WD,T1\r\nDA,WE,T2";
const std::string kRoutes = "\xEF\xBB\xBFroute_id,route_long_name\n1,山田線\n";

std::string write_feed(const std::string& name) {
  const std::string path = (fixture_dir() / name).string();
  write_zip(path, {{"agency.txt", "agency_id\nKAMA\n"}, {"trips.txt", kTrips}, {"routes.txt", kRoutes}});
  return path;
}

TEST(ZipMemberInput, StreamsTheNamedMemberAsText) {
  const std::string path = write_feed("feed.zip");
  EXPECT_EQ(read_file(path, Encoding::Auto, "trips.txt"), kTrips);
  EXPECT_EQ(read_file(path, Encoding::Auto, "routes.txt", 1), "route_id,route_long_name\n1,山田線\n");
  EXPECT_EQ(read_file(path, Encoding::Auto, "TRIPS.TXT"), kTrips);  // names compare case-insensitively
}

TEST(ZipMemberInput, NamesTheStreamAfterArchiveAndMember) {
  const std::string path = write_feed("named.zip");
  auto stream = open_file(path, Encoding::Auto, "trips.txt");
  EXPECT_EQ(stream->name(), path + "[trips.txt]");
}

TEST(ZipMemberInput, FindsAMemberInsideOneSubFolder) {
  const std::string path = (fixture_dir() / "folder.zip").string();
  write_zip(path, {{"kama_bus/", ""}, {"kama_bus/trips.txt", kTrips}, {"kama_bus/routes.txt", kRoutes}});
  EXPECT_EQ(read_file(path, Encoding::Auto, "trips.txt"), kTrips);
  auto stream = open_file(path, Encoding::Auto, "trips.txt");
  EXPECT_EQ(stream->name(), path + "[kama_bus/trips.txt]");
}

TEST(ZipMemberInput, AmbiguousFileNameInSubFoldersIsAnError) {
  const std::string path = (fixture_dir() / "two.zip").string();
  write_zip(path, {{"a/trips.txt", kTrips}, {"b/trips.txt", kTrips}});
  const std::string message = error_of(path, Encoding::Auto, "trips.txt");
  EXPECT_THAT(message, HasSubstr("more than one"));
  EXPECT_THAT(message, HasSubstr("a/trips.txt, b/trips.txt"));
}

TEST(ZipMemberInput, Cp932MemberIsConverted) {
  const std::string path = (fixture_dir() / "sjis.zip").string();
  write_zip(path, {{"daily.csv", to_cp932("date,route,boardings\n2025-04-01,山田線,12\n")}});
  EXPECT_EQ(read_file(path, Encoding::Auto, "daily.csv"), "date,route,boardings\n2025-04-01,山田線,12\n");
  EXPECT_EQ(read_file(path, Encoding::Cp932, "daily.csv"), "date,route,boardings\n2025-04-01,山田線,12\n");
}

TEST(ZipMemberInput, UnknownMemberListsTheMembers) {
  const std::string path = write_feed("unknown.zip");
  const std::string message = error_of(path, Encoding::Auto, "board_alight.txt");
  EXPECT_THAT(message, HasSubstr(path));
  EXPECT_THAT(message, HasSubstr("no member board_alight.txt"));
  EXPECT_THAT(message, HasSubstr("agency.txt, trips.txt, routes.txt"));
}

TEST(ZipMemberInput, NoMemberNamedListsTheMembers) {
  const std::string path = write_feed("unnamed.zip");
  const std::string message = error_of(path, Encoding::Auto);
  EXPECT_THAT(message, HasSubstr("not an Excel workbook"));
  EXPECT_THAT(message, HasSubstr("name the member"));
  EXPECT_THAT(message, HasSubstr("agency.txt, trips.txt, routes.txt"));
}

TEST(ZipMemberInput, BinaryStillGivesTheArchiveBytes) {
  const std::string path = write_feed("binary.zip");
  const std::string bytes = read_file(path, Encoding::Binary, "trips.txt");
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  EXPECT_THAT(bytes, Not(HasSubstr("AD,WD,T1")));  // the members are deflated
}

TEST(ZipMemberInput, LargeMemberStreamsInPieces) {
  std::string big = "trip_id,boardings\n";
  for (int i = 0; i < 50000; ++i) big += "T" + std::to_string(i) + "," + std::to_string(i % 40) + "\n";
  const std::string path = (fixture_dir() / "big.zip").string();
  write_zip(path, {{"board_alight.txt", big}});
  EXPECT_EQ(read_file(path, Encoding::Auto, "board_alight.txt", 1000), big);
}

}  // namespace
}  // namespace sosei::input::test
