/**
 * The four Yangtze River Delta provinces by GB/T 2260 division code.
 */

/** Province codes and names of the four provinces. */
export const YRD_PROVINCES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> =
  {
    '310000': { zh: '上海市', en: 'Shanghai' },
    '320000': { zh: '江苏省', en: 'Jiangsu' },
    '330000': { zh: '浙江省', en: 'Zhejiang' },
    '340000': { zh: '安徽省', en: 'Anhui' },
  }

/**
 * The province code (`xx0000`) of a 6-digit division code, or undefined when the code is not
 * six digits. A national code (`100000`) gives `100000`.
 */
export function provinceOfDivision(division: string): string | undefined {
  if (division.length !== 6) return undefined
  for (let i = 0; i < 6; i++) {
    const c = division.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return undefined
  }
  return `${division.slice(0, 2)}0000`
}
