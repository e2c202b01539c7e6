/**
 * Knowledge packs will become importable by users, so a pack is untrusted input: each hostile shape is either
 * rejected by validation with a clear message, or rendered as plain text.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/cards/card-model';
import { indexPack } from '../../src/knowledge/pack-index';
import type { Pack } from '../../src/knowledge/schema';
import { PACK_LIMITS, validatePack, validatePackText } from '../../src/knowledge/validate';
import { CardBody } from '../../src/ui/CardBody';
import { miniPack } from '../helpers/packs';
import { ENGLISH } from '../../src/i18n/messages';

const problems = (pack: unknown) => {
  const result = validatePack(pack);
  return result.ok ? [] : result.problems;
};

describe('hostile packs', () => {
  it('renders markup in strings as text, never as elements', () => {
    const pack = miniPack();
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    pack.topics[0]!.definition = payload;
    pack.stances[0]!.position = payload;
    expect(validatePack(pack).ok).toBe(true);
    const model = buildCardModel(indexPack(pack), 'ceasefire')!;
    const host = document.createElement('div');
    render(<CardBody t={ENGLISH} model={model} onShowEarlier={() => undefined} earlierWhere="popup" />, host);
    expect(host.querySelectorAll('img, script').length).toBe(0);
    expect([...host.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? ''))).toBe(true);
    expect(host.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', '//evil.example/x'])(
    'rejects the source URL %s',
    (url) => {
      const pack = miniPack();
      pack.sources[0]!.url = url;
      expect(problems(pack).find((p) => p.path === '$.sources[0].url')?.message).toMatch(/URL|http/);
    },
  );

  it('never renders a link that is not http(s), even from a model built elsewhere', () => {
    const model = buildCardModel(indexPack(miniPack()), 'riyadh-talks')!;
    model.sources[0] = { ...model.sources[0]!, url: 'javascript:alert(1)' };
    const host = document.createElement('div');
    render(<CardBody t={ENGLISH} model={model} onShowEarlier={() => undefined} earlierWhere="popup" />, host);
    expect([...host.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => h !== null && !/^https?:/.test(h))).toEqual([]);
  });

  it('rejects huge strings with the limit in the message', () => {
    const pack = miniPack();
    pack.events[0]!.summary = 'x'.repeat(1_000_000);
    expect(problems(pack)).toContainEqual({ path: '$.events[0].summary', message: 'is longer than 2,000 characters' });
  });

  it('rejects deep nesting without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const pack = { ...miniPack(), extra: deep } as unknown as Pack;
    expect(problems(pack)).toContainEqual({ path: '$.extra', message: 'is not a field of this object (check the spelling)' });
    const text = '['.repeat(200_000) + ']'.repeat(200_000);
    const result = validatePackText(text);
    expect(result.ok).toBe(false);
  });

  it('rejects 10,000 aliases, naming the limit', () => {
    const pack = miniPack();
    pack.topics.push(
      ...Array.from({ length: 250 }, (_, i) => ({
        ...pack.topics[1]!,
        id: `synthetic-${i}`,
        aliases: Array.from({ length: 40 }, (_, j) => ({ text: `Synthetic topic ${i} alias ${j}`, case: 'any' as const })),
      })),
    );
    const found = problems(pack);
    expect(found).toContainEqual({ path: '$', message: expect.stringMatching(new RegExp(`at most ${PACK_LIMITS.aliases} are allowed`)) });
  });

  it('rejects ids that differ only in case or Unicode form (ids are lowercase ASCII)', () => {
    for (const id of ['Zelensky', 'ｚelensky', 'zelenskу' /* Cyrillic у */, 'zele\u0301nsky']) {
      const pack = miniPack();
      pack.actors[4]!.id = id;
      expect(problems(pack).some((p) => p.path === '$.actors[4].id')).toBe(true);
    }
  });

  it('treats aliases that differ only in Unicode form or apostrophe as the same alias', () => {
    const pack = miniPack();
    // Fullwidth letters normalise (NFKC) to the same text as "Putin".
    pack.actors[4]!.aliases.push({ text: 'Ｐｕｔｉｎ', case: 'proper' });
    expect(problems(pack).find((p) => p.path === '$.actors[5].aliases[0].text')?.message).toMatch(/collides/);
  });
});
