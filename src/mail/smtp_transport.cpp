#include "mail/smtp_transport.hpp"

#include "curl/curl_handles.hpp"
#include "mail/calendar_text.hpp"

#include <sodium.h>

#include <algorithm>
#include <ctime>

namespace kronobarn::mail {
namespace {

std::string Base64(std::string_view bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.find('\0'));
    return out;
}

bool IsLoopback(const std::string& url) {
    for (const char* host : {"://127.0.0.1", "://localhost", "://[::1]"}) {
        if (url.find(host) != std::string::npos) return true;
    }
    return false;
}

// Nothing that could end a header line and start another.
bool IsHeaderSafe(std::string_view text) { return text.find_first_of("\r\n") == std::string_view::npos; }

}  // namespace

std::string AddressOf(std::string_view mailbox) {
    const auto open = mailbox.rfind('<');
    const auto close = mailbox.rfind('>');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::string(mailbox);
    return std::string(mailbox.substr(open + 1, close - open - 1));
}

std::string EncodedHeader(std::string_view text) {
    const bool ascii = std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
    if (ascii) return std::string(text);
    // Encoded words of at most 45 bytes of text (75 characters encoded), cut between characters.
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(start + 45, text.size());
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        out +=
            (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + Base64(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string MailDate(Timestamp at) {
    const std::time_t seconds =
        std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::system_clock::duration>(at));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[64];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday], utc.tm_mday,
                  kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

Status SmtpTransport::Send(const app::MailMessage& message) {
    for (const std::string* field : {&message.from, &message.to, &message.subject, &message.message_id}) {
        if (!IsHeaderSafe(*field)) return Error::InvalidArgument("mail.header_unsafe", "a header holds a line break");
    }
    const curl::Easy handle = curl::NewEasy();
    if (!handle) return Error::Unavailable("curl_easy_init");
    CURL* c = handle.get();
    curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(c, CURLOPT_USE_SSL, IsLoopback(settings_.url) ? CURLUSESSL_TRY : CURLUSESSL_ALL);
    if (!settings_.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    const std::string from = "<" + AddressOf(message.from) + ">";
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    const curl::List recipients(curl_slist_append(nullptr, ("<" + message.to + ">").c_str()));
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());

    curl::List headers;
    const auto add = [&](const std::string& line) {
        headers.reset(curl_slist_append(headers.release(), line.c_str()));
    };
    add("Date: " + MailDate(message.date));
    add("From: " + message.from);
    add("To: <" + message.to + ">");
    add("Subject: " + EncodedHeader(message.subject));
    add("Message-ID: " + message.message_id);
    add("Auto-Submitted: auto-generated");  // RFC 3834: no auto-replies to us
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

    const curl::Mime mime(curl_mime_init(c));
    // Lines end in CRLF on the wire (RFC 5322), so quoted-printable keeps them as line breaks.
    std::string body;
    for (const char c : message.text) {
        if (c == '\n' && (body.empty() || body.back() != '\r')) body += '\r';
        body += c;
    }
    // A meeting: the text and its calendar entry as alternatives of one another (what calendars
    // look for to offer "accept"), inside the message's multipart.
    curl_mime* alternatives = message.calendar ? curl_mime_init(c) : nullptr;
    curl_mimepart* text = curl_mime_addpart(alternatives != nullptr ? alternatives : mime.get());
    curl_mime_data(text, body.data(), body.size());
    curl_mime_type(text, "text/plain; charset=utf-8");
    curl_mime_encoder(text, "quoted-printable");
    std::string calendar;
    if (alternatives != nullptr) {
        calendar = CalendarText(*message.calendar, message.date);
        curl_mimepart* entry = curl_mime_addpart(alternatives);
        curl_mime_data(entry, calendar.data(), calendar.size());
        curl_mime_type(entry, message.calendar->cancelled ? "text/calendar; charset=utf-8; method=CANCEL"
                                                          : "text/calendar; charset=utf-8; method=REQUEST");
        curl_mime_encoder(entry, "base64");
        curl_mime_filename(entry, "kronobarn.ics");
        curl_mimepart* both = curl_mime_addpart(mime.get());
        curl_mime_subparts(both, alternatives);  // the message's mime owns it from here
        curl_mime_type(both, "multipart/alternative");
    }
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK) return Ok();
    long reply = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
    const std::string detail =
        std::string(curl_easy_strerror(code)) + (reply ? " (" + std::to_string(reply) + ")" : "");
    // The server refused for good (a 5xx: no such mailbox, not allowed): trying again changes nothing.
    if (reply >= 500 && reply < 600) return Error::InvalidArgument("mail.refused", detail);
    return Error::Unavailable(detail);
}

}  // namespace kronobarn::mail
