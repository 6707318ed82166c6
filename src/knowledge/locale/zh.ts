/** Simplified Chinese UI strings. */
import { formatDuration } from "../text/format.js";
import type { UiStrings } from "./ui-strings.js";

export const ZH: UiStrings = {
  headings: {
    description: "描述",
    whenYouSeeIt: "何时出现",
    howToFix: "如何修复",
    keyDifference: "主要区别",
    whenToUseWhich: "何时使用哪个",
    reference: "定义于",
    seeAlso: "另见",
    responseClass: "类别",
    reasonPhrase: "原因短语",
    notice: "注意",
    summary: "摘要",
    explanation: "说明",
    nextSteps: "后续步骤",
  },
  classes: {
    "1xx": {
      name: "临时响应",
      summary: "临时响应：请求已收到并正在处理，最终响应尚未到来。1xx 响应从不结束事务。",
      use: "在最终答复之前报告进展时",
    },
    "2xx": {
      name: "成功",
      summary: "成功：请求已被接收、理解并接受，事务成功结束。",
      use: "在接受请求时",
    },
    "3xx": {
      name: "重定向",
      summary: "重定向：需要进一步操作才能完成请求，通常是向 Contact 中的地址发送新请求。",
      use: "在请求应发往别处时",
    },
    "4xx": {
      name: "客户端错误",
      summary: "客户端错误：请求有误或此服务器无法处理；不得原样重发，但修改后（凭据、头字段、目标）或在别处可能成功。",
      use: "在无法或不愿按原样完成请求时",
    },
    "5xx": {
      name: "服务器错误",
      summary: "服务器错误：服务器未能完成一个看似有效的请求；其他服务器可能成功。",
      use: "在处理看似有效的请求失败时",
    },
    "6xx": {
      name: "全局错误",
      summary: "全局错误：任何服务器都无法完成该请求；分叉代理会停止尝试其他位置。",
      use: "在任何地方的服务器都无法完成请求时",
    },
  },
  noClass: {
    name: "不属于任何 SIP 类别",
    summary: "SIP 只定义了 1xx 到 6xx 的响应类别（RFC 3261 §7.2）；700 及以上的代码没有含义。",
    use: "从不：这不是有效的 SIP 状态码",
  },
  deprecated: "已废弃",
  formatRef: (rfc, section) => (section === null ? `RFC ${rfc}` : `RFC ${rfc} §${section}`),
  codeTitle: (code, reason) => (reason === null ? `SIP ${code}` : `SIP ${code} ${reason}`),
  className: (cls, id) => (id === null ? cls.name : `${id} ${cls.name}`),

  unregisteredNotice: (code) => `${code} 不在 IANA SIP 响应码注册表中：本页仅依据其类别给出说明。`,
  unregisteredDescription: (code, x00, classSummary, provisional) =>
    provisional
      ? `${code} 不是已注册的代码。RFC 3261 §8.1.3.2 规定 UAC 应将不认识的临时响应视为 183 Session Progress。${classSummary}`
      : `${code} 不是已注册的代码。RFC 3261 §8.1.3.2 规定 UAC 应将不认识的最终响应视为该类别的 x00 代码，此处即 ${x00}。${classSummary}`,
  unregisteredWhen: [
    "厂商私有代码：部分 PBX、SBC 和运营商用私有代码（例如 499）表示内部情况。",
    "来自草案或更新 RFC 的代码，当前版本的 sipta 尚不认识。",
    "发送方生成状态行时的缺陷。",
  ],
  unregisteredFix: (x00) => [
    `按 RFC 3261 §8.1.3.2 的要求将其当作 ${x00} 处理；阅读原因短语以及 Warning 或 Reason 头字段，了解厂商的含义。`,
    "在发送该代码的产品文档中查找其含义；如果是你自己的设备，将其配置为发送已注册的代码。",
  ],
  invalidClassDescription: (code) =>
    `${code} 不属于任何 SIP 响应类别：RFC 3261 只定义了 1xx 到 6xx（§7.2、§21），因此没有任何标准网元能理解它。`,
  invalidClassWhen: ["有缺陷或手工编写的 SIP 协议栈生成了错误的状态行。", "非 SIP 流量或损坏的消息被当作 SIP 解析。"],
  invalidClassFix: ["找出发送它的网元（Via、Server 头字段、抓包位置），修正其响应生成逻辑。", "如果消息已损坏，检查传输路径（分片、SIP ALG、TCP 重组）。"],

  compareTitle: (a, b) => `SIP ${a} 对比 ${b}`,
  classSentence: (a, aClass, b, bClass, same) =>
    tidyCjk(same ? `SIP ${a} 和 ${b} 都属于 ${aClass}响应：区别在于原因，而不在类别。` : `SIP ${a} 属于 ${aClass}响应，而 ${b} 属于 ${bClass}响应。`),
  contrast: (aDesc, bDesc) => `${aDesc}相比之下：${bDesc}`,
  useSentence: (a, aUse, b, bUse, same) =>
    same ? `服务器${aUse}会回复其中之一；请根据上面描述的具体原因区分。` : `服务器${aUse}回复 ${a}，${bUse}回复 ${b}。`,
  sameRfc: (rfc) => `两个代码都定义于 ${rfc}。`,
  meetLine: (code, cause) => `遇到 ${code} 的情形：${cause}`,
  doLine: (codeWithReason, steps) => `对于 ${codeWithReason}：${steps.join("")}`,
  codeWithReason: (code, reason) => (reason === null ? String(code) : `${code}（${reason}）`),

  duration: (ms) => formatDuration(ms, { ms: "毫秒", s: "秒", min: "分", decimal: ".", space: " " }),
  list: (items) => {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join("、")}和${items[items.length - 1] ?? ""}`;
  },
  unknown: "未知",
  quote: (text) => `“${text}”`,
};

/** Chinese typography (knowledge audit 3.3): no space next to full-width punctuation, whatever the templates spliced in. */
function tidyCjk(text: string): string {
  return text.replace(/([）》」』，。：；！？])\s+/gu, "$1").replace(/\s+([（《「『，。：；！？])/gu, "$1");
}
