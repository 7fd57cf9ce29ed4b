#pragma once
// Slugs for topic pages and new files; heading anchors live in markdown/anchor.h, the one
// place every stage takes them from (CONTENT-MODEL.md, "Cross-references").

#include "markdown/anchor.h"

namespace travaux::link {

using markdown::slugify;

}  // namespace travaux::link
