// The preview server's limits: no bodies, short timeouts, a fixed pool, a Host check
// (docs/hostile-input.md, "serve").
#include "serve/limits.h"

#include <httplib.h>

namespace travaux::serve {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// "localhost:1313" -> "localhost", "[::1]:1313" -> "[::1]", "127.0.0.1" -> itself.
std::string_view without_port(std::string_view host) {
  const bool bracketed = host.starts_with('[');
  const std::size_t colon = host.rfind(':');
  if (colon == std::string_view::npos) return host;
  if (bracketed && host.rfind(']') > colon) return host;  // "[::1]" without a port
  if (!bracketed && host.find(':') != colon) return host;  // a bare IPv6 address: no port
  const std::string_view port = host.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) return {};
  return host.substr(0, colon);
}

/// Does the request announce a body? Any Content-Length but 0, or any Transfer-Encoding.
bool has_body(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  if (!req.has_header("Content-Length")) return false;
  const std::string n = req.get_header_value("Content-Length");
  return n.empty() || n.find_first_not_of('0') != std::string::npos;
}

}  // namespace

bool host_allowed(std::string_view host, std::string_view bind_host) {
  const std::string_view name = without_port(host);
  if (name.empty()) return false;
  for (std::string_view ok : {"localhost", "127.0.0.1", "[::1]"})
    if (iequals(name, ok)) return true;
  if (bind_host.empty()) return false;
  if (iequals(name, bind_host)) return true;
  // A bind address given as a bare IPv6 address ("::1") is written in brackets in Host.
  return name.size() == bind_host.size() + 2 && name.front() == '[' && name.back() == ']' &&
         iequals(name.substr(1, bind_host.size()), bind_host);
}

void apply_limits(httplib::Server& server, const std::string& bind_host) {
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_read_timeout(kReadTimeoutSeconds, 0);
  server.set_keep_alive_timeout(kReadTimeoutSeconds);
  // One request per connection: after a refused request the socket is closed, so the body a
  // client goes on sending is never read as the next request (cpp-httplib reads a request
  // line whole, however long). A local preview loses nothing by opening a connection per file.
  server.set_keep_alive_max_count(1);
  server.set_pre_routing_handler([bind_host](const httplib::Request& req, httplib::Response& res) {
    if (!host_allowed(req.get_header_value("Host"), bind_host)) {
      res.status = 403;
      res.set_content("travaux serve answers only requests for localhost, 127.0.0.1 or [::1]\n",
                      "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (has_body(req)) {
      res.status = 413;
      res.set_content("travaux serve accepts no request bodies\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
}

}  // namespace travaux::serve
