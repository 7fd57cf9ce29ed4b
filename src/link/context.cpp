// Anchor look-up and reference context (CONTENT-MODEL.md, "Cross-references").
#include "link/context.h"
#include "link/link_record.h"
#include "text/escape.h"

#include <regex>

namespace travaux::link {

namespace {
thread_local AnchorReads* t_reads = nullptr;
}  // namespace

AnchorReads::AnchorReads() : outer_(t_reads) { t_reads = this; }
AnchorReads::~AnchorReads() { t_reads = outer_; }

AnchorTable::AnchorTable(std::size_t documents, std::function<std::set<std::string>(std::size_t)> read, bool hashed)
    : slots_(new Slot[documents]), read_(std::move(read)), hashed_(hashed) {}

const std::set<std::string>& AnchorTable::settle(std::size_t i, const Make& make) const {
  Slot& slot = slots_[i];
  std::call_once(slot.once, [&] {
    slot.anchors = make();
    if (hashed_) slot.hash = anchor_set_hash({slot.anchors.begin(), slot.anchors.end()});
  });
  return slot.anchors;
}

const std::set<std::string>& AnchorTable::at(std::size_t i) const {
  return settle(i, [&] {
    read_count_.fetch_add(1, std::memory_order_relaxed);
    return read_(i);
  });
}

std::uint64_t AnchorTable::hash(std::size_t i) const {
  at(i);
  return slots_[i].hash;
}

std::size_t AnchorTable::bodies_read() const { return read_count_.load(std::memory_order_relaxed); }

const std::set<std::string>& LinkContext::anchors_of(const model::Document& doc) const {
  const auto i = static_cast<std::size_t>(&doc - archive.documents.data());
  if (t_reads) t_reads->documents.push_back(i);
  return anchors->at(i);
}

bool LinkContext::has_anchor(const model::Document& doc, const std::string& anchor) const {
  if (anchors_of(doc).count(anchor)) return true;
  if (doc.kind != model::Kind::draft || doc.full_text) return false;
  static const std::regex kNumbered(R"((objective|para)-([1-9][0-9]{0,4}))");
  std::smatch m;
  if (std::regex_match(anchor, m, kNumbered)) {
    if (m[1] == "para") return true;
    return !doc.objectives || std::stoi(m[2]) <= *doc.objectives;
  }
  static const std::set<std::string> kSections = {"preamble", "vision", "guiding-principles",
                                                  "implementation", "follow-up-and-review"};
  return kSections.count(anchor) > 0;
}

namespace {

/// Does the mark at `i` end a sentence? It must be followed by a space (or the end), and what
/// follows must not continue the sentence: "No. 5", "e.g. the" and "para. 12" do not end one.
bool ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c != '.' && c != '!' && c != '?' && c != ';') return false;
  if (i + 1 == text.size()) return true;
  if (text[i + 1] != ' ') return false;
  if (i + 2 >= text.size()) return true;
  const char next = text[i + 2];
  return !((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9'));
}

}  // namespace

std::string sentence_around(std::string_view text, std::size_t at) {
  if (at > text.size()) at = text.size();
  std::size_t begin = 0;
  for (std::size_t i = at; i > 0; --i) {
    if (ends_sentence(text, i - 1) && i < text.size()) {
      begin = i + 1;
      break;
    }
  }
  std::size_t end = text.size();
  for (std::size_t i = at; i < text.size(); ++i) {
    if (ends_sentence(text, i)) {
      end = i + 1;
      break;
    }
  }
  std::string_view s = text.substr(begin, end - begin);
  constexpr std::size_t kMax = 320;
  if (s.size() <= kMax) return std::string(s);
  // Cut long sentences at a character boundary near the limit.
  const std::size_t cut = text::utf8_boundary_at_or_before(s, kMax);
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace travaux::link
