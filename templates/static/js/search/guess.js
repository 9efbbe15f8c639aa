// Unseen inflections: the twin of generator/search/guess.py. A query word the dictionary lacks
// ("зерновой" when only "зернового" occurs) is cut into stem + ending, longest stem first, down to
// STEM_MIN letters; the first cut whose stem is indexed in the language and whose ending is "" or in
// the language's exported endings table is searched for instead.

export const STEM_MIN = 4;
export const ENDING_MAX = 5;
export const FORMS_SHOWN = 3;

const LETTERS = /^\p{L}+$/u;

/** Whether a folded word may be guessed at all (letters only, as Python's str.isalpha). */
export function guessable(key) {
  return LETTERS.test(key);
}

/** The indexed stem `key` most likely inflects, or null; `isTerm` is async. Cuts count code points. */
export async function guessTerm(key, endings, isTerm) {
  const chars = [...key];
  for (let cut = chars.length; cut >= STEM_MIN; cut -= 1) {
    if (chars.length - cut > ENDING_MAX) break;
    const ending = chars.slice(cut).join('');
    const stem = chars.slice(0, cut).join('');
    if ((ending === '' || endings.has(ending)) && (await isTerm(stem))) return stem;
  }
  return null;
}

/** The first FORMS_SHOWN words of a prefix scan from `term` whose entry has `term` in `language`. */
export function pickForms(term, language, words) {
  const forms = [];
  for (const [key, entry] of words) {
    const terms = entry.get(language);
    if (terms && terms.includes(term)) {
      forms.push(key);
      if (forms.length === FORMS_SHOWN) break;
    }
  }
  return forms;
}

/**
 * "Searched for: зернов… (зернового, зерновом)": the stems searched for words the archive lacks.
 * Forms are the folded dictionary keys (the dictionary keeps no spelling with accents or capitals).
 */
export function searchedForText(guesses, label) {
  const parts = [];
  for (const g of guesses) {
    const forms = g.forms.length ? ` (${g.forms.join(', ')})` : '';
    const part = `${g.term}…${forms}`;
    if (!parts.includes(part)) parts.push(part);
  }
  return parts.length ? `${label} ${parts.join('; ')}` : '';
}
