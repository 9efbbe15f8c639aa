// Decoder of generator/search/encode.py: 5-bit groups, least significant first, one URL-safe
// base64 character each, the sixth bit meaning "more groups follow".

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** The numbers of an encoded string. */
export function decode(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DIGIT[code] : -1;
    if (digit < 0) throw new Error(`not an encoded number: ${JSON.stringify(text[i])}`);
    value += (digit & 31) * 2 ** shift; // not |=: values may pass 2^31
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value);
      value = 0;
      shift = 0;
    }
  }
  if (shift) throw new Error('truncated number at the end of the text');
  return out;
}
