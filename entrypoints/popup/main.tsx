import { render } from 'preact';
import pack from 'virtual:knowledge-pack';
import { browser } from 'wxt/browser';
import { popupDeps } from '../../src/popup/popup-deps';
import { PopupApp } from '../../src/popup/PopupApp';
import '../../src/popup/popup.css';
import '../../src/ui/card-body.css';
import '../../src/ui/theme.css';

const root = document.getElementById('app')!;
// Preact renders next to existing children: drop the static "Loading…" placeholder first.
root.replaceChildren();
render(<PopupApp deps={popupDeps(browser, pack, location)} />, root);
