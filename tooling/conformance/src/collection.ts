import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A Postman collection item (folder or request), as much of it as the suite touches. */
export interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: {
    method: string;
    url: { raw: string; protocol?: string; host?: string[]; port?: string } | string;
    body?: { mode?: string; formdata?: { key: string; type?: string; src?: unknown }[] };
  };
}

/** Spark's hosts in the collection: `https://excel.{{environment}}…` and `https://keycloak.{{environment}}…`. */
const SPARK_ORIGIN = /^https:\/\/(?:excel|keycloak)\.\{\{environment\}\}\.coherent\.global/;

/**
 * Reads the collection from `../shared` and points every request at `origin` (in memory;
 * nothing is written). File fields of a multipart request get the file `files` names for that
 * request (by request name).
 */
export function loadCollection(shared: string, origin: string, files: Record<string, string>): { item: PostmanItem[] } & Record<string, unknown> {
  const collection = JSON.parse(readFileSync(join(shared, 'postman', 'coherent-spark.postman_collection.json'), 'utf8')) as { item: PostmanItem[] };
  const target = new URL(origin);
  const visit = (items: PostmanItem[]): void => {
    for (const it of items) {
      if (it.item) visit(it.item);
      const req = it.request;
      if (!req) continue;
      const raw = typeof req.url === 'string' ? req.url : req.url.raw;
      if (!SPARK_ORIGIN.test(raw)) throw new Error(`request "${it.name}" targets an unexpected host: ${raw}`);
      const rewritten = raw.replace(SPARK_ORIGIN, target.origin);
      req.url = typeof req.url === 'string' ? rewritten : { ...req.url, raw: rewritten, protocol: 'http', host: target.hostname.split('.'), port: target.port };
      for (const field of req.body?.formdata ?? []) {
        if (field.type === 'file' && files[it.name]) field.src = files[it.name];
      }
    }
  };
  visit(collection.item);
  return collection;
}

/** Every request of the collection, depth first, in run order. */
export function requestItems(items: PostmanItem[]): PostmanItem[] {
  return items.flatMap((it) => (it.item ? requestItems(it.item) : [it]));
}

/** The collection's environment with `values` overriding its keys (and adding new ones). */
export function loadEnvironment(shared: string, values: Record<string, string>): Record<string, unknown> {
  const env = JSON.parse(readFileSync(join(shared, 'postman', 'coherent-spark.postman_environment.json'), 'utf8')) as { values: { key: string; value: string; enabled?: boolean }[] };
  const known = new Set(env.values.map((v) => v.key));
  env.values = env.values.map((v) => (v.key in values ? { ...v, value: values[v.key] as string, enabled: true } : v));
  for (const [key, value] of Object.entries(values)) if (!known.has(key)) env.values.push({ key, value, enabled: true });
  return env;
}
