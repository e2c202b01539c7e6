import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/matcher/find-mentions';
import { addToTally, isRelevant, newTally } from '../../src/matcher/relevance';
import { matcherFor, miniPack } from '../helpers/packs';

const matcher = matcherFor(miniPack());
const relevant = (text: string) => {
  const tally = newTally();
  addToTally(tally, matcher, findMentions(matcher, text));
  return isRelevant(tally);
};

describe('page relevance', () => {
  it.each([
    ['Zelensky met officials in Kyiv as Russia pressed its demands.', true],
    ['Putin and Lavrov said the Riyadh talks went well.', true],
    // Generic words and names that also appear in other stories do not count.
    ['Trump said the ceasefire in Gaza holds; the truce, the ceasefire and the minerals are all fine.', false],
    ['Trump and Washington agreed; the US and the EU said so.', false],
    // Three mentions of one core entity are not enough: two different ones are needed.
    ['Russia, Russia, Russia.', false],
    ['Russia was mentioned once in a story about Kyiv.', false],
  ])('%j → %s', (text, expected) => {
    expect(relevant(text)).toBe(expected);
  });
});
