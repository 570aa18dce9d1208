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
    routes.AddSession("POST", "/admin/personal/konto", Bind(this, &StaffRoutes::SetOpen));
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
    if (!changed) {
        if (changed.error().code != ErrorCode::kFailedPrecondition) return Fail(request, changed.error());
        views::StaffFormState state;
        state.error_key = changed.error().message_key;
        return Render(request, actor, HttpStatusFor(changed.error().code), std::move(state));
    }
    return Response::Redirect(std::string("/admin/personal?klart=") + (open == "ja" ? "oppnat" : "stangt"));
}

}  // namespace kronobarn::web
