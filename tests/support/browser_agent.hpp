// One browser for the single sign-on tests: a cookie jar (libcurl's cookie engine) shared by every
// host it talks to — the test identity provider and Kronobarn, both on 127.0.0.1 — and no automatic
// redirects, so a test sees and steers each hop.
#pragma once

#include <memory>
#include <string>

namespace kronobarn::testing {

class BrowserAgent {
  public:
    struct Reply {
        long status = 0;
        std::string location;  // absolute: resolved against the request's URL
        std::string body;
        std::string set_cookies;  // the Set-Cookie header lines, as received
    };

    BrowserAgent();
    ~BrowserAgent();
    BrowserAgent(const BrowserAgent&) = delete;
    BrowserAgent& operator=(const BrowserAgent&) = delete;

    Reply Get(const std::string& url);
    Reply PostForm(const std::string& url, const std::string& body);
    // The cookie's value in the jar (any path), or empty.
    std::string Cookie(const std::string& name) const;

  private:
    Reply Perform(const std::string& url, const std::string* form_body);
    struct Handle;
    std::unique_ptr<Handle> handle_;
};

}  // namespace kronobarn::testing
