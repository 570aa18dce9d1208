// Result<T>: a value or an Error, the return type of every fallible function in domain, app and
// store. It mirrors the part of C++23 std::expected we use (GCC 12 ships <expected> only in C++23
// mode, and the project builds as C++20); see docs/adr/002-result-type.md. Swap for std::expected
// when the toolchain allows by changing this header only.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "common/error.hpp"

namespace kronobarn {

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit by design
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit by design

    bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    // Precondition: has_value(). Callers check first; a violation is a programmer error.
    T& value() & {
        assert(has_value());
        return std::get<0>(state_);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(state_));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    // Precondition: !has_value().
    const Error& error() const {
        assert(!has_value());
        return std::get<1>(state_);
    }

  private:
    std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

    bool has_value() const { return !error_.has_value(); }
    explicit operator bool() const { return has_value(); }
    const Error& error() const {
        assert(error_.has_value());
        return *error_;
    }

  private:
    std::optional<Error> error_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace kronobarn

// Propagates an Error from a Result-returning expression; evaluates to nothing on success.
#define KB_RETURN_IF_ERROR(expr)                                \
    do {                                                        \
        auto kb_status_ = (expr);                               \
        if (!kb_status_.has_value()) return kb_status_.error(); \
    } while (false)

// Declares or assigns `lhs` from a Result-returning expression, returning its Error on failure.
// Expands to two statements: inside an `if`, always use braces.
#define KB_ASSIGN_OR_RETURN(lhs, expr) KB_ASSIGN_OR_RETURN_IMPL(KB_CONCAT(kb_result_, __LINE__), lhs, expr)
#define KB_CONCAT_INNER(a, b) a##b
#define KB_CONCAT(a, b) KB_CONCAT_INNER(a, b)
#define KB_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
    auto tmp = (expr);                           \
    if (!tmp.has_value()) return tmp.error();    \
    lhs = std::move(tmp).value()
