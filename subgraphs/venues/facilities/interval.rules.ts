/** A half-open interval `[start, end)` of epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, with touching or overlapping intervals joined. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** What is left of `from` after removing every interval of `cut`. */
export function subtract(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const cuts = merge(cut);
  const result: Interval[] = [];
  for (const interval of merge(from)) {
    let start = interval.start;
    for (const c of cuts) {
      if (c.end <= start || c.start >= interval.end) continue;
      if (c.start > start) result.push({ start, end: c.start });
      start = Math.max(start, c.end);
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

/** The parts of `a` that also lie in `b`. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const x of merge(a)) {
    for (const y of merge(b)) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) result.push({ start, end });
    }
  }
  return merge(result);
}
