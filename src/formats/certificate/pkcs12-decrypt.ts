/**
 * Decrypting the encrypted parts of a PKCS#12 file. PBES2 with AES runs on WebCrypto through
 * pkijs; PBES2 with 3DES and the legacy PKCS#12 PBE schemes (3DES, RC2-40) use node-forge,
 * which is loaded only when such a file is met.
 */
import type * as asn1js from 'asn1js'
import { getCrypto, PBES2Params, PBKDF2Params, type EncryptedContentInfo } from 'pkijs'
import { FormatError, LimitError } from '../../errors.js'

/** Highest iteration count accepted in a key derivation: more is treated as an attack. */
export const MAX_KDF_ITERATIONS = 1_000_000

/** Total key-derivation iterations spent on one file (MAC and every decryption together). */
export const MAX_KDF_WORK = 4_000_000

const PBES2 = '1.2.840.113549.1.5.13'
const PBKDF2 = '1.2.840.113549.1.5.12'
const AES_CBC = new Set([
  '2.16.840.1.101.3.4.1.2',
  '2.16.840.1.101.3.4.1.22',
  '2.16.840.1.101.3.4.1.42',
])
const DES_EDE3_CBC = '1.2.840.113549.3.7'
const LEGACY_PBE: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
}

/** Thrown when decryption fails in a way a wrong password explains. */
export class DecryptionFailed extends Error {}

/**
 * Decrypts an EncryptedContentInfo of a PKCS#12 SafeContents. Throws FormatError
 * `format.unsupported` for schemes it cannot read, LimitError `limit.kdf` for excessive
 * iteration counts, and DecryptionFailed when the plaintext is not properly padded.
 */
export async function decryptContent(
  info: EncryptedContentInfo,
  password: string,
  budget: KdfBudget,
): Promise<Uint8Array> {
  const oid = info.contentEncryptionAlgorithm.algorithmId
  const params = info.contentEncryptionAlgorithm.algorithmParams as asn1js.AsnType | undefined
  const data = new Uint8Array(info.getEncryptedContent())
  if (oid === PBES2) {
    const scheme = readPbes2(params, budget)
    if (AES_CBC.has(scheme)) {
      const plain = await getCrypto(true)
        .decryptEncryptedContentInfo({
          password: new TextEncoder().encode(password).buffer,
          encryptedContentInfo: info,
        })
        .catch((e: unknown) => {
          throw new DecryptionFailed('AES-CBC decryption failed', { cause: e })
        })
      return new Uint8Array(plain)
    }
    if (scheme === DES_EDE3_CBC) return forgeDecrypt(oid, params, data, utf8Binary(password))
    throw unsupported(`PBES2 encryption scheme ${scheme}`)
  }
  if (LEGACY_PBE[oid] !== undefined) {
    budget.charge(legacyIterations(params), 2)
    return forgeDecrypt(oid, params, data, password)
  }
  throw unsupported(`encryption algorithm ${oid}`)
}

/** Key-derivation work spent on one file, bounded per derivation and in total. */
export class KdfBudget {
  private spent = 0

  /**
   * Accounts for `times` derivations of `count` iterations. Throws LimitError `limit.kdf` when
   * the count is outside 1..MAX_KDF_ITERATIONS or the file's total passes MAX_KDF_WORK.
   */
  charge(count: number, times = 1): void {
    if (!Number.isSafeInteger(count) || count < 1 || count > MAX_KDF_ITERATIONS) {
      throw new LimitError(
        'limit.kdf',
        `PKCS#12: key derivation iteration count ${count} outside 1..${MAX_KDF_ITERATIONS} / ` +
          '密钥派生迭代次数超出范围',
      )
    }
    this.spent += count * times
    if (this.spent > MAX_KDF_WORK) {
      throw new LimitError(
        'limit.kdf',
        `PKCS#12: more than ${MAX_KDF_WORK} key derivation iterations in one file / ` +
          '单个文件的密钥派生迭代总数过多',
      )
    }
  }
}

function readPbes2(params: asn1js.AsnType | undefined, budget: KdfBudget): string {
  const pbes2 = new PBES2Params({ schema: params })
  if (pbes2.keyDerivationFunc.algorithmId !== PBKDF2) {
    throw unsupported(`PBES2 key derivation ${pbes2.keyDerivationFunc.algorithmId}`)
  }
  const kdf = new PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams })
  budget.charge(kdf.iterationCount)
  return pbes2.encryptionScheme.algorithmId
}

/** pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER } */
function legacyIterations(params: asn1js.AsnType | undefined): number {
  const parts = (params as { valueBlock?: { value?: unknown[] } } | undefined)?.valueBlock?.value
  const count = parts?.[1] as { valueBlock?: { valueDec?: number } } | undefined
  const value = count?.valueBlock?.valueDec
  if (typeof value !== 'number') throw new Error('bad pkcs-12PbeParams')
  return value
}

interface ForgeBuffer {
  getBytes(): string
}
interface ForgeCipher {
  update(input: ForgeBuffer): void
  finish(): boolean
  readonly output: ForgeBuffer
}
interface ForgeSubset {
  asn1: { fromDer(input: ForgeBuffer, strict?: boolean): unknown }
  util: { createBuffer(bytes: string, encoding?: 'raw'): ForgeBuffer }
  pki: { pbe: { getCipher(oid: string, params: unknown, password: string): ForgeCipher } }
}

async function loadForge(): Promise<ForgeSubset> {
  const mod = (await import('node-forge')) as unknown as { default?: ForgeSubset } & ForgeSubset
  return mod.default ?? mod
}

async function forgeDecrypt(
  oid: string,
  params: asn1js.AsnType | undefined,
  data: Uint8Array,
  password: string,
): Promise<Uint8Array> {
  if (!params) throw new Error('missing encryption parameters')
  const forge = await loadForge()
  const paramsDer = new Uint8Array(params.toBER(false))
  const forgeParams = forge.asn1.fromDer(forge.util.createBuffer(binary(paramsDer), 'raw'), true)
  const cipher = forge.pki.pbe.getCipher(oid, forgeParams, password)
  cipher.update(forge.util.createBuffer(binary(data), 'raw'))
  if (!cipher.finish()) throw new DecryptionFailed('bad padding after decryption')
  const out = cipher.output.getBytes()
  const bytes = new Uint8Array(out.length)
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i)
  return bytes
}

function binary(bytes: Uint8Array): string {
  let s = ''
  const step = 0x8000
  for (let i = 0; i < bytes.length; i += step) {
    s += String.fromCharCode(...bytes.subarray(i, i + step))
  }
  return s
}

function utf8Binary(text: string): string {
  return binary(new TextEncoder().encode(text))
}

function unsupported(what: string): FormatError {
  return new FormatError(
    'format.unsupported',
    `PKCS#12: unsupported ${what} / PKCS#12：不支持的${what}`,
  )
}
