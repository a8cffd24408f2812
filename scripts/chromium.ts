// Launch the system Chromium (Debian's package) through playwright-core: never a downloaded browser.

import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function found(): string {
  if (!hasChromium()) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  return CHROMIUM;
}

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: found(), args: [...ARGS, ...extraArgs] });
}

/** One Chromium that test files connect to (`chromium.connect(server.wsEndpoint())`), started once for them all. */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: found(), args: ARGS });
}
