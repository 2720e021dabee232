import { newIdempotencyKey } from '@/api/client'

/**
 * One Idempotency-Key per user intent: the same key is sent again when the user retries a failed save
 * (so a create that did reach the server on a poor connection is not made twice), and a new key is made
 * once the save succeeded or the form is opened afresh.
 */
export function useIdempotencyKey() {
  let key = newIdempotencyKey()
  return {
    current: () => key,
    renew: () => {
      key = newIdempotencyKey()
    },
  }
}
