/**
 * Character sets and collations a database may be created with. MySQL and MariaDB: Trove's own
 * list (trove/common/db/mysql/data.py, the first collation of each set is its default), plus the
 * `utf8mb3` spelling MySQL 8 uses and MySQL 8's `utf8mb4_0900_*` collations. PostgreSQL: the
 * server encodings and the usual locales (Trove itself does not check them).
 */

/** The Unicode collation suffixes MySQL offers for utf8, utf8mb4, ucs2, utf16 and utf32. */
const UNICODE_SUFFIXES = [
  'general_ci',
  'bin',
  'unicode_ci',
  'icelandic_ci',
  'latvian_ci',
  'romanian_ci',
  'slovenian_ci',
  'polish_ci',
  'estonian_ci',
  'spanish_ci',
  'swedish_ci',
  'turkish_ci',
  'czech_ci',
  'danish_ci',
  'lithuanian_ci',
  'slovak_ci',
  'spanish2_ci',
  'roman_ci',
  'persian_ci',
  'esperanto_ci',
  'hungarian_ci',
  'sinhala_ci',
  'german2_ci',
  'croatian_ci',
  'unicode_520_ci',
  'vietnamese_ci',
]

const unicode = (cs: string, extra: string[] = []) => [
  ...UNICODE_SUFFIXES.map((s) => `${cs}_${s}`),
  ...extra,
]
const pair = (cs: string, first: string) => [`${cs}_${first}`, `${cs}_bin`]

/** MySQL character set -> its collations, the default first. */
export const MYSQL_CHARSETS: Readonly<Record<string, readonly string[]>> = {
  armscii8: pair('armscii8', 'general_ci'),
  ascii: pair('ascii', 'general_ci'),
  big5: pair('big5', 'chinese_ci'),
  binary: ['binary'],
  cp1250: [
    'cp1250_general_ci',
    'cp1250_czech_cs',
    'cp1250_croatian_ci',
    'cp1250_bin',
    'cp1250_polish_ci',
  ],
  cp1251: [
    'cp1251_general_ci',
    'cp1251_bulgarian_ci',
    'cp1251_ukrainian_ci',
    'cp1251_bin',
    'cp1251_general_cs',
  ],
  cp1256: pair('cp1256', 'general_ci'),
  cp1257: ['cp1257_general_ci', 'cp1257_lithuanian_ci', 'cp1257_bin'],
  cp850: pair('cp850', 'general_ci'),
  cp852: pair('cp852', 'general_ci'),
  cp866: pair('cp866', 'general_ci'),
  cp932: pair('cp932', 'japanese_ci'),
  dec8: pair('dec8', 'swedish_ci'),
  eucjpms: pair('eucjpms', 'japanese_ci'),
  euckr: pair('euckr', 'korean_ci'),
  gb18030: ['gb18030_chinese_ci', 'gb18030_bin', 'gb18030_unicode_520_ci'],
  gb2312: pair('gb2312', 'chinese_ci'),
  gbk: pair('gbk', 'chinese_ci'),
  geostd8: pair('geostd8', 'general_ci'),
  greek: pair('greek', 'general_ci'),
  hebrew: pair('hebrew', 'general_ci'),
  hp8: pair('hp8', 'english_ci'),
  keybcs2: pair('keybcs2', 'general_ci'),
  koi8r: pair('koi8r', 'general_ci'),
  koi8u: pair('koi8u', 'general_ci'),
  latin1: [
    'latin1_swedish_ci',
    'latin1_german1_ci',
    'latin1_danish_ci',
    'latin1_german2_ci',
    'latin1_bin',
    'latin1_general_ci',
    'latin1_general_cs',
    'latin1_spanish_ci',
  ],
  latin2: [
    'latin2_general_ci',
    'latin2_czech_cs',
    'latin2_hungarian_ci',
    'latin2_croatian_ci',
    'latin2_bin',
  ],
  latin5: pair('latin5', 'turkish_ci'),
  latin7: ['latin7_general_ci', 'latin7_estonian_cs', 'latin7_general_cs', 'latin7_bin'],
  macce: pair('macce', 'general_ci'),
  macroman: pair('macroman', 'general_ci'),
  sjis: pair('sjis', 'japanese_ci'),
  swe7: pair('swe7', 'swedish_ci'),
  tis620: pair('tis620', 'thai_ci'),
  ucs2: unicode('ucs2', ['ucs2_general_mysql500_ci']),
  ujis: pair('ujis', 'japanese_ci'),
  utf16: unicode('utf16'),
  utf16le: pair('utf16le', 'general_ci'),
  utf32: unicode('utf32'),
  utf8: unicode('utf8', ['utf8_general_mysql500_ci']),
  utf8mb3: unicode('utf8mb3', ['utf8mb3_general_mysql500_ci']),
  utf8mb4: unicode('utf8mb4', [
    'utf8mb4_0900_ai_ci',
    'utf8mb4_0900_as_ci',
    'utf8mb4_0900_as_cs',
    'utf8mb4_0900_bin',
  ]),
}

/** Trove 18's defaults when a create names neither (MySQLSchema.__charset__/__collation__). */
export const MYSQL_DEFAULT_CHARSET = 'utf8'
export const MYSQL_DEFAULT_COLLATION = 'utf8_general_ci'

/** The character set a MySQL collation belongs to, or undefined for an unknown collation. */
export function mysqlCharsetOfCollation(collation: string): string | undefined {
  for (const [cs, list] of Object.entries(MYSQL_CHARSETS)) {
    if (list.includes(collation)) return cs
  }
  return undefined
}

/** PostgreSQL server encodings (`CREATE DATABASE ... ENCODING`). */
export const POSTGRES_ENCODINGS: readonly string[] = [
  'UTF8',
  'SQL_ASCII',
  'EUC_CN',
  'EUC_JP',
  'EUC_JIS_2004',
  'EUC_KR',
  'EUC_TW',
  'ISO_8859_5',
  'ISO_8859_6',
  'ISO_8859_7',
  'ISO_8859_8',
  'KOI8R',
  'KOI8U',
  'LATIN1',
  'LATIN2',
  'LATIN3',
  'LATIN4',
  'LATIN5',
  'LATIN6',
  'LATIN7',
  'LATIN8',
  'LATIN9',
  'LATIN10',
  'MULE_INTERNAL',
  'WIN866',
  'WIN874',
  'WIN1250',
  'WIN1251',
  'WIN1252',
  'WIN1253',
  'WIN1254',
  'WIN1255',
  'WIN1256',
  'WIN1257',
  'WIN1258',
]

export const POSTGRES_DEFAULT_ENCODING = 'UTF8'

/** Locales offered for a PostgreSQL database's LC_COLLATE (others of the same form are accepted). */
export const POSTGRES_LOCALES: readonly string[] = [
  'C',
  'POSIX',
  'C.UTF-8',
  'en_US.UTF-8',
  'en_GB.UTF-8',
  'de_DE.UTF-8',
  'fr_FR.UTF-8',
  'es_ES.UTF-8',
  'it_IT.UTF-8',
  'nl_NL.UTF-8',
  'pt_BR.UTF-8',
  'sv_SE.UTF-8',
  'ja_JP.UTF-8',
  'zh_CN.UTF-8',
]

/** A locale name as `initdb`/`CREATE DATABASE` take it: C, POSIX, ll[_CC][.codeset][@modifier]. */
export const POSTGRES_LOCALE_RE =
  /^(C|POSIX|C\.UTF-8|[a-z]{2,3}(_[A-Z]{2})?(\.[A-Za-z0-9-]+)?(@[a-z]+)?)$/

/**
 * Whether a locale can go with an encoding: C and POSIX go with any; a locale that names a
 * codeset must name the same one (`en_US.UTF-8` only with UTF8, `de_DE.ISO-8859-1` with LATIN1).
 */
export function postgresLocaleFits(locale: string, encoding: string): boolean {
  if (locale === 'C' || locale === 'POSIX') return true
  const dot = locale.indexOf('.')
  if (dot < 0) return true
  const codeset = locale
    .slice(dot + 1)
    .replace(/@.*$/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
  const enc = encoding.replace(/[^A-Za-z0-9]/g, '').toLowerCase()
  const aliases: Record<string, string> = {
    iso88591: 'latin1',
    iso88592: 'latin2',
    iso88593: 'latin3',
    iso88594: 'latin4',
    iso88599: 'latin5',
    iso885915: 'latin9',
    iso88595: 'iso88595',
    cp1251: 'win1251',
    cp1252: 'win1252',
    koi8r: 'koi8r',
    eucjp: 'eucjp',
    euckr: 'euckr',
  }
  return (aliases[codeset] ?? codeset) === enc
}
