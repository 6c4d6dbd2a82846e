// API tokens in the store: add, list, find by hash, note a use, revoke; only hashes are kept; the
// run summaries that /metrics reads.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Tokens = StoreTest;
SOSEI_STORE_SUITE(Tokens);
using RunSummaries = StoreTest;
SOSEI_STORE_SUITE(RunSummaries);

const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');

TEST_P(Tokens, AddListFindUseRevoke) {
  EXPECT_TRUE(store_->tokens().empty());
  const int64_t a = store_->add_token(kHashA, "産業振興課", "窓口の端末", TokenRole::Department);
  const int64_t b = store_->add_token(kHashB, "総合政策課", "", TokenRole::Department);
  EXPECT_LT(a, b);

  auto list = store_->tokens();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, a);
  EXPECT_EQ(list[0].department, "産業振興課");
  EXPECT_EQ(list[0].note, "窓口の端末");
  EXPECT_EQ(list[0].created_at.size(), 24u);
  EXPECT_TRUE(list[0].last_used_at.empty());
  EXPECT_FALSE(list[0].revoked());

  auto found = store_->token_by_hash(kHashB);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, b);
  EXPECT_EQ(found->department, "総合政策課");
  EXPECT_FALSE(store_->token_by_hash(std::string(64, 'c')));

  store_->token_used(a);
  EXPECT_FALSE(store_->token_by_hash(kHashA)->last_used_at.empty());

  EXPECT_TRUE(store_->revoke_token(a));
  EXPECT_FALSE(store_->revoke_token(a));     // already revoked: the first time is kept
  EXPECT_FALSE(store_->revoke_token(9999));  // no such token
  ASSERT_TRUE(store_->token_by_hash(kHashA));
  EXPECT_TRUE(store_->token_by_hash(kHashA)->revoked());
  EXPECT_FALSE(store_->token_by_hash(kHashB)->revoked());
}

TEST_P(Tokens, OnlyTheHashIsStoredAndItIsUnique) {
  store_->add_token(kHashA, "産業振興課", "", TokenRole::Department);
  EXPECT_EQ(query_one("SELECT token_sha256 FROM api_tokens"), kHashA);
  EXPECT_THROW(store_->add_token(kHashA, "総合政策課", "", TokenRole::Department), StoreError);
  EXPECT_THROW(store_->add_token("short", "総合政策課", "", TokenRole::Department),
               StoreError);                                                            // not a SHA-256 in hex
  EXPECT_THROW(store_->add_token(kHashB, "", "", TokenRole::Department), StoreError);  // no department
}

TEST_P(Tokens, SurviveReopening) {
  store_->add_token(kHashA, "産業振興課", "", TokenRole::Department);
  store_.reset();
  store_ = open();
  ASSERT_EQ(store_->tokens().size(), 1u);
  EXPECT_EQ(store_->tokens()[0].department, "産業振興課");
}

TEST_P(RunSummaries, CountsByStatusNewestRunAndLastSuccess) {
  EXPECT_TRUE(store_->run_summaries().empty());
  store_->begin_import(start("a"))->commit();
  store_->begin_import(start("a"))->commit(RunStatus::Unchanged);
  store_->begin_import(start("a"))->fail("HTTP 500");
  store_->begin_import(start("b"))->fail("file not found");

  auto summaries = store_->run_summaries();
  ASSERT_EQ(summaries.size(), 2u);
  const auto& a = summaries[0];
  EXPECT_EQ(a.source, "a");
  EXPECT_EQ(a.runs.at(RunStatus::Succeeded), 1);
  EXPECT_EQ(a.runs.at(RunStatus::Unchanged), 1);
  EXPECT_EQ(a.runs.at(RunStatus::Failed), 1);
  EXPECT_EQ(a.runs.count(RunStatus::Aborted), 0u);
  EXPECT_EQ(a.last_run.status, RunStatus::Failed);
  EXPECT_EQ(a.last_run.error, "HTTP 500");
  // The unchanged run (the second) was the last success.
  EXPECT_EQ(a.last_success_at, store_->runs(0, "a")[1].finished_at);

  const auto& b = summaries[1];
  EXPECT_EQ(b.source, "b");
  EXPECT_EQ(b.runs.at(RunStatus::Failed), 1);
  EXPECT_TRUE(b.last_success_at.empty());
}

}  // namespace
}  // namespace sosei::store::test
