import { ApiClient } from './client'

/** The app's one API client; main.ts wires the token, locale and 401 handling into it. */
export const api = new ApiClient()

export { ApiClient, newIdempotencyKey } from './client'
export { ApiError } from './problem'
export type { ProblemDetail, FieldProblem } from './problem'
