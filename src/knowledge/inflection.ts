/**
 * Names and nouns change their endings in Ukrainian, Russian and Polish (Зеленський, Зеленського, Зеленському),
 * and German adds an "s" for the genitive (Selenskyjs). A pack writes each alias once, in its base form, with its
 * language and, where it inflects, the rule it follows; the other forms are generated from these declared rules
 * when the matcher's table is built, never typed by hand. A form no rule gives is listed in the alias's `forms`.
 *
 * A rule removes `strip` from the end of a word and adds the endings of each case (genitive, dative, accusative,
 * instrumental, locative); the nominative is the base form itself. A full name names one rule per word
 * (`"inflect": "soft-masculine-ii surname-in-ov"` for "Сергій Лавров"), and each case puts every word in that case:
 * "Сергія Лаврова", "Сергієм Лавровим". A word that does not change takes "-". French needs no rule: its elision
 * ("d'Ukraine", "l'OTAN") puts an apostrophe before the name, which already ends a word for the matcher.
 */

/** The languages a pack may write names in. */
export const LANGUAGES = ['en', 'uk', 'ru', 'de', 'fr', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in English, for messages and the interface. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  uk: 'Ukrainian',
  ru: 'Russian',
  de: 'German',
  fr: 'French',
  pl: 'Polish',
};

/** The grammatical cases news copy puts names in, besides the nominative (the base form). */
export const CASES = ['gen', 'dat', 'acc', 'ins', 'loc'] as const;
export type Case = (typeof CASES)[number];

export interface InflectionRule {
  /** What the base form must end with, removed before adding an ending. */
  strip: string;
  /**
   * The endings of each case, the usual one first. A case the rule leaves out is written as the base form
   * (German has only its genitive here). Cases line up across the words of a full name: "Сергія Лаврова" is the
   * genitive of both words.
   */
  cases: Readonly<Partial<Record<Case, readonly string[]>>>;
  /** What the rule is for, with an example; shown by the pack checker when a rule does not fit. */
  example: string;
}

/** The rule name for a word of a full name that does not change ("Марко Рубіо", "Урсула фон дер Ляєн"). */
export const UNCHANGED = '-';

const rule = (strip: string, example: string, gen: string[], dat: string[], acc: string[], ins: string[], loc: string[]): InflectionRule => ({
  strip,
  cases: { gen, dat, acc, ins, loc },
  example,
});

export const INFLECTION_RULES: Readonly<Partial<Record<Language, Readonly<Record<string, InflectionRule>>>>> = {
  uk: {
    'adjective-masculine': rule('ий', 'Зеленський → Зеленського', ['ого'], ['ому'], ['ого'], ['им'], ['ому', 'ім']),
    'hard-masculine': rule('', 'Трамп → Трампа', ['а'], ['у', 'ові'], ['а'], ['ом'], ['і', 'ові']),
    // Surnames in -ін, -ов, -ев: Путін, Лавров, Пєсков (instrumental -им).
    'surname-in-ov': rule('', 'Лавров → Лавровим', ['а'], ['у', 'ові'], ['а'], ['им'], ['і', 'ові']),
    // Сергій, Андрій, Юрій.
    'soft-masculine-ii': rule('й', 'Сергій → Сергія', ['я'], ['ю', 'єві'], ['я'], ['єм'], ['ї', 'єві']),
    // Дмитро, Марко, Петро.
    'o-masculine': rule('о', 'Дмитро → Дмитра', ['а'], ['у', 'ові'], ['а'], ['ом'], ['і', 'ові']),
    'feminine-a': rule('а', 'Україна → України', ['и'], ['і'], ['у'], ['ою'], ['і']),
    // After a vowel (Росія, Італія, комісія); after a consonant the ending is -і (стеля → стелі), written as forms.
    'feminine-ia': rule('я', 'Росія → Росії', ['ї'], ['ї'], ['ю'], ['єю'], ['ї']),
    'neuter-ia': rule('я', "перемир'я → перемир'ям", ['я'], ['ю'], ['я'], ['ям'], ['ї']),
    'plural-ii': rule('ї', 'санкції → санкцій', ['й'], ['ям'], ['ї'], ['ями'], ['ях']),
    // Stems in -к, -г, -х (locative -у, never -і): Туск, Єрмак, Фрідріх, Донецьк.
    'velar-masculine': rule('', 'Туск → Тускові', ['а'], ['у', 'ові'], ['а'], ['ом'], ['у', 'ові']),
    // Stems in -ь: Шмигаль, Еммануель.
    'soft-masculine': rule('ь', 'Шмигаль → Шмигаля', ['я'], ['ю', 'еві'], ['я'], ['ем'], ['і', 'еві']),
    // Things, not people: the accusative is the nominative (мирний план, воєнний стан), the genitive of a noun -у.
    'adjective-masculine-inanimate': rule('ий', 'мирний → мирного', ['ого'], ['ому'], ['ий'], ['им'], ['ому', 'ім']),
    'hard-masculine-inanimate': rule('', 'план → плану', ['у'], ['у', 'ові'], [''], ['ом'], ['і', 'у']),
    // Adjectives, and feminine surnames that decline like them: Саудівська, Захарова, Стефанішина.
    'adjective-feminine': rule('а', 'Захарова → Захарової', ['ої'], ['ій'], ['у'], ['ою'], ['ій']),
    // Nouns in -га and -ка change the consonant before -і: Сибіга → Сибізі, Ольга → Ользі, сварка → сварці.
    'feminine-ga': rule('га', 'Сибіга → Сибізі', ['ги'], ['зі'], ['гу'], ['гою'], ['зі']),
    'feminine-ka': rule('ка', 'сварка → сварці', ['ки'], ['ці'], ['ку'], ['кою'], ['ці']),
    'adjective-neuter': rule('е', 'енергетичне → енергетичного', ['ого'], ['ому'], ['е'], ['им'], ['ому', 'ім']),
    // Plurals in -и (переговори, вибори, Емірати) and plural adjectives (окуповані, Об'єднані).
    'plural-y': rule('и', 'переговори → переговорів', ['ів'], ['ам'], ['и'], ['ами'], ['ах']),
    'adjective-plural': rule('і', 'окуповані → окупованих', ['их'], ['им'], ['і'], ['ими'], ['их']),
  },
  ru: {
    'adjective-masculine': rule('ий', 'Зеленский → Зеленского', ['ого'], ['ому'], ['ого'], ['им'], ['ом']),
    'hard-masculine': rule('', 'Трамп → Трампа', ['а'], ['у'], ['а'], ['ом'], ['е']),
    // Surnames in -ин, -ов, -ев: Путин, Лавров, Песков (instrumental -ым).
    'surname-in-ov': rule('', 'Путин → Путиным', ['а'], ['у'], ['а'], ['ым'], ['е']),
    // Сергей, Андрей.
    'soft-masculine-ei': rule('й', 'Сергей → Сергея', ['я'], ['ю'], ['я'], ['ем'], ['е']),
    // Юрий, Дмитрий (locative -ии).
    'soft-masculine-ii': rule('й', 'Дмитрий → Дмитрия', ['я'], ['ю'], ['я'], ['ем'], ['и']),
    'feminine-a': rule('а', 'Украина → Украины', ['ы'], ['е'], ['у'], ['ой'], ['е']),
    'feminine-ia': rule('я', 'Россия → России', ['и'], ['и'], ['ю'], ['ей'], ['и']),
    'neuter-ie': rule('е', 'перемирие → перемирия', ['я'], ['ю'], ['е'], ['ем'], ['и']),
    'plural-ii': rule('и', 'санкции → санкций', ['й'], ['ям'], ['и'], ['ями'], ['ях']),
    // Stems in -ц, -ж, -ш, -ч with an unstressed ending (instrumental -ем): Мерц, Шольц, Уолтц.
    'sibilant-masculine': rule('', 'Мерц → Мерцем', ['а'], ['у'], ['а'], ['ем'], ['е']),
    // Stems in -ь: Шмыгаль, Эммануэль, Игорь.
    'soft-masculine': rule('ь', 'Шмыгаль → Шмыгаля', ['я'], ['ю'], ['я'], ['ем'], ['е']),
    // Things, not people: the accusative is the nominative (мирный план, теневой флот).
    'hard-masculine-inanimate': rule('', 'план → плана', ['а'], ['у'], [''], ['ом'], ['е']),
    'adjective-masculine-inanimate': rule('ый', 'мирный → мирного', ['ого'], ['ому'], ['ый'], ['ым'], ['ом']),
    // -ой and -ое after a stem not in -к, -г, -х (those take -им: морским, другим): теневой, военное.
    'adjective-oi-inanimate': rule('ой', 'теневой → теневого', ['ого'], ['ому'], ['ой'], ['ым'], ['ом']),
    'adjective-ii-inanimate': rule('ий', 'Лондонский → Лондонского', ['ого'], ['ому'], ['ий'], ['им'], ['ом']),
    'adjective-neuter': rule('ое', 'военное → военного', ['ого'], ['ому'], ['ое'], ['ым'], ['ом']),
    'adjective-feminine': rule('ая', 'Саудовская → Саудовской', ['ой'], ['ой'], ['ую'], ['ой'], ['ой']),
    // Feminine surnames in -ова, -ева, -ина: Захарова, Стефанишина.
    'surname-in-ova': rule('а', 'Захарова → Захаровой', ['ой'], ['ой'], ['у'], ['ой'], ['ой']),
    // Nouns in -ка, -га, -ха (genitive -и): сделка, Ольга, Сибига.
    'feminine-velar': rule('а', 'сделка → сделки', ['и'], ['е'], ['у'], ['ой'], ['е']),
    // Plurals in -ы (переговоры, выборы, Эмираты) and plural adjectives (оккупированные, Арабские).
    'plural-y': rule('ы', 'переговоры → переговоров', ['ов'], ['ам'], ['ы'], ['ами'], ['ах']),
    'adjective-plural': rule('е', 'оккупированные → оккупированных', ['х'], ['м'], ['е'], ['ми'], ['х']),
  },
  pl: {
    'adjective-masculine': rule('i', 'Zełenski → Zełenskiego', ['iego'], ['iemu'], ['iego'], ['im'], ['im']),
    // Putin, Trump, Ławrow (locative -ie).
    'hard-masculine': rule('', 'Putin → Putina', ['a'], ['owi'], ['a'], ['em'], ['ie']),
    // Stems in -r: Władimir, Wołodymyr, Starmer (locative -ze).
    'hard-masculine-r': rule('', 'Władimir → Władimirze', ['a'], ['owi'], ['a'], ['em'], ['ze']),
    // Stems in -j: Siergiej, Andrij (locative -u).
    'soft-masculine-j': rule('', 'Siergiej → Siergieja', ['a'], ['owi'], ['a'], ['em'], ['u']),
    'feminine-a': rule('a', 'Ukraina → Ukrainy', ['y'], ['ie'], ['ę'], ['ą'], ['ie']),
    'feminine-ja': rule('a', 'Rosja → Rosji', ['i'], ['i'], ['ę'], ['ą'], ['i']),
    'plural-je': rule('e', 'sankcje → sankcji', ['i'], ['om'], ['e'], ['ami'], ['ach']),
    // Stems in -k, -g (instrumental -iem, locative -u): Tusk, Jermak, Kellogg, Mark.
    'velar-masculine': rule('', 'Tusk → Tuskiem', ['a'], ['owi'], ['a'], ['iem'], ['u']),
    // Stems in -l, -z, -ch (locative -u): Merz, Scholz, Szmyhal, Emmanuel, Friedrich.
    'soft-masculine': rule('', 'Merz → Merzu', ['a'], ['owi'], ['a'], ['em'], ['u']),
    // Stems in -d and -t change before the locative -e: Donald → Donaldzie, Bessent → Bessencie.
    'hard-masculine-d': rule('d', 'Donald → Donaldzie', ['da'], ['dowi'], ['da'], ['dem'], ['dzie']),
    'hard-masculine-t': rule('t', 'Bessent → Bessencie', ['ta'], ['towi'], ['ta'], ['tem'], ['cie']),
    // Adjectives, and feminine surnames that decline like them: Zacharowa, pokojowa, zbożowa.
    'adjective-feminine': rule('a', 'Zacharowa → Zacharowej', ['ej'], ['ej'], ['ą'], ['ą'], ['ej']),
    // Adjectives in -ka (-kiej, never -kej): Saudyjska, Europejska, Wielka.
    'adjective-feminine-ka': rule('ka', 'Saudyjska → Saudyjskiej', ['kiej'], ['kiej'], ['ką'], ['ką'], ['kiej']),
  },
  de: {
    genitive: { strip: '', cases: { gen: ['s'] }, example: 'Selenskyj → Selenskyjs' },
    'genitive-es': { strip: '', cases: { gen: ['s', 'es'] }, example: 'Waffenstillstand → Waffenstillstandes' },
  },
};

/** The languages a pack names things in, in the order of LANGUAGES: those whose pages it reads. English always. */
export function languagesOf(pack: { actors: readonly Named[]; topics: readonly Named[]; events: readonly Named[] }): Language[] {
  const named = new Set<string>(['en']);
  for (const item of [...pack.actors, ...pack.topics, ...pack.events]) for (const alias of item.aliases) named.add(alias.lang ?? 'en');
  return LANGUAGES.filter((language) => named.has(language));
}
/** An actor, topic or event, as far as its names go. */
type Named = { aliases: readonly AliasForms[] };
type AliasForms = { text: string; lang?: Language; inflect?: string; forms?: readonly string[] };

/** How many aliases a pack writes in each language, and how many forms the matcher gets from them. */
export function aliasCounts(pack: { actors: readonly Named[]; topics: readonly Named[]; events: readonly Named[] }): Record<Language, { aliases: number; forms: number }> {
  const counts = Object.fromEntries(LANGUAGES.map((language) => [language, { aliases: 0, forms: 0 }])) as Record<Language, { aliases: number; forms: number }>;
  for (const item of [...pack.actors, ...pack.topics, ...pack.events]) {
    for (const alias of item.aliases) {
      const count = counts[alias.lang ?? 'en'];
      count.aliases++;
      count.forms += formsOf(alias).length;
    }
  }
  return counts;
}

/** The rule an alias names, or undefined when its language has no such rule. */
export function inflectionRule(language: Language, rule: string): InflectionRule | undefined {
  const rules = INFLECTION_RULES[language];
  return rules && Object.hasOwn(rules, rule) ? rules[rule] : undefined;
}

/** The rule names of `inflect`, one per word of the alias ("o-masculine -" for "Марко Рубіо"). */
export const ruleNames = (inflect: string) => inflect.split(' ');

/**
 * Every form of a name, the base form first: for each case, each word in that case (a word's rule must fit it: the
 * word ends with the rule's `strip`, and there is one rule per word; the pack checker says so when not), then the
 * listed forms. Each form once.
 */
export function formsOf(alias: AliasForms): string[] {
  const forms = [alias.text];
  const words = alias.text.split(' ');
  const names = alias.inflect ? ruleNames(alias.inflect) : [];
  const rules = names.map((name) => (name === UNCHANGED ? null : inflectionRule(alias.lang ?? 'en', name)));
  const fits = names.length === words.length && rules.every((r, i) => r !== undefined && (r === null || words[i]!.endsWith(r.strip)));
  if (alias.inflect && fits) {
    for (const grammaticalCase of CASES) {
      // Each word's endings in this case; a word without one stays as written.
      let variants = [''];
      words.forEach((word, i) => {
        const r = rules[i];
        const endings = r?.cases[grammaticalCase];
        const written = r && endings ? endings.map((ending) => word.slice(0, word.length - r.strip.length) + ending) : [word];
        variants = variants.flatMap((before) => written.map((form) => (before ? `${before} ${form}` : form)));
      });
      forms.push(...variants);
    }
  }
  for (const form of alias.forms ?? []) forms.push(form);
  return [...new Set(forms)];
}
