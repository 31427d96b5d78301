export const framework = {
  title: "프레임워크",
  intro: "브리프의 분석 틀입니다. 각 노드에 연결된 정책과 대응 과제 수를 함께 보여 줍니다.",
  laterNote: "노드 × 대응 과제 매트릭스와 노드 편집은 이후 업데이트에서 제공됩니다.",
  empty: "프레임워크가 아직 설정되지 않았습니다.",
  noNodes: "이 축에는 노드가 없습니다.",
  node: "노드",
  policies: "정책",
  items: "대응 과제",
  caption: "{dimension}: 노드별 연결 수",
} as const;
