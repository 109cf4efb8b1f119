import { describe, expect, it } from 'vitest';
import { containsPlaceholder, isPlaceholder, placeholderRanges } from '../plugins/remark-lessonc/lib/placeholder.ts';

describe('placeholders', () => {
  it('recognises every style a note uses', () => {
    for (const text of ['<pod-name>', '{claimName}', '{{ .Values.image }}', '${NAME}', '$NAME', '...', '…', '"<name>"', '<a><b>']) {
      expect(isPlaceholder(text), text).toBe(true);
    }
  });
  it('leaves real values alone', () => {
    for (const text of ['nginx', 'a<b', '{}', '{a: 1}', '$', '80', 'x...y', '']) {
      expect(isPlaceholder(text), text).toBe(false);
    }
    expect(containsPlaceholder('nginx:<tag>')).toBe(true);
    expect(containsPlaceholder('nginx:1.27')).toBe(false);
    expect(placeholderRanges('my-${ENV}-app')).toEqual([[3, 9]]);
  });
  it('reads placeholders named in Korean as well', () => {
    for (const text of ['<파드-이름>', '{볼륨이름}', '<컨테이너 이름>']) expect(isPlaceholder(text), text).toBe(true);
    expect(isPlaceholder('<-x>')).toBe(false);
  });
});
