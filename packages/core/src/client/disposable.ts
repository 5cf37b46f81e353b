/**
 * `Symbol.dispose` / `Symbol.asyncDispose` for consumers compiling with an older `lib`
 * (e.g. `ES2022` without `ESNext.Disposable`): the client's types name these symbols, so the
 * published declarations must not depend on the consumer's `lib` setting. Merges cleanly with
 * `lib.esnext.disposable.d.ts` and `@types/node`, which declare the same members.
 */
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
    readonly asyncDispose: unique symbol;
  }
}

/** Marker type: importing it makes the declarations above part of a `.d.ts` graph. */
export type DisposableSymbols = typeof Symbol.dispose | typeof Symbol.asyncDispose;
