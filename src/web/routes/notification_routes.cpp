#include "web/routes/notification_routes.hpp"

#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

std::string SettingsPath(const app::Actor& actor) {
    return actor.user.IsFamily() ? "/familj/aviseringar" : "/aviseringar";
}

}  // namespace

void NotificationRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/aviseringar", Bind(this, &NotificationRoutes::Show));
    routes.AddSession("POST", "/aviseringar", Bind(this, &NotificationRoutes::Save));
    routes.AddSession("GET", "/familj/aviseringar", Bind(this, &NotificationRoutes::Show), {"", Audience::kFamily});
    routes.AddSession("POST", "/familj/aviseringar", Bind(this, &NotificationRoutes::Save), {"", Audience::kFamily});
    routes.AddSession("GET", "/admin/utskick", Bind(this, &NotificationRoutes::Failed));
}

Response NotificationRoutes::Render(const Request& request, const app::Actor& actor, int status,
                                    views::NotificationSettingsState state) const {
    auto page = settings_.Load(actor);
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    state.action = SettingsPath(actor);
    if (actor.user.IsFamily()) state.key_prefix = "family.";
    return StaffPage(request, actor, status, std::string(t(state.key_prefix + "notify.settings.heading")), state.action,
                     views::NotificationSettingsContent(t, *page, state));
}

Response NotificationRoutes::Show(const Request& request, const RouteParams&, const app::Actor& actor) const {
    views::NotificationSettingsState state;
    if (QueryValue(request.query, "klart") == "sparat") state.notice_key = "notify.settings.saved";
    return Render(request, actor, 200, std::move(state));
}

Response NotificationRoutes::Save(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::NotificationSettingsState state;
    std::map<std::string, std::string> chosen;
    for (const auto& name : form->Names()) {
        if (!name.starts_with("kind_")) continue;
        chosen[name.substr(5)] = std::string(form->Get(name));
        state.typed[name] = std::string(form->Get(name));
    }
    std::optional<std::string> email;
    if (actor.user.IsFamily()) {
        email = std::string(form->Get("email"));
        state.typed["email"] = *email;
    }
    const Status saved = settings_.Save(actor, chosen, email);
    if (!saved) {
        if (!IsCorrectableOnForm(saved.error().code)) return Fail(request, saved.error());
        state.error_key = saved.error().message_key;
        // The field in error: the address, or the kind the refusal names when the form shows it (a
        // made-up kind is named in the summary only).
        if (state.error_key == "notify.settings.email_invalid") {
            state.error_field = "email";
        } else if (const auto* type = domain::FindNotificationType(saved.error().detail);
                   type != nullptr && saved.error().message_key != "notify.settings.unknown_kind") {
            state.error_field = "kind_" + saved.error().detail;
        }
        return Render(request, actor, 400, std::move(state));
    }
    return Response::Redirect(SettingsPath(actor) + "?klart=sparat");
}

Response NotificationRoutes::Failed(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto failed = settings_.FailedDeliveries(actor);
    if (!failed) return Fail(request, failed.error());
    const Translator t(LanguageOf(request));
    return StaffPage(request, actor, 200, std::string(t("notify.failed.heading")), "/admin/utskick",
                     views::FailedDeliveriesContent(t, *failed));
}

}  // namespace kronobarn::web
