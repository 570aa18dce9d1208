// Writing a notification into the outbox, inside the transaction of the event that causes it (so
// a signal that rolls back sends nothing, and one that commits cannot lose its mail). Internal to app.
#pragma once

#include <optional>
#include <string>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/notification.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

// To a unit's functional mailbox: nothing when the unit has none (or an address no mail server
// could take — an administrator fixes it on the units page; the event itself goes ahead).
Status NotifyUnit(store::UnitOfWork& uow, domain::NotificationKind kind, domain::UnitId unit, std::string link_path,
                  std::optional<Date> on_date, Timestamp now);

}  // namespace kronobarn::app
