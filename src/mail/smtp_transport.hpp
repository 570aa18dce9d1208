// The outbox's mail transport in service: SMTP through libcurl. smtps:// is TLS from the start;
// smtp:// must upgrade with STARTTLS (required, except to a server on this machine, where it is tried).
// A server that refuses for good (5xx) is told apart from one that is away or busy (retry later).
#pragma once

#include <chrono>
#include <string>

#include "app/outbox_sender.hpp"

namespace kronobarn::mail {

struct SmtpSettings {
    std::string url;   // smtp://mail.kronoberg.se:587 or smtps://mail.kronoberg.se:465
    std::string user;  // empty: no AUTH
    std::string password;
    std::chrono::milliseconds timeout{20000};
};

// The address inside "Name <address>", or the whole text when it has no angle brackets.
std::string AddressOf(std::string_view mailbox);
// A header value in RFC 2047 encoded words (UTF-8, base64) when it is not plain ASCII.
std::string EncodedHeader(std::string_view text);
// RFC 5322 date-time in UTC, e.g. "Mon, 07 Dec 2026 12:00:00 +0000".
std::string MailDate(Timestamp at);

class SmtpTransport final : public app::MailTransport {
  public:
    explicit SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) {}
    Status Send(const app::MailMessage& message) override;

  private:
    SmtpSettings settings_;
};

}  // namespace kronobarn::mail
