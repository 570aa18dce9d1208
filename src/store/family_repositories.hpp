// Storage for the family's own view: family accounts and their links to children, one-time
// activation links, the entries the family writes into the plan, and the access log as the
// family sees it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/family_entry.hpp"
#include "domain/family_sign_in.hpp"
#include "domain/personal_number.hpp"
#include "domain/user_account.hpp"
#include "store/records/family_records.hpp"

namespace kronobarn::store {

class FamilyRepository {
  public:
    virtual ~FamilyRepository() = default;
    // kConflict "family.account_exists" when the guardian (or the child) already has an account.
    virtual Status InsertLink(domain::UserId user, const domain::FamilyLink& link) = 0;
    virtual Result<std::vector<domain::FamilyLink>> LinksOf(domain::UserId user) = 0;
    virtual Result<std::vector<FamilyAccount>> AccountsOfChild(domain::ChildId child) = 0;

    virtual Status InsertActivation(const Activation& activation) = 0;
    virtual Result<std::optional<Activation>> FindActivation(std::string_view token_hash) = 0;
    // kConflict "activation.used" when another request used it first.
    virtual Status UseActivation(std::string_view token_hash, Timestamp at) = 0;
    // Earlier links stop working when a new one is made.
    virtual Status RevokeActivationsOf(domain::UserId user, Timestamp at) = 0;

    virtual Status SetGuardianRestriction(domain::GuardianId guardian, bool restricted, const std::string& reason) = 0;
    // kConflict "family.staff.eid_taken" when the child's other guardian has that number.
    virtual Status SetGuardianPersonalNumber(domain::GuardianId guardian,
                                             const std::optional<domain::PersonalNumber>& number) = 0;
    // Every child the person with this personal number is recorded as guardian of.
    virtual Result<std::vector<domain::GuardianOfChild>> GuardianRecordsOf(const domain::PersonalNumber& number) = 0;

    virtual Result<std::int64_t> InsertEntry(const domain::FamilyEntry& entry) = 0;
    // Oldest first.
    virtual Result<std::vector<domain::FamilyEntry>> EntriesOf(domain::PlanId plan) = 0;

    // Professionals' allowed openings of the child's data older than `before_sequence`, newest first.
    virtual Result<std::vector<AccessLogEntry>> AccessLogOf(domain::ChildId child, std::int64_t before_sequence,
                                                            int limit) = 0;
};

}  // namespace kronobarn::store
