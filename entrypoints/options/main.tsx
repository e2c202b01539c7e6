import { render } from 'preact';
import { browser } from 'wxt/browser';
import { knowledgeClient } from '../../src/options/knowledge-client';
import { OptionsApp } from '../../src/options/OptionsApp';
import { createMessages } from '../../src/i18n/messages';

const root = document.getElementById('app')!;
// The browser picks the messages of its own language (public/_locales), English when it has none in that language.
const messages = createMessages(browser.i18n);
document.documentElement.lang = messages.language;
document.title = messages.text('optionsTitle');
root.replaceChildren();
render(<OptionsApp storage={browser.storage} knowledge={knowledgeClient(browser)} messages={messages} />, root);
