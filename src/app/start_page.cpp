#include "app/start_page.hpp"
#include "store/store.hpp"

#include <algorithm>

namespace kronobarn::app {

std::vector<StartSection> SectionsFor(const domain::UserAccount& user) {
    std::vector<StartSection> sections;
    auto add = [&](StartSection section) {
        if (std::find(sections.begin(), sections.end(), section) == sections.end()) sections.push_back(section);
    };
    for (const auto& assignment : user.roles) {
        const domain::RoleTraits& role = domain::TraitsOf(assignment.role);
        switch (role.work) {
            case domain::Work::kWithChildren:
                add(StartSection::kNewSignal);
                add(StartSection::kMyTasks);
                // Its unit's signals, handovers to it, emergency access to its children.
                if (role.acts_for_unit) {
                    add(StartSection::kSignalInbox);
                    add(StartSection::kHandovers);
                    add(StartSection::kEmergency);
                }
                if (role.emergency_default) add(StartSection::kEmergency);
                break;
            case domain::Work::kLogReview:
                add(StartSection::kLogReview);
                break;
            case domain::Work::kAdministration:
                add(StartSection::kUserAdmin);
                break;
            case domain::Work::kStatistics:
                add(StartSection::kStatistics);
                break;
            case domain::Work::kResearch:
                add(StartSection::kResearch);
                break;
        }
    }
    std::sort(sections.begin(), sections.end());
    return sections;
}

Result<StartPageModel> StartPages::Load(const Actor& actor) const {
    StartPageModel model;
    model.display_name = actor.user.display_name;
    model.sections = SectionsFor(actor.user);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    for (const auto& assignment : actor.user.roles) {
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(assignment.unit_id));
        model.roles.push_back({std::string(domain::Code(assignment.role)), unit ? unit->name : std::string()});
    }
    return model;
}

}  // namespace kronobarn::app
