// Handlers for Barnets plan, consents and the child overview: parse the form, call the use case, then redirect after
// success or show the same page again with the message and everything the user typed.
#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/plan_forms.hpp"
#include "web/security.hpp"
#include "web/web_app.hpp"

namespace kronobarn::web {
namespace {

// Every field, to refill the form after an error; a checkbox group's values joined by commas.
views::TypedValues TypedFrom(const FormFields& form) {
    views::TypedValues typed;
    for (const auto& name : form.Names()) {
        if (name == "csrf_token") continue;
        std::string joined;
        for (const auto& value : form.GetAll(name)) joined += (joined.empty() ? "" : ",") + value;
        typed[name] = std::move(joined);
    }
    return typed;
}

}  // namespace

Response WebApp::ChildDataPage(const Request& request, const app::Actor& actor, int status, std::string_view title_key,
                               const Html& content) const {
    const Translator t(LanguageOf(request));
    views::PageFrame frame{std::string(t(title_key)), "/start", SignedInAs(request, actor)};
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, frame, content);
    response.contains_child_data = true;
    return response;
}

Response WebApp::ConcernCollaborate(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::DecisionFormState state;
    state.collaboration_rationale = form->Get("rationale");
    auto plan = plans_.DecideCollaboration(actor, *id, state.collaboration_rationale, ContextOf(request));
    if (!plan) {
        const auto code = plan.error().code;
        if (IsCorrectableOnForm(code)) {
            state.error_key = plan.error().message_key;
            return RenderConcern(request, actor, *id, HttpStatusFor(code), std::move(state), "");
        }
        return ErrorPage(request, HttpStatusFor(code), plan.error().message_key);
    }
    return Response::Redirect("/planer/" + std::to_string(*plan) + "?skapad=1");
}

Response WebApp::RenderPlan(const Request& request, const app::Actor& actor, domain::PlanId id, int status,
                            views::FormPageState state) const {
    const std::string units_area = QueryValue(request.query, "kommun");
    auto view = plans_.View(actor, id, ContextOf(request), false, "", units_area);
    if (!view) return Fail(request, view.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    state.today = Today();
    // Another municipality's units were asked for: show the participant form open again.
    if (!units_area.empty() && state.error_form.empty()) state.error_form = "participant";
    return ChildDataPage(request, actor, status, "plan.title", views::PlanContent(t, *view, state));
}

Response WebApp::PlanShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    // Only codes the notice table knows say anything (views::FindPlanNotice).
    state.notice_key = QueryValue(request.query, "klart");
    if (request.query.find("skapad=1") != std::string::npos) state.notice_key = "created";
    if (request.query.find("overlamning=1") != std::string::npos) state.notice_key = "collaboration_requested";
    return RenderPlan(request, actor, *id, 200, std::move(state));
}

Response WebApp::PlanHistory(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto view = plans_.View(actor, *id, ContextOf(request), /*with_history=*/true);
    if (!view) return Fail(request, view.error());
    const Translator t(LanguageOf(request));
    return ChildDataPage(request, actor, 200, "plan.history.title", views::PlanHistoryContent(t, *view));
}

Response WebApp::PlanFormFailed(const Request& request, const app::Actor& actor, domain::PlanId id, PlanForm form,
                                const FormFields& fields, const Error& error) const {
    if (!IsCorrectableOnForm(error.code)) return Fail(request, error);
    // The form again, open, with what was typed and the message where the eye is.
    views::FormPageState state;
    state.error_form = std::string(form.name);
    if (!form.item_field.empty()) {
        const auto item = ParsePositiveId(fields.Get(form.item_field));
        state.error_form += "-" + (item ? std::to_string(*item) : std::string("0"));
    }
    state.error_key = error.message_key;
    state.error_field = std::string(FormFieldOf(error.message_key));
    state.typed = TypedFrom(fields);
    return RenderPlan(request, actor, id, HttpStatusFor(error.code), std::move(state));
}

namespace {

// Back to the part of the plan that changed, with what happened.
Response BackToPlan(domain::PlanId id, std::string_view notice) {
    const views::PlanNotice* shown = views::FindPlanNotice(notice);
    std::string target = "/planer/" + std::to_string(id) + "?klart=" + std::string(notice);
    if (shown != nullptr && !shown->section.empty()) target += "#" + std::string(shown->section);
    return Response::Redirect(target);
}

}  // namespace

template <typename Input>
Response WebApp::PlanPost(const Request& request, const RouteParams& params, const app::Actor& actor, PlanForm form,
                          PlanFormParser<Input> parse, PlanChangeOf<Input> change) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto fields = ParseForm(request.body);
    if (!fields) return ErrorPage(request, 400, fields.error().message_key);
    auto input = parse(*fields);
    Status saved = input ? (plans_.*change)(actor, *id, *input, ContextOf(request)) : Status(input.error());
    if (!saved) return PlanFormFailed(request, actor, *id, form, *fields, saved.error());
    return BackToPlan(*id, form.notice);
}

Response WebApp::PlanBasics(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"basics", "", "basics"}, &ParsePlanBasicsForm, &app::Plans::EditBasics);
}
Response WebApp::PlanParticipant(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"participant", "", "participant_added"}, &ParseParticipantForm,
                    &app::Plans::AddParticipant);
}
Response WebApp::PlanGoal(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"goal", "", "goal_added"}, &ParseGoalForm, &app::Plans::AddGoal);
}
Response WebApp::PlanAction(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"action", "", "action_added"}, &ParseActionForm, &app::Plans::AddAction);
}
Response WebApp::PlanMeeting(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"meeting", "", "meeting_recorded"}, &ParseMeetingForm,
                    &app::Plans::RecordMeeting);
}
Response WebApp::PlanAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"agree", "", "agreed"}, &ParseAgreeForm, &app::Plans::Agree);
}
Response WebApp::PlanClose(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"close", "", "closed"}, &ParseCloseForm, &app::Plans::Close);
}
Response WebApp::PlanGoalEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"goal", "goal_id", "goal_changed"}, &ParseGoalEditForm,
                    &app::Plans::EditGoal);
}
Response WebApp::PlanGoalRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"remove-goal", "goal_id", "goal_removed"}, &ParseGoalRemovalForm,
                    &app::Plans::RemoveGoal);
}
Response WebApp::PlanActionEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"action", "action_id", "action_changed"}, &ParseActionEditForm,
                    &app::Plans::EditAction);
}
Response WebApp::PlanActionRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"remove-action", "action_id", "action_removed"}, &ParseActionRemovalForm,
                    &app::Plans::RemoveAction);
}
Response WebApp::PlanParticipantEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"participant", "unit_id", "participant_changed"}, &ParseParticipantForm,
                    &app::Plans::EditParticipant);
}
Response WebApp::PlanParticipantRemove(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"remove-participant", "unit_id", "participant_removed"},
                    &ParseParticipantRemovalForm, &app::Plans::RemoveParticipant);
}
Response WebApp::PlanMeetingCorrect(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"meeting", "meeting_id", "meeting_corrected"}, &ParseMeetingCorrectionForm,
                    &app::Plans::CorrectMeeting);
}

Response WebApp::PlanMeetingPlan(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"plan-meeting", "", "meeting_planned"}, &ParsePlannedMeetingForm,
                    &app::Plans::PlanMeeting);
}
Response WebApp::PlanMeetingCancel(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"cancel-meeting", "", "meeting_cancelled"}, &ParseMeetingCancellationForm,
                    &app::Plans::CancelPlannedMeeting);
}

Response WebApp::PlanActionReport(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto fields = ParseForm(request.body);
    if (!fields) return ErrorPage(request, 400, fields.error().message_key);
    auto report = ParseActionReportForm(*fields);
    Status saved = report ? plans_.ReportOnAction(actor, *id, *report, ContextOf(request)) : Status(report.error());
    if (!saved) return PlanFormFailed(request, actor, *id, {"report", "action_id", ""}, *fields, saved.error());
    return BackToPlan(*id, "action_reported");
}

Response WebApp::PlanCollaborationHandover(const Request& request, const RouteParams& params,
                                           const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto requested = handovers_.RequestCollaboration(actor, *id, std::string(form->Get("to_unit_id")),
                                                     std::string(form->Get("note")), ContextOf(request));
    if (!requested) {
        const auto code = requested.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), requested.error().message_key);
        views::FormPageState state;
        state.error_form = "collaboration";
        state.error_key = requested.error().message_key;
        state.typed = TypedFrom(*form);
        return RenderPlan(request, actor, *id, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/planer/" + std::to_string(*id) + "?overlamning=1");
}

Response WebApp::RenderConsents(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                views::FormPageState state) const {
    auto page = consents_.Page(actor, child, ContextOf(request), QueryValue(request.query, "kommun"));
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    state.today = Today();
    return ChildDataPage(request, actor, status, "consent.title", views::ConsentPageContent(t, *page, state));
}

Response WebApp::ConsentsShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    if (request.query.find("sparat=1") != std::string::npos) state.notice_key = "consent.recorded";
    if (request.query.find("nekat=1") != std::string::npos) state.notice_key = "consent.refusal_recorded";
    if (request.query.find("aterkallat=1") != std::string::npos) state.notice_key = "consent.withdrawn_notice";
    return RenderConsents(request, actor, *id, 200, std::move(state));
}

Response WebApp::ConsentsCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    app::ConsentInput input;
    input.purpose = form->Get("purpose");
    input.unit_ids = form->GetAll("unit_id");
    input.categories = form->GetAll("category");
    input.valid_from = form->Get("valid_from");
    input.valid_to = form->Get("valid_to");
    input.form = form->Get("form");
    input.documented_by = form->Get("documented_by");
    input.guardian_ids = form->GetAll("guardian_id");
    input.child_consented = form->Get("child_consented") == "ja";
    input.child_assessed_mature = form->Get("child_assessed_mature") == "ja";
    input.maturity_note = form->Get("maturity_note");
    input.answer = form->Get("answer");
    auto recorded = consents_.Record(actor, *id, input, ContextOf(request));
    if (!recorded) {
        const auto code = recorded.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), recorded.error().message_key);
        views::FormPageState state;
        state.error_form = "record";
        state.error_key = recorded.error().message_key;
        state.typed = TypedFrom(*form);
        for (const auto& unit : input.unit_ids) state.typed["unit_" + unit] = "ja";
        for (const auto& category : input.categories) state.typed["category_" + category] = "ja";
        for (const auto& guardian : input.guardian_ids) state.typed["guardian_" + guardian] = "ja";
        return RenderConsents(request, actor, *id, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "/samtycken?sparat=1" +
                              std::string(input.answer == "refused" ? "&nekat=1" : ""));
}

Response WebApp::ConsentWithdraw(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const std::string on_word_of(form->Get("on_word_of_" + std::to_string(*id)));
    auto child = consents_.Withdraw(actor, *id, on_word_of, ContextOf(request));
    if (!child) return Fail(request, child.error());
    return Response::Redirect("/barn/" + std::to_string(*child) + "/samtycken?aterkallat=1");
}

Response WebApp::HandoverCancel(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto cancelled = handovers_.Cancel(actor, *id, ContextOf(request));
    if (!cancelled) return Fail(request, cancelled.error());
    return Response::Redirect("/start");
}

Response WebApp::RenderChild(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                             views::FormPageState state) const {
    auto overview = children_.Overview(actor, child, ContextOf(request), QueryValue(request.query, "kommun"));
    if (!overview) return Fail(request, overview.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    return ChildDataPage(request, actor, status, "child.title", views::ChildOverviewContent(t, *overview, state));
}

Response WebApp::ChildShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    if (request.query.find("overlamning=1") != std::string::npos) state.notice_key = "handover.requested";
    if (request.query.find("planen=1") != std::string::npos) state.notice_key = "plan_follow.recorded";
    return RenderChild(request, actor, *id, 200, std::move(state));
}

Response WebApp::HandoverPlanFollow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    // "guardian_<id>" or "child"; anything else names nobody the question is asked of.
    const std::string person(form->Get("person"));
    app::PlanFollowAnswerInput input;
    input.person_named = person == "child";
    if (person.starts_with("guardian_")) {
        input.guardian = ParsePositiveId(std::string_view(person).substr(9));
        input.person_named = input.guardian.has_value();
    }
    input.answer = domain::ParsePlanFollowAnswerKind(form->Get("answer"));
    auto recorded = handovers_.RecordPlanFollowAnswer(actor, *id, input, ContextOf(request));
    if (!recorded) {
        const auto code = recorded.error().code;
        const auto child = handovers_.ChildOfHandover(*id);
        if (!IsCorrectableOnForm(code) || !child || *child == 0) return Fail(request, recorded.error());
        views::FormPageState state;
        state.error_form = "plan_follow";
        state.error_key = recorded.error().message_key;
        return RenderChild(request, actor, *child, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*recorded) + "?planen=1");
}

Response WebApp::ChildHandover(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto requested = handovers_.RequestForChild(actor, *id, std::string(form->Get("to_unit_id")),
                                                std::string(form->Get("note")), ContextOf(request));
    if (!requested) {
        const auto code = requested.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), requested.error().message_key);
        views::FormPageState state;
        state.error_form = "handover";
        state.error_key = requested.error().message_key;
        state.typed = TypedFrom(*form);
        return RenderChild(request, actor, *id, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "?overlamning=1");
}

}  // namespace kronobarn::web
