/**
 * Test PKI made with the OpenSSL command line in a temporary directory: a CA, an EC leaf, an
 * SM2 self-signed certificate and a CRL. Tests add PKCS#7 and PKCS#12 files with `run`.
 */
import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A scratch directory with an `openssl` runner. */
export interface OpenSslDir {
  readonly dir: string
  /** Runs openssl with the space-separated `line`, then the `extra` arguments. */
  run(line: string, ...extra: string[]): void
  read(name: string): Uint8Array
  /** DER of the PEM certificate file `name`. */
  der(name: string): Uint8Array
  /** Whether `openssl pkcs12 -legacy` is available. */
  readonly hasLegacy: boolean
  remove(): void
}

const CA_CONFIG = `[ca]
default_ca = d
[d]
database = index.txt
crlnumber = crlnumber
default_md = sha256
default_crl_days = 30
`

/** Creates the scratch directory and the test PKI in it. */
export function makeTestPki(): OpenSslDir {
  const dir = mkdtempSync(join(tmpdir(), 'yrd-cert-'))
  const path = (name: string): string => join(dir, name)
  const run = (line: string, ...extra: string[]): void => {
    execFileSync('openssl', [...line.split(' '), ...extra], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  }
  const read = (name: string): Uint8Array => new Uint8Array(readFileSync(path(name)))
  const der = (name: string): Uint8Array =>
    new Uint8Array(new X509Certificate(readFileSync(path(name))).raw)
  run(
    'req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30',
    ...['-subj', '/CN=Test CA/O=yrd-verify'],
    ...['-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=keyCertSign,cRLSign'],
  )
  run('ecparam -name prime256v1 -genkey -noout -out ee.key')
  run('req -new -key ee.key -out ee.csr', '-subj', '/CN=Leaf/O=yrd-verify')
  run('x509 -req -in ee.csr -CA ca.pem -CAkey ca.key -set_serial 7 -out ee.pem -days 10')
  run('genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out sm2.key')
  run('req -new -x509 -key sm2.key -sm3 -out sm2.pem -days 5', '-subj', '/CN=SM2 test')
  writeFileSync(path('index.txt'), '')
  writeFileSync(path('crlnumber'), '01\n')
  writeFileSync(path('ca.cnf'), CA_CONFIG)
  run('ca -gencrl -config ca.cnf -keyfile ca.key -cert ca.pem -out ca.crl')
  let hasLegacy = true
  try {
    run('list -cipher-algorithms -provider legacy')
  } catch {
    hasLegacy = false
  }
  return {
    dir,
    run,
    read,
    der,
    hasLegacy,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
