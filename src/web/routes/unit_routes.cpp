#include "web/routes/unit_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

app::UnitInput InputOf(const FormFields& form) {
    app::UnitInput input;
    input.name = form.Get("name");
    input.kind = domain::ParseUnitKind(form.Get("kind"));
    input.area = form.Get("area");
    input.external_id = form.Get("external_id");
    input.phone = form.Get("phone");
    input.email = form.Get("email");
    input.active_from = form.Get("active_from");
    return input;
}

// An id that is no id names no unit: the use case answers it as one it cannot find.
domain::UnitId UnitIdOf(const FormFields& form) { return ParsePositiveId(form.Get("unit_id")).value_or(0); }

}  // namespace

void UnitRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/admin/enheter", Bind(this, &UnitRoutes::Show));
    routes.AddSession("POST", "/admin/enheter", Bind(this, &UnitRoutes::Create));
    routes.AddSession("POST", "/admin/enheter/andra", Bind(this, &UnitRoutes::Change));
    routes.AddSession("POST", "/admin/enheter/stang", Bind(this, &UnitRoutes::Close));
    routes.AddSession("POST", "/admin/enheter/oppna", Bind(this, &UnitRoutes::Reopen));
    routes.AddSession("POST", "/admin/enheter/sla-ihop", Bind(this, &UnitRoutes::Merge));
}

Response UnitRoutes::Render(const Request& request, const app::Actor& actor, int status,
                            views::UnitFormState state) const {
    auto page = units_.Units(actor);
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    return StaffPage(request, actor, status, t.Format("unit.heading", {{"organisation", page->organisation_name}}),
                     "/admin/enheter", views::UnitsContent(t, *page, state));
}

Response UnitRoutes::Show(const Request& request, const RouteParams&, const app::Actor& actor) const {
    views::UnitFormState state;
    const std::string done = QueryValue(request.query, "klart");
    if (done == "skapad") state.notice_key = "unit.created";
    if (done == "sparad") state.notice_key = "unit.saved";
    if (done == "stangd") state.notice_key = "unit.closed";
    if (done == "oppnad") state.notice_key = "unit.reopened";
    return Render(request, actor, 200, std::move(state));
}

Response UnitRoutes::Failed(const Request& request, const app::Actor& actor, std::string form_name,
                            const FormFields& fields, const Error& error) const {
    if (!IsCorrectableOnForm(error.code)) return Fail(request, error);
    views::UnitFormState state;
    if (error.fields.empty()) {
        state.error_key = error.message_key;
    } else {
        state.error_form = std::move(form_name);
        state.errors = error.fields;
        state.typed = TypedFrom(fields);
    }
    return Render(request, actor, HttpStatusFor(error.code), std::move(state));
}

Response UnitRoutes::Create(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto created = units_.Create(actor, InputOf(*form), ContextOf(request));
    if (!created) return Failed(request, actor, "new", *form, created.error());
    return Response::Redirect("/admin/enheter?klart=skapad#unit-" + std::to_string(*created));
}

Response UnitRoutes::Change(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto unit = UnitIdOf(*form);
    const Status changed = units_.Change(actor, unit, InputOf(*form), ContextOf(request));
    if (!changed) return Failed(request, actor, "unit-" + std::to_string(unit), *form, changed.error());
    return Response::Redirect("/admin/enheter?klart=sparad#unit-" + std::to_string(unit));
}

Response UnitRoutes::Close(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto unit = UnitIdOf(*form);
    auto closing = units_.Close(actor, unit, ContextOf(request));
    if (!closing) return Failed(request, actor, "", *form, closing.error());
    if (closing->closed) return Response::Redirect("/admin/enheter?klart=stangd#unit-" + std::to_string(unit));
    views::UnitFormState state;
    state.blocked_closing.emplace(closing->unit_name, closing->blocking);
    return Render(request, actor, 409, std::move(state));
}

Response UnitRoutes::Reopen(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto unit = UnitIdOf(*form);
    const Status reopened = units_.Reopen(actor, unit, ContextOf(request));
    if (!reopened) return Failed(request, actor, "", *form, reopened.error());
    return Response::Redirect("/admin/enheter?klart=oppnad#unit-" + std::to_string(unit));
}

Response UnitRoutes::Merge(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto unit = UnitIdOf(*form);
    const auto into = ParsePositiveId(form->Get("into_unit_id")).value_or(0);
    auto merged = units_.Merge(actor, unit, into, ContextOf(request));
    if (!merged) return Failed(request, actor, "merge-" + std::to_string(unit), *form, merged.error());
    // Shown at once rather than after a redirect: the counts are this merge's alone. Sent again,
    // the form finds the unit closed and says so; nothing moves twice.
    views::UnitFormState state;
    state.merged = std::move(*merged);
    return Render(request, actor, 200, std::move(state));
}

}  // namespace kronobarn::web
