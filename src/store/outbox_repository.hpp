// Storage of the notification outbox (issue 25): messages are written in the transaction of the
// event that causes them, claimed by a sender, and marked sent or failed; the daily digest gathers
// what waits for it; people's choices per kind of event. See migrations 0037 and 0038.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/notification.hpp"
#include "store/records/outbox_records.hpp"

namespace kronobarn::store {

class OutboxRepository {
  public:
    virtual ~OutboxRepository() = default;
    // The new message's id; nullopt when a reminder with the same key was already written.
    virtual Result<std::optional<std::int64_t>> Add(const domain::Notification& notification,
                                                    const std::string& message_id, Timestamp now,
                                                    const OutboxPlacement& placement) = 0;
    // A message to go out at once.
    Result<std::int64_t> Enqueue(const domain::Notification& notification, const std::string& message_id,
                                 Timestamp now) {
        KB_ASSIGN_OR_RETURN(const auto id, Add(notification, message_id, now, {}));
        if (!id) return Error::Internal("outbox: a message without a reminder key was not written");
        return *id;
    }
    // Up to `limit` due messages (oldest first) that no other sender holds, held by this one until
    // `claim_until`; messages that have failed `max_attempts` times are left alone.
    virtual Result<std::vector<OutboxMessage>> Claim(Timestamp now, Timestamp claim_until, int limit,
                                                     int max_attempts) = 0;
    // A digest's items are marked sent with it.
    virtual Status MarkSent(std::int64_t id, Timestamp at) = 0;
    // `attempts`: how many have now failed (kMaxDeliveryAttempts: tried no more).
    virtual Status MarkFailed(std::int64_t id, int attempts, const std::string& error, Timestamp next_attempt_at) = 0;
    // Every message with its delivery state, oldest first.
    virtual Result<std::vector<OutboxMessage>> List() = 0;
    // Failed at least once and not sent, newest first.
    virtual Result<std::vector<OutboxMessage>> Failed(int limit) = 0;

    // The daily digest: what waits for it (ordered by address), and gathering it into a digest.
    virtual Result<std::vector<OutboxMessage>> WaitingForDigest() = 0;
    virtual Status AttachToDigest(std::int64_t item, std::int64_t digest) = 0;
    virtual Result<std::vector<OutboxMessage>> DigestItems(std::int64_t digest) = 0;
    // True for the first caller on `day` only: a once-a-day job runs once however many servers ask.
    virtual Result<bool> ClaimDailyJob(std::string_view job, Date day) = 0;

    // Who hears of an event: the staff acting for a unit on `day`, a child's family accounts; each
    // with their choice for `kind`.
    virtual Result<std::vector<NotificationRecipient>> UnitStaff(domain::UnitId unit, Date day,
                                                                 std::string_view kind) = 0;
    virtual Result<std::vector<NotificationRecipient>> Family(domain::ChildId child, std::string_view kind) = 0;
    // A person's choices, by kind code; kinds without a row use the catalogue's default.
    virtual Result<std::map<std::string, domain::Delivery>> PreferencesOf(domain::UserId user) = 0;
    virtual Status SavePreference(domain::UserId user, std::string_view kind, domain::Delivery delivery) = 0;
    // Reminders' sources, each item with the unit to remind: actions of open plans due on or before
    // `last_day` (the unit carrying it out); agreed or active plans to be followed up by `last_day`
    // (the collaboration-responsible unit, else the holder) — unless a meeting is planned for it on
    // or after `today`, whose invitation already told them; consents in force that run out between
    // `first_day` and `last_day` (the child's holder).
    virtual Result<std::vector<DueItem>> ActionsDueBy(Date last_day) = 0;
    virtual Result<std::vector<DueItem>> FollowUpsDueBy(Date today, Date last_day) = 0;
    virtual Result<std::vector<DueItem>> ConsentsExpiringBetween(Date first_day, Date last_day) = 0;
};

}  // namespace kronobarn::store
