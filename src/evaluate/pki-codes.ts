/**
 * Registers the code tables of the PKI steps (CRL, OCSP, downloads, time-stamps) with the
 * verdict's messages, so that any of their codes rendered as a check has both languages.
 */
import { CRL_CODES } from '../pki/crl/codes.js'
import { FETCH_CODES } from '../pki/fetch/codes.js'
import { OCSP_CODES } from '../pki/ocsp/codes.js'
import { TIMESTAMP_CODES } from '../pki/timestamp/codes.js'
import { registerCodes } from '../verdict/messages.js'

registerCodes(CRL_CODES)
registerCodes(OCSP_CODES)
registerCodes(FETCH_CODES)
registerCodes(TIMESTAMP_CODES)
