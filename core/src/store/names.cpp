// The stable texts of the sign-off enums (token roles, actors, approval states, comment kinds): the
// same words in the database, the JSON API and `--json`, so they are defined once, beside the
// interface, for every store implementation.
#include <array>
#include <string_view>

#include "store/store.hpp"

namespace sosei::store {
namespace {

constexpr std::array<std::string_view, 2> kRoles = {"department", "policy"};
constexpr std::array<std::string_view, 3> kActors = {"cli", "token", "run"};
constexpr std::array<std::string_view, 3> kStates = {"entered", "submitted", "approved"};
constexpr std::array<std::string_view, 3> kCommentKinds = {"why", "next", "committee"};

template <class Enum, std::size_t N>
std::optional<Enum> find(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::string to_string(TokenRole r) { return std::string(kRoles[static_cast<std::size_t>(r)]); }
std::optional<TokenRole> token_role_from(std::string_view text) { return find<TokenRole>(kRoles, text); }
std::string to_string(Actor::Kind k) { return std::string(kActors[static_cast<std::size_t>(k)]); }
std::string to_string(ApprovalState s) { return std::string(kStates[static_cast<std::size_t>(s)]); }
std::optional<ApprovalState> approval_state_from(std::string_view text) { return find<ApprovalState>(kStates, text); }
std::optional<Actor::Kind> actor_kind_from(std::string_view text) { return find<Actor::Kind>(kActors, text); }
std::string to_string(CommentKind k) { return std::string(kCommentKinds[static_cast<std::size_t>(k)]); }
std::optional<CommentKind> comment_kind_from(std::string_view text) { return find<CommentKind>(kCommentKinds, text); }

}  // namespace sosei::store
