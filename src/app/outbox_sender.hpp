// Sending what the outbox holds (issue 25): claims due messages, words each from the notification
// catalogue in the recipient's language (only the safe fields exist to put in it), hands it to the
// mail transport, and marks it sent — or failed, to be tried again after a growing wait. At least
// once: a sender that dies between sending and marking leaves the claim to run out, and the next
// attempt carries the same Message-ID, so a resend is recognisably the same message.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"
#include "store/records/outbox_records.hpp"

namespace kronobarn::app {

// A meeting's calendar entry (RFC 5545, written by the transport with libical): only when and which
// meeting — the summary is the catalogue's ("Samverkansmöte (Kronobarn)") and the description the
// link; the place and the participants stay behind sign-in.
struct CalendarEntry {
    std::string uid;  // stable for the meeting across moves: a calendar updates its entry
    int sequence = 0;
    bool cancelled = false;  // METHOD:CANCEL, else REQUEST
    Date on;
    std::chrono::minutes starts_at{0};  // Europe/Stockholm
    std::chrono::minutes length{60};
    std::string summary;
    std::string description;
    std::string organizer;  // the From address
    std::string attendee;   // the recipient's address
};

struct MailMessage {
    std::string from;
    std::string to;
    std::string subject;
    std::string text;
    std::string message_id;
    Timestamp date{};
    std::optional<CalendarEntry> calendar;
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

// A message worded from the catalogue: its subject and text in the message's language, a meeting's
// calendar entry; a digest lists its `items` (each its subject and link).
MailMessage WordedMessage(const OutboxSenderOptions& options, const store::OutboxMessage& message,
                          const std::vector<store::OutboxMessage>& items = {});
// A meeting's calendar UID: the same for every message about it, unique to this installation.
std::string MeetingUid(const std::string& public_url, std::int64_t planned_meeting_id);

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
