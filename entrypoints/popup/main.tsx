import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../src/messaging/protocol';
import { popupDeps } from '../../src/popup/popup-deps';
import { PopupApp } from '../../src/popup/PopupApp';
import '../../src/popup/popup.css';
import '../../src/ui/card-body.css';
import '../../src/ui/theme.css';

const root = document.getElementById('app')!;
// The popup shows the active pack, which the background owns; the static "Loading…" stays until it arrives.
sendToBackground(browser.runtime, 'getActivePack', {}).then(
  (active) => {
    // Preact renders next to existing children: drop the placeholder first.
    root.replaceChildren();
    render(<PopupApp deps={popupDeps(browser, active, location)} />, root);
  },
  (error: unknown) => {
    root.textContent = `Negotiation Lens could not load its knowledge (${error instanceof Error ? error.message : String(error)}). Close the popup and open it again.`;
  },
);
