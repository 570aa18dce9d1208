#include "app/wheel_catalogue.hpp"
#include "store/store.hpp"

#include <algorithm>

namespace kronobarn::app {
namespace {

domain::WheelAreaDefinition DefinitionOf(const store::WheelArea& area) {
    return {area.code,           area.label_sv, area.label_en, area.child_label_sv,
            area.description_sv, area.shanarri, area.bbic};
}

}  // namespace

Result<CataloguePage> WheelCatalogue::Current(const Actor& actor) {
    if (!actor.user.HasRole(domain::Role::kSystemAdmin))
        return Error::PermissionDenied("wheel catalogue is for administrators");
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    CataloguePage page;
    KB_ASSIGN_OR_RETURN(page.areas, uow->Wheel().CurrentAreas());
    if (!page.areas.empty()) page.version = page.areas.front().version;
    return page;
}

Result<int> WheelCatalogue::Publish(const Actor& actor, const std::vector<domain::WheelAreaDefinition>& areas,
                                    const std::string& note, const RequestContext& context) {
    const auto* admin = actor.user.AssignmentOf(domain::Role::kSystemAdmin);
    if (admin == nullptr) return Error::PermissionDenied("wheel catalogue is for administrators");
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto current, uow->Wheel().CurrentAreas());
    std::vector<domain::WheelAreaDefinition> current_definitions;
    for (const auto& area : current) current_definitions.push_back(DefinitionOf(area));
    KB_RETURN_IF_ERROR(domain::ValidateCatalogueVersion(current_definitions, areas, note));
    std::vector<store::WheelArea> rows;
    for (const auto& area : areas) {
        rows.push_back({0, area.code, area.label_sv, area.label_en, area.child_label_sv, area.description_sv,
                        area.shanarri, area.bbic});
    }
    KB_ASSIGN_OR_RETURN(const int version, uow->Wheel().InsertCatalogueVersion(note, rows));
    domain::AuditEvent event;
    event.at = now;
    event.user_id = actor.user.id;
    event.role = std::string(domain::Code(admin->role));
    event.unit_id = admin->unit_id;
    event.organisation_id = admin->organisation_id;
    event.object_type = "wheel_catalogue";
    event.object_id = std::to_string(version);
    event.action = "create";
    event.legal_basis = "system_admin";
    event.request_id = context.request_id;
    KB_RETURN_IF_ERROR(uow->Audit().Append(event));
    KB_RETURN_IF_ERROR(uow->Commit());
    return version;
}

}  // namespace kronobarn::app
