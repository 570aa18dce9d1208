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
};

}  // namespace kronobarn::store
