import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { isEnabledFor, isHostName, normalizeSiteInput, siteOf } from '../../src/settings/site-policy';

const everywhere: Settings = { ...DEFAULT_SETTINGS, defaultMode: 'everywhere' };
const news: Settings = { ...DEFAULT_SETTINGS, defaultMode: 'news-sites' };
const optIn: Settings = { ...DEFAULT_SETTINGS, defaultMode: 'opt-in' };

describe('siteOf', () => {
  it.each([
    ['https://www.reuters.com/world/europe/x', 'reuters.com'],
    ['https://live.reuters.com/x', 'live.reuters.com'],
    // Two labels: www is the whole name here, not a prefix.
    ['http://www.localhost/', 'www.localhost'],
    ['http://not a site/', null],
    ['http://localhost:5173/article', 'localhost'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['http://[::1]:3000/', '[::1]'],
    ['https://bücher.example/x', 'xn--bcher-kva.example'],
    ['https://EXAMPLE.com./', 'example.com'],
    ['chrome-extension://abc/popup.html', null],
    ['file:///tmp/a.html', null],
    ['about:blank', null],
    ['not a url', null],
  ])('%s → %s', (url, site) => expect(siteOf(url)).toBe(site));
});

describe('isHostName', () => {
  it('accepts only host names the URL parser could have produced', () => {
    for (const site of ['example.com', 'xn--bcher-kva.de', 'my_host.local', '[::1]', '10.0.0.1', 'localhost']) expect(isHostName(site), site).toBe(true);
    for (const site of ['not%20a%20site', '', 'a..b', '-a.com', 'a.com-', 'exa mple.com']) expect(isHostName(site), site).toBe(false);
  });
});

describe('normalizeSiteInput', () => {
  it.each([
    ['https://www.BBC.co.uk/news', 'bbc.co.uk'],
    ['not a site', null],
    ['kyivindependent.com', 'kyivindependent.com'],
    ['  bücher.example  ', 'xn--bcher-kva.example'],
    ['localhost:8080', 'localhost'],
    ['', null],
  ])('%j → %s', (input, site) => expect(normalizeSiteInput(input)).toBe(site));
});

describe('isEnabledFor', () => {
  it.each<[string, Settings, Record<string, 'on' | 'off'>, boolean]>([
    ['https://www.reuters.com/a', everywhere, {}, true],
    ['https://www.reuters.com/a', everywhere, { 'reuters.com': 'off' }, false],
    // A subdomain's own choice beats its parent's.
    ['https://live.reuters.com/a', everywhere, { 'reuters.com': 'off', 'live.reuters.com': 'on' }, true],
    ['https://notreuters.com/a', everywhere, { 'reuters.com': 'off' }, true],
    ['https://www.reuters.com/a', news, {}, true],
    ['https://www.bbc.co.uk/news', news, {}, true],
    ['https://example.com/a', news, {}, false],
    ['https://example.com/a', news, { 'example.com': 'on' }, true],
    ['https://example.com/a', optIn, {}, false],
    ['https://example.com:8443/a', optIn, { 'example.com': 'on' }, true],
    ['http://localhost:5173/', optIn, { localhost: 'on' }, true],
    ['http://127.0.0.1:8080/', everywhere, { '127.0.0.1': 'off' }, false],
    // IP hosts match only themselves, never a "parent".
    ['http://10.0.0.1/', everywhere, { '0.0.1': 'off', '0.1': 'off' }, true],
    ['https://bücher.example/', everywhere, { 'xn--bcher-kva.example': 'off' }, false],
    ['file:///home/a.html', everywhere, {}, false],
  ])('%s (%s) → %s', (url, settings, sites, expected) => {
    expect(isEnabledFor(url, settings, sites).on).toBe(expected);
  });

  it('is off everywhere when paused, whatever the site choice', () => {
    expect(isEnabledFor('https://reuters.com/', { ...everywhere, paused: true }, { 'reuters.com': 'on' })).toMatchObject({ on: false, reason: 'paused' });
  });
});
