import * as z from 'zod/mini';

/** `GET /v1/models` as new-api and one-api answer it (extra fields allowed). */
export const ModelListSchema = z.object({
  data: z.array(z.looseObject({ id: z.string() })),
});
