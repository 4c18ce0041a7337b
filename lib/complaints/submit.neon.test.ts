import { createThrowawayDatabase, startNeonWsProxy } from '@/db/testing';
import { describeSubmission } from './submit.contract';

describeSubmission('Neon serverless driver over a local WebSocket proxy', async () => {
  const database = await createThrowawayDatabase();
  const proxy = await startNeonWsProxy();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_DRIVER = 'neon';
  process.env.NEON_WS_PROXY = proxy.address;
  return async () => {
    await proxy.close();
    await database.drop();
  };
});
