// Repositories for Praxismodellen: the wheel catalogue, coordination holders and signals (oro).
#pragma once

#include <array>

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/concern.hpp"
#include "domain/handover.hpp"
#include "domain/plan_follow.hpp"
#include "domain/wheel_assessment.hpp"
#include "store/records/praxis_records.hpp"

namespace kronobarn::store {

class WheelRepository {
  public:
    virtual ~WheelRepository() = default;
    // The areas of the newest catalogue version, in display order.
    virtual Result<std::vector<WheelArea>> CurrentAreas() = 0;
    // Stores a new catalogue version (areas in display order) and answers its number.
    virtual Result<int> InsertCatalogueVersion(const std::string& note, const std::vector<WheelArea>& areas) = 0;
    virtual Result<domain::AssessmentId> InsertAssessment(const domain::WheelAssessment& assessment) = 0;
    // Every assessment of a child with its areas, oldest first.
    virtual Result<std::vector<domain::WheelAssessment>> AssessmentsOf(domain::ChildId child) = 0;
};

class CoordinationRepository {
  public:
    virtual ~CoordinationRepository() = default;
    virtual Result<std::optional<domain::UnitId>> FindHolder(domain::ChildId child) = 0;
    virtual Status SetHolder(domain::ChildId child, domain::UnitId unit, Timestamp since) = 0;
    // Children `unit` holds whose birth date lies in any of the three ranges, oldest first.
    virtual Result<std::vector<HeldChild>> HeldChildrenBornBetween(domain::UnitId unit,
                                                                   const std::array<DateRange, 3>& born, int limit) = 0;

    // kConflict "handover.already_pending" when the child already has a pending request.
    virtual Result<domain::HandoverId> InsertHandover(const domain::Handover& handover) = 0;
    virtual Result<std::optional<domain::Handover>> FindHandover(domain::HandoverId id) = 0;
    virtual Result<std::optional<domain::Handover>> PendingHandoverOf(domain::ChildId child) = 0;
    // Stores the answer of a pending request; kConflict "handover.not_pending" if it was answered meanwhile.
    virtual Status SaveAnswer(const domain::Handover& handover) = 0;
    virtual Result<std::vector<domain::Handover>> PendingTo(domain::UnitId unit, int limit) = 0;
    // Pending and declined requests a unit has sent, newest first.
    virtual Result<std::vector<domain::Handover>> SentFrom(domain::UnitId unit, int limit) = 0;

    // May the plan follow (rule 4): answers are only added, in the order given.
    virtual Status InsertPlanFollowAnswer(const domain::PlanFollowAnswer& answer) = 0;
    virtual Result<std::vector<domain::PlanFollowAnswer>> PlanFollowAnswersOf(domain::HandoverId handover) = 0;
};

class ConcernRepository {
  public:
    virtual ~ConcernRepository() = default;
    virtual Result<domain::ConcernId> Insert(const domain::Concern& concern) = 0;
    virtual Result<std::optional<domain::Concern>> Find(domain::ConcernId id) = 0;
    // Unanswered signals routed to `unit`, oldest first.
    virtual Result<std::vector<InboxEntry>> Inbox(domain::UnitId unit, int limit) = 0;
    // Stores the concern's decision and moves its status from received to handled. kConflict
    // "concern.already_decided" when another request decided first.
    virtual Status SaveDecision(domain::ConcernId id, const domain::ConcernDecision& decision) = 0;
    // Moves a handled signal back to received (its decisions stay on record); kConflict
    // "concern.not_handed_over" when it is not handled any more.
    virtual Status Reopen(domain::ConcernId id) = 0;
    // Signals a user registered, newest first.
    virtual Result<std::vector<OwnConcernEntry>> ByNoticingUser(domain::UserId user, int limit) = 0;
};

}  // namespace kronobarn::store
