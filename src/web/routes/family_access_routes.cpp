#include "web/routes/family_access_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

// The family member an invite form names: "barnet" (the child, no guardian) or a guardian's id. One
// that is no number names no guardian (0): the use case decides access first, then says so.
std::optional<domain::GuardianId> MemberOf(const FormFields& form) {
    const std::string_view member = form.Get("member");
    if (member == "barnet") return std::nullopt;
    return ParsePositiveId(member).value_or(0);
}

}  // namespace

void FamilyAccessRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/barn/{id}/familj", Bind(this, &FamilyAccessRoutes::FamilyAccessShow), {"child"});
    routes.AddSession("POST", "/barn/{id}/familj/inbjudan", Bind(this, &FamilyAccessRoutes::FamilyInvite), {"child"});
    routes.AddSession("POST", "/barn/{id}/familj/inbjudan-epost", Bind(this, &FamilyAccessRoutes::FamilyInviteByEmail),
                      {"child"});
    routes.AddSession("POST", "/barn/{id}/familj/begransning", Bind(this, &FamilyAccessRoutes::FamilyRestrict),
                      {"child"});
    routes.AddSession("POST", "/barn/{id}/familj/personnummer", Bind(this, &FamilyAccessRoutes::FamilyPersonalNumber),
                      {"child"});
}

Response FamilyAccessRoutes::RenderFamilyAccess(const Request& request, const app::Actor& actor, domain::ChildId child,
                                                int status, views::FormPageState state,
                                                const std::optional<app::Invitation>& invitation) const {
    auto page = family_accounts_.Page(actor, child, ContextOf(request));
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    std::optional<views::ShownInvitation> shown;
    if (invitation) {
        shown = views::ShownInvitation{invitation->for_name, OriginOf(request) + "/aktivera/" + invitation->token,
                                       t.LocalDateTime(invitation->expires_at)};
    }
    Response response = ChildDataPage(request, actor, status, "family.staff.heading",
                                      views::FamilyAccessStaffContent(t, child, *page, state, shown));
    return response;
}

Response FamilyAccessRoutes::RenderFailure(const Request& request, const app::Actor& actor, domain::ChildId child,
                                           const Error& error, views::FormPageState state) const {
    const int status = HttpStatusFor(error.code);
    if (!IsCorrectableOnForm(error.code)) return ErrorPage(request, status, error.message_key);
    state.error_key = error.message_key;
    return RenderFamilyAccess(request, actor, child, status, std::move(state), std::nullopt);
}

Response FamilyAccessRoutes::FamilyAccessShow(const Request& request, const RouteParams& params,
                                              const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    if (request.query.find("sparat=1") != std::string::npos) state.notice_key = "family.staff.saved";
    if (request.query.find("skickat=1") != std::string::npos) state.notice_key = "family.staff.email_sent";
    return RenderFamilyAccess(request, actor, *id, 200, std::move(state), std::nullopt);
}

Response FamilyAccessRoutes::FamilyInvite(const Request& request, const RouteParams& params,
                                          const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto invitation = family_accounts_.Invite(actor, *id, MemberOf(*form), ContextOf(request));
    if (!invitation) return RenderFailure(request, actor, *id, invitation.error(), {});
    // Shown once, on this response only: no redirect, so the link is not kept in any URL.
    views::FormPageState state;
    return RenderFamilyAccess(request, actor, *id, 200, std::move(state), *invitation);
}

Response FamilyAccessRoutes::FamilyInviteByEmail(const Request& request, const RouteParams& params,
                                                 const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const std::string_view member = form->Get("member");
    auto sent = family_accounts_.InviteByEmail(actor, *id, MemberOf(*form), form->Get("email"), ContextOf(request));
    if (!sent) {
        // The address's own mistakes show at its form, with what was typed; others at the top.
        views::FormPageState state;
        if (!sent.error().fields.empty()) {
            state.error_form = "mail-" + std::string(member);
            state.typed = {{"email", std::string(form->Get("email"))}};
        }
        return RenderFailure(request, actor, *id, sent.error(), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "/familj?skickat=1");
}

Response FamilyAccessRoutes::FamilyRestrict(const Request& request, const RouteParams& params,
                                            const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto guardian = ParsePositiveId(form->Get("guardian_id"));
    auto restricted = family_accounts_.Restrict(actor, *id, guardian.value_or(0), form->Get("restricted") == "1",
                                                std::string(form->Get("reason")), ContextOf(request));
    if (!restricted) return RenderFailure(request, actor, *id, restricted.error(), {});
    return Response::Redirect("/barn/" + std::to_string(*id) + "/familj?sparat=1");
}

Response FamilyAccessRoutes::FamilyPersonalNumber(const Request& request, const RouteParams& params,
                                                  const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto guardian = ParsePositiveId(form->Get("guardian_id"));
    auto recorded = family_accounts_.SetPersonalNumber(actor, *id, guardian.value_or(0), form->Get("personal_number"),
                                                       ContextOf(request));
    if (!recorded) {
        // The number's own mistakes show at its form, with what was typed; an unknown guardian at the top.
        views::FormPageState state;
        if (!recorded.error().fields.empty() && guardian) {
            state.error_form = "pnr-" + std::to_string(*guardian);
            state.typed = {{"personal_number", std::string(form->Get("personal_number"))}};
        }
        return RenderFailure(request, actor, *id, recorded.error(), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "/familj?sparat=1");
}

}  // namespace kronobarn::web
