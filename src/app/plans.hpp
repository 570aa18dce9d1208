// Barnets plan use cases (Praxismodellen steps 3C–4, stories 6, 8, 9, 10, 15). Every read and
// write goes through the access choke point with the child's relations loaded at that moment;
// what a reader sees is cut to the fields its kind of reader sees (domain/plan_fields.hpp).
// Each edit is one transaction that checks the version the user's form was based on.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/concerns.hpp"
#include "app/unit_scope.hpp"
#include "common/result.hpp"
#include "domain/access.hpp"
#include "domain/family_entry.hpp"
#include "domain/plan.hpp"
#include "store/records/forward.hpp"
#include "store/records/plan_records.hpp"

namespace kronobarn::app {

// What a plan form says, typed: the web layer parses the form (web/plan_forms.hpp) and the use
// cases never see form words. `based_on` is the version the form was rendered from.
template <typename Input>
struct PlanChange {
    int based_on = 0;
    Input input;
};

// The basics form: every text of the basics and the next meeting, and each guardian's own view
// by the guardian's id (the use case names the guardians from the child's record).
struct PlanBasicsInput {
    domain::PlanBasics basics;
    std::map<std::int64_t, std::string> guardian_views;
};

struct ParticipantInput {
    domain::UnitId unit_id = 0;
    std::string contact_name;
    std::string contact_phone;
};

struct GoalRemoval {
    domain::GoalId goal_id = 0;
};

struct ActionRemoval {
    domain::PlanActionId action_id = 0;
};

struct ParticipantRemoval {
    domain::UnitId unit_id = 0;
    std::string reason;
};

struct MeetingCorrection {
    domain::MeetingId meeting_id = 0;
    Date held_on;
    std::string place;
    std::string notes;
};

struct MeetingCancellation {};

// How each guardian took part, as the holder records it when agreeing the plan (present at the
// meeting, or not taking part with a reason); a guardian who agreed in the family view needs none.
struct AgreeInput {
    struct Part {
        domain::GuardianId guardian_id = 0;
        domain::GuardianPartKind kind = domain::GuardianPartKind::kPresentAtMeeting;
        std::string reason;
    };
    std::vector<Part> parts;
};

struct CloseInput {
    domain::CloseReason reason = domain::CloseReason::kNeedsMet;
};

struct PlanView {
    domain::Plan plan;  // already cut to what `reading` allows (domain/plan_fields.hpp)
    domain::PlanReading reading;
    // Participants no basis or consent in force covers: shown to the plan's keepers only, marked.
    std::vector<domain::UnitId> uncovered_participants;
    domain::LegalBasis basis = domain::LegalBasis::kNone;
    bool may_edit = false;
    // May report on the actions it sees: the plan's editors, and a participant on its own unit's
    // (the only actions a participant sees).
    bool may_report = false;
    std::string child_name;
    std::string child_personal_number;
    // The plan's keepers only: the consents in force today, for the working document and the archive.
    struct ConsentInForce {
        std::string purpose;
        std::vector<domain::UnitId> unit_ids;
        Date valid_to;
    };
    std::vector<ConsentInForce> consents_in_force;
    std::string holder_unit_name;
    std::map<domain::UnitId, std::string> unit_names;      // every unit the plan mentions
    std::map<std::string, std::string> area_labels;        // wheel area code → Swedish label
    std::vector<UnitChoice> participant_choices;           // units that may be added
    UnitScope participant_scope;                           // whose units they are
    std::vector<domain::Guardian> guardians;               // for the edit form, one view each
    std::vector<store::PlanChange> history;                // for the history page only
    std::map<std::string, std::string> area_child_labels;  // wheel area code → child-friendly Swedish
    std::vector<domain::FamilyEntry> family_entries;       // what the family wrote, oldest first
    std::optional<domain::GuardianId> reader_guardian;     // the family view: the guardian reading it
};

struct PlanListItem {
    domain::PlanId id = 0;
    std::string child_name;
    domain::PlanState state = domain::PlanState::kDraft;
    std::optional<Date> next_meeting;
    int actions_due_soon = 0;  // the actor's unit's open actions due within 14 days or overdue
    bool meeting_due = false;  // the next meeting is within 14 days, or has passed without a follow-up
    std::optional<int> consent_expires_in_days;  // holder only: a consent in force ends within 30 days
    // Holder only: participating units a consent covered once and none covers now (withdrawn or
    // expired) — they no longer see the plan, by name.
    std::vector<std::string> participants_without_consent;
    // The next meeting, when the actor may see it: the plan's keepers always, a participant when
    // its unit is invited.
    std::optional<domain::PlannedMeeting> planned_meeting;
};

struct PlanList {
    std::vector<PlanListItem> plans;
    // Plans the actor's unit took part in whose consent has since been withdrawn or has expired:
    // a count only, without any detail (domain.md §6, "the participants are told").
    int no_longer_shared = 0;
};

class Plans {
  public:
    Plans(store::Store& store, const Clock& clock, int follow_up_months = domain::kDefaultFollowUpMonths)
        : store_(store), clock_(clock), follow_up_months_(follow_up_months) {}

    // Decision C on a signal: records the decision with its rationale and starts a draft plan
    // (reason: the signal; support areas: those marked in the latest wheel assessment and the
    // signal). If the child already has an open plan the signal is linked to it instead.
    Result<domain::PlanId> DecideCollaboration(const Actor& actor, domain::ConcernId concern,
                                               const std::string& rationale, const RequestContext& context);

    // `with_history` also loads the change history (holder and collaboration unit only).
    // `audit_action` overrides the audit row's action ("print", "export_pdf" …).
    // `units_area`: the municipality whose units the participant form offers (empty: the child's).
    Result<PlanView> View(const Actor& actor, domain::PlanId id, const RequestContext& context,
                          bool with_history = false, std::string audit_action = "", const std::string& units_area = {});

    // The edits; kConflict "plan.stale" when someone saved in between, kFailedPrecondition
    // "plan.closed", kInvalidArgument with a message key naming the field, kNotFound (audited).
    // A unit named in the input must exist ("participant.unit_unknown", "action.unit_unknown").
    Status EditBasics(const Actor& actor, domain::PlanId id, const PlanChange<PlanBasicsInput>& change,
                      const RequestContext& context);
    Status AddParticipant(const Actor& actor, domain::PlanId id, const PlanChange<ParticipantInput>& change,
                          const RequestContext& context);
    Status AddGoal(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanGoal>& change,
                   const RequestContext& context);
    Status AddAction(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanAction>& change,
                     const RequestContext& context);
    Status RecordMeeting(const Actor& actor, domain::PlanId id, const PlanChange<domain::Meeting>& change,
                         const RequestContext& context);
    Status Agree(const Actor& actor, domain::PlanId id, const PlanChange<AgreeInput>& change,
                 const RequestContext& context);
    // Corrections and removals (domain/plan.hpp); each audited as its own action.
    Status EditGoal(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanGoal>& change,
                    const RequestContext& context);
    Status RemoveGoal(const Actor& actor, domain::PlanId id, const PlanChange<GoalRemoval>& change,
                      const RequestContext& context);
    Status EditAction(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanAction>& change,
                      const RequestContext& context);
    Status RemoveAction(const Actor& actor, domain::PlanId id, const PlanChange<ActionRemoval>& change,
                        const RequestContext& context);
    Status EditParticipant(const Actor& actor, domain::PlanId id, const PlanChange<ParticipantInput>& change,
                           const RequestContext& context);
    Status RemoveParticipant(const Actor& actor, domain::PlanId id, const PlanChange<ParticipantRemoval>& change,
                             const RequestContext& context);
    Status CorrectMeeting(const Actor& actor, domain::PlanId id, const PlanChange<MeetingCorrection>& change,
                          const RequestContext& context);
    // The next meeting: planned or moved ("plan_meeting"), called off ("cancel_meeting").
    Status PlanMeeting(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlannedMeeting>& change,
                       const RequestContext& context);
    Status CancelPlannedMeeting(const Actor& actor, domain::PlanId id, const PlanChange<MeetingCancellation>& change,
                                const RequestContext& context);

    // A party's report on one action of the plan: a participant on its own unit's actions, a
    // guardian on the family's, the plan's keepers on any. Another's action is refused as not
    // found, with a denied audit row (domain::AccessAction::kReportOnAction).
    Status ReportOnAction(const Actor& actor, domain::PlanId id, const domain::ActionReport& report,
                          const RequestContext& context);
    Status Close(const Actor& actor, domain::PlanId id, const PlanChange<CloseInput>& change,
                 const RequestContext& context);

    // Open plans the actor's units work on and may read now, with what is due; one audit row per
    // listed plan.
    Result<PlanList> ListFor(const Actor& actor, const RequestContext& context);

  private:
    using Change = std::function<Status(store::UnitOfWork&, domain::Plan&, int based_on, Date today)>;
    // Runs in the edit's transaction once the plan is saved (notifications about the change).
    using AfterSave = std::function<Status(store::UnitOfWork&, const domain::Plan& before, Timestamp now)>;
    Status Edit(const Actor& actor, domain::PlanId id, int based_on, std::string audit_action,
                const RequestContext& context, const Change& change, const AfterSave& after_save = nullptr);

    store::Store& store_;
    const Clock& clock_;
    int follow_up_months_;
};

}  // namespace kronobarn::app
