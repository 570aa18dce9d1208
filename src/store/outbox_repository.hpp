// Storage of the notification outbox (issue 25): messages are written in the transaction of the
// event that causes them, claimed by a sender, and marked sent or failed. See migration 0037.
#pragma once

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
    virtual Result<std::int64_t> Enqueue(const domain::Notification& notification, const std::string& message_id,
                                         Timestamp now) = 0;
    // Up to `limit` due messages (oldest first) that no other sender holds, held by this one until
    // `claim_until`; messages that have failed `max_attempts` times are left alone.
    virtual Result<std::vector<OutboxMessage>> Claim(Timestamp now, Timestamp claim_until, int limit,
                                                     int max_attempts) = 0;
    virtual Status MarkSent(std::int64_t id, Timestamp at) = 0;
    // `attempts`: how many have now failed (kMaxDeliveryAttempts: tried no more).
    virtual Status MarkFailed(std::int64_t id, int attempts, const std::string& error, Timestamp next_attempt_at) = 0;
    // Every message with its delivery state, oldest first.
    virtual Result<std::vector<OutboxMessage>> List() = 0;
};

}  // namespace kronobarn::store
