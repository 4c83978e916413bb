/**
 * The built-in TEST operator key. Its private key is published with the fixtures, so anything
 * it signs must be marked `test: true`.
 */
import testOperator from './builtin/test-operator.json' with { type: 'json' }
import type { OperatorJwk } from './signature.js'

/** The public JWK of the built-in TEST operator key. */
export const TEST_OPERATOR_KEY: OperatorJwk = Object.freeze({ ...testOperator })

/** True when `jwk` (an exported public key) is the built-in TEST operator key. */
export function isTestOperatorKey(jwk: JsonWebKey): boolean {
  return (
    jwk.kty === TEST_OPERATOR_KEY.kty &&
    jwk.crv === TEST_OPERATOR_KEY.crv &&
    jwk.x === TEST_OPERATOR_KEY.x &&
    jwk.y === TEST_OPERATOR_KEY.y
  )
}
