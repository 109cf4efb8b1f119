import en from '../../../i18n/en.json' with { type: 'json' };
import ko from '../../../i18n/ko.json' with { type: 'json' };

/** UI strings are flat JSON per language (`quiz.check`: "확인"), shared by compiler, site and client. */
export type Locale = 'ko' | 'en';
export type MessageKey = keyof typeof ko;

const catalogs: Record<Locale, Record<MessageKey, string>> = { ko, en };

/** Looks a key up and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in ko;
}

/** Every key of the catalogue (the quiz renders its `quiz.*` strings into the page). */
export function catalogueKeys(): MessageKey[] {
  return Object.keys(ko) as MessageKey[];
}
