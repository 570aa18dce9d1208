#include "web/routes/signal_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/form_reader.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void SignalRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/oro/ny", Bind(this, &SignalRoutes::ConcernNew));
    routes.AddSession("GET", "/inkorg", Bind(this, &SignalRoutes::InboxShow));
    routes.AddSession("POST", "/oro", Bind(this, &SignalRoutes::ConcernCreate));
    routes.AddSession("GET", "/oro/{id}", Bind(this, &SignalRoutes::ConcernShow), {"concern"});
    routes.AddSession("POST", "/oro/{id}/beslut", Bind(this, &SignalRoutes::ConcernDecide), {"concern"});
    routes.AddSession("POST", "/oro/{id}/overlamning", Bind(this, &SignalRoutes::ConcernHandover), {"concern"});
    routes.AddSession("POST", "/oro/{id}/samverkan", Bind(this, &SignalRoutes::ConcernCollaborate), {"concern"});
}

Response SignalRoutes::InboxShow(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto inbox = concerns_.Inbox(actor, ContextOf(request));
    if (!inbox) return Fail(request, inbox.error());
    const Translator t(LanguageOf(request));
    Html content;
    content.Append(views::InboxPageContent(t, *inbox));
    return ChildDataPage(request, actor, 200, "start.section.signal_inbox.heading", content, "/inkorg");
}

Response SignalRoutes::RenderConcernForm(const Request& request, const app::Actor& actor, int status,
                                         app::ConcernForm values, std::vector<FieldError> errors) const {
    auto options = concerns_.FormOptions(actor);
    if (!options) return Fail(request, options.error());
    if (options->my_units.empty()) return ErrorPage(request, 404, "error.not_found");
    const Translator t(LanguageOf(request));
    views::ConcernFormState state{std::move(values), std::move(errors),
                                  CsrfTokenForSession(request.Cookie(kSessionCookie)), Today()};
    // What was typed (a personal number, a description) is child data.
    return ChildDataPage(request, actor, status, "concern.form.heading", views::ConcernFormContent(t, *options, state),
                         "/oro/ny");
}

Response SignalRoutes::ConcernNew(const Request& request, const RouteParams&, const app::Actor& actor) const {
    return RenderConcernForm(request, actor, 200, {}, {});
}

Response SignalRoutes::ConcernCreate(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);  // already checked by the RouteTable guard; parsed again for the fields
    if (!form) return RenderConcernForm(request, actor, 400, {}, {{"", form.error().message_key}});
    const FormReader reader(*form);
    app::ConcernForm values;
    values.personal_number = form->Get("personal_number");
    values.given_name = form->Get("given_name");
    values.family_name = form->Get("family_name");
    values.noticed_on = form->Get("noticed_on");
    values.description = form->Get("description");
    values.wheel_areas = form->GetAll("wheel_area");
    values.guardians_informed = reader.Flag("guardians_informed");
    values.noticing_unit_id = form->Get("noticing_unit_id");
    values.child_unit_id = form->Get("child_unit_id");
    values.guardian_1 = form->Get("guardian_1");
    values.guardian_2 = form->Get("guardian_2");
    values.report_made = reader.Flag("report_made");
    values.report_date = form->Get("report_date");
    values.report_unit_id = form->Get("report_unit_id");
    auto registered = concerns_.Register(actor, values, ContextOf(request));
    if (!registered) {
        const auto code = registered.error().code;
        if (IsCorrectableOnForm(code)) {
            // Every field in error when the form was checked whole; the one message otherwise.
            std::vector<FieldError> errors = registered.error().fields;
            if (errors.empty()) errors.push_back({"", registered.error().message_key});
            return RenderConcernForm(request, actor, HttpStatusFor(code), std::move(values), std::move(errors));
        }
        return ErrorPage(request, HttpStatusFor(code), registered.error().message_key);
    }
    return Response::Redirect("/oro/" + std::to_string(*registered) + "?registrerad=1");
}

Response SignalRoutes::RenderConcern(const Request& request, const app::Actor& actor, domain::ConcernId id, int status,
                                     views::DecisionFormState form, std::string_view notice_key) const {
    auto view = concerns_.View(actor, id, ContextOf(request), QueryValue(request.query, "kommun"));
    if (!view) return Fail(request, view.error());
    const Translator t(LanguageOf(request));
    Html content;
    if (!notice_key.empty()) {
        views::Alert(content, t, "success", notice_key);
    }
    form.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    form.receivers = view->receivers;
    content.Append(views::ConcernContent(t, *view, form));
    return ChildDataPage(request, actor, status, "concern.view.heading", content);
}

Response SignalRoutes::ConcernShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    std::string_view notice;
    if (request.query.find("registrerad=1") != std::string::npos) notice = "concern.registered";
    if (request.query.find("beslut=1") != std::string::npos) notice = "decision.saved";
    if (request.query.find("overlamning=1") != std::string::npos) notice = "handover.requested";
    return RenderConcern(request, actor, *id, 200, {}, notice);
}

Response SignalRoutes::DecisionFormFailed(const Request& request, const app::Actor& actor, domain::ConcernId id,
                                          views::DecisionFormState state, const Error& error) const {
    if (!IsCorrectableOnForm(error.code)) return Fail(request, error);
    state.error_key = error.message_key;
    return RenderConcern(request, actor, id, HttpStatusFor(error.code), std::move(state), "");
}

Response SignalRoutes::ConcernDecide(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::DecisionFormState state{"", "", std::string(form->Get("rationale")),
                                   std::string(form->Get("actions_taken"))};
    auto decided =
        concerns_.DecideOwnOrganisation(actor, *id, state.rationale, state.actions_taken, ContextOf(request));
    if (!decided) return DecisionFormFailed(request, actor, *id, std::move(state), decided.error());
    return Response::Redirect("/oro/" + std::to_string(*id) + "?beslut=1");
}

Response SignalRoutes::ConcernHandover(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::DecisionFormState state;
    state.handover_unit_id = form->Get("to_unit_id");
    state.handover_note = form->Get("note");
    auto requested =
        handovers_.RequestFromConcern(actor, *id, state.handover_unit_id, state.handover_note, ContextOf(request));
    if (!requested) return DecisionFormFailed(request, actor, *id, std::move(state), requested.error());
    return Response::Redirect("/oro/" + std::to_string(*id) + "?overlamning=1");
}

Response SignalRoutes::ConcernCollaborate(const Request& request, const RouteParams& params,
                                          const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::DecisionFormState state;
    state.collaboration_rationale = form->Get("rationale");
    auto plan = plans_.DecideCollaboration(actor, *id, state.collaboration_rationale, ContextOf(request));
    if (!plan) return DecisionFormFailed(request, actor, *id, std::move(state), plan.error());
    return Response::Redirect("/planer/" + std::to_string(*plan) + "?skapad=1");
}

}  // namespace kronobarn::web
