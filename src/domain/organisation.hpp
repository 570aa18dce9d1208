// Organisations, their units and the roles staff hold in a unit. The model's actors (domain.md §2):
// municipalities, Region Kronoberg, the police and associations; units are where work happens
// (a school unit, a BVC, a social-services office, a sports club). Access is granted to units and
// roles, never to organisations as a whole.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"

namespace kronobarn::domain {

using OrganisationId = std::int64_t;
using UnitId = std::int64_t;
using UserId = std::int64_t;
using ChildId = std::int64_t;

// Other authorities: Försäkringskassan, Migrationsverket, Kriminalvården and the like.
enum class OrganisationKind { kMunicipality, kRegion, kPolice, kAssociation, kOtherAuthority };

enum class UnitKind {
    kPreschool,
    kSchoolUnit,
    kSocialServices,
    kKaa,  // kommunala aktivitetsansvaret: 16–18 outside upper-secondary school
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
    kFamilyCentre,    // familjecentral
    kYouthCentre,     // fritidsgård, lovverksamhet
    kLabourMarket,    // arbete och lärande: adult and labour-market services
    kNonProfit,       // idéburna organisationer beside the sports clubs
    kOtherAuthority,  // "andra myndigheter"
};

// Whose secrecy a unit's information falls under; consents are given per category.
enum class DataCategory { kSchool, kHealth, kSocial, kOther };
// The kind of organisation that acted, as the steering group's statistics count it.
enum class Sector { kPreschool, kSchool, kHealth, kSocialServices, kPolice, kAssociation, kOther };

// One row per kind of unit (organisation.cpp), used by every rule that asks about a kind.
struct UnitKindTraits {
    UnitKind kind;
    std::string_view code;
    std::optional<OrganisationKind> organisation;  // the kind it belongs to; nullopt: any
    DataCategory category;
    Sector sector;
    // May hold Barnens bästa-ansvaret (and a plan's collaboration responsibility) by an accepted
    // handover: units of a municipality or the Region that work with children's schooling, health
    // or welfare (domain.md §2). The default holder by age is DefaultHolderKind's.
    bool may_hold_coordination;
};
const UnitKindTraits& TraitsOf(UnitKind kind);
// Whether an organisation of `organisation`'s kind may have units of `kind` (its row's
// `organisation`, or any when the row names none).
bool UnitKindFits(UnitKind kind, OrganisationKind organisation);
std::span<const UnitKindTraits> AllUnitKinds();

enum class Role {
    kPrincipal,            // rektor
    kStudentHealth,        // elevhälsa
    kTeacher,              // lärare / förskollärare
    kBvcNurse,             // BVC-sköterska
    kMidwife,              // barnmorska (MVC)
    kClinician,            // BUP/HAB/UMO clinician
    kSocialWorker,         // socialsekreterare
    kKaaOfficer,           // KAA-handläggare
    kPoliceOfficer,        // polis
    kClubLeader,           // föreningsledare
    kLogReviewer,          // loggranskare
    kSystemAdmin,          // systemadministratör
    kSteeringGroup,        // styrgrupp
    kResearcher,           // följeforskare
    kSpecialNeedsTeacher,  // specialpedagog
    kLinkPerson,           // resursperson between school and social services
    kCountyAdmin,          // länsadministratör: the county's organisations, no child's data
};

// What a role is for: working with children, or one of the duties that see no child's data.
enum class Work { kWithChildren, kLogReview, kAdministration, kStatistics, kResearch };

// One row per role (organisation.cpp), used by every rule that asks what a role may do.
struct RoleTraits {
    Role role;
    std::string_view code;
    Work work;
    // Works a child's case for its unit: the unit's signals when it holds coordination, its plans
    // when it is collaboration-responsible, handovers to it.
    bool acts_for_unit;
    bool emergency_default;  // may ask for emergency access unless the county configures otherwise
    // Handles a report of concern (orosanmälan) its social-services unit received (SoL 14 kap.).
    bool handles_reports_of_concern;
    // An organisation's system administrator may give it to its staff (StaffAdmin); the county
    // administrator's own role is given from the command line only.
    bool given_by_organisation_admin;
};
const RoleTraits& TraitsOf(Role role);
std::span<const RoleTraits> AllRoleTraits();
// The roles whose row says emergency_default, in the table's order.
std::vector<Role> DefaultEmergencyRoles();

// Stable codes used in the database, the CLI and translation keys ("role.principal").
std::string_view Code(OrganisationKind kind);
std::string_view Code(UnitKind kind);
std::string_view Code(Role role);
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view code);
// Every kind, in the order a county administrator chooses among them.
std::vector<OrganisationKind> AllOrganisationKinds();
std::optional<UnitKind> ParseUnitKind(std::string_view code);
std::optional<Role> ParseRole(std::string_view code);
const std::vector<Role>& AllRoles();

struct Organisation {
    OrganisationId id = 0;
    std::string name;
    OrganisationKind kind = OrganisationKind::kMunicipality;
    // Short and stable, used in import files and SCIM token files; empty until an administrator
    // gives it one (see NormalizeOrganisationCode).
    std::string code;
    // A deactivated organisation is kept (history and the audit log point at it) but takes no new work.
    bool active = true;
};

// An organisation's code in its one stored form, or nullopt: a municipality's four-digit municipal
// code ("0780", Växjö); any other organisation's number, ten digits with a correct Luhn check
// digit, written "NNNNNN-NNNN" (typed with or without the hyphen, spaces ignored).
std::optional<std::string> NormalizeOrganisationCode(OrganisationKind kind, std::string_view typed);

// An external id as an organisation's own systems write it: 1–64 letters (a–z, A–Z), digits and
// ". _ - : /", so it travels unchanged through CSV, SCIM and a URL.
bool IsValidExternalId(std::string_view id);

struct Unit {
    UnitId id = 0;
    OrganisationId organisation_id = 0;
    std::string name;
    UnitKind kind = UnitKind::kSchoolUnit;
    std::string area;  // municipality the unit serves; empty when county-wide
    // The organisation's own id for the unit, that import files and identity management key on;
    // empty when none was given. Unique within the organisation.
    std::string external_id;
    std::string phone;  // how to reach the unit; empty when not given
    std::string email;
    std::optional<Date> active_from;  // the day it began work, when known
    // The day it closed. A closed unit is kept (history and the audit log point at it) but its
    // roles grant nothing and nobody can choose it for new work.
    std::optional<Date> active_to;

    bool IsOpen() const { return !active_to.has_value(); }
};

// One role a staff user holds in one unit. A user may hold several.
struct RoleAssignment {
    UnitId unit_id = 0;
    OrganisationId organisation_id = 0;
    Role role = Role::kTeacher;
    UnitKind unit_kind = UnitKind::kAdministration;  // decides which sector's secrecy the role works under
    // The days it is held, both inclusive; open when not set. Outside them it grants nothing.
    std::optional<Date> from;
    std::optional<Date> to;

    bool HeldOn(Date day) const { return (!from || *from <= day) && (!to || day <= *to); }
};

}  // namespace kronobarn::domain
