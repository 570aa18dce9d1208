#include "oidc/http_client.hpp"

#include "curl/curl_handles.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace kronobarn::oidc {
namespace {

struct Sink {
    std::string* body;
    std::size_t limit;
    bool too_large = false;
};

std::size_t Write(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t bytes = size * count;
    if (sink->body->size() + bytes > sink->limit) {
        sink->too_large = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    sink->body->append(data, bytes);
    return bytes;
}

Result<HttpReply> Perform(CURL* curl, const std::string& url, const HttpLimits& limits) {
    if (!IsAllowedProviderUrl(url)) return Error::InvalidArgument("oidc.bad_url", url);
    HttpReply reply;
    Sink sink{&reply.body, limits.max_body_bytes};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a provider's endpoints answer directly
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);        // timeouts without signals: we are multithreaded
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Kronobarn");
    const CURLcode code = curl_easy_perform(curl);
    if (sink.too_large) return Error::Unavailable("oidc.provider_unreachable: reply over the size limit from " + url);
    if (code != CURLE_OK) {
        return Error::Unavailable("oidc.provider_unreachable: " + std::string(curl_easy_strerror(code)) + " (" + url +
                                  ")");
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
}

bool IsLoopback(std::string_view host) {
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1";
}

}  // namespace

bool IsAllowedProviderUrl(std::string_view url) {
    const auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed) return false;
    if (parsed->scheme() == "https") return !parsed->host().empty();
    return parsed->scheme() == "http" && IsLoopback(parsed->host());
}

std::string FormEncode(std::string_view text) { return boost::urls::encode(text, boost::urls::unreserved_chars); }

Result<HttpReply> HttpGet(const std::string& url, const HttpLimits& limits) {
    const curl::Easy handle = curl::NewEasy();
    if (!handle) return Error::Unavailable("oidc.provider_unreachable: curl_easy_init");
    const curl::List headers(curl_slist_append(nullptr, "Accept: application/json"));
    curl_easy_setopt(handle.get(), CURLOPT_HTTPHEADER, headers.get());
    return Perform(handle.get(), url, limits);
}

Result<HttpReply> HttpPostForm(const std::string& url, const std::string& form_body, const std::string& basic_user,
                               const std::string& basic_password, const HttpLimits& limits) {
    const curl::Easy handle = curl::NewEasy();
    if (!handle) return Error::Unavailable("oidc.provider_unreachable: curl_easy_init");
    const curl::List headers(curl_slist_append(nullptr, "Accept: application/json"));
    curl_easy_setopt(handle.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDS, form_body.c_str());
    curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(form_body.size()));
    // client_secret_basic (RFC 6749 §2.3.1): both parts form-encoded before Base64.
    const std::string user = FormEncode(basic_user);
    const std::string password = FormEncode(basic_password);
    curl_easy_setopt(handle.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(handle.get(), CURLOPT_USERNAME, user.c_str());
    curl_easy_setopt(handle.get(), CURLOPT_PASSWORD, password.c_str());
    return Perform(handle.get(), url, limits);
}

}  // namespace kronobarn::oidc
