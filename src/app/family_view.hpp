// The family's own view of Barnets plan (issue 5; stories 7, 11, 12, 13, 18): a guardian sees the
// plan of each of their children who has one, writes their own view and the child's words, sees,
// gives and withdraws their own consents, and sees who has opened the child's data; the child
// sees its own page. Every read and write goes through the same access choke point as staff's,
// with the guardian and child-self bases, and is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/consents.hpp"
#include "app/emergency_access.hpp"
#include "app/plan_follow.hpp"
#include "app/plans.hpp"
#include "common/result.hpp"
#include "domain/family_entry.hpp"
#include "store/records/family_records.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct FamilyViewOptions {
    int access_log_page_size = 50;
    bool access_log_shows_names = false;  // local policy: show the professional's name, not only the role
    int child_consent_age = 12;           // from this age the child, too, decides whether a plan follows
};

struct FamilyChild {
    domain::ChildId child_id = 0;
    std::string name;
    bool child_self = false;  // the signed-in person is this child
};

struct FamilyConsentItem {
    ConsentItem item;
    bool given_by_me = false;
    bool may_give = false;      // I have not given my part, and it is still open
    bool may_withdraw = false;  // not withdrawn and not expired
};

struct FamilyConsentPage {
    domain::ChildId child_id = 0;
    std::string child_name;
    std::vector<FamilyConsentItem> consents;  // newest first
    // A handover of coordination is pending while the child has a plan: may the plan follow?
    std::optional<PlanFollowQuestion> plan_follow;
    std::optional<domain::PlanFollowAnswerKind> my_plan_follow_answer;  // the reading guardian's latest
};

struct FamilyAccessLog {
    domain::ChildId child_id = 0;
    std::string child_name;
    bool shows_names = false;
    std::vector<store::AccessLogEntry> entries;  // newest first
    bool is_newest_page = true;
    std::optional<std::int64_t> older_before;  // where the next, older page starts; empty on the last page
    std::vector<EmergencyNotice> emergency;    // every emergency grant on the child, with its reason
};

class FamilyView {
  public:
    FamilyView(store::Store& store, const Clock& clock, Plans& plans, FamilyViewOptions options)
        : store_(store), clock_(clock), plans_(plans), options_(options) {}

    // The children whose plan this family account may open now (each check audited as a list read).
    Result<std::vector<FamilyChild>> Children(const Actor& actor, const RequestContext& context);

    // The child's open plan as the family may see it; kNotFound (audited) otherwise.
    Result<PlanView> Plan(const Actor& actor, domain::ChildId child, const RequestContext& context,
                          std::string audit_action = "read");

    // A new entry by the family. Errors: kNotFound (audited); those of domain::ValidateFamilyEntry;
    // kInvalidArgument "family.entry_kind_unknown".
    Status Write(const Actor& actor, domain::ChildId child, const std::string& kind, const std::string& text,
                 const RequestContext& context);

    // The guardian agrees to the child's draft plan ("Jag har tagit del av planen och är med på
    // den"); audited as a family write. Errors: kNotFound (audited: no open plan, or the child
    // itself, who has no guardian's part to give); those of domain::AgreeInFamilyView.
    Status AgreeToPlan(const Actor& actor, domain::ChildId child, const RequestContext& context);

    // A guardian's report on one of the family's own actions in the child's open plan (a
    // professional's action is refused as not found, audited).
    Status ReportOnAction(const Actor& actor, domain::ChildId child, const domain::ActionReport& report,
                          const RequestContext& context);

    Result<FamilyConsentPage> Consents(const Actor& actor, domain::ChildId child, const RequestContext& context);
    // Both return the consent's child. Errors: kNotFound (audited); kFailedPrecondition
    // "consent.already_withdrawn", "consent.already_expired", "consent.already_given".
    Result<domain::ChildId> WithdrawConsent(const Actor& actor, domain::ConsentId consent,
                                            const RequestContext& context);
    Result<domain::ChildId> GiveConsent(const Actor& actor, domain::ConsentId consent, const RequestContext& context);
    // The guardian's own answer to whether the plan may follow to the unit taking over coordination
    // (yes, no, or withdrawing an earlier yes). Returns the child. Errors: kNotFound (audited: not
    // the guardian's child, or the child's own account); kFailedPrecondition "handover.not_pending",
    // "plan_follow.no_plan"; kInvalidArgument "plan_follow.not_asked".
    // `answer` nullopt (one the form does not offer) is refused after the check, as
    // "family.plan_follow.answer_unknown".
    Result<domain::ChildId> AnswerPlanFollow(const Actor& actor, domain::HandoverId handover,
                                             std::optional<domain::PlanFollowAnswerKind> answer,
                                             const RequestContext& context);
    // The child a consent is about, to show the family's consents page again after a change that
    // could not be made; nothing of the consent itself (that page's read is audited). 0 when none.
    Result<domain::ChildId> ChildOfConsent(domain::ConsentId consent);

    // One page of the log, newest first: the newest entries, or those older than `before` (an entry's
    // sequence from an earlier page).
    Result<FamilyAccessLog> AccessLog(const Actor& actor, domain::ChildId child, std::optional<std::int64_t> before,
                                      const RequestContext& context);

  private:
    Result<domain::ChildId> ChangeConsent(const Actor& actor, domain::ConsentId consent, bool give,
                                          const RequestContext& context);

    store::Store& store_;
    const Clock& clock_;
    Plans& plans_;
    FamilyViewOptions options_;
};

// The link of a family account to one child, if any.
const domain::FamilyLink* LinkTo(const Actor& actor, domain::ChildId child);

}  // namespace kronobarn::app
