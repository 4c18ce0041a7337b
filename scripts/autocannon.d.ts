// The few parts of autocannon (no bundled types, no @types package) that the bench scripts use.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; requests?: Request[]; timeout?: number; headers?: Record<string, string>; method?: string };
  type Result = { requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number; duration: number };
  type Instance = EventEmitter & Promise<Result>;
  function autocannon(options: Options): Instance;
  export default autocannon;
}
