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

#include "common/time.hpp"

namespace kronobarn::i18n {

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
    // "sv" unless `requested` names a loaded language (a staff page: not a family-only one).
    std::string_view Resolve(std::string_view requested, bool family_page = false) const;
    bool IsKnown(std::string_view lang) const { return texts_.contains(lang); }
    // Languages offered on a page, in the order the switch lists them.
    static const std::vector<std::string_view>& PageLanguages(bool family_page);
    static bool IsFamilyOnly(std::string_view lang);
    // Key prefixes of the family's pages; a family-only catalogue holds exactly these keys.
    static const std::vector<std::string_view>& FamilyKeyPrefixes();
    static bool IsFamilyKey(std::string_view key);
    // Text direction for a language: "rtl" for Arabic, else "ltr".
    static std::string_view Direction(std::string_view lang);

  private:
    Catalogue();
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> texts_;
};

// A translator bound to one language, for pages and documents.
class Translator {
  public:
    // Pages pass a language already resolved for their scope (web's PageKit::LanguageOf), so any loaded
    // language is kept; pass family_page = false to fall back from a family-only one.
    explicit Translator(std::string_view lang, bool family_page = true)
        : lang_(Catalogue::Instance().Resolve(lang, family_page)) {}
    std::string_view operator()(std::string_view key) const { return Catalogue::Instance().Text(lang_, key); }
    std::string Format(std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
        return Catalogue::Instance().Format(lang_, key, values);
    }
    std::string_view Lang() const { return lang_; }
    // Numbers and dates as the language writes them: "23 november 2026", "23 November 2026",
    // "٢٣ نوفمبر ٢٠٢٦" (Arabic-Indic digits, month names from the catalogue).
    std::string Digits(std::string_view ascii) const;
    std::string LongDate(Date date) const;
    // A stored instant in Swedish local time (CET/CEST), e.g. "23 november 2026 kl. 14.05".
    std::string LocalDateTime(Timestamp at) const;
    // A day and a time of day as a meeting is announced: "tisdag 12 januari 2027 kl. 13.00".
    std::string MeetingTime(Date date, std::chrono::minutes time_of_day) const;

  private:
    std::string_view lang_;
};

}  // namespace kronobarn::i18n
