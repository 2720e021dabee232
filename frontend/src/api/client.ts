import { ApiError, isJson, problemFromResponse } from './problem'

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue | QueryValue[]>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** sent as Idempotency-Key: a retry with the same key creates nothing twice */
  idempotencyKey?: string
  /** the version the user last saw; sent as If-Match: "<version>" (409 stale_version when outdated) */
  ifMatch?: number | string | null
  headers?: Record<string, string>
  signal?: AbortSignal
}

export interface UploadOptions {
  field?: string
  query?: Query
  idempotencyKey?: string
  /** fraction 0..1 of the request body sent */
  onProgress?: (fraction: number, loaded: number, total: number) => void
  signal?: AbortSignal
}

/** The subset of XMLHttpRequest the upload path needs (injectable for tests). */
export interface XhrLike {
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  getResponseHeader(name: string): string | null
  send(body: FormData): void
  abort(): void
  readonly status: number
  readonly statusText: string
  readonly responseText: string
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null }
  onload: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
}

export interface ApiClientOptions {
  /** prefix before every path, "" for same origin */
  baseUrl?: string
  /** a fresh access token (refreshing it first when it is about to expire), or undefined when signed out */
  getToken?: () => Promise<string | undefined>
  /** the UI language, sent as Accept-Language so problem title/detail come back in it */
  getLocale?: () => string
  /** called on 401 (token rejected or refresh impossible); typically starts a new login */
  onUnauthorized?: (error: ApiError) => void
  fetch?: typeof fetch
  xhr?: () => XhrLike
  newKey?: () => string
}

function randomKey(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  // insecure-context fallback (plain-HTTP LAN deployments): still unique enough for retry de-duplication
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}

export function newIdempotencyKey(): string {
  return randomKey()
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    const values = Array.isArray(v) ? v : [v]
    for (const one of values) {
      if (one === undefined || one === null || one === '') continue
      params.append(k, String(one))
    }
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

/** What {@link ApiClient.download} returns. */
export interface Downloaded {
  blob: Blob
  contentType: string
  /** from Content-Disposition, undefined when the server named none */
  filename?: string
  headers: Headers
}

/** The file name of a Content-Disposition header: RFC 5987 filename* (UTF-8, e.g. Chinese names) before filename. */
export function filenameFrom(disposition: string | null | undefined): string | undefined {
  if (!disposition) return undefined
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''))
    } catch {
      // malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition)
  return plain ? (plain[2] ?? plain[1]).trim() : undefined
}

export function formatIfMatch(version: number | string): string {
  const v = String(version).trim()
  return v.startsWith('"') || v.startsWith('W/') ? v : `"${v}"`
}

/**
 * Fetch wrapper for /api/v1: bearer token, Accept-Language, JSON in and out, Idempotency-Key on creates,
 * If-Match on updates, and problem+json turned into {@link ApiError}.
 */
export class ApiClient {
  private opts: ApiClientOptions

  constructor(options: ApiClientOptions = {}) {
    this.opts = { ...options }
  }

  configure(options: Partial<ApiClientOptions>): void {
    this.opts = { ...this.opts, ...options }
  }

  private async headers(extra?: Record<string, string>): Promise<Record<string, string>> {
    const h: Record<string, string> = { Accept: 'application/json, application/problem+json' }
    const locale = this.opts.getLocale?.()
    if (locale) h['Accept-Language'] = locale
    let token: string | undefined
    try {
      token = await this.opts.getToken?.()
    } catch (e) {
      const err = new ApiError({ status: 401, code: 'unauthorized', title: 'Unauthorized' }, { cause: e })
      this.opts.onUnauthorized?.(err)
      throw err
    }
    if (token) h.Authorization = `Bearer ${token}`
    return { ...h, ...extra }
  }

  private url(path: string, query?: Query): string {
    return `${this.opts.baseUrl ?? ''}${path}${buildQuery(query)}`
  }

  private fail(err: ApiError): never {
    if (err.status === 401) this.opts.onUnauthorized?.(err)
    throw err
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const extra: Record<string, string> = { ...options.headers }
    let body: BodyInit | undefined
    if (options.body instanceof FormData) {
      body = options.body
    } else if (options.body !== undefined) {
      extra['Content-Type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    if (options.idempotencyKey) extra['Idempotency-Key'] = options.idempotencyKey
    if (options.ifMatch !== undefined && options.ifMatch !== null) extra['If-Match'] = formatIfMatch(options.ifMatch)
    const headers = await this.headers(extra)
    const doFetch = this.opts.fetch ?? globalThis.fetch.bind(globalThis)
    let res: Response
    try {
      res = await doFetch(this.url(path, options.query), { method, headers, body, signal: options.signal })
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e
      throw ApiError.network(e)
    }
    const text = res.status === 204 ? '' : await res.text()
    if (!res.ok) {
      this.fail(problemFromResponse(res.status, res.statusText, res.headers.get('Content-Type'), text))
    }
    if (text === '') return undefined as T
    return (isJson(res.headers.get('Content-Type')) ? JSON.parse(text) : text) as T
  }

  get<T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, { ...options, query })
  }

  /** POST that creates something: always carries an Idempotency-Key (a new one unless the caller passes one). */
  create<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    const key = options.idempotencyKey ?? (this.opts.newKey ?? randomKey)()
    return this.request<T>('POST', path, { ...options, body, idempotencyKey: key })
  }

  /** POST for an action (transfer, sign...), If-Match when a version is given */
  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body })
  }

  put<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body })
  }

  patch<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body })
  }

  delete<T = void>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('DELETE', path, options)
  }

  /**
   * GET of a file (PDF, ZIP, XLSX, an evidence image) with the bearer token: the body as a Blob, its type, the
   * file name from Content-Disposition (filename* preferred) and the response headers (e.g. X-Verification-Code).
   */
  async download(path: string, query?: Query, options: { signal?: AbortSignal } = {}): Promise<Downloaded> {
    return this.file('GET', this.url(path, query), undefined, '*/*', options.signal)
  }

  /**
   * POST whose answer is a file, e.g. printable account slips (账号卡) made by the request itself: JSON body, the
   * file type asked for in Accept, the answer as {@link download} gives it. A refused request carries its problem.
   */
  async downloadPost(
    path: string,
    body: unknown,
    accept: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<Downloaded> {
    return this.file('POST', this.url(path), body, accept, options.signal)
  }

  private async file(
    method: string,
    url: string,
    body: unknown,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Downloaded> {
    // a refused request answers with a problem document, so Accept names it too
    const headers = await this.headers({
      Accept: accept === '*/*' ? accept : `${accept}, application/problem+json;q=0.5`,
    })
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const doFetch = this.opts.fetch ?? globalThis.fetch.bind(globalThis)
    let res: Response
    try {
      res = await doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal })
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e
      throw ApiError.network(e)
    }
    if (!res.ok) {
      this.fail(problemFromResponse(res.status, res.statusText, res.headers.get('Content-Type'), await res.text()))
    }
    const blob = await res.blob()
    return {
      blob,
      contentType: res.headers.get('Content-Type') ?? blob.type,
      filename: filenameFrom(res.headers.get('Content-Disposition')),
      headers: res.headers,
    }
  }

  /** multipart upload with progress (fetch cannot report upload progress, so this uses XMLHttpRequest) */
  async upload<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
    const form = new FormData()
    const name = file instanceof File ? file.name : 'upload'
    form.append(options.field ?? 'file', file, name)
    const extra: Record<string, string> = {}
    if (options.idempotencyKey) extra['Idempotency-Key'] = options.idempotencyKey
    const headers = await this.headers(extra)
    const xhr = (this.opts.xhr ?? (() => new XMLHttpRequest() as unknown as XhrLike))()
    return new Promise<T>((resolve, reject) => {
      xhr.open('POST', this.url(path, options.query))
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total, e.loaded, e.total)
      }
      xhr.onload = () => {
        const type = xhr.getResponseHeader('Content-Type')
        if (xhr.status >= 200 && xhr.status < 300) {
          options.onProgress?.(1, 1, 1)
          const text = xhr.responseText
          try {
            resolve((text && isJson(type) ? JSON.parse(text) : text || undefined) as T)
          } catch (e) {
            reject(e)
          }
          return
        }
        const err = problemFromResponse(xhr.status, xhr.statusText, type, xhr.responseText ?? '')
        if (err.status === 401) this.opts.onUnauthorized?.(err)
        reject(err)
      }
      xhr.onerror = () => reject(ApiError.network(new Error('upload failed')))
      xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
      xhr.send(form)
    })
  }
}
