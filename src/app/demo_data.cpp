#include "app/demo_data.hpp"
#include "store/store.hpp"

#include <array>
#include <map>
#include <random>

#include "app/demo_parts.hpp"
#include "domain/consent.hpp"
#include "domain/personal_number.hpp"
#include "domain/plan.hpp"

namespace kronobarn::app {
namespace {

using demo::AddUnit;
using demo::County;
using demo::Draw;
using demo::kMunicipalities;
using domain::OrganisationKind;
using domain::Role;
using domain::UnitKind;

// The municipal codes of Kronoberg's municipalities (SCB).
std::string MunicipalityCode(std::string_view municipality) {
    static constexpr std::pair<std::string_view, std::string_view> kCodes[] = {
        {"Uppvidinge", "0760"}, {"Lessebo", "0761"},  {"Tingsryd", "0763"}, {"Alvesta", "0764"},
        {"Älmhult", "0765"},    {"Markaryd", "0767"}, {"Växjö", "0780"},    {"Ljungby", "0781"}};
    for (const auto& [name, code] : kCodes) {
        if (name == municipality) return std::string(code);
    }
    return {};
}

Result<County> CreateCounty(store::UnitOfWork& uow) {
    County county;
    auto add_org = [&](std::string name, OrganisationKind kind, std::string code) -> Result<domain::OrganisationId> {
        ++county.organisations;
        return uow.Organisations().Insert({0, std::move(name), kind, std::move(code), true});
    };
    for (std::string_view m : kMunicipalities) {
        const std::string name(m);
        KB_ASSIGN_OR_RETURN(const auto org,
                            add_org(name + " kommun", OrganisationKind::kMunicipality, MunicipalityCode(m)));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " Centralskola", UnitKind::kSchoolUnit, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " Norra skola", UnitKind::kSchoolUnit, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " förskola Solen", UnitKind::kPreschool, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " förskola Månen", UnitKind::kPreschool, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, "Socialtjänsten " + name, UnitKind::kSocialServices, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, "KAA " + name, UnitKind::kKaa, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, "Kommunledning " + name, UnitKind::kAdministration, name));
    }
    KB_ASSIGN_OR_RETURN(const auto region, add_org("Region Kronoberg", OrganisationKind::kRegion, "232100-0065"));
    for (std::string_view m : kMunicipalities) {
        KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "BVC " + std::string(m), UnitKind::kBvc, std::string(m)));
    }
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "MVC Växjö", UnitKind::kMvc));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "BUP Växjö", UnitKind::kBup));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "Habiliteringen Kronoberg", UnitKind::kHab));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "UMO Växjö", UnitKind::kUmo));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "Regionledning", UnitKind::kAdministration));
    KB_ASSIGN_OR_RETURN(const auto police, add_org("Polismyndigheten", OrganisationKind::kPolice, "202100-0076"));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, police, "Lokalpolisområde Växjö", UnitKind::kPoliceArea, "Växjö"));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, police, "Lokalpolisområde Ljungby", UnitKind::kPoliceArea, "Ljungby"));
    // Made-up organisation numbers with correct check digits: the demo's clubs are not real ones.
    const std::pair<std::string_view, std::string_view> clubs[] = {
        {"Växjö IBK ungdom", "802470-1230"}, {"Alvesta GIF", "802480-4562"}, {"Ljungby simsällskap", "802490-7894"}};
    for (const auto& [club, code] : clubs) {
        KB_ASSIGN_OR_RETURN(const auto org,
                            add_org(std::string(club), OrganisationKind::kAssociation, std::string(code)));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, std::string(club) + " barn och unga", UnitKind::kClub));
    }
    return county;
}

struct DemoStaff {
    std::string_view username;
    std::string_view display_name;
    Role role;
    std::string_view unit;
};

constexpr std::array<DemoStaff, 15> kDemoStaff{{
    {"rektor", "Rut Rektorsson", Role::kPrincipal, "Växjö Centralskola"},
    {"elevhalsa", "Elin Kurator", Role::kStudentHealth, "Växjö Centralskola"},
    {"forskollarare", "Frida Förskollärare", Role::kTeacher, "Växjö förskola Solen"},
    {"bvc", "Britt BVC-sköterska", Role::kBvcNurse, "BVC Växjö"},
    {"mvc", "Mona Barnmorska", Role::kMidwife, "MVC Växjö"},
    {"bup", "Bo Psykolog", Role::kClinician, "BUP Växjö"},
    {"socialsekreterare", "Sara Socialsekreterare", Role::kSocialWorker, "Socialtjänsten Växjö"},
    {"kaa", "Kalle KAA-handläggare", Role::kKaaOfficer, "KAA Växjö"},
    {"polis", "Per Polis", Role::kPoliceOfficer, "Lokalpolisområde Växjö"},
    {"foreningsledare", "Fia Ledare", Role::kClubLeader, "Växjö IBK ungdom barn och unga"},
    {"loggranskare", "Lena Loggranskare", Role::kLogReviewer, "Kommunledning Växjö"},
    {"admin", "Adam Administratör", Role::kSystemAdmin, "Kommunledning Växjö"},
    {"lansadmin", "Linnea Länsadministratör", Role::kCountyAdmin, "Regionledning"},
    {"styrgrupp", "Stina Styrgrupp", Role::kSteeringGroup, "Regionledning"},
    {"forskare", "Fredrik Forskare", Role::kResearcher, "Regionledning"},
}};

}  // namespace

Result<DemoDataSummary> LoadDemoData(store::Store& store, const Clock& clock, const DemoDataOptions& options,
                                     const RequestContext& context) {
    if (options.children < 0 || options.children > 3'000'000) {
        return Error::InvalidArgument("demo.children_range");
    }
    const Timestamp now = clock.Now();
    const Date today{std::chrono::floor<std::chrono::days>(now)};
    DemoDataSummary summary;
    summary.password = std::string(demo::kDemoPassword);

    // Hash passwords before the write transaction: Argon2id is deliberately slow.
    std::vector<std::string> password_hashes;
    for (std::size_t i = 0; i < kDemoStaff.size(); ++i) {
        KB_ASSIGN_OR_RETURN(auto hash, crypto::HashPassword(demo::kDemoPassword, options.password_strength));
        password_hashes.push_back(std::move(hash));
    }

    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto existing_users, uow->Users().List());
    KB_ASSIGN_OR_RETURN(const auto existing_children, uow->Children().Count());
    if (!existing_users.empty() || existing_children > 0) return Error::FailedPrecondition("demo.not_empty");

    KB_ASSIGN_OR_RETURN(County county, CreateCounty(*uow));
    domain::UserId plan_author = 0;
    summary.organisations = county.organisations;
    summary.units = static_cast<int>(county.unit_ids.size());

    for (std::size_t i = 0; i < kDemoStaff.size(); ++i) {
        const auto& staff = kDemoStaff[i];
        const std::string unit(staff.unit);
        domain::UserAccount user;
        user.username = std::string(staff.username);
        user.display_name = std::string(staff.display_name);
        // A domain that can never receive mail (RFC 6761): the demo shows addresses, never sends.
        user.email = std::string(staff.username) + "@example.invalid";
        user.roles.push_back({county.unit_ids.at(unit), county.unit_orgs.at(unit), staff.role});
        KB_ASSIGN_OR_RETURN(const auto user_id, uow->Users().Insert(user, password_hashes[i]));
        if (staff.role == Role::kPrincipal) plan_author = user_id;
        summary.logins.push_back({user.username, std::string(domain::Code(staff.role)), unit});
    }

    Draw draw(options.seed);
    Draw plans_draw(options.seed + 1);      // a stream of its own, so the children stay the same as before
    Draw guardians_draw(options.seed + 2);  // guardians' personal numbers: likewise
    // The first school-age children go to the principal's own school with two guardians and a
    // plan, so every demo — however small — shows `rektor` plans and a family to invite.
    int showcase_left = 3;
    for (int n = 0; n < options.children; ++n) {
        const std::string municipality(draw.Pick(kMunicipalities));
        const auto age_days = static_cast<int>(draw.Below(18 * 365));
        const Date birth{std::chrono::sys_days{today} - std::chrono::days{age_days}};
        const int serial = 900 + static_cast<int>(draw.Below(100));
        auto number = domain::PersonalNumber::Parse(demo::SyntheticPersonalNumber(birth, serial), today);
        if (!number) return Error::Internal("demo personal number invalid");  // generator bug, not input

        domain::Child child{.personal_number = *number};
        child.given_name = std::string(draw.Pick(demo::kGivenNames));
        child.family_name = std::string(draw.Pick(demo::kFamilyNames));
        child.protected_identity = draw.Percent(1);
        const int age_years = age_days / 365;
        const bool showcase = age_years >= 6 && showcase_left > 0;
        const int guardians = draw.Percent(80) || showcase ? 2 : 1;
        child.joint_custody = guardians == 2;
        for (int g = 0; g < guardians; ++g) {
            child.guardians.push_back({0, std::string(draw.Pick(demo::kAdultNames)), child.family_name,
                                       "070-" + std::to_string(1000000 + draw.Below(8999999))});
            // Most guardians' numbers are recorded (they sign in with e-ID); the rest use an invitation.
            if (!guardians_draw.Percent(85)) continue;
            const int days_older = static_cast<int>(24 * 365 + guardians_draw.Below(17 * 365));
            const Date guardian_birth{std::chrono::sys_days{birth} - std::chrono::days{days_older}};
            const int guardian_serial = 900 + 50 * g + static_cast<int>(guardians_draw.Below(50));
            auto guardian_number =
                domain::PersonalNumber::Parse(demo::SyntheticPersonalNumber(guardian_birth, guardian_serial), today);
            if (!guardian_number) return Error::Internal("demo personal number invalid");
            child.guardians.back().personal_number = std::move(*guardian_number);
        }
        if (age_years >= 6) {
            child.school_unit_id =
                county.unit_ids.at(municipality + (draw.Percent(50) ? " Centralskola" : " Norra skola"));
            if (showcase) child.school_unit_id = county.unit_ids.at("Växjö Centralskola");
        } else {
            if (age_years >= 1) {
                child.school_unit_id =
                    county.unit_ids.at(municipality + (draw.Percent(50) ? " förskola Solen" : " förskola Månen"));
            }
            child.health_unit_id = county.unit_ids.at("BVC " + municipality);
        }
        auto inserted = uow->Children().Insert(child);
        if (!inserted && inserted.error().code == ErrorCode::kConflict) continue;  // same synthetic number drawn twice
        if (!inserted) return inserted.error();

        KB_RETURN_IF_ERROR(
            uow->Audit().Append(demo::GeneratedEvent(*inserted, "child", *inserted, now, context.request_id)));
        ++summary.children;
        if (showcase) --showcase_left;
        if (age_years >= 6 && plan_author != 0 && (showcase || plans_draw.Percent(options.plan_percent))) {
            KB_ASSIGN_OR_RETURN(const auto plan_id,
                                demo::AddDemoPlan(*uow, county, *inserted, *child.school_unit_id, municipality,
                                                  plan_author, plans_draw, now, today));
            KB_RETURN_IF_ERROR(
                uow->Audit().Append(demo::GeneratedEvent(*inserted, "plan", plan_id, now, context.request_id)));
            ++summary.plans;
        }
    }
    KB_RETURN_IF_ERROR(uow->Commit());
    return summary;
}

}  // namespace kronobarn::app
