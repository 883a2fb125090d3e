// "Did you mean" hints for NameError, with CPython's weighted Levenshtein distance and
// thresholds. CPython: Python/suggestions.c.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace terrarium {

// The closest candidate within CPython's distance limit, or "" if none qualifies.
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace terrarium
