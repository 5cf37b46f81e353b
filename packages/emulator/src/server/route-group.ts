import type { Handler, Route, RouteAuth } from './router.js';
import type { ErrorFamily } from './http-error.js';

/** What the routes of one group share. */
export interface RouteGroup {
  /** Prepended to every pattern, e.g. `/:tenant/api/v4/batch`. */
  prefix?: string;
  /** Default `'auth'` (any valid credential). */
  auth?: RouteAuth;
  /** Error envelope family of the group's failures (default v3). */
  family?: ErrorFamily;
  /** Prepended to every route name, e.g. `transforms.`. */
  namePrefix?: string;
}

/** Makes one route of a group: method, pattern (after the prefix), name, handler. */
export type RouteBuilder = (method: string, pattern: string, name: string, handler: Handler) => Route;

/**
 * The one route builder: routes of a group share a path prefix, auth, error family and name
 * prefix, so a route table reads as one line per route.
 * @param group - what the group's routes share
 * @returns a builder for the group's routes
 * @example
 * const r = routeGroup({ prefix: '/:tenant/api/v4/batch', family: 'v4' });
 * const routes = [r('GET', '/:id', 'batches.get', (ctx) => getBatch(batches, ctx))];
 */
export function routeGroup(group: RouteGroup = {}): RouteBuilder {
  const { prefix = '', auth = 'auth', family, namePrefix = '' } = group;
  return (method, pattern, name, handler) => ({
    method,
    pattern: `${prefix}${pattern}`,
    name: `${namePrefix}${name}`,
    auth,
    ...(family ? { family } : {}),
    handler,
  });
}
