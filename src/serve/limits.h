#pragma once
// What the preview server refuses, and how long it waits (docs/hostile-input.md, "serve"):
// any web page the user opens can send requests to 127.0.0.1, and a DNS-rebinding page can
// read the answers, so `serve` accepts only what a browser previewing the archive sends.

#include <cstddef>
#include <string>
#include <string_view>

namespace httplib {
class Server;
}

namespace travaux::serve {

/// A request announcing a body is refused (413) before the body is read; this payload limit
/// is the second line of defence for any body cpp-httplib would read anyway.
inline constexpr std::size_t kMaxBodyBytes = 1024;
/// Seconds a connection may sit idle before its request, or stall inside it, before it is
/// closed: a half-open socket holds a worker this long at most.
inline constexpr int kReadTimeoutSeconds = 2;
/// Fixed worker pool: memory does not grow with the number of clients, and it is larger than
/// the connections a browser opens (6 per host), so a few stalled sockets leave workers free.
inline constexpr std::size_t kWorkerThreads = 64;

/// Whether a `Host` header names this machine: localhost, 127.0.0.1, [::1] or `bind_host`,
/// with or without a port. Anything else (a rebinding attacker's domain) is refused (403).
bool host_allowed(std::string_view host, std::string_view bind_host);

/// Applies the limits above to `server`, before any route runs.
void apply_limits(httplib::Server& server, const std::string& bind_host);

}  // namespace travaux::serve
