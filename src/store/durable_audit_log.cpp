#include "store/durable_audit_log.hpp"

#include <future>

namespace kronobarn::store {

Status DurableAuditLog::AppendDurably(std::vector<domain::AuditEvent> events) {
    auto outcome = std::make_shared<std::promise<Status>>();
    auto done = outcome->get_future();
    Append(std::move(events), [outcome](Status status) { outcome->set_value(std::move(status)); });
    return done.get();
}

}  // namespace kronobarn::store
