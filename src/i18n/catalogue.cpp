#include "i18n/catalogue.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cstdio>
#include <stdexcept>

#include "common/log.hpp"
#include "i18n/embedded_catalogues.hpp"

namespace kronobarn::i18n {

Catalogue::Catalogue() {
    for (std::string_view lang : CatalogueFileNames()) {
        boost::system::error_code ec;
        const auto parsed = boost::json::parse(CatalogueFile(lang), ec);
        if (ec || !parsed.is_object())
            throw std::runtime_error("catalogue " + std::string(lang) + " is not a JSON object");
        auto& texts = texts_[std::string(lang)];
        for (const auto& [key, value] : parsed.as_object()) {
            if (!value.is_string()) throw std::runtime_error("catalogue entry is not a string: " + std::string(key));
            texts.emplace(std::string(key), std::string(value.as_string()));
        }
    }
}

const Catalogue& Catalogue::Instance() {
    static const Catalogue catalogue;
    return catalogue;
}

std::string_view Catalogue::Text(std::string_view lang, std::string_view key) const {
    if (const auto texts = texts_.find(lang); texts != texts_.end()) {
        if (const auto it = texts->second.find(key); it != texts->second.end()) return it->second;
    }
    log::Warn("i18n_missing_key", {{"lang", lang}, {"key", key}});
    return key;
}

std::string Catalogue::Format(std::string_view lang, std::string_view key,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
    std::string text(Text(lang, key));
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (auto pos = text.find(placeholder); pos != std::string::npos;
             pos = text.find(placeholder, pos + value.size())) {
            text.replace(pos, placeholder.size(), value);
        }
    }
    return text;
}

std::vector<std::string> Catalogue::Languages() const {
    std::vector<std::string> out;
    for (const auto& [lang, texts] : texts_) out.push_back(lang);
    return out;
}

std::vector<std::string> Catalogue::Keys(std::string_view lang) const {
    std::vector<std::string> out;
    if (const auto texts = texts_.find(lang); texts != texts_.end()) {
        for (const auto& [key, text] : texts->second) out.push_back(key);
    }
    return out;
}

bool Catalogue::Has(std::string_view lang, std::string_view key) const {
    const auto texts = texts_.find(lang);
    return texts != texts_.end() && texts->second.count(key) > 0;
}

std::string_view Catalogue::Resolve(std::string_view requested, bool family_page) const {
    if (const auto it = texts_.find(requested); it != texts_.end() && (family_page || !IsFamilyOnly(requested))) {
        return it->first;
    }
    return texts_.find(std::string_view("sv"))->first;  // sv.json is always embedded (build requirement)
}

std::string_view Catalogue::Direction(std::string_view lang) { return lang == "ar" ? "rtl" : "ltr"; }

const std::vector<std::string_view>& Catalogue::PageLanguages(bool family_page) {
    static const std::vector<std::string_view> staff{"sv", "en"};
    static const std::vector<std::string_view> family{"sv", "en", "ar"};
    return family_page ? family : staff;
}

bool Catalogue::IsFamilyOnly(std::string_view lang) { return lang == "ar"; }

const std::vector<std::string_view>& Catalogue::FamilyKeyPrefixes() {
    static const std::vector<std::string_view> prefixes{"app.",
                                                        "layout.",
                                                        "error.",
                                                        "login.",
                                                        "sso.",  // the login page's e-ID and organisation sign-in
                                                        "session.",
                                                        "form.",
                                                        "common.",
                                                        "family.",
                                                        "child_page.",
                                                        "activation.",
                                                        "a11y.",
                                                        "date.",
                                                        "language.",
                                                        "role.",
                                                        "wheel_area.",
                                                        "consent.category.",
                                                        "consent.state.",
                                                        "user.username_invalid",
                                                        "user.password_too_short",
                                                        "user.username_taken",
                                                        "consent.already_",
                                                        "consent.refused",
                                                        "pdf."};
    return prefixes;
}

bool Catalogue::IsFamilyKey(std::string_view key) {
    if (key.starts_with("family.staff.")) return false;  // the holder's page about the family, staff only
    for (const auto prefix : FamilyKeyPrefixes()) {
        if (key.starts_with(prefix)) return true;
    }
    return false;
}

std::string Translator::Digits(std::string_view ascii) const {
    if (lang_ != "ar") return std::string(ascii);
    static constexpr std::string_view kArabicIndic[] = {"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"};
    std::string out;
    for (const char c : ascii) {
        if (c >= '0' && c <= '9') {
            out += kArabicIndic[c - '0'];
        } else {
            out += c;
        }
    }
    return out;
}

std::string Translator::LongDate(Date date) const {
    if (!date.ok()) return {};
    const std::string month_key = "date.month." + std::to_string(static_cast<unsigned>(date.month()));
    return Format("date.long", {{"day", Digits(std::to_string(static_cast<unsigned>(date.day())))},
                                {"month", (*this)(month_key)},
                                {"year", Digits(std::to_string(static_cast<int>(date.year())))}});
}

std::string Translator::LocalDateTime(Timestamp at) const {
    using namespace std::chrono;
    const auto local = SwedishLocalTime(at);
    const auto day = floor<days>(local);
    const hh_mm_ss time{local - day};
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d.%02d", static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()));
    return Format("date.at_time", {{"date", LongDate(year_month_day{day})}, {"time", Digits(clock)}});
}

std::string Translator::MeetingTime(Date date, std::chrono::minutes time_of_day) const {
    if (!date.ok()) return {};
    const std::chrono::weekday weekday{std::chrono::sys_days{date}};
    std::string clock = FormatTimeOfDay(time_of_day);
    clock[2] = '.';  // Swedish writes 13.00
    return Format("date.weekday_at_time", {{"weekday", (*this)("date.weekday." + std::to_string(weekday.c_encoding()))},
                                           {"date", LongDate(date)},
                                           {"time", Digits(clock)}});
}

}  // namespace kronobarn::i18n
