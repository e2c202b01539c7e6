import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp, type OptionsStorage } from '../../src/options/OptionsApp';
import { waitFor } from '../helpers/wait';

let container: HTMLElement;

const byId = <T extends HTMLElement>(id: string) => container.querySelector<T>(`[id="${id}"]`);
const status = () => container.querySelector('[role="status"]')?.textContent ?? '';

async function mount() {
  render(<OptionsApp storage={fakeBrowser.storage as unknown as OptionsStorage} />, container);
  await waitFor(() => container.querySelector('h1'), 'the page');
}

describe('OptionsApp', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
    vi.restoreAllMocks();
  });

  it('labels every control', async () => {
    await fakeBrowser.storage.sync.set({ 'site:reuters.com': 'off' });
    await mount();
    const controls = [...container.querySelectorAll('input, select')];
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) {
      const label = container.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent?.trim(), `label for #${control.id}`).toBeTruthy();
    }
    for (const radio of container.querySelectorAll('input[type="radio"]')) expect(radio.closest('fieldset')?.querySelector('legend')).not.toBeNull();
  });

  it('saves a change at once and says "Saved."', async () => {
    await mount();
    const none = byId<HTMLInputElement>('highlightStyle-none')!;
    none.click();
    await waitFor(() => status() === 'Saved.', 'the status');
    expect(await fakeBrowser.storage.sync.get('pref:highlightStyle')).toEqual({ 'pref:highlightStyle': 'none' });
  });

  it('keeps the last party checked and says why', async () => {
    await fakeBrowser.storage.sync.set({ 'pref:parties': ['ukraine'] });
    await mount();
    const box = byId<HTMLInputElement>('parties-ukraine')!;
    expect(box.checked).toBe(true);
    box.click();
    await waitFor(() => byId('parties-error')?.textContent, 'the message');
    expect(box.checked).toBe(true);
    expect(byId('parties-error')!.textContent).toMatch(/Keep at least one party checked/);
    expect(await fakeBrowser.storage.sync.get('pref:parties')).toEqual({ 'pref:parties': ['ukraine'] });
  });

  it('adds and removes sites, and explains input it cannot use', async () => {
    await mount();
    const input = byId<HTMLInputElement>('new-site')!;
    const form = input.closest('form')!;
    input.value = 'file:///etc/passwd';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    form.requestSubmit();
    await waitFor(() => byId('new-site-error')?.textContent, 'the error');
    expect(byId('new-site-error')!.textContent).toMatch(/is not a web site address/);
    expect(input.getAttribute('aria-invalid')).toBe('true');

    input.value = 'https://Example.org/a/page';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    form.requestSubmit();
    await waitFor(() => byId('site-choice-example.org'), 'the new row');
    // The default mode is "everywhere", so the form offered "off".
    expect(await fakeBrowser.storage.sync.get('site:example.org')).toEqual({ 'site:example.org': 'off' });
    expect(byId('new-site-error')!.textContent).toBe('');

    byId<HTMLButtonElement>('site-remove-example.org')!.click();
    await waitFor(() => container.textContent?.includes('No sites yet.'), 'the empty list');
    expect(await fakeBrowser.storage.sync.get('site:example.org')).toEqual({});
  });

  it('says which change could not be saved, with the storage\'s own words', async () => {
    await mount();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    byId<HTMLInputElement>('paused')!.click();
    await waitFor(() => container.querySelector('.status-error'), 'the status line');
    expect(status()).toBe('Could not save the setting “Pause”: QUOTA_BYTES quota exceeded. Your other settings are unchanged.');
  });

  it('follows changes made in another tab', async () => {
    await mount();
    await fakeBrowser.storage.sync.set({ 'pref:paused': true, 'site:apnews.com': 'on' });
    await waitFor(() => byId<HTMLInputElement>('paused')?.checked, 'the pause switch');
    await waitFor(() => byId('site-choice-apnews.com'), 'the new site');
  });

  it('shows unreadable stored values once', async () => {
    await fakeBrowser.storage.sync.set({ 'pref:highlightStyle': 42, 'pref:markScope': 'every' });
    await mount();
    await waitFor(() => container.textContent?.includes('Some stored settings could not be read'), 'the notice');
    expect(container.textContent).toContain('pref:highlightStyle');
    expect(byId<HTMLInputElement>('markScope-every')!.checked).toBe(true);
    render(null, container);
    await mount();
    expect(container.textContent).not.toContain('Some stored settings could not be read');
  });
});
