export const presence = {
  heading: "지금 보는 사람",
  alone: "지금 이 페이지를 보는 다른 사람은 없습니다.",
  others: "함께 보는 중:",
  editingHeading: "지금 편집하는 사람",
  editingAlone: "이 내용을 편집하는 다른 사람은 없습니다.",
  editingOthers: "함께 편집 중:",
} as const;
