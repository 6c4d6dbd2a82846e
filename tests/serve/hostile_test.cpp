// What a hostile client sends to `sosei serve` (issue 18 §2): tokens where they must not be or with
// bytes after them, bodies that are too large, too deep or not UTF-8, headers and URLs without end,
// paths out of the tree, markup in every text an entry carries, and the headers every answer needs.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "raw_client.hpp"
#include "serve/api_token.hpp"
#include "serve/http_error.hpp"
#include "serve/json_depth.hpp"
#include "serve_fixture.hpp"

namespace sosei::serve::test {
namespace {

using nlohmann::json;

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string entry(const std::string& kpi, const std::string& period, const std::string& value,
                  const std::string& note = "") {
  return json{{"kpi", kpi}, {"period", period}, {"value", value}, {"note", note}}.dump();
}

// A POST /api/entries as raw bytes: the header exactly as given.
std::string raw_entry(const std::string& authorization, const std::string& body) {
  return "POST /api/entries HTTP/1.1\r\nHost: x\r\nAuthorization: " + authorization +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string round_trip(int port, const std::string& request) {
  RawConnection c(port);
  EXPECT_GE(c.fd(), 0);
  c.send(request);
  return c.response();
}

std::size_t hand_runs(const std::filesystem::path& database) {
  std::size_t n = 0;
  for (const auto& r : store::open_store({database.string()})->runs()) n += r.source.starts_with("hand:");
  return n;
}

// Everything the server logs while it lives, at every level.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    auto logger = std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(out_));
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

// ---- found by hand (issue 18 §2) -----------------------------------------------------------------

TEST(Tokens, TheBearerTokenIsTheWholeRestOfTheHeader) {
  const std::string with_nul("Bearer sosei_abc\0garbage", 24);
  EXPECT_EQ(bearer_token(with_nul), std::string("sosei_abc\0garbage", 17));
}

TEST_F(ServeTest, ATokenFollowedByANulByteAndGarbageIsRefused) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  const std::string body = entry("startups", "R8", "9件");
  const std::string refused = round_trip(port_, raw_entry("Bearer " + token + std::string(1, '\0') + "garbage", body));
  EXPECT_EQ(status_of(refused), 401) << refused;
  EXPECT_EQ(hand_runs(database_), 0u);
  EXPECT_EQ(status_of(round_trip(port_, raw_entry("Bearer " + token + std::string(1, '\0'), body))), 401);
  // Two Authorization headers: neither is taken.
  const std::string twice = "POST /api/entries HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                            "\r\nAuthorization: Bearer " + token +
                            "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  EXPECT_EQ(status_of(round_trip(port_, twice)), 401);
  // The same header without the NUL is the token.
  EXPECT_EQ(status_of(round_trip(port_, raw_entry("Bearer " + token, body))), 201);
}

TEST_F(ServeTest, ATokenInTheQueryStringIsRefusedAndNeverLogged) {
  const std::string token = add_token(database_, "総合政策課");
  LogCapture log;
  start();
  // The HTML form with the token in the URL instead of its field: refused, nothing entered.
  auto form =
      client().Post("/entry?token=" + token, "kpi=groups&period=R8&value=5", "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 400);
  EXPECT_NE(form->body.find("トークンを URL に含めないでください"), std::string::npos) << form->body;
  EXPECT_EQ(form->body.find(token), std::string::npos);
  // Not even beside a valid header, in any spelling, on any route.
  EXPECT_EQ(
      client()
          .Post("/api/entries?access_token=" + token, bearer(token), entry("groups", "R8", "5組織"), "application/json")
          ->status,
      400);
  auto api = client().Get("/api/kpis?TOKEN=" + token);
  EXPECT_EQ(api->status, 400);
  EXPECT_NE(json::parse(api->body)["error"].get<std::string>().find("Authorization: Bearer"), std::string::npos);
  EXPECT_EQ(hand_runs(database_), 0u);
  // The form's own field still works, with ?lang in the URL.
  auto ok = client().Post("/entry?lang=en", "kpi=groups&period=R8&value=5&token=" + token,
                          "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(hand_runs(database_), 1u);
  server_->stop();
  thread_.join();
  EXPECT_EQ(log.text().find(token), std::string::npos) << log.text();
}

TEST_F(ServeTest, InvalidUtf8IsA400NotA500) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  for (const std::string& body :
       {std::string("{\"kpi\": \"\xff\xfe\", \"period\": \"R8\", \"value\": \"1\"}"),
        std::string("{\"kpi\": \"startups\", \"period\": \"R8\", \"value\": \"1\", \"note\": \"\xc3\"}"),
        std::string("\xef\xbb\xbf\xff{")}) {
    auto r = client().Post("/api/entries", bearer(token), body, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body;
    EXPECT_TRUE(json::parse(r->body)["error"].is_string());  // the answer itself is valid UTF-8 JSON
  }
  auto comment = client().Post("/api/comments", bearer(token), "{\"kpi\": \"\xff\"", "application/json");
  EXPECT_EQ(comment->status, 400) << comment->body;
  auto path = client().Get("/api/kpis/%FF%FE");
  EXPECT_EQ(path->status, 404) << path->body;
  EXPECT_TRUE(json::parse(path->body)["error"].is_string());
}

// Sends up to 100 MiB of chunked body in 64 KiB chunks until the server answers; the bytes sent.
std::size_t send_endless_chunks(RawConnection& c, const std::string& head) {
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
  std::size_t sent = 0;
  if (!c.send(head)) return sent;
  while (sent < (std::size_t{100} << 20) && !c.readable(std::chrono::milliseconds(0)) && c.send(chunk))
    sent += chunk.size();
  return sent;
}

TEST_F(ServeTest, AnEndlessChunkedBodyIsRefusedAtTheLimit) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  RawConnection c(port_);
  const std::size_t sent =
      send_endless_chunks(c, "POST /api/entries HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                                 "\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                                 "chunked\r\n\r\n");
  const std::string response = c.response();
  EXPECT_EQ(status_of(response), 413) << response.substr(0, 300);
  EXPECT_NE(body_of(response).find("バイトを超えています"), std::string::npos);
  // The server stopped reading at its limit (64 KiB): what was sent beyond sits in socket buffers.
  EXPECT_LT(sent, std::size_t{32} << 20);
  EXPECT_EQ(hand_runs(database_), 0u);
  // The form route too, where httplib would parse the whole body as fields.
  RawConnection form(port_);
  send_endless_chunks(form,
                      "POST /entry HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
  EXPECT_EQ(status_of(form.response()), 413);
  EXPECT_EQ(client().Get("/api/kpis")->status, 200);  // and it serves on
}

TEST_F(ServeTest, ADeclaredHugeBodyIsRefusedWithoutReadingIt) {
  start();
  RawConnection c(port_);
  c.send("POST /api/entries HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n" + std::string(4096, 'x'));
  const std::string response = c.response();
  EXPECT_EQ(status_of(response), 413) << response;
}

// A PUT, POST or DELETE whose head declares no body (no Content-Length, no Transfer-Encoding: curl -X
// PUT) has none, as HTTP/1.1 says: answered at once, not after the request timeout (10 s, 408), and
// the connection serves on. The bound below is half the request timeout, so a wait for it would fail.
TEST_F(ServeTest, AWriteWithoutABodyIsAnsweredAtOnce) {
  start();
  RawConnection c(port_);
  for (const char* request : {"PUT / HTTP/1.1\r\nHost: x\r\n\r\n", "DELETE /api/kpis HTTP/1.1\r\nHost: x\r\n\r\n",
                              "POST /api/entries HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    c.send(request);
    const std::string response = c.response(std::chrono::seconds(5));
    const int status = status_of(response);
    EXPECT_TRUE(status == 401 || status == 404 || status == 405) << request << "\n" << response.substr(0, 300);
  }
  RawConnection get(port_);
  get.send("GET /api/kpis HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(get.response(std::chrono::seconds(5))), 200);
}

// ---- what a hostile client tries -----------------------------------------------------------------

TEST_F(ServeTest, EveryWritingRouteRefusesMissingWrongRevokedAndForeignTokens) {
  const std::string industry = add_token(database_, "産業振興課");
  const std::string policy = add_token(database_, "総合政策課");
  const std::string revoked = add_token(database_, "産業振興課");
  store::open_store({database_.string()})->revoke_token(3);
  start();
  const std::string comment = json{{"kpi", "startups"}, {"year", "R7"}, {"kind", "why"}, {"text", "x"}}.dump();
  const std::string signoff = json{{"kpi", "startups"}, {"period", "R7"}}.dump();
  const std::vector<std::pair<std::string, std::string>> routes = {{"/api/entries", entry("startups", "R8", "9件")},
                                                                   {"/api/comments", comment},
                                                                   {"/api/signoff/submit", signoff},
                                                                   {"/api/flags/1/resolve", R"({"note": "x"})"}};
  for (const auto& [path, body] : routes) {
    EXPECT_EQ(client().Post(path, body, "application/json")->status, 401) << path;
    EXPECT_EQ(client().Post(path, bearer("sosei_not-a-token"), body, "application/json")->status, 401) << path;
    EXPECT_EQ(client().Post(path, bearer(revoked), body, "application/json")->status, 401) << path;
    EXPECT_EQ(client().Post(path, {{"Authorization", "Basic " + industry}}, body, "application/json")->status, 401)
        << path;
  }
  EXPECT_EQ(client().Post("/api/entries", bearer(policy), entry("startups", "R8", "9件"), "application/json")->status,
            403);
  EXPECT_EQ(client().Post("/api/comments", bearer(policy), comment, "application/json")->status, 403);
  for (const char* path : {"/entry", "/signoff/step", "/signoff/comment"}) {
    const std::string fields = "kpi=startups&period=R8&value=9&year=R7&kind=why&text=x&step=submit";
    EXPECT_EQ(client().Post(path, fields, "application/x-www-form-urlencoded")->status, 401) << path;
    EXPECT_EQ(client().Post(path, fields + "&token=sosei_wrong", "application/x-www-form-urlencoded")->status, 401)
        << path;
    EXPECT_EQ(client().Post(path, fields + "&token=" + revoked, "application/x-www-form-urlencoded")->status, 401)
        << path;
  }
  EXPECT_EQ(hand_runs(database_), 0u);
}

TEST_F(ServeTest, LongHeadersAndUrlsAreRefusedAndTheServerGoesOn) {
  start();
  const std::string long_line = "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(200 * 1024, 'a') + "\r\n\r\n";
  EXPECT_EQ(status_of(round_trip(port_, long_line)), 431);
  std::string many = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 5000; ++i) many += "X-H" + std::to_string(i) + ": " + std::string(40, 'b') + "\r\n";
  EXPECT_EQ(status_of(round_trip(port_, many + "\r\n")), 431);
  EXPECT_EQ(status_of(round_trip(port_, "GET /" + std::string(10 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n")), 414);
  EXPECT_EQ(status_of(round_trip(port_, "GET /?" + std::string(200 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n")),
            414);
  EXPECT_EQ(status_of(round_trip(port_, "NONSENSE\r\n\r\n")), 400);
  const std::string refused = round_trip(port_, long_line);
  EXPECT_NE(body_of(refused).find("ヘッダーが"), std::string::npos) << refused.substr(0, 400);
  EXPECT_EQ(client().Get("/api/kpis")->status, 200);
}

TEST(JsonDepth, BracketsInStringsDoNotCount) {
  EXPECT_NO_THROW(
      check_json_depth(R"({"note": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"{{{{{{{{{{{{{{{{{{{{{"})", text::Lang::Ja));
  EXPECT_NO_THROW(check_json_depth(std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']'), text::Lang::Ja));
  EXPECT_THROW(check_json_depth(std::string(kMaxJsonDepth + 1, '['), text::Lang::Ja), HttpError);
  EXPECT_THROW(check_json_depth("{\"a\": " + std::string(kMaxJsonDepth, '{'), text::Lang::Ja), HttpError);
}

TEST_F(ServeTest, DeeplyNestedJsonIsA400) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  const std::string deep = std::string(20000, '[') + std::string(20000, ']');
  const std::string deep_note = R"({"kpi": "startups", "period": "R8", "value": "1", "note": )" + deep + "}";
  for (const std::string path : {"/api/entries", "/api/comments", "/api/signoff/submit", "/api/flags/1/resolve"}) {
    for (const std::string& body : {deep, deep_note}) {
      auto r = client().Post(path, bearer(token), body, "application/json");
      ASSERT_TRUE(r) << path;
      EXPECT_EQ(r->status, 400) << path;
      EXPECT_NE(json::parse(r->body)["error"].get<std::string>().find("入れ子が深すぎます"), std::string::npos)
          << path << ": " << r->body;
    }
  }
}

TEST_F(ServeTest, PathsOutOfTheTreeFindNothing) {
  start();
  for (const std::string path :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..\\..\\..\\etc\\passwd", "/%5c..%5c..%5cetc%5cpasswd", "/api/kpis/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/runs/../../etc/passwd", "/entry/../../../etc/passwd", "/api/kpis/startups/..%2f..%2f..%2fsosei.yaml",
        "/?scheme=../../../../etc/passwd", "/api/evaluation?scheme=..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/evaluation?scheme=..%5C..%5Cetc%5Cpasswd"}) {
    const std::string response = round_trip(port_, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const int status = status_of(response);
    EXPECT_TRUE(status == 400 || status == 404) << path << " → " << status;
    EXPECT_EQ(response.find("root:"), std::string::npos) << path;
    EXPECT_EQ(response.find("database:"), std::string::npos) << path;
  }
}

TEST_F(ServeTest, MarkupInEveryTextOfAnEntryIsShownEscaped) {
  const std::string industry = add_token(database_, "産業振興課");
  const std::string policy = add_token(database_, "総合政策課", store::TokenRole::Policy);
  start();
  const std::string evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
  auto post = [&](const std::string& path, const std::string& token, const json& body) {
    auto r = client().Post(path, bearer(token), body.dump(), "application/json");
    EXPECT_TRUE(r && r->status < 300) << path << ": " << (r ? r->body : "");
  };
  post("/api/entries", industry, json{{"kpi", "evil"}, {"period", "R7"}, {"value", "3件"}, {"note", evil}});
  post("/api/comments", industry, json{{"kpi", "startups"}, {"year", "R7"}, {"kind", "why"}, {"text", evil}});
  post("/api/comments", industry, json{{"kpi", "startups"}, {"year", "R7"}, {"kind", "next"}, {"text", evil}});
  post("/api/comments", policy, json{{"kpi", "startups"}, {"year", "R7"}, {"kind", "committee"}, {"text", evil}});
  post("/api/signoff/submit", industry, json{{"kpi", "startups"}, {"period", "R7"}});
  post("/api/signoff/approve", policy, json{{"kpi", "startups"}, {"period", "R7"}});
  post("/api/signoff/unlock", policy, json{{"kpi", "startups"}, {"period", "R7"}, {"reason", evil}});
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;";
  // The dashboard is the HTML report (report::html_report) of the live data.
  for (const std::string page : {"/", "/?lang=en", "/?approved_only=1"}) {
    const std::string html = client().Get(page)->body;
    EXPECT_EQ(html.find("<script>alert"), std::string::npos) << page;
    EXPECT_EQ(html.find("<img src=x"), std::string::npos) << page;
    EXPECT_NE(html.find(escaped), std::string::npos) << page;  // the note and comments are on the page
  }
  // What a form echoes back after a refusal: every field.
  for (const std::string path : {"/entry", "/signoff/step", "/signoff/comment"}) {
    const std::string e = httplib::detail::encode_query_param(evil);
    auto r = client().Post(path,
                           "kpi=" + e + "&period=" + e + "&value=" + e + "&note=" + e + "&year=" + e + "&kind=" + e +
                               "&text=" + e + "&reason=" + e + "&step=submit&token=" + industry,
                           "application/x-www-form-urlencoded");
    ASSERT_TRUE(r);
    EXPECT_GE(r->status, 400) << path;
    EXPECT_EQ(r->body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("<img src=x"), std::string::npos) << path;
  }
}

TEST_F(ServeTest, EveryAnswerCarriesTheHeadersADashboardNeeds) {
  const std::string token = add_token(database_, "産業振興課");
  start();
  auto check = [](const httplib::Result& r, const std::string& what, bool html) {
    ASSERT_TRUE(r) << what;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store") << what;
    if (html) {
      const std::string csp = r->get_header_value("Content-Security-Policy");
      EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what;
      EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << what;
    }
  };
  check(client().Get("/"), "/", true);
  check(client().Get("/entry"), "/entry", true);
  check(client().Get("/signoff"), "/signoff", true);
  check(client().Get("/nothing"), "404 page", true);
  check(client().Get("/api/kpis"), "/api/kpis", false);
  check(client().Get("/metrics"), "/metrics", false);
  // Authenticated answers, accepted and refused.
  check(client().Post("/api/entries", bearer(token), entry("startups", "R8", "9件"), "application/json"), "201", false);
  check(client().Post("/api/entries", bearer("sosei_x"), entry("startups", "R8", "9件"), "application/json"), "401",
        false);
  check(client().Post("/entry", "kpi=startups&period=R8&value=10&token=" + token, "application/x-www-form-urlencoded"),
        "form", true);
  check(client().Post("/api/entries", bearer(token), std::string(70 * 1024, ' '), "application/json"), "413", false);
}

}  // namespace
}  // namespace sosei::serve::test
