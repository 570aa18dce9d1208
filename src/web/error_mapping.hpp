// The one table from canonical error codes to HTTP statuses.
#pragma once

#include "common/error.hpp"

namespace kronobarn::web {

int HttpStatusFor(ErrorCode code);

}  // namespace kronobarn::web
