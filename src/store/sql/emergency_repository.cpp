// Emergency grants on either engine.
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

// Columns: id, child_id, user_id, unit_id, reason, granted_at, expires_at.
Result<std::vector<domain::EmergencyGrant>> ReadGrants(Statement& stmt) {
    std::vector<domain::EmergencyGrant> grants;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return grants;
        grants.push_back({stmt.Int("id"), stmt.Int("child_id"), stmt.Int("user_id"), stmt.Int("unit_id"),
                          stmt.Text("reason"), FromUnixMillis(stmt.Int("granted_at")),
                          FromUnixMillis(stmt.Int("expires_at"))});
    }
}

}  // namespace

Result<domain::EmergencyGrantId> SqlEmergencyAccessRepository::Insert(const domain::EmergencyGrant& grant) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("emergency_grant_insert"));
    stmt.Bind(1, grant.child_id).Bind(2, grant.user_id).Bind(3, grant.unit_id).Bind(4, grant.reason);
    KB_RETURN_IF_ERROR(stmt.Bind(5, ToUnixMillis(grant.granted_at)).Bind(6, ToUnixMillis(grant.expires_at)).Run());
    return db_.LastInsertId();
}

Result<std::vector<domain::EmergencyGrant>> SqlEmergencyAccessRepository::OfChild(domain::ChildId child,
                                                                                  Timestamp now) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("emergency_grants_of_child"));
    stmt.Bind(1, child).Bind(2, ToUnixMillis(now));
    return ReadGrants(stmt);
}

Result<std::vector<domain::EmergencyGrant>> SqlEmergencyAccessRepository::ForHolderUnit(domain::UnitId unit,
                                                                                        Timestamp since, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("emergency_grants_for_holder_unit"));
    stmt.Bind(1, unit).Bind(2, ToUnixMillis(since)).Bind(3, std::int64_t{limit});
    return ReadGrants(stmt);
}

}  // namespace kronobarn::store::sql
