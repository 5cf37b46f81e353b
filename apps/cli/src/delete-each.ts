import type { Client } from '@spark/sdk';
import { withClient, type CommandContext } from './context.js';
import { note, printResult } from './output.js';
import { confirmOrYes } from './prompts.js';

/** What differs between the `… delete <names…>` commands. */
export interface DeleteSteps<T> {
  /** What a name names, for the messages: `folder`, `service`. */
  kind: string;
  /** The confirmation question for one name. */
  question(name: string): string;
  /** Finds what `name` names before asking (throws when it does not exist). */
  locate(spark: Client, name: string): Promise<T>;
  /** Deletes what {@link DeleteSteps.locate} found. */
  remove(spark: Client, target: T): Promise<unknown>;
}

/**
 * The loop of a `spark … delete <names…>` command: each name is located, confirmed on a
 * terminal (or by `--yes`), deleted and reported (`<kind> deleted: <name>`, or
 * `<kind> skipped: <name>` when refused); with `--json`, `{ deleted }` is printed at the end.
 *
 * @param ctx - the command context
 * @param names - the names given
 * @param yes - `--yes` was given
 * @param steps - how to ask, locate and delete
 * @returns nothing
 * @example
 * await deleteEach(ctx, uris, flags.yes, {
 *   kind: 'service', question: (uri) => `Delete service "${uri}"?`,
 *   locate: async (_spark, uri) => uri, remove: (spark, uri) => spark.services.delete(uri),
 * });
 */
export async function deleteEach<T>(ctx: CommandContext, names: string[], yes: boolean | undefined, steps: DeleteSteps<T>): Promise<void> {
  const deleted: string[] = [];
  await withClient(ctx, async (spark) => {
    for (const name of names) {
      const target = await steps.locate(spark, name);
      if (!(await confirmOrYes(ctx, steps.question(name), yes))) {
        note(ctx.io, `${steps.kind} skipped: ${name}`);
        continue;
      }
      await steps.remove(spark, target);
      deleted.push(name);
      if (!ctx.io.json) note(ctx.io, `${steps.kind} deleted: ${name}`);
    }
  });
  if (ctx.io.json) printResult(ctx.io, { deleted });
}
