/**
 * Strict, bounded XML parsing (no DOCTYPE, UTF-8 only, namespaces resolved).
 */
export { parseXml } from './parse-xml.js'
export { XmlFormatError, XmlLimitError } from './errors.js'
export { DEFAULT_XML_LIMITS, resolveXmlLimits } from './limits.js'
export type { XmlLimits } from './limits.js'
export { XML_NAMESPACE } from './namespaces.js'
export { attributeValue, childElements, directText, elementChildren } from './query.js'
export type { XmlAttribute, XmlDocument, XmlElement, XmlNode, XmlText } from './types.js'
