#include "domain/organisation.hpp"

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

constexpr std::array<std::pair<OrganisationKind, std::string_view>, 4> kOrganisationKinds{{
    {OrganisationKind::kMunicipality, "municipality"},
    {OrganisationKind::kRegion, "region"},
    {OrganisationKind::kPolice, "police"},
    {OrganisationKind::kAssociation, "association"},
}};

constexpr std::array<std::pair<UnitKind, std::string_view>, 14> kUnitKinds{{
    {UnitKind::kPreschool, "preschool"},
    {UnitKind::kSchoolUnit, "school_unit"},
    {UnitKind::kSocialServices, "social_services"},
    {UnitKind::kKaa, "kaa"},
    {UnitKind::kCultureLeisure, "culture_leisure"},
    {UnitKind::kBvc, "bvc"},
    {UnitKind::kMvc, "mvc"},
    {UnitKind::kBup, "bup"},
    {UnitKind::kHab, "hab"},
    {UnitKind::kUmo, "umo"},
    {UnitKind::kPrimaryCare, "primary_care"},
    {UnitKind::kPoliceArea, "police_area"},
    {UnitKind::kClub, "club"},
    {UnitKind::kAdministration, "administration"},
}};

constexpr std::array<std::pair<Role, std::string_view>, 14> kRoles{{
    {Role::kPrincipal, "principal"},
    {Role::kStudentHealth, "student_health"},
    {Role::kTeacher, "teacher"},
    {Role::kBvcNurse, "bvc_nurse"},
    {Role::kMidwife, "midwife"},
    {Role::kClinician, "clinician"},
    {Role::kSocialWorker, "social_worker"},
    {Role::kKaaOfficer, "kaa_officer"},
    {Role::kPoliceOfficer, "police_officer"},
    {Role::kClubLeader, "club_leader"},
    {Role::kLogReviewer, "log_reviewer"},
    {Role::kSystemAdmin, "system_admin"},
    {Role::kSteeringGroup, "steering_group"},
    {Role::kResearcher, "researcher"},
}};

}  // namespace

std::string_view Code(OrganisationKind kind) { return NameOf(kOrganisationKinds, kind); }
std::string_view Code(UnitKind kind) { return NameOf(kUnitKinds, kind); }
std::string_view Code(Role role) { return NameOf(kRoles, role); }
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view code) {
    return Lookup(kOrganisationKinds, code);
}
std::optional<UnitKind> ParseUnitKind(std::string_view code) { return Lookup(kUnitKinds, code); }
std::optional<Role> ParseRole(std::string_view code) { return Lookup(kRoles, code); }

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> out;
        for (const auto& [role, name] : kRoles) out.push_back(role);
        return out;
    }();
    return roles;
}

}  // namespace kronobarn::domain
