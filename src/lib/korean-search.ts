/**
 * Korean search terms as Pagefind needs them. Korean writes particles onto the word (`컨테이너를`,
 * `파드의`) and spaces compounds freely (`셀프 힐링` / `셀프힐링`); Pagefind splits words on spaces and
 * matches a query word as a prefix of an indexed word. So a query is normalised before it is sent:
 * each Hangul word loses a trailing particle (`컨테이너를` → `컨테이너`, which prefix-matches
 * `컨테이너가`, `컨테이너는`, …), and runs of short Hangul words are joined (`셀프 힐링` → `셀프힐링`),
 * because in the lessons such compounds are usually written together (`셀프힐링`). The index is
 * Pagefind's own: prefix matching already finds a stem inside a word with a particle.
 */

// Longest first, so `에서는` is stripped before `는`. Only particles that cannot end a noun stem
// of two or more syllables are listed (so `파드` keeps its `드`).
const PARTICLES = [
  '으로부터', '에서부터', '에게서', '한테서', '으로서', '으로써', '에서는', '에서도', '에서의', '이라는', '이라고',
  '에서', '에게', '한테', '께서', '부터', '까지', '마다', '처럼', '보다', '으로', '로서', '로써', '이나', '이랑', '라는', '라고', '에는', '에도', '에의', '와는', '과는', '만큼',
  '을', '를', '은', '는', '이', '가', '의', '에', '로', '와', '과', '도', '만', '랑',
];

const HANGUL_WORD = /^[\uAC00-\uD7A3]+$/;

/** `컨테이너를` → `컨테이너`; words of one or two syllables keep their last syllable unless it is a clear particle. */
export function stripParticle(word: string): string {
  if (!HANGUL_WORD.test(word)) return word;
  for (const particle of PARTICLES) {
    if (word.length > particle.length + 1 && word.endsWith(particle)) return word.slice(0, -particle.length);
  }
  return word;
}

/** Hangul compounds of short parts read as one word: `셀프 힐링` → `셀프힐링` (each part ≤ 3 syllables). */
function joinShortHangulRuns(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const previous = out[out.length - 1];
    if (previous && HANGUL_WORD.test(previous) && HANGUL_WORD.test(word) && previous.length <= 3 && word.length <= 3) out[out.length - 1] = previous + word;
    else out.push(word);
  }
  return out;
}

/** What the search box sends to Pagefind for what the learner typed. */
export function normalizeKoreanQuery(query: string): string {
  const words = query.trim().split(/\s+/).filter(Boolean).map(stripParticle);
  return joinShortHangulRuns(words).join(' ');
}
