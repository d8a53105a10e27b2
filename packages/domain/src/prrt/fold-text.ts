/** Anything beyond printable ASCII and ordinary whitespace takes the slower Unicode path. */
const NON_ASCII = /[^ -~\t\n\r]/;
const GREEK = /[αβΑΒ]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TOKENS = /[a-z]+|[0-9]+/g;

/**
 * Folds a name into match tokens: lower case, superscripts and other compatibility forms as plain characters
 * (NFKD: ¹⁷⁷Lu → 177lu), accents dropped, `+` read as "plus" and `&` as "and", α/β spelled out, then runs of
 * letters and runs of digits as separate tokens. "[¹⁷⁷Lu]Lu-DOTA-TATE" → 177 lu lu dota tate.
 */
export function foldTokens(text: string): string[] {
  let folded = text;
  if (NON_ASCII.test(folded)) {
    folded = folded
      .replace(GREEK, (letter) => (letter === 'α' || letter === 'Α' ? ' alpha ' : ' beta '))
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '');
  }
  folded = folded.toLowerCase();
  if (folded.includes('+')) folded = folded.replaceAll('+', ' plus ');
  if (folded.includes('&')) folded = folded.replaceAll('&', ' and ');
  return folded.match(TOKENS) ?? [];
}

/** The compact form of a spelling: its folded tokens joined ("Lu-177" → "lu177"). */
export function compactSpelling(spelling: string): string {
  return foldTokens(spelling).join('');
}
