/**
 * Fills `{name}` placeholders of a whole sentence. Sentences with placeholders (never pieced
 * together from fragments) are what a translation can replace one for one.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])));
}
