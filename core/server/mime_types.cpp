// The extension -> Content-Type table used by the static server.
// Module scripts and WebAssembly.instantiateStreaming() refuse to load when the
// type is wrong, so .js/.mjs and .wasm here are load-bearing, not cosmetic.
#include "server/mime_types.hpp"

#include <array>
#include <cctype>
#include <string>

namespace terrarium::server {
namespace {

struct MimeEntry {
  std::string_view extension;  // lower case, with the leading dot
  std::string_view type;
};

constexpr std::array kMimeTable{
    MimeEntry{".html", "text/html; charset=utf-8"},
    MimeEntry{".htm", "text/html; charset=utf-8"},
    MimeEntry{".js", "text/javascript; charset=utf-8"},
    MimeEntry{".mjs", "text/javascript; charset=utf-8"},
    MimeEntry{".css", "text/css; charset=utf-8"},
    MimeEntry{".json", "application/json"},
    MimeEntry{".map", "application/json"},  // source maps are JSON
    MimeEntry{".webmanifest", "application/manifest+json"},
    MimeEntry{".wasm", "application/wasm"},
    MimeEntry{".txt", "text/plain; charset=utf-8"},
    MimeEntry{".md", "text/markdown; charset=utf-8"},
    MimeEntry{".py", "text/plain; charset=utf-8"},  // example programs, shown not run
    MimeEntry{".xml", "application/xml"},
    MimeEntry{".svg", "image/svg+xml"},
    MimeEntry{".png", "image/png"},
    MimeEntry{".jpg", "image/jpeg"},
    MimeEntry{".jpeg", "image/jpeg"},
    MimeEntry{".gif", "image/gif"},
    MimeEntry{".webp", "image/webp"},
    MimeEntry{".ico", "image/x-icon"},
    MimeEntry{".ttf", "font/ttf"},
    MimeEntry{".otf", "font/otf"},
    MimeEntry{".woff", "font/woff"},
    MimeEntry{".woff2", "font/woff2"},
};

constexpr std::string_view kFallback = "application/octet-stream";

}  // namespace

std::string_view mime_type_for(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const MimeEntry& entry : kMimeTable) {
    if (entry.extension == extension) return entry.type;
  }
  return kFallback;
}

}  // namespace terrarium::server
