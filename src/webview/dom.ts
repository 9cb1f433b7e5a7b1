type Child = Node | string | false | null | undefined;
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/**
 * Builds an element. Text is always set as text, never parsed as HTML, so nothing the gateway
 * says can inject markup. `on*` attributes become listeners; booleans toggle the attribute.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children) if (child !== false && child !== null && child !== undefined) el.append(child);
  return el;
}

export const icon = (name: string, label?: string) =>
  h('span', { class: `codicon codicon-${name}`, 'aria-hidden': label ? undefined : 'true', role: label ? 'img' : undefined, 'aria-label': label });

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== false && c !== null && c !== undefined));
}

/**
 * Text that may wrap only where a reader expects it: after `/`, `_`, `?`, `&`, `=` and `#` of URLs
 * and names, and after the `.` of a host name (`crazyrouter.com`, not `gpt-5.4` or `e.g.`): a <wbr>
 * there, never inside a word. Still text, never markup.
 */
export function breakable(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of text.split(/(?<=[/_?&=#]|[A-Za-z]{3}\.)(?=[A-Za-z][^\s/_?&=#]*)/)) {
    if (fragment.childNodes.length > 0) fragment.append(document.createElement('wbr'));
    fragment.append(part);
  }
  return fragment;
}

/** Whether the user asked the system for less motion: scrolling jumps instead of gliding. */
export const scrollBehavior = (): ScrollBehavior => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');
