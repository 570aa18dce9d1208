#include "app/plans.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <set>

#include "app/child_access.hpp"
#include "app/child_context.hpp"
#include "app/notifications.hpp"
#include "common/ids.hpp"
#include "domain/plan_fields.hpp"

namespace kronobarn::app {
namespace {

// A unit an input names must exist; `error_key` names the form's field otherwise.
Status RequireUnit(store::UnitOfWork& uow, domain::UnitId id, std::string error_key) {
    KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(id));
    if (!unit) return Error::InvalidArgument(std::move(error_key));
    return Ok();
}

Result<std::vector<std::string>> CatalogueCodes(store::UnitOfWork& uow) {
    KB_ASSIGN_OR_RETURN(const auto areas, uow.Wheel().CurrentAreas());
    std::vector<std::string> codes;
    for (const auto& area : areas) codes.push_back(area.code);
    return codes;
}

// The target for a plan: the child's relations now, with the plan's own participants (also when
// it is closed and so no longer the child's open plan).
Result<AccessRequest> PlanRequest(store::UnitOfWork& uow, const std::optional<domain::Plan>& plan, domain::PlanId id,
                                  domain::AccessAction action, std::string audit_action, Timestamp now,
                                  std::optional<domain::Child>* child = nullptr) {
    AccessRequest request{action, {}, "plan", std::to_string(id), std::move(audit_action)};
    if (plan) {
        request.target.child_id = plan->child_id;
        KB_RETURN_IF_ERROR(LoadChildRelations(uow, request.target, now, &*plan, child));
    }
    return request;
}

// Participants a consent named once that no basis or consent in force covers now, by name.
Result<std::vector<std::string>> ParticipantsWhoLostConsent(store::UnitOfWork& uow, const domain::Plan& plan,
                                                            domain::AccessTarget target, Date today) {
    std::map<domain::UnitId, std::string> names;
    for (const auto& participant : plan.participants) {
        KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(participant.unit_id));
        if (!unit) continue;
        target.unit_kinds[unit->id] = unit->kind;
        names[unit->id] = unit->name;
    }
    const auto covered = domain::CoveredParticipants(target);
    std::vector<std::string> lost;
    for (const auto& [unit, name] : names) {
        if (std::find(covered.begin(), covered.end(), unit) != covered.end()) continue;
        const bool named_once = std::any_of(target.consents.begin(), target.consents.end(), [&](const auto& consent) {
            const auto state = domain::StateOf(consent, target.guardian_ids, today, target.adult_on);
            const bool ended = state == domain::ConsentState::kWithdrawn || state == domain::ConsentState::kExpired;
            return ended && std::find(consent.unit_ids.begin(), consent.unit_ids.end(), unit) != consent.unit_ids.end();
        });
        if (named_once) lost.push_back(name);
    }
    return lost;
}

}  // namespace

Result<domain::PlanId> Plans::DecideCollaboration(const Actor& actor, domain::ConcernId concern_id,
                                                  const std::string& rationale, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto concern, uow->Concerns().Find(concern_id));
    AccessRequest request{domain::AccessAction::kHandleConcern, {}, "concern", std::to_string(concern_id), "decide"};
    if (concern) {
        request.target.child_id = concern->child_id;
        KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    }
    // Only the current holder decides (as for decision B): the routed unit's basis is not enough.
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }

    domain::ConcernDecision decision;
    decision.rationale = rationale;
    decision.decided_by = actor.user.id;
    decision.decided_unit_id = *request.target.holder_unit_id;
    decision.decided_at = now;
    KB_RETURN_IF_ERROR(domain::DecideCollaboration(*concern, decision));
    KB_RETURN_IF_ERROR(uow->Concerns().SaveDecision(concern_id, *concern->decision));

    KB_ASSIGN_OR_RETURN(const auto open, uow->Plans().OpenPlanOf(concern->child_id));
    domain::PlanId plan_id = 0;
    if (open) {
        plan_id = *open;
    } else {
        // Areas needing support: marked in the latest wheel assessment, or touched by the signal.
        std::set<std::string> marked(concern->wheel_areas.begin(), concern->wheel_areas.end());
        KB_ASSIGN_OR_RETURN(const auto assessments, uow->Wheel().AssessmentsOf(concern->child_id));
        if (!assessments.empty()) {
            for (const auto& area : assessments.back().areas) {
                if (area.support_needed) marked.insert(area.area_code);
            }
        }
        KB_ASSIGN_OR_RETURN(const auto codes, CatalogueCodes(*uow));
        std::vector<std::string> support_areas;
        for (const auto& code : codes) {
            if (marked.count(code) != 0) support_areas.push_back(code);
        }
        KB_ASSIGN_OR_RETURN(auto plan, domain::StartPlan(concern->child_id, concern_id, concern->description,
                                                         std::move(support_areas), actor.user.id, now));
        // The holder's unit takes part from the start, with the deciding person as its contact.
        plan.participants.push_back({*request.target.holder_unit_id, actor.user.display_name, ""});
        KB_ASSIGN_OR_RETURN(plan_id, uow->Plans().Insert(plan));
    }
    AccessRequest write = request;
    write.object_type = "plan";
    write.object_id = std::to_string(plan_id);
    write.audit_action = open ? "link_signal" : "create";
    KB_RETURN_IF_ERROR(Authorize(*uow, actor, write, context, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return plan_id;
}

Result<PlanView> Plans::View(const Actor& actor, domain::PlanId id, const RequestContext& context, bool with_history,
                             std::string audit_action, const std::string& units_area) {
    const Timestamp now = clock_.Now();
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(auto plan, uow->Plans().Find(id));
    std::optional<domain::Child> child;
    KB_ASSIGN_OR_RETURN(auto request, PlanRequest(*uow, plan, id,
                                                  with_history ? domain::AccessAction::kReadPlanHistory
                                                               : domain::AccessAction::kReadPlan,
                                                  !audit_action.empty() ? std::move(audit_action)
                                                  : with_history        ? "read_history"
                                                                        : "read",
                                                  now, &child));
    auto decision = reads.Authorize(request);
    if (!decision) {
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return decision.error();
    }
    // Whose sector a consent covers decides which participants a reader may know of; the units read
    // here also name them on the page below.
    std::map<domain::UnitId, std::string> names_read;
    for (const auto& participant : plan->participants) {
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(participant.unit_id));
        if (!unit) continue;
        request.target.unit_kinds[unit->id] = unit->kind;
        names_read[unit->id] = unit->name;
    }
    const auto reading = domain::PlanReadingFor(FactsOf(actor), *decision, request.target);
    if (!reading) {
        // Programmer error guard: every basis that allows reading a plan names a reader.
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return Error::Internal("allowed plan reading without a reader");
    }

    PlanView view;
    view.basis = decision->basis;
    view.reading = *reading;
    view.may_edit = plan->state != domain::PlanState::kClosed &&
                    domain::Decide(FactsOf(actor), domain::AccessAction::kEditPlan, request.target).Allowed();
    const bool participant = reading->reader == domain::PlanReader::kParticipant ||
                             reading->reader == domain::PlanReader::kOtherSectorParticipant;
    view.may_report = plan->state != domain::PlanState::kClosed && (view.may_edit || participant);
    std::set<domain::UnitId> units;
    if (reading->reader == domain::PlanReader::kCoordinating) {
        for (const auto& consent : request.target.consents) {
            if (domain::StateOf(consent, request.target.guardian_ids, DayOf(now), request.target.adult_on) !=
                domain::ConsentState::kInForce) {
                continue;
            }
            view.consents_in_force.push_back({consent.purpose, consent.unit_ids, consent.valid_to});
            units.insert(consent.unit_ids.begin(), consent.unit_ids.end());
        }
        const auto covered = domain::CoveredParticipants(request.target);
        for (const auto& participant : plan->participants) {
            if (std::find(covered.begin(), covered.end(), participant.unit_id) == covered.end()) {
                view.uncovered_participants.push_back(participant.unit_id);
            }
        }
    }
    view.plan = domain::RedactPlan(*plan, *reading);
    if (child) {
        view.child_name = child->given_name + " " + child->family_name;
        if (reading->Sees("child.personal_number")) view.child_personal_number = child->personal_number.Display();
    }
    if (request.target.holder_unit_id) units.insert(*request.target.holder_unit_id);
    if (view.plan.basics.collaboration_unit_id) units.insert(*view.plan.basics.collaboration_unit_id);
    for (const auto& participant : view.plan.participants) units.insert(participant.unit_id);
    for (const auto& removed : view.plan.removed_participants) units.insert(removed.unit_id);
    for (const auto& action : view.plan.actions) {
        if (action.unit_id) units.insert(*action.unit_id);
    }
    for (const auto unit_id : units) {
        if (const auto read = names_read.find(unit_id); read != names_read.end()) {
            view.unit_names[unit_id] = read->second;
            continue;
        }
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(unit_id));
        if (unit) view.unit_names[unit_id] = unit->name;
    }
    if (request.target.holder_unit_id) view.holder_unit_name = view.unit_names[*request.target.holder_unit_id];
    KB_ASSIGN_OR_RETURN(const auto areas, uow->Wheel().CurrentAreas());
    for (const auto& area : areas) {
        view.area_labels[area.code] = area.label_sv;
        view.area_child_labels[area.code] = area.child_label_sv;
    }
    const bool family_reader =
        reading->reader == domain::PlanReader::kGuardian || reading->reader == domain::PlanReader::kChild;
    if (reading->reader == domain::PlanReader::kCoordinating || family_reader) {
        KB_ASSIGN_OR_RETURN(view.family_entries, uow->Family().EntriesOf(id));
        // The child reads its own words, not its guardians' views.
        if (reading->reader == domain::PlanReader::kChild) {
            std::erase_if(view.family_entries, [](const domain::FamilyEntry& entry) {
                return entry.kind == domain::FamilyEntryKind::kGuardianView;
            });
        }
    }
    if (view.may_edit) {
        KB_ASSIGN_OR_RETURN(view.guardians, uow->Children().GuardiansOf(view.plan.child_id));
        if (child) {
            KB_ASSIGN_OR_RETURN(view.participant_scope, ScopeForChild(*uow, *child, units_area));
        }
        KB_ASSIGN_OR_RETURN(const auto all_units, UnitsInScope(*uow, view.participant_scope));
        for (const auto& unit : all_units) {
            const bool taking_part = std::any_of(view.plan.participants.begin(), view.plan.participants.end(),
                                                 [&](const domain::Participant& p) { return p.unit_id == unit.id; });
            if (!taking_part) {
                view.participant_choices.push_back({unit.id, unit.name, unit.kind});
            }
        }
    }
    if (with_history) {
        KB_ASSIGN_OR_RETURN(view.history, uow->Plans().History(id));
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());  // no data leaves before its audit rows are durable
    return view;
}

Status Plans::Edit(const Actor& actor, domain::PlanId id, int based_on, std::string audit_action,
                   const RequestContext& context, const Change& change, const AfterSave& after_save) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto plan, uow->Plans().Find(id));
    KB_ASSIGN_OR_RETURN(const auto request,
                        PlanRequest(*uow, plan, id, domain::AccessAction::kEditPlan, std::move(audit_action), now));
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    const domain::Plan before = *plan;
    KB_RETURN_IF_ERROR(change(*uow, *plan, based_on, DayOf(now)));
    KB_RETURN_IF_ERROR(uow->Plans().Save(before, *plan, actor.user.id, now));
    if (after_save) KB_RETURN_IF_ERROR(after_save(*uow, before, now));
    KB_RETURN_IF_ERROR(NotifyPlanChanged(*uow, before, *plan, now));
    return uow->Commit();
}

Status Plans::EditBasics(const Actor& actor, domain::PlanId id, const PlanChange<PlanBasicsInput>& change,
                         const RequestContext& context) {
    return Edit(actor, id, change.based_on, "update", context,
                [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date today) -> Status {
                    domain::PlanBasics basics = change.input.basics;
                    basics.each_guardian.clear();
                    KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(plan.child_id));
                    for (const auto& guardian : guardians) {
                        const auto view = change.input.guardian_views.find(guardian.id);
                        basics.each_guardian.push_back(
                            {guardian.id, guardian.given_name + " " + guardian.family_name,
                             view == change.input.guardian_views.end() ? std::string() : view->second});
                    }
                    // Collaboration responsibility moves only by a handover the receiver accepts.
                    basics.collaboration_unit_id = plan.basics.collaboration_unit_id;
                    return domain::EditBasics(plan, based_on, std::move(basics), today);
                });
}

Status Plans::AddParticipant(const Actor& actor, domain::PlanId id, const PlanChange<ParticipantInput>& change,
                             const RequestContext& context) {
    return Edit(
        actor, id, change.based_on, "add_participant", context,
        [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date) -> Status {
            const ParticipantInput& input = change.input;
            KB_RETURN_IF_ERROR(RequireUnit(uow, input.unit_id, "participant.unit_unknown"));
            return domain::AddParticipant(plan, based_on, {input.unit_id, input.contact_name, input.contact_phone});
        },
        [&](store::UnitOfWork& uow, const domain::Plan&, Timestamp now) -> Status {
            KB_RETURN_IF_ERROR(NotifyUnit(uow, change.input.unit_id,
                                          {domain::NotificationKind::kAddedToPlan, "/planer/" + std::to_string(id)},
                                          now));
            return Ok();
        });
}

Status Plans::AddGoal(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanGoal>& change,
                      const RequestContext& context) {
    return Edit(actor, id, change.based_on, "add_goal", context,
                [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date) -> Status {
                    KB_ASSIGN_OR_RETURN(const auto codes, CatalogueCodes(uow));
                    return domain::AddGoal(plan, based_on, change.input, codes);
                });
}

Status Plans::AddAction(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanAction>& change,
                        const RequestContext& context) {
    return Edit(actor, id, change.based_on, "add_action", context,
                [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date) -> Status {
                    if (change.input.unit_id) {
                        KB_RETURN_IF_ERROR(RequireUnit(uow, *change.input.unit_id, "action.unit_unknown"));
                    }
                    return domain::AddAction(plan, based_on, change.input);
                });
}

Status Plans::RecordMeeting(const Actor& actor, domain::PlanId id, const PlanChange<domain::Meeting>& change,
                            const RequestContext& context) {
    return Edit(actor, id, change.based_on, "record_meeting", context,
                [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date today) -> Status {
                    domain::Meeting meeting = change.input;
                    // The evaluations in the plan's order of actions, as the meeting's record lists them.
                    const auto position = [&](domain::PlanActionId action) {
                        const auto it = std::find_if(plan.actions.begin(), plan.actions.end(),
                                                     [&](const domain::PlanAction& a) { return a.id == action; });
                        return it - plan.actions.begin();
                    };
                    std::stable_sort(
                        meeting.evaluations.begin(), meeting.evaluations.end(),
                        [&](const auto& a, const auto& b) { return position(a.action_id) < position(b.action_id); });
                    meeting.recorded_by = actor.user.id;
                    meeting.recorded_at = clock_.Now();
                    return domain::RecordMeeting(plan, based_on, std::move(meeting), today, follow_up_months_);
                });
}

Status Plans::Agree(const Actor& actor, domain::PlanId id, const PlanChange<AgreeInput>& change,
                    const RequestContext& context) {
    return Edit(
        actor, id, change.based_on, "agree", context,
        [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date today) -> Status {
            KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(plan.child_id));
            std::vector<domain::GuardianId> guardian_ids;
            for (const auto& guardian : guardians) guardian_ids.push_back(guardian.id);
            std::vector<domain::GuardianPart> parts;
            for (const auto& part : change.input.parts) {
                const auto guardian = std::find_if(guardians.begin(), guardians.end(),
                                                   [&](const auto& g) { return g.id == part.guardian_id; });
                const std::string name =
                    guardian == guardians.end() ? std::string() : guardian->given_name + " " + guardian->family_name;
                parts.push_back({part.guardian_id, name, part.kind, part.reason, today});
            }
            return domain::Agree(plan, based_on, parts, guardian_ids, today);
        },
        [&](store::UnitOfWork& uow, const domain::Plan& before, Timestamp now) -> Status {
            return NotifyPlanAgreed(uow, before, now);  // it needs only the child and the keeper
        });
}

Status Plans::Close(const Actor& actor, domain::PlanId id, const PlanChange<CloseInput>& change,
                    const RequestContext& context) {
    return Edit(actor, id, change.based_on, "close", context,
                [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date) -> Status {
                    return domain::Close(plan, based_on, change.input.reason);
                });
}

Status Plans::EditGoal(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanGoal>& change,
                       const RequestContext& context) {
    return Edit(actor, id, change.based_on, "edit_goal", context,
                [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date) -> Status {
                    KB_ASSIGN_OR_RETURN(const auto codes, CatalogueCodes(uow));
                    return domain::EditGoal(plan, based_on, change.input, codes);
                });
}

Status Plans::RemoveGoal(const Actor& actor, domain::PlanId id, const PlanChange<GoalRemoval>& change,
                         const RequestContext& context) {
    return Edit(actor, id, change.based_on, "remove_goal", context,
                [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date) -> Status {
                    return domain::RemoveGoal(plan, based_on, change.input.goal_id);
                });
}

Status Plans::EditAction(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlanAction>& change,
                         const RequestContext& context) {
    return Edit(actor, id, change.based_on, "edit_action", context,
                [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date) -> Status {
                    if (change.input.unit_id) {
                        KB_RETURN_IF_ERROR(RequireUnit(uow, *change.input.unit_id, "action.unit_unknown"));
                    }
                    return domain::EditAction(plan, based_on, change.input);
                });
}

Status Plans::RemoveAction(const Actor& actor, domain::PlanId id, const PlanChange<ActionRemoval>& change,
                           const RequestContext& context) {
    return Edit(actor, id, change.based_on, "remove_action", context,
                [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date) -> Status {
                    return domain::RemoveAction(plan, based_on, change.input.action_id);
                });
}

Status Plans::EditParticipant(const Actor& actor, domain::PlanId id, const PlanChange<ParticipantInput>& change,
                              const RequestContext& context) {
    return Edit(
        actor, id, change.based_on, "edit_participant", context,
        [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date) -> Status {
            const ParticipantInput& input = change.input;
            return domain::EditParticipant(plan, based_on, {input.unit_id, input.contact_name, input.contact_phone});
        });
}

Status Plans::RemoveParticipant(const Actor& actor, domain::PlanId id, const PlanChange<ParticipantRemoval>& change,
                                const RequestContext& context) {
    return Edit(actor, id, change.based_on, "remove_participant", context,
                [&](store::UnitOfWork& uow, domain::Plan& plan, int based_on, Date) -> Status {
                    KB_ASSIGN_OR_RETURN(auto holder_unit, uow.Coordination().FindHolder(plan.child_id));
                    if (plan.kept_by_unit_id) holder_unit = plan.kept_by_unit_id;
                    return domain::RemoveParticipant(plan, based_on, change.input.unit_id, change.input.reason,
                                                     holder_unit);
                });
}

Status Plans::CorrectMeeting(const Actor& actor, domain::PlanId id, const PlanChange<MeetingCorrection>& change,
                             const RequestContext& context) {
    return Edit(actor, id, change.based_on, "correct_meeting", context,
                [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date today) -> Status {
                    const MeetingCorrection& input = change.input;
                    return domain::CorrectMeeting(plan, based_on, input.meeting_id, input.held_on, input.place,
                                                  input.notes, today);
                });
}

Status Plans::PlanMeeting(const Actor& actor, domain::PlanId id, const PlanChange<domain::PlannedMeeting>& change,
                          const RequestContext& context) {
    return Edit(
        actor, id, change.based_on, "plan_meeting", context,
        [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date today) -> Status {
            return domain::PlanMeeting(plan, based_on, change.input, today);
        },
        NotifyMeetingChange);
}

Status Plans::CancelPlannedMeeting(const Actor& actor, domain::PlanId id, const PlanChange<MeetingCancellation>& change,
                                   const RequestContext& context) {
    return Edit(
        actor, id, change.based_on, "cancel_meeting", context,
        [&](store::UnitOfWork&, domain::Plan& plan, int based_on, Date) -> Status {
            return domain::CancelPlannedMeeting(plan, based_on);
        },
        NotifyMeetingChange);
}

Status Plans::ReportOnAction(const Actor& actor, domain::PlanId id, const domain::ActionReport& report,
                             const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto plan, uow->Plans().Find(id));
    KB_ASSIGN_OR_RETURN(auto request,
                        PlanRequest(*uow, plan, id, domain::AccessAction::kReportOnAction, "report_on_action", now));
    // Whose action it is decides who may report on it; an action not in the plan is nobody's.
    if (plan) {
        for (const auto& action : plan->actions) {
            if (action.id == report.action_id) request.target.action = domain::ActionFacts{action.unit_id};
        }
    }
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    const domain::Plan before = *plan;
    KB_RETURN_IF_ERROR(domain::ReportOnAction(*plan, report, actor.user.display_name, now, DayOf(now)));
    KB_RETURN_IF_ERROR(uow->Plans().Save(before, *plan, actor.user.id, now));
    KB_RETURN_IF_ERROR(NotifyPlanChanged(*uow, before, *plan, now));
    return uow->Commit();
}

Result<PlanList> Plans::ListFor(const Actor& actor, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    const Date today = DayOf(now);
    const auto soon = std::chrono::sys_days{today} + std::chrono::days{14};
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    std::set<domain::UnitId> my_units;
    for (const auto& assignment : actor.user.roles) my_units.insert(assignment.unit_id);
    std::vector<domain::PlanId> ids;
    for (const auto unit : my_units) {
        KB_ASSIGN_OR_RETURN(const auto found, uow->Plans().OpenPlansOfUnit(unit, 100));
        for (const auto id : found) {
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
    }
    PlanList list;
    for (const auto id : ids) {
        KB_ASSIGN_OR_RETURN(auto plan, uow->Plans().FindOutline(id));
        std::optional<domain::Child> child;
        KB_ASSIGN_OR_RETURN(const auto request,
                            PlanRequest(*uow, plan, id, domain::AccessAction::kReadPlan, "list", now, &child));
        if (!plan) continue;
        // Only plans the actor may open now are listed (and audited as listed).
        const auto decision = domain::Decide(FactsOf(actor), request.action, request.target);
        if (!decision.Allowed()) {
            if (domain::LostConsentedAccess(FactsOf(actor), request.target)) ++list.no_longer_shared;
            continue;
        }
        KB_RETURN_IF_ERROR(reads.Authorize(request));
        PlanListItem item{id, "", plan->state, plan->basics.next_meeting, 0, false, std::nullopt};
        if (child) item.child_name = child->given_name + " " + child->family_name;
        for (const auto& action : plan->actions) {
            const bool mine = action.unit_id && my_units.count(*action.unit_id) != 0;
            const bool open =
                action.status == domain::ActionStatus::kPlanned || action.status == domain::ActionStatus::kOngoing;
            if (mine && open && std::chrono::sys_days{action.due} <= soon) ++item.actions_due_soon;
        }
        item.meeting_due = plan->basics.next_meeting && std::chrono::sys_days{*plan->basics.next_meeting} <= soon;
        const auto reading = domain::PlanReadingFor(FactsOf(actor), decision, request.target);
        if (reading) item.planned_meeting = domain::PlannedMeetingFor(*plan, *reading);
        if (reading && reading->reader == domain::PlanReader::kCoordinating) {
            KB_ASSIGN_OR_RETURN(item.participants_without_consent,
                                ParticipantsWhoLostConsent(*uow, *plan, request.target, today));
            for (const auto& consent : request.target.consents) {
                if (domain::StateOf(consent, request.target.guardian_ids, today, request.target.adult_on) !=
                    domain::ConsentState::kInForce) {
                    continue;
                }
                const int days = domain::DaysUntilExpiry(consent, today);
                if (days <= 30 && (!item.consent_expires_in_days || days < *item.consent_expires_in_days)) {
                    item.consent_expires_in_days = days;
                }
            }
        }
        list.plans.push_back(std::move(item));
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return list;
}

}  // namespace kronobarn::app
