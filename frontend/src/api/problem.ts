/** RFC 9457 problem details as the ZHSZ API sends them (title/detail already in the caller's language). */
export interface FieldProblem {
  field: string
  code: string
  message: string
}

export interface ProblemDetail {
  type?: string
  title?: string
  status: number
  detail?: string
  instance?: string
  /** stable machine code, e.g. validation_failed, stale_version, not_found */
  code?: string
  errors?: FieldProblem[]
  [extension: string]: unknown
}

/** Any failed API call: an HTTP error with its problem, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly problem: ProblemDetail

  constructor(problem: ProblemDetail, options?: { cause?: unknown }) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`, options)
    this.name = 'ApiError'
    this.status = problem.status
    this.problem = problem
  }

  get code(): string {
    return this.problem.code ?? (this.status === 0 ? 'network_error' : `http_${this.status}`)
  }

  /** first message per field, keyed by the API's field path ("name", "guardians[0].phone") */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.problem.errors ?? []) {
      if (e && typeof e.field === 'string' && !(e.field in out)) {
        out[e.field] = e.message || e.code
      }
    }
    return out
  }

  get isNetwork(): boolean {
    return this.status === 0
  }

  /** 409 stale_version: someone else saved first; the page should reload before editing again */
  get isConflict(): boolean {
    return this.status === 409
  }

  static network(cause: unknown): ApiError {
    return new ApiError({ status: 0, code: 'network_error', title: 'Network error' }, { cause })
  }
}

function isJson(contentType: string | null | undefined): boolean {
  return !!contentType && /\bjson\b/i.test(contentType)
}

function normaliseErrors(raw: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(raw)) return undefined
  return raw
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      field: String(e.field ?? ''),
      code: String(e.code ?? 'invalid'),
      message: String(e.message ?? e.code ?? ''),
    }))
}

/**
 * Builds the error for a non-2xx response from its status and body text. Bodies that are not problem JSON
 * (a proxy's HTML 502, an empty 401) still yield a problem with the status and a code "http_<status>".
 */
export function problemFromResponse(
  status: number,
  statusText: string,
  contentType: string | null,
  bodyText: string,
): ApiError {
  let problem: ProblemDetail = { status, title: statusText || undefined, code: `http_${status}` }
  if (isJson(contentType) && bodyText.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(bodyText)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const p = parsed as Record<string, unknown>
        problem = {
          ...p,
          status: typeof p.status === 'number' ? p.status : status,
          title: typeof p.title === 'string' ? p.title : problem.title,
          detail: typeof p.detail === 'string' ? p.detail : undefined,
          code: typeof p.code === 'string' ? p.code : problem.code,
          errors: normaliseErrors(p.errors),
        }
        if (!problem.errors) delete problem.errors
        if (problem.detail === undefined) delete problem.detail
      }
    } catch {
      // not JSON after all: keep the status-only problem
    }
  }
  return new ApiError(problem)
}

export { isJson }
