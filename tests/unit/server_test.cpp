// Tests for serve/server.cpp and serve/watch.cpp: `travaux serve` (CONTENT-MODEL.md, "The command").
#include "serve/server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <httplib.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "serve/watch.h"
#include "support/test_tree.h"

namespace travaux::serve {
namespace {

namespace fs = std::filesystem;

TEST(ServePath, ServesFilesFolderIndexesAndInjectsLiveReload) {
  render::SiteImage site;
  site.add("index.html", "<html><body>home</body></html>");
  site.add("letters/a/index.html", "<html><body>A</body></html>");
  site.add("assets/style.css", "body{}");
  auto home = serve_path(site, "/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->body, "<html><body>home<script src=\"/__travaux/live.js\"></script></body></html>");
  EXPECT_EQ(home->content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(serve_path(site, "/letters/a/"));
  EXPECT_TRUE(serve_path(site, "/letters/a"));
  EXPECT_TRUE(serve_path(site, "/letters/a/index.html?x=1"));
  auto css = serve_path(site, "/assets/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->body, "body{}");
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_FALSE(serve_path(site, "/missing/"));
  EXPECT_FALSE(serve_path(site, "/../etc/passwd"));
}

TEST(TreeFingerprint, ChangesWhenAFileChanges) {
  test::TempDir dir;
  test::write_tree(dir.path(), "-- a.md --\none\n-- b/c.md --\ntwo\n");
  const auto before = tree_fingerprint(dir.path());
  EXPECT_EQ(tree_fingerprint(dir.path()), before);
  test::write_tree(dir.path(), "-- b/c.md --\ntwo, longer\n");
  EXPECT_NE(tree_fingerprint(dir.path()), before);
}

/// Starts `travaux serve` on a free port and stops it at the end.
class ServeProcess {
 public:
  ServeProcess(const fs::path& content, int port) {
    pid_ = fork();
    if (pid_ == 0) {
      const std::string p = std::to_string(port);
      execl(TRAVAUX_BINARY, TRAVAUX_BINARY, "serve", "--content", content.c_str(), "--port", p.c_str(), nullptr);
      _exit(127);
    }
  }
  ~ServeProcess() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

 private:
  pid_t pid_;
};

/// A port the kernel just handed out and released.
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST(ServeCommand, ServesTheArchiveAndRebuildsWhenContentChanges) {
  test::TempDir dir;
  const fs::path content = dir.path() / "content";
  test::write_tree(content, "-- archive.toml --\ntitle = \"Live\"\n-- letters/a.md --\n+++\ntitle = \"First title\"\ndate = 2018-01-01\n+++\nHello.\n");
  const int port = free_port();
  ServeProcess server(content, port);
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1);
  auto get = [&](const std::string& path) -> std::string {
    for (int i = 0; i < 100; ++i) {  // up to 10 s for the server to come up
      if (auto res = client.Get(path.c_str()); res && res->status == 200) return res->body;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return "";
  };
  const std::string page = get("/letters/a/index.html");
  ASSERT_NE(page.find("First title"), std::string::npos);
  EXPECT_NE(page.find("/__travaux/live.js"), std::string::npos);
  const std::string version = get("/__travaux/version");
  ASSERT_FALSE(version.empty());

  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a new mtime second
  test::write_tree(content, "-- letters/a.md --\n+++\ntitle = \"Second title\"\ndate = 2018-01-01\n+++\nHello.\n");
  std::string changed;
  for (int i = 0; i < 100 && changed.find("Second title") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    changed = get("/letters/a/index.html");
  }
  EXPECT_NE(changed.find("Second title"), std::string::npos);
  EXPECT_NE(get("/__travaux/version"), version);
}

}  // namespace
}  // namespace travaux::serve
