#pragma once
// The travaux command line (CONTENT-MODEL.md, "The command").

namespace travaux::cli {

/// Exit codes: 0 success, 1 the content has errors, 2 usage error.
inline constexpr int kOk = 0;
inline constexpr int kContentError = 1;
inline constexpr int kUsageError = 2;

int run(int argc, char** argv);

}  // namespace travaux::cli
