import { catch as orElse, optional, type ZodMiniType } from 'zod/mini';

/** A field read leniently: missing, or of the wrong type, it reads as undefined (a gateway's extra or odd fields never sink the rest). */
export function lenient<T>(schema: ZodMiniType<T>) {
  return optional(orElse(optional(schema), undefined));
}
