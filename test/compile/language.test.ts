import { describe, expect, it } from 'vitest';
import { checkLanguageTag, COMMON_LANGUAGES } from '../../pipeline/language';

describe('language tags', () => {
  // The common languages skip ICU's language names for speed; ICU must know each of them, or the
  // short cut would accept a tag the full check refuses.
  it('takes only common languages ICU knows by name', () => {
    const names = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
    for (const lang of COMMON_LANGUAGES) expect(names.of(lang), lang).toBeDefined();
  });

  it('canonicalises common and uncommon tags alike', () => {
    expect(checkLanguageTag('zh-cn')).toEqual({ tag: 'zh-CN' });
    expect(checkLanguageTag('en_us')).toEqual({ tag: 'en-US' });
    expect(checkLanguageTag('zh-hans')).toEqual({ tag: 'zh-Hans' });
    expect(checkLanguageTag('nl-be')).toEqual({ tag: 'nl-BE' });
    expect(checkLanguageTag('sw')).toEqual({ tag: 'sw' });
  });

  it('refuses what names no language, common-looking or not', () => {
    for (const tag of ['cn', 'und', 'zxx', 'zn', 'chinese', 'en-', 'qq', 'zh--CN']) {
      expect(checkLanguageTag(tag), tag).toHaveProperty('why');
    }
  });
});
