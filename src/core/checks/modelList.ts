import { z } from 'zod';

/** `GET /v1/models` as new-api and one-api answer it (extra fields allowed). */
export const ModelListSchema = z.object({
  data: z.array(z.object({ id: z.string() }).passthrough()),
});
