// Trimming by a character test, from either end. A regular expression such as /[：\s]+$/ looks
// for the run again from every character of a long run that is not at the end (quadratic time on
// a line of 100,000 spaces); these loops look at each character once.

/** `s` without the characters at its end that pass `test` (given one UTF-16 unit as a string). */
export function trimEndWhere(s: string, test: (c: string) => boolean): string {
  let end = s.length;
  while (end > 0 && test(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the characters at its start that pass `test`. */
export function trimStartWhere(s: string, test: (c: string) => boolean): string {
  let start = 0;
  while (start < s.length && test(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}
