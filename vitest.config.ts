import { defineConfig } from 'vitest/config';
import { hasChromium, CHROMIUM } from './scripts/chromium.ts';

// Browser tests need Debian's Chromium. In CI a missing Chromium is a failure (the tests run and
// say so); on a developer's machine without it, only the unit tests run, and we say why.
const browser = hasChromium() || !!process.env.CI;
if (!browser) console.warn(`\nBrowser tests not run: no Chromium at ${CHROMIUM} (apt-get install -y chromium).\n`);

export default defineConfig({
  test: {
    // Three files at a time on CI's two cores: a browser file mostly waits on Chromium, its servers
    // and the PDS (two workers kept the cores about 60% busy; three cut the suite by a tenth).
    maxWorkers: 3,
    projects: [
      {
        extends: './vite.config.ts',
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'happy-dom',
          // Each file in a VM context of its own, its modules compiled once for them all: the unit
          // tests take half the time and CPU they took in a process each (98 s → 47 s on two cores).
          pool: 'vmThreads',
          setupFiles: ['test/unit/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          // A bundle and workerd to start (worker tests): seconds on a quiet machine, more under load.
          hookTimeout: 60_000,
        },
      },
      ...(browser
        ? [
            {
              extends: './vite.config.ts',
              test: {
                name: 'browser',
                include: ['test/browser/**/*.test.ts'],
                environment: 'node',
                globalSetup: ['test/global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
