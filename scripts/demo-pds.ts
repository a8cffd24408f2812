// `npm run demo:pds`: the demo page with sign-in, against Bluesky's reference PDS on loopback (the
// one the tests use, test/pds, on Node 22 from the npm registry). It creates a reader account, starts
// the demo's dev server, and prints where to sign in. Nothing leaves this machine: the sample
// AppView answers the discussion, and knows the local PDS's readers (demo/appview/server.ts).

import { createServer } from 'vite';
import { startPds } from '../test/browser/pds.ts';

const pds = await startPds();
const reader = { name: 'ada', password: 'ada-password' };
const account = await pds.createAccount(reader.name, reader.password);
process.env.DEMO_PDS = pds.url;
process.env.DEMO_PLC = pds.plc;
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 5173, host: '127.0.0.1', strictPort: false } });
await server.listen();
const address = server.httpServer!.address() as { port: number };
console.log(`
  Local PDS   ${pds.url}  (its OAuth server too)
  Reader      @${account.handle}  password ${reader.password}
  Demo        http://127.0.0.1:${address.port}/demo/?pds=1

  Open the demo at 127.0.0.1 (atproto's loopback client needs it), press "Sign in with Bluesky",
  and give the handle above. Ctrl-C stops both.
`);
const stop = async () => {
  await server.close();
  await pds.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
