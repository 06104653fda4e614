/** The largest number of arrivals in any window of `windowMs` (sliding), as a server would count them. */
export function maxInAnyWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && (sorted[j]) - (sorted[i]) < windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}
