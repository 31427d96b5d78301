/** The brief's framework: three dimensions, their nodes, and for some the text that defines them. */
export const frameworkSeed = [
  {
    key: "policy_area",
    nameKo: "정책 분야",
    nameEn: "Policy area",
    nodes: [
      { labelKo: "산업 발전계획", labelEn: "Industrial development plans", definedBy: null },
      { labelKo: "인재양성", labelEn: "Talent development", definedBy: null },
      { labelKo: "표준 및 규제", labelEn: "Standards and regulation", definedBy: null },
    ],
  },
  {
    key: "pillar",
    nameKo: "추진 축",
    nameEn: "Pillar",
    nodes: [
      { labelKo: "투자", labelEn: "Investment", definedBy: "투자 : 올해 600억 위안" },
      { labelKo: "인재", labelEn: "Talent", definedBy: "인재 : AI 인재 양성을 위한" },
      { labelKo: "인프라", labelEn: "Infrastructure", definedBy: "인프라 : ‘차세대 인공지능 발전 계획’" },
      { labelKo: "규제", labelEn: "Regulation", definedBy: "규제 : 중국의 AI 규제환경은" },
    ],
  },
  {
    key: "competition",
    nameKo: "경쟁 구도",
    nameEn: "Lines of competition",
    nodes: [
      { labelKo: "AI 표준 및 거버넌스 경쟁의 심화", labelEn: "Intensifying competition over AI standards and governance", definedBy: "AI 표준 및 거버넌스 경쟁의 심화" },
      { labelKo: "민간․오픈 소스 기반 글로벌 AI 생태계의 재편", labelEn: "A global AI ecosystem reshaped around private and open-source players", definedBy: "민간․오픈 소스 기반 글로벌 AI 생태계의 재편" },
      { labelKo: "AI 인재와 컴퓨팅 자원의 글로벌 경쟁 심화", labelEn: "Intensifying global competition for AI talent and compute", definedBy: "AI 인재와 컴퓨팅 자원의 글로벌 경쟁 심화" },
      { labelKo: "기술자립형 가치사슬 협성과 글로벌 공급망 재편", labelEn: "Self-reliant value chains and the reshaping of global supply chains", definedBy: "기술자립형 가치사슬 협성과 글로벌 공급망 재편" },
    ],
  },
] as const;

/** The six Korean response items: each is its sentence of the brief, verbatim. */
export const responseItemSeed = [
  { title: "중국 오픈소스 생태계에 전략적으로 참여하면서 국산 LLM 생태계를 함께 조성", priority: "high", nodes: ["민간․오픈 소스 기반 글로벌 AI 생태계의 재편"] },
  { title: "반도체, 고성능 ICT 인프라 등 한국의 핵심 역량과 AI 소프트웨어 기술을 융합하여 경쟁력 차별화", priority: "high", nodes: ["인프라", "기술자립형 가치사슬 협성과 글로벌 공급망 재편"] },
  { title: "제조업, 바이오헬스, 모빌리티, 에너지 등 주력 산업에 AI 기술을 접목해 산업 고도화와 수출 경제력 제고", priority: "medium", nodes: ["산업 발전계획", "투자"] },
  { title: "AI 연구 환경과 기술 인프라 혁신을 위해 국가 차원의 슈퍼 컴퓨팅 및 API 기반 플랫폼 구축", priority: "medium", nodes: ["인프라", "AI 인재와 컴퓨팅 자원의 글로벌 경쟁 심화"] },
  { title: "AI 전문 인재 양성 체계를 전면 개편하고 글로벌 인재 유치 전략을 적극 추진", priority: "high", nodes: ["인재", "인재양성", "AI 인재와 컴퓨팅 자원의 글로벌 경쟁 심화"] },
  { title: "민간 주도의 기술혁신을 뒷받침할 수 있도록 자금․세제․규제 완화 정책 필요", priority: "medium", nodes: ["투자", "규제"] },
] as const;
