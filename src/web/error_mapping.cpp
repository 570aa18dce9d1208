#include "web/error_mapping.hpp"

namespace kronobarn::web {

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 404;  // what you may not use is not there for you (the CSRF refusal is the web's own 403)
        case ErrorCode::kNotFound:
            return 404;  // also for child data the actor may not see
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kFailedPrecondition:
            return 422;
        case ErrorCode::kResourceExhausted:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

bool IsCorrectableOnForm(ErrorCode code) {
    return code == ErrorCode::kInvalidArgument || code == ErrorCode::kFailedPrecondition ||
           code == ErrorCode::kConflict;
}

}  // namespace kronobarn::web
