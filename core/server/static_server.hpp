// StaticServer: the HTTP/1.1 file server behind `terrarium serve` (native only).
// It serves the built playground from one root directory with the headers that
// make the page cross-origin isolated (SharedArrayBuffer, hence pthreads in wasm).
// It owns sockets, the worker pool and path safety; it knows nothing about the
// interpreter, and it does no WebSocket or /metrics (those belong elsewhere).
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace terrarium::server {

struct StaticServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;          // 0 = pick a free port (tests)
  std::filesystem::path root;          // the built web app (index.html at its top)
  bool cross_origin_isolation = true;  // send COOP/COEP (false: for pages that are not
                                       // isolated, e.g. slides embedding us)
};

class StaticServer {
 public:
  explicit StaticServer(StaticServerOptions options);
  ~StaticServer();  // stops, and waits for a run() on another thread to return
  StaticServer(const StaticServer&) = delete;
  StaticServer& operator=(const StaticServer&) = delete;

  // Checks the root, binds and listens. On failure returns false and sets
  // error() to one line, e.g. "cannot listen on 127.0.0.1:8080: address already in use".
  [[nodiscard]] bool start();
  unsigned short port() const;  // the bound port (useful with port 0)
  const std::string& error() const;

  // Serves on the calling thread plus a small worker pool until stop().
  void run();
  // Thread-safe; makes run() return (also when called before run() starts).
  void stop();

 private:
  struct Impl;  // Asio/Beast stay out of this header: the CLI need not compile them
  std::unique_ptr<Impl> impl_;
  std::string error_;
  unsigned short bound_port_ = 0;
  bool started_ = false;

  // run() on another thread must finish before the destructor frees impl_.
  std::mutex running_mutex_;
  std::condition_variable running_changed_;
  bool running_ = false;
};

// What `terrarium serve` calls: starts, prints the URL to stdout, serves until
// SIGINT/SIGTERM and returns 0; if start() fails, prints
// "terrarium serve: <error>" to stderr and returns 1.
int serve_until_signalled(const StaticServerOptions& options);

}  // namespace terrarium::server
