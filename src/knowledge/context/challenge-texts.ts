/**
 * Words for an authentication challenge (401 / 407) in en, vi and zh. RFC 3261 §22.2: a UAS or registrar asks
 * with 401 and WWW-Authenticate, the client re-sends with Authorization; §22.3: a proxy asks with 407 and
 * Proxy-Authenticate, the client re-sends with Proxy-Authorization; §22.2 also has the client increment CSeq.
 * RFC 2617 §3.2.1: `stale=TRUE` means only the nonce expired. Facts are extracted once, here, for all languages.
 */
import type { ChallengeDetails } from "../../model/document.js";
import type { ChallengeOutcome } from "../../model/outcomes.js";
import type { AnnotationText, Lang, MessageContext } from "../types.js";
import type { UiStrings } from "../locale/ui-strings.js";
import { cleanOrNull, labelOf, responseLine, statusLine } from "./facts.js";

export interface ChallengeFacts {
  readonly response: string;
  readonly method: string;
  /** Authorization (401) or Proxy-Authorization (407): what the client must add. */
  readonly credentials: string;
  readonly realm: string | null;
  readonly resent: string | null;
  readonly resentStatus: string | null;
  readonly delay: string | null;
  readonly stale: boolean;
}

export function extractChallengeFacts(d: ChallengeDetails, ctx: MessageContext, ui: UiStrings): ChallengeFacts {
  return {
    response: responseLine(ctx),
    method: cleanOrNull(d.method ?? ctx.method) ?? "request",
    credentials: d.header === "WWW-Authenticate" ? "Authorization" : "Proxy-Authorization",
    realm: cleanOrNull(d.realm),
    resent: labelOf(ctx, d.resent),
    resentStatus: d.resentStatus === null ? null : statusLine(d.resentStatus, null),
    delay: d.resendDelayMs === null ? null : ui.duration(d.resendDelayMs),
    stale: d.stale,
  };
}

type ChallengeTexts = Readonly<Record<ChallengeOutcome, (f: ChallengeFacts) => AnnotationText>>;

const EN: ChallengeTexts = {
  answered: (f) => ({
    summary: `${f.response} to ${f.method} is an authentication challenge, not its outcome: ${f.resent ?? "the client"} re-sent the ${f.method} with ${f.credentials}${f.delay === null ? "" : ` ${f.delay} later`}${f.resentStatus === null ? "" : `, answered ${f.resentStatus}`}.`,
    explanation:
      "RFC 3261 §22.2 (401 from a user agent or registrar, with WWW-Authenticate) and §22.3 (407 from a proxy, with Proxy-Authenticate): the server asks the client to prove who it is, and the client sends the same request again with credentials and a higher CSeq. This is normal operation; what happened to the request is judged on the re-sent one.",
    nextSteps: [
      `Nothing to fix here: follow the re-sent request${f.resent === null ? "" : ` ${f.resent}`} for the real outcome.`,
      "If every request is challenged first, check whether the client can reuse its credentials for the realm on later requests; each challenge costs a round trip.",
    ],
  }),
  unanswered: (f) => ({
    summary: `${f.response} to ${f.method}: the ${f.method} was not re-sent with ${f.credentials} within 32 s, so it never went through.`,
    explanation: `After a 401 or 407 the client has to send the request again with credentials (RFC 3261 §22.2, §22.3). Nothing came within 64*T1 = 32 s of capture time: the client has no credentials${f.realm === null ? "" : ` for realm "${f.realm}"`}, or gave up. It may also have sent them on a path this capture does not see.`,
    nextSteps: [
      `Check that the client has a username and password configured${f.realm === null ? "" : ` for realm "${f.realm}"`}; a 407 comes from a proxy, whose realm may differ from the registrar's.`,
      "Look in the client's log for an authentication error or a missing account.",
      "If the re-sent request may have taken another path, capture on the client's side.",
    ],
  }),
  "rejected-again": (f) =>
    f.stale
      ? {
          summary: `${f.response} to ${f.method}: ${f.resent ?? "the re-sent request"} carried credentials and was challenged again${f.resentStatus === null ? "" : ` (${f.resentStatus})`}; only the nonce had expired (stale=true).`,
          explanation: "A second challenge with stale=true says the credentials were right but the nonce had expired (RFC 2617 §3.2.1); the client should retry at once with the new nonce, without asking the user again.",
          nextSteps: ["Look for a third attempt with the new nonce; a client that stops here has a bug.", "If stale challenges are frequent, check the server's nonce lifetime against the clients' clocks and re-registration interval."],
        }
      : {
          summary: `${f.response} to ${f.method}: ${f.resent ?? "the re-sent request"} carried ${f.credentials} and was challenged again${f.resentStatus === null ? "" : ` (${f.resentStatus})`}: the credentials were refused.`,
          explanation: `A new challenge to a request that already carried credentials means the server did not accept them (RFC 3261 §22.2): wrong username or password, a realm${f.realm === null ? "" : ` other than "${f.realm}"`}, or a digest computed over another Request-URI.`,
          nextSteps: [
            "Check the username, password and realm configured on the client against the server's user database.",
            "Compare the digest uri parameter with the Request-URI of the re-sent request; a proxy or SBC that rewrites the Request-URI breaks the digest.",
          ],
        },
};

const VI: ChallengeTexts = {
  answered: (f) => ({
    summary: `${f.response} cho ${f.method} là một yêu cầu xác thực, không phải kết quả của nó: ${f.resent ?? "client"} đã gửi lại ${f.method} kèm ${f.credentials}${f.delay === null ? "" : ` sau ${f.delay}`}${f.resentStatus === null ? "" : `, được trả lời ${f.resentStatus}`}.`,
    explanation:
      "RFC 3261 §22.2 (401 từ user agent hoặc registrar, kèm WWW-Authenticate) và §22.3 (407 từ proxy, kèm Proxy-Authenticate): máy chủ yêu cầu client chứng minh danh tính, và client gửi lại đúng yêu cầu đó kèm thông tin xác thực với CSeq cao hơn. Đây là hoạt động bình thường; kết quả của yêu cầu được đánh giá trên yêu cầu gửi lại.",
    nextSteps: [
      `Không có gì cần sửa ở đây: hãy theo dõi yêu cầu gửi lại${f.resent === null ? "" : ` ${f.resent}`} để biết kết quả thật.`,
      "Nếu mọi yêu cầu đều bị thách thức trước, hãy kiểm tra xem client có thể dùng lại thông tin xác thực cho realm ở các yêu cầu sau không; mỗi lần thách thức tốn thêm một vòng khứ hồi.",
    ],
  }),
  unanswered: (f) => ({
    summary: `${f.response} cho ${f.method}: ${f.method} không được gửi lại kèm ${f.credentials} trong vòng 32 giây, nên nó không bao giờ đi qua được.`,
    explanation: `Sau 401 hoặc 407, client phải gửi lại yêu cầu kèm thông tin xác thực (RFC 3261 §22.2, §22.3). Không có gì trong 64*T1 = 32 giây theo thời gian bắt gói: client không có thông tin xác thực${f.realm === null ? "" : ` cho realm "${f.realm}"`}, hoặc đã bỏ cuộc. Cũng có thể nó đã gửi qua một đường mà bản bắt gói này không thấy.`,
    nextSteps: [
      `Kiểm tra client đã được cấu hình tên người dùng và mật khẩu${f.realm === null ? "" : ` cho realm "${f.realm}"`}; 407 đến từ proxy, realm của proxy có thể khác realm của registrar.`,
      "Xem log của client để tìm lỗi xác thực hoặc tài khoản bị thiếu.",
      "Nếu yêu cầu gửi lại có thể đã đi đường khác, hãy bắt gói ở phía client.",
    ],
  }),
  "rejected-again": (f) =>
    f.stale
      ? {
          summary: `${f.response} cho ${f.method}: ${f.resent ?? "yêu cầu gửi lại"} có thông tin xác thực nhưng lại bị thách thức${f.resentStatus === null ? "" : ` (${f.resentStatus})`}; chỉ có nonce đã hết hạn (stale=true).`,
          explanation: "Lần thách thức thứ hai với stale=true cho biết thông tin xác thực đúng nhưng nonce đã hết hạn (RFC 2617 §3.2.1); client nên thử lại ngay với nonce mới mà không cần hỏi lại người dùng.",
          nextSteps: ["Tìm lần thử thứ ba với nonce mới; client dừng ở đây là client có lỗi.", "Nếu thách thức stale xảy ra thường xuyên, hãy so thời hạn nonce của máy chủ với đồng hồ và chu kỳ đăng ký lại của client."],
        }
      : {
          summary: `${f.response} cho ${f.method}: ${f.resent ?? "yêu cầu gửi lại"} đã mang ${f.credentials} nhưng lại bị thách thức${f.resentStatus === null ? "" : ` (${f.resentStatus})`}: thông tin xác thực bị từ chối.`,
          explanation: `Một lần thách thức mới cho yêu cầu đã mang thông tin xác thực nghĩa là máy chủ không chấp nhận chúng (RFC 3261 §22.2): sai tên người dùng hoặc mật khẩu, realm${f.realm === null ? " khác" : ` khác "${f.realm}"`}, hoặc digest được tính trên một Request-URI khác.`,
          nextSteps: [
            "Đối chiếu tên người dùng, mật khẩu và realm cấu hình trên client với cơ sở dữ liệu người dùng của máy chủ.",
            "So tham số uri của digest với Request-URI của yêu cầu gửi lại; proxy hoặc SBC viết lại Request-URI sẽ làm hỏng digest.",
          ],
        },
};

const ZH: ChallengeTexts = {
  answered: (f) => ({
    summary: `对 ${f.method} 的 ${f.response} 是身份验证质询，而不是该请求的结果：${f.resent ?? "客户端"}${f.delay === null ? "" : `在 ${f.delay} 后`}带 ${f.credentials} 重新发送了 ${f.method}${f.resentStatus === null ? "" : `，得到 ${f.resentStatus}`}。`,
    explanation:
      "RFC 3261 §22.2（用户代理或注册服务器发出 401，带 WWW-Authenticate）和 §22.3（代理发出 407，带 Proxy-Authenticate）：服务器要求客户端证明身份，客户端带上凭据、以更高的 CSeq 重新发送同一请求。这是正常流程；请求的结果以重新发送的请求为准。",
    nextSteps: [
      `这里无需处理：请查看重新发送的请求${f.resent === null ? "" : ` ${f.resent}`} 以了解真正的结果。`,
      "如果每个请求都先被质询，检查客户端能否在后续请求中复用该 realm 的凭据；每次质询都多一次往返。",
    ],
  }),
  unanswered: (f) => ({
    summary: `对 ${f.method} 的 ${f.response}：32 秒内没有带 ${f.credentials} 重新发送 ${f.method}，因此该请求未能完成。`,
    explanation: `收到 401 或 407 后，客户端必须带上凭据重新发送请求（RFC 3261 §22.2、§22.3）。在抓包时间的 64*T1 = 32 秒内没有任何重发：客户端没有${f.realm === null ? "" : ` realm "${f.realm}" 的`}凭据，或已放弃；也可能经由本抓包看不到的路径发送。`,
    nextSteps: [
      `检查客户端是否配置了${f.realm === null ? "" : ` realm "${f.realm}" 的`}用户名和密码；407 来自代理，代理的 realm 可能与注册服务器不同。`,
      "在客户端日志中查找身份验证错误或缺失的账户。",
      "如果重发的请求可能走了其他路径，请在客户端一侧抓包。",
    ],
  }),
  "rejected-again": (f) =>
    f.stale
      ? {
          summary: `对 ${f.method} 的 ${f.response}：${f.resent ?? "重新发送的请求"}带有凭据但再次被质询${f.resentStatus === null ? "" : `（${f.resentStatus}）`}；只是 nonce 已过期（stale=true）。`,
          explanation: "第二次质询带 stale=true，表示凭据正确但 nonce 已过期（RFC 2617 §3.2.1）；客户端应立即用新的 nonce 重试，无需再次询问用户。",
          nextSteps: ["查找使用新 nonce 的第三次尝试；在此停止的客户端存在缺陷。", "如果 stale 质询频繁出现，将服务器的 nonce 有效期与客户端时钟和重新注册间隔进行比较。"],
        }
      : {
          summary: `对 ${f.method} 的 ${f.response}：${f.resent ?? "重新发送的请求"}带有 ${f.credentials} 但再次被质询${f.resentStatus === null ? "" : `（${f.resentStatus}）`}：凭据被拒绝。`,
          explanation: `对已带凭据的请求再次质询，表示服务器不接受这些凭据（RFC 3261 §22.2）：用户名或密码错误、realm 不是${f.realm === null ? "服务器要求的" : ` "${f.realm}"`}，或摘要是按另一个 Request-URI 计算的。`,
          nextSteps: [
            "将客户端配置的用户名、密码和 realm 与服务器的用户数据库核对。",
            "将摘要中的 uri 参数与重新发送请求的 Request-URI 比较；改写 Request-URI 的代理或 SBC 会使摘要失效。",
          ],
        },
};

export const CHALLENGE_TEXTS: Readonly<Record<Lang, ChallengeTexts>> = { en: EN, vi: VI, zh: ZH };
