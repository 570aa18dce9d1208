// Emergency grants (nödåtkomst): written once, never edited; read by the access decision, the
// holder's start page and the family's access log.
#pragma once

#include <vector>

#include "common/result.hpp"
#include "domain/emergency_access.hpp"

namespace kronobarn::store {

class EmergencyAccessRepository {
  public:
    virtual ~EmergencyAccessRepository() = default;
    virtual Result<domain::EmergencyGrantId> Insert(const domain::EmergencyGrant& grant) = 0;
    // Grants of the child still running at `now` (newest first); every grant when `now` is the epoch.
    virtual Result<std::vector<domain::EmergencyGrant>> OfChild(domain::ChildId child, Timestamp now) = 0;
    // Grants since `since` on children the unit holds coordination responsibility for, newest first.
    virtual Result<std::vector<domain::EmergencyGrant>> ForHolderUnit(domain::UnitId unit, Timestamp since,
                                                                      int limit) = 0;
};

}  // namespace kronobarn::store
