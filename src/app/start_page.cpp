#include "app/start_page.hpp"

#include <algorithm>

namespace kronobarn::app {

std::vector<StartSection> SectionsFor(const domain::UserAccount& user) {
    using domain::Role;
    std::vector<StartSection> sections;
    auto add = [&](StartSection section) {
        if (std::find(sections.begin(), sections.end(), section) == sections.end()) sections.push_back(section);
    };
    for (const auto& assignment : user.roles) {
        switch (assignment.role) {
            case Role::kPrincipal:
            case Role::kBvcNurse:
            case Role::kMidwife:
            case Role::kKaaOfficer:
                add(StartSection::kNewSignal);
                add(StartSection::kSignalInbox);
                add(StartSection::kHandovers);
                add(StartSection::kMyTasks);
                add(StartSection::kEmergency);
                break;
            case Role::kClinician:
            case Role::kSocialWorker:
                // They may be asked to take over a plan's collaboration responsibility.
                add(StartSection::kNewSignal);
                add(StartSection::kHandovers);
                add(StartSection::kMyTasks);
                add(StartSection::kEmergency);
                break;
            case Role::kStudentHealth:
                add(StartSection::kNewSignal);
                add(StartSection::kMyTasks);
                add(StartSection::kEmergency);
                break;
            case Role::kTeacher:
            case Role::kPoliceOfficer:
            case Role::kClubLeader:
                add(StartSection::kNewSignal);
                add(StartSection::kMyTasks);
                break;
            case Role::kLogReviewer:
                add(StartSection::kLogReview);
                break;
            case Role::kSystemAdmin:
                add(StartSection::kUserAdmin);
                break;
            case Role::kSteeringGroup:
                add(StartSection::kStatistics);
                break;
            case Role::kResearcher:
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
