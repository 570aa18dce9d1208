// Notifications (issue 25): what Kronobarn tells people by e-mail so that nobody has to poll the
// start page. One catalogue row per kind of event. A message can carry only the safe fields below —
// the unit's name, a date and a link that needs sign-in — never a child's name, personal number or
// any text from a signal, plan or assessment: the outbox has no column for anything else, so a
// careless template cannot leak it.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/time.hpp"
#include "domain/organisation.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::domain {

enum class NotificationKind {
    kNewSignal,         // a signal in the unit's inbox (to the holder unit's mailbox)
    kHandoverRequest,   // a unit is asked to take over coordination (to that unit)
    kHandoverAnswered,  // the answer to a handover request (to the unit that asked)
};

enum class Delivery { kAtOnce, kDailyDigest, kOff };

struct NotificationType {
    NotificationKind kind;
    std::string_view code;         // stored in the outbox, and in preference forms
    std::string_view subject_key;  // translation keys; the body may use {unit}, {date} and {link}
    std::string_view body_key;
    bool duty;  // part of someone's work: it can be delayed to the digest, never turned off
    Delivery default_delivery;
};

std::span<const NotificationType> NotificationTypes();
const NotificationType& TypeOf(NotificationKind kind);
const NotificationType* FindNotificationType(std::string_view code);

// One message waiting in the outbox, in the words of the catalogue: whom, and the safe fields.
struct Notification {
    NotificationKind kind = NotificationKind::kNewSignal;
    std::optional<UserId> recipient_user_id;
    std::optional<UnitId> recipient_unit_id;  // a unit's functional mailbox
    std::string address;                      // as it was when the event happened
    std::string language = "sv";
    std::string unit_name;        // the unit the event is about (safe: not the child's)
    std::optional<Date> on_date;  // a due date or meeting day, when the event has one
    std::string link_path;        // a page that needs sign-in, e.g. "/oro/12"
};

// Whether `address` is an address a message can go to: one @, a dot in the domain, no spaces or
// control characters, at most 254 characters. Anything else is never handed to the mail server.
bool IsDeliverableAddress(std::string_view address);

// How long to wait before attempt `attempts + 1` after `attempts` failures: 1, 2, 4 … minutes, at
// most six hours, so a mail server that is down for a day is tried again without being hammered.
std::chrono::seconds RetryDelay(int attempts);

// After this many failures a message is left for an administrator to see (it is never deleted).
inline constexpr int kMaxDeliveryAttempts = 12;

}  // namespace kronobarn::domain
