/**
 * Ranking metrics of the offline evaluation (binary relevance), as in Järvelin & Kekäläinen 2002
 * (NDCG) and the usual top-k definitions:
 * - Precision@k = |top-k ∩ relevant| / k;
 * - Recall@k = |top-k ∩ relevant| / |relevant|;
 * - NDCG@k = DCG@k / IDCG@k, DCG = Σ_{rank r ≤ k, relevant} 1 / log2(r + 1), IDCG the DCG of
 *   min(k, |relevant|) relevant items at the top.
 * A ranking shorter than k counts its missing places as misses. Empty `relevant` throws.
 */
import { RecommendInputError } from './errors';

function hits(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) throw new RecommendInputError('relevant', 'no relevant item to score against');
  let n = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) n++;
  return n;
}

export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return hits(ranked, relevant, k) / k;
}

export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return hits(ranked, relevant, k) / relevant.size;
}

export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  hits(ranked, relevant, k);
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) dcg += 1 / Math.log2(i + 2);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) idcg += 1 / Math.log2(i + 2);
  return dcg / idcg;
}

/** Items by descending count, ties by id ascending, up to `limit`. */
export function rankByCount(counts: ReadonlyMap<string, number>, limit: number, keep: (id: string) => boolean = () => true): string[] {
  return [...counts.entries()].filter(([id, c]) => c > 0 && keep(id))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit).map(([id]) => id);
}
