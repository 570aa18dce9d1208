#include "web/routes/plan_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/plan_exports.hpp"
#include "web/plan_forms.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

// Back to the part of the plan that changed, with what happened.
Response BackToPlan(domain::PlanId id, std::string_view notice) {
    const views::PlanNotice* shown = views::FindPlanNotice(notice);
    std::string target = "/planer/" + std::to_string(id) + "?klart=" + std::string(notice);
    if (shown != nullptr && !shown->section.empty()) target += "#" + std::string(shown->section);
    return Response::Redirect(target);
}

}  // namespace

void PlanRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/planer/{id}", Bind(this, &PlanRoutes::PlanShow), {"plan"});
    routes.AddSession("GET", "/planer/{id}/historik", Bind(this, &PlanRoutes::PlanHistory), {"plan"});
    routes.AddSession("POST", "/planer/{id}/grunduppgifter", Bind(this, &PlanRoutes::PlanBasics), {"plan"});
    routes.AddSession("POST", "/planer/{id}/deltagare", Bind(this, &PlanRoutes::PlanParticipant), {"plan"});
    routes.AddSession("POST", "/planer/{id}/mal", Bind(this, &PlanRoutes::PlanGoal), {"plan"});
    routes.AddSession("POST", "/planer/{id}/insatser", Bind(this, &PlanRoutes::PlanAction), {"plan"});
    routes.AddSession("POST", "/planer/{id}/moten", Bind(this, &PlanRoutes::PlanMeeting), {"plan"});
    routes.AddSession("POST", "/planer/{id}/uppratta", Bind(this, &PlanRoutes::PlanAgree), {"plan"});
    routes.AddSession("POST", "/planer/{id}/avsluta", Bind(this, &PlanRoutes::PlanClose), {"plan"});
    routes.AddSession("POST", "/planer/{id}/samverkansansvar", Bind(this, &PlanRoutes::PlanCollaborationHandover),
                      {"plan"});
    routes.AddSession("POST", "/planer/{id}/mal/andra", Bind(this, &PlanRoutes::PlanGoalEdit), {"plan"});
    routes.AddSession("POST", "/planer/{id}/mal/ta-bort", Bind(this, &PlanRoutes::PlanGoalRemove), {"plan"});
    routes.AddSession("POST", "/planer/{id}/insatser/andra", Bind(this, &PlanRoutes::PlanActionEdit), {"plan"});
    routes.AddSession("POST", "/planer/{id}/insatser/ta-bort", Bind(this, &PlanRoutes::PlanActionRemove), {"plan"});
    routes.AddSession("POST", "/planer/{id}/insatser/rapport", Bind(this, &PlanRoutes::PlanActionReport), {"plan"});
    routes.AddSession("POST", "/planer/{id}/deltagare/andra", Bind(this, &PlanRoutes::PlanParticipantEdit), {"plan"});
    routes.AddSession("POST", "/planer/{id}/deltagare/ta-bort", Bind(this, &PlanRoutes::PlanParticipantRemove),
                      {"plan"});
    routes.AddSession("POST", "/planer/{id}/moten/andra", Bind(this, &PlanRoutes::PlanMeetingCorrect), {"plan"});
    routes.AddSession("POST", "/planer/{id}/moten/planera", Bind(this, &PlanRoutes::PlanMeetingPlan), {"plan"});
    routes.AddSession("POST", "/planer/{id}/moten/stall-in", Bind(this, &PlanRoutes::PlanMeetingCancel), {"plan"});
    routes.AddSession("GET", "/planer/{id}/plan.pdf", Bind(this, &PlanRoutes::StaffPlanPdf), {"plan"});
    routes.AddSession("GET", "/api/v1/planer/{id}", Bind(this, &PlanRoutes::StaffPlanJson),
                      {"plan", Audience::kStaff, /*api=*/true});
}

Response PlanRoutes::RenderPlan(const Request& request, const app::Actor& actor, domain::PlanId id, int status,
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

Response PlanRoutes::PlanShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    // Only codes the notice table knows say anything (views::FindPlanNotice).
    state.notice_key = QueryValue(request.query, "klart");
    if (request.query.find("skapad=1") != std::string::npos) state.notice_key = "created";
    if (request.query.find("overlamning=1") != std::string::npos) state.notice_key = "collaboration_requested";
    return RenderPlan(request, actor, *id, 200, std::move(state));
}

Response PlanRoutes::PlanHistory(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto view = plans_.View(actor, *id, ContextOf(request), /*with_history=*/true);
    if (!view) return Fail(request, view.error());
    const Translator t(LanguageOf(request));
    return ChildDataPage(request, actor, 200, "plan.history.title", views::PlanHistoryContent(t, *view));
}

Response PlanRoutes::PlanFormFailed(const Request& request, const app::Actor& actor, domain::PlanId id, PlanForm form,
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

template <typename Input>
Response PlanRoutes::PlanPost(const Request& request, const RouteParams& params, const app::Actor& actor, PlanForm form,
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

Response PlanRoutes::PlanBasics(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"basics", "", "basics"}, &ParsePlanBasicsForm, &app::Plans::EditBasics);
}

Response PlanRoutes::PlanParticipant(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"participant", "", "participant_added"}, &ParseParticipantForm,
                    &app::Plans::AddParticipant);
}

Response PlanRoutes::PlanGoal(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"goal", "", "goal_added"}, &ParseGoalForm, &app::Plans::AddGoal);
}

Response PlanRoutes::PlanAction(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"action", "", "action_added"}, &ParseActionForm, &app::Plans::AddAction);
}

Response PlanRoutes::PlanMeeting(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"meeting", "", "meeting_recorded"}, &ParseMeetingForm,
                    &app::Plans::RecordMeeting);
}

Response PlanRoutes::PlanAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"agree", "", "agreed"}, &ParseAgreeForm, &app::Plans::Agree);
}

Response PlanRoutes::PlanClose(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"close", "", "closed"}, &ParseCloseForm, &app::Plans::Close);
}

Response PlanRoutes::PlanCollaborationHandover(const Request& request, const RouteParams& params,
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

Response PlanRoutes::PlanGoalEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"goal", "goal_id", "goal_changed"}, &ParseGoalEditForm,
                    &app::Plans::EditGoal);
}

Response PlanRoutes::PlanGoalRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"remove-goal", "goal_id", "goal_removed"}, &ParseGoalRemovalForm,
                    &app::Plans::RemoveGoal);
}

Response PlanRoutes::PlanActionEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"action", "action_id", "action_changed"}, &ParseActionEditForm,
                    &app::Plans::EditAction);
}

Response PlanRoutes::PlanActionRemove(const Request& request, const RouteParams& params,
                                      const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"remove-action", "action_id", "action_removed"}, &ParseActionRemovalForm,
                    &app::Plans::RemoveAction);
}

Response PlanRoutes::PlanActionReport(const Request& request, const RouteParams& params,
                                      const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto fields = ParseForm(request.body);
    if (!fields) return ErrorPage(request, 400, fields.error().message_key);
    auto report = ParseActionReportForm(*fields);
    Status saved = report ? plans_.ReportOnAction(actor, *id, *report, ContextOf(request)) : Status(report.error());
    if (!saved) return PlanFormFailed(request, actor, *id, {"report", "action_id", ""}, *fields, saved.error());
    return BackToPlan(*id, "action_reported");
}

Response PlanRoutes::PlanParticipantEdit(const Request& request, const RouteParams& params,
                                         const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"participant", "unit_id", "participant_changed"}, &ParseParticipantForm,
                    &app::Plans::EditParticipant);
}

Response PlanRoutes::PlanParticipantRemove(const Request& request, const RouteParams& params,
                                           const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"remove-participant", "unit_id", "participant_removed"},
                    &ParseParticipantRemovalForm, &app::Plans::RemoveParticipant);
}

Response PlanRoutes::PlanMeetingCorrect(const Request& request, const RouteParams& params,
                                        const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"meeting", "meeting_id", "meeting_corrected"}, &ParseMeetingCorrectionForm,
                    &app::Plans::CorrectMeeting);
}

Response PlanRoutes::PlanMeetingPlan(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"plan-meeting", "", "meeting_planned"}, &ParsePlannedMeetingForm,
                    &app::Plans::PlanMeeting);
}

Response PlanRoutes::PlanMeetingCancel(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const {
    return PlanPost(request, params, actor, {"cancel-meeting", "", "meeting_cancelled"}, &ParseMeetingCancellationForm,
                    &app::Plans::CancelPlannedMeeting);
}

Response PlanRoutes::StaffPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto view = plans_.View(actor, *id, ContextOf(request), false, "export_pdf");
    if (!view) return Fail(request, view.error());
    return PlanPdfResponse(*this, request, *view);
}

Response PlanRoutes::StaffPlanJson(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ApiError(request, 404, "error.not_found");
    return PlanJsonResponse(*this, request, plans_.View(actor, *id, ContextOf(request)));
}

}  // namespace kronobarn::web
