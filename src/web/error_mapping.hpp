// The one table from canonical error codes to HTTP statuses.
#pragma once

#include "common/error.hpp"

namespace kronobarn::web {

int HttpStatusFor(ErrorCode code);

// Errors a user can fix on the form they sent (bad input, a state that changed, a concurrent edit):
// the form is shown again with the message and their input, instead of an error page.
bool IsCorrectableOnForm(ErrorCode code);

}  // namespace kronobarn::web
