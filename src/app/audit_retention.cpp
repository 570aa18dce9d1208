#include "app/audit_retention.hpp"
#include "store/store.hpp"

#include "domain/audit_retention.hpp"

namespace kronobarn::app {

Result<AuditRetentionResult> ApplyAuditRetention(store::Store& store, const Clock& clock, int years,
                                                 const RequestContext& context) {
    const Timestamp now = clock.Now();
    AuditRetentionResult result;
    KB_ASSIGN_OR_RETURN(result.cutoff, domain::AuditRetentionCutoff(now, years));
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto boundary, uow->Audit().RetentionBoundary(result.cutoff));
    if (!boundary) return result;  // nothing is old enough
    store::AuditRetentionRun run;
    run.run_at = now;
    run.cutoff = result.cutoff;
    run.through_sequence = boundary->sequence;
    run.anchor_hash = boundary->hash;
    KB_ASSIGN_OR_RETURN(result.deleted_rows, uow->Audit().DeleteByRetention(run));

    domain::AuditEvent event;
    event.at = now;
    event.object_type = "audit_log";
    event.object_id =
        "through=" + std::to_string(run.through_sequence) + " rows=" + std::to_string(result.deleted_rows);
    event.action = "retention_delete";
    event.legal_basis = "retention";
    event.request_id = context.request_id;
    KB_RETURN_IF_ERROR(uow->Audit().Append(event));
    KB_RETURN_IF_ERROR(uow->Commit());
    result.through_sequence = run.through_sequence;
    return result;
}

}  // namespace kronobarn::app
