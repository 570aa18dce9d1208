// SCIM 2.0 provisioning (RFC 7643/7644) for an organisation's identity management: its staff
// created, read, listed (filter userName or externalId eq, paging), replaced and patched — an
// account set inactive closes at once with every session — and the discovery documents. Roles per
// unit travel in a Kronobarn extension (unit external id + role code). The bearer token names the
// organisation (RouteTable::AddProvisioning); another organisation's staff are "not found".
#pragma once

#include <boost/json/value.hpp>

#include <functional>

#include "app/directory_import.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"

namespace kronobarn::web {

inline constexpr std::string_view kScimRolesSchema = "urn:ietf:params:scim:schemas:extension:kronobarn:1.0:User";

class ScimRoutes : PageKit {
  public:
    ScimRoutes(const PageKit& kit, app::DirectoryImport& directory) : PageKit(kit), directory_(directory) {}
    void Register(RouteTable& routes) const;

  private:
    Response List(const Request& request, const RouteParams& params, const std::string& organisation) const;
    Response Get(const Request& request, const RouteParams& params, const std::string& organisation) const;
    Response Create(const Request& request, const RouteParams& params, const std::string& organisation) const;
    Response Replace(const Request& request, const RouteParams& params, const std::string& organisation) const;
    Response Patch(const Request& request, const RouteParams& params, const std::string& organisation) const;
    Response Delete(const Request& request, const RouteParams& params, const std::string& organisation) const;
    Response ServiceProviderConfig(const Request& request, const RouteParams& params, const std::string&) const;
    Response ResourceTypes(const Request& request, const RouteParams& params, const std::string&) const;
    Response Schemas(const Request& request, const RouteParams& params, const std::string&) const;

    // A PUT or PATCH: the person `id` names, `change` applied to their record from the body (a
    // response other than 200 refuses), then provisioned.
    Response Changing(const Request& request, const RouteParams& params, const std::string& organisation,
                      const std::function<Response(app::StaffRecord&, const boost::json::value&)>& change) const;
    // The person `id` names among the organisation's keyed staff, or nothing.
    Result<std::optional<app::KeyedStaff>> Find(const std::string& organisation, const std::string& id) const;
    // Provisions the record and answers with the user as it now is.
    Response Provisioned(const Request& request, const std::string& organisation, const app::StaffRecord& record,
                         int status) const;

    app::DirectoryImport& directory_;
};

}  // namespace kronobarn::web
