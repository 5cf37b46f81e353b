import type { FaultRule } from '../types.js';
import { seededRandom } from '../util/ids.js';

interface ActiveRule {
  rule: FaultRule;
  applied: number;
  random: () => number;
}

/** Holds fault rules and decides, deterministically, which one applies to a request. */
export class FaultEngine {
  private rules: ActiveRule[] = [];

  constructor(initial: FaultRule[] = []) {
    for (const r of initial) this.add(r);
  }

  /** Adds a rule (evaluated in insertion order; the first applicable one wins). */
  add(rule: FaultRule): void {
    this.rules.push({ rule, applied: 0, random: seededRandom(rule.seed ?? 1) });
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** True when no rule is configured (fast path). */
  get empty(): boolean {
    return this.rules.length === 0;
  }

  /**
   * Picks the rule applying to `METHOD pathname`, consuming its count/PRNG state.
   * A rule that matched but lost its `rate` roll does not use up its `count`.
   */
  pick(method: string, pathname: string): FaultRule | undefined {
    const target = `${method} ${pathname}`;
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.match instanceof RegExp) rule.match.lastIndex = 0;
      const hit = typeof rule.match === "string" ? target.includes(rule.match) : rule.match.test(target);
      if (!hit) continue;
      if (rule.count !== undefined && active.applied >= rule.count) continue;
      if (rule.rate !== undefined && active.random() >= rule.rate) continue;
      active.applied += 1;
      return rule;
    }
    return undefined;
  }
}
