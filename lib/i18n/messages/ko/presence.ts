export const presence = {
  heading: "지금 보는 사람",
  alone: "지금 이 페이지를 보는 다른 사람은 없습니다.",
  others: "함께 보는 중:",
} as const;
