#pragma once
// One link from a document to another, as the link stage finds it (CONTENT-MODEL.md,
// "Cross-references"). Plain data: the build cache keeps it between builds (link_record.h).

#include <string>

#include "diag/diagnostic.h"

namespace travaux::link {

/// One link from a document to another (or to an anchor in it).
struct Reference {
  enum class Via { link, mention, alias, attachment, front_matter };
  std::string from_id;
  std::string to_id;
  std::string anchor;   // "" or "objective-7"
  std::string context;  // the sentence around the link, plain text
  diag::SourcePos pos;
  Via via = Via::link;
  friend bool operator==(const Reference&, const Reference&) = default;
};

}  // namespace travaux::link
