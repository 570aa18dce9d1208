#include "web/routes/organisation_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form_reader.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

app::OrganisationInput InputOf(const FormFields& form) {
    app::OrganisationInput input;
    input.name = form.Get("name");
    input.kind = domain::ParseOrganisationKind(form.Get("kind"));
    input.code = form.Get("code");
    input.active = FormReader(form).Flag("active");
    return input;
}

}  // namespace

void OrganisationRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/admin/organisationer", Bind(this, &OrganisationRoutes::Show));
    routes.AddSession("POST", "/admin/organisationer", Bind(this, &OrganisationRoutes::Create));
    routes.AddSession("POST", "/admin/organisationer/andra", Bind(this, &OrganisationRoutes::Change));
    routes.AddSession("POST", "/admin/organisationer/administrator",
                      Bind(this, &OrganisationRoutes::InviteAdministrator));
}

Response OrganisationRoutes::Render(const Request& request, const app::Actor& actor, int status,
                                    views::OrganisationFormState state) const {
    auto organisations = organisations_.List(actor);
    if (!organisations) return Fail(request, organisations.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    return StaffPage(request, actor, status, std::string(t("organisation.heading")), "/admin/organisationer",
                     views::OrganisationsContent(t, *organisations, state));
}

Response OrganisationRoutes::Show(const Request& request, const RouteParams&, const app::Actor& actor) const {
    views::OrganisationFormState state;
    const std::string done = QueryValue(request.query, "klart");
    if (done == "skapad") state.notice_key = "organisation.created";
    if (done == "sparad") state.notice_key = "organisation.saved";
    return Render(request, actor, 200, std::move(state));
}

Response OrganisationRoutes::Failed(const Request& request, const app::Actor& actor, std::string form_name,
                                    const FormFields& fields, const Error& error) const {
    if (!IsCorrectableOnForm(error.code)) return Fail(request, error);
    views::OrganisationFormState state;
    state.error_form = std::move(form_name);
    state.errors = error.fields;
    if (state.errors.empty()) {
        // A name or code another organisation has: the message belongs to both fields; it links to the name.
        state.errors.push_back({error.code == ErrorCode::kConflict ? "name" : "", error.message_key});
    }
    state.typed = TypedFrom(fields);
    return Render(request, actor, HttpStatusFor(error.code), std::move(state));
}

Response OrganisationRoutes::Create(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto created = organisations_.Create(actor, InputOf(*form), ContextOf(request));
    if (!created) return Failed(request, actor, "new", *form, created.error());
    return Response::Redirect("/admin/organisationer?klart=skapad");
}

Response OrganisationRoutes::Change(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto id = ParsePositiveId(form->Get("organisation_id"));
    // An id that is no id names no organisation: the use case answers it as one it cannot find.
    const Status changed = organisations_.Change(actor, id.value_or(0), InputOf(*form), ContextOf(request));
    if (!changed) return Failed(request, actor, "org-" + std::to_string(id.value_or(0)), *form, changed.error());
    return Response::Redirect("/admin/organisationer?klart=sparad#form-org-" + std::to_string(*id));
}

Response OrganisationRoutes::InviteAdministrator(const Request& request, const RouteParams&,
                                                 const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto id = ParsePositiveId(form->Get("organisation_id")).value_or(0);
    app::NewStaffInput input;
    input.display_name = form->Get("display_name");
    input.username = form->Get("username");
    input.email = form->Get("email");
    input.phone = form->Get("phone");
    auto invitation = organisations_.InviteAdministrator(actor, id, input, ContextOf(request));
    if (!invitation) return Failed(request, actor, "admin-" + std::to_string(id), *form, invitation.error());
    const Translator t(LanguageOf(request));
    views::OrganisationFormState state;
    state.notice_key = "organisation.admin_invited";
    state.invitation =
        views::ShownInvitation{invitation->for_name, OriginOf(request) + "/aktivera/" + invitation->token,
                               t.LocalDateTime(invitation->expires_at)};
    Response response = Render(request, actor, 200, std::move(state));
    response.SetHeader("Cache-Control", "no-store");  // the one-time link must not stay in a cache
    return response;
}

}  // namespace kronobarn::web
