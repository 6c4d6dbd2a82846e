// The load test of issue 18 §2: CLIENTS concurrent keep-alive clients send a fixed number of GET
// requests, spread evenly over the paths, to a running `sosei serve` on loopback, and the latency of
// each is timed from sending to the whole body received. Prints one line per path and one for all:
//   path <TAB> requests <TAB> errors <TAB> p50 ms <TAB> p99 ms <TAB> max ms <TAB> bytes of the last reply
// An error is a transport failure or any status but 200. Exit 1 when a request could not be sent at all.
//   bench_serve_load --port P [--clients 16] [--requests 3000] PATH…
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Sample {
  std::size_t path = 0;
  double ms = 0;
  bool ok = false;
  std::size_t bytes = 0;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(rank, v.size() - 1)];
}

void print(const std::string& name, const std::vector<Sample>& samples, std::size_t bytes) {
  std::vector<double> ms;
  std::size_t errors = 0;
  for (const Sample& s : samples) {
    ms.push_back(s.ms);
    errors += s.ok ? 0 : 1;
  }
  std::printf("%s\t%zu\t%zu\t%.2f\t%.2f\t%.2f\t%zu\n", name.c_str(), samples.size(), errors, percentile(ms, 0.50),
              percentile(ms, 0.99), ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()), bytes);
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0, clients = 16, requests = 3000;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--port" && i + 1 < argc)
      port = std::atoi(argv[++i]);
    else if (a == "--clients" && i + 1 < argc)
      clients = std::atoi(argv[++i]);
    else if (a == "--requests" && i + 1 < argc)
      requests = std::atoi(argv[++i]);
    else
      paths.push_back(a);
  }
  if (port <= 0 || clients <= 0 || requests <= 0 || paths.empty()) {
    std::fprintf(stderr, "usage: bench_serve_load --port P [--clients 16] [--requests 3000] PATH…\n");
    return 2;
  }
  std::atomic<int> next{0};
  std::mutex mutex;
  std::vector<Sample> samples;
  samples.reserve(static_cast<std::size_t>(requests));
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_read_timeout(60, 0);
      std::vector<Sample> mine;
      for (int n; (n = next.fetch_add(1)) < requests;) {
        Sample s;
        s.path = static_cast<std::size_t>(n) % paths.size();
        const auto start = std::chrono::steady_clock::now();
        const auto r = client.Get(paths[s.path]);
        s.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        s.ok = r && r->status == 200;
        s.bytes = r ? r->body.size() : 0;
        mine.push_back(s);
      }
      const std::lock_guard<std::mutex> lock(mutex);
      samples.insert(samples.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t p = 0; p < paths.size(); ++p) {
    std::vector<Sample> of_path;
    std::size_t bytes = 0;
    for (const Sample& s : samples)
      if (s.path == p) {
        of_path.push_back(s);
        bytes = s.bytes;
      }
    print(paths[p], of_path, bytes);
  }
  print("all", samples, 0);
  return 0;
}
