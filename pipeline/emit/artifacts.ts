/**
 * The files a build writes, by path under the output folder, each made when it is read. Writing or
 * comparing them one after another holds one artifact's text at a time instead of all of them: the
 * artifacts of a large catalog are several times the size of its pages.
 */

/** What writing and comparing read: a `Map<string, string>` is one too. */
export interface ArtifactSource extends Iterable<[string, string]> {
  has(path: string): boolean;
  get(path: string): string | undefined;
  keys(): Iterable<string>;
}

export class Artifacts implements ArtifactSource {
  private readonly makers = new Map<string, () => string>();

  set(path: string, make: () => string): this {
    this.makers.set(path, make);
    return this;
  }

  addAll(other: Artifacts): this {
    for (const [path, make] of other.makers) this.makers.set(path, make);
    return this;
  }

  has(path: string): boolean {
    return this.makers.has(path);
  }

  get(path: string): string | undefined {
    return this.makers.get(path)?.();
  }

  keys(): IterableIterator<string> {
    return this.makers.keys();
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const [path, make] of this.makers) yield [path, make()];
  }

  /** Every artifact made now, as a map (for tests and small outputs). */
  toMap(): Map<string, string> {
    return new Map(this);
  }
}
