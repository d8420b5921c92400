// What a domain rule says when it refuses: the thing is not there (or not this person's to see), the person may not
// do this, or the thing changed under them. Models throw these; the route edge (app/utils/route-edge.server.ts)
// turns them into 404, 403 and 409 answers, so models never speak HTTP.

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record does not exist, or is outside the caller's scope (the two look the same from outside). */
export class NotFound extends DomainError {
  constructor(message = "Not found") {
    super(message);
  }
}

/** The caller is known but may not do this. */
export class Forbidden extends DomainError {
  constructor(message = "You do not have permission to do this.") {
    super(message);
  }
}

/** The record changed since the caller saw it (someone else decided it first, a seat went, a state moved on). */
export class Conflict extends DomainError {}
