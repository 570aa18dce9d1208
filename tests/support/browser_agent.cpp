#include "support/browser_agent.hpp"

#include <curl/curl.h>

#include <strings.h>

#include <sstream>
#include <stdexcept>

namespace kronobarn::testing {

struct BrowserAgent::Handle {
    CURL* curl = nullptr;
    ~Handle() { curl_easy_cleanup(curl); }
};

namespace {

std::size_t Append(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

std::size_t Header(char* data, std::size_t size, std::size_t count, void* user) {
    const std::string line(data, size * count);
    if (line.size() > 11 && strncasecmp(line.c_str(), "set-cookie:", 11) == 0) {
        *static_cast<std::string*>(user) += line;
    }
    return size * count;
}

}  // namespace

BrowserAgent::BrowserAgent() : handle_(std::make_unique<Handle>()) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    handle_->curl = curl_easy_init();
    if (handle_->curl == nullptr) throw std::runtime_error("curl_easy_init");
    curl_easy_setopt(handle_->curl, CURLOPT_COOKIEFILE, "");  // cookie engine on, nothing loaded
    curl_easy_setopt(handle_->curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(handle_->curl, CURLOPT_TIMEOUT, 20L);
}

BrowserAgent::~BrowserAgent() = default;

BrowserAgent::Reply BrowserAgent::Perform(const std::string& url, const std::string* form_body) {
    Reply reply;
    CURL* curl = handle_->curl;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Append);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &Header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.set_cookies);
    if (form_body != nullptr) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form_body->c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(form_body->size()));
    } else {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    }
    if (const CURLcode code = curl_easy_perform(curl); code != CURLE_OK) {
        throw std::runtime_error(std::string("request to ") + url + " failed: " + curl_easy_strerror(code));
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    char* location = nullptr;
    curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location);  // resolved against the URL
    if (location != nullptr) reply.location = location;
    return reply;
}

BrowserAgent::Reply BrowserAgent::Get(const std::string& url) { return Perform(url, nullptr); }

BrowserAgent::Reply BrowserAgent::PostForm(const std::string& url, const std::string& body) {
    return Perform(url, &body);
}

std::string BrowserAgent::Cookie(const std::string& name) const {
    curl_slist* cookies = nullptr;
    curl_easy_getinfo(handle_->curl, CURLINFO_COOKIELIST, &cookies);
    std::string value;
    for (curl_slist* entry = cookies; entry != nullptr; entry = entry->next) {
        // Netscape format: domain, flag, path, secure, expiry, name, value — tab-separated.
        std::istringstream fields(entry->data);
        std::string domain, flag, path, secure, expiry, cookie_name, cookie_value;
        std::getline(fields, domain, '\t');
        std::getline(fields, flag, '\t');
        std::getline(fields, path, '\t');
        std::getline(fields, secure, '\t');
        std::getline(fields, expiry, '\t');
        std::getline(fields, cookie_name, '\t');
        std::getline(fields, cookie_value, '\t');
        if (cookie_name == name) value = cookie_value;
    }
    curl_slist_free_all(cookies);
    return value;
}

}  // namespace kronobarn::testing
