#include "web/routes/import_routes.hpp"

#include "app/directory_import.hpp"
#include "common/csv.hpp"
#include "web/error_mapping.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/multipart.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

// The file itself may be 50 MB (the import's limit); the form around it adds a little.
constexpr std::size_t kUploadBytes = app::kMaxImportFileBytes + 64 * 1024;

std::optional<app::ImportKind> KindOf(std::string_view code) {
    if (code == "enheter") return app::ImportKind::kUnits;
    if (code == "personal") return app::ImportKind::kStaff;
    return std::nullopt;
}

// "row 152" (the CSV reader's detail) → "152".
std::string RowOf(std::string_view detail) {
    return detail.starts_with("row ") ? std::string(detail.substr(4)) : std::string();
}

}  // namespace

void ImportRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/admin/import", Bind(this, &ImportRoutes::Show));
    routes.AddSession("POST", "/admin/import", Bind(this, &ImportRoutes::Upload),
                      {"", Audience::kStaff, false, kUploadBytes});
    routes.AddSession("GET", "/admin/export/{kind}", Bind(this, &ImportRoutes::Export));
}

Response ImportRoutes::Render(const Request& request, const app::Actor& actor, int status,
                              views::ImportPageState state) const {
    // Only an organisation's system administrator has the page: anyone else finds nothing here.
    if (actor.user.AssignmentOf(domain::Role::kSystemAdmin) == nullptr) return NotFound(request);
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    Response response = StaffPage(request, actor, status, std::string(t("import.page.heading")), "/admin/import",
                                  views::ImportContent(t, state));
    response.SetHeader("Cache-Control", "no-store");
    return response;
}

Response ImportRoutes::Show(const Request& request, const RouteParams&, const app::Actor& actor) const {
    return Render(request, actor, 200, {});
}

Response ImportRoutes::Upload(const Request& request, const RouteParams&, const app::Actor& actor) const {
    if (actor.user.AssignmentOf(domain::Role::kSystemAdmin) == nullptr) return NotFound(request);
    auto form = ParseMultipart(request.Header("content-type"), request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::ImportPageState state;
    state.kind = std::string(form->fields.Get("kind"));
    const auto kind = KindOf(state.kind);
    if (!kind) return ErrorPage(request, 400, "import.page.kind_unknown");
    state.dry_run = form->fields.Get("run") != "import";
    const UploadedFile* file = form->File("file");
    if (file == nullptr) {
        state.error_key = "import.page.no_file";
        return Render(request, actor, 400, std::move(state));
    }
    state.filename = file->filename;
    auto table = ParseCsv(file->bytes, app::kMaxImportFileBytes);
    if (!table) {
        state.error_key = table.error().message_key;
        state.error_row = RowOf(table.error().detail);
        return Render(request, actor, table.error().message_key == "csv.too_large" ? 413 : 400, std::move(state));
    }
    auto report = directory_.ImportAs(actor, *kind, *table, state.dry_run, ContextOf(request));
    if (!report) return Fail(request, report.error());
    const int status = report->problems.empty() ? 200 : 422;
    state.report = std::move(*report);
    return Render(request, actor, status, std::move(state));
}

Response ImportRoutes::Export(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto kind_param = params.find("kind");
    const auto kind = KindOf(kind_param == params.end() ? std::string_view() : std::string_view(kind_param->second));
    if (!kind) return NotFound(request);
    auto csv = directory_.ExportAs(actor, *kind);
    if (!csv) return Fail(request, csv.error());
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = std::move(*csv);
    response.SetHeader("Content-Disposition", "attachment; filename=\"kronobarn-" + kind_param->second + ".csv\"");
    response.SetHeader("Cache-Control", "no-store");
    return response;
}

}  // namespace kronobarn::web
