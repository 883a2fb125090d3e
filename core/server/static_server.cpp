// StaticServer: accepts connections, maps request paths to files under the web
// root and writes them back with the isolation headers. One Session per TCP
// connection, each on its own strand, so a few threads serve many concurrent
// requests. Path safety lives in resolve_target(); Content-Type in mime_types.cpp.
#include "server/static_server.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "server/mime_types.hpp"

namespace terrarium::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace fs = std::filesystem;
using tcp = net::ip::tcp;

constexpr int kWorkerThreads = 2;  // besides the thread that calls run()
constexpr auto kReadTimeout = std::chrono::seconds(30);   // also the keep-alive idle limit
constexpr auto kWriteTimeout = std::chrono::seconds(60);  // a whole response, files included
constexpr auto kDrainTimeout = std::chrono::seconds(2);
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);
constexpr std::size_t kHeaderLimit = 16 * 1024;  // more gets 431, never a crash
constexpr std::uint64_t kBodyLimit = 64 * 1024;  // we take no uploads; bodies are discarded
constexpr std::size_t kDrainLimit = 1024 * 1024;

// What every Session needs to know; owned by the server, outlives all sessions.
struct SiteConfig {
  fs::path root;  // canonical: prefix checks compare against this exact form
  bool cross_origin_isolation = true;
};

void log_line(std::string_view text) {
  // One write per line so lines from different threads do not interleave mid-line.
  std::string line = "terrarium serve: ";
  line.append(text);
  line.push_back('\n');
  std::cerr << line << std::flush;
}

// Boost 1.74's Beast speaks boost::string_view; the rest of Terrarium std::string_view.
std::string_view as_std(beast::string_view s) { return {s.data(), s.size()}; }
beast::string_view as_boost(std::string_view s) { return {s.data(), s.size()}; }

// ---- Mapping a request target to a file ------------------------------------

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes; nullopt for a malformed escape or an encoded NUL.
std::optional<std::string> percent_decode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;  // '%' needs two hex digits after it
    const int hi = hex_value(in[i + 1]);
    const int lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

// True if `path` is `root` or below it, comparing whole components (so /www
// does not contain /www2). Both must be canonical.
bool is_within(const fs::path& root, const fs::path& path) {
  auto p = path.begin();
  for (const fs::path& part : root) {
    if (p == path.end() || *p != part) return false;
    ++p;
  }
  return true;
}

struct Resolved {
  enum class Kind { file, redirect, bad_request, not_found };
  Kind kind = Kind::not_found;
  fs::path file;         // Kind::file: canonical, a regular file under the root
  std::string location;  // Kind::redirect: where the directory really is ("/sub/")
};

// Invariant kept here: a Kind::file result is a canonical path inside the
// canonical root, whatever the target says (.., %2e%2e, //abs, symlinks out).
Resolved resolve_target(const fs::path& root, std::string_view target) {
  using Kind = Resolved::Kind;
  const std::size_t cut = target.find_first_of("?#");
  const std::string_view raw_path = target.substr(0, cut);
  const std::string_view query = cut == std::string_view::npos ? std::string_view{} : target.substr(cut);
  if (raw_path.empty() || raw_path.front() != '/') return Resolved{Kind::bad_request, {}, {}};
  const std::optional<std::string> decoded = percent_decode(raw_path);
  if (!decoded) return Resolved{Kind::bad_request, {}, {}};

  // Segments are appended one by one, never as an absolute path, so "//etc"
  // stays under the root; ".." is refused outright rather than normalised.
  fs::path candidate = root;
  std::string_view rest = *decoded;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (segment == "..") return Resolved{Kind::bad_request, {}, {}};
    if (segment.empty() || segment == ".") continue;
    candidate /= fs::path(std::string(segment));
  }

  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);  // resolves symlinks, so they cannot lead out
  if (ec || !is_within(root, real)) return Resolved{Kind::not_found, {}, {}};
  if (fs::is_directory(real, ec)) {
    if (decoded->back() != '/') {
      // Relative URLs in the directory's index.html need the trailing slash.
      // Collapse leading slashes: "//host/" would be an open redirect.
      const std::string_view trimmed = raw_path.substr(std::min(raw_path.find_first_not_of('/'), raw_path.size()));
      return Resolved{Kind::redirect, {}, "/" + std::string(trimmed) + "/" + std::string(query)};
    }
    real = fs::canonical(real / "index.html", ec);
    if (ec || !is_within(root, real)) return Resolved{Kind::not_found, {}, {}};
  }
  if (!fs::is_regular_file(real, ec)) return Resolved{Kind::not_found, {}, {}};
  return Resolved{Kind::file, std::move(real), {}};
}

// ---- One connection ---------------------------------------------------------

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, const SiteConfig& site) : stream_(std::move(socket)), site_(site) {}

  void start() {
    // The socket was accepted onto this session's strand; start there too.
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_request, shared_from_this()));
  }

 private:
  void read_request() {
    parser_.emplace();  // a fresh parser per request: Beast parsers are single-use
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(kBodyLimit);
    stream_.expires_after(kReadTimeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec == http::error::end_of_stream) return close();
    if (ec && ec.category() == http::make_error_code(http::error::end_of_stream).category()) {
      // A malformed or oversized request: answer once, then hang up.
      http::status status = http::status::bad_request;
      if (ec == http::error::header_limit) status = http::status::request_header_fields_too_large;
      if (ec == http::error::body_limit) status = http::status::payload_too_large;
      return send_text(status, std::string(http::obsolete_reason(status)) + "\n", 11, false, false);
    }
    if (ec) return;  // reset, timeout, shutdown: nothing to say to anyone
    handle(parser_->get());
  }

  void handle(const http::request<http::string_body>& req) {
    const unsigned version = req.version();
    const bool keep_alive = req.keep_alive();
    const bool head = req.method() == http::verb::head;
    if (!head && req.method() != http::verb::get) {
      return send_text(http::status::method_not_allowed, "405 method not allowed\n", version, keep_alive, false);
    }
    Resolved resolved = resolve_target(site_.root, as_std(req.target()));
    switch (resolved.kind) {
      case Resolved::Kind::bad_request:
        return send_text(http::status::bad_request, "400 bad request\n", version, keep_alive, head);
      case Resolved::Kind::not_found:
        return send_text(http::status::not_found, "404 not found\n", version, keep_alive, head);
      case Resolved::Kind::redirect:
        return send_text(http::status::moved_permanently, "301 moved permanently\n", version, keep_alive, head,
                         resolved.location);
      case Resolved::Kind::file:
        return send_file(resolved.file, version, keep_alive, head);
    }
  }

  void send_file(const fs::path& path, unsigned version, bool keep_alive, bool head) {
    beast::error_code ec;
    http::file_body::value_type body;
    body.open(path.c_str(), beast::file_mode::scan, ec);
    if (ec == beast::errc::no_such_file_or_directory) {
      return send_text(http::status::not_found, "404 not found\n", version, keep_alive, head);
    }
    if (ec) {
      log_line("cannot open " + path.string() + ": " + ec.message());
      return send_text(http::status::internal_server_error, "500 cannot read file\n", version, keep_alive, head);
    }
    const std::uint64_t size = body.size();
    http::response<http::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                        std::make_tuple(http::status::ok, version)};
    res.set(http::field::content_type, as_boost(mime_type_for(path)));
    finish(std::move(res), size, keep_alive, head);
  }

  void send_text(http::status status, std::string text, unsigned version, bool keep_alive, bool head,
                 const std::string& location = {}) {
    http::response<http::string_body> res{status, version};
    res.set(http::field::content_type, "text/plain; charset=utf-8");
    if (status == http::status::method_not_allowed) res.set(http::field::allow, "GET, HEAD");
    if (!location.empty()) res.set(http::field::location, location);
    const std::uint64_t size = text.size();
    res.body() = std::move(text);
    finish(std::move(res), size, keep_alive, head);
  }

  // Adds the headers every response carries, then writes it (HEAD: header only,
  // but with the Content-Length the GET would have had).
  template <class Body>
  void finish(http::response<Body>&& res, std::uint64_t size, bool keep_alive, bool head) {
    res.set(http::field::server, "Terrarium");
    if (site_.cross_origin_isolation) {
      // Together these make the page crossOriginIsolated, which wasm threads need.
      res.set("Cross-Origin-Opener-Policy", "same-origin");
      res.set("Cross-Origin-Embedder-Policy", "require-corp");
    }
    res.set("Cross-Origin-Resource-Policy", "same-origin");
    res.set("X-Content-Type-Options", "nosniff");
    res.set(http::field::cache_control, "no-cache");  // always revalidate: rebuilds show at once
    res.content_length(size);
    res.keep_alive(keep_alive);
    if (head) return write(std::make_shared<http::response<http::empty_body>>(std::move(res.base())));
    write(std::make_shared<http::response<Body>>(std::move(res)));
  }

  template <class Response>
  void write(std::shared_ptr<Response> res) {
    stream_.expires_after(kWriteTimeout);
    // The handler holds `res` so the message outlives the asynchronous write.
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
      if (ec) return;  // the client went away; the socket closes with the session
      if (res->need_eof()) return self->close();
      self->read_request();
    });
  }

  // Half-close, then read and discard what the client still sends: closing a
  // socket with unread data makes the kernel send RST, which can destroy the
  // response we just wrote (e.g. the 431 for a huge header) before it is read.
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    drain();
  }

  void drain() {
    stream_.expires_after(kDrainTimeout);
    stream_.async_read_some(net::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (!ec && self->drained_ < kDrainLimit) self->drain();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::array<char, 4096> drain_buffer_{};
  std::size_t drained_ = 0;
  const SiteConfig& site_;
};

// "127.0.0.1:8080", or "[::1]:8080" for IPv6 literals.
std::string host_and_port(const std::string& host, unsigned short port) {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// asio's messages come from strerror ("Address already in use"); our errors are
// one lower-case line after a colon.
std::string lower_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace

// ---- The server -------------------------------------------------------------

struct StaticServer::Impl {
  explicit Impl(StaticServerOptions opts) : options(std::move(opts)) {}

  void accept_next() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      on_accept(ec, std::move(socket));
    });
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      // E.g. out of file descriptors: wait a little instead of spinning, and
      // log each kind of failure once rather than ten times a second.
      if (ec != last_accept_error) log_line("accept failed: " + ec.message());
      last_accept_error = ec;
      accept_retry.expires_after(kAcceptRetryDelay);
      accept_retry.async_wait([this](beast::error_code wait_ec) {
        if (!wait_ec) accept_next();
      });
      return;
    }
    std::make_shared<Session>(std::move(socket), site)->start();
    accept_next();
  }

  StaticServerOptions options;
  SiteConfig site;
  // Declared before the acceptor and timer so it is destroyed after them; its
  // destructor frees the sessions still waiting in its queues.
  net::io_context ioc{kWorkerThreads + 1};
  tcp::acceptor acceptor{net::make_strand(ioc)};  // accept handlers run on this strand
  net::steady_timer accept_retry{acceptor.get_executor()};
  beast::error_code last_accept_error;
};

StaticServer::StaticServer(StaticServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

StaticServer::~StaticServer() {
  stop();
  std::unique_lock lock(running_mutex_);
  running_changed_.wait(lock, [this] { return !running_; });
}

bool StaticServer::start() {
  const StaticServerOptions& options = impl_->options;
  const std::string root_text = options.root.string();
  const std::string build_hint = " (build the playground first: npm run build)";
  std::error_code fs_ec;
  if (options.root.empty()) {
    error_ = "no web root given" + build_hint;
    return false;
  }
  if (!fs::exists(options.root, fs_ec)) {
    error_ = "web root " + root_text + " does not exist" + build_hint;
    return false;
  }
  if (!fs::is_directory(options.root, fs_ec)) {
    error_ = "web root " + root_text + " is not a directory";
    return false;
  }
  impl_->site.root = fs::canonical(options.root, fs_ec);
  impl_->site.cross_origin_isolation = options.cross_origin_isolation;
  if (fs_ec || !fs::is_regular_file(impl_->site.root / "index.html", fs_ec)) {
    error_ = "web root " + root_text + " has no index.html" + build_hint;
    return false;
  }

  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  const auto endpoints = resolver.resolve(options.host, std::to_string(options.port),
                                          tcp::resolver::numeric_service, ec);
  if (ec) {
    error_ = "cannot resolve host " + options.host + ": " + lower_first(ec.message());
    return false;
  }
  // "localhost" may resolve to ::1 and 127.0.0.1: listen on the first that works.
  tcp::acceptor& acceptor = impl_->acceptor;
  ec = net::error::host_not_found;
  for (const auto& entry : endpoints) {
    beast::error_code ignored;
    acceptor.close(ignored);
    acceptor.open(entry.endpoint().protocol(), ec);
    // SO_REUSEADDR: restart at once after Ctrl-C despite TIME_WAIT. On Linux it
    // still refuses a port that another socket is listening on.
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(entry.endpoint(), ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (!ec) break;
  }
  if (ec) {
    beast::error_code ignored;
    acceptor.close(ignored);
    error_ = "cannot listen on " + host_and_port(options.host, options.port) + ": " + lower_first(ec.message());
    return false;
  }
  bound_port_ = acceptor.local_endpoint().port();
  impl_->accept_next();
  started_ = true;
  return true;
}

unsigned short StaticServer::port() const { return bound_port_; }

const std::string& StaticServer::error() const { return error_; }

void StaticServer::run() {
  if (!started_) return;
  {
    std::lock_guard lock(running_mutex_);
    running_ = true;
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < kWorkerThreads; ++i) workers.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (std::thread& worker : workers) worker.join();
  // Every thread has left the io_context, so touching the acceptor is safe now.
  beast::error_code ignored;
  impl_->acceptor.close(ignored);
  {
    std::lock_guard lock(running_mutex_);
    running_ = false;
  }
  running_changed_.notify_all();
}

// io_context::stop() is thread-safe and sticky: if it comes before run(), that
// run() returns at once instead of serving forever.
void StaticServer::stop() { impl_->ioc.stop(); }

int serve_until_signalled(const StaticServerOptions& options) {
  StaticServer server(options);
  if (!server.start()) {
    std::cerr << "terrarium serve: " << server.error() << std::endl;
    return 1;
  }
  // Catch the signals before printing the URL: whoever reads the URL may send
  // SIGINT right away, and the default action would skip our clean shutdown.
  net::io_context signal_context;
  net::signal_set signals(signal_context, SIGINT, SIGTERM);
  signals.async_wait([&server](const beast::error_code&, int) { server.stop(); });
  std::cout << "Terrarium playground: http://" << host_and_port(options.host, server.port()) << "/ ("
            << (options.cross_origin_isolation ? "cross-origin isolated" : "not cross-origin isolated") << ")"
            << std::endl;
  std::thread serving([&server] { server.run(); });
  signal_context.run();  // returns after the one signal handler has run
  serving.join();
  return 0;
}

}  // namespace terrarium::server
