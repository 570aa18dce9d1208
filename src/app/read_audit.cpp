#include "app/read_audit.hpp"

#include "store/store.hpp"

namespace kronobarn::app {

void AuditDeferral::Add(std::vector<domain::AuditEvent> events) {
    if (events_.empty()) {
        events_ = std::move(events);
    } else {
        events_.insert(events_.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    }
}

std::vector<domain::AuditEvent> AuditDeferral::Take() {
    std::vector<domain::AuditEvent> taken;
    taken.swap(events_);
    return taken;
}

Status RecordReads(store::Store& store, const RequestContext& context, std::vector<domain::AuditEvent> events) {
    if (context.audit_deferral != nullptr) {
        context.audit_deferral->Add(std::move(events));
        return Ok();
    }
    return store.AuditLog().AppendDurably(std::move(events));
}

void ReadAudit::WhenDurable(AuditDeferral& deferral, std::function<void(Status)> on_durable) const {
    store_.AuditLog().Append(deferral.Take(), std::move(on_durable));
}

}  // namespace kronobarn::app
