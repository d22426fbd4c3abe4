// The counting both numbering rules share: walk a run of numbered items (sibling markers, or the
// inline ordinals of one section), find where the count breaks, and for each break the items its
// fix renumbers — up to the next break, which carries its own fix, so that all fixes together
// renumber the run in one pass and the work stays linear.

export interface SequenceStep<T> {
  item: T;
  value: number;
  /** The value this item has once the run counts 1, 2, 3… */
  expected: number;
  /** The previous item's value as written (0 at a run's start). */
  prev: number;
  isBreak: boolean;
  /** The item starts a new run at 1. */
  restart: boolean;
}

export interface SequenceOptions<T> {
  valueOf(item: T): number;
  /** Whether an item with value 1 may start a new run instead of being a break. */
  mayRestart(item: T): boolean;
  /** Accept a run that does not start at 1 when only this lone item starts it (no report). */
  acceptLoneStart?: boolean;
  /** The value the run continues from (0: it starts at 1). */
  startAfter?: number;
}

export function sequenceSteps<T>(items: readonly T[], options: SequenceOptions<T>): SequenceStep<T>[] {
  const steps: SequenceStep<T>[] = [];
  let prev = options.startAfter ?? 0;
  let position = prev; // items of this run before this one: the right value is position + 1
  items.forEach((item, i) => {
    const value = options.valueOf(item);
    if (value === 1 && options.mayRestart(item)) {
      steps.push({ item, value, expected: 1, prev, isBreak: false, restart: true });
      prev = 1;
      position = 1;
      return;
    }
    let expected = ++position;
    // In order after its predecessor, or already right once an earlier break is fixed.
    let isBreak = !(value === prev + 1 || value === expected);
    if (isBreak && prev === 0 && options.acceptLoneStart && !(i + 1 < items.length && options.valueOf(items[i + 1]) === value + 1)) {
      isBreak = false;
      expected = value;
      position = value;
    }
    steps.push({ item, value, expected, prev, isBreak, restart: false });
    prev = value;
  });
  return steps;
}

/** The steps a break's fix renumbers: from the break up to the next break or restart, those not yet right. */
export function stepsToRenumber<T>(steps: readonly SequenceStep<T>[], breakIndex: number): SequenceStep<T>[] {
  const out: SequenceStep<T>[] = [];
  for (let j = breakIndex; j < steps.length && (j === breakIndex || !(steps[j].isBreak || steps[j].restart)); j++) {
    if (steps[j].value !== steps[j].expected) out.push(steps[j]);
  }
  return out;
}
