import { describe, expect, it } from 'vitest';
import { ABANDON_MS, DWELL_MS, HoverMachine } from '../../src/overlay/hover-machine';

/** A machine with a hand-driven clock, recording what it asks the card to do. */
function machine() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextId = 1;
  const log: string[] = [];
  const m = new HoverMachine<{ key: string }>({
    setTimer: (fn, ms) => {
      timers.set(nextId, { at: now + ms, fn });
      return nextId++;
    },
    clearTimer: (id) => void timers.delete(id),
    onOpen: (target, _token, how) => log.push(`open ${target.key} ${how}`),
    onClose: (reason) => log.push(`close ${reason}`),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at))
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
  };
  return { m, log, advance };
}

const A = { key: 'A' };
const B = { key: 'B' };

describe('the hover state machine', () => {
  it('opens after the dwell delay, not before', () => {
    const { m, log, advance } = machine();
    m.pointerOver(A);
    advance(DWELL_MS - 1);
    expect(log).toEqual([]);
    advance(1);
    expect(log).toEqual(['open A pointer']);
  });

  it('opens nothing for a pointer that only passes over a mark', () => {
    const { m, log, advance } = machine();
    m.pointerOver(A);
    advance(DWELL_MS / 2);
    m.pointerOver(null);
    advance(DWELL_MS * 2);
    expect(log).toEqual([]);
  });

  it('keeps the card while the pointer crosses into it, and closes it when abandoned', () => {
    const { m, log, advance } = machine();
    m.pointerOver(A);
    advance(DWELL_MS);
    m.pointerOver(null);
    advance(ABANDON_MS / 2);
    m.pointerInCard(true);
    advance(ABANDON_MS * 2);
    expect(log).toEqual(['open A pointer']);
    m.pointerInCard(false);
    advance(ABANDON_MS);
    expect(log).toEqual(['open A pointer', 'close abandon']);
  });

  it('never leaves a card on screen when the pointer moves to another mark and away again', () => {
    const { m, log, advance } = machine();
    m.pointerOver(A);
    advance(DWELL_MS);
    m.pointerOver(B);
    advance(DWELL_MS / 2);
    m.pointerOver(null);
    advance(DWELL_MS * 2);
    expect(log).toEqual(['open A pointer', 'close abandon']);
    expect(m.state.kind).toBe('idle');
  });

  it('a pinned card ignores the pointer and closes on Escape', () => {
    const { m, log, advance } = machine();
    m.openNow(A, 'keyboard');
    m.togglePin();
    m.pointerOver(B);
    m.pointerOver(null);
    advance(ABANDON_MS * 3);
    expect(log).toEqual(['open A keyboard']);
    expect(m.escape()).toBe(true);
    expect(log).toEqual(['open A keyboard', 'close escape']);
    expect(m.escape()).toBe(false);
  });

  it('gives every target a new token, so a late card model for an old one is dropped', () => {
    const { m, advance } = machine();
    m.pointerOver(A);
    advance(DWELL_MS);
    const first = m.state.kind === 'open' ? m.state.token : -1;
    m.openNow(B, 'pointer');
    expect(m.isCurrent(first)).toBe(false);
    expect(m.state.kind === 'open' && m.isCurrent(m.state.token)).toBe(true);
  });
});
