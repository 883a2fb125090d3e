// Content-Type for the files of the built playground, chosen by file extension.
// Owns only the extension table; it never looks inside files (we send
// X-Content-Type-Options: nosniff, so browsers trust exactly what this says).
#pragma once

#include <filesystem>
#include <string_view>

namespace terrarium::server {

// The Content-Type header value for `path`, e.g. "application/wasm".
// Text types carry "; charset=utf-8" (the UI ships zh-CN strings); unknown
// extensions get "application/octet-stream".
std::string_view mime_type_for(const std::filesystem::path& path);

}  // namespace terrarium::server
