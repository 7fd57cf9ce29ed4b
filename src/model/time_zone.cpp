// Time-zone names through ICU (CONTENT-MODEL.md, archive.toml `time_zone`).
#include "model/time_zone.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace travaux::model {

bool is_utc_zone(std::string_view id) {
  for (std::string_view u : {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Zulu", "Zulu", "Z", "Etc/GMT", "GMT",
                             "Etc/Universal", "Universal"})
    if (id == u) return true;
  return false;
}

bool is_known_time_zone(const std::string& id) {
  if (is_utc_zone(id)) return true;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString canonical;
  UBool system = false;
  icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(id), canonical, system, status);
  return U_SUCCESS(status) && system;
}

}  // namespace travaux::model
