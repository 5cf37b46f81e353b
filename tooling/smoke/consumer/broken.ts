// Deliberately wrong: proves the consumer check reports errors (used by test/consumer.test.ts only).
export const volume: number = 'not a number';
