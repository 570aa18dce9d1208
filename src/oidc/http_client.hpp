// The relying party's calls to an identity provider (discovery, keys, the code exchange) over libcurl:
// short timeouts so a provider that is down or slow costs a sign-in seconds, not a thread; a cap on
// what is read; TLS verified; only https, or http to this machine (a test's own provider).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace kronobarn::oidc {

struct HttpReply {
    long status = 0;
    std::string body;
};

struct HttpLimits {
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds total_timeout{8000};
    std::size_t max_body_bytes = 1024 * 1024;
};

// Whether `url` may be called: https, or http on 127.0.0.1 / localhost / [::1].
bool IsAllowedProviderUrl(std::string_view url);

// Errors: kUnavailable "oidc.provider_unreachable" (connection, timeout, TLS, too large a reply;
// `detail` says which), kInvalidArgument "oidc.bad_url" for a URL IsAllowedProviderUrl refuses.
Result<HttpReply> HttpGet(const std::string& url, const HttpLimits& limits = {});
// A form POST (application/x-www-form-urlencoded) with HTTP Basic client authentication.
Result<HttpReply> HttpPostForm(const std::string& url, const std::string& form_body, const std::string& basic_user,
                               const std::string& basic_password, const HttpLimits& limits = {});

// Percent-encodes for a form body or a query (RFC 3986 unreserved characters kept).
std::string FormEncode(std::string_view text);

}  // namespace kronobarn::oidc
