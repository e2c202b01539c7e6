/**
 * Names and nouns change their endings in Ukrainian, Russian and Polish (Зеленський, Зеленського, Зеленському),
 * and German adds an "s" for the genitive (Selenskyjs). A pack writes each alias once, in its base form, with its
 * language and, where it inflects, the rule it follows; the other forms are generated from these declared rules
 * when the matcher's table is built, never typed by hand. A form no rule gives is listed in the alias's `forms`.
 *
 * A rule removes `strip` from the end of the base form and adds each of `add` in turn. The cases a rule lists
 * are those a news text uses; the nominative is the base form itself. Rules apply to one word: a full name
 * inflects every word ("Сергій Лавров", "Сергія Лаврова"), so a pack inflects the surname on its own and lists any
 * other form it needs in `forms`. French needs no rule: its elision
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

export interface InflectionRule {
  /** What the base form must end with, removed before adding an ending. */
  strip: string;
  /** The endings of the other forms: genitive, dative, accusative, instrumental, locative, where they differ. */
  add: readonly string[];
  /** What the rule is for, with an example; shown by the pack checker when a rule does not fit. */
  example: string;
}

export const INFLECTION_RULES: Readonly<Partial<Record<Language, Readonly<Record<string, InflectionRule>>>>> = {
  uk: {
    // Зеленський → Зеленського, Зеленському, Зеленським, Зеленськім
    'adjective-masculine': { strip: 'ий', add: ['ого', 'ому', 'им', 'ім'], example: 'Зеленський → Зеленського' },
    // Трамп → Трампа, Трампу, Трампові, Трампом, Трампі
    'hard-masculine': { strip: '', add: ['а', 'у', 'ові', 'ом', 'і'], example: 'Трамп → Трампа' },
    // Путін, Лавров, Пєсков → Путіна, Путіну, Путінові, Путіним, Путіні (surnames in -ін, -ов, -ев: -им)
    'surname-in-ov': { strip: '', add: ['а', 'у', 'ові', 'им', 'і'], example: 'Лавров → Лавровим' },
    // Україна → України, Україні, Україну, Україною
    'feminine-a': { strip: 'а', add: ['и', 'і', 'у', 'ою'], example: 'Україна → України' },
    // Росія → Росії, Росію, Росією
    'feminine-ia': { strip: 'я', add: ['ї', 'ю', 'єю'], example: 'Росія → Росії' },
    // перемирʼя → перемирʼю, перемирʼям
    'neuter-ia': { strip: 'я', add: ['ю', 'ям'], example: "перемир'я → перемир'ям" },
    // санкції → санкцій, санкціям, санкціями, санкціях
    'plural-ii': { strip: 'ї', add: ['й', 'ям', 'ями', 'ях'], example: 'санкції → санкцій' },
  },
  ru: {
    // Зеленский → Зеленского, Зеленскому, Зеленским, Зеленском
    'adjective-masculine': { strip: 'ий', add: ['ого', 'ому', 'им', 'ом'], example: 'Зеленский → Зеленского' },
    // Трамп, Уиткофф → Трампа, Трампу, Трампом, Трампе
    'hard-masculine': { strip: '', add: ['а', 'у', 'ом', 'е'], example: 'Трамп → Трампа' },
    // Путин, Лавров, Песков → Путина, Путину, Путиным, Путине
    'surname-in-ov': { strip: '', add: ['а', 'у', 'ым', 'е'], example: 'Путин → Путиным' },
    // Украина → Украины, Украине, Украину, Украиной
    'feminine-a': { strip: 'а', add: ['ы', 'е', 'у', 'ой'], example: 'Украина → Украины' },
    // Россия → России, Россию, Россией
    'feminine-ia': { strip: 'я', add: ['и', 'ю', 'ей'], example: 'Россия → России' },
    // перемирие → перемирия, перемирию, перемирием, перемирии
    'neuter-ie': { strip: 'е', add: ['я', 'ю', 'ем', 'и'], example: 'перемирие → перемирия' },
    // санкции → санкций, санкциям, санкциями, санкциях
    'plural-ii': { strip: 'и', add: ['й', 'ям', 'ями', 'ях'], example: 'санкции → санкций' },
  },
  pl: {
    // Zełenski → Zełenskiego, Zełenskiemu, Zełenskim
    'adjective-masculine': { strip: 'i', add: ['iego', 'iemu', 'im'], example: 'Zełenski → Zełenskiego' },
    // Putin, Trump → Putina, Putinowi, Putinem, Putinie
    'hard-masculine': { strip: '', add: ['a', 'owi', 'em', 'ie'], example: 'Putin → Putina' },
    // Ukraina → Ukrainy, Ukrainie, Ukrainę, Ukrainą
    'feminine-a': { strip: 'a', add: ['y', 'ie', 'ę', 'ą'], example: 'Ukraina → Ukrainy' },
    // Rosja → Rosji, Rosję, Rosją
    'feminine-ja': { strip: 'a', add: ['i', 'ę', 'ą'], example: 'Rosja → Rosji' },
    // sankcje → sankcji, sankcjom, sankcjami, sankcjach
    'plural-je': { strip: 'e', add: ['i', 'om', 'ami', 'ach'], example: 'sankcje → sankcji' },
  },
  de: {
    // Selenskyj, Waffenstillstand → Selenskyjs, Waffenstillstands
    genitive: { strip: '', add: ['s'], example: 'Selenskyj → Selenskyjs' },
    // Waffenstillstand → Waffenstillstandes (and -s, by the rule above: list both where both are written)
    'genitive-es': { strip: '', add: ['s', 'es'], example: 'Waffenstillstand → Waffenstillstandes' },
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

/**
 * Every form of a name, the base form first: the generated ones (the base form must end with the rule's `strip`;
 * the pack checker says so when it does not), then the listed ones. Each form once.
 */
export function formsOf(alias: AliasForms): string[] {
  const forms = [alias.text];
  const rule = alias.inflect ? inflectionRule(alias.lang ?? 'en', alias.inflect) : undefined;
  if (rule && alias.text.endsWith(rule.strip)) {
    const stem = alias.text.slice(0, alias.text.length - rule.strip.length);
    for (const ending of rule.add) forms.push(stem + ending);
  }
  for (const form of alias.forms ?? []) forms.push(form);
  return [...new Set(forms)];
}
