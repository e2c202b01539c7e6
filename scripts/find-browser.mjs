/**
 * Finds a Chromium-family browser for the browser tests and `npm start`, in this order:
 * 1. the CHROMIUM_PATH environment variable;
 * 2. the system's Chromium or Chrome;
 * 3. Playwright's own Chromium, installing it when the network allows.
 * Fails with one message that names these ways.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_BROWSER_MESSAGE =
  'No Chromium or Chrome found. Set CHROMIUM_PATH to a Chromium/Chrome binary, install one system-wide ' +
  '(Debian/Ubuntu: sudo apt-get install chromium), or run `npx playwright install chromium` with network access.';

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export async function findBrowser({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist. ${NO_BROWSER_MESSAGE}`);
  }
  for (const candidate of SYSTEM_BROWSERS) if (existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  const bundled = await playwrightChromium();
  if (bundled) return bundled;
  if (install) {
    const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 10 * 60_000 });
    if (result.status === 0) {
      const installed = await playwrightChromium();
      if (installed) return installed;
    }
  }
  throw new Error(NO_BROWSER_MESSAGE);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  findBrowser()
    .then((path) => console.log(path))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
