import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords: argon2id (the @node-rs/argon2 defaults: 19 MiB, 2 passes, 1 lane — OWASP's minimum recommendation),
 * via a maintained native binding.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a random string: checking an unknown account takes as long as checking a known one.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$WVF/ib9/RqFGClWv2HW8Fw$1sQ5CtkRDZCh+UmRPZH998n/kYg7+x0p2AhPQh/gYvU';

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
