// Framework 1.13's internals that scripts/framework-build.ts calls (its dist/
// has no declarations): the build, the config reader and the clock it builds at.
declare module "@observablehq/framework/dist/build.js" {
  export function build(options: { config: unknown }): Promise<void>;
}
declare module "@observablehq/framework/dist/config.js" {
  export function readConfig(configPath?: string, root?: string): Promise<unknown>;
  export function setCurrentDate(date: Date | null): void;
}
declare module "@observablehq/framework/dist/loader.js" {
  /** Finds the loader of a file and hashes sources (scripts/framework-build.ts memoizes two of its methods). */
  export class LoaderResolver {
    constructor(options: { root: string; interpreters?: Record<string, string[] | null> });
    find(path: string): { path: string; params?: Record<string, string> } | undefined;
    getSourceFileHash(name: string): string;
  }
}
