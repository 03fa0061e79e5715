/**
 * Measures of how evenly work was spread: each office's share against its share of capacity,
 * the highest against the lowest load per unit of capacity, and the Gini coefficient of those
 * loads (0: perfectly even; 1: one office has everything).
 */

export interface Spread {
  office: string;
  requests: number;
  capacity: number;
  /** Share of the requests. */
  share: number;
  /** Share of the capacity: what the rule aims each office's share at. */
  capacityShare: number;
}

export interface FairnessReport {
  total: number;
  offices: Spread[];
  /** Highest requests-per-capacity over lowest; Infinity when an eligible office got nothing. */
  maxMinRatio: number;
  /** Gini coefficient of requests per unit of capacity. */
  gini: number;
}

export function gini(values: number[]): number {
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  if (n === 0 || sum === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((acc, value, i) => acc + (i + 1) * value, 0);
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

export function fairness(counts: Map<string, number>, capacities: Map<string, number>): FairnessReport {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const capacity = [...capacities.values()].reduce((a, b) => a + b, 0);
  const offices = [...capacities.entries()]
    .map(([office, cap]) => {
      const requests = counts.get(office) ?? 0;
      return {
        office,
        requests,
        capacity: cap,
        share: total ? requests / total : 0,
        capacityShare: capacity ? cap / capacity : 0,
      };
    })
    .sort((a, b) => a.office.localeCompare(b.office));
  const perCapacity = offices.map((o) => o.requests / o.capacity);
  const min = Math.min(...perCapacity);
  const max = Math.max(...perCapacity);
  return {
    total,
    offices,
    maxMinRatio: offices.length === 0 ? 1 : min === 0 ? (max === 0 ? 1 : Infinity) : max / min,
    gini: gini(perCapacity),
  };
}
