/** Generic form-field messages, for schema limits without a message of their own. */
export const validation = {
  required: "필수 항목입니다.",
  tooShort: "{minimum}자 이상 입력해 주세요.",
  tooLong: "{maximum}자 이하로 입력해 주세요.",
  tooSmall: "{minimum} 이상이어야 합니다.",
  tooBig: "{maximum} 이하여야 합니다.",
  email: "올바른 이메일 주소를 입력해 주세요.",
  number: "숫자를 입력해 주세요.",
  invalidChoice: "목록에서 골라 주세요.",
  unstorableText: "저장할 수 없는 문자(NUL 문자 또는 짝이 맞지 않는 서로게이트)가 들어 있습니다.",
  invalid: "올바른 값이 아닙니다.",
} as const;
