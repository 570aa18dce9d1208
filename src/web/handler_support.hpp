// What every handler needs from a request, in one place: the id its route names, who is asking,
// and the fields of a form to show again after an error.
#pragma once

#include <cstdint>
#include <optional>

#include "app/actor.hpp"
#include "web/form.hpp"
#include "web/http_types.hpp"
#include "web/router.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web {

// The route's {id} as a positive number, or nullopt. Session routes that declare the kind of id
// they name never reach their handler with anything else: RouteTable refuses it first, with a
// denied audit row.
std::optional<std::int64_t> IdParam(const RouteParams& params);

// The request id and client address a use case records in its audit rows.
app::RequestContext ContextOf(const Request& request);

// Whether the body is an HTML form post (the only body a state-changing page route accepts).
bool IsFormPost(const Request& request);

// Every field, to refill the form after an error; a checkbox group's values joined by commas.
views::TypedValues TypedFrom(const FormFields& form);

}  // namespace kronobarn::web
