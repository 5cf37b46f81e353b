/** A folder category. */
export interface Category {
  key: string;
  value: string;
  icon: string;
}

const BUILT_IN = [
  'Medical',
  'Critical Illness',
  'Lifelong Participation',
  'Universal Life',
  'Investment Linked',
  'Annuity',
  'Term',
  'VHIS',
  'VHIS + Medical',
  'Property & Casualty',
  'Other',
];

/** Categories: the built-in list plus saved ones. */
export class CategoryStore {
  private readonly items = new Map<string, Category>(BUILT_IN.map((v) => [v, { key: v, value: v, icon: 'other.svg' }]));

  list(): Category[] {
    return [...this.items.values()];
  }

  save(c: Category): void {
    this.items.set(c.key, c);
  }

  delete(key: string): boolean {
    return this.items.delete(key);
  }
}
