import { render } from 'preact';
import pack from 'virtual:knowledge-pack';
import { browser } from 'wxt/browser';
import { createMessages } from '../../src/i18n/messages';
import { loadPopupPack } from '../../src/popup/popup-pack';
import { popupDeps } from '../../src/popup/popup-deps';
import { PopupApp } from '../../src/popup/PopupApp';
import '../../src/popup/popup.css';
import '../../src/ui/card-body.css';
import '../../src/ui/theme.css';

const root = document.getElementById('app')!;
// The browser picks the messages of its own language (public/_locales), English when it has none in that language.
const messages = createMessages(browser.i18n);
document.documentElement.lang = messages.language;
// The static "Loading…" stays until the active pack is read.
loadPopupPack(browser, pack).then(
  (active) => {
    // Preact renders next to existing children: drop the placeholder first.
    root.replaceChildren();
    render(<PopupApp deps={popupDeps(browser, active, location, messages)} />, root);
  },
  (error: unknown) => {
    root.textContent = `Negotiation Lens could not load its knowledge (${error instanceof Error ? error.message : String(error)}). Close the popup and open it again.`;
  },
);
