// The translation catalogue. Every text a user sees comes from i18n/<lang>.json (Swedish first,
// English alongside; Arabic joins with the family view), embedded at build time so translators
// edit JSON, never C++. A missing key renders as the key itself and is logged, and a unit test
// fails when catalogues differ in keys.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kronobarn::web {

class Catalogue {
  public:
    // Loads every embedded catalogue. Throws std::runtime_error on malformed JSON: a build defect
    // that must stop start-up.
    static const Catalogue& Instance();

    std::string_view Text(std::string_view lang, std::string_view key) const;
    // Text with "{name}" placeholders replaced (values are inserted as-is; escape at output).
    std::string Format(std::string_view lang, std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;

    std::vector<std::string> Languages() const;
    std::vector<std::string> Keys(std::string_view lang) const;
    bool Has(std::string_view lang, std::string_view key) const;
    // "sv" unless `requested` names a loaded language.
    std::string_view Resolve(std::string_view requested) const;
    // Text direction for a language: "rtl" for Arabic, else "ltr".
    static std::string_view Direction(std::string_view lang);

  private:
    Catalogue();
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> texts_;
};

// A translator bound to one language, for pages.
class Translator {
  public:
    explicit Translator(std::string_view lang) : lang_(Catalogue::Instance().Resolve(lang)) {}
    std::string_view operator()(std::string_view key) const { return Catalogue::Instance().Text(lang_, key); }
    std::string Format(std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
        return Catalogue::Instance().Format(lang_, key, values);
    }
    std::string_view Lang() const { return lang_; }

  private:
    std::string_view lang_;
};

}  // namespace kronobarn::web
