#include "web/routes/catalogue_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void CatalogueRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/admin/hjulet", Bind(this, &CatalogueRoutes::CatalogueShow));
    routes.AddSession("POST", "/admin/hjulet", Bind(this, &CatalogueRoutes::CataloguePublish));
}

Response CatalogueRoutes::RenderCatalogue(const Request& request, const app::Actor& actor, int status,
                                          views::FormPageState state) const {
    auto page = catalogue_.Current(actor);
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    return StaffPage(request, actor, status, std::string(t("catalogue.heading")), "/admin/hjulet",
                     views::CatalogueContent(t, *page, state));
}

Response CatalogueRoutes::CatalogueShow(const Request& request, const RouteParams&, const app::Actor& actor) const {
    views::FormPageState state;
    if (request.query.find("publicerad=1") != std::string::npos) state.notice_key = "catalogue.published";
    return RenderCatalogue(request, actor, 200, std::move(state));
}

Response CatalogueRoutes::CataloguePublish(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto current = catalogue_.Current(actor);
    if (!current) return Fail(request, current.error());
    std::vector<domain::WheelAreaDefinition> areas;
    auto read = [&](const std::string& prefix, std::string code) {
        return domain::WheelAreaDefinition{std::move(code),
                                           std::string(form->Get(prefix + "label_sv")),
                                           std::string(form->Get(prefix + "label_en")),
                                           std::string(form->Get(prefix + "child_label_sv")),
                                           std::string(form->Get(prefix + "description_sv")),
                                           std::string(form->Get(prefix + "shanarri")),
                                           std::string(form->Get(prefix + "bbic"))};
    };
    for (const auto& area : current->areas) areas.push_back(read("area_" + area.code + "_", area.code));
    if (!form->Get("new_code").empty()) areas.push_back(read("new_", std::string(form->Get("new_code"))));
    auto published = catalogue_.Publish(actor, areas, std::string(form->Get("note")), ContextOf(request));
    if (!published) {
        const auto code = published.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), published.error().message_key);
        views::FormPageState state;
        state.error_key = published.error().message_key;
        for (const auto& name : form->Names()) state.typed[name] = std::string(form->Get(name));
        return RenderCatalogue(request, actor, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/admin/hjulet?publicerad=1");
}

}  // namespace kronobarn::web
