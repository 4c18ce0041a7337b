import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // RATE_LIMIT_FACTOR, ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY: tests of other behaviour are not throttled (many
    // complaints from one address); the limit tests set the real values themselves.
    env: { AUTH_SECRET: 'test-secret-not-for-production', APP_URL: 'http://localhost:3000', RATE_LIMIT_FACTOR: '1000', ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY: '1000' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // next-auth imports `next/server` without an extension; inlined, Vite resolves it (lib/auth/session.pg.test.ts).
    server: { deps: { inline: ['next-auth'] } },
  },
});
