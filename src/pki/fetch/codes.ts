/**
 * Stable codes (with Chinese and English texts) of the online fetcher's failures.
 */

/** Codes of download failures, with their zh/en texts. */
export const FETCH_CODES = {
  'revocation.fetch.no-location': {
    zh: '证书中没有可用的 http 下载地址',
    en: 'the certificate names no usable http location',
  },
  'revocation.fetch.scheme': {
    zh: '只允许 http 地址',
    en: 'only http URLs are fetched',
  },
  'revocation.fetch.timeout': {
    zh: '下载超时',
    en: 'the download timed out',
  },
  'revocation.fetch.too-large': {
    zh: '下载内容超过大小限制',
    en: 'the download exceeds the size limit',
  },
  'revocation.fetch.http-status': {
    zh: '服务器返回错误状态',
    en: 'the server answered with an error status',
  },
  'revocation.fetch.redirects': {
    zh: '重定向过多或不被允许',
    en: 'too many or disallowed redirects',
  },
  'revocation.fetch.network': {
    zh: '网络错误',
    en: 'network error',
  },
  'revocation.fetch.content-type': {
    zh: '返回内容类型不符',
    en: 'the server sent an unexpected content type',
  },
  'revocation.fetch.malformed': {
    zh: '下载内容无法解析',
    en: 'the downloaded content cannot be parsed',
  },
} as const satisfies Record<string, { zh: string; en: string }>

/** One of the fetch codes. */
export type FetchCode = keyof typeof FETCH_CODES

/** The "zh / en" message of a fetch code, with an optional detail. */
export function fetchMessage(code: FetchCode, detail?: string): string {
  const t = FETCH_CODES[code]
  return detail ? `${t.zh} / ${t.en}: ${detail}` : `${t.zh} / ${t.en}`
}
