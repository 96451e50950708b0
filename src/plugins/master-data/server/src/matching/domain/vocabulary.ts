/**
 * Default vocabulary of the name normaliser: legal forms, regions and free-mail domains. Data, not
 * code: configuration can extend every list (issue 3). Longest forms first where one contains another.
 */

/** Chinese legal-form and organisation suffixes (simplified; traditional input is folded first). */
export const CN_LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团股份',
  '集团公司',
  '集团',
  '分公司',
  '总公司',
  '公司',
  '合伙企业',
  '有限合伙',
  '个人独资企业',
  '厂',
];

/** Latin-script legal forms, matched as whole words after punctuation is removed. */
export const LATIN_LEGAL_FORMS = [
  'co', 'company', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'llp', 'lp', 'plc',
  'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy',
  'pte', 'pty', 'kk', 'group', 'holding', 'holdings', 'liability',
];

/** Provinces, municipalities and large cities, without their 省/市/自治区 suffix. */
export const CN_REGIONS = [
  '北京', '上海', '天津', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古',
  '广西', '西藏', '宁夏', '新疆', '香港', '澳门', '深圳', '广州', '杭州', '苏州', '南京', '成都', '武汉', '西安',
  '厦门', '宁波', '青岛', '大连', '东莞', '佛山', '无锡', '长沙', '郑州', '济南', '合肥', '福州', '昆明', '沈阳',
  '哈尔滨', '长春', '石家庄', '太原', '南昌', '南宁', '贵阳', '兰州', '珠海', '中山', '惠州', '温州', '绍兴', '嘉兴',
];

const REGION_SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市'];

/** Every written form of a region: 深圳, 深圳市, 广东省, 新疆维吾尔自治区 … longest first. */
export const CN_REGION_FORMS = CN_REGIONS.flatMap((r) => [...REGION_SUFFIXES.map((s) => r + s), r]).sort((a, b) => b.length - a.length);

/** Mailbox providers: a shared address there says nothing about the company. */
export const FREE_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.jp',
  'icloud.com', 'me.com', 'aol.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'mail.ru', 'yandex.ru',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com',
];
