import { describe, expect, it } from 'vitest';
import { applyMergePatch, type JsonValue } from '../../src/contracts/merge-patch.ts';

// RFC 7396, Appendix A: every example, as printed there (original, patch, result).
const APPENDIX_A: [string, string, string][] = [
  ['{"a":"b"}', '{"a":"c"}', '{"a":"c"}'],
  ['{"a":"b"}', '{"b":"c"}', '{"a":"b","b":"c"}'],
  ['{"a":"b"}', '{"a":null}', '{}'],
  ['{"a":"b","b":"c"}', '{"a":null}', '{"b":"c"}'],
  ['{"a":["b"]}', '{"a":"c"}', '{"a":"c"}'],
  ['{"a":"c"}', '{"a":["b"]}', '{"a":["b"]}'],
  ['{"a":{"b":"c"}}', '{"a":{"b":"d","c":null}}', '{"a":{"b":"d"}}'],
  ['{"a":[{"b":"c"}]}', '{"a":[1]}', '{"a":[1]}'],
  ['["a","b"]', '["c","d"]', '["c","d"]'],
  ['{"a":"b"}', '["c"]', '["c"]'],
  ['{"a":"foo"}', 'null', 'null'],
  ['{"a":"foo"}', '"bar"', '"bar"'],
  ['{"e":null}', '{"a":1}', '{"e":null,"a":1}'],
  ['[1,2]', '{"a":"b","c":null}', '{"a":"b"}'],
  ['{}', '{"a":{"bb":{"ccc":null}}}', '{"a":{"bb":{}}}'],
];

describe('applyMergePatch (RFC 7396)', () => {
  it.each(APPENDIX_A)('Appendix A: %s patched with %s gives %s', (original, patch, result) => {
    const got = applyMergePatch(JSON.parse(original) as JsonValue, JSON.parse(patch) as JsonValue);
    expect(got).toEqual(JSON.parse(result));
    // member order as well: the RFC's results list kept members first, added ones after
    expect(JSON.stringify(got)).toBe(JSON.stringify(JSON.parse(result)));
  });

  it('section 3: the worked example', () => {
    const target = JSON.parse(`{
      "title": "Goodbye!",
      "author": { "givenName": "John", "familyName": "Doe" },
      "tags": ["example", "sample"],
      "content": "This will be unchanged"
    }`) as JsonValue;
    const patch = JSON.parse(`{
      "title": "Hello!",
      "phoneNumber": "+01-123-456-7890",
      "author": { "familyName": null },
      "tags": ["example"]
    }`) as JsonValue;
    expect(applyMergePatch(target, patch)).toEqual({
      title: 'Hello!',
      author: { givenName: 'John' },
      tags: ['example'],
      content: 'This will be unchanged',
      phoneNumber: '+01-123-456-7890',
    });
  });

  it('modifies neither the target nor the patch', () => {
    const target = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const patch = { a: { b: null, e: { f: 1 } }, d: null };
    const before = JSON.stringify([target, patch]);
    const got = applyMergePatch(target, patch);
    expect(got).toEqual({ a: { c: [1, 2], e: { f: 1 } } });
    expect(JSON.stringify([target, patch])).toBe(before);
  });

  it('an undefined target (a member the target lacks) becomes the patch with its nulls removed', () => {
    expect(applyMergePatch(undefined, { a: null, b: { c: null, d: 1 } })).toEqual({ b: { d: 1 } });
  });

  it('keeps "__proto__" from JSON as an ordinary member, never as the prototype', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonValue;
    const got = applyMergePatch({}, patch) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(got.polluted).toBeUndefined();
    expect(Object.keys(got)).toEqual(['__proto__', 'a']);
  });
});
