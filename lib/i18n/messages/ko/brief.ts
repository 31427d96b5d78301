export const brief = {
  title: "브리프",
  publisher: "발행 기관",
  publishedOn: "발행일",
  revision: "현재 개정판",
  revisionValue: "{number}판",
  revisionMeta: "{date} 등록",
  revisionMetaBy: "{date}, {name} 등록",
  unknown: "정보 없음",
  noRevision: "이 브리프에는 아직 본문이 없습니다.",
  originalLanguage: "브리프 본문은 원문 그대로 표시합니다.",
  body: "브리프 본문",
  tools: "브리프 도구",
} as const;
