/**
 * A loopback HTTP server (127.0.0.1, random port) whose answers each test sets per path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Answers one request; the request body is already read. */
export type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void

/** A running loopback server. */
export interface Loopback {
  /** http://127.0.0.1:PORT */
  readonly base: string
  readonly handlers: Map<string, Handler>
  /** Requests seen per path. */
  readonly hits: Map<string, number>
  close(): Promise<void>
}

/** Sends a 200 answer with a content type and a declared length. */
export function send(res: ServerResponse, type: string, body: Uint8Array): void {
  res.writeHead(200, { 'content-type': type, 'content-length': body.length })
  res.end(body)
}

/** Starts the server; unknown paths get 404. */
export async function startLoopback(): Promise<Loopback> {
  const handlers = new Map<string, Handler>()
  const hits = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = req.url ?? ''
      hits.set(path, (hits.get(path) ?? 0) + 1)
      const h = handlers.get(path)
      if (h) h(req, Buffer.concat(chunks), res)
      else {
        res.writeHead(404)
        res.end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    handlers,
    hits,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
