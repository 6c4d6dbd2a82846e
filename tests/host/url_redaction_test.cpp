// Credentials in a fetched URL's query (e-Stat's appId) are masked wherever the host shows the URL.
#include "host/url_redaction.hpp"

#include <gtest/gtest.h>

using sosei::host::redact_url;
using sosei::host::redact_url_in;

TEST(UrlRedaction, MasksCredentialParametersOnly) {
  EXPECT_EQ(
      redact_url("https://api.e-stat.go.jp/rest/3.0/app/json/getStatsData?appId=abc123&statsDataId=0003&cdArea=40227"),
      "https://api.e-stat.go.jp/rest/3.0/app/json/getStatsData?appId=***&statsDataId=0003&cdArea=40227");
  EXPECT_EQ(redact_url("http://h/x?a=1&API_KEY=s&token=t&key=k#frag"),
            "http://h/x?a=1&API_KEY=***&token=***&key=***#frag");
  EXPECT_EQ(redact_url("http://h/x?monkey=1&keys=2&appId="), "http://h/x?monkey=1&keys=2&appId=");
  EXPECT_EQ(redact_url("http://h/data.csv"), "http://h/data.csv");
}

TEST(UrlRedaction, ReplacesTheUrlInAMessage) {
  const std::string url = "http://127.0.0.1:1/getStatsData?appId=SECRET&statsDataId=1";
  EXPECT_EQ(redact_url_in(url + ": Couldn't connect to server after 3 tries (" + url + ")", url),
            "http://127.0.0.1:1/getStatsData?appId=***&statsDataId=1: Couldn't connect to server after 3 tries "
            "(http://127.0.0.1:1/getStatsData?appId=***&statsDataId=1)");
  EXPECT_EQ(redact_url_in("plain message", url), "plain message");
}
