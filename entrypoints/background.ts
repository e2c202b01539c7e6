import pack from 'virtual:knowledge-pack';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/background/background-app';

export default defineBackground(() => {
  startBackground(browser, pack);
});
