// An Aho–Corasick automaton over a set of literal strings: every occurrence of each of them in a
// text, in one pass whatever their number. Used by the term packs (terms/matcher.ts) and by
// copy-residue's anchor words. Most characters of a report start no literal: the root's
// transitions are one array lookup per character, the other states' a map.

export class LiteralAutomaton {
  /** Transitions per state (the root's are also in `root`). */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Literal ids ending at each state (its own), and the next state along failure links that has some. */
  private readonly own: number[][] = [[]];
  private readonly outLink: number[] = [0];
  private root: Uint32Array | undefined;
  /** Each literal's length, by id. */
  readonly lengths: number[] = [];

  /** Adds a literal (not empty) and returns its id: 0, 1, 2… in the order added. Not after the first scan. */
  add(text: string): number {
    if (this.root) throw new Error('LiteralAutomaton: add after scan');
    const id = this.lengths.length;
    this.lengths.push(text.length);
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = this.next[s].get(c);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.own.push([]);
        this.outLink.push(0);
        this.next[s].set(c, t);
      }
      s = t;
    }
    this.own[s].push(id);
    return id;
  }

  /** Failure and output links, breadth first, and the root's table. */
  private link(): Uint32Array {
    const queue: number[] = [];
    for (const t of this.next[0].values()) queue.push(t);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      for (const [c, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const ft = this.fail[t];
        this.outLink[t] = this.own[ft].length > 0 ? ft : this.outLink[ft];
        queue.push(t);
      }
    }
    // State 0 is never a transition's target, so 0 stands for "none".
    const root = new Uint32Array(65536);
    for (const [c, t] of this.next[0]) root[c] = t;
    return root;
  }

  /** Every occurrence in `[start, end)` of each literal, as (literal id, end offset) pairs, in order of their ends. */
  scan(text: string, start: number, end: number, emit: (literal: number, endOffset: number) => void): void {
    const root = (this.root ??= this.link());
    const { next, fail, own, outLink } = this;
    let s = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (s !== 0) {
        let t = next[s].get(c);
        while (t === undefined && s !== 0) {
          s = fail[s];
          t = s === 0 ? undefined : next[s].get(c);
        }
        s = t ?? root[c];
      } else s = root[c];
      if (s === 0) continue;
      for (let o = own[s].length > 0 ? s : outLink[s]; o !== 0; o = outLink[o]) {
        for (const id of own[o]) emit(id, i + 1);
      }
    }
  }
}
