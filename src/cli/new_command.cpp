// `travaux new letter|draft|round|document|page "Title"`: a file with its front matter
// (CONTENT-MODEL.md, "The command"). Never overwrites an existing file.
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/cli.h"
#include "cli/commands.h"
#include "link/anchors.h"
#include "text/escape.h"

namespace travaux::cli {

namespace fs = std::filesystem;

namespace {

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string front_matter(const std::string& kind, const std::string& title, const std::string& date) {
  // A TOML basic string is a JSON string without the '<' escaping; json_string is close
  // enough only for plain titles, so quote by hand.
  std::string quoted = "\"";
  for (char c : title) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) quoted += c;
  }
  quoted += "\"";
  std::string fm = "+++\ntitle = " + quoted + "\ndate = " + date + "\n";
  if (kind == "letter") fm += "from = []\nto = \"\"\nplace = \"\"\n";
  if (kind == "draft") fm += "label = " + quoted + "\nstatus = \"revision\"\n";
  if (kind == "round") fm += "number = 1\nend = " + date + "\nlocation = \"\"\n\n[[sessions]]\ndate = " + date +
                             "\nstart = \"10:00\"\nend = \"13:00\"\ntitle = \"\"\nroom = \"\"\nkind = \"negotiation\"\n";
  return fm + "+++\n\n";
}

}  // namespace

int run_new(const NewOptions& o) {
  static const std::map<std::string, std::string> kFolders = {
      {"letter", "letters"}, {"draft", "drafts"}, {"round", "rounds"}, {"document", "documents"}, {"page", ""}};
  auto it = kFolders.find(o.kind);
  if (it == kFolders.end()) {
    std::cerr << "travaux new: unknown kind '" << o.kind << "'; use letter, draft, round, document or page\n";
    return kUsageError;
  }
  const std::string slug = link::slugify(o.title);
  if (slug.empty()) {
    std::cerr << "travaux new: the title must contain letters or digits\n";
    return kUsageError;
  }
  const std::string date = today();
  const std::string stem = o.kind == "letter" ? date + "-" + slug : slug;
  const fs::path path = o.content / it->second / (stem + ".md");
  std::error_code ec;
  if (fs::exists(path, ec)) {
    std::cerr << "travaux new: " << path.string() << " already exists; nothing written\n";
    return kContentError;
  }
  fs::create_directories(path.parent_path(), ec);
  std::ofstream f(path, std::ios::binary);
  f << front_matter(o.kind, o.title, date);
  if (!f) {
    std::cerr << "travaux new: cannot write " << path.string() << "\n";
    return kContentError;
  }
  std::cout << path.string() << "\n";
  return kOk;
}

}  // namespace travaux::cli
