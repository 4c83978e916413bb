/**
 * The issuingDistributionPoint CRL extension (RFC 5280 §5.2.5).
 */
import { children, expectUniversal, readSingle, TAG, type Tlv } from '../../asn1/der.js'
import { FormatError } from '../../errors.js'
import { namedBits, parseDistributionPointName } from '../extensions.js'
import type { GeneralName } from '../general-name.js'
import type { NameAttribute } from '../name.js'
import { PLAIN } from '../../shape.js'

/** RFC 5280 ReasonFlags bit names, bit 0 first. */
export const REASON_FLAGS = [
  'unused',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
] as const

/** The reasons a complete set of CRLs must cover (every flag except 'unused'). */
export const ALL_REASONS: readonly string[] = REASON_FLAGS.slice(1)

/** A parsed issuingDistributionPoint. */
export interface IssuingDistributionPoint {
  readonly fullName?: readonly GeneralName[]
  readonly nameRelativeToIssuer?: readonly NameAttribute[]
  readonly onlyUserCerts: boolean
  readonly onlyCaCerts: boolean
  readonly onlySomeReasons?: readonly string[]
  readonly indirectCrl: boolean
  readonly onlyAttributeCerts: boolean
  /** DER of the extension value, to compare scopes of complete and delta CRLs. */
  readonly der: Uint8Array
}

function flag(t: Tlv): boolean {
  if (t.value.length !== 1) throw new FormatError('format.crl', 'IDP: bad BOOLEAN')
  return t.value[0] !== 0
}

/** Parses the extension value of an issuingDistributionPoint. */
export function parseIssuingDistributionPoint(der: Uint8Array): IssuingDistributionPoint {
  const out: {
    fullName?: GeneralName[]
    nameRelativeToIssuer?: NameAttribute[]
    onlyUserCerts: boolean
    onlyCaCerts: boolean
    onlySomeReasons?: string[]
    indirectCrl: boolean
    onlyAttributeCerts: boolean
    der: Uint8Array
  } = {
    onlyUserCerts: false,
    onlyCaCerts: false,
    indirectCrl: false,
    onlyAttributeCerts: false,
    der,
  }
  for (const t of children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'IDP'))) {
    if (t.cls !== 2) throw new FormatError('format.crl', 'IDP: bad field / 发布点字段错误')
    switch (t.tag) {
      case 0:
        parseDistributionPointName(t, out)
        break
      case 1:
        out.onlyUserCerts = flag(t)
        break
      case 2:
        out.onlyCaCerts = flag(t)
        break
      case 3:
        out.onlySomeReasons = namedBits(
          { ...PLAIN, ...t, cls: 0, tag: TAG.BIT_STRING },
          REASON_FLAGS,
        )
        break
      case 4:
        out.indirectCrl = flag(t)
        break
      case 5:
        out.onlyAttributeCerts = flag(t)
        break
      default:
        throw new FormatError('format.crl', 'IDP: unknown field / 发布点未知字段')
    }
  }
  return out
}
