/**
 * Deterministic (seeded) inputs for the benchmark, written as files:
 * - a typical article (~8 KB of text) and a 1 MB page (~2,000 paragraphs, ~16k text nodes, thousands of mentions,
 *   plus code, pre, textarea, contenteditable and script elements that contain aliases and must not be marked);
 * - a page that keeps appending paragraphs with mentions (the resource-bounds run);
 * - a knowledge pack with about ten times the aliases of data/pack.json (synthetic topics, within the pack limits).
 * Pages are HTML strings written to files; nothing here touches a DOM.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pack checker's limits (src/knowledge/validate.ts PACK_LIMITS). */
export const PACK_LIMITS = { aliases: 5000, aliasesPerEntity: 40, entities: 3000 };

/** mulberry32: a small seeded PRNG, so every run sees the same pages. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** Every alias of the pack, with the collection it comes from. */
export function packAliases(pack) {
  const out = [];
  for (const collection of ['actors', 'topics', 'events'])
    for (const item of pack[collection]) for (const alias of item.aliases) out.push({ ...alias, entity: item.id, collection });
  return out;
}

/** The same lookup key as src/matcher/normalize.ts aliasKey (close enough for collision checks here). */
const keyOf = (text) =>
  text
    .normalize('NFKC')
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2019\u2018\u02BC\u2032]/g, "'")
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

// Neutral filler vocabulary: none of these is an alias of the pack (checked below).
const FILLER = (
  'the a an of and or but with for from into over under after before during while since about across against ' +
  'officials observers analysts reporters diplomats delegates ministers advisers negotiators economists lawyers ' +
  'said noted added argued warned suggested confirmed denied repeated insisted explained believed expected ' +
  'morning afternoon evening week month year season quarter hour minute day night weekend ' +
  'proposal document draft statement report letter memo briefing agenda schedule timetable framework annex ' +
  'meeting session round visit trip call exchange review hearing debate conference dinner ' +
  'new old early late final first second third several many few most some other further additional possible ' +
  'important difficult careful quiet public private formal informal detailed brief long short broad narrow ' +
  'government parliament committee office ministry delegation embassy agency court council team staff ' +
  'question answer issue matter point detail step process position view concern interest demand request offer ' +
  'price market trade energy grain ports roads rail bridges power water budget loans bonds banks companies ' +
  'could would should might must will may can did does had has was were is are been being ' +
  'still again already soon later then now today yesterday tomorrow recently previously eventually ' +
  'there here where when which who whose what how why because although though unless until ' +
  'people citizens voters families workers farmers soldiers volunteers teachers doctors engineers ' +
  'region city town village province district border coast river valley field plant station harbour'
).split(/\s+/);

/**
 * Ukrainian filler for the 1 MB Ukrainian page: everyday words of news copy, none of them a name in the pack. The
 * pack's Ukrainian aliases are mixed in as they are written (base forms); the matcher has every form compiled.
 */
const UK_FILLER = (
  'і та але або що як коли де який яка яке які цей ця це ці той та те ті свій своя своє свої весь вся все всі ' +
  'уряд парламент комітет міністерство делегація посольство агентство суд рада команда працівники ' +
  'питання відповідь справа пункт деталь крок процес позиція погляд інтерес вимога запит пропозиція ' +
  'ціна ринок торгівля енергія зерно порти дороги залізниця мости вода бюджет кредити банки компанії ' +
  'новий старий ранній пізній перший другий третій кілька багато мало інший подальший можливий важливий ' +
  'складний обережний тихий публічний приватний формальний детальний короткий довгий широкий вузький ' +
  'міг могла могли має мали був була було були буде будуть є ' +
  'ще знову вже скоро пізніше потім тепер сьогодні вчора завтра нещодавно раніше зрештою ' +
  'тут там звідки коли хто чий чому бо хоча поки доки ' +
  'люди громадяни виборці родини робітники фермери волонтери вчителі лікарі інженери ' +
  'область місто містечко село район кордон узбережжя річка долина поле станція гавань ' +
  'заявив заявила повідомив повідомила сказав сказала зазначив додав підкреслив обговорили домовилися'
).split(/\s+/);

const INLINE_TAGS = ['b', 'i', 'a', 'span', 'em', 'strong'];

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A source of page text in a language (English or Ukrainian): filler words with the pack's aliases in it mixed in. */
function textSource(pack, rand, language = 'en') {
  const aliases = packAliases(pack).filter((a) => (a.lang ?? 'en') === language);
  const keys = new Set(packAliases(pack).map((a) => keyOf(a.text)));
  const filler = (language === 'uk' ? UK_FILLER : FILLER).filter((w) => !keys.has(w));
  const alias = () => {
    const a = rand.pick(aliases);
    // `any` aliases appear in running text in lower case as often as written.
    return a.case === 'any' && rand.chance(0.5) ? a.text.toLowerCase() : a.text;
  };
  /** A sentence of `words` words in which about `mentions` are aliases. */
  const sentence = (words, mentions) => {
    const tokens = [];
    for (let i = 0; i < words; i++) tokens.push(rand.pick(filler));
    for (let m = 0; m < mentions; m++) tokens.splice(1 + rand.int(tokens.length), 0, alias());
    tokens[0] = tokens[0][0].toUpperCase() + tokens[0].slice(1);
    return tokens;
  };
  return { alias, sentence, filler };
}

/**
 * One paragraph of about `chars` characters of text, with `inline` inline elements (so its text is split into
 * about 2 × inline + 1 text nodes) and about `mentions` aliases. Returns HTML and its text length.
 */
function paragraph(src, rand, { chars, inline, mentions }) {
  const tokens = [];
  let length = 0;
  let placed = 0;
  while (length < chars) {
    const words = 8 + rand.int(9);
    const want = placed < mentions ? Math.min(mentions - placed, 1 + rand.int(2)) : 0;
    const s = src.sentence(words, want);
    placed += want;
    s[s.length - 1] += '.';
    tokens.push(...s);
    length += s.join(' ').length + 1;
  }
  // Wrap `inline` disjoint runs of 1–3 tokens (never the first token) in inline elements.
  const starts = new Set();
  const slots = Math.max(1, Math.floor((tokens.length - 1) / Math.max(1, inline)));
  for (let k = 0; k < inline; k++) starts.add(1 + k * slots + rand.int(Math.max(1, slots - 3)));
  const parts = [];
  for (let i = 0; i < tokens.length; i++) {
    if (starts.has(i) && i < tokens.length - 1) {
      const n = Math.min(1 + rand.int(3), tokens.length - 1 - i);
      const tag = rand.pick(INLINE_TAGS);
      const inner = escapeHtml(tokens.slice(i, i + n).join(' '));
      parts.push(tag === 'a' ? `<a href="#n${i}">${inner}</a>` : `<${tag}>${inner}</${tag}>`);
      i += n - 1;
    } else parts.push(escapeHtml(tokens[i]));
  }
  return { html: parts.join(' '), text: length };
}

/** Elements the extension must never mark, each holding aliases. */
function excludedBlock(src, rand, k) {
  const words = () => src.sentence(10, 3).join(' ');
  switch (k % 6) {
    case 0:
      return `<pre>${escapeHtml(words())}\n${escapeHtml(words())}</pre>`;
    case 1:
      return `<p>Example query: <code>${escapeHtml(words())}</code> in the archive.</p>`;
    case 2:
      return `<p><textarea rows="2" cols="60">${escapeHtml(words())}</textarea></p>`;
    case 3:
      return `<div contenteditable="true"><p>${escapeHtml(words())}</p></div>`;
    case 4:
      return `<script type="text/plain">${escapeHtml(words())}</script>`;
    default:
      return `<p hidden>${escapeHtml(words())}</p>`;
  }
}

function page(title, body, language = 'en') {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem}pre,code{font-size:.9em}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A typical news article: ~8 KB of text, a dozen paragraphs, one excluded code sample and one pre block. */
export function typicalArticle(pack, seed = 1) {
  const rand = prng(seed);
  const src = textSource(pack, rand);
  const blocks = [`<article><h1>${escapeHtml(src.sentence(6, 1).join(' '))}</h1>`, `<p class="byline">By <span>Staff reporters</span>, <time>2025-11-24</time></p>`];
  let text = 0;
  let i = 0;
  while (text < 8000) {
    const p = paragraph(src, rand, { chars: 520 + rand.int(120), inline: 3 + rand.int(2), mentions: 3 + rand.int(3) });
    blocks.push(`<p>${p.html}</p>`);
    text += p.text;
    if (++i === 5) blocks.push(excludedBlock(src, rand, 1));
    if (i === 9) blocks.push(excludedBlock(src, rand, 0));
  }
  blocks.push('</article>');
  return page('Typical article', blocks.join('\n'));
}

/**
 * A 1 MB page: ~2,000 paragraphs of ~400 characters, ~3.5 inline elements each (~16k text nodes), ~2 mentions per
 * paragraph (thousands in all, below the content script's MAX_MARKS so every node is scanned), and an excluded
 * element with aliases every 25 paragraphs.
 */
export function bigPage(pack, seed = 2, targetBytes = 1_000_000, language = 'en') {
  const rand = prng(seed);
  const src = textSource(pack, rand, language);
  const blocks = [`<h1>${escapeHtml(src.sentence(6, 1).join(' '))}</h1>`];
  let bytes = 600;
  let k = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const p = paragraph(src, rand, { chars: 330 + rand.int(80), inline: 3 + rand.int(2), mentions: 2 });
    const html = i % 40 === 0 ? `<h2>${escapeHtml(src.sentence(5, 1).join(' '))}</h2>\n<p>${p.html}</p>` : `<p>${p.html}</p>`;
    blocks.push(html);
    bytes += Buffer.byteLength(html) + 1;
    if (i % 25 === 24) {
      const x = excludedBlock(src, rand, k++);
      blocks.push(x);
      bytes += Buffer.byteLength(x) + 1;
    }
  }
  return page('Large page', blocks.join('\n'), language);
}

/**
 * A live page that appends paragraphs with mentions: `?n=20&every=100&seconds=20` (query parameters) adds n
 * paragraphs every `every` ms for `seconds` s, cycling through pre-generated paragraphs. The paragraphs travel as
 * JSON in a non-executed script element and are built with DOM methods. `window.__growDone` turns true at the end.
 */
export function growingPage(pack, seed = 3, distinct = 600) {
  const rand = prng(seed);
  const src = textSource(pack, rand);
  const paragraphs = [];
  for (let i = 0; i < distinct; i++) {
    // [[tag|null, text], ...]: plain text runs and inline elements.
    const segs = [];
    for (let s = 0; s < 3; s++) {
      segs.push([null, src.sentence(6 + rand.int(6), 1).join(' ') + '. ']);
      segs.push([rand.pick(['b', 'i', 'span']), src.sentence(2, rand.chance(0.5) ? 1 : 0).join(' ')]);
    }
    segs.push([null, '.']);
    paragraphs.push(segs);
  }
  const json = JSON.stringify(paragraphs).replace(/</g, '\\u003c');
  const script = `
(() => {
  const q = new URLSearchParams(location.search);
  const n = Number(q.get('n') ?? 20), every = Number(q.get('every') ?? 100), seconds = Number(q.get('seconds') ?? 20);
  const data = JSON.parse(document.getElementById('paragraphs').textContent);
  const feed = document.getElementById('feed');
  let next = 0;
  window.__growDone = false;
  window.__growAdded = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - started >= seconds * 1000) { clearInterval(timer); window.__growDone = true; return; }
    const frag = document.createDocumentFragment();
    for (let k = 0; k < n; k++) {
      const p = document.createElement('p');
      for (const [tag, text] of data[next++ % data.length]) {
        if (tag) { const el = document.createElement(tag); el.textContent = text; p.append(el); }
        else p.append(text);
      }
      frag.append(p);
    }
    feed.append(frag);
    window.__growAdded += n;
  }, every);
})();`;
  const intro = [1, 2, 3].map(() => `<p>${paragraph(src, rand, { chars: 300, inline: 3, mentions: 3 }).html}</p>`).join('\n');
  return page('Live page', `<h1>Live: the talks, as they happen</h1>\n${intro}\n<div id="feed"></div>\n<script type="application/json" id="paragraphs">${json}</script>\n<script>${script}</script>`);
}

/** A pseudo-word from syllables: varied first letters, so the extra aliases spread over the matcher's trie. */
function pseudoWord(rand) {
  const onset = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'tr', 'ch', 'sh', 'zh', 'vl', 'gr'];
  const vowel = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia', 'y'];
  const coda = ['', '', 'n', 'r', 's', 'k', 'v', 'l', 'sk', 'nt'];
  let w = '';
  const syllables = 2 + rand.int(2);
  for (let s = 0; s < syllables; s++) w += rand.pick(onset) + rand.pick(vowel) + (s === syllables - 1 ? rand.pick(coda) : '');
  return w[0].toUpperCase() + w.slice(1);
}

/**
 * data/pack.json plus synthetic topics whose aliases bring the total to `factor` × the pack's (capped at the
 * pack checker's limit). Synthetic aliases are 1–3 pseudo-words ("Kravonel Drieska") with case `proper`, so they
 * never occur in the generated pages: they cost the matcher branches, as a bigger real pack would, not matches.
 */
export function scaledPack(pack, factor = 10, seed = 4, generatedForms = 0) {
  const rand = prng(seed);
  const base = packAliases(pack).length;
  // The checker's limit counts every form the matcher gets, including those inflection rules generate from the
  // pack's own aliases (`generatedForms`, from pack:check); the synthetic aliases have none.
  const target = Math.min(base * factor, PACK_LIMITS.aliases - generatedForms);
  const perTopic = 30;
  const taken = new Set(packAliases(pack).map((a) => keyOf(a.text)));
  for (const w of FILLER) taken.add(w);
  const source = pack.sources[0].id;
  const asOf = pack.meta.asOf;
  const topics = [];
  let added = 0;
  for (let t = 0; base + added < target; t++) {
    const aliases = [];
    while (aliases.length < perTopic && base + added < target) {
      const words = 1 + rand.int(3);
      const text = Array.from({ length: words }, () => pseudoWord(rand)).join(' ');
      if (text.length > 80 || taken.has(keyOf(text))) continue;
      taken.add(keyOf(text));
      aliases.push({ text, case: 'proper' });
      added++;
    }
    topics.push({
      id: `synthetic-topic-${t + 1}`,
      name: `Synthetic topic ${t + 1}`,
      definition: 'A synthetic topic added by the benchmark to scale the number of aliases.',
      status: { text: 'Synthetic.', date: asOf, sources: [source] },
      keyFacts: [],
      aliases,
      noPublicPosition: ['us', 'ukraine', 'russia', 'europe'],
      sources: [source],
    });
  }
  const scaled = { ...pack, topics: [...pack.topics, ...topics] };
  return { pack: scaled, aliases: base + added, baseAliases: base, factor: (base + added) / base };
}

/**
 * The combined regular expression of the plain-scan and mark.js references: every alias text of the pack, escaped,
 * longest first, joined with |, whole words only, flags giu. No case rules, no normalisation: a plain matcher.
 */
export function combinedRegex(pack) {
  const texts = [...new Set(packAliases(pack).map((a) => a.text))].sort((a, b) => b.length - a.length);
  const body = texts.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  return { source: `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, flags: 'giu' };
}

/** Writes every generated input into `dir`; returns their paths and facts. */
export function generateAll(dir, packPath = 'data/pack.json', generatedForms = 0) {
  mkdirSync(dir, { recursive: true });
  const pack = JSON.parse(readFileSync(packPath, 'utf8'));
  const files = {
    typical: join(dir, 'typical.html'),
    big: join(dir, 'big.html'),
    'big-uk': join(dir, 'big-uk.html'),
    grow: join(dir, 'grow.html'),
    pack10x: join(dir, 'pack-10x.json'),
  };
  writeFileSync(files.typical, typicalArticle(pack));
  writeFileSync(files.big, bigPage(pack));
  writeFileSync(files['big-uk'], bigPage(pack, 4, 1_000_000, 'uk'));
  writeFileSync(files.grow, growingPage(pack));
  const scaled = scaledPack(pack, 10, 4, generatedForms);
  writeFileSync(files.pack10x, JSON.stringify(scaled.pack));
  return { files, pack, scaled: { aliases: scaled.aliases, baseAliases: scaled.baseAliases, factor: scaled.factor } };
}
