// A message in the notification outbox, with its delivery state (outbox_repository.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/time.hpp"
#include "domain/notification.hpp"

namespace kronobarn::store {

struct OutboxMessage {
    std::int64_t id = 0;
    domain::Notification notification;
    std::string message_id;  // the Message-ID header: the same on every attempt
    Timestamp created_at{};
    int attempts = 0;  // sends tried so far
    std::string last_error;
    std::optional<Timestamp> sent_at;
    bool digest = false;                    // waits for (or went with) a daily digest
    std::optional<std::int64_t> digest_id;  // the digest that carries it
};

// Where a message may go besides a unit's mailbox: a member of staff acting for the unit, or a
// family account, with what they chose for the kind of event at hand (nothing: the default).
struct NotificationRecipient {
    domain::UserId user_id = 0;
    std::string email;
    std::string language = "sv";
    std::optional<domain::Role> role;  // staff only: the role held on the unit
    std::optional<domain::Delivery> chosen;
};

// How a message is placed in the outbox: at once or for the digest, and for a reminder the key
// that keeps it from being written twice.
struct OutboxPlacement {
    bool digest = false;
    std::string reminder_key;
};

// Something a unit must see to by a day — an action it carries out, a plan's follow-up, a consent
// that runs out: what a reminder needs, and no text. `item_id` names it (the reminder is written once
// per item and date), `page_id` is the plan or child its link opens.
struct DueItem {
    std::int64_t item_id = 0;
    std::int64_t page_id = 0;
    domain::UnitId unit_id = 0;
    Date due;
};

}  // namespace kronobarn::store
