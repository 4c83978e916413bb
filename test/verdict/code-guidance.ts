/**
 * The "meaning / what to do" column of docs/check-codes.md: guidance by code prefix, the
 * longest matching prefix wins. Every code must match one (the codes test enforces it).
 */

/** Guidance in English and Chinese for one prefix. */
export interface Guidance {
  readonly en: string
  readonly zh: string
}

export const GUIDANCE: Readonly<Record<string, Guidance>> = {
  input: {
    en:
      'The file could not be read as any supported kind. Check that it is the original file ' +
      '(not a screenshot, a printout scan or a renamed file) and ask the sender for it ' +
      'again.',
    zh: '文件无法识别。请确认是原始文件而非截图、扫描件或改名文件，并向提供方重新索取。',
  },
  'input.kind-not-available': {
    en:
      'The kind is recognised but its verification is not built yet: the result cannot be ' +
      'recognised. Verify by another channel.',
    zh: '已识别文件类型，但尚不支持验证，无法互认。请通过其他渠道核验。',
  },
  registry: {
    en:
      'The built-in TEST registry decided the trust: never use such a result for a real ' +
      'decision; pass the official registry with --registry.',
    zh: '使用了内置测试注册表，结果不得用于正式业务；请用 --registry 指定正式注册表。',
  },
  certificate: {
    en:
      'A property of the certificate itself (parse, usage, algorithm, revocation, trust ' +
      'service). A failure means the certificate must not be relied on; an indeterminate ' +
      'one usually needs revocation data (--crl/--ocsp/--online) or an updated registry.',
    zh: '证书本身的属性（解析、用途、算法、吊销、信任服务）。失败即不可信赖；无法确定通常需补充吊销信息（--crl/--ocsp/--online）或更新注册表。',
  },
  chain: {
    en:
      'Building or validating the path from the signer to a registry anchor (RFC 5280). No ' +
      'path: the issuing CA is not in the registry or an intermediate is missing; revoked ' +
      'or bad signature: reject; expired: check whether a time-stamp proves earlier ' +
      'signing.',
    zh: '证书路径构建与验证（RFC 5280）。无路径：签发机构不在注册表或缺少中间证书；吊销或签名错误：不予互认；过期：查看是否有时间戳证明更早签署。',
  },
  'chain.ok': {
    en: 'The certificate path is valid: nothing to do.',
    zh: '证书路径有效，无需处理。',
  },
  revocation: {
    en:
      'Revocation data (CRL, OCSP, online fetch). Unknown or stale data leaves the result ' +
      'indeterminate: supply a fresh CRL or OCSP response, or allow --online; a revoked ' +
      'status rejects.',
    zh: '吊销信息（CRL、OCSP、在线获取）。信息缺失或过期导致无法确定：请提供最新 CRL/OCSP 或使用 --online；已吊销则不予互认。',
  },
  timestamp: {
    en:
      'An RFC 3161 time-stamp token: its imprint, signature and TSA certificate. A failed ' +
      'token is not proof of time; ask for a document time-stamped by a TSA in the ' +
      'registry.',
    zh: 'RFC 3161 时间戳：摘要、签名与时间戳机构证书。失败的时间戳不能证明时间；请索取由注册表内机构加盖时间戳的文件。',
  },
  poe: {
    en:
      'Proof of existence: whether a trusted time proves the signature existed before a ' +
      'certificate expired or was revoked.',
    zh: '存在性证明：可信时间能否证明签名早于证书过期或吊销。',
  },
  policy: {
    en:
      'A recognition rule of the registry (licence type on the year list, licence validity, ' +
      'issuing service). The signatures may be fine, but the document is not recognised: ' +
      'refer the case to the issuing province.',
    zh: '注册表互认规则（年度事项清单、证照有效期、签发服务）。签名可能有效，但不予互认：请转签发省份处理。',
  },
  cms: {
    en:
      'CMS / PKCS#7 / GB/T 35275 signature structure and cryptography. Digest or signature ' +
      'mismatch: the content was altered or the signature forged, reject. Unsupported or ' +
      'weak algorithm: ask for a re-signed document.',
    zh: 'CMS / PKCS#7 / GB/T 35275 签名结构与密码运算。摘要或签名不符：内容被篡改或伪造，不予互认；算法不支持或过弱：请重新签署。',
  },
  ofd: {
    en:
      'OFD package and Signatures.xml (GB/T 33190). A reference mismatch or missing file ' +
      'means the package changed after signing: reject. Unprotected files are shown as a ' +
      'warning: look at what they contain.',
    zh: 'OFD 包与签名描述文件（GB/T 33190）。引用摘要不符或文件缺失说明签署后被修改：不予互认。未受保护的文件仅为警告：请查看其内容。',
  },
  seal: {
    en:
      'The electronic seal (GB/T 38540 SESeal): format, maker signature, validity, picture ' +
      'and the list of certificates allowed to use it. A bad maker signature or a seal ' +
      'outside its validity rejects; picture warnings need a human look at the HTML report.',
    zh: '电子印章（GB/T 38540）：格式、制章者签名、有效期、印模与授权证书列表。制章签名错误或超出有效期不予互认；印模告警请在 HTML 报告中人工查看。',
  },
  'seal.picture': {
    en:
      "The seal's picture, and the picture a viewer shows compared with it (and with the " +
      'registry). A mismatch means the seal you see is not the seal that was signed: refuse ' +
      'the document. An undecodable picture cannot be compared: check the seal by another ' +
      'channel. For a signature that is not a seal the picture is decoration only.',
    zh: '印章图片，以及所见印章图片与签章中印章图片（及注册表登记）的比较。不一致说明所见印章并非所签印章，应拒收；图片无法解码时无法比较，请通过其他渠道核验；非签章的签名所显示图片仅为装饰。',
  },
  'policy.seal-picture-registry-mismatch': {
    en:
      "The seal's picture is not the one its province registered: it is not the registered " +
      'seal. Refuse the document and report the seal to the seal maker of that province.',
    zh: '印章图片与所在省份登记的图片不一致，不是登记的印章。请拒收并向该省制章单位报告。',
  },
  ses: {
    en:
      'The seal signature (SES_Signature): data hash over the protected file, signer ' +
      'signature, signer listed in the seal, claimed time and time-stamp. A hash or ' +
      'signature mismatch means alteration or forgery: reject.',
    zh: '电子签章（SES_Signature）：受保护数据摘要、签章人签名、签章人是否在印章授权列表、声称时间与时间戳。摘要或签名不符即篡改或伪造：不予互认。',
  },
  pdf: {
    en:
      'PDF signatures: byte ranges, revisions, changes after signing and appearances. Gaps ' +
      'or disallowed changes mean the document was altered after signing: reject.',
    zh: 'PDF 签名：字节范围、修订版本、签署后修改与外观。存在间隙或不允许的修改即签署后被改动：不予互认。',
  },
  'pdf.truncated': {
    en:
      'The PDF file has no startxref … %%EOF: it was cut short in download, copying or ' +
      'storage. Nothing in it can be verified; ask the sender for the complete file.',
    zh:
      'PDF 文件中没有 startxref … %%EOF：下载、复制或存储时被截断，无法验证。' +
      '请向提供方索取完整文件。',
  },
  'pdf.changes.overlap-unknown': {
    en:
      'An annotation was added or changed after signing, and the signed page content could ' +
      'not be read to tell whether it covers it. Compare the page with the signed revision ' +
      'by eye, or ask for a copy without later annotations.',
    zh:
      '签名后新增或修改了注释，但已签名的页面内容无法读取，不能判断是否被遮盖。' +
      '请人工对照签名版本，或索取不含后加注释的文件。',
  },
  licence: {
    en:
      'The licence metadata (GB/T 36903) and identifier (GB/T 36904): present, well formed, ' +
      'check characters right, holder ID consistent with its type. A failure means the ' +
      'licence data is wrong or forged even if the seal is valid: refer it to the issuer.',
    zh:
      '证照元数据（GB/T 36903）与证照标识（GB/T 36904）：是否存在、' +
      '格式与校验位是否正确、持证主体代码与类型是否一致。失败说明证照数据有误或伪造，即' +
      '使印章有效：请转签发机构核实。',
  },
  jws: {
    en:
      'JWS licences: header, payload and signature. A signature failure means alteration or ' +
      'forgery: reject.',
    zh: 'JWS 证照：头、载荷与签名。签名失败即篡改或伪造：不予互认。',
  },
}

/** The guidance for `code`: the longest prefix (whole dotted segments) that has one. */
export function guidanceFor(code: string): Guidance | undefined {
  const parts = code.split('.')
  for (let n = parts.length; n > 0; n--) {
    const g = GUIDANCE[parts.slice(0, n).join('.')]
    if (g) return g
  }
  return undefined
}
