// HTML output that escapes by default. Pages are built with Html: `<<` of any text escapes it;
// only Raw(...) inserts markup, and Raw is used for literals written in our own source. This makes
// XSS a visible choice at the call site instead of a forgotten filter.
// (Debian 12 offers no C++ template engine with auto-escaping; see docs/adr/003-html-rendering.md.)
#pragma once

#include <string>
#include <string_view>

namespace kronobarn::web {

// Escapes & < > " ' for use in element content and quoted attribute values.
std::string EscapeHtml(std::string_view text);

struct RawHtml {
    std::string_view markup;
};
// Trusted markup written in our own source. Never pass data from a user or the database.
inline RawHtml Raw(std::string_view markup) { return {markup}; }

class Html {
  public:
    Html& operator<<(RawHtml raw) {
        out_.append(raw.markup);
        return *this;
    }
    Html& operator<<(std::string_view text) {
        AppendEscaped(text);
        return *this;
    }
    Html& operator<<(const std::string& text) {
        AppendEscaped(text);
        return *this;
    }
    Html& operator<<(const char* text) {
        AppendEscaped(text);
        return *this;
    }
    Html& operator<<(long long number) {
        out_.append(std::to_string(number));
        return *this;
    }
    Html& operator<<(int number) { return *this << static_cast<long long>(number); }
    // Appends already-rendered Html (from another builder), unescaped.
    Html& Append(const Html& other) {
        out_.append(other.out_);
        return *this;
    }
    const std::string& str() const { return out_; }
    std::string Take() { return std::move(out_); }

  private:
    void AppendEscaped(std::string_view text);
    std::string out_;
};

}  // namespace kronobarn::web
