import { suiteSetup, suiteTeardown } from 'mocha';

/**
 * Just enough of a DOM for a view to build its elements in Node and for a test to read their text
 * and attributes: elements with attributes, children, text and listeners, and fragments. Views build
 * their elements with `h()` (src/webview/dom.ts), which uses nothing more; layout, styles and custom
 * elements' behaviour are the e2e's (a real browser).
 */
class TextNode {
  constructor(readonly text: string) {}
  get textContent(): string {
    return this.text;
  }
}

type Child = TextNode | FakeElement;

export class FakeElement {
  readonly attributes = new Map<string, string>();
  children: Child[] = [];
  readonly dataset: Record<string, string> = {};
  hidden = false;
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  addEventListener(): void {}
  append(...nodes: (Child | string)[]): void {
    for (const node of nodes) {
      if (node instanceof FakeElement && node.tagName === '#fragment') this.children.push(...node.children);
      else this.children.push(typeof node === 'string' ? new TextNode(node) : node);
    }
  }
  replaceChildren(...nodes: (Child | string)[]): void {
    this.children = [];
    this.append(...nodes);
  }
  get childNodes(): Child[] {
    return this.children;
  }
  get textContent(): string {
    return this.children.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.children = [new TextNode(text)];
  }
  /** Every element under this one, depth first. */
  descendants(): FakeElement[] {
    return this.children.flatMap((c) => (c instanceof FakeElement ? [c, ...c.descendants()] : []));
  }
}

/** Reads an element the views built with the stand-in document. */
export function read(node: unknown): FakeElement {
  if (!(node instanceof FakeElement)) throw new Error('not an element of the stand-in document');
  return node;
}

/**
 * Called inside a suite: the stand-in is `document` only while that suite's tests run (a mocha
 * worker runs other files in the same process after it; test/support/mochaHooks.ts fails a file
 * that leaves a global behind).
 */
export function useTextDocumentDuringTests(): void {
  suiteSetup(() => {
    Object.assign(globalThis, {
      document: {
        createElement: (tag: string) => new FakeElement(tag),
        createDocumentFragment: () => new FakeElement('#fragment'),
      },
    });
  });
  suiteTeardown(() => {
    delete (globalThis as { document?: unknown }).document;
  });
}
