// Signals of concern: register, the unit inbox, the decision, a handover or collaboration from a signal.
#pragma once

#include "app/concerns.hpp"
#include "app/handovers.hpp"
#include "app/plans.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/concern_pages.hpp"

namespace kronobarn::web {

class SignalRoutes : PageKit {
  public:
    SignalRoutes(const PageKit& kit, app::Concerns& concerns, app::Handovers& handovers, app::Plans& plans)
        : PageKit(kit), concerns_(concerns), handovers_(handovers), plans_(plans) {}
    void Register(RouteTable& routes) const;

  private:
    Response InboxShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderConcernForm(const Request& request, const app::Actor& actor, int status, app::ConcernForm values,
                               std::vector<FieldError> errors) const;
    Response ConcernNew(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderConcern(const Request& request, const app::Actor& actor, domain::ConcernId id, int status,
                           views::DecisionFormState form, std::string_view notice_key) const;
    // The signal's page again with the refused form open, its message and what was typed; an error
    // no form can fix gets its error page.
    Response DecisionFormFailed(const Request& request, const app::Actor& actor, domain::ConcernId id,
                                views::DecisionFormState state, const Error& error) const;
    Response ConcernShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernDecide(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernHandover(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernCollaborate(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::Concerns& concerns_;
    app::Handovers& handovers_;
    app::Plans& plans_;
};

}  // namespace kronobarn::web
