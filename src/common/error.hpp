// Error: what went wrong, in a form every layer understands. The code is one of a small canonical
// set (the Abseil Status idea); web/ maps each code to an HTTP status in one table. `message_key`
// names a translation-catalogue entry the user sees; `detail` is for logs only and must never
// contain personal numbers or names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kronobarn {

enum class ErrorCode {
    kInvalidArgument,     // the caller's input is wrong; the user can fix it
    kNotFound,            // missing, or present but not visible to this actor
    kPermissionDenied,    // the actor is known but may not do this (not used for child data: see NotFound)
    kUnauthenticated,     // no valid session
    kConflict,            // a concurrent change or a uniqueness clash
    kFailedPrecondition,  // the state does not allow this now
    kResourceExhausted,   // throttled or too large
    kUnavailable,         // a dependency (database) is temporarily unavailable
    kInternal,            // a bug or an unexpected failure
};

std::string_view ErrorCodeName(ErrorCode code);

// One field of a form in error and what to tell the user about it.
struct FieldError {
    std::string field;
    std::string message_key;
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message_key;  // translation key shown to the user, e.g. "error.not_found"
    std::string detail;       // for the log line only
    // Every field in error when a form is checked as a whole (the first is `message_key`'s), so a
    // person corrects them all at once instead of one per submit.
    std::vector<FieldError> fields;

    static Error InvalidFields(std::vector<FieldError> fields) {
        Error error{ErrorCode::kInvalidArgument, fields.empty() ? "error.invalid" : fields.front().message_key, {}, {}};
        error.fields = std::move(fields);
        return error;
    }

    static Error InvalidArgument(std::string key, std::string detail = {}) {
        return {ErrorCode::kInvalidArgument, std::move(key), std::move(detail)};
    }
    static Error NotFound(std::string detail = {}) {
        return {ErrorCode::kNotFound, "error.not_found", std::move(detail)};
    }
    static Error PermissionDenied(std::string detail = {}) {
        return {ErrorCode::kPermissionDenied, "error.forbidden", std::move(detail)};
    }
    static Error Unauthenticated(std::string key = "error.unauthenticated", std::string detail = {}) {
        return {ErrorCode::kUnauthenticated, std::move(key), std::move(detail)};
    }
    static Error Conflict(std::string key, std::string detail = {}) {
        return {ErrorCode::kConflict, std::move(key), std::move(detail)};
    }
    // A value another record already has (a taken username or external id): the field it is about.
    static Error ConflictOn(std::string field, std::string key, std::string detail = {}) {
        Error error{ErrorCode::kConflict, key, std::move(detail), {}};
        error.fields.push_back({std::move(field), std::move(key)});
        return error;
    }
    static Error FailedPrecondition(std::string key, std::string detail = {}) {
        return {ErrorCode::kFailedPrecondition, std::move(key), std::move(detail)};
    }
    static Error ResourceExhausted(std::string key, std::string detail = {}) {
        return {ErrorCode::kResourceExhausted, std::move(key), std::move(detail)};
    }
    static Error Unavailable(std::string detail = {}) {
        return {ErrorCode::kUnavailable, "error.unavailable", std::move(detail)};
    }
    static Error Internal(std::string detail = {}) {
        return {ErrorCode::kInternal, "error.internal", std::move(detail)};
    }
};

}  // namespace kronobarn
