/**
 * npm start [-- --screenshot FILE]
 * Builds the extension, serves the demo article from 127.0.0.1, and opens Chromium/Chrome with the extension
 * loaded on it. Without a display it says so and saves a screenshot instead (as --screenshot does).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { extensionArgs } from './chromium-flags.mjs';
import { findBrowser } from './find-browser.mjs';
import { serveFolder } from './serve.mjs';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
let screenshot = shotIndex >= 0 ? args[shotIndex + 1] : undefined;
if (shotIndex >= 0 && !screenshot) {
  console.error('usage: npm start -- --screenshot FILE.png');
  process.exit(2);
}
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!screenshot && !hasDisplay) {
  screenshot = 'negotiation-lens-demo.png';
  console.log(`No display found, so no browser window can open; saving a screenshot of the demo to ${screenshot} instead (choose the file with: npm start -- --screenshot FILE.png).`);
}

execSync('npx wxt build', { stdio: 'inherit' });
const extensionDir = resolve('.output/chrome-mv3');
const executablePath = await findBrowser();
const server = await serveFolder(resolve('demo'));
const url = `${server.origin}/article.html`;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'negotiation-lens-demo-')), {
  executablePath,
  headless: Boolean(screenshot),
  viewport: screenshot ? { width: 1280, height: 900 } : null,
  args: extensionArgs(extensionDir),
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (!screenshot) {
  console.log(`Negotiation Lens is running on ${url}. Hover an underlined name or term; close the browser to stop.`);
  await new Promise((done) => context.on('close', done));
  await server.close();
  process.exit(0);
}

// Headless: wait for the marks, hover one so a card shows, and save the picture.
const found = await page
  .waitForFunction(() => [...CSS.highlights.keys()].some((name) => name.startsWith('negotiation-lens-underline')), null, { timeout: 15_000 })
  .then(() => true)
  .catch(() => false);
if (found) {
  const point = await page.evaluate(() => {
    for (const r of [...CSS.highlights].filter(([name]) => name.startsWith('negotiation-lens-underline')).flatMap(([, marks]) => [...marks])) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (!/minerals deal|Reconstruction Investment Fund/i.test(range.toString())) continue;
      r.startContainer.parentElement?.scrollIntoView({ block: 'start', behavior: 'instant' });
      scrollBy(0, -120);
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  if (point) {
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(1200);
  }
}
await page.screenshot({ path: screenshot });
console.log(found ? `Saved ${screenshot}: the demo article with the extension's marks and a card.` : `Saved ${screenshot}, but no marks appeared within 15 s.`);
await context.close();
await server.close();
process.exit(found ? 0 : 1);
