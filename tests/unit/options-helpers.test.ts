import { describe, expect, it } from 'vitest';
import { PARTY_IDS, TRACK_IDS } from '../../src/knowledge/schema';
import { problemNotice } from '../../src/options/problems';
import { toggleSelection } from '../../src/options/selection';
import { checkNewSite, focusAfterRemoval, siteEntries, suggestedChoice } from '../../src/options/site-list';
import { readSettings } from '../../src/settings/settings';
import { ENGLISH } from '../../src/i18n/messages';

describe('the site list', () => {
  it('lists sites alphabetically with their choices', () => {
    expect(siteEntries({ 'reuters.com': 'off', 'apnews.com': 'on', 'bbc.co.uk': 'off' })).toEqual([
      { site: 'apnews.com', choice: 'on' },
      { site: 'bbc.co.uk', choice: 'off' },
      { site: 'reuters.com', choice: 'off' },
    ]);
    expect(siteEntries({})).toEqual([]);
  });

  it('normalises what the user types into the site key', () => {
    expect(checkNewSite(ENGLISH, '  https://www.BBC.co.uk/news/world?x=1 ', {})).toEqual({ ok: true, site: 'bbc.co.uk' });
    expect(checkNewSite(ENGLISH, 'Reuters.com', {})).toEqual({ ok: true, site: 'reuters.com' });
    expect(checkNewSite(ENGLISH, '127.0.0.1', {})).toEqual({ ok: true, site: '127.0.0.1' });
    expect(checkNewSite(ENGLISH, 'http://127.0.0.1:8080/page', {})).toEqual({ ok: true, site: '127.0.0.1' });
    expect(checkNewSite(ENGLISH, 'localhost', {})).toEqual({ ok: true, site: 'localhost' });
    expect(checkNewSite(ENGLISH, 'bücher.de', {})).toEqual({ ok: true, site: 'xn--bcher-kva.de' });
  });

  it('refuses empty input and what is not a web site, saying what to type instead', () => {
    const empty = checkNewSite(ENGLISH, '   ', {});
    expect(empty).toEqual({ ok: false, message: expect.stringMatching(/^Type a site, such as example\.com/) });
    for (const input of ['not a site', 'file:///home/me/page.html', 'chrome://extensions', 'http://', 'ftp://example.com', 'a b.com']) {
      const result = checkNewSite(ENGLISH, input, {});
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.message).toContain('is not a web site address');
    }
  });

  it('refuses a site that is already in the list and names its choice', () => {
    expect(checkNewSite(ENGLISH, 'https://reuters.com/world', { 'reuters.com': 'off' })).toEqual({
      ok: false,
      message: 'reuters.com is already in the list, switched off. Change its choice in the list above.',
    });
  });

  it('suggests the choice that differs from the default mode', () => {
    expect(suggestedChoice('everywhere')).toBe('off');
    expect(suggestedChoice('news-sites')).toBe('on');
    expect(suggestedChoice('opt-in')).toBe('on');
  });

  it('moves focus to the row that takes the removed row’s place, else the last row, else nowhere', () => {
    expect(focusAfterRemoval(0, 3)).toBe(0);
    expect(focusAfterRemoval(1, 3)).toBe(1);
    expect(focusAfterRemoval(2, 3)).toBe(1);
    expect(focusAfterRemoval(0, 1)).toBe(-1);
  });
});

describe('tracks and parties: at least one stays checked', () => {
  const message = 'Keep at least one track checked.';

  it('checks and unchecks, keeping the canonical order whatever the click order', () => {
    expect(toggleSelection(TRACK_IDS, ['territory'], 'minerals', true, message)).toEqual({ ok: true, value: ['minerals', 'territory'] });
    expect(toggleSelection(TRACK_IDS, TRACK_IDS, 'ceasefire', false, message)).toEqual({ ok: true, value: TRACK_IDS.filter((id) => id !== 'ceasefire') });
    expect(toggleSelection(PARTY_IDS, ['us'], 'us', true, message)).toEqual({ ok: true, value: ['us'] });
  });

  it('refuses to uncheck the last one, with the message given', () => {
    expect(toggleSelection(TRACK_IDS, ['elections'], 'elections', false, message)).toEqual({ ok: false, message });
    expect(toggleSelection(PARTY_IDS, ['europe'], 'europe', false, message)).toEqual({ ok: false, message });
  });
});

describe('the notice about settings that could not be read', () => {
  it('is absent when all was well', () => {
    expect(problemNotice(ENGLISH, readSettings({ 'pref:paused': true }))).toBeNull();
  });

  it('names each reset key, with what the page calls it', () => {
    const notice = problemNotice(ENGLISH, readSettings({ 'settings-version': 2, 'pref:highlightStyle': 42, 'pref:markScope': 'every', 'site:bbc.com': 7 }));
    expect(notice?.summary).toBe(
      'Some stored settings could not be read and were reset to their defaults: How mentions are marked (pref:highlightStyle); ' +
        'the choice for bbc.com (site:bbc.com), which now follows the default.',
    );
    expect(notice?.details).toHaveLength(2);
    expect(notice?.details[0]).toMatch(/^pref:highlightStyle: 42 is not a valid value/);
  });

  it('still explains problems that reset no key (a newer stored version)', () => {
    const notice = problemNotice(ENGLISH, readSettings({ 'settings-version': 99, 'pref:paused': true }));
    expect(notice?.keys).toEqual([]);
    expect(notice?.summary).toMatch(/everything this version understands was kept/);
    expect(notice?.details[0]).toMatch(/newer version/);
  });
});
