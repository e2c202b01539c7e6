/** Chromium flags that load our unpacked extension and keep the browser off the network. */
export function extensionArgs(extensionDir) {
  return [
    // Without this, Playwright's default --disable-extensions wins and the extension never loads.
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    // Root (CI) cannot use Chromium's sandbox.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
