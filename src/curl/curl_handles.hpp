// libcurl's global initialisation, once per process (curl_global_init is not thread-safe), and its
// handles as owning pointers, so every early return frees them.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace kronobarn::curl {

inline void InitialiseOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct MimeDeleter {
    void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};

using Easy = std::unique_ptr<CURL, EasyDeleter>;
using List = std::unique_ptr<curl_slist, ListDeleter>;
using Mime = std::unique_ptr<curl_mime, MimeDeleter>;

// A fresh easy handle, the library initialised first; null when curl cannot make one.
inline Easy NewEasy() {
    InitialiseOnce();
    return Easy(curl_easy_init());
}

}  // namespace kronobarn::curl
