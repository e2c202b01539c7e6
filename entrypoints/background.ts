import pack from 'virtual:knowledge-pack';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/background/background-app';
import { createMessages } from '../src/i18n/messages';
import cardCss from '../src/overlay/card.css?inline';
import cardBodyCss from '../src/ui/card-body.css?inline';
import themeCss from '../src/ui/theme.css?inline';

export default defineBackground(() => {
  // Cards speak the browser's language (public/_locales), English when the extension has none in it.
  startBackground(browser, pack, { cardStyles: themeCss + cardBodyCss + cardCss, messages: createMessages(browser.i18n) });
});
