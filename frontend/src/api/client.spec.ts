import { describe, expect, it, vi } from 'vitest'
import { ApiClient, buildQuery, filenameFrom, formatIfMatch, type XhrLike } from './client'
import { ApiError, problemFromResponse } from './problem'

interface Call {
  url: string
  init: RequestInit
}

function fakeFetch(responses: Response[]) {
  const calls: Call[] = []
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    const next = responses.shift()
    if (!next) throw new Error('no more responses')
    return next
  })
  return { fn: fn as unknown as typeof fetch, calls }
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name]

const validationProblem = {
  type: 'https://zhsz.example.org/problems/validation-failed',
  title: '请求无效',
  status: 422,
  detail: '请求中有字段不符合要求',
  instance: '/api/v1/students',
  code: 'validation_failed',
  errors: [
    { field: 'name', code: 'notblank', message: '姓名不能为空' },
    { field: 'name', code: 'size', message: 'second message for the same field' },
    { field: 'birthDate', code: 'notnull', message: '出生日期不能为空' },
  ],
}

describe('ApiClient headers', () => {
  it('sends the bearer token, Accept-Language and JSON accept on every call', async () => {
    const { fn, calls } = fakeFetch([json(200, { username: 'zhang' })])
    const getToken = vi.fn(async () => 'tok-1')
    const client = new ApiClient({ fetch: fn, getToken, getLocale: () => 'en' })
    const me = await client.get<{ username: string }>('/api/v1/me')
    expect(me.username).toBe('zhang')
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(header(calls[0], 'Authorization')).toBe('Bearer tok-1')
    expect(header(calls[0], 'Accept-Language')).toBe('en')
    expect(header(calls[0], 'Accept')).toContain('application/problem+json')
    expect(calls[0].init.method).toBe('GET')
  })

  it('asks for a fresh token before each request (refresh happens inside getToken)', async () => {
    const { fn, calls } = fakeFetch([json(200, {}), json(200, {})])
    let n = 0
    const client = new ApiClient({ fetch: fn, getToken: async () => `tok-${++n}` })
    await client.get('/a')
    await client.get('/b')
    expect(header(calls[0], 'Authorization')).toBe('Bearer tok-1')
    expect(header(calls[1], 'Authorization')).toBe('Bearer tok-2')
  })

  it('omits Authorization when there is no token', async () => {
    const { fn, calls } = fakeFetch([json(200, {})])
    await new ApiClient({ fetch: fn }).get('/x')
    expect(header(calls[0], 'Authorization')).toBeUndefined()
  })

  it('serialises the query, dropping empty values, and prefixes the base URL', async () => {
    const { fn, calls } = fakeFetch([json(200, { items: [] })])
    const client = new ApiClient({ fetch: fn, baseUrl: 'https://zhsz.example.org' })
    await client.get('/api/v1/students', { classId: 'c 1', q: '', status: undefined, page: 0, size: 20 })
    expect(calls[0].url).toBe('https://zhsz.example.org/api/v1/students?classId=c+1&page=0&size=20')
  })

  it('creates with an Idempotency-Key, generating one when the caller has none', async () => {
    const { fn, calls } = fakeFetch([json(201, { id: '1' }), json(201, { id: '1' })])
    const client = new ApiClient({ fetch: fn, newKey: () => 'generated-key' })
    await client.create('/api/v1/classes', { stage: 'JUNIOR', entryYear: 2025, classNo: 1 })
    await client.create('/api/v1/classes', { stage: 'JUNIOR' }, { idempotencyKey: 'kept-for-retry' })
    expect(header(calls[0], 'Idempotency-Key')).toBe('generated-key')
    expect(header(calls[0], 'Content-Type')).toBe('application/json')
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ stage: 'JUNIOR', entryYear: 2025, classNo: 1 })
    expect(header(calls[1], 'Idempotency-Key')).toBe('kept-for-retry')
  })

  it('sends If-Match with the quoted version on updates', async () => {
    const { fn, calls } = fakeFetch([json(200, { id: 's1', version: 4 })])
    await new ApiClient({ fetch: fn }).patch('/api/v1/students/s1', { name: '李四' }, { ifMatch: 3 })
    expect(header(calls[0], 'If-Match')).toBe('"3"')
    expect(calls[0].init.method).toBe('PATCH')
    expect(formatIfMatch('W/"7"')).toBe('W/"7"')
  })

  it('returns undefined for 204 No Content', async () => {
    const { fn } = fakeFetch([new Response(null, { status: 204 })])
    await expect(new ApiClient({ fetch: fn }).delete('/api/v1/assignments/a1')).resolves.toBeUndefined()
  })
})

describe('problem+json', () => {
  it('becomes an ApiError carrying detail, code and per-field errors', async () => {
    const { fn } = fakeFetch([json(422, validationProblem, 'application/problem+json')])
    const err = await new ApiClient({ fetch: fn }).create('/api/v1/students', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect(e.status).toBe(422)
    expect(e.code).toBe('validation_failed')
    expect(e.message).toBe('请求中有字段不符合要求')
    expect(e.problem.instance).toBe('/api/v1/students')
    // first message per field wins
    expect(e.fieldErrors).toEqual({ name: '姓名不能为空', birthDate: '出生日期不能为空' })
  })

  it('keeps extension members and marks a 409 as a conflict', () => {
    const e = problemFromResponse(
      409,
      'Conflict',
      'application/problem+json',
      JSON.stringify({
        status: 409,
        title: '冲突',
        detail: '已被他人修改',
        code: 'stale_version',
        resource: 'student',
      }),
    )
    expect(e.isConflict).toBe(true)
    expect(e.code).toBe('stale_version')
    expect(e.problem.resource).toBe('student')
    expect(e.fieldErrors).toEqual({})
  })

  it('survives a non-JSON error body (proxy HTML) with a status-only problem', () => {
    const e = problemFromResponse(502, 'Bad Gateway', 'text/html', '<html>bad gateway</html>')
    expect(e.status).toBe(502)
    expect(e.code).toBe('http_502')
    expect(e.message).toBe('Bad Gateway')
  })

  it('survives a JSON content type with a broken body', () => {
    const e = problemFromResponse(500, '', 'application/json', '{not json')
    expect(e.code).toBe('http_500')
    expect(e.message).toBe('HTTP 500')
  })

  it('turns a failed fetch into a network ApiError (status 0)', async () => {
    const fn = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    const err = (await new ApiClient({ fetch: fn }).get('/x').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.isNetwork).toBe(true)
    expect(err.code).toBe('network_error')
  })

  it('lets an abort through untouched', async () => {
    const fn = vi.fn(async () => {
      throw new DOMException('aborted', 'AbortError')
    }) as unknown as typeof fetch
    const err = await new ApiClient({ fetch: fn }).get('/x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DOMException)
  })

  it('calls onUnauthorized on a 401, and when the token cannot be refreshed', async () => {
    const onUnauthorized = vi.fn()
    const { fn } = fakeFetch([
      json(401, { status: 401, code: 'unauthorized', title: '未登录' }, 'application/problem+json'),
    ])
    await expect(new ApiClient({ fetch: fn, onUnauthorized }).get('/x')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)

    const refreshFails = new ApiClient({
      fetch: fn,
      onUnauthorized,
      getToken: async () => {
        throw new Error('refresh token expired')
      },
    })
    const err = (await refreshFails.get('/y').catch((e: unknown) => e)) as ApiError
    expect(err.status).toBe(401)
    expect(onUnauthorized).toHaveBeenCalledTimes(2)
  })
})

describe('upload', () => {
  class FakeXhr implements XhrLike {
    static last: FakeXhr
    method = ''
    url = ''
    headers: Record<string, string> = {}
    sent?: FormData
    status = 0
    statusText = ''
    responseText = ''
    responseType = 'application/json'
    upload: XhrLike['upload'] = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    onabort: (() => void) | null = null
    constructor() {
      FakeXhr.last = this
    }
    open(method: string, url: string) {
      this.method = method
      this.url = url
    }
    setRequestHeader(n: string, v: string) {
      this.headers[n] = v
    }
    getResponseHeader() {
      return this.responseType
    }
    send(body: FormData) {
      this.sent = body
    }
    abort() {
      this.onabort?.()
    }
    respond(status: number, body: unknown, type = 'application/json') {
      this.status = status
      this.responseType = type
      this.responseText = JSON.stringify(body)
      this.onload?.()
    }
  }

  it('posts the file as multipart field "file" with headers and reports progress', async () => {
    const progress: number[] = []
    const client = new ApiClient({ xhr: () => new FakeXhr(), getToken: async () => 't', getLocale: () => 'zh-CN' })
    const file = new File(['学籍号,姓名\n'], 'roster.csv', { type: 'text/csv' })
    const pending = client.upload<{ created: number }>('/api/v1/students/import', file, {
      onProgress: (f) => progress.push(f),
    })
    await Promise.resolve()
    await Promise.resolve()
    const xhr = FakeXhr.last
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/v1/students/import')
    expect(xhr.headers.Authorization).toBe('Bearer t')
    expect(xhr.headers['Accept-Language']).toBe('zh-CN')
    expect(xhr.headers['Content-Type']).toBeUndefined() // the browser sets the multipart boundary
    expect((xhr.sent?.get('file') as File).name).toBe('roster.csv')
    xhr.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true })
    xhr.respond(200, { total: 1, created: 1 })
    await expect(pending).resolves.toEqual({ total: 1, created: 1 })
    expect(progress).toEqual([0.5, 1])
  })

  it('rejects with the problem of a refused upload', async () => {
    const client = new ApiClient({ xhr: () => new FakeXhr() })
    const pending = client.upload('/api/v1/students/import', new Blob(['x']))
    await Promise.resolve()
    await Promise.resolve()
    FakeXhr.last.respond(
      413,
      { status: 413, code: 'payload_too_large', detail: '文件过大' },
      'application/problem+json',
    )
    const err = (await pending.catch((e: unknown) => e)) as ApiError
    expect(err.status).toBe(413)
    expect(err.message).toBe('文件过大')
  })
})

describe('buildQuery', () => {
  it('repeats array values and returns "" for nothing', () => {
    expect(buildQuery({ role: ['PE', 'ARTS'] })).toBe('?role=PE&role=ARTS')
    expect(buildQuery({})).toBe('')
    expect(buildQuery(undefined)).toBe('')
  })
})

describe('downloads', () => {
  it('gets a file with the token and reads the Chinese file name and the verification code', async () => {
    const pdf = new Response(new Blob(['%PDF-1.7 …'], { type: 'application/pdf' }), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition':
          'attachment; filename="________-5GD2.pdf"; filename*=UTF-8\'\'%E7%BB%BC%E5%90%88%E7%B4%A0%E8%B4%A8%E8%AF%84%E4%BB%B7%E6%A1%A3%E6%A1%88-5GD2.pdf',
        'X-Verification-Code': '5GD2-2CM8-P896',
      },
    })
    const { fn, calls } = fakeFetch([pdf])
    const client = new ApiClient({ fetch: fn, getToken: async () => 'tok' })
    const d = await client.download('/api/v1/students/S1/dossier.pdf')
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok')
    expect(d.filename).toBe('综合素质评价档案-5GD2.pdf')
    expect(d.headers.get('X-Verification-Code')).toBe('5GD2-2CM8-P896')
    expect(d.blob.size).toBeGreaterThan(0)
  })

  it('turns a refused download into the problem it carries', async () => {
    const { fn } = fakeFetch([
      new Response(JSON.stringify({ status: 404, code: 'not_found', detail: '未找到档案' }), {
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    ])
    await expect(new ApiClient({ fetch: fn }).download('/x')).rejects.toMatchObject({ status: 404, code: 'not_found' })
  })

  it('posts JSON for a file the request makes (account slips) and asks for the file type first', async () => {
    const pdf = new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': "attachment; filename*=UTF-8''%E8%B4%A6%E5%8F%B7%E5%8D%A1.pdf",
        'X-Accounts-Created': '3',
      },
    })
    const { fn, calls } = fakeFetch([pdf])
    const d = await new ApiClient({ fetch: fn, getToken: async () => 'tok' }).downloadPost(
      '/api/v1/classes/S1-C1/accounts',
      { studentIds: ['S1-C1-40'] },
      'application/pdf',
    )
    const headers = calls[0].init.headers as Record<string, string>
    expect(calls[0].init.method).toBe('POST')
    expect(headers.Accept).toBe('application/pdf, application/problem+json;q=0.5')
    expect(headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ studentIds: ['S1-C1-40'] })
    expect(d.filename).toBe('账号卡.pdf')
    expect(d.headers.get('X-Accounts-Created')).toBe('3')
  })

  it('turns a refused file request into its problem (provisioning not configured)', async () => {
    const { fn } = fakeFetch([
      new Response(
        JSON.stringify({ status: 503, code: 'accounts_not_configured', detail: '本系统未配置账号开通密钥' }),
        { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    ])
    await expect(new ApiClient({ fetch: fn }).downloadPost('/x', {}, 'application/pdf')).rejects.toMatchObject({
      status: 503,
      code: 'accounts_not_configured',
    })
  })

  it('reads plain and RFC 5987 file names', () => {
    expect(filenameFrom('attachment; filename="a b.zip"')).toBe('a b.zip')
    expect(filenameFrom("inline; filename*=UTF-8''%E4%BD%93%E6%B5%8B.xlsx")).toBe('体测.xlsx')
    expect(filenameFrom(null)).toBeUndefined()
  })
})
