// The role and unit-kind tables (domain/organisation.cpp): one row per value (the compiler checks
// the order and the count), codes that round-trip, and the rules that read them — who may hold
// Barnens bästa-ansvaret, whose secrecy a unit's data is, which sector statistics count it in,
// which roles act for their unit, who may ask for emergency access.
#include <gtest/gtest.h>

#include <set>

#include "domain/consent.hpp"
#include "domain/coordination.hpp"
#include "domain/handover.hpp"
#include "domain/statistics.hpp"

namespace kronobarn::domain {
namespace {

TEST(UnitKindTable, EveryKindHasItsOwnCodeAndTheRulesReadItsRow) {
    std::set<std::string_view> codes;
    for (const auto& row : AllUnitKinds()) {
        EXPECT_TRUE(codes.insert(row.code).second) << row.code;
        EXPECT_EQ(ParseUnitKind(row.code), row.kind) << row.code;
        EXPECT_EQ(Code(row.kind), row.code);
        EXPECT_EQ(CategoryOf(row.kind), row.category) << row.code;
        EXPECT_EQ(SectorOf(row.kind), row.sector) << row.code;
        EXPECT_EQ(CanHoldCoordination(row.kind), row.may_hold_coordination) << row.code;
        EXPECT_EQ(CanHoldCollaboration(row.kind), row.may_hold_coordination) << row.code;
    }
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(UnitKind::kOtherAuthority) + 1);
}

// "Om det visar sig att en aktör har väldigt mycket att göra med barnet så kan den ta över Barnens
// bästa-ansvaret": any unit of a municipality or the Region working with children, never the
// police or an association.
TEST(UnitKindTable, SocialServicesAndBupMayHoldCoordinationThePoliceAndClubsMayNot) {
    for (const UnitKind kind :
         {UnitKind::kSocialServices, UnitKind::kBup, UnitKind::kHab, UnitKind::kUmo, UnitKind::kPrimaryCare,
          UnitKind::kFamilyCentre, UnitKind::kSchoolUnit, UnitKind::kBvc}) {
        EXPECT_TRUE(CanHoldCoordination(kind)) << Code(kind);
    }
    for (const auto& row : AllUnitKinds()) {
        const bool outside =
            row.organisation == OrganisationKind::kPolice || row.organisation == OrganisationKind::kAssociation;
        if (outside) {
            EXPECT_FALSE(row.may_hold_coordination) << row.code;
        }
    }
    EXPECT_FALSE(CanHoldCoordination(UnitKind::kPreschool)) << "the preschool passes signals on to the BVC";
    const Unit bvc{1, 1, "BVC", UnitKind::kBvc, "Växjö"};
    const Unit social{2, 1, "Socialtjänsten", UnitKind::kSocialServices, "Växjö"};
    const Unit police{3, 2, "Polisen", UnitKind::kPoliceArea, ""};
    const Timestamp now = FromUnixMillis(0);
    EXPECT_TRUE(RequestHandover(bvc.id, false, bvc, social, "Mycket kontakt", 7, now));
    const auto refused = RequestHandover(bvc.id, false, bvc, police, "Mycket kontakt", 7, now);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message_key, "handover.unit_cannot_hold");
}

// The two classifications that used to disagree about KAA now read one row: the Education Act's
// activity responsibility is school, for consents and for statistics alike.
TEST(UnitKindTable, KaaIsSchoolForConsentsAndStatisticsAlike) {
    EXPECT_EQ(CategoryOf(UnitKind::kKaa), DataCategory::kSchool);
    EXPECT_EQ(SectorOf(UnitKind::kKaa), Sector::kSchool);
}

TEST(RoleTable, EveryRoleHasItsOwnCodeAndOnlyThoseWorkingWithChildrenRegisterSignals) {
    std::set<std::string_view> codes;
    for (const auto& row : AllRoleTraits()) {
        EXPECT_TRUE(codes.insert(row.code).second) << row.code;
        EXPECT_EQ(ParseRole(row.code), row.role);
        EXPECT_EQ(MayRegisterConcern(row.role), row.work == Work::kWithChildren) << row.code;
        EXPECT_EQ(ActsForHolderUnit(row.role), row.acts_for_unit) << row.code;
        // Duties that see no child's data never act for a unit nor ask for emergency access.
        if (row.work != Work::kWithChildren) {
            EXPECT_FALSE(row.acts_for_unit) << row.code;
            EXPECT_FALSE(row.emergency_default) << row.code;
            EXPECT_FALSE(row.handles_reports_of_concern) << row.code;
        }
    }
    EXPECT_EQ(codes.size(), AllRoles().size());
    EXPECT_EQ(DefaultEmergencyRoles(),
              (std::vector<Role>{Role::kStudentHealth, Role::kBvcNurse, Role::kClinician, Role::kSocialWorker}));
}

// An organisation's code: a municipality's four digits, any other organisation's number with its
// check digit, stored in one form whatever was typed.
TEST(OrganisationCode, AMunicipalityHasFourDigitsAndOthersAnOrganisationNumberWithItsCheckDigit) {
    using K = OrganisationKind;
    EXPECT_EQ(NormalizeOrganisationCode(K::kMunicipality, "0780"), "0780");
    EXPECT_EQ(NormalizeOrganisationCode(K::kMunicipality, " 07 80 "), "0780");
    for (std::string_view bad : {"780", "07800", "07-80", "O780", "", "232100-0065"}) {
        EXPECT_EQ(NormalizeOrganisationCode(K::kMunicipality, bad), std::nullopt) << bad;
    }
    EXPECT_EQ(NormalizeOrganisationCode(K::kRegion, "232100-0065"), "232100-0065");
    EXPECT_EQ(NormalizeOrganisationCode(K::kRegion, "2321000065"), "232100-0065");
    EXPECT_EQ(NormalizeOrganisationCode(K::kPolice, "202100 0076"), "202100-0076");
    for (std::string_view bad : {"232100-0066", "232100-006", "232100-00655", "0780", "23210o-0065"}) {
        EXPECT_EQ(NormalizeOrganisationCode(K::kAssociation, bad), std::nullopt) << bad;
    }
}

// The county administrator administers: no child's data, no emergency access, no report of concern.
TEST(RoleTable, AnOrganisationsAdministratorGivesEveryRoleButTheCountyAdministrators) {
    for (const auto& row : AllRoleTraits()) {
        EXPECT_EQ(row.given_by_organisation_admin, row.role != Role::kCountyAdmin) << row.code;
    }
}

TEST(RoleTable, TheCountyAdministratorIsAnAdministrationRole) {
    const RoleTraits& county = TraitsOf(Role::kCountyAdmin);
    EXPECT_EQ(county.code, "county_admin");
    EXPECT_EQ(county.work, Work::kAdministration);
    EXPECT_FALSE(county.acts_for_unit);
    EXPECT_FALSE(county.emergency_default);
    EXPECT_FALSE(county.handles_reports_of_concern);
    EXPECT_FALSE(MayRegisterConcern(Role::kCountyAdmin));
}

}  // namespace
}  // namespace kronobarn::domain
