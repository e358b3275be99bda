// jsdom comes with Observable Framework (not a direct dependency) and ships no
// types; @types/jsdom is not installed. The part the component tests use.
declare module "jsdom" {
  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
    pretendToBeVisual?: boolean;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
