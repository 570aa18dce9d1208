// Repositories for consents and Barnets plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/access.hpp"
#include "domain/consent.hpp"
#include "domain/plan.hpp"
#include "store/records/plan_records.hpp"

namespace kronobarn::store {

class ConsentRepository {
  public:
    virtual ~ConsentRepository() = default;
    virtual Result<domain::ConsentId> Insert(const domain::Consent& consent) = 0;
    virtual Result<std::optional<domain::Consent>> Find(domain::ConsentId id) = 0;
    // Every consent of a child in any state, oldest first.
    virtual Result<std::vector<domain::Consent>> OfChild(domain::ChildId child) = 0;
    // Stores a withdrawal; kConflict "consent.already_withdrawn" when another request withdrew first.
    virtual Status SaveWithdrawal(const domain::Consent& consent) = 0;
    // Records one more party (a guardian giving their part of a prepared consent).
    virtual Status AddParty(domain::ConsentId consent, int position, const domain::ConsentParty& party) = 0;
};

class PlanRepository {
  public:
    virtual ~PlanRepository() = default;
    // Inserts a new plan with its first history entry. kConflict "plan.already_open" when the child
    // already has a plan that is not closed.
    virtual Result<domain::PlanId> Insert(const domain::Plan& plan) = 0;
    // The whole plan: goals, actions, participants and meetings with their evaluations.
    virtual Result<std::optional<domain::Plan>> Find(domain::PlanId id) = 0;
    // The plan with its participants and actions only, for lists of plans; goals, meetings (with
    // their evaluations) and the guardians' views stay empty.
    virtual Result<std::optional<domain::Plan>> FindOutline(domain::PlanId id) = 0;
    virtual Result<std::optional<domain::PlanId>> OpenPlanOf(domain::ChildId child) = 0;
    // Of the child's open plan, only what access decisions read (its units), in one statement: an
    // access check on a child must not load goals, actions and meetings it never looks at.
    virtual Result<std::optional<domain::PlanFacts>> OpenPlanFactsOf(domain::ChildId child) = 0;
    // Stores `after`, which the domain derived from `before`, and its history entry. Only when the
    // stored version is still before.version; otherwise kConflict "plan.stale" and nothing changes.
    virtual Status Save(const domain::Plan& before, const domain::Plan& after, domain::UserId by, Timestamp at) = 0;
    // Open plans the unit works on as holder, collaboration-responsible unit or participant,
    // newest first. The caller still decides access for each.
    virtual Result<std::vector<domain::PlanId>> OpenPlansOfUnit(domain::UnitId unit, int limit) = 0;
    // Newest version first.
    virtual Result<std::vector<PlanChange>> History(domain::PlanId id) = 0;
};

}  // namespace kronobarn::store
