import type { InstrumentType, PolicyStatus } from "../../lib/vocab";

export const tableOneCaption = "〈표 1〉 중국의 대표적 AI 정책(2017~)";

/** Issuing bodies the team picks from; more can be added in the application. */
export const issuingBodySeed = [
  { nameZh: "国务院", nameKo: "국무원", nameEn: "State Council", abbreviation: null },
  { nameZh: "国家互联网信息办公室", nameKo: "국가인터넷정보판공실", nameEn: "Cyberspace Administration of China", abbreviation: "CAC" },
  { nameZh: "工业和信息化部", nameKo: "공업정보화부", nameEn: "Ministry of Industry and Information Technology", abbreviation: "MIIT" },
  { nameZh: "科学技术部", nameKo: "과학기술부", nameEn: "Ministry of Science and Technology", abbreviation: "MOST" },
  { nameZh: "国家发展和改革委员会", nameKo: "국가발전개혁위원회", nameEn: "National Development and Reform Commission", abbreviation: "NDRC" },
  { nameZh: "国家标准化管理委员会", nameKo: "국가표준화관리위원회", nameEn: "Standardization Administration of China", abbreviation: "SAC" },
  { nameZh: "全国网络安全标准化技术委员会", nameKo: "전국네트워크보안표준화기술위원회", nameEn: "National Cybersecurity Standardization Technical Committee", abbreviation: "TC260" },
  { nameZh: "教育部", nameKo: "교육부", nameEn: "Ministry of Education", abbreviation: "MOE" },
  { nameZh: "财政部", nameKo: "재정부", nameEn: "Ministry of Finance", abbreviation: "MOF" },
] as const;

type TableOnePolicy = {
  /** Table 1's 구분: also the node of the `policy_area` dimension. */
  category: "산업 발전계획" | "인재양성" | "표준 및 규제";
  /** As printed in Table 1 (month precision). */
  period: string;
  announcedOn: string;
  titleKo: string;
  titleZh: string;
  titleEn: string;
  documentNumber: string | null;
  instrumentType: InstrumentType;
  status: PolicyStatus;
  effectiveOn: string | null;
  issuers: string[];
  /** Korean labels of the pillar and competition nodes the policy bears on. */
  nodes: string[];
};

/** The seven policies of Table 1, in the table's order. Korean titles are the brief's own. */
export const tableOne: TableOnePolicy[] = [
  {
    category: "산업 발전계획",
    period: "2017.12.",
    announcedOn: "2017-12-01",
    titleKo: "차세대 인공지능 발전계획(2018~2020)",
    titleZh: "促进新一代人工智能产业发展三年行动计划（2018－2020年）",
    titleEn: "Three-Year Action Plan for Promoting the Development of a New Generation AI Industry (2018–2020)",
    documentNumber: "工信部科〔2017〕315号",
    instrumentType: "plan",
    status: "issued",
    effectiveOn: null,
    issuers: ["工业和信息化部"],
    nodes: ["투자"],
  },
  {
    category: "산업 발전계획",
    period: "2019.8.",
    announcedOn: "2019-08-01",
    titleKo: "국가 차세대 인공지능 혁신 개발 시범구 건설 지침",
    titleZh: "国家新一代人工智能创新发展试验区建设工作指引",
    titleEn: "Guidelines for Building National New Generation AI Innovation and Development Pilot Zones",
    documentNumber: "国科发规〔2019〕298号",
    instrumentType: "guideline",
    status: "issued",
    effectiveOn: null,
    issuers: ["科学技术部"],
    nodes: ["인프라"],
  },
  {
    category: "산업 발전계획",
    period: "2022.8.",
    announcedOn: "2022-08-01",
    titleKo: "차세대 인공지능 시범 응용 사례 지원 방안",
    titleZh: "关于支持建设新一代人工智能示范应用场景的通知",
    titleEn: "Notice on Supporting the Construction of New Generation AI Demonstration Application Scenarios",
    documentNumber: "国科发规〔2022〕228号",
    instrumentType: "pilot_program",
    status: "issued",
    effectiveOn: null,
    issuers: ["科学技术部"],
    nodes: ["인프라"],
  },
  {
    category: "인재양성",
    period: "2020.7.",
    announcedOn: "2020-07-01",
    titleKo: "쌍인류 대학 학제 융합 및 AI 대학원 과정 육성 강화 방안",
    titleZh: "关于“双一流”建设高校促进学科融合 加快人工智能领域研究生培养的若干意见",
    titleEn: "Opinions on Promoting Interdisciplinary Integration and Accelerating AI Graduate Training at “Double First-Class” Universities",
    documentNumber: "教研〔2020〕4号",
    instrumentType: "guideline",
    status: "issued",
    effectiveOn: null,
    issuers: ["教育部", "国家发展和改革委员会", "财政部"],
    nodes: ["인재", "AI 인재와 컴퓨팅 자원의 글로벌 경쟁 심화"],
  },
  {
    category: "표준 및 규제",
    period: "2020.7.",
    announcedOn: "2020-07-01",
    titleKo: "국가 차세대 인공지능 표준화 체계 구축 지침",
    titleZh: "国家新一代人工智能标准体系建设指南",
    titleEn: "Guidelines for the Construction of the National New Generation AI Standards System",
    documentNumber: "国标委联〔2020〕35号",
    instrumentType: "standard",
    status: "issued",
    effectiveOn: null,
    issuers: ["国家标准化管理委员会"],
    nodes: ["규제", "AI 표준 및 거버넌스 경쟁의 심화"],
  },
  {
    category: "표준 및 규제",
    period: "2023.7.",
    announcedOn: "2023-07-01",
    titleKo: "생성형 인공지능 서비스 관리 장정 조례",
    titleZh: "生成式人工智能服务管理暂行办法",
    titleEn: "Interim Measures for the Management of Generative AI Services",
    documentNumber: null,
    instrumentType: "departmental_rule",
    status: "in_force",
    effectiveOn: "2023-08-15",
    issuers: ["国家互联网信息办公室", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部"],
    nodes: ["규제", "AI 표준 및 거버넌스 경쟁의 심화"],
  },
  {
    category: "표준 및 규제",
    period: "2024.6.",
    announcedOn: "2024-06-01",
    titleKo: "국가 인공지능 산업 종합 표준화 체계구축 지침(2024년 개정판)",
    titleZh: "国家人工智能产业综合标准化体系建设指南（2024版）",
    titleEn: "Guidelines for the Construction of a Comprehensive Standardization System for the National AI Industry (2024 Edition)",
    documentNumber: "工信部联科〔2024〕113号",
    instrumentType: "standard",
    status: "issued",
    effectiveOn: null,
    issuers: ["工业和信息化部", "国家标准化管理委员会"],
    nodes: ["규제", "AI 표준 및 거버넌스 경쟁의 심화"],
  },
];
