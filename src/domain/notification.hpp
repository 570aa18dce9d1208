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
    kNewSignal,          // a signal in the unit's inbox (to the holder unit)
    kHandoverRequest,    // a unit is asked to take over coordination (to that unit)
    kHandoverAnswered,   // the answer to a handover request (to the unit that asked)
    kMeetingInvitation,  // a planned meeting (invited units, the family): a calendar REQUEST
    kMeetingChanged,     // the planned meeting moved: the same calendar entry, a higher SEQUENCE
    kMeetingCancelled,   // the planned meeting called off: a calendar CANCEL
    kActionDue,          // a reminder: an action of the unit's is due within 14 days, or overdue
    kFollowUpDue,        // a reminder: a plan the unit answers for is to be followed up within 14 days
    kConsentExpiring,    // a reminder: a consent for a child the unit holds runs out within 30 days
    kEmergencyAccess,    // someone used emergency access on a child the unit holds
    kAddedToPlan,        // the unit was added to a child's plan as a party
    kConsentWithdrawn,   // a consent was withdrawn: the units it covered lose access
    // To the family (the guardians' accounts, and the child's own from the login age), in words of
    // their own and in their language (Arabic too):
    kFamilyMeetingInvitation,
    kFamilyMeetingChanged,
    kFamilyMeetingCancelled,
    kFamilyEmergencyAccess,  // the fact, never the reason: who it was is on "who has opened"
    kFamilyPlanAgreed,       // the plan was agreed (upprättad): read it, and say what you think
    kFamilyPlanChanged,      // the agreed plan changed (at most once a day per plan)
    kFamilyInvitation,       // a unit invited the guardian (or the child) to sign in to Kronobarn
    kDigest,                 // the daily digest: one message listing what waited for it
};

// Who a kind of event is for: staff (and units' mailboxes), families, or nobody's choice (the digest).
enum class Audience { kStaff, kFamily, kInternal };

enum class Delivery { kAtOnce, kDailyDigest, kOff };

struct NotificationType {
    NotificationKind kind;
    std::string_view code;         // stored in the outbox, and in preference forms
    std::string_view subject_key;  // translation keys; the body may use {unit}, {date} and {link}
    std::string_view body_key;
    bool duty;  // part of someone's work: it can be delayed to the digest, never turned off
    Delivery default_delivery;
    Audience audience;  // decides whose preference form shows it
    bool calendar;      // carries a calendar entry (the meeting kinds)
};

std::span<const NotificationType> NotificationTypes();
const NotificationType& TypeOf(NotificationKind kind);
const NotificationType* FindNotificationType(std::string_view code);
// Whether a kind speaks to a family (in the family's words and languages, Arabic too): the family
// kinds, and the invitation to sign in, which no one chooses.
bool InFamilyWords(const NotificationType& type);
// The kind a family member is told of instead of a staff kind (the meeting kinds), or nullopt.
std::optional<NotificationKind> FamilyKindOf(NotificationKind staff_kind);

// How `type` reaches a person who chose `chosen` (nothing chosen: the catalogue's default). A duty
// is never off: a stored "off" for one counts as the default.
Delivery DeliveryFor(const NotificationType& type, std::optional<Delivery> chosen);
std::string_view Code(Delivery delivery);
std::optional<Delivery> ParseDelivery(std::string_view code);

// A meeting's place in a calendar: the planned meeting it is (its UID is made from the id), its
// SEQUENCE, and its start in Swedish local time (the date is the notification's on_date). Nothing
// else: the place and the participants stay in Kronobarn, behind sign-in.
struct MeetingSlot {
    std::int64_t planned_meeting_id = 0;
    int sequence = 0;
    std::chrono::minutes starts_at{0};
};

// One message waiting in the outbox, in the words of the catalogue: whom, and the safe fields.
struct Notification {
    NotificationKind kind = NotificationKind::kNewSignal;
    std::optional<UserId> recipient_user_id;
    std::optional<UnitId> recipient_unit_id;  // a unit's functional mailbox
    std::string address;                      // as it was when the event happened
    std::string language = "sv";
    std::string unit_name;               // the unit the event is about (safe: not the child's)
    std::optional<Date> on_date;         // a due date or meeting day, when the event has one
    std::string link_path;               // a page that needs sign-in, e.g. "/oro/12"
    std::optional<MeetingSlot> meeting;  // the meeting kinds only
};

// Calendar entries last an hour unless the meeting says otherwise (a planned meeting has no end).
inline constexpr std::chrono::minutes kMeetingLength{60};

// Whether `address` is an address a message can go to: one @, a dot in the domain, no spaces or
// control characters, at most 254 characters. Anything else is never handed to the mail server.
bool IsDeliverableAddress(std::string_view address);

// How long to wait before attempt `attempts + 1` after `attempts` failures: 1, 2, 4 … minutes, at
// most six hours, so a mail server that is down for a day is tried again without being hammered.
std::chrono::seconds RetryDelay(int attempts);

// After this many failures a message is left for an administrator to see (it is never deleted).
inline constexpr int kMaxDeliveryAttempts = 12;

}  // namespace kronobarn::domain
