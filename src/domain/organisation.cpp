#include "domain/organisation.hpp"

#include "domain/personal_number.hpp"

#include <array>
#include <utility>

namespace kronobarn::domain {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> Lookup(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view code) {
    for (const auto& [value, name] : table) {
        if (name == code) return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [candidate, name] : table) {
        if (candidate == value) return name;
    }
    return "unknown";
}

constexpr std::array<std::pair<OrganisationKind, std::string_view>, 5> kOrganisationKinds{{
    {OrganisationKind::kMunicipality, "municipality"},
    {OrganisationKind::kRegion, "region"},
    {OrganisationKind::kPolice, "police"},
    {OrganisationKind::kAssociation, "association"},
    {OrganisationKind::kOtherAuthority, "other_authority"},
}};

using O = OrganisationKind;
using C = DataCategory;
using S = Sector;
constexpr bool kMayHold = true, kMayNotHold = false;

constexpr UnitKindTraits kUnitKinds[] = {
    {UnitKind::kPreschool, "preschool", O::kMunicipality, C::kSchool, S::kPreschool, kMayNotHold},
    {UnitKind::kSchoolUnit, "school_unit", O::kMunicipality, C::kSchool, S::kSchool, kMayHold},
    {UnitKind::kSocialServices, "social_services", O::kMunicipality, C::kSocial, S::kSocialServices, kMayHold},
    // KAA works under the Education Act (skollagen 29 kap. 9 §): school secrecy, counted as school.
    {UnitKind::kKaa, "kaa", O::kMunicipality, C::kSchool, S::kSchool, kMayHold},
    {UnitKind::kCultureLeisure, "culture_leisure", O::kMunicipality, C::kOther, S::kOther, kMayNotHold},
    {UnitKind::kBvc, "bvc", O::kRegion, C::kHealth, S::kHealth, kMayHold},
    {UnitKind::kMvc, "mvc", O::kRegion, C::kHealth, S::kHealth, kMayHold},
    {UnitKind::kBup, "bup", O::kRegion, C::kHealth, S::kHealth, kMayHold},
    {UnitKind::kHab, "hab", O::kRegion, C::kHealth, S::kHealth, kMayHold},
    {UnitKind::kUmo, "umo", O::kRegion, C::kHealth, S::kHealth, kMayHold},
    {UnitKind::kPrimaryCare, "primary_care", O::kRegion, C::kHealth, S::kHealth, kMayHold},
    {UnitKind::kPoliceArea, "police_area", O::kPolice, C::kOther, S::kPolice, kMayNotHold},
    {UnitKind::kClub, "club", O::kAssociation, C::kOther, S::kAssociation, kMayNotHold},
    {UnitKind::kAdministration, "administration", std::nullopt, C::kOther, S::kOther, kMayNotHold},
    // A family centre's own staff are the municipality's social services beside BVC and MVC.
    {UnitKind::kFamilyCentre, "family_centre", O::kMunicipality, C::kSocial, S::kSocialServices, kMayHold},
    {UnitKind::kYouthCentre, "youth_centre", O::kMunicipality, C::kOther, S::kOther, kMayNotHold},
    {UnitKind::kLabourMarket, "labour_market", O::kMunicipality, C::kSocial, S::kSocialServices, kMayHold},
    {UnitKind::kNonProfit, "non_profit", O::kAssociation, C::kOther, S::kAssociation, kMayNotHold},
    {UnitKind::kOtherAuthority, "other_authority", std::nullopt, C::kOther, S::kOther, kMayNotHold},
};

constexpr bool kActsForUnit = true, kOnlyOwnWork = false;
constexpr bool kEmergency = true, kNoEmergency = false;
constexpr bool kHandlesReports = true, kNoReports = false;
constexpr bool kGivenInOrganisation = true, kGivenByCounty = false;
using W = Work;

constexpr RoleTraits kRoles[] = {
    {Role::kPrincipal, "principal", W::kWithChildren, kActsForUnit, kNoEmergency, kNoReports, kGivenInOrganisation},
    {Role::kStudentHealth, "student_health", W::kWithChildren, kActsForUnit, kEmergency, kNoReports,
     kGivenInOrganisation},
    {Role::kTeacher, "teacher", W::kWithChildren, kOnlyOwnWork, kNoEmergency, kNoReports, kGivenInOrganisation},
    {Role::kBvcNurse, "bvc_nurse", W::kWithChildren, kActsForUnit, kEmergency, kNoReports, kGivenInOrganisation},
    {Role::kMidwife, "midwife", W::kWithChildren, kActsForUnit, kNoEmergency, kNoReports, kGivenInOrganisation},
    {Role::kClinician, "clinician", W::kWithChildren, kActsForUnit, kEmergency, kNoReports, kGivenInOrganisation},
    {Role::kSocialWorker, "social_worker", W::kWithChildren, kActsForUnit, kEmergency, kHandlesReports,
     kGivenInOrganisation},
    {Role::kKaaOfficer, "kaa_officer", W::kWithChildren, kActsForUnit, kNoEmergency, kNoReports, kGivenInOrganisation},
    {Role::kPoliceOfficer, "police_officer", W::kWithChildren, kOnlyOwnWork, kNoEmergency, kNoReports,
     kGivenInOrganisation},
    {Role::kClubLeader, "club_leader", W::kWithChildren, kOnlyOwnWork, kNoEmergency, kNoReports, kGivenInOrganisation},
    {Role::kLogReviewer, "log_reviewer", W::kLogReview, kOnlyOwnWork, kNoEmergency, kNoReports, kGivenInOrganisation},
    {Role::kSystemAdmin, "system_admin", W::kAdministration, kOnlyOwnWork, kNoEmergency, kNoReports,
     kGivenInOrganisation},
    {Role::kSteeringGroup, "steering_group", W::kStatistics, kOnlyOwnWork, kNoEmergency, kNoReports,
     kGivenInOrganisation},
    {Role::kResearcher, "researcher", W::kResearch, kOnlyOwnWork, kNoEmergency, kNoReports, kGivenInOrganisation},
    // Part of the student health team with the principal.
    {Role::kSpecialNeedsTeacher, "special_needs_teacher", W::kWithChildren, kActsForUnit, kNoEmergency, kNoReports,
     kGivenInOrganisation},
    {Role::kLinkPerson, "link_person", W::kWithChildren, kOnlyOwnWork, kNoEmergency, kNoReports, kGivenInOrganisation},
    {Role::kCountyAdmin, "county_admin", W::kAdministration, kOnlyOwnWork, kNoEmergency, kNoReports, kGivenByCounty},
};

// Row i of each table describes enum value i, and every value has its row: a new role or kind of
// unit without a row does not compile.
template <typename Row, std::size_t N, typename Enum>
constexpr bool OneRowPerValueInOrder(const Row (&rows)[N], Enum last, Enum Row::*key) {
    if (N != static_cast<std::size_t>(last) + 1) return false;
    for (std::size_t i = 0; i < N; ++i) {
        if (rows[i].*key != static_cast<Enum>(i)) return false;
    }
    return true;
}
static_assert(OneRowPerValueInOrder(kUnitKinds, UnitKind::kOtherAuthority, &UnitKindTraits::kind));
static_assert(OneRowPerValueInOrder(kRoles, Role::kCountyAdmin, &RoleTraits::role));

}  // namespace

std::string_view Code(OrganisationKind kind) { return NameOf(kOrganisationKinds, kind); }
std::string_view Code(UnitKind kind) { return TraitsOf(kind).code; }
std::string_view Code(Role role) { return TraitsOf(role).code; }
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view code) {
    return Lookup(kOrganisationKinds, code);
}

std::vector<OrganisationKind> AllOrganisationKinds() {
    std::vector<OrganisationKind> kinds;
    for (const auto& [kind, code] : kOrganisationKinds) kinds.push_back(kind);
    return kinds;
}
std::optional<UnitKind> ParseUnitKind(std::string_view code) {
    for (const auto& row : kUnitKinds) {
        if (row.code == code) return row.kind;
    }
    return std::nullopt;
}
std::optional<Role> ParseRole(std::string_view code) {
    for (const auto& row : kRoles) {
        if (row.code == code) return row.role;
    }
    return std::nullopt;
}

const UnitKindTraits& TraitsOf(UnitKind kind) { return kUnitKinds[static_cast<std::size_t>(kind)]; }
std::span<const UnitKindTraits> AllUnitKinds() { return kUnitKinds; }
const RoleTraits& TraitsOf(Role role) { return kRoles[static_cast<std::size_t>(role)]; }
std::span<const RoleTraits> AllRoleTraits() { return kRoles; }

std::vector<Role> DefaultEmergencyRoles() {
    std::vector<Role> roles;
    for (const auto& row : kRoles) {
        if (row.emergency_default) roles.push_back(row.role);
    }
    return roles;
}

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> out;
        for (const auto& row : kRoles) out.push_back(row.role);
        return out;
    }();
    return roles;
}

bool UnitKindFits(UnitKind kind, OrganisationKind organisation) {
    const auto& belongs_to = TraitsOf(kind).organisation;
    return !belongs_to || *belongs_to == organisation;
}

bool IsValidExternalId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (const char c : id) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !digit && std::string_view("._-:/").find(c) == std::string_view::npos) return false;
    }
    return true;
}

std::optional<std::string> NormalizeOrganisationCode(OrganisationKind kind, std::string_view typed) {
    std::string digits;
    for (const char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c < '0' || c > '9') return std::nullopt;
        digits.push_back(c);
    }
    if (kind == OrganisationKind::kMunicipality) {
        if (digits.size() != 4 || typed.find('-') != std::string_view::npos) return std::nullopt;
        return digits;
    }
    if (digits.size() != 10 || LuhnCheckDigit(std::string_view(digits).substr(0, 9)) != digits[9] - '0') {
        return std::nullopt;
    }
    return digits.substr(0, 6) + "-" + digits.substr(6);
}

}  // namespace kronobarn::domain
