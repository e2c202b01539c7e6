import preact from '@preact/preset-vite';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { knowledgePackPlugin } from './src/knowledge/build-plugin';

/**
 * The content script, already minified by esbuild, goes through Terser too, which its gzip budget needs (the
 * measurements are in docs/decisions.md, 9). Either minifier alone does worse.
 * Only Terser's safe transforms, two passes.
 */
function minifyAgainWithTerser(): Plugin {
  return {
    name: 'negotiation-lens:minify-again',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const result = await minify(file.code, { ecma: 2020, compress: { passes: 2 } });
        if (result.code) file.code = result.code;
      }
    },
  };
}

/**
 * Origins a feed may live on: any https site (the reader may run their own feed), or this computer for someone
 * testing one. Only the feed's own origin is ever requested (KnowledgeSection in the options page).
 */
const FEED_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
/** Ed25519 in WebCrypto, which checks pack signatures, ships in Chromium 137 (docs/decisions.md, 10). */
const MINIMUM_CHROME = '137';
/** Chrome asks for 16, 32, 48 and 128 px (toolbar, extensions page, store); Firefox for 48 and 96 (add-ons manager). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const ICON_FILES = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // The icon, drawn once (assets/icon.svg), is rendered at every size Chrome and Firefox ask for, at build time,
  // into icons/SIZE.png, and listed as the manifest's icons.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [...ICON_SIZES] },
  imports: false,
  // OUT_DIR lets the benchmark build its own copies (e.g. with the 10× pack) without touching the test build.
  outDir: process.env.OUT_DIR ?? '.output',
  vite: () => ({
    // PACK_PATH builds with another pack (the benchmark's 10× pack); the default is data/pack.json.
    plugins: [preact(), knowledgePackPlugin(process.env.PACK_PATH)],
    build: { target: 'es2022' },
  }),
  // The Firefox store asks for sources: ship what builds the extension, not benchmark or test output.
  zip: { excludeSources: ['.bench-output*/**', 'bench/.generated/**', 'test-results/**', 'negotiation-lens-demo.png'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Negotiation Lens',
    description: 'Sourced context on the 2025 US–Ukraine–Russia negotiations, on the news pages you read.',
    // The interface's words are in public/_locales (read through src/ui/i18n.ts); English where the browser's
    // language has none.
    default_locale: 'en',
    // storage: settings, per-site choices and the active knowledge pack. alarms: the daily update check, which
    // runs only when the reader turned updates on. No tabs permission: the popup talks to the active tab through
    // tabs.sendMessage. The feed's origin is an optional host permission, asked for when updates are turned on.
    permissions: ['storage', 'alarms'],
    ...(browser === 'firefox' ? { optional_permissions: FEED_ORIGINS } : { optional_host_permissions: FEED_ORIGINS, minimum_chrome_version: MINIMUM_CHROME }),
    // The browser tests' build reaches a local feed without a permission prompt, which headless tests cannot answer.
    ...(process.env.WXT_TEST_BUILD ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Alt+Shift+N and Alt+Shift+P were Chromium's own (a new split tab; notifications and stylus tools on
    // ChromeOS), so Chromium never bound them. Alt+. and Alt+, (read as > and <) are free in Chromium, ChromeOS
    // and Firefox. On a Mac, Option with a key types a character (Option+. is ≥): the Mac gets Control instead.
    // The reader can change them; the popup shows the ones in force (src/popup/ShortcutLine.tsx).
    // The toolbar button's icon (Firefox's build is Manifest V2, where the button is `browser_action`).
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: ICON_FILES },
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Period', mac: 'MacCtrl+Period' }, description: 'Go to the next mention on the page' },
      'previous-mention': { suggested_key: { default: 'Alt+Comma', mac: 'MacCtrl+Comma' }, description: 'Go to the previous mention on the page' },
    },
    content_security_policy:
      browser === 'firefox'
        ? { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" }
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'negotiation-lens@example.org',
              // 142: the first version whose Android build also reads data_collection_permissions; highlights need 140.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android runs it too: cards open as bottom sheets there, on a tap or a long press.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The content script runs on every page, so it uses the browser's own extension API (promise-based in Chrome
    // MV3 and Firefox) instead of webextension-polyfill, whose weight every page load would carry.
    // The background, popup and options page keep the polyfill through the module above.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = viteConfig.resolve?.alias;
      if (Array.isArray(alias)) alias.unshift({ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' });
      else viteConfig.resolve = { ...viteConfig.resolve, alias: { ...alias, 'wxt/browser': '@wxt-dev/browser' } };
      viteConfig.plugins = [...(viteConfig.plugins ?? []), minifyAgainWithTerser()];
    },
    // The ::highlight() rules must be in the page's own style scope (highlights paint in the document, not in our
    // shadow root). Listing them in the manifest lets the browser apply them before the first scan, without us
    // adding a <style> element to the page.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.css = ['highlights.css'];
    },
  },
});
