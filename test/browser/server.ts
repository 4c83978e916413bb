/**
 * A local HTTP server for the browser test (Node-only test code), on 127.0.0.1 and a free
 * port: the page, the bundle, and read-only fixture files.
 */
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize } from 'node:path'
import { FIXTURES } from '../fuzz/fixtures.js'

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>yrd-verify in the browser</title></head>
<body><script type="module">
  window.yrd = await import('/bundle.js')
  document.body.dataset.ready = 'yes'
</script></body></html>`

/** A running server and its origin. */
export interface TestServer {
  readonly origin: string
  close(): Promise<void>
}

/** Serves `/` (the page), `/bundle.js` and `/fixtures/…`; everything else is 404. */
export async function serve(bundle: string): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
      } else if (url.pathname === '/bundle.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle)
      } else if (url.pathname.startsWith('/fixtures/')) {
        const rel = normalize(decodeURIComponent(url.pathname.slice('/fixtures/'.length)))
        if (rel.startsWith('..') || rel.startsWith('/')) return res.writeHead(403).end()
        try {
          const body = await readFile(join(FIXTURES, rel))
          res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body)
        } catch {
          res.writeHead(404).end()
        }
      } else {
        res.writeHead(404).end()
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
