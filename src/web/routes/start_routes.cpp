#include "web/routes/start_routes.hpp"

#include <algorithm>
#include <map>

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"
#include "web/views/child_pages.hpp"
#include "web/views/concern_pages.hpp"
#include "web/views/emergency_pages.hpp"
#include "web/views/pages.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web {
namespace {

// The start page lists this many of the oldest unanswered signals; /inkorg lists them all.
constexpr std::size_t kStartPageInboxRows = 20;

}  // namespace

void StartRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/start", Bind(this, &StartRoutes::Start), {"", Audience::kAnyone});
}

Response StartRoutes::Start(const Request& request, const RouteParams&, const app::Actor& actor) const {
    if (actor.user.IsFamily()) return Response::Redirect("/familj");
    auto model = start_pages_.Load(actor);
    if (!model) return Fail(request, model.error());
    const Translator t(LanguageOf(request));
    std::map<app::StartSection, Html> filled;
    const auto has = [&](app::StartSection section) {
        return std::find(model->sections.begin(), model->sections.end(), section) != model->sections.end();
    };
    if (has(app::StartSection::kSignalInbox)) {
        auto inbox = concerns_.Inbox(actor, ContextOf(request), kStartPageInboxRows);
        if (!inbox) return Fail(request, inbox.error());
        filled[app::StartSection::kSignalInbox] = views::InboxList(t, *inbox, true);
    }
    if (has(app::StartSection::kHandovers)) {
        auto lists = handovers_.ListFor(actor, ContextOf(request));
        if (!lists) return Fail(request, lists.error());
        auto transitions = children_.UpcomingTransitions(actor, ContextOf(request));
        if (!transitions) {
            return Fail(request, transitions.error());
        }
        Html section = views::TransitionList(t, *transitions);
        section.Append(views::HandoverSection(t, *lists, CsrfTokenForSession(request.Cookie(kSessionCookie))));
        filled[app::StartSection::kHandovers] = std::move(section);
    }
    if (has(app::StartSection::kUserAdmin)) {
        // Each administrator's own work: the county's organisations, or the wheel's catalogue.
        const bool county = std::any_of(actor.user.roles.begin(), actor.user.roles.end(), [](const auto& assignment) {
            return assignment.role == domain::Role::kCountyAdmin;
        });
        Html section;
        if (county) {
            section =
                views::LinkSection(t, "start.section.county_admin.intro", "/admin/organisationer", "organisation.link");
            section.Append(views::LinkSection(t, "start.section.failed.intro", "/admin/utskick", "notify.failed.link"));
        } else {
            section = views::LinkSection(t, "start.section.user_admin.empty", "/admin/personal", "staff.link");
            section.Append(views::LinkSection(t, "start.section.units.intro", "/admin/enheter", "unit.link"));
            section.Append(views::LinkSection(t, "start.section.import.intro", "/admin/import", "import.link"));
            section.Append(views::LinkSection(t, "start.section.catalogue.intro", "/admin/hjulet", "catalogue.link"));
            section.Append(views::LinkSection(t, "start.section.failed.intro", "/admin/utskick", "notify.failed.link"));
        }
        filled[app::StartSection::kUserAdmin] = std::move(section);
    }
    if (has(app::StartSection::kMyTasks)) {
        auto plans = plans_.ListFor(actor, ContextOf(request));
        if (!plans) return Fail(request, plans.error());
        filled[app::StartSection::kMyTasks] = views::MyPlansList(t, *plans);
    }
    if (has(app::StartSection::kEmergency)) {
        auto units = emergency_.Units(actor);
        if (!units) return Fail(request, units.error());
        auto notices = emergency_.ForHolder(actor, ContextOf(request));
        if (!notices) return Fail(request, notices.error());
        filled[app::StartSection::kEmergency] = views::EmergencySection(t, !units->empty(), *notices);
    }
    if (has(app::StartSection::kLogReview)) {
        filled[app::StartSection::kLogReview] =
            views::LinkSection(t, "start.section.log_review.empty", "/loggkontroll", "log_review.link");
    }
    if (has(app::StartSection::kStatistics)) {
        filled[app::StartSection::kStatistics] =
            views::LinkSection(t, "start.section.statistics.intro", "/statistik", "statistics.link");
    }
    if (has(app::StartSection::kNewSignal)) {
        auto mine = concerns_.Mine(actor, ContextOf(request));
        if (!mine) return Fail(request, mine.error());
        filled[app::StartSection::kNewSignal] = views::MySignalsList(t, *mine);
    }
    return ChildDataPage(request, actor, 200, "start.title", views::StartContent(t, *model, filled));
}

}  // namespace kronobarn::web
