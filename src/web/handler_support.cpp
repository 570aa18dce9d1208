#include "web/handler_support.hpp"

#include "common/ids.hpp"

namespace kronobarn::web {

std::optional<std::int64_t> IdParam(const RouteParams& params) {
    const auto id = params.find("id");
    return id == params.end() ? std::nullopt : ParsePositiveId(id->second);
}

app::RequestContext ContextOf(const Request& request) { return {request.request_id, request.client_address}; }

}  // namespace kronobarn::web
