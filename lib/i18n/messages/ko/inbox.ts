export const inbox = {
  title: "알림함",
  intro: "나를 언급하거나 내 과제에 관한 알림입니다. 최신순으로 보여 줍니다.",
  laterNote: "알림 읽음 표시와 알림 설정은 이후 업데이트에서 제공됩니다.",
  empty: "알림이 없습니다.",
  emptyHint: "누군가 나를 언급하거나, 과제를 맡기거나, 정책이 내 과제에 영향을 주면 여기에 알려 드립니다.",
  unread: "읽지 않음",
  from: "{name} 님",
} as const;
