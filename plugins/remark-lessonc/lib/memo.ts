/**
 * A memo by text key, bounded by the characters of the keys it holds: past `maxChars` it starts
 * again empty (lessons repeat snippets, so a recent key is the likely next hit; no LRU bookkeeping).
 */
export interface TextMemo<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

export function textMemo<V>(maxChars: number): TextMemo<V> {
  const entries = new Map<string, V>();
  let chars = 0;
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      if (chars + key.length > maxChars) {
        entries.clear();
        chars = 0;
      }
      entries.set(key, value);
      chars += key.length;
    },
  };
}
