/**
 * PKCS#12 (.p12, .pfx) certificate files: the MAC is checked with the password, encrypted
 * SafeContents are decrypted, and certificates and CRLs are returned as raw DER. Private keys
 * are never decrypted or returned.
 */
import type * as asn1js from 'asn1js'
import {
  AlgorithmIdentifier,
  EncryptedContentInfo,
  EncryptedData,
  getCrypto,
  PFX,
  type MacData,
} from 'pkijs'
import { FormatError, YrdError } from '../../errors.js'
import { parseCertificate } from '../../pki/certificate.js'
import { EvidenceCollector } from './collector.js'
import { decryptContent, DecryptionFailed, KdfBudget } from './pkcs12-decrypt.js'
import {
  explicit,
  items,
  octets,
  oid,
  parseBer,
  pkcs12Error,
  readSafeContents,
  type BagIndex,
} from './pkcs12-bags.js'
import { bundleSubjects } from './subjects.js'
import type { CertificateEvidence } from './types.js'

const DATA = '1.2.840.113549.1.7.1'
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6'
const MAC_HASHES: Readonly<Record<string, { name: string; length: number }>> = {
  '1.3.14.3.2.26': { name: 'SHA-1', length: 20 },
  '2.16.840.1.101.3.4.2.1': { name: 'SHA-256', length: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', length: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', length: 64 },
}

/**
 * Reads the certificates of a PKCS#12 file. Without a password the empty password is tried.
 * A missing or wrong password gives YrdError `input.password`.
 */
export async function readPkcs12File(
  bytes: Uint8Array,
  password: string | undefined,
): Promise<CertificateEvidence> {
  const pfx = parsePfx(bytes)
  const content = octets(pfx.authSafe.content, 'authSafe content')
  const secret = password ?? ''
  const macChecked = pfx.macData !== undefined
  const budget = new KdfBudget()
  if (pfx.macData && !(await macMatches(pfx.macData, content, secret, budget))) {
    throw passwordError(password === undefined)
  }
  const out = new EvidenceCollector()
  const index: BagIndex = { keyIds: new Set(), certKeyIds: new Map(), shroudedKeys: [] }
  let decrypted = false
  const onFailure = (): YrdError =>
    macChecked
      ? pkcs12Error('encrypted content does not decrypt')
      : passwordError(password === undefined)
  for (const info of items(parseBer(content, 'AuthenticatedSafe'), 'AuthenticatedSafe')) {
    const [typeTlv, contentTlv] = items(info, 'ContentInfo')
    const type = oid(typeTlv, 'contentType')
    if (type === DATA) {
      readSafeContents(octets(explicit(contentTlv, 'content'), 'content'), out, index)
    } else if (type === ENCRYPTED_DATA) {
      await readEncrypted(
        explicit(contentTlv, 'content'),
        { secret, budget, onFailure },
        out,
        index,
      )
      decrypted = true
    } else {
      throw new FormatError(
        'format.unsupported',
        `PKCS#12: content type ${type} (public-key privacy mode) is not supported / ` +
          `PKCS#12：不支持内容类型 ${type}（公钥保密模式）`,
      )
    }
  }
  const key = index.shroudedKeys[0]
  if (!macChecked && !decrypted && key) await checkKeyPassword(key, { secret, budget, onFailure })
  return evidenceOf(out, index)
}

function parsePfx(bytes: Uint8Array): PFX {
  let pfx: PFX
  try {
    pfx = new PFX({ schema: parseBer(bytes, 'PFX') })
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw pkcs12Error('not a PFX structure', e)
  }
  if (pfx.version !== 3) throw pkcs12Error(`version ${pfx.version} instead of 3`)
  if (pfx.authSafe.contentType !== DATA) {
    throw new FormatError(
      'format.unsupported',
      'PKCS#12 in public-key integrity mode (signed) is not supported / ' +
        '不支持公钥完整性模式（签名）的 PKCS#12',
    )
  }
  return pfx
}

async function macMatches(
  mac: MacData,
  content: Uint8Array,
  password: string,
  budget: KdfBudget,
): Promise<boolean> {
  const algorithm = mac.mac.digestAlgorithm.algorithmId
  const hash = MAC_HASHES[algorithm]
  if (!hash) {
    throw new FormatError(
      'format.unsupported',
      `PKCS#12: MAC algorithm ${algorithm} is not supported / 不支持的 MAC 算法 ${algorithm}`,
    )
  }
  const iterations = mac.iterations ?? 1
  budget.charge(iterations)
  const digest = mac.mac.digest.valueBlock.valueHexView
  if (digest.length !== hash.length) throw pkcs12Error('MAC has the wrong length')
  try {
    return await getCrypto(true).verifyDataStampedWithPassword({
      password: buffer(new TextEncoder().encode(password)),
      hashAlgorithm: hash.name,
      salt: buffer(mac.macSalt.valueBlock.valueHexView),
      iterationCount: iterations,
      contentToVerify: buffer(content),
      signatureToVerify: buffer(digest),
    })
  } catch (e) {
    throw pkcs12Error('MAC cannot be computed', e)
  }
}

/** The password, the work budget and the error a failed decryption means. */
interface Decryption {
  readonly secret: string
  readonly budget: KdfBudget
  readonly onFailure: () => YrdError
}

async function readEncrypted(
  node: asn1js.AsnType,
  how: Decryption,
  out: EvidenceCollector,
  index: BagIndex,
): Promise<void> {
  let data: EncryptedData
  try {
    data = new EncryptedData({ schema: node })
  } catch (e) {
    throw pkcs12Error('bad EncryptedData', e)
  }
  let plain: Uint8Array
  try {
    plain = await decryptContent(data.encryptedContentInfo, how.secret, how.budget)
  } catch (e) {
    if (e instanceof YrdError) throw e
    if (e instanceof DecryptionFailed) throw how.onFailure()
    throw pkcs12Error('bad encryption parameters', e)
  }
  try {
    readSafeContents(plain, out, index)
  } catch (e) {
    if (e instanceof YrdError && e.code === 'format.pkcs12') throw how.onFailure()
    throw e
  }
}

/**
 * Without a MAC and with certificates stored in clear, only a shrouded key proves the password:
 * it is decrypted, checked to be a PrivateKeyInfo, and dropped.
 */
async function checkKeyPassword(node: asn1js.AsnType, how: Decryption): Promise<void> {
  const [algorithm, data] = items(node, 'EncryptedPrivateKeyInfo')
  octets(data, 'encryptedData')
  let info: EncryptedContentInfo
  try {
    info = new EncryptedContentInfo({
      contentType: DATA,
      contentEncryptionAlgorithm: new AlgorithmIdentifier({ schema: algorithm }),
      encryptedContent: data as asn1js.OctetString,
    })
  } catch (e) {
    throw pkcs12Error('bad EncryptedPrivateKeyInfo', e)
  }
  let plain: Uint8Array
  try {
    plain = await decryptContent(info, how.secret, how.budget)
  } catch (e) {
    if (e instanceof YrdError) throw e
    if (e instanceof DecryptionFailed) throw how.onFailure()
    throw pkcs12Error('bad key encryption parameters', e)
  }
  try {
    items(parseBer(plain, 'PrivateKeyInfo'), 'PrivateKeyInfo')
  } catch {
    throw how.onFailure()
  } finally {
    plain.fill(0)
  }
}

function evidenceOf(out: EvidenceCollector, index: BagIndex): CertificateEvidence {
  const certs = out.certificates.map((der, i) => {
    try {
      return parseCertificate(der)
    } catch (e) {
      throw pkcs12Error(`certificate ${i + 1} does not parse`, e)
    }
  })
  if (certs.length === 0) {
    throw new FormatError(
      'format.unsupported',
      'the PKCS#12 file holds no certificate / PKCS#12 文件中没有证书',
    )
  }
  const withKey = certs
    .map((_, i) => i)
    .filter((i) => {
      const id = index.certKeyIds.get(i)
      return id !== undefined && index.keyIds.has(id)
    })
  return {
    container: 'pkcs12',
    certificates: out.certificates,
    crls: out.crls,
    ocspResponses: [],
    subjectIndexes: withKey.length > 0 ? withKey : bundleSubjects(certs),
    hasPrivateKey: out.hasPrivateKey,
  }
}

function passwordError(missing: boolean): YrdError {
  return missing
    ? new YrdError('input.password', 'the PKCS#12 file needs a password / 该 PKCS#12 文件需要密码')
    : new YrdError(
        'input.password',
        'wrong password for the PKCS#12 file (or the file is damaged) / ' +
          'PKCS#12 文件密码错误（或文件已损坏）',
      )
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer
}
