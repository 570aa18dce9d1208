#include "common/totp.hpp"

#include <liboath/oath.h>

#include <array>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "common/crypto.hpp"

namespace kronobarn::totp {
namespace {

void InitialiseOnce() {
    static std::once_flag once;
    std::call_once(once, [] { oath_init(); });
}

struct FreeDeleter {
    void operator()(char* p) const { std::free(p); }
};

// The raw key bytes, or nullopt when `secret_base32` is not base32.
std::optional<std::string> DecodeSecret(std::string_view secret_base32) {
    InitialiseOnce();
    char* raw = nullptr;
    std::size_t length = 0;
    if (oath_base32_decode(secret_base32.data(), secret_base32.size(), &raw, &length) != OATH_OK) return std::nullopt;
    std::unique_ptr<char, FreeDeleter> owned(raw);
    if (length == 0) return std::nullopt;
    return std::string(raw, length);
}

time_t UnixSeconds(Timestamp at) {
    return static_cast<time_t>(std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count());
}

}  // namespace

std::string NewSecret() {
    InitialiseOnce();
    std::array<char, 20> key{};
    for (char& byte : key) byte = static_cast<char>(crypto::RandomBelow(256));
    char* encoded = nullptr;
    std::size_t length = 0;
    if (oath_base32_encode(key.data(), key.size(), &encoded, &length) != OATH_OK) std::abort();  // out of memory
    std::unique_ptr<char, FreeDeleter> owned(encoded);
    std::string secret(encoded, length);
    while (!secret.empty() && secret.back() == '=') secret.pop_back();
    return secret;
}

std::optional<std::int64_t> MatchingStep(std::string_view secret_base32, std::string_view typed_code, Timestamp now) {
    std::string code;
    for (const char c : typed_code) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') return std::nullopt;
        code.push_back(c);
    }
    if (code.size() != kDigits) return std::nullopt;
    const auto key = DecodeSecret(secret_base32);
    if (!key) return std::nullopt;
    int position = 0;
    std::uint64_t step = 0;
    const int matched =
        oath_totp_validate4(key->data(), key->size(), UnixSeconds(now), kStepSeconds, OATH_TOTP_DEFAULT_START_TIME,
                            /*window=*/1, &position, &step, 0, code.c_str());
    if (matched < 0) return std::nullopt;
    return static_cast<std::int64_t>(step);
}

std::string CodeAt(std::string_view secret_base32, Timestamp at) {
    const auto key = DecodeSecret(secret_base32);
    if (!key) return {};
    std::array<char, kDigits + 1> code{};
    if (oath_totp_generate2(key->data(), key->size(), UnixSeconds(at), kStepSeconds, OATH_TOTP_DEFAULT_START_TIME,
                            kDigits, 0, code.data()) != OATH_OK) {
        return {};
    }
    return std::string(code.data(), kDigits);
}

std::string EnrolmentUri(std::string_view issuer, std::string_view account, std::string_view secret_base32) {
    const auto encode = [](std::string_view text) { return boost::urls::encode(text, boost::urls::unreserved_chars); };
    return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + std::string(secret_base32) +
           "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
           "&period=" + std::to_string(kStepSeconds);
}

std::string GroupedForReading(std::string_view secret_base32) {
    std::string grouped;
    for (std::size_t i = 0; i < secret_base32.size(); ++i) {
        if (i > 0 && i % 4 == 0) grouped.push_back(' ');
        grouped.push_back(secret_base32[i]);
    }
    return grouped;
}

}  // namespace kronobarn::totp
