import type { Ctx } from './context.js';

/**
 * Who may call a route: anyone (`public`), anyone but only for services marked public
 * (`public-service`, the `/public/` routes), any valid credential (`auth`), or a bearer
 * token only (`bearer`: folder and category management, which refuse API keys on Spark).
 */
export type RouteAuth = 'public' | 'public-service' | 'auth' | 'bearer';

/** A route handler; it answers through `ctx.send*` or throws an `HttpError`. */
export type Handler = (ctx: Ctx) => void | Promise<void>;

/** One entry of the route table. */
export interface Route {
  method: string;
  /** `/`-separated pattern: literals (matched case-insensitively), `:param`, trailing `*rest`. */
  pattern: string;
  /** Key used in `stats().byRoute`. */
  name: string;
  auth: RouteAuth;
  /** Error envelope family for failures on this route. */
  family?: 'v1' | 'v3' | 'v4';
  handler: Handler;
}

interface Node {
  literals: Map<string, Node>;
  param?: Node;
  rest?: Map<string, Route>;
  routes: Map<string, Route>;
}

function newNode(): Node {
  return { literals: new Map(), routes: new Map() };
}

/** Result of a successful match. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * A precompiled segment trie: matching costs one map lookup per path segment,
 * with backtracking from literals to params only where both exist.
 */
export class Router {
  private readonly root = newNode();

  /** Param names of each route, in path order (names live on routes, not on trie nodes). */
  private readonly names = new Map<Route, string[]>();

  /** Adds a route; later duplicates of the same method+pattern are ignored. */
  add(route: Route): void {
    let node = this.root;
    const names: string[] = [];
    this.names.set(route, names);
    for (const seg of route.pattern.split('/').filter(Boolean)) {
      if (seg.startsWith('*')) {
        names.push(seg.slice(1));
        node.rest ??= new Map();
        if (!node.rest.has(route.method)) node.rest.set(route.method, route);
        return;
      }
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        node = node.param ??= newNode();
      } else {
        const key = seg.toLowerCase();
        let next = node.literals.get(key);
        if (!next) node.literals.set(key, (next = newNode()));
        node = next;
      }
    }
    if (!node.routes.has(route.method)) node.routes.set(route.method, route);
  }

  /**
   * Finds the route for a method and raw path (segments are percent-decoded).
   * @returns the match, `'method'` when the path exists for other methods, or undefined
   */
  match(method: string, path: string): RouteMatch | 'method' | undefined {
    const segs = path.split('/').filter(Boolean).map(decodeSegment);
    const values: string[] = [];
    let pathExists = false;
    const walk = (node: Node, i: number): Route | undefined => {
      if (i === segs.length) {
        const r = node.routes.get(method);
        if (!r && node.routes.size > 0) pathExists = true;
        return r;
      }
      const seg = segs[i] as string;
      const lit = node.literals.get(seg.toLowerCase());
      if (lit) {
        const r = walk(lit, i + 1);
        if (r) return r;
      }
      if (node.param) {
        values.push(seg);
        const r = walk(node.param, i + 1);
        if (r) return r;
        values.pop();
      }
      if (node.rest) {
        const r = node.rest.get(method);
        if (r) {
          values.push(segs.slice(i).join('/'));
          return r;
        }
        pathExists = true;
      }
      return undefined;
    };
    const route = walk(this.root, 0);
    if (!route) return pathExists ? 'method' : undefined;
    const params: Record<string, string> = {};
    (this.names.get(route) ?? []).forEach((name, i) => (params[name] = values[i] as string));
    return { route, params };
  }
}

function decodeSegment(seg: string): string {
  if (!seg.includes('%')) return seg;
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}
