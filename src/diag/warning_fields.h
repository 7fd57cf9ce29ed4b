#pragma once
// A warning in the build cache's encoding (text/binary.h): the manifest replays a build's
// warnings, and each document's link record its own.

#include "diag/diagnostic.h"
#include "text/binary.h"

namespace travaux::diag {

/// Its position, message, hint and line; the severity is always warning.
void put_warning(text::Writer& w, const Diagnostic& d);
bool get_warning(text::Reader& r, Diagnostic& d);

}  // namespace travaux::diag
