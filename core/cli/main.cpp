// The `terrarium` command: run and dis Python files, serve the playground. Argument
// parsing with CLI11; every failure is one clear line on stderr and a non-zero status.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <CLI/CLI.hpp>

#include "cli/native_output.hpp"
#include "modules/asyncio_loop_events.hpp"
#include "server/static_server.hpp"
#include "terrarium/interpreter.hpp"
#include "trace/chrome_trace.hpp"

#ifndef TERRARIUM_DEFAULT_WEB_ROOT
#define TERRARIUM_DEFAULT_WEB_ROOT "build/web"
#endif

namespace {

// Ctrl-C sets the interpreter's interrupt flag, as CPython's SIGINT handler does; the
// program then ends with KeyboardInterrupt at its next eval-breaker check.
std::atomic<std::uint8_t>* g_interrupt_flag = nullptr;
extern "C" void on_sigint(int) {
  if (g_interrupt_flag) g_interrupt_flag->fetch_or(1);  // lock-free atomic RMW: async-signal-safe
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

// CPython 3.11 reports the main script by its absolute path, joined but not normalised
// ("python3 ./x.py" shows "/cwd/./x.py").
std::string absolute_script_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  return ec ? path : cwd + "/" + path;
}

int cant_open(const std::string& path) {
  std::fprintf(stderr, "terrarium: can't open file '%s': [Errno 2] No such file or directory\n", path.c_str());
  return 2;
}

// The asyncio loop's host hooks from `run --virtual-clock` and `run --trace-asyncio`.
struct LoopOptions {
  bool virtual_clock = false;
  bool trace = false;  // one stderr line per loop event, times relative to the first
};

void install_loop_hooks(terrarium::Interpreter& interp, const LoopOptions& options, terrarium::LoopHostHooks& hooks) {
  if (!options.virtual_clock && !options.trace) return;
  hooks.virtual_clock = options.virtual_clock;
  if (options.trace) {
    hooks.on_event = [start = -1.0](const terrarium::LoopEvent& e) mutable {
      if (start < 0) start = e.loop_time;
      std::fprintf(stderr, "[asyncio %llu t=%.6f] %s %s%s%s\n", static_cast<unsigned long long>(e.loop_id),
                   e.loop_time - start, terrarium::loop_event_name(e.kind), e.subject.c_str(),
                   e.detail.empty() ? "" : " ", e.detail.c_str());
    };
  }
  interp.set_loop_hooks(&hooks);
}

// `run --green-threads [--seed N]`: the browser's single-threaded scheduling, natively.
struct ThreadOptions {
  bool green = false;
  std::uint64_t seed = 0;
};

int run_command(const std::string& file, const std::string& code, bool has_code, const LoopOptions& loop_options,
                const ThreadOptions& thread_options) {
  std::string source;
  std::string filename = "<string>";
  if (has_code) {
    source = code;
  } else {
    if (!read_file(file, source)) return cant_open(file);
    filename = absolute_script_path(file);
  }
  terrarium::cli::NativeOutput out;
  // TERRARIUM_TRACE=out.json: a Chrome trace of the run (core/trace/chrome_trace.hpp).
  // Declared before the interpreter so it outlives the program's threads.
  std::unique_ptr<terrarium::ChromeTraceWriter> trace(terrarium::trace_writer_from_environment());
  terrarium::Interpreter interp(out);
  if (trace) trace->attach_to(interp);
  terrarium::LoopHostHooks loop_hooks;
  install_loop_hooks(interp, loop_options, loop_hooks);
  if (thread_options.green && !interp.use_green_threads(thread_options.seed)) {
    std::fprintf(stderr, "terrarium: green threads are not available in this build\n");
    return 2;
  }
  g_interrupt_flag = &interp.interrupt_flag();
  std::signal(SIGINT, on_sigint);
  int status = interp.run_source(source, filename, !has_code);
  g_interrupt_flag = nullptr;
  out.flush();
  return status;
}

int dis_command(const std::string& file) {
  std::string source;
  if (!read_file(file, source)) return cant_open(file);
  terrarium::cli::NativeOutput out;
  terrarium::Interpreter interp(out);
  std::string text;
  // `python3 -m dis FILE` compiles with the name as given on the command line.
  if (!interp.disassemble_source(source, file, text)) return 1;
  out.write(1, text);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Terrarium: a Python 3.11 interpreter that shows its machinery.", "terrarium"};
  app.set_version_flag("--version", std::string("terrarium ") + terrarium::version() + " (Python 3.11)");
  app.require_subcommand(0, 1);

  std::string run_file, run_code;
  CLI::App* run = app.add_subcommand("run", "Run a Python file (or -c CODE) like `python3 FILE`.");
  CLI::Option* file_opt = run->add_option("file", run_file, "the program to run");
  CLI::Option* code_opt = run->add_option("-c", run_code, "program passed in as a string");
  file_opt->excludes(code_opt);
  code_opt->excludes(file_opt);
  LoopOptions loop_options;
  run->add_flag("--virtual-clock", loop_options.virtual_clock,
                "asyncio timers run on a simulated clock: sleeps end at once, in the same order");
  run->add_flag("--trace-asyncio", loop_options.trace, "print the asyncio loop's events to stderr");
  ThreadOptions thread_options;
  run->add_flag("--green-threads", thread_options.green,
                "run Python threads as green threads on one OS thread (as the browser's single-threaded build "
                "does): same switch points, deterministic interleaving");
  CLI::Option* seed_opt = run->add_option("--seed", thread_options.seed,
                                          "the green scheduler's seed: the same seed gives the same interleaving")
                              ->capture_default_str();

  std::string dis_file;
  CLI::App* dis = app.add_subcommand("dis", "Disassemble a file like `python3 -m dis FILE`.");
  dis->add_option("file", dis_file, "the program to disassemble")->required();

  terrarium::server::StaticServerOptions serve_options;
  serve_options.root = TERRARIUM_DEFAULT_WEB_ROOT;
  std::string root = serve_options.root.string();
  bool no_isolation = false;
  CLI::App* serve = app.add_subcommand("serve", "Serve the playground over HTTP.");
  serve->add_option("--host", serve_options.host, "address to listen on")->capture_default_str();
  serve->add_option("--port", serve_options.port, "port to listen on")->capture_default_str()->check(CLI::Range(0, 65535));
  serve->add_option("--root", root, "the built web app to serve")->capture_default_str();
  serve->add_flag("--no-isolation", no_isolation,
                  "omit the COOP/COEP headers (the page then uses the single-threaded build)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  if (*run) {
    if (!*file_opt && !*code_opt) {
      std::fprintf(stderr, "terrarium run: give a FILE or -c CODE (see terrarium run --help)\n");
      return 2;
    }
    if (*seed_opt) thread_options.green = true;
    return run_command(run_file, run_code, static_cast<bool>(*code_opt), loop_options, thread_options);
  }
  if (*dis) return dis_command(dis_file);
  if (!*serve) {
    std::fprintf(stderr, "terrarium: no command given: use run, dis or serve (see terrarium --help)\n");
    return 2;
  }
  serve_options.root = root;
  serve_options.cross_origin_isolation = !no_isolation;
  return terrarium::server::serve_until_signalled(serve_options);
}
