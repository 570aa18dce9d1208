#include "app/audit_verification.hpp"
#include "store/store.hpp"

#include "domain/audit_retention.hpp"
#include "store/audit_chain.hpp"

namespace kronobarn::app {

Result<AuditVerification> VerifyAuditChain(store::Store& store) {
    AuditVerification result;
    std::string expected_previous(domain::kAuditGenesisHash);
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kRead));
    // After retention the chain starts at the last deleted row's hash; a run that deleted rows
    // younger than the minimum period is itself a finding.
    KB_ASSIGN_OR_RETURN(const auto retention, uow->Audit().LatestRetentionRun());
    if (retention) {
        if (!domain::RespectsMinimumRetention(retention->run_at, retention->cutoff)) {
            result.first_broken_sequence = retention->through_sequence;
            result.problem = "retention_too_short";
            return result;
        }
        expected_previous = retention->anchor_hash;
    }
    KB_RETURN_IF_ERROR(uow->Audit().ForEach([&](const store::AuditRow& row) {
        ++result.rows_checked;
        if (row.previous_hash != expected_previous) {
            result.first_broken_sequence = row.sequence;
            result.problem = "chain_broken";
            return false;
        }
        if (store::ChainedAuditHash(row.previous_hash, row.event) != row.hash) {
            result.first_broken_sequence = row.sequence;
            result.problem = "content_changed";
            return false;
        }
        expected_previous = row.hash;
        return true;
    }));
    return result;
}

}  // namespace kronobarn::app
