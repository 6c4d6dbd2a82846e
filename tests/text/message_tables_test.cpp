// The message tables (text::Catalogue for what the commands print, text::ConfigMessages for
// configuration errors, text::ImportMessages for an import's rejections, text::StoreCopyMessages for
// `sosei store copy`) under the same checks: every text in both languages, with the same "{}"
// arguments, and the Japanese one in Japanese — a person reads Japanese by default.
#include <gtest/gtest.h>

#include <string>

#include "text/catalogue.hpp"
#include "text/config_messages.hpp"
#include "text/daemon_messages.hpp"
#include "text/hub_messages.hpp"
#include "text/import_messages.hpp"
#include "text/kit_messages.hpp"
#include "text/store_copy_messages.hpp"

namespace sosei::text {
namespace {

// How a test reaches one table: its texts by index, its size, and the words allowed in ASCII.
struct CatalogueTable {
  static const Catalogue& of(Lang l) { return catalogue(l); }
  static std::size_t size() { return catalogue_size(); }
  static const char* text(const Catalogue& c, std::size_t i) { return catalogue_text(c, i); }
  static constexpr std::size_t kAtLeast = 100;
};

struct ConfigMessagesTable {
  static const ConfigMessages& of(Lang l) { return config_messages(l); }
  static std::size_t size() { return config_messages_size(); }
  static const char* text(const ConfigMessages& m, std::size_t i) { return config_messages_text(m, i); }
  static constexpr std::size_t kAtLeast = 80;
};

struct ImportMessagesTable {
  static const ImportMessages& of(Lang l) { return import_messages(l); }
  static std::size_t size() { return import_messages_size(); }
  static const char* text(const ImportMessages& m, std::size_t i) { return import_messages_text(m, i); }
  static constexpr std::size_t kAtLeast = 15;
};

struct DaemonMessagesTable {
  static const DaemonMessages& of(Lang l) { return daemon_messages(l); }
  static std::size_t size() { return daemon_messages_size(); }
  static const char* text(const DaemonMessages& m, std::size_t i) { return daemon_messages_text(m, i); }
  static constexpr std::size_t kAtLeast = 5;
};

int placeholders(const std::string& s) {
  int n = 0;
  for (std::size_t i = s.find("{}"); i != std::string::npos; i = s.find("{}", i + 2)) ++n;
  return n;
}

bool has_japanese(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0xE3) return true;  // kana and kanji start with 0xE3–0xE9 in UTF-8
  return false;
}

template <typename Table>
class MessageTable : public ::testing::Test {};
struct StoreCopyMessagesTable {
  static const StoreCopyMessages& of(Lang l) { return store_copy_messages(l); }
  static std::size_t size() { return store_copy_messages_size(); }
  static const char* text(const StoreCopyMessages& m, std::size_t i) { return store_copy_messages_text(m, i); }
  static constexpr std::size_t kAtLeast = 10;
};

struct HubMessagesTable {
  static const HubMessages& of(Lang l) { return hub_messages(l); }
  static std::size_t size() { return hub_messages_size(); }
  static const char* text(const HubMessages& m, std::size_t i) { return hub_messages_text(m, i); }
  static constexpr std::size_t kAtLeast = 20;
};

struct KitMessagesTable {
  static const KitMessages& of(Lang l) { return kit_messages(l); }
  static std::size_t size() { return kit_messages_size(); }
  static const char* text(const KitMessages& m, std::size_t i) { return kit_messages_text(m, i); }
  static constexpr std::size_t kAtLeast = 30;
};

using Tables = ::testing::Types<CatalogueTable, ConfigMessagesTable, ImportMessagesTable, DaemonMessagesTable,
                                StoreCopyMessagesTable, HubMessagesTable, KitMessagesTable>;
TYPED_TEST_SUITE(MessageTable, Tables);

TYPED_TEST(MessageTable, EveryTextInBothLanguagesWithTheSameArguments) {
  const auto& ja = TypeParam::of(Lang::Ja);
  const auto& en = TypeParam::of(Lang::En);
  ASSERT_GT(TypeParam::size(), TypeParam::kAtLeast);  // the table is walked, not empty
  for (std::size_t i = 0; i < TypeParam::size(); ++i) {
    const char* j = TypeParam::text(ja, i);
    const char* e = TypeParam::text(en, i);
    ASSERT_NE(j, nullptr) << "Japanese text " << i << " is missing";
    ASSERT_NE(e, nullptr) << "English text " << i << " is missing";
    EXPECT_EQ(placeholders(j), placeholders(e)) << j << " / " << e;
  }
}

TYPED_TEST(MessageTable, JapaneseTextsAreJapanese) {
  // A Japanese text that is plain ASCII was left untranslated ("KPI" is the city's own word).
  const auto& ja = TypeParam::of(Lang::Ja);
  for (std::size_t i = 0; i < TypeParam::size(); ++i) {
    const std::string t = TypeParam::text(ja, i);
    if (t == "KPI" || t == "{}: {}") continue;
    EXPECT_TRUE(has_japanese(t)) << "untranslated: " << t;
  }
}

}  // namespace
}  // namespace sosei::text
