#include "web/handler_support.hpp"

#include "common/ids.hpp"

namespace kronobarn::web {

std::optional<std::int64_t> IdParam(const RouteParams& params) {
    const auto id = params.find("id");
    return id == params.end() ? std::nullopt : ParsePositiveId(id->second);
}

app::RequestContext ContextOf(const Request& request) {
    return {request.request_id, request.client_address, request.audit_deferral};
}

bool IsFormPost(const Request& request) {
    return request.Header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

views::TypedValues TypedFrom(const FormFields& form) {
    views::TypedValues typed;
    for (const auto& name : form.Names()) {
        if (name == "csrf_token") continue;
        std::string joined;
        for (const auto& value : form.GetAll(name)) joined += (joined.empty() ? "" : ",") + value;
        typed[name] = std::move(joined);
    }
    return typed;
}

}  // namespace kronobarn::web
