/** Messages of lib/editor: why a rich-text document was refused, and the read-only fallback. */
export const editor = {
  "error.not_a_document": "문서 형식이 올바르지 않습니다.",
  "error.too_large": "문서가 너무 큽니다(최대 200KB).",
  "error.too_deep": "목록이나 인용이 너무 깊게 중첩되어 있습니다.",
  "error.unknown_node": "지원하지 않는 요소가 들어 있습니다.",
  "error.unknown_mark": "지원하지 않는 서식이 들어 있습니다.",
  "error.unsafe_link": "링크는 http(s) 주소나 mailto만 쓸 수 있습니다.",
  "error.invalid_mention": "언급한 사용자를 확인할 수 없습니다.",
  "error.invalid_structure": "문서 구조가 올바르지 않습니다.",
  unavailable: "이 내용을 표시할 수 없습니다.",
} as const;
