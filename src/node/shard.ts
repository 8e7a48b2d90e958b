// --shard k/n: split a large set of policies across the jobs of a CI matrix. The partition is by
// a hash of the policy id (FNV-1a), so it is deterministic, disjoint and complete, and a policy
// stays in its shard when others are added or removed. Pure.
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based: this job's shard. */
  index: number;
  count: number;
}

/** "2/4" -> {index: 2, count: 4}; anything else is a usage error. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 10000)
    throw new UsageError(`--shard must be k/n with 1 <= k <= n (e.g. --shard 1/4), not "${text}"`);
  return { index, count };
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The shard (1-based) that a policy id belongs to. */
export function shardOf(id: string, count: number): number {
  return (fnv1a(id) % count) + 1;
}

/** The items of this shard, in their order; all of them without a shard. */
export function selectShard<T extends { id: string }>(items: T[], shard: Shard | undefined): T[] {
  if (!shard || shard.count === 1) return items;
  return items.filter((item) => shardOf(item.id, shard.count) === shard.index);
}
