// Tests for core/server/static_server: a real server on a free port, serving a
// temporary web root, probed with a synchronous Beast client. Covers content
// types, the isolation headers, HEAD, errors, path traversal and clean shutdown.
#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "server/static_server.hpp"

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace fs = std::filesystem;
using tcp = net::ip::tcp;
using terrarium::server::StaticServer;
using terrarium::server::StaticServerOptions;

const std::string kIndex = "<!doctype html><title>Terrarium</title>";
const std::string kSecret = "TOP-SECRET outside the web root";

void write_file(const fs::path& path, const std::string& contents) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

// A throwaway directory: <tmp>/site is the web root, <tmp>/secret.txt sits
// just outside it so traversal attempts have something to leak.
struct TempSite {
  TempSite() {
    std::random_device random;
    dir = fs::temp_directory_path() / ("terrarium-server-test-" + std::to_string(random()));
    root = dir / "site";
    write_file(root / "index.html", kIndex);
    write_file(root / "app.js", "console.log('hi');\n");
    write_file(root / "core.wasm", std::string("\0asm\1\0\0\0", 8));
    write_file(root / "sub" / "index.html", "sub index");
    write_file(root / "with space.txt", "spaced");
    write_file(root / "big.bin", std::string(3 * 1024 * 1024, 'x'));
    write_file(dir / "secret.txt", kSecret);
    fs::create_symlink(dir / "secret.txt", root / "escape.txt");
  }
  ~TempSite() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  fs::path dir;
  fs::path root;
};

// A started server running on its own thread; stops and joins on scope exit.
struct RunningServer {
  explicit RunningServer(const fs::path& root, bool isolation = true)
      : server(StaticServerOptions{"127.0.0.1", 0, root, isolation}) {
    REQUIRE(server.start());
    REQUIRE(server.port() != 0);
    thread = std::thread([this] { server.run(); });
  }
  ~RunningServer() {
    server.stop();
    thread.join();
  }
  StaticServer server;
  std::thread thread;
};

struct Reply {
  http::response<http::string_body> message;
  int status() const { return static_cast<int>(message.result_int()); }
  std::string header(beast::string_view name) const { return std::string(message[name]); }
  const std::string& body() const { return message.body(); }
};

tcp::socket connect_to(net::io_context& ioc, unsigned short port) {
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  return socket;
}

Reply exchange(tcp::socket& socket, beast::flat_buffer& buffer, http::verb method, const std::string& target) {
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, "127.0.0.1");
  req.prepare_payload();
  http::write(socket, req);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(method == http::verb::head);  // a HEAD reply has a length but no body
  http::read(socket, buffer, parser);
  return Reply{parser.release()};
}

Reply request(unsigned short port, http::verb method, const std::string& target) {
  net::io_context ioc;
  tcp::socket socket = connect_to(ioc, port);
  beast::flat_buffer buffer;
  return exchange(socket, buffer, method, target);
}

Reply get(unsigned short port, const std::string& target) { return request(port, http::verb::get, target); }

// Sends raw bytes and returns everything the server says until it closes.
std::string raw_exchange(unsigned short port, const std::string& bytes) {
  net::io_context ioc;
  tcp::socket socket = connect_to(ioc, port);
  net::write(socket, net::buffer(bytes));
  std::string reply;
  beast::error_code ec;
  net::read(socket, net::dynamic_buffer(reply), ec);  // until EOF (or reset)
  return reply;
}

}  // namespace

TEST_CASE("static server serves files with the right types and headers", "[server]") {
  TempSite site;
  RunningServer running(site.root);
  const unsigned short port = running.server.port();

  SECTION("/ serves index.html, cross-origin isolated") {
    Reply r = get(port, "/");
    CHECK(r.status() == 200);
    CHECK_THAT(r.header("Content-Type"), Catch::StartsWith("text/html"));
    CHECK(r.body() == kIndex);
    CHECK(r.header("Content-Length") == std::to_string(kIndex.size()));
    CHECK(r.header("Cross-Origin-Opener-Policy") == "same-origin");
    CHECK(r.header("Cross-Origin-Embedder-Policy") == "require-corp");
    CHECK(r.header("Cross-Origin-Resource-Policy") == "same-origin");
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Cache-Control") == "no-cache");
  }
  SECTION("content types by extension") {
    CHECK(get(port, "/core.wasm").header("Content-Type") == "application/wasm");
    CHECK(get(port, "/core.wasm").body() == std::string("\0asm\1\0\0\0", 8));
    CHECK_THAT(get(port, "/app.js").header("Content-Type"), Catch::StartsWith("text/javascript"));
    CHECK(get(port, "/big.bin").header("Content-Type") == "application/octet-stream");
  }
  SECTION("HEAD has Content-Length and no body") {
    Reply r = request(port, http::verb::head, "/index.html");
    CHECK(r.status() == 200);
    CHECK(r.header("Content-Length") == std::to_string(kIndex.size()));
    CHECK(r.body().empty());
  }
  SECTION("query strings are ignored and paths are percent-decoded") {
    CHECK(get(port, "/app.js?v=3").status() == 200);
    CHECK(get(port, "/with%20space.txt").body() == "spaced");
    CHECK(get(port, "/%61pp.js").status() == 200);
  }
  SECTION("directories serve index.html; without the slash they redirect") {
    CHECK(get(port, "/sub/").body() == "sub index");
    Reply r = get(port, "/sub?x=1");
    CHECK(r.status() == 301);
    CHECK(r.header("Location") == "/sub/?x=1");
    CHECK(get(port, "//sub").header("Location") == "/sub/");  // never "//sub/": another host
  }
  SECTION("a missing file is 404 with a small text body and the usual headers") {
    Reply r = get(port, "/nope.js");
    CHECK(r.status() == 404);
    CHECK_FALSE(r.body().empty());
    CHECK_THAT(r.header("Content-Type"), Catch::StartsWith("text/plain"));
    CHECK(r.header("Cross-Origin-Embedder-Policy") == "require-corp");
  }
  SECTION("other methods are 405") {
    Reply r = request(port, http::verb::post, "/");
    CHECK(r.status() == 405);
    CHECK(r.header("Allow") == "GET, HEAD");
    CHECK(request(port, http::verb::delete_, "/index.html").status() == 405);
  }
  SECTION("paths never escape the root") {
    for (const std::string target :
         {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/%2E%2E/etc/passwd", "/../secret.txt",
          "/%2e%2e/secret.txt", "/sub/..%2f..%2fsecret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "//etc/passwd",
          "/etc/passwd", "/escape.txt", "/%00", "/%zz", "/%", "*", "http://example.com/../secret.txt"}) {
      INFO(target);
      Reply r = get(port, target);
      CHECK(r.status() != 200);
      CHECK(r.body().find("root:") == std::string::npos);
      CHECK(r.body().find("TOP-SECRET") == std::string::npos);
    }
  }
  SECTION("keep-alive: several requests on one connection") {
    net::io_context ioc;
    tcp::socket socket = connect_to(ioc, port);
    beast::flat_buffer buffer;
    CHECK(exchange(socket, buffer, http::verb::get, "/").body() == kIndex);
    CHECK(exchange(socket, buffer, http::verb::head, "/app.js").status() == 200);
    CHECK(exchange(socket, buffer, http::verb::get, "/nope").status() == 404);
    CHECK(exchange(socket, buffer, http::verb::get, "/big.bin").body().size() == 3 * 1024 * 1024);
  }
  SECTION("many concurrent clients") {
    std::vector<std::thread> clients;
    std::vector<int> ok(12, 0);
    for (std::size_t i = 0; i < ok.size(); ++i) {
      clients.emplace_back([&, i] {
        for (int j = 0; j < 5; ++j) ok[i] += get(port, j % 2 ? "/core.wasm" : "/big.bin").status() == 200;
      });
    }
    for (std::thread& client : clients) client.join();
    for (int count : ok) CHECK(count == 5);
  }
  SECTION("malformed requests, huge headers and early disconnects do not hurt") {
    CHECK_THAT(raw_exchange(port, "NONSENSE\r\n\r\n"), Catch::StartsWith("HTTP/1.1 400"));
    std::string huge = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n";
    CHECK_THAT(raw_exchange(port, huge), Catch::StartsWith("HTTP/1.1 431"));
    {
      net::io_context ioc;
      tcp::socket socket = connect_to(ioc, port);
      net::write(socket, net::buffer(std::string("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")));
    }  // hang up without reading the 3 MB
    {
      net::io_context ioc;
      tcp::socket socket = connect_to(ioc, port);
      net::write(socket, net::buffer(std::string("GET /ind")));
    }  // hang up mid-request
    CHECK(get(port, "/").body() == kIndex);
  }
  SECTION("stopping with an idle connection open does not hang") {
    net::io_context ioc;
    tcp::socket idle = connect_to(ioc, port);
    CHECK(get(port, "/").status() == 200);
  }  // RunningServer's destructor stops and joins while `idle` is still open
}

TEST_CASE("static server without cross-origin isolation", "[server]") {
  TempSite site;
  RunningServer running(site.root, false);
  Reply r = get(running.server.port(), "/");
  CHECK(r.status() == 200);
  CHECK(r.header("Cross-Origin-Opener-Policy").empty());
  CHECK(r.header("Cross-Origin-Embedder-Policy").empty());
  CHECK(r.header("Cross-Origin-Resource-Policy") == "same-origin");
}

TEST_CASE("static server start() failures are one clear line", "[server]") {
  TempSite site;
  SECTION("port already in use") {
    RunningServer first(site.root);
    StaticServer second(StaticServerOptions{"127.0.0.1", first.server.port(), site.root, true});
    CHECK_FALSE(second.start());
    CHECK_THAT(second.error(), Catch::Contains("address already in use"));
    CHECK_THAT(second.error(), Catch::Contains("127.0.0.1:" + std::to_string(first.server.port())));
    CHECK(get(first.server.port(), "/").status() == 200);  // the first one is unharmed
  }
  SECTION("missing root") {
    StaticServer server(StaticServerOptions{"127.0.0.1", 0, site.dir / "no-such-dir", true});
    CHECK_FALSE(server.start());
    CHECK_THAT(server.error(), Catch::Contains("does not exist"));
    CHECK_THAT(server.error(), Catch::Contains("npm run build"));
    server.run();  // not started: returns at once
  }
  SECTION("root without index.html") {
    StaticServer server(StaticServerOptions{"127.0.0.1", 0, site.root / "sub" / "..", true});
    CHECK(server.start());  // has index.html
    StaticServer empty(StaticServerOptions{"127.0.0.1", 0, site.dir, true});
    CHECK_FALSE(empty.start());
    CHECK_THAT(empty.error(), Catch::Contains("no index.html"));
  }
}

TEST_CASE("static server stop() is sticky and thread-safe", "[server]") {
  TempSite site;
  StaticServer server(StaticServerOptions{"127.0.0.1", 0, site.root, true});
  REQUIRE(server.start());
  server.stop();  // before run(): run() must return at once rather than serve forever
  std::thread runner([&] { server.run(); });
  runner.join();
  SUCCEED("run() returned");
}
