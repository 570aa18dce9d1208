#include "web/routes/staff_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void StaffRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/admin/personal", Bind(this, &StaffRoutes::Show));
    routes.AddSession("POST", "/admin/personal", Bind(this, &StaffRoutes::Create));
    routes.AddSession("POST", "/admin/personal/aktiveringslank", Bind(this, &StaffRoutes::NewLink));
    routes.AddSession("POST", "/admin/personal/roller", Bind(this, &StaffRoutes::AddRole));
    routes.AddSession("POST", "/admin/personal/roller/ta-bort", Bind(this, &StaffRoutes::RemoveRole));
    routes.AddSession("POST", "/admin/personal/konto", Bind(this, &StaffRoutes::SetOpen));
    routes.AddSession("POST", "/admin/personal/tvastegsverifiering", Bind(this, &StaffRoutes::ResetSecondFactor));
}

namespace {

// An id that is no id names no account or unit: the use case answers it as one it cannot find.
std::int64_t IdOrZero(const FormFields& form, std::string_view name) {
    return ParsePositiveId(form.Get(name)).value_or(0);
}

app::RoleChange RoleChangeOf(const FormFields& form) {
    return {IdOrZero(form, "user_id"), IdOrZero(form, "unit_id"), domain::ParseRole(form.Get("role")),
            std::string(form.Get("valid_from")), std::string(form.Get("valid_to"))};
}

}  // namespace

Response StaffRoutes::Refused(const Request& request, const app::Actor& actor, std::string form_name,
                              const FormFields& fields, const Error& error) const {
    if (!IsCorrectableOnForm(error.code)) return Fail(request, error);
    views::StaffFormState state;
    if (error.fields.empty()) {
        state.error_key = error.message_key;  // a refused step: the top of the page says why
    } else {
        state.error_form = std::move(form_name);
        state.errors = error.fields;
        state.typed = TypedFrom(fields);
    }
    return Render(request, actor, HttpStatusFor(error.code), std::move(state));
}

Response StaffRoutes::WithLink(const Request& request, const app::Actor& actor, const app::Invitation& invitation,
                               std::string notice_key) const {
    const Translator t(LanguageOf(request));
    views::StaffFormState state;
    state.notice_key = std::move(notice_key);
    state.invitation = views::ShownInvitation{invitation.for_name, OriginOf(request) + "/aktivera/" + invitation.token,
                                              t.LocalDateTime(invitation.expires_at)};
    Response response = Render(request, actor, 200, std::move(state));
    response.SetHeader("Cache-Control", "no-store");  // the one-time link must not stay in a cache
    return response;
}

Response StaffRoutes::Create(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    app::NewStaffInput input;
    input.display_name = form->Get("display_name");
    input.username = form->Get("username");
    input.email = form->Get("email");
    input.phone = form->Get("phone");
    input.unit_id = IdOrZero(*form, "unit_id");
    input.role = domain::ParseRole(form->Get("role"));
    auto created = staff_.Create(actor, input, ContextOf(request));
    if (!created) return Refused(request, actor, "new", *form, created.error());
    return WithLink(request, actor, *created, "staff.created");
}

Response StaffRoutes::NewLink(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto link = staff_.NewActivationLink(actor, IdOrZero(*form, "user_id"), ContextOf(request));
    if (!link) return Refused(request, actor, "", *form, link.error());
    return WithLink(request, actor, *link, "staff.link_made");
}

Response StaffRoutes::AddRole(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto change = RoleChangeOf(*form);
    const Status added = staff_.AddRole(actor, change, ContextOf(request));
    if (!added) return Refused(request, actor, "role-" + std::to_string(change.user), *form, added.error());
    return Response::Redirect("/admin/personal?klart=roll-tillagd");
}

Response StaffRoutes::RemoveRole(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const Status removed = staff_.RemoveRole(actor, RoleChangeOf(*form), ContextOf(request));
    if (!removed) return Refused(request, actor, "", *form, removed.error());
    return Response::Redirect("/admin/personal?klart=roll-borttagen");
}

Response StaffRoutes::Render(const Request& request, const app::Actor& actor, int status,
                             views::StaffFormState state) const {
    auto page = staff_.Staff(actor);
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    return StaffPage(request, actor, status, t.Format("staff.heading", {{"organisation", page->organisation_name}}),
                     "/admin/personal", views::StaffContent(t, *page, state));
}

Response StaffRoutes::Show(const Request& request, const RouteParams&, const app::Actor& actor) const {
    views::StaffFormState state;
    const std::string done = QueryValue(request.query, "klart");
    if (done == "stangt") state.notice_key = "staff.closed";
    if (done == "oppnat") state.notice_key = "staff.opened";
    if (done == "roll-tillagd") state.notice_key = "staff.role_added";
    if (done == "roll-borttagen") state.notice_key = "staff.role_removed";
    if (done == "app-nollstalld") state.notice_key = "staff.second_factor_reset";
    return Render(request, actor, 200, std::move(state));
}

Response StaffRoutes::SetOpen(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const std::string_view open = form->Get("open");
    if (open != "ja" && open != "nej") return ErrorPage(request, 400, "staff.choice_missing");
    // An id that is no id names no account: the use case answers it as one it cannot find.
    const auto user = ParsePositiveId(form->Get("user_id")).value_or(0);
    const Status changed = staff_.SetOpen(actor, user, open == "ja", ContextOf(request));
    if (!changed) return Refused(request, actor, "", *form, changed.error());
    return Response::Redirect(std::string("/admin/personal?klart=") + (open == "ja" ? "oppnat" : "stangt"));
}

Response StaffRoutes::ResetSecondFactor(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const Status reset = staff_.ResetSecondFactor(actor, IdOrZero(*form, "user_id"), ContextOf(request));
    if (!reset) return Refused(request, actor, "", *form, reset.error());
    return Response::Redirect("/admin/personal?klart=app-nollstalld");
}

}  // namespace kronobarn::web
