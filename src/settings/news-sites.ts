/** The news sites the "only on news sites" mode covers: outlets our readers use for this story. Subdomains included. */
export const NEWS_SITES: ReadonlySet<string> = new Set([
  'reuters.com', 'apnews.com', 'bbc.com', 'bbc.co.uk', 'kyivindependent.com', 'pravda.com.ua', 'interfax.com.ua',
  'kyivpost.com', 'politico.com', 'politico.eu', 'nytimes.com', 'washingtonpost.com', 'theguardian.com', 'ft.com',
  'economist.com', 'bloomberg.com', 'wsj.com', 'cnn.com', 'npr.org', 'dw.com', 'france24.com', 'euronews.com',
  'aljazeera.com', 'lemonde.fr', 'spiegel.de', 'theatlantic.com', 'axios.com', 'themoscowtimes.com', 'meduza.io',
  'rferl.org', 'euromaidanpress.com', 'ukrinform.net', 'nbcnews.com', 'cbsnews.com', 'abcnews.go.com', 'pbs.org',
  'foreignpolicy.com', 'foreignaffairs.com', 'irishtimes.com', 'independent.co.uk', 'telegraph.co.uk', 'thetimes.co.uk',
  'news.sky.com', 'lefigaro.fr', 'faz.net', 'zeit.de', 'corriere.it', 'elpais.com', 'nzz.ch', 'yahoo.com',
]);
