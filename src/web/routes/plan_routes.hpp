// Barnets plan for the professionals: the page, each form on it, its history, the PDF and the JSON API.
#pragma once

#include "app/handovers.hpp"
#include "app/plans.hpp"
#include "web/form.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web {

class PlanRoutes : PageKit {
  public:
    PlanRoutes(const PageKit& kit, app::Plans& plans, app::Handovers& handovers)
        : PageKit(kit), plans_(plans), handovers_(handovers) {}
    void Register(RouteTable& routes) const;

  private:
    // Each plan form has its parser (plan_forms.hpp) and its use case; PlanPost runs the two and
    // shows a refused form again with its values.
    template <typename Input>
    using PlanFormParser = Result<app::PlanChange<Input>> (*)(const FormFields&);
    template <typename Input>
    using PlanChangeOf = Status (app::Plans::*)(const app::Actor&, domain::PlanId, const app::PlanChange<Input>&,
                                                const app::RequestContext&);
    // Which form on the plan page a post came from — its name, or its name and the item the form's
    // hidden field names ("goal" + goal_id 12 → "goal-12") — and the notice its success shows.
    struct PlanForm {
        std::string_view name;
        std::string_view item_field;
        std::string_view notice;
    };
    Response RenderPlan(const Request& request, const app::Actor& actor, domain::PlanId id, int status,
                        views::FormPageState state) const;
    Response PlanShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanHistory(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    // Shows the plan page again with the failed form open, its summary, its field and its values.
    Response PlanFormFailed(const Request& request, const app::Actor& actor, domain::PlanId id, PlanForm form,
                            const FormFields& fields, const Error& error) const;
    template <typename Input>
    Response PlanPost(const Request& request, const RouteParams& params, const app::Actor& actor, PlanForm form,
                      PlanFormParser<Input> parse, PlanChangeOf<Input> change) const;
    Response PlanBasics(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanParticipant(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanGoal(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanAction(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeeting(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanClose(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanCollaborationHandover(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const;
    Response PlanGoalEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanGoalRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanActionEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanActionRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanActionReport(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanParticipantEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanParticipantRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeetingCorrect(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeetingPlan(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeetingCancel(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response StaffPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response StaffPlanJson(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::Plans& plans_;
    app::Handovers& handovers_;
};

}  // namespace kronobarn::web
