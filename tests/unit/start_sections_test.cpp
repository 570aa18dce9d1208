#include <gtest/gtest.h>

#include "app/start_page.hpp"

namespace kronobarn::app {
namespace {

domain::UserAccount WithRoles(std::initializer_list<domain::Role> roles) {
    domain::UserAccount user;
    for (auto role : roles) user.roles.push_back({1, 1, role});
    return user;
}

bool Has(const std::vector<StartSection>& sections, StartSection section) {
    return std::find(sections.begin(), sections.end(), section) != sections.end();
}

TEST(StartSections, CoordinationHoldersGetTheSignalInbox) {
    for (auto role :
         {domain::Role::kBvcNurse, domain::Role::kPrincipal, domain::Role::kMidwife, domain::Role::kKaaOfficer}) {
        EXPECT_TRUE(Has(SectionsFor(WithRoles({role})), StartSection::kSignalInbox)) << domain::Code(role);
    }
}

TEST(StartSections, PreschoolTeacherCanRegisterConcernButHasNoInbox) {
    const auto sections = SectionsFor(WithRoles({domain::Role::kTeacher}));
    EXPECT_TRUE(Has(sections, StartSection::kNewSignal));
    EXPECT_FALSE(Has(sections, StartSection::kSignalInbox));
}

TEST(StartSections, AdministratorSteeringGroupAndResearcherSeeNoChildWork) {
    for (auto role : {domain::Role::kSystemAdmin, domain::Role::kSteeringGroup, domain::Role::kResearcher,
                      domain::Role::kLogReviewer}) {
        const auto sections = SectionsFor(WithRoles({role}));
        EXPECT_FALSE(Has(sections, StartSection::kNewSignal)) << domain::Code(role);
        EXPECT_FALSE(Has(sections, StartSection::kSignalInbox)) << domain::Code(role);
        EXPECT_FALSE(Has(sections, StartSection::kMyTasks)) << domain::Code(role);
    }
}

TEST(StartSections, SeveralRolesGiveEachSectionOnce) {
    const auto sections = SectionsFor(WithRoles({domain::Role::kPrincipal, domain::Role::kStudentHealth}));
    EXPECT_EQ(std::count(sections.begin(), sections.end(), StartSection::kNewSignal), 1);
}

}  // namespace
}  // namespace kronobarn::app
