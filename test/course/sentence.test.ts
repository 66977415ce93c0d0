import { describe, expect, it } from 'vitest';
import { endSentence, joinSentences } from '../../src/course/sentence.js';

describe('endSentence and joinSentences', () => {
  it('adds a full stop only where a sentence has no end yet', () => {
    expect(endSentence('lesson 1, What is a certificate?')).toBe('lesson 1, What is a certificate?');
    expect(endSentence('It is a CA (RFC 5280 §4.2.1.9)')).toBe('It is a CA (RFC 5280 §4.2.1.9).');
    expect(endSentence('OpenSSL prints "SSL server : No."')).toBe('OpenSSL prints "SSL server : No."');
    expect(endSentence('Done! ')).toBe('Done!');
  });

  it('never runs two sentences together', () => {
    expect(joinSentences(['no EKU restriction (RFC 5280 §4.2.1.12)', 'EKU lists only clientAuth', ''])).toBe(
      'no EKU restriction (RFC 5280 §4.2.1.12). EKU lists only clientAuth.',
    );
  });
});
