/**
 * Which declared operations answer at a path: for a method the path does not take (405 with
 * `Allow`, or the methods an `OPTIONS` call is told), and for naming the operation a call was
 * refused on before it ran (its audit entry).
 */
import type { RequestHandler } from 'express';
import { ProblemError } from './problem';

/** An operation's name and where it answers: a declared operation, or one of the few others. */
export interface PathEntry {
  id: string;
  method: string;
  /** OpenAPI form: `/api/requests/{trackingCode}`. */
  path: string;
}

interface Compiled {
  pattern: RegExp;
  spec: PathEntry;
}

export class OperationPaths {
  private compiled: Compiled[] | undefined;

  /** The specs are read when first needed: every route has been mounted by then. */
  constructor(
    private readonly specs: readonly PathEntry[],
    private readonly others: readonly PathEntry[] = [],
  ) {}

  private all(): Compiled[] {
    this.compiled ??= [...this.specs, ...this.others].map((spec) => ({
      pattern: new RegExp(
        `^${spec.path
          .split(/\{[A-Za-z]+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}/?$`,
      ),
      spec,
    }));
    return this.compiled;
  }

  /** The operations at a path, whatever their method. */
  at(path: string): PathEntry[] {
    return this.all()
      .filter((entry) => entry.pattern.test(path))
      .map((entry) => entry.spec);
  }

  /** The operation a method and path name, if any. */
  find(method: string, path: string): PathEntry | undefined {
    return this.at(path).find((spec) => spec.method === method.toLowerCase());
  }

  /** `GET, HEAD, POST`: what a path takes, for an `Allow` header. */
  allowed(path: string): string[] {
    const methods = new Set(this.at(path).map((spec) => spec.method.toUpperCase()));
    if (methods.has('GET')) methods.add('HEAD');
    return methods.size > 0 ? [...methods, 'OPTIONS'].sort() : [];
  }

  /**
   * Before the routes (whose routers would answer express's own list): `OPTIONS` on a path of
   * the API says what it takes, 204 with `Allow`. A CORS preflight is answered before this.
   */
  options(): RequestHandler {
    return (req, res, next) => {
      if (req.method !== 'OPTIONS') return next();
      const allowed = this.allowed(req.path);
      if (allowed.length === 0) return next();
      res.set('Allow', allowed.join(', ')).status(204).end();
    };
  }

  /**
   * After the routes: a path that exists but not for this method answers 405 with what it takes.
   * A method the path takes that still reached here (a missing resource) is left to the 404.
   */
  methodNotAllowed(): RequestHandler {
    return (req, res, next) => {
      const allowed = this.allowed(req.path);
      if (allowed.length === 0 || allowed.includes(req.method)) return next();
      res.set('Allow', allowed.join(', '));
      next(
        new ProblemError(
          'method-not-allowed',
          `${req.path} takes ${allowed.filter((m) => m !== 'OPTIONS' && m !== 'HEAD').join(' or ')}, not ${req.method}.`,
        ),
      );
    };
  }
}
