import { createHash, createHmac } from 'node:crypto';
import { appSecret } from './env';

/**
 * The secret link a client follows their complaint with. It is derived from the submission's idempotency key with the
 * app secret (so a re-posted form gets the same link back) and only its SHA-256 hash is stored.
 */
export function statusTokenFor(idempotencyKey: string, secret = appSecret()): string {
  return createHmac('sha256', secret).update(`status-token:${idempotencyKey}`).digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
