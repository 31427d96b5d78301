import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractPolicyPage, findDocumentNumber, guessInstrumentType, parseChineseDate } from "@/lib/intake/policy-page";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/intake", name), "utf8");

describe("extractPolicyPage", () => {
  it("reads the gov.cn info table and the article text of the fixture", () => {
    const draft = extractPolicyPage(fixture("policy-govcn.html"), "https://www.gov.cn/zhengce/zhengceku/202503/content_7014286.htm");
    expect(draft.titleZh).toBe("人工智能生成合成内容标识办法");
    expect(draft.documentNumber).toBe("国信办通字〔2025〕2号");
    expect(draft.issuingBodies).toEqual(["国家互联网信息办公室", "工业和信息化部", "公安部", "国家广播电视总局"]);
    expect(draft.writtenOn).toBe("2025-03-07");
    expect(draft.announcedOn).toBe("2025-03-14");
    expect(draft.effectiveOn).toBe("2025-09-01");
    expect(draft.instrumentType).toBe("departmental_rule");
  });

  it("keeps only the main text: articles in, navigation, footer, scripts and markup out", () => {
    const { mainText } = extractPolicyPage(fixture("policy-govcn.html"), "https://www.gov.cn/");
    expect(mainText).toContain("第一条 为了促进人工智能健康发展");
    expect(mainText).toContain("第十四条 本办法自2025年9月1日起施行。");
    // Block elements and <br> become line breaks.
    expect(mainText).toContain("国家互联网信息办公室\n工业和信息化部\n公安部\n国家广播电视总局\n2025年3月7日");
    for (const outside of ["首页", "网站声明", "京ICP备", "分享到微博", "000014349/2025-00025", "来源：网信网", "shareTitle", "_hmt", "line-height", "<", ">"]) {
      expect(mainText).not.toContain(outside);
    }
    expect(mainText).not.toMatch(/[ \t]{2,}|\u3000|\n\n/);
  });

  it("falls back to meta tags and a document number standing on its own line", () => {
    const draft = extractPolicyPage(fixture("policy-meta.html"), "https://www.gov.cn/zhengce/content/2017-07/20/content_5211996.htm");
    expect(draft).toMatchObject({
      titleZh: "国务院关于印发新一代人工智能发展规划的通知",
      documentNumber: "国发〔2017〕35号",
      issuingBodies: ["国务院"],
      writtenOn: null,
      announcedOn: "2017-07-20",
      effectiveOn: null,
      instrumentType: "plan",
    });
    expect(draft.mainText.startsWith("国发〔2017〕35号\n各省、自治区、直辖市人民政府")).toBe(true);
    expect(draft.mainText).not.toContain("京ICP备");
  });

  it("strips the site name from <title> and reads 自发布之日起施行 as the announcement date", () => {
    const html = `<html><head><title>工业和信息化部关于印发《算力基础设施高质量发展行动计划》的通知 - 中华人民共和国工业和信息化部</title></head>
      <body><div class="TRS_Editor"><p>发布时间：2023-10-08</p><p>工信部联通信〔2023〕180号</p><p>本计划自发布之日起实施。</p></div></body></html>`;
    const draft = extractPolicyPage(html, "https://www.miit.gov.cn/");
    expect(draft.titleZh).toBe("工业和信息化部关于印发《算力基础设施高质量发展行动计划》的通知");
    expect(draft.documentNumber).toBe("工信部联通信〔2023〕180号");
    expect(draft.announcedOn).toBe("2023-10-08");
    expect(draft.effectiveOn).toBe("2023-10-08");
    expect(draft.instrumentType).toBe("plan");
  });

  it("returns empty fields rather than throwing on a page with nothing to read", () => {
    expect(extractPolicyPage("<html><body></body></html>", "https://ex.gov.cn/")).toEqual({
      titleZh: null,
      documentNumber: null,
      issuingBodies: [],
      writtenOn: null,
      announcedOn: null,
      effectiveOn: null,
      instrumentType: "other",
      mainText: "",
    });
  });
});

describe("findDocumentNumber", () => {
  it("finds Chinese numbers and normalises their year brackets to 〔〕", () => {
    expect(findDocumentNumber("国务院关于印发新一代人工智能发展规划的通知 国发〔2017〕35号")).toBe("国发〔2017〕35号");
    expect(findDocumentNumber("工信部科[2017]315号")).toBe("工信部科〔2017〕315号");
    expect(findDocumentNumber("国办发（2023）12号")).toBe("国办发〔2023〕12号");
    expect(findDocumentNumber("文号：国办发【2023】12号")).toBe("国办发〔2023〕12号");
    expect(findDocumentNumber("为贯彻落实国发〔2017〕35号文件精神")).toBe("国发〔2017〕35号");
  });

  it("finds standard numbers and the earliest number in the text", () => {
    expect(findDocumentNumber("GB 45438—2025 网络安全技术 人工智能生成合成内容标识方法")).toBe("GB 45438—2025");
    expect(findDocumentNumber("依据GB/T 45654-2025《网络安全技术 生成式人工智能服务安全基本要求》")).toBe("GB/T 45654-2025");
    expect(findDocumentNumber("TC260-003《生成式人工智能服务安全基本要求》，另见国发〔2017〕35号")).toBe("TC260-003");
    expect(findDocumentNumber("没有文号的文本 2025年3月14日")).toBeNull();
  });
});

describe("parseChineseDate", () => {
  it("reads every written form as yyyy-mm-dd", () => {
    for (const text of ["2025年3月14日", "2025年03月14日", "2025-03-14", "2025/3/14", "2025.03.14", "[2025-03-14]", "成文日期：２０２５年３月１４日"]) {
      expect(parseChineseDate(text)).toBe("2025-03-14");
    }
  });

  it("rejects impossible days and text without a date", () => {
    expect(parseChineseDate("2025年2月30日")).toBeNull();
    expect(parseChineseDate("2025-13-01")).toBeNull();
    expect(parseChineseDate("2024年2月29日")).toBe("2024-02-29");
    expect(parseChineseDate("2025年工作要点")).toBeNull();
  });
});

describe("guessInstrumentType", () => {
  it.each([
    ["中华人民共和国数据安全法", "law"],
    ["中华人民共和国人工智能法（草案）", "law"],
    ["网络数据安全管理条例", "regulation"],
    ["人工智能生成合成内容标识办法", "departmental_rule"],
    ["互联网信息服务算法推荐管理规定", "departmental_rule"],
    ["国务院关于印发《新一代人工智能发展规划》的通知", "plan"],
    ["“数据要素×”三年行动计划（2024—2026年）", "plan"],
    ["GB/T 45654-2025 网络安全技术 生成式人工智能服务安全基本要求", "standard"],
    ["GB 45438—2025 网络安全技术 人工智能生成合成内容标识方法", "standard"],
    ["国家人工智能产业综合标准化体系建设指南（2024版）", "guideline"],
    ["关于促进数据标注产业高质量发展的实施意见", "guideline"],
    ["关于设立国家人工智能产业投资基金的通知", "fund"],
    ["关于开展人工智能创新应用先导区试点工作的通知", "pilot_program"],
    ["国家新一代人工智能创新发展试验区建设工作指引", "guideline"],
    ["国务院常务会议纪要", "other"],
  ])("%s → %s", (title, expected) => {
    expect(guessInstrumentType(title)).toBe(expected);
  });
});
