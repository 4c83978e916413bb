/**
 * English names of common licence types, by their Chinese name (证照名称, ZZMC), for verdicts
 * read in English. The recognition list names types in Chinese only; a type missing here is
 * shown by its Chinese name and type code.
 */

const ENGLISH: Readonly<Record<string, string>> = {
  营业执照: 'Business licence',
  食品经营许可证: 'Food business licence',
  食品生产许可证: 'Food production licence',
  道路运输经营许可证: 'Road transport business licence',
  道路运输证: 'Road transport certificate',
  医疗器械经营许可证: 'Medical device business licence',
  药品经营许可证: 'Drug business licence',
  排污许可证: 'Pollutant discharge permit',
  不动产权证书: 'Real estate title certificate',
  不动产登记证明: 'Real estate registration certificate',
  建筑业企业资质证书: 'Construction enterprise qualification certificate',
  安全生产许可证: 'Work safety licence',
  卫生许可证: 'Hygiene licence',
  居民身份证: 'Resident identity card',
  机动车驾驶证: 'Motor vehicle driving licence',
  机动车行驶证: 'Motor vehicle registration licence',
  出生医学证明: 'Medical birth certificate',
  结婚证: 'Marriage certificate',
  离婚证: 'Divorce certificate',
  社会保障卡: 'Social security card',
}

/** The English name of a licence type given by its Chinese name, if known. */
export function englishLicenceType(name: string | null | undefined): string | undefined {
  const key = name?.trim()
  return key && Object.hasOwn(ENGLISH, key) ? ENGLISH[key] : undefined
}
