/**
 * Words for a 202 that does not answer a REFER. RFC 6665 deprecated 202 for SUBSCRIBE (a notifier answers 200
 * and reports pending authorisation with Subscription-State: pending); RFC 7647 carries the deprecation over
 * to REFER. Elsewhere 202 is a plain success that says "accepted, not finished".
 */
import type { AcceptedOutcome } from "../../model/outcomes.js";
import type { AnnotationText, Lang } from "../types.js";

export interface AcceptedFacts {
  readonly method: string | null;
  readonly response: string;
}

type AcceptedTexts = Readonly<Record<AcceptedOutcome, (f: AcceptedFacts) => AnnotationText>>;

const EN: AcceptedTexts = {
  "accepted-deprecated": (f) => {
    if (f.method === "SUBSCRIBE") {
      return {
        summary: `${f.response} to SUBSCRIBE: deprecated since RFC 6665; treat it as 200 and read the subscription state from the NOTIFY.`,
        explanation:
          "RFC 3265 used 202 to say a subscription was received but not yet authorised. RFC 6665 deprecated it: a notifier now answers 200 and signals pending authorisation with a NOTIFY carrying Subscription-State: pending, and a subscriber handles a 202 exactly like a 200. The sender is an older event server.",
        nextSteps: [
          "Nothing breaks: treat the 202 as 200 and look at the first NOTIFY (pending, active or terminated).",
          "If no NOTIFY follows, check the notifier's authorisation policy for this subscriber and the route back to the subscriber's Contact.",
          "If you control the notifier, update it to RFC 6665 behaviour (200 plus an immediate NOTIFY).",
        ],
      };
    }
    if (f.method === "MESSAGE") {
      return {
        summary: `${f.response} to MESSAGE: the message was accepted (typically queued by a server or gateway) but not necessarily delivered yet.`,
        explanation:
          "A 2xx to MESSAGE only says the next hop took the message; 202 adds that processing is not finished, as with store-and-forward servers and SMS gateways that deliver later. It is a success for the SIP transaction.",
        nextSteps: [
          "Treat it as success for the transaction; if delivery must be confirmed, use delivery reports (IMDN) or check the recipient side.",
          "If messages answered 202 never arrive, look at the queue of the server or gateway that sent the 202.",
        ],
      };
    }
    const m = f.method ?? "this request";
    return {
      summary: `${f.response} to ${m}: a success meaning accepted but not yet processed; handle it like 200.`,
      explanation:
        "202 is registered as Accepted (Deprecated): RFC 6665 deprecated it for SUBSCRIBE and RFC 7647 for REFER, where it must be treated like 200. Outside those methods no standard gives it a special meaning; it tells the client only that processing continues after the response.",
      nextSteps: [
        "Treat the 202 as 200 for the transaction.",
        "If the client waits for something that never comes after the 202, look for the follow-up the server promised (a NOTIFY, a callback) in its documentation.",
      ],
    };
  },
};

const VI: AcceptedTexts = {
  "accepted-deprecated": (f) => {
    if (f.method === "SUBSCRIBE") {
      return {
        summary: `${f.response} cho SUBSCRIBE: không còn khuyến nghị dùng (deprecated) từ RFC 6665; hãy coi nó như 200 và đọc trạng thái subscription từ NOTIFY.`,
        explanation:
          "RFC 3265 dùng 202 để báo subscription đã được nhận nhưng chưa được cấp quyền. RFC 6665 đã thôi khuyến nghị dùng nó (deprecated): notifier giờ trả 200 và báo việc chờ cấp quyền bằng NOTIFY mang Subscription-State: pending, còn bên đăng ký xử lý 202 y hệt 200. Bên gửi là một máy chủ sự kiện đời cũ.",
        nextSteps: [
          "Không có gì hỏng: coi 202 như 200 và xem NOTIFY đầu tiên (pending, active hoặc terminated).",
          "Nếu không có NOTIFY nào theo sau, kiểm tra chính sách cấp quyền của notifier cho bên đăng ký này và đường trả về tới Contact của bên đăng ký.",
          "Nếu bạn quản lý notifier, hãy cập nhật nó theo hành vi của RFC 6665 (200 kèm NOTIFY ngay lập tức).",
        ],
      };
    }
    if (f.method === "MESSAGE") {
      return {
        summary: `${f.response} cho MESSAGE: tin nhắn đã được chấp nhận (thường là được máy chủ hoặc gateway xếp hàng) nhưng chưa chắc đã được chuyển tới người nhận.`,
        explanation:
          "Mã 2xx cho MESSAGE chỉ cho biết chặng kế tiếp đã nhận tin nhắn; 202 còn cho biết việc xử lý chưa xong, như ở các máy chủ lưu và chuyển tiếp hay gateway SMS sẽ chuyển sau. Với SIP transaction, đây là thành công.",
        nextSteps: [
          "Coi đây là thành công của transaction; nếu cần xác nhận đã chuyển tới, hãy dùng báo cáo chuyển phát (IMDN) hoặc kiểm tra phía người nhận.",
          "Nếu tin nhắn được trả 202 mà không bao giờ tới, hãy xem hàng đợi của máy chủ hoặc gateway đã gửi 202.",
        ],
      };
    }
    const m = f.method ?? "yêu cầu này";
    return {
      summary: `${f.response} cho ${m}: thành công với nghĩa đã chấp nhận nhưng chưa xử lý xong; hãy xử lý như 200.`,
      explanation:
        "202 được đăng ký là Accepted (Deprecated): RFC 6665 đã thôi khuyến nghị dùng nó cho SUBSCRIBE và RFC 7647 cho REFER, nơi nó phải được xử lý như 200. Ngoài các phương thức đó, không chuẩn nào cho nó ý nghĩa đặc biệt; nó chỉ báo cho client rằng việc xử lý còn tiếp tục sau phản hồi.",
      nextSteps: [
        "Coi 202 như 200 đối với transaction.",
        "Nếu client chờ một thứ không bao giờ tới sau 202, hãy tìm trong tài liệu của máy chủ bước tiếp theo mà nó hứa (một NOTIFY, một lời gọi lại).",
      ],
    };
  },
};

const ZH: AcceptedTexts = {
  "accepted-deprecated": (f) => {
    if (f.method === "SUBSCRIBE") {
      return {
        summary: `对 SUBSCRIBE 的 ${f.response}：自 RFC 6665 起已废弃；请将其视为 200，并从 NOTIFY 中读取订阅状态。`,
        explanation:
          "RFC 3265 用 202 表示订阅已收到但尚未授权。RFC 6665 废弃了这种用法：通知方现在回 200，并用携带 Subscription-State: pending 的 NOTIFY 表示等待授权，订阅方对 202 的处理与 200 完全相同。发送方是较旧的事件服务器。",
        nextSteps: [
          "不会出问题：将 202 视为 200，查看第一个 NOTIFY（pending、active 或 terminated）。",
          "如果之后没有 NOTIFY，检查通知方对该订阅方的授权策略，以及到订阅方 Contact 的回程路由。",
          "如果通知方由你管理，将其升级为 RFC 6665 的行为（回 200 并立即发送 NOTIFY）。",
        ],
      };
    }
    if (f.method === "MESSAGE") {
      return {
        summary: `对 MESSAGE 的 ${f.response}：消息已被接受（通常被服务器或网关放入队列），但未必已经投递。`,
        explanation: "对 MESSAGE 的 2xx 只表示下一跳收下了消息；202 还表示处理尚未完成，常见于稍后投递的存储转发服务器和短信网关。对 SIP 事务而言这是成功。",
        nextSteps: ["把它当作事务成功；如果必须确认投递，使用投递报告（IMDN）或检查接收方。", "如果得到 202 的消息始终没有送达，检查发送 202 的服务器或网关的队列。"],
      };
    }
    const m = f.method ?? "该请求";
    return {
      summary: `对 ${m} 的 ${f.response}：表示已接受但尚未处理完的成功响应；按 200 处理。`,
      explanation:
        "202 在注册表中登记为 Accepted (Deprecated)：RFC 6665 对 SUBSCRIBE、RFC 7647 对 REFER 废弃了它，在这两处都必须按 200 处理。对其他方法，没有标准赋予它特殊含义；它只是告诉客户端，响应之后处理仍在继续。",
      nextSteps: ["在事务层面将 202 视为 200。", "如果客户端在 202 之后等待的内容始终没有到来，在服务器文档中查找它承诺的后续动作（NOTIFY、回调）。"],
    };
  },
};

export const ACCEPTED_TEXTS: Readonly<Record<Lang, AcceptedTexts>> = { en: EN, vi: VI, zh: ZH };
