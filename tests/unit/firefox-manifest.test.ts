// @vitest-environment node
/**
 * The Firefox build's manifest, built here into a temporary folder: its keyboard shortcuts are keys that both
 * Firefox and Chromium accept and that neither browser keeps for itself (the browser tests check that Chromium
 * really binds them), and its icons are there at every size, as PNG files of that size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUILD_TIMEOUT_MS = 240_000;

interface Manifest {
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
  icons?: Record<string, string>;
  browser_action?: { default_icon?: Record<string, string> };
}

let outDir = '';
let manifest: Manifest = {};

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'negotiation-lens-firefox-build-'));
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { encoding: 'utf8', env: { ...process.env, OUT_DIR: outDir } });
  if (build.status !== 0) throw new Error(`the Firefox build failed:\n${build.stdout}\n${build.stderr}`);
  manifest = JSON.parse(readFileSync(join(outDir, 'firefox-mv2', 'manifest.json'), 'utf8')) as Manifest;
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const KEY = /^([A-Z0-9]|Comma|Period|Home|End|PageUp|PageDown|Space|Insert|Delete|Up|Down|Left|Right|F([1-9]|1[0-2]))$/;

/**
 * Firefox's rule (the `commands` manifest key on MDN): one or two modifiers then a key; the first modifier is Alt,
 * Ctrl, Command or MacCtrl; the second may be Shift or another of those.
 */
function firefoxAccepts(shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const [first, second, ...more] = parts;
  const primary = ['Alt', 'Ctrl', 'Command', 'MacCtrl'];
  if (!KEY.test(key) || more.length > 0 || !first || !primary.includes(first)) return false;
  return second === undefined || (second !== first && [...primary, 'Shift'].includes(second));
}

/**
 * Chrome's rule (the `commands` manifest key on developer.chrome.com): Ctrl or Alt, not both (AltGr is Ctrl+Alt),
 * Shift optional; MacCtrl (the Mac's Control key) and Command only in the `mac` key; at most 4 suggested keys.
 */
function chromeAccepts(shortcut: string, platform: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  if (!KEY.test(key) || mods.size !== parts.length) return false;
  const allowed = platform === 'mac' ? ['Ctrl', 'Alt', 'Shift', 'MacCtrl', 'Command'] : ['Ctrl', 'Alt', 'Shift'];
  if (parts.some((m) => !allowed.includes(m))) return false;
  const ctrl = mods.has('Ctrl') || mods.has('MacCtrl') || mods.has('Command');
  return (ctrl || mods.has('Alt')) && !(ctrl && mods.has('Alt'));
}

/**
 * Keys the browsers keep for themselves, which they do not give to an extension or which readers rely on: Chromium's
 * own Alt shortcuts (its accelerator table: a new split tab, focus the toolbar or bookmarks, feedback, the menu,
 * the address bar, tabs 1 to 9), ChromeOS's (notifications, stylus tools, quick settings), and Firefox's menus and
 * navigation (Alt+letter opens a menu on Windows and Linux).
 */
const BROWSER_KEYS = new Set([
  ...['A', 'B', 'I', 'N', 'P', 'S', 'T'].map((k) => `Alt+Shift+${k}`),
  ...['B', 'D', 'E', 'F', 'H', 'S', 'T', 'V', 'Home', 'Left', 'Right', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => `Alt+${k}`),
]);

describe('the Firefox build\'s keyboard shortcuts', () => {
  it('declares the two commands, each with a default key and one for the Mac', () => {
    expect(Object.keys(manifest.commands ?? {}).sort()).toEqual(['next-mention', 'previous-mention']);
    for (const [name, command] of Object.entries(manifest.commands!)) {
      expect(command.description, name).toBeTruthy();
      expect(Object.keys(command.suggested_key ?? {}).sort(), name).toEqual(['default', 'mac']);
    }
  });

  it('suggests keys that Firefox and Chromium accept, on every platform, no more than Chromium takes', () => {
    const suggested = Object.values(manifest.commands!).flatMap((c) => Object.entries(c.suggested_key!));
    expect(Object.keys(manifest.commands!).length).toBeLessThanOrEqual(4);
    for (const [platform, shortcut] of suggested) {
      expect(firefoxAccepts(shortcut), `Firefox accepts ${shortcut}`).toBe(true);
      expect(chromeAccepts(shortcut, platform), `Chromium accepts ${shortcut} (${platform})`).toBe(true);
    }
  });

  it('suggests no key the browsers keep for themselves, and a different key for each command', () => {
    const defaults = Object.values(manifest.commands!).map((c) => c.suggested_key!.default!);
    for (const shortcut of defaults) expect(BROWSER_KEYS.has(shortcut), `${shortcut} is a browser shortcut`).toBe(false);
    expect(new Set(defaults).size).toBe(defaults.length);
    // The Mac gets Control: Option with a key types a character there (Option+. is ≥).
    for (const command of Object.values(manifest.commands!)) expect(command.suggested_key!.mac).not.toMatch(/\bAlt\b/);
  });

  it('checks keys the way the browsers do: the keys Chromium refused are caught', () => {
    expect(BROWSER_KEYS.has('Alt+Shift+N') && BROWSER_KEYS.has('Alt+Shift+P')).toBe(true);
    expect(chromeAccepts('Ctrl+Alt+Period', 'default')).toBe(false);
    expect(chromeAccepts('Shift+Period', 'default')).toBe(false);
    expect(chromeAccepts('MacCtrl+Period', 'default')).toBe(false);
    expect(chromeAccepts('MacCtrl+Period', 'mac')).toBe(true);
    expect(firefoxAccepts('Shift+Y')).toBe(false);
    expect(firefoxAccepts('Ctrl+Ctrl+Y')).toBe(false);
    expect(firefoxAccepts('Alt+Period')).toBe(true);
  });
});

/** Width and height from a PNG's header (its IHDR chunk), or null when the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the Firefox build\'s icons', () => {
  const SIZES = ['16', '32', '48', '96', '128'];

  it('lists every size Chrome and Firefox ask for, for the add-on and for its toolbar button', () => {
    expect(Object.keys(manifest.icons ?? {}).sort((a, b) => Number(a) - Number(b))).toEqual(SIZES);
    expect(manifest.browser_action?.default_icon).toEqual(manifest.icons);
  });

  it('ships each as a PNG of its size', () => {
    for (const [size, file] of Object.entries(manifest.icons!)) {
      const path = join(outDir, 'firefox-mv2', file);
      expect(existsSync(path), file).toBe(true);
      expect(pngSize(readFileSync(path)), file).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('reads sizes from PNG headers, and nothing from other bytes', () => {
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
