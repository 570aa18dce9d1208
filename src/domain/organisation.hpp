// Organisations, their units and the roles staff hold in a unit. The model's actors (domain.md §2):
// municipalities, Region Kronoberg, the police and associations; units are where work happens
// (a school unit, a BVC, a social-services office, a sports club). Access is granted to units and
// roles, never to organisations as a whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kronobarn::domain {

using OrganisationId = std::int64_t;
using UnitId = std::int64_t;
using UserId = std::int64_t;
using ChildId = std::int64_t;

enum class OrganisationKind { kMunicipality, kRegion, kPolice, kAssociation };

enum class UnitKind {
    kPreschool,
    kSchoolUnit,
    kSocialServices,
    kKaa,  // kommunala aktivitetsansvaret: 16–19 outside upper-secondary school
    kCultureLeisure,
    kBvc,
    kMvc,
    kBup,
    kHab,
    kUmo,
    kPrimaryCare,
    kPoliceArea,
    kClub,
    kAdministration,
};

enum class Role {
    kPrincipal,      // rektor
    kStudentHealth,  // elevhälsa
    kTeacher,        // lärare / förskollärare
    kBvcNurse,       // BVC-sköterska
    kMidwife,        // barnmorska (MVC)
    kClinician,      // BUP/HAB/UMO clinician
    kSocialWorker,   // socialsekreterare
    kKaaOfficer,     // KAA-handläggare
    kPoliceOfficer,  // polis
    kClubLeader,     // föreningsledare
    kLogReviewer,    // loggranskare
    kSystemAdmin,    // systemadministratör
    kSteeringGroup,  // styrgrupp
    kResearcher,     // följeforskare
};

// Stable codes used in the database, the CLI and translation keys ("role.principal").
std::string_view Code(OrganisationKind kind);
std::string_view Code(UnitKind kind);
std::string_view Code(Role role);
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view code);
std::optional<UnitKind> ParseUnitKind(std::string_view code);
std::optional<Role> ParseRole(std::string_view code);
const std::vector<Role>& AllRoles();

struct Organisation {
    OrganisationId id = 0;
    std::string name;
    OrganisationKind kind = OrganisationKind::kMunicipality;
};

struct Unit {
    UnitId id = 0;
    OrganisationId organisation_id = 0;
    std::string name;
    UnitKind kind = UnitKind::kSchoolUnit;
    std::string area;  // municipality the unit serves; empty when county-wide
};

// One role a staff user holds in one unit. A user may hold several.
struct RoleAssignment {
    UnitId unit_id = 0;
    OrganisationId organisation_id = 0;
    Role role = Role::kTeacher;
    UnitKind unit_kind = UnitKind::kAdministration;  // decides which sector's secrecy the role works under
};

}  // namespace kronobarn::domain
