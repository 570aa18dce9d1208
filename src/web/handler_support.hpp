// What every handler needs from a request, in one place: the id its route names and who is asking.
#pragma once

#include <cstdint>
#include <optional>

#include "app/actor.hpp"
#include "web/http_types.hpp"
#include "web/router.hpp"

namespace kronobarn::web {

// The route's {id} as a positive number, or nullopt. Session routes that declare the kind of id
// they name never reach their handler with anything else: WebApp::WithSession refuses it first,
// with a denied audit row.
std::optional<std::int64_t> IdParam(const RouteParams& params);

// The request id and client address a use case records in its audit rows.
app::RequestContext ContextOf(const Request& request);

}  // namespace kronobarn::web
