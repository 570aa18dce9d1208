// The import page (/admin/import, an upload of multipart/form-data up to 50 MB) and the exports
// (/admin/export/enheter, /admin/export/personal) for an organisation's system administrator.
#pragma once

#include "app/directory_import.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/import_pages.hpp"

namespace kronobarn::web {

class ImportRoutes : PageKit {
  public:
    ImportRoutes(const PageKit& kit, app::DirectoryImport& directory) : PageKit(kit), directory_(directory) {}
    void Register(RouteTable& routes) const;

  private:
    Response Render(const Request& request, const app::Actor& actor, int status, views::ImportPageState state) const;
    Response Show(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Upload(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Export(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::DirectoryImport& directory_;
};

}  // namespace kronobarn::web
