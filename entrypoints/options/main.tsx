import { render } from 'preact';
import { browser } from 'wxt/browser';
import { knowledgeClient } from '../../src/options/knowledge-client';
import { OptionsApp } from '../../src/options/OptionsApp';

const root = document.getElementById('app')!;
root.replaceChildren();
render(<OptionsApp storage={browser.storage} knowledge={knowledgeClient(browser)} />, root);
