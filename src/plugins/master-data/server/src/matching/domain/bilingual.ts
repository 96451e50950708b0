/**
 * Bilingual vocabulary of company names: the words that say what a company does (industry) or what
 * it is (organisation words), in Chinese and in English, each mapped to one concept. Data, not code.
 * A name is compared on its trade name (what is left without these words, romanised) and, as
 * evidence of its own, on these concepts: 恒通创新科技 and "Hengtongchuangxin Technology" share
 * the trade name `hengtongchuangxin` and the concept `tech`; 恒通科技 and 恒通贸易 share the trade
 * name but not the concept.
 *
 * General vocabulary only (the words a registry clerk or a translator would use), never names.
 * English words are lower case and listed with their usual variants (plural, -ic/-ical).
 */

export interface Concept {
  id: string;
  /** Chinese words (simplified), stripped from the end of a Chinese name, longest first. */
  zh: string[];
  /** English words or two-word phrases, matched as whole words anywhere in a Latin name. */
  en: string[];
}

export const INDUSTRY_CONCEPTS: Concept[] = [
  { id: 'tech', zh: ['科技', '技术', '高科技', '高新技术'], en: ['technology', 'technologies', 'tech', 'technical', 'hi-tech', 'hitech', 'high-tech', 'hightech', 'science', 'sci-tech', 'scitech'] },
  { id: 'it', zh: ['信息技术', '信息科技', '信息'], en: ['information technology', 'information', 'it', 'infotech'] },
  { id: 'electronics', zh: ['电子', '电子科技'], en: ['electronics', 'electronic'] },
  { id: 'electric', zh: ['电气', '电器', '电力', '电工'], en: ['electric', 'electrical', 'electricals', 'appliances', 'power'] },
  { id: 'trade', zh: ['贸易', '商贸', '进出口', '国际贸易', '外贸', '经贸'], en: ['trading', 'trade', 'traders', 'commerce', 'commercial', 'import export', 'imports', 'exports', 'import', 'export'] },
  { id: 'logistics', zh: ['物流', '供应链', '货运', '运输', '仓储', '快递'], en: ['logistics', 'supply chain', 'freight', 'transport', 'transportation', 'shipping', 'warehousing', 'express', 'forwarding'] },
  { id: 'industry', zh: ['实业', '工业', '产业'], en: ['industrial', 'industries', 'industry'] },
  { id: 'manufacturing', zh: ['制造', '生产', '加工'], en: ['manufacturing', 'manufacturer', 'manufacturers', 'production', 'fabrication', 'works'] },
  { id: 'machinery', zh: ['机械', '机电', '设备', '装备', '机器'], en: ['machinery', 'machines', 'machine', 'equipment', 'mechanical', 'engineering equipment'] },
  { id: 'automation', zh: ['自动化', '智能', '智能科技', '机器人'], en: ['automation', 'intelligent', 'smart', 'robotics'] },
  { id: 'chemical', zh: ['化工', '化学', '新材料', '材料', '塑胶', '塑料', '橡胶'], en: ['chemical', 'chemicals', 'materials', 'material', 'plastics', 'plastic', 'rubber', 'polymers'] },
  { id: 'medical', zh: ['医疗', '医疗器械', '器械', '医药', '药业', '制药', '生物', '生物科技', '健康'], en: ['medical devices', 'medical device', 'medical equipment', 'medical instruments', 'medical', 'medicine', 'pharmaceutical', 'pharmaceuticals', 'pharma', 'biotech', 'biotechnology', 'bio', 'biological', 'healthcare', 'health', 'life sciences'] },
  { id: 'software', zh: ['软件', '网络', '网络科技', '数据', '云计算', '互联网', '数码', '计算机'], en: ['software', 'network', 'networks', 'data', 'cloud', 'internet', 'digital', 'computer', 'computers', 'systems', 'system'] },
  { id: 'telecom', zh: ['通信', '通讯', '光电', '光电科技', '半导体', '微电子'], en: ['communications', 'communication', 'telecom', 'telecommunications', 'optoelectronics', 'optoelectronic', 'semiconductor', 'semiconductors', 'microelectronics'] },
  { id: 'food', zh: ['食品', '餐饮', '饮料', '农业', '农产品', '酒业', '茶业'], en: ['food', 'foods', 'catering', 'beverage', 'beverages', 'restaurant', 'restaurants', 'agriculture', 'agricultural', 'farm', 'farms', 'bakery', 'wine', 'tea'] },
  { id: 'textile', zh: ['纺织', '服装', '服饰', '制衣', '鞋业', '皮革'], en: ['textile', 'textiles', 'garment', 'garments', 'apparel', 'clothing', 'fashion', 'footwear', 'shoes', 'leather'] },
  { id: 'construction', zh: ['建筑', '建设', '工程', '建材', '装饰', '装修', '建筑工程'], en: ['construction', 'building', 'builders', 'engineering', 'engineers', 'contractors', 'building materials', 'decoration', 'interiors'] },
  { id: 'realestate', zh: ['房地产', '地产', '置业', '物业'], en: ['real estate', 'realty', 'property', 'properties'] },
  { id: 'energy', zh: ['能源', '新能源', '光伏', '石油', '燃气', '环保', '环境'], en: ['energy', 'solar', 'petroleum', 'oil', 'gas', 'environmental', 'environment', 'renewables'] },
  { id: 'metal', zh: ['金属', '钢铁', '五金', '钢材', '铝业', '有色金属', '模具'], en: ['metal', 'metals', 'steel', 'hardware', 'aluminium', 'aluminum', 'mould', 'mold', 'moulds', 'molds', 'tooling'] },
  { id: 'consulting', zh: ['咨询', '管理', '企业管理', '管理咨询', '顾问', '服务', '商务'], en: ['consulting', 'consultants', 'consultancy', 'management', 'advisory', 'advisors', 'services', 'service', 'solutions', 'business'] },
  { id: 'finance', zh: ['投资', '金融', '资本', '资产管理', '控股', '担保', '保险'], en: ['investment', 'investments', 'finance', 'financial', 'capital', 'asset management', 'holding', 'holdings', 'insurance', 'ventures'] },
  { id: 'media', zh: ['文化', '传媒', '广告', '文化传媒', '影视', '出版', '印刷', '包装', '设计'], en: ['media', 'culture', 'cultural', 'advertising', 'film', 'publishing', 'printing', 'packaging', 'design', 'creative', 'studio', 'studios'] },
  { id: 'education', zh: ['教育', '培训', '教育科技'], en: ['education', 'educational', 'training', 'academy', 'learning'] },
  { id: 'auto', zh: ['汽车', '汽车配件', '汽配', '车业'], en: ['automotive', 'auto', 'autos', 'motors', 'motor', 'auto parts', 'vehicles'] },
  { id: 'furniture', zh: ['家具', '家居', '家纺'], en: ['furniture', 'home', 'furnishings'] },
  { id: 'lighting', zh: ['照明', '光电照明', '灯饰'], en: ['lighting', 'lights', 'led'] },
  { id: 'instruments', zh: ['仪器', '仪表', '精密', '精密机械', '测控'], en: ['instruments', 'instrument', 'precision', 'measurement', 'controls'] },
  { id: 'hospitality', zh: ['酒店', '旅游', '旅行社', '国际旅行社'], en: ['hotel', 'hotels', 'travel', 'tourism', 'tours', 'hospitality'] },
  { id: 'security', zh: ['安防', '安全', '消防'], en: ['security', 'safety', 'fire protection'] },
  { id: 'development', zh: ['发展', '开发', '创新', '创业'], en: ['development', 'developments', 'innovation', 'innovations'] },
  { id: 'international', zh: ['国际', '环球', '全球'], en: ['international', 'global', 'worldwide', 'intl'] },
  { id: 'retail', zh: ['百货', '超市', '商店', '零售', '商行', '商城'], en: ['retail', 'store', 'stores', 'shop', 'supermarket', 'mart', 'outlet'] },
];

/**
 * Kinds of legal form: 有限公司 and "Co., Ltd." are one kind (a limited company), 股份有限公司
 * and "Corp." another. Stripped from the keys like the other legal forms; kept as a hint only.
 */
export const LEGAL_KINDS: Concept[] = [
  { id: 'limited', zh: ['有限责任公司', '有限公司'], en: ['co ltd', 'ltd', 'limited', 'llc', 'gmbh', 'pte ltd', 'pty ltd', 'sarl', 'bv', 'srl'] },
  { id: 'stock', zh: ['股份有限公司', '股份公司'], en: ['corp', 'corporation', 'inc', 'incorporated', 'plc', 'ag', 'sa', 'nv', 'spa', 'kk'] },
  { id: 'group', zh: ['集团有限公司', '集团股份有限公司', '集团公司', '集团'], en: ['group', 'holdings group'] },
];

/**
 * Common Chinese surnames (the hundred most frequent, simplified, and the usual compound ones):
 * a two- to four-character Chinese name without any company word that starts with one reads as a
 * person's name.
 */
export const CN_SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
  '常', '温', '康', '施', '文', '牛', '樊', '葛', '邢', '安', '齐', '易', '乔', '伍', '庞', '颜', '倪', '庄', '聂', '章',
  '鲁', '岳', '翟', '殷', '詹', '申', '欧', '耿', '关', '兰', '焦', '俞', '左', '柳', '甘', '祝', '包', '宁', '尚', '符',
  '舒', '阮', '柯', '纪', '梅', '童', '凌', '毕', '单', '季', '裴', '霍', '涂', '成', '苗', '谷', '盛', '曲', '翁', '冉',
  '骆', '蓝', '路', '游', '辛', '靳', '管', '柴', '蒙', '鲍', '华', '喻', '祁', '蒲', '房', '滕', '屈', '饶', '解', '牟',
];
export const CN_COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '西门', '南宫'];

/**
 * Common given names in English-speaking and European customer lists: a short Latin name reads as
 * a person's when it has one of them (Sarah Lewis, Lewis Sarah), or a Chinese surname in pinyin.
 * Without one, a two-word name is taken for a company's (Kjobenhavn Brod, Global Pacific).
 */
export const GIVEN_NAMES = (
  'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald ' +
  'steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric ' +
  'jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry ' +
  'tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry ' +
  'austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert ' +
  'willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene liam oliver harry lucas luke ' +
  'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley ' +
  'kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy kathleen ' +
  'angela shirley brenda emma anna pamela nicole samantha katherine christine helen debra rachel carolyn janet maria ' +
  'catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly christina joan evelyn judith andrea ' +
  'hannah megan cheryl jacqueline martha madison teresa gloria sara janice ann kathryn abigail sophia frances jean alice ' +
  'judy isabella julia grace amber denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla ' +
  'alexis lori marie chloe lucy sophie jane claire ella mia ava zoe amelia jasmine hans peter klaus jurgen stefan thomas ' +
  'andreas wolfgang michael uwe frank markus sabine petra monika ursula claudia anja katrin pierre jean michel philippe ' +
  'alain nicolas francois marie nathalie isabelle sylvie catherine giovanni marco luca giuseppe francesco alessandro ' +
  'carlos javier miguel antonio manuel pablo sergio lars erik anders johan sven ingrid astrid kenji hiroshi takeshi yuki'
).split(' ');

/** Legal and business-form abbreviations beyond the stripped ones: a name carrying one is a company's. */
export const ORG_MARKERS = [
  'aps', 'asa', 'oyj', 'kft', 'sro', 'doo', 'bhd', 'sdn', 'tbk', 'pt', 'cv', 'ltda', 'sl', 'slu', 'ek', 'ev', 'gbr', 'kgaa',
  'eg', 'sas', 'sasu', 'eurl', 'snc', 'scs', 'sca', 'spzoo', 'zoo', 'sp', 'oü', 'uab', 'sia', 'ad', 'ood', 'eood', 'jsc', 'pjsc',
  'ooo', 'zao', 'oao', 'pllc', 'lllp', 'pc', 'pa', 'dba', 'trust', 'foundation', 'association', 'club', 'society', 'partners',
  'brothers', 'bros', 'sons', 'cooperative', 'coop', 'institute', 'university', 'college', 'school', 'hospital', 'clinic', 'bank',
  'agency', 'center', 'centre', 'office', 'firm', 'enterprises', 'enterprise', 'ventures', 'labs', 'lab', 'works', 'factory',
];
