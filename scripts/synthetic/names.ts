// Small word lists for synthetic Chinese names: no real person or organization is named, and personal names follow
// the demo's pseudonymized 张某琴 pattern (DOMAIN §10).

export const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
export const GIVEN = [..."华英琴芳明强军平兰秀玲红梅丽敏静霞云凤桂珍莲洁燕萍娟建国伟勇杰涛斌波辉刚健林峰磊超鹏宇浩东"];

/** Place-like first parts of street, community and compound names. */
export const PLACE = [..."常青竹西蜀麓望湖滨湖桃花杏林梅园锦绣翠竹银河金桂丹枫松柏清溪芙蓉紫荆玉兰海棠香樟青阳芳草长宁永安康乐和平幸福光明新华东风南岗北城西园"];

export const STREET_SUFFIX = ["街道", "街道", "街道", "镇", "经开区"];
export const COMPOUND_SUFFIX = ["小区", "花园", "苑", "家园", "新村", "公寓"];

/** What an organization is about, by category: the middle of its name. */
export const THEMES: Record<string, string[]> = {
  CULTURE_SPORTS: ["广场舞", "太极", "合唱", "腰鼓", "京剧", "健身操", "乒乓球", "门球", "舞蹈", "旗袍秀"],
  HOBBY: ["书画", "摄影", "手工", "编织", "读书", "园艺", "棋艺", "剪纸", "诗词", "烘焙"],
  PARENT_CHILD: ["亲子阅读", "四点半课堂", "亲子手工", "童趣", "家庭教育"],
  NEIGHBOR_MUTUAL_AID: ["邻里守望", "睦邻互助", "义务理发", "便民维修", "邻里帮帮"],
  HARDSHIP_ASSISTANCE: ["助老", "六零系八零", "关爱空巢", "助残", "爱心帮扶"],
  PUBLIC_AFFAIRS: ["平安巡逻", "垃圾分类", "环境清洁", "调解", "楼道议事"],
  VOLUNTEER_SERVICE: ["志愿服务", "红马甲", "爱心", "青年志愿", "银发志愿"],
  CHARITY: ["慈善", "公益", "微公益", "爱心驿站"],
  RURAL_PRODUCTION: ["种植技术", "农技", "合作互助"],
  PROFESSIONAL_SOCIAL_WORK: ["社会工作", "社工", "公益发展"],
  HUB: ["社会组织联合会", "志愿服务联合会", "社会组织服务中心", "孵化基地"],
  OTHER: ["文明实践", "邻里", "社区"],
};

export const FORM_SUFFIX: Record<string, string> = {
  TEAM: "队",
  SOCIETY: "社",
  STATION: "站",
  CENTER: "中心",
  GROUP: "小组",
  ASSOCIATION: "协会",
  FEDERATION: "",
};

export const ACTIVITY_TITLES: Record<string, string[]> = {
  HOME_VISIT: ["入户探访", "一对一入户探访", "节日慰问"],
  BIRTHDAY_PARTY: ["集体生日会"],
  HANDICRAFT: ["手工兴趣小组", "编织课", "剪纸活动"],
  GROUP_EVENT: ["邻里活动", "社区联欢", "主题活动"],
  PATROL: ["日常巡逻", "夜间巡逻"],
  CLEANUP: ["清洁环境", "垃圾分类宣传"],
  MEDIATION: ["调解纠纷", "楼道议事"],
  HAIRCUT: ["义务理发"],
  PERFORMANCE: ["文艺演出", "广场舞展演", "合唱排练"],
  MEETING: ["例会", "骨干会议"],
  TRAINING: ["志愿者培训", "技能培训"],
  OTHER: ["其他服务"],
};

/** A pseudonymized full name: surname + 某 + one given character (张某琴). */
export function personName(pick: <T>(items: readonly T[]) => T): string {
  return `${pick(SURNAMES)}某${pick(GIVEN)}`;
}
