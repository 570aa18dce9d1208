// Sending what the outbox holds (issue 25): claims due messages, words each from the notification
// catalogue in the recipient's language (only the safe fields exist to put in it), hands it to the
// mail transport, and marks it sent — or failed, to be tried again after a growing wait. At least
// once: a sender that dies between sending and marking leaves the claim to run out, and the next
// attempt carries the same Message-ID, so a resend is recognisably the same message.
#pragma once

#include <chrono>
#include <string>

#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"
#include "store/records/outbox_records.hpp"

namespace kronobarn::app {

struct MailMessage {
    std::string from;
    std::string to;
    std::string subject;
    std::string text;
    std::string message_id;
    Timestamp date{};
};

// Where messages go out (SMTP in service, mail/smtp_transport.hpp). kUnavailable for a failure worth
// trying again (server down, 4xx); kInvalidArgument for one that will not change (5xx: the address
// refused).
class MailTransport {
  public:
    virtual ~MailTransport() = default;
    virtual Status Send(const MailMessage& message) = 0;
};

struct OutboxSenderOptions {
    std::string from;        // the From address, e.g. "Kronobarn <kronobarn@kronoberg.se>"
    std::string public_url;  // links are PUBLIC_URL + the page's path
    int batch = 50;
    std::chrono::seconds claim_for{120};  // longer than a batch takes; then another sender may retry
};

struct OutboxRun {
    int sent = 0;
    int failed = 0;
};

// A message worded from the catalogue: its subject and text in the message's language.
MailMessage WordedMessage(const OutboxSenderOptions& options, const store::OutboxMessage& message);

class OutboxSender {
  public:
    OutboxSender(store::Store& store, const Clock& clock, MailTransport& transport, OutboxSenderOptions options)
        : store_(store), clock_(clock), transport_(transport), options_(std::move(options)) {}

    // Sends what is due now, batch by batch, until nothing is; errors only when the store fails.
    Result<OutboxRun> RunOnce();

  private:
    store::Store& store_;
    const Clock& clock_;
    MailTransport& transport_;
    OutboxSenderOptions options_;
};

}  // namespace kronobarn::app
