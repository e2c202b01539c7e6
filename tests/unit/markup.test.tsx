/**
 * The hover card's body is rendered in the background and rebuilt on the page from plain data (src/ui/markup.ts).
 * What the reader sees must be what the components draw, for every kind of card in the bundled pack, and the data
 * must not be able to carry code onto the page.
 */
import { Fragment, h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { buildCardModel, type CardModel } from '../../src/cards/card-model';
import { entityIds } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { CardBody, hoverCardBody } from '../../src/ui/CardBody';
import { fromMarkup, toMarkup, type Markup } from '../../src/ui/markup';
import { bundledPack, miniPack } from '../helpers/packs';
import { ENGLISH } from '../../src/i18n/messages';

const drawn = (ui: preact.ComponentChild) => {
  const host = document.createElement('div');
  render(ui, host);
  return host;
};
const rebuilt = (markup: Markup[]) => drawn(h(Fragment, null, ...markup.map(fromMarkup)));

describe('card bodies as markup', () => {
  const pack = bundledPack();
  const index = indexPack(pack);
  const models = entityIds(pack)
    .map((id) => buildCardModel(index, id))
    .filter((model): model is CardModel => model !== null);

  it('covers each kind of card the bundled pack has', () => {
    expect(new Set(models.map((m) => m.kind))).toEqual(new Set(['person', 'country', 'organization', 'topic', 'event']));
  });

  it('draws, for every item of the bundled pack, exactly what the components draw', () => {
    for (const model of models) {
      const direct = drawn(<CardBody t={ENGLISH} model={model} earlierWhere="popup" />);
      const viaMarkup = rebuilt(hoverCardBody(model));
      expect(viaMarkup.textContent, model.id).toBe(direct.textContent);
      // Same elements, attributes and text, node for node.
      expect(viaMarkup.isEqualNode(direct), model.id).toBe(true);
    }
  });

  it('survives the trip through a message (JSON) unchanged', () => {
    for (const model of models.slice(0, 20)) {
      const body = hoverCardBody(model);
      expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    }
  });

  it('keeps the button to earlier positions, marked for the card to act on', () => {
    const topic = models.find((m) => m.kind === 'topic' && m.lines.some((line) => line.stances.length > 1))!;
    const host = document.createElement('div');
    render(h(Fragment, null, ...hoverCardBody(topic).map(fromMarkup)), host);
    const buttons = host.querySelectorAll('button[data-action="show-earlier"]');
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons[0]!.textContent).toMatch(/^\d+ earlier positions? in the popup$/);
  });
});

describe('markup is data, never code', () => {
  it('drops functions, objects and empty values from props', () => {
    const markup = toMarkup(
      <p class="x" title={undefined} hidden={false} onClick={() => undefined} style={{ color: 'red' }} data-n={3}>
        text {null} {false} {2}
      </p>,
    );
    expect(markup).toEqual([['p', { class: 'x', hidden: false, 'data-n': 3 }, 'text ', ' ', ' ', '2']]);
  });

  it('drops event-handler attributes and raw HTML that markup from elsewhere might carry', () => {
    const host = document.createElement('div');
    // The attribute names below are what the rule against raw HTML looks for: here they are the attack under test.
    // eslint-disable-next-line no-restricted-syntax
    const hostile: Markup = ['img', { src: 'x', onerror: 'alert(1)', ONLOAD: 'alert(2)', dangerouslySetInnerHTML: '<b>x</b>' } as never, '<script>alert(3)</script>'];
    render(h(Fragment, null, fromMarkup(['p', {}, hostile])), host);
    const img = host.querySelector('img')!;
    expect(img.getAttribute('onerror')).toBeNull();
    expect(img.getAttribute('onload')).toBeNull();
    expect(host.querySelector('b, script')).toBeNull();
    expect(img.textContent).toBe('<script>alert(3)</script>');
  });

  it('renders a hostile pack text as text', () => {
    const pack = miniPack();
    const payload = '<img src=x onerror="alert(1)">';
    pack.topics[0]!.definition = payload;
    const model = buildCardModel(indexPack(pack), pack.topics[0]!.id)!;
    const host = document.createElement('div');
    render(h(Fragment, null, ...hoverCardBody(model).map(fromMarkup)), host);
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain(payload);
  });
});
