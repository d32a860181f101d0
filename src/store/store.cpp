#include "store/store.h"

namespace mkrp::store {

std::chrono::milliseconds backoffDelay(const JobPolicy& policy, int attempts) {
  auto delay = policy.baseDelay;
  for (int i = 1; i < attempts && delay < policy.maxDelay; ++i) delay *= 2;
  return delay < policy.maxDelay ? delay : policy.maxDelay;
}

Lease JobQueue::leaseOf(const Job& job) {
  return Lease{job.id, job.leaseOwner, job.attempts, job.leaseExpiresAt.value_or(TimePoint{})};
}

}  // namespace mkrp::store
