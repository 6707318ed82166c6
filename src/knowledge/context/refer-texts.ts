/**
 * Words for REFER outcomes (RFC 3515; Refer-Sub RFC 4488; RFC 7647). Transferor = sender of REFER,
 * transferee = its recipient, target = the Refer-To URI.
 */
import type { ReferOutcome } from "../../model/outcomes.js";
import type { UiStrings } from "../locale/index.js";
import type { AnnotationText, Lang } from "../types.js";
import { statusLine } from "./facts.js";
import type { ReferFacts } from "./refer-facts.js";

type ReferTexts = Readonly<Record<ReferOutcome, (f: ReferFacts, ui: UiStrings) => AnnotationText>>;

// ---------------------------------------------------------------- English

function enFailureHint(status: number): string {
  if (status === 486 || status === 600) return "The target was busy: nothing is wrong with the REFER; retry later or transfer to voicemail.";
  if ([404, 410, 484, 604].includes(status))
    return "The Refer-To URI did not resolve on the transferee's side: check the number or user format in Refer-To against the dial plan of the transferee (a transfer to an internal extension often needs the PBX's domain).";
  if (status === 401 || status === 407)
    return "The transferee's INVITE to the target was challenged and not authenticated: the transferee has no credentials for that route; let the PBX perform the transfer or give the transferee an account that may call the target.";
  if (status === 403)
    return "The transferee's INVITE was refused by policy: its account or trunk may not call this destination, or the caller ID it used is not allowed; check its permissions for the target.";
  if ([408, 480, 487].includes(status))
    return "The target did not answer (408, 480) or the attempt was cancelled (487): check whether the target rang at all and the no-answer timers; in an attended transfer make sure the consultation call was not ended first.";
  if (status === 488 || status === 606 || status === 415)
    return "Media negotiation between transferee and target failed: compare the transferee's SDP offer with the target's codecs and SRTP policy.";
  if (status === 481) return "The target found no dialog matching Replaces: the consultation call was already gone, or the Replaces values (call-id, to-tag, from-tag) were wrong.";
  if (status >= 500 && status < 600) return "A server on the path to the target failed: follow the transferee's INVITE through the trace to find which hop answered with the error.";
  return `Read what ${String(status)} means for the transferee's INVITE (sipta explain ${String(status)}) and follow that INVITE through the trace.`;
}

function enRejectHint(code: number): string {
  if (code === 401 || code === 407) return "The REFER was challenged: the transferor must resend it with credentials; if no authenticated REFER follows, check the transferor's authentication settings.";
  if (code === 403) return "The transferee refuses transfers by policy: enable call transfer (REFER) for this user or trunk, or let the PBX perform the transfer.";
  if (code === 405 || code === 501) return "The transferee does not support REFER: check the Allow header of its responses and use a PBX-side transfer instead.";
  if (code === 481) return "The REFER was sent in a dialog the transferee no longer has: look for an earlier BYE, or for a B2BUA that rewrote Call-ID or tags.";
  if (code === 420) return "The REFER required an extension the transferee lacks (Require header, for example norefersub or replaces): read the Unsupported header of the response.";
  if (code === 429) return "The transferee wants a Referred-By token identifying the transferor (RFC 3892): add Referred-By to the REFER.";
  if (code === 489) return "The transferee rejected the refer event package: it does not implement the REFER subscription; use a PBX-side transfer.";
  if (code === 491) return "The REFER crossed another request in the same dialog (glare): retry after a short random delay.";
  if (code === 603) return "The user or an application on the transferee declined the transfer.";
  if (code === 488 || code === 400) return "The transferee could not use the REFER as sent: check the Refer-To syntax (escaped Replaces, angle brackets) and the reason phrase.";
  return "Read the reason phrase, Warning header and the transferee's log to learn why it refused.";
}

const EN: ReferTexts = {
  "transfer-succeeded": (f, ui) => {
    const t = f.target ?? "the Refer-To target";
    const fin = f.final;
    const when = fin?.afterMs != null ? ` ${ui.duration(fin.afterMs)} after the ${String(f.code)}` : "";
    return {
      summary: `Transfer to ${t} succeeded: NOTIFY ${fin?.label ?? "?"} reported ${fin?.line ?? "2xx"}${when}.`,
      explanation:
        `The transferee accepted REFER ${f.refer} with ${f.response} and reported the progress of its call to the target in NOTIFYs carrying message/sipfrag (RFC 3515); the final one carried a 2xx, so the target answered.` +
        (f.newInvite !== null ? ` The transferee's INVITE to the target is ${f.newInvite}.` : "") +
        (f.replaces ? " Refer-To carried Replaces: this was an attended transfer, and the target swapped its consultation call for the new one." : ""),
      nextSteps: [
        "Nothing to fix in the transfer signalling.",
        "The transferor should now release its call with the transferee (BYE); if that call stays up, check the transferor's transfer-completion behaviour.",
        "If users still report a broken transfer, check the media of the new call: one-way audio after a transfer is usually an SDP or NAT problem on the re-INVITE or the new INVITE.",
      ],
    };
  },
  "transfer-failed": (f, ui) => {
    const t = f.target ?? "the Refer-To target";
    const fin = f.final;
    const when = fin?.afterMs != null ? ` ${ui.duration(fin.afterMs)} after the ${String(f.code)}` : "";
    const steps: string[] = [];
    if (f.droppedBy !== null)
      steps.push(`Fix the transferor's failed-transfer recovery first: unless the final sipfrag is 2xx it must keep or resume the call with the transferee (re-INVITE off hold), not release it with BYE ${f.droppedBy} (RFC 5589).`);
    steps.push(enFailureHint(fin?.status ?? 0));
    if (f.newInvite !== null) steps.push(`Follow the transferee's INVITE ${f.newInvite} to see which hop produced ${fin?.line ?? "the failure"}.`);
    if (f.droppedBy === null) steps.push("The original call between transferor and transferee normally survives a failed transfer: the transferor should take it off hold and tell the user (RFC 5589 describes this recovery).");
    const dropped =
      f.droppedBy !== null
        ? ` Right after that NOTIFY the transferor sent BYE ${f.droppedBy} to the transferee instead of taking the call back, so the transferee lost both calls: that is the fault to fix.`
        : "";
    return {
      summary:
        f.droppedBy !== null
          ? `Transfer to ${t} failed (NOTIFY ${fin?.label ?? "?"} reported ${fin?.line ?? "a failure"}${when}) and the transferor then dropped the transferee with BYE ${f.droppedBy}.`
          : `Transfer to ${t} failed: NOTIFY ${fin?.label ?? "?"} reported ${fin?.line ?? "a failure"}${when}.`,
      explanation: `REFER ${f.refer} was accepted (${f.response}), so the transferee called the target, but that INVITE ended with ${fin?.line ?? "a failure"}. The status is the answer the transferee got from the target or the path to it, relayed in a message/sipfrag NOTIFY (RFC 3515).${dropped}`,
      nextSteps: steps,
    };
  },
  "transfer-pending": (f, ui) => {
    const t = f.target ?? "the Refer-To target";
    const seen = f.last !== null ? `last NOTIFY ${f.last.label} reported ${f.last.line}` : `${String(f.notifyCount)} NOTIFY without a status line`;
    const obs = f.observedMs !== null ? `, ${ui.duration(f.observedMs)} after the ${String(f.code)}` : "";
    return {
      summary: `Transfer to ${t} still pending when the trace ends: ${seen}${obs}.`,
      explanation:
        "The transferee sent progress NOTIFYs, but no final status (a sipfrag with a final code, normally with Subscription-State: terminated) arrived before the capture ended. The target may still have been ringing.",
      nextSteps: [
        "Capture for longer: a ringing target can take until the transferee's no-answer timer (often 30 to 180 s) to produce a final answer.",
        "If the last status was 1xx and nothing followed for a long time, check the transferee's INVITE to the target (Timer C, no-answer settings) and whether the final NOTIFY was sent but lost on its way to the transferor.",
        "If the transferor hung up before the final NOTIFY, later NOTIFYs are answered 481: harmless for the transfer, but the transferor then cannot recover a failed transfer.",
      ],
    };
  },
  "no-notify": (f, ui) => {
    const t = f.target ?? "the Refer-To target";
    const obs = f.observedMs !== null ? ` (${ui.duration(f.observedMs)} observed)` : "";
    const bye = f.dialogBye;
    const who = bye?.byTransferor === true ? "transferor's" : "transferee's";
    const seen = f.observedMs !== null ? ui.duration(f.observedMs) : "rest of the capture";
    const window =
      bye?.afterMs != null && f.observedMs !== null && f.observedMs <= bye.afterMs
        ? `No NOTIFY in the ${seen} between the ${String(f.code)} and the ${who} BYE ${bye.label}.`
        : `No NOTIFY in the ${seen} after the ${String(f.code)}${bye !== null && bye.afterMs !== null ? ` (the ${who} BYE ${bye.label} came ${ui.duration(bye.afterMs)} after it)` : ""}.`;
    const byeNote =
      bye !== null
        ? " A BYE ends only the call (the invite usage), not the refer subscription (RFC 5057 §4): NOTIFYs sent after it would still appear, answered 481 at worst, so the BYE does not explain their absence."
        : "";
    return {
      summary:
        f.newInvite === null
          ? `Transfer to ${t}: no NOTIFY and no INVITE to the target after the ${f.response}${obs}: the transferee accepted the REFER and did nothing.`
          : `Transfer to ${t}: the transferee called the target (INVITE ${f.newInvite}) but sent no NOTIFY after the ${f.response}${obs}; the transferor never learned the outcome.`,
      explanation: `${window} Accepting a REFER always results in an immediate NOTIFY (RFC 3515 §2.4.4), unless both sides agreed on Refer-Sub: false (RFC 4488).${byeNote}`,
      nextSteps: [
        f.newInvite === null
          ? `Look at the transferee first: it answered ${f.response} but neither notified nor called ${t}. Check its log for this REFER (a Refer-To it cannot route, transfer handling that fails after accepting, a feature turned off).`
          : `The transferee did call the target (INVITE ${f.newInvite}${f.newCallStatus !== null ? `, answered ${statusLine(f.newCallStatus, null)}` : ""}): only the NOTIFYs are missing; check the transferee's NOTIFY sending.`,
        "Check the path back to the transferor: NOTIFYs go from the transferee to the Contact of the REFER's dialog; a private or NATed Contact, a closed TCP connection or a firewall drops them. Look at the transferee's log or capture on its side for NOTIFYs it sent.",
        "If the transferor does not want the result (it hangs up at once on a blind transfer), it should say so with Refer-Sub: false (RFC 4488); otherwise NOTIFYs are owed even after its BYE.",
      ],
    };
  },
  "no-subscription": (f) => {
    const t = f.target ?? "the Refer-To target";
    const call =
      f.newInvite !== null
        ? ` The new call starts with INVITE ${f.newInvite}${f.newCallStatus !== null ? `, which got ${statusLine(f.newCallStatus, null)}` : ""}.`
        : " The transferee's new call is not in this trace.";
    return {
      summary: `Transfer to ${t} accepted with Refer-Sub: false (${f.response}): no NOTIFY is expected (RFC 4488).`,
      explanation: `The transferor asked not to be notified and the transferee agreed by returning Refer-Sub: false in its 2xx, so the outcome is visible only on the transferee's new call.${call}`,
      nextSteps: [
        f.newInvite !== null ? `Check the new call (INVITE ${f.newInvite}) for the result of the transfer.` : "Capture on the transferee's side to see its INVITE to the target and how it ended.",
        "If the transferor needs the result (to recover the call when the transfer fails, or for an attended transfer), do not send Refer-Sub: false.",
      ],
    };
  },
  unknown: (f, ui) => {
    const t = f.target ?? "the Refer-To target";
    const obs = f.observedMs !== null ? `${ui.duration(f.observedMs)} after the ${f.response}` : `soon after the ${f.response}`;
    return {
      summary: `Transfer to ${t}: outcome unknown; the trace ends ${obs}, before any NOTIFY.`,
      explanation: "The dialog was still up and less than 64*T1 (32 s) of capture followed the 2xx, so the NOTIFYs may simply not have been captured yet.",
      nextSteps: ["Capture for longer (at least 32 s after the REFER is answered) to see the NOTIFYs.", "If NOTIFYs can take another path (another proxy or interface), capture there too."],
    };
  },
  "refer-rejected": (f) => {
    const t = f.target ?? "the Refer-To target";
    return {
      summary: `REFER ${f.refer} to transfer to ${t} was rejected with ${f.response}.`,
      explanation: "The transferee refused the REFER, so no transfer was attempted and no NOTIFY follows.",
      nextSteps: [enRejectHint(f.code), "The original call is not affected: transferor and transferee are still connected."],
    };
  },
};

// ---------------------------------------------------------------- Vietnamese

function viFailureHint(status: number): string {
  if (status === 486 || status === 600) return "Đích đang bận: REFER không có lỗi gì; hãy thử lại sau hoặc chuyển vào hộp thư thoại.";
  if ([404, 410, 484, 604].includes(status))
    return "URI trong Refer-To không phân giải được ở phía bên được chuyển: đối chiếu định dạng số hoặc user trong Refer-To với kế hoạch quay số của bên được chuyển (chuyển tới máy lẻ nội bộ thường cần tên miền của PBX).";
  if (status === 401 || status === 407)
    return "INVITE của bên được chuyển tới đích bị thách thức xác thực mà không vượt qua: bên được chuyển không có thông tin đăng nhập cho tuyến đó; hãy để PBX thực hiện chuyển cuộc gọi hoặc cấp cho nó tài khoản được phép gọi tới đích.";
  if (status === 403)
    return "INVITE của bên được chuyển bị từ chối theo chính sách: tài khoản hoặc trung kế của nó không được gọi tới đích này, hoặc số gọi nó dùng không được phép; kiểm tra quyền của nó với đích.";
  if ([408, 480, 487].includes(status))
    return "Đích không trả lời (408, 480) hoặc lần thử đã bị huỷ (487): kiểm tra đích có đổ chuông không và các bộ định thời không trả lời; với chuyển có báo trước, bảo đảm cuộc gọi tham vấn không bị kết thúc trước.";
  if (status === 488 || status === 606 || status === 415)
    return "Đàm phán media giữa bên được chuyển và đích thất bại: so sánh SDP offer của bên được chuyển với codec và chính sách SRTP của đích.";
  if (status === 481) return "Đích không tìm thấy dialog khớp với Replaces: cuộc gọi tham vấn đã không còn, hoặc các giá trị Replaces (call-id, to-tag, from-tag) bị sai.";
  if (status >= 500 && status < 600) return "Một máy chủ trên đường tới đích bị lỗi: lần theo INVITE của bên được chuyển trong bản ghi để tìm chặng đã trả mã lỗi.";
  return `Xem ý nghĩa của ${String(status)} đối với INVITE của bên được chuyển (sipta explain ${String(status)}) và lần theo INVITE đó trong bản ghi.`;
}

function viRejectHint(code: number): string {
  if (code === 401 || code === 407) return "REFER bị thách thức xác thực: bên chuyển phải gửi lại kèm thông tin đăng nhập; nếu không có REFER đã xác thực nào theo sau, kiểm tra cài đặt xác thực của bên chuyển.";
  if (code === 403) return "Bên được chuyển từ chối chuyển cuộc gọi theo chính sách: bật tính năng chuyển cuộc gọi (REFER) cho người dùng hoặc trung kế này, hoặc để PBX thực hiện việc chuyển.";
  if (code === 405 || code === 501) return "Bên được chuyển không hỗ trợ REFER: xem header Allow trong phản hồi của nó và dùng cách chuyển cuộc gọi phía PBX.";
  if (code === 481) return "REFER được gửi trong một dialog mà bên được chuyển không còn giữ: tìm BYE trước đó, hoặc B2BUA đã sửa Call-ID hay tag.";
  if (code === 420) return "REFER yêu cầu một phần mở rộng mà bên được chuyển không có (header Require, ví dụ norefersub hoặc replaces): đọc header Unsupported trong phản hồi.";
  if (code === 429) return "Bên được chuyển cần token Referred-By xác định bên chuyển (RFC 3892): thêm Referred-By vào REFER.";
  if (code === 489) return "Bên được chuyển từ chối event package refer: nó không cài đặt subscription của REFER; hãy dùng cách chuyển cuộc gọi phía PBX.";
  if (code === 491) return "REFER gửi chéo với một yêu cầu khác trong cùng dialog (glare): thử lại sau một khoảng chờ ngẫu nhiên ngắn.";
  if (code === 603) return "Người dùng hoặc một ứng dụng ở bên được chuyển đã từ chối việc chuyển cuộc gọi.";
  if (code === 488 || code === 400) return "Bên được chuyển không dùng được REFER như đã gửi: kiểm tra cú pháp Refer-To (Replaces đã mã hoá, dấu ngoặc nhọn) và reason phrase.";
  return "Đọc reason phrase, header Warning và nhật ký của bên được chuyển để biết vì sao nó từ chối.";
}

const VI: ReferTexts = {
  "transfer-succeeded": (f, ui) => {
    const t = f.target ?? "đích trong Refer-To";
    const fin = f.final;
    const when = fin?.afterMs != null ? `, ${ui.duration(fin.afterMs)} sau ${String(f.code)}` : "";
    return {
      summary: `Chuyển cuộc gọi tới ${t} thành công: NOTIFY ${fin?.label ?? "?"} báo ${fin?.line ?? "2xx"}${when}.`,
      explanation:
        `Bên được chuyển đã chấp nhận REFER ${f.refer} bằng ${f.response} và báo tiến trình cuộc gọi của nó tới đích trong các NOTIFY mang message/sipfrag (RFC 3515); bản cuối cùng mang mã 2xx, tức là đích đã trả lời.` +
        (f.newInvite !== null ? ` INVITE của bên được chuyển tới đích là ${f.newInvite}.` : "") +
        (f.replaces ? " Refer-To có mang Replaces: đây là chuyển có báo trước, và đích đã thay cuộc gọi tham vấn bằng cuộc gọi mới." : ""),
      nextSteps: [
        "Không có gì cần sửa trong báo hiệu chuyển cuộc gọi.",
        "Bây giờ bên chuyển nên giải phóng cuộc gọi của nó với bên được chuyển (BYE); nếu cuộc gọi đó vẫn còn, kiểm tra cách bên chuyển hoàn tất việc chuyển.",
        "Nếu người dùng vẫn báo chuyển cuộc gọi hỏng, kiểm tra media của cuộc gọi mới: âm thanh một chiều sau khi chuyển thường do SDP hoặc NAT trong re-INVITE hay INVITE mới.",
      ],
    };
  },
  "transfer-failed": (f, ui) => {
    const t = f.target ?? "đích trong Refer-To";
    const fin = f.final;
    const when = fin?.afterMs != null ? `, ${ui.duration(fin.afterMs)} sau ${String(f.code)}` : "";
    const steps: string[] = [];
    if (f.droppedBy !== null)
      steps.push(`Trước hết hãy sửa cách bên chuyển khôi phục khi chuyển thất bại: trừ khi sipfrag cuối là 2xx, nó phải giữ hoặc nối lại cuộc gọi với bên được chuyển (re-INVITE bỏ giữ máy), không được giải phóng bằng BYE ${f.droppedBy} (RFC 5589).`);
    steps.push(viFailureHint(fin?.status ?? 0));
    if (f.newInvite !== null) steps.push(`Lần theo INVITE ${f.newInvite} của bên được chuyển để xem chặng nào đã tạo ra ${fin?.line ?? "lỗi"}.`);
    if (f.droppedBy === null) steps.push("Cuộc gọi gốc giữa bên chuyển và bên được chuyển thường vẫn còn khi chuyển thất bại: bên chuyển nên bỏ giữ máy và báo cho người dùng (RFC 5589 mô tả cách khôi phục này).");
    const dropped =
      f.droppedBy !== null
        ? ` Ngay sau NOTIFY đó bên chuyển đã gửi BYE ${f.droppedBy} tới bên được chuyển thay vì lấy lại cuộc gọi, nên bên được chuyển mất cả hai cuộc gọi: đó là lỗi cần sửa.`
        : "";
    return {
      summary:
        f.droppedBy !== null
          ? `Chuyển cuộc gọi tới ${t} thất bại (NOTIFY ${fin?.label ?? "?"} báo ${fin?.line ?? "lỗi"}${when}) và sau đó bên chuyển đã cắt bên được chuyển bằng BYE ${f.droppedBy}.`
          : `Chuyển cuộc gọi tới ${t} thất bại: NOTIFY ${fin?.label ?? "?"} báo ${fin?.line ?? "lỗi"}${when}.`,
      explanation: `REFER ${f.refer} đã được chấp nhận (${f.response}), nên bên được chuyển đã gọi tới đích, nhưng INVITE đó kết thúc bằng ${fin?.line ?? "lỗi"}. Mã này là câu trả lời mà bên được chuyển nhận từ đích hoặc từ đường tới đích, được chuyển lại trong NOTIFY dạng message/sipfrag (RFC 3515).${dropped}`,
      nextSteps: steps,
    };
  },
  "transfer-pending": (f, ui) => {
    const t = f.target ?? "đích trong Refer-To";
    const seen = f.last !== null ? `NOTIFY cuối ${f.last.label} báo ${f.last.line}` : `${String(f.notifyCount)} NOTIFY không có dòng trạng thái`;
    const obs = f.observedMs !== null ? `, ${ui.duration(f.observedMs)} sau ${String(f.code)}` : "";
    return {
      summary: `Chuyển cuộc gọi tới ${t} vẫn đang chờ khi bản ghi kết thúc: ${seen}${obs}.`,
      explanation:
        "Bên được chuyển đã gửi các NOTIFY báo tiến trình, nhưng chưa có trạng thái cuối cùng (sipfrag với mã cuối, thường kèm Subscription-State: terminated) trước khi bản ghi dừng. Có thể đích vẫn đang đổ chuông.",
      nextSteps: [
        "Bắt gói lâu hơn: đích đang đổ chuông có thể mất tới lúc bộ định thời không trả lời của bên được chuyển hết hạn (thường 30 đến 180 s) mới có câu trả lời cuối.",
        "Nếu trạng thái cuối là 1xx và rất lâu không có gì tiếp theo, kiểm tra INVITE của bên được chuyển tới đích (Timer C, cài đặt không trả lời) và xem NOTIFY cuối cùng có được gửi nhưng bị mất trên đường về bên chuyển không.",
        "Nếu bên chuyển gác máy trước NOTIFY cuối, các NOTIFY sau sẽ nhận 481: không hại cho việc chuyển, nhưng khi đó bên chuyển không thể khôi phục nếu chuyển thất bại.",
      ],
    };
  },
  "no-notify": (f, ui) => {
    const t = f.target ?? "đích trong Refer-To";
    const obs = f.observedMs !== null ? ` (đã quan sát ${ui.duration(f.observedMs)})` : "";
    const bye = f.dialogBye;
    const who = bye?.byTransferor === true ? "bên chuyển" : "bên được chuyển";
    const seen = f.observedMs !== null ? ui.duration(f.observedMs) : "phần còn lại của bản ghi";
    const window =
      bye?.afterMs != null && f.observedMs !== null && f.observedMs <= bye.afterMs
        ? `Không có NOTIFY nào trong ${seen} giữa ${String(f.code)} và BYE ${bye.label} của ${who}.`
        : `Không có NOTIFY nào trong ${seen} sau ${String(f.code)}${bye !== null && bye.afterMs !== null ? ` (BYE ${bye.label} của ${who} đến ${ui.duration(bye.afterMs)} sau đó)` : ""}.`;
    const byeNote =
      bye !== null
        ? " BYE chỉ kết thúc cuộc gọi (invite usage), không kết thúc subscription của REFER (RFC 5057 §4): NOTIFY gửi sau nó vẫn sẽ xuất hiện, tệ nhất là nhận 481, nên BYE không giải thích được việc thiếu NOTIFY."
        : "";
    return {
      summary:
        f.newInvite === null
          ? `Chuyển cuộc gọi tới ${t}: không có NOTIFY và không có INVITE tới đích sau ${f.response}${obs}: bên được chuyển đã chấp nhận REFER rồi không làm gì.`
          : `Chuyển cuộc gọi tới ${t}: bên được chuyển đã gọi tới đích (INVITE ${f.newInvite}) nhưng không gửi NOTIFY nào sau ${f.response}${obs}; bên chuyển không bao giờ biết kết quả.`,
      explanation: `${window} Chấp nhận REFER luôn dẫn tới một NOTIFY ngay lập tức (RFC 3515 §2.4.4), trừ khi hai bên đã thống nhất Refer-Sub: false (RFC 4488).${byeNote}`,
      nextSteps: [
        f.newInvite === null
          ? `Xem bên được chuyển trước: nó đã trả ${f.response} nhưng không gửi NOTIFY cũng không gọi tới ${t}. Kiểm tra nhật ký của nó cho REFER này (Refer-To không định tuyến được, xử lý chuyển cuộc gọi lỗi sau khi đã chấp nhận, tính năng bị tắt).`
          : `Bên được chuyển có gọi tới đích (INVITE ${f.newInvite}${f.newCallStatus !== null ? `, nhận ${statusLine(f.newCallStatus, null)}` : ""}): chỉ thiếu NOTIFY; kiểm tra việc gửi NOTIFY của bên được chuyển.`,
        "Kiểm tra đường về phía bên chuyển: NOTIFY đi từ bên được chuyển tới Contact của dialog chứa REFER; Contact là địa chỉ riêng hoặc sau NAT, kết nối TCP đã đóng hay tường lửa sẽ làm chúng bị rơi. Xem nhật ký của bên được chuyển hoặc bắt gói phía nó để tìm các NOTIFY nó đã gửi.",
        "Nếu bên chuyển không cần kết quả (gác máy ngay khi chuyển không báo trước), nó nên nói rõ bằng Refer-Sub: false (RFC 4488); nếu không, NOTIFY vẫn phải được gửi kể cả sau BYE của nó.",
      ],
    };
  },
  "no-subscription": (f) => {
    const t = f.target ?? "đích trong Refer-To";
    const call =
      f.newInvite !== null
        ? ` Cuộc gọi mới bắt đầu bằng INVITE ${f.newInvite}${f.newCallStatus !== null ? `, nhận ${statusLine(f.newCallStatus, null)}` : ""}.`
        : " Cuộc gọi mới của bên được chuyển không có trong bản ghi này.";
    return {
      summary: `Chuyển cuộc gọi tới ${t} được chấp nhận với Refer-Sub: false (${f.response}): không có NOTIFY nào được chờ đợi (RFC 4488).`,
      explanation: `Bên chuyển đã yêu cầu không cần thông báo và bên được chuyển đồng ý bằng cách trả Refer-Sub: false trong 2xx, nên kết quả chỉ thấy được trên cuộc gọi mới của bên được chuyển.${call}`,
      nextSteps: [
        f.newInvite !== null ? `Kiểm tra cuộc gọi mới (INVITE ${f.newInvite}) để biết kết quả chuyển cuộc gọi.` : "Bắt gói phía bên được chuyển để thấy INVITE của nó tới đích và kết cục của nó.",
        "Nếu bên chuyển cần biết kết quả (để khôi phục cuộc gọi khi chuyển thất bại, hoặc cho chuyển có báo trước), đừng gửi Refer-Sub: false.",
      ],
    };
  },
  unknown: (f, ui) => {
    const t = f.target ?? "đích trong Refer-To";
    const obs = f.observedMs !== null ? `${ui.duration(f.observedMs)} sau ${f.response}` : `ngay sau ${f.response}`;
    return {
      summary: `Chuyển cuộc gọi tới ${t}: chưa rõ kết quả; bản ghi kết thúc ${obs}, trước khi có NOTIFY nào.`,
      explanation: "Dialog vẫn còn và bản ghi sau 2xx ngắn hơn 64*T1 (32 s), nên có thể các NOTIFY chỉ đơn giản là chưa được bắt.",
      nextSteps: ["Bắt gói lâu hơn (ít nhất 32 s sau khi REFER được trả lời) để thấy các NOTIFY.", "Nếu NOTIFY có thể đi đường khác (proxy hoặc giao diện khác), hãy bắt gói cả ở đó."],
    };
  },
  "refer-rejected": (f) => {
    const t = f.target ?? "đích trong Refer-To";
    return {
      summary: `REFER ${f.refer} để chuyển cuộc gọi tới ${t} bị từ chối bằng ${f.response}.`,
      explanation: "Bên được chuyển đã từ chối REFER, nên không có lần chuyển nào được thực hiện và sẽ không có NOTIFY.",
      nextSteps: [viRejectHint(f.code), "Cuộc gọi gốc không bị ảnh hưởng: bên chuyển và bên được chuyển vẫn đang kết nối."],
    };
  },
};

// ---------------------------------------------------------------- Chinese

function zhFailureHint(status: number): string {
  if (status === 486 || status === 600) return "目标正忙：REFER 本身没有问题；稍后重试或转到语音信箱。";
  if ([404, 410, 484, 604].includes(status))
    return "Refer-To 的 URI 在被转接方一侧无法解析：对照被转接方的拨号计划检查 Refer-To 中号码或用户名的格式（转到内部分机通常需要使用 PBX 的域名）。";
  if (status === 401 || status === 407) return "被转接方发往目标的 INVITE 遭到认证质询且未通过：被转接方没有该路由的凭据；改由 PBX 执行转接，或为其提供允许呼叫该目标的账户。";
  if (status === 403) return "被转接方的 INVITE 因策略被拒：其账户或中继不允许呼叫该目的地，或其使用的主叫号码不被允许；检查它对该目标的权限。";
  if ([408, 480, 487].includes(status))
    return "目标未应答（408、480）或尝试被取消（487）：检查目标是否振铃以及无应答定时器；咨询转接时确认咨询呼叫没有先被挂断。";
  if (status === 488 || status === 606 || status === 415) return "被转接方与目标之间的媒体协商失败：将被转接方的 SDP offer 与目标的编解码器和 SRTP 策略对比。";
  if (status === 481) return "目标找不到与 Replaces 匹配的对话：咨询呼叫已不存在，或 Replaces 的值（call-id、to-tag、from-tag）有误。";
  if (status >= 500 && status < 600) return "通往目标路径上的某台服务器出错：在抓包中追踪被转接方的 INVITE，找出返回错误的那一跳。";
  return `查看 ${String(status)} 对被转接方 INVITE 的含义（sipta explain ${String(status)}），并在抓包中追踪该 INVITE。`;
}

function zhRejectHint(code: number): string {
  if (code === 401 || code === 407) return "REFER 遭到认证质询：转接方必须带凭据重发；如果之后没有经过认证的 REFER，检查转接方的认证设置。";
  if (code === 403) return "被转接方按策略拒绝转接：为该用户或中继启用呼叫转接（REFER），或改由 PBX 执行转接。";
  if (code === 405 || code === 501) return "被转接方不支持 REFER：查看其响应中的 Allow 头字段，改用 PBX 侧转接。";
  if (code === 481) return "REFER 发往了被转接方已不存在的对话：查找更早的 BYE，或改写了 Call-ID、tag 的 B2BUA。";
  if (code === 420) return "REFER 要求了被转接方不具备的扩展（Require 头字段，例如 norefersub 或 replaces）：查看响应中的 Unsupported 头字段。";
  if (code === 429) return "被转接方需要标识转接方的 Referred-By 令牌（RFC 3892）：在 REFER 中添加 Referred-By。";
  if (code === 489) return "被转接方拒绝 refer 事件包：它没有实现 REFER 的订阅；改用 PBX 侧转接。";
  if (code === 491) return "REFER 与同一对话中的另一请求交叉（glare）：短暂随机延迟后重试。";
  if (code === 603) return "被转接方的用户或应用拒绝了转接。";
  if (code === 488 || code === 400) return "被转接方无法使用所发送的 REFER：检查 Refer-To 的语法（转义后的 Replaces、尖括号）和原因短语。";
  return "阅读原因短语、Warning 头字段以及被转接方的日志，了解其拒绝原因。";
}

const ZH: ReferTexts = {
  "transfer-succeeded": (f, ui) => {
    const t = f.target ?? "Refer-To 中的目标";
    const fin = f.final;
    const when = fin?.afterMs != null ? `（${String(f.code)} 之后 ${ui.duration(fin.afterMs)}）` : "";
    return {
      summary: `转接到 ${t} 成功：NOTIFY ${fin?.label ?? "?"} 报告 ${fin?.line ?? "2xx"}${when}。`,
      explanation:
        `被转接方以 ${f.response} 接受了 REFER ${f.refer}，并在携带 message/sipfrag 的 NOTIFY 中报告其呼叫目标的进展（RFC 3515）；最后一个 NOTIFY 携带 2xx，说明目标已接听。` +
        (f.newInvite !== null ? `被转接方发往目标的 INVITE 是 ${f.newInvite}。` : "") +
        (f.replaces ? "Refer-To 携带了 Replaces：这是咨询转接，目标用新呼叫替换了咨询呼叫。" : ""),
      nextSteps: [
        "转接信令无需修改。",
        "转接方现在应释放它与被转接方的通话（BYE）；如果该通话一直保持，检查转接方完成转接的逻辑。",
        "如果用户仍反映转接有问题，检查新呼叫的媒体：转接后单通通常是 re-INVITE 或新 INVITE 中的 SDP 或 NAT 问题。",
      ],
    };
  },
  "transfer-failed": (f, ui) => {
    const t = f.target ?? "Refer-To 中的目标";
    const fin = f.final;
    const when = fin?.afterMs != null ? `（${String(f.code)} 之后 ${ui.duration(fin.afterMs)}）` : "";
    const steps: string[] = [];
    if (f.droppedBy !== null)
      steps.push(`首先修复转接方在转接失败后的恢复逻辑：除非最终 sipfrag 是 2xx，它必须保持或恢复与被转接方的通话（用 re-INVITE 取消保持），而不是用 BYE ${f.droppedBy} 释放通话（RFC 5589）。`);
    steps.push(zhFailureHint(fin?.status ?? 0));
    if (f.newInvite !== null) steps.push(`追踪被转接方的 INVITE ${f.newInvite}，找出产生 ${fin?.line ?? "该失败"} 的那一跳。`);
    if (f.droppedBy === null) steps.push("转接失败时，转接方与被转接方之间的原通话通常仍然存在：转接方应取消保持并告知用户（RFC 5589 描述了这种恢复方式）。");
    const dropped =
      f.droppedBy !== null ? `紧接着该 NOTIFY，转接方向被转接方发送了 BYE ${f.droppedBy}，而没有收回通话，被转接方因此失去了两路通话：这才是需要修复的故障。` : "";
    return {
      summary:
        f.droppedBy !== null
          ? `转接到 ${t} 失败（NOTIFY ${fin?.label ?? "?"} 报告 ${fin?.line ?? "失败"}${when}），随后转接方用 BYE ${f.droppedBy} 挂断了被转接方。`
          : `转接到 ${t} 失败：NOTIFY ${fin?.label ?? "?"} 报告 ${fin?.line ?? "失败"}${when}。`,
      explanation: `REFER ${f.refer} 已被接受（${f.response}），被转接方随即呼叫目标，但该 INVITE 以 ${fin?.line ?? "失败"} 结束。这个状态是被转接方从目标或通往目标的路径收到的应答，经 message/sipfrag 形式的 NOTIFY 转告（RFC 3515）。${dropped}`,
      nextSteps: steps,
    };
  },
  "transfer-pending": (f, ui) => {
    const t = f.target ?? "Refer-To 中的目标";
    const seen = f.last !== null ? `最后一个 NOTIFY ${f.last.label} 报告 ${f.last.line}` : `${String(f.notifyCount)} 个 NOTIFY 没有状态行`;
    const obs = f.observedMs !== null ? `，距 ${String(f.code)} ${ui.duration(f.observedMs)}` : "";
    return {
      summary: `抓包结束时转接到 ${t} 仍未完成：${seen}${obs}。`,
      explanation: "被转接方发送了进展 NOTIFY，但在抓包结束前没有收到最终状态（带最终代码的 sipfrag，通常伴随 Subscription-State: terminated）。目标可能仍在振铃。",
      nextSteps: [
        "延长抓包时间：振铃中的目标可能要等到被转接方的无应答定时器到期（通常 30 到 180 s）才给出最终应答。",
        "如果最后状态是 1xx 且很长时间没有后续，检查被转接方发往目标的 INVITE（Timer C、无应答设置），以及最终 NOTIFY 是否已发送却在发往转接方的途中丢失。",
        "如果转接方在最终 NOTIFY 之前挂机，之后的 NOTIFY 会收到 481：对转接本身无害，但转接方将无法在转接失败时恢复通话。",
      ],
    };
  },
  "no-notify": (f, ui) => {
    const t = f.target ?? "Refer-To 中的目标";
    const obs = f.observedMs !== null ? `（观察了 ${ui.duration(f.observedMs)}）` : "";
    const bye = f.dialogBye;
    const who = bye?.byTransferor === true ? "转接方" : "被转接方";
    const seen = f.observedMs !== null ? ui.duration(f.observedMs) : "其余抓包时间";
    const window =
      bye?.afterMs != null && f.observedMs !== null && f.observedMs <= bye.afterMs
        ? `在 ${String(f.code)} 与${who}的 BYE ${bye.label} 之间的 ${seen} 内没有任何 NOTIFY。`
        : `${String(f.code)} 之后的 ${seen} 内没有任何 NOTIFY${bye !== null && bye.afterMs !== null ? `（${who}的 BYE ${bye.label} 在其后 ${ui.duration(bye.afterMs)} 到达）` : ""}。`;
    const byeNote =
      bye !== null
        ? "BYE 只结束通话（invite 用法），并不结束 REFER 的订阅（RFC 5057 §4）：在它之后发送的 NOTIFY 仍会出现，最多收到 481，所以 BYE 不能解释 NOTIFY 的缺失。"
        : "";
    return {
      summary:
        f.newInvite === null
          ? `转接到 ${t}：${f.response} 之后既没有 NOTIFY，也没有发往目标的 INVITE${obs}：被转接方接受了 REFER 却什么也没做。`
          : `转接到 ${t}：被转接方呼叫了目标（INVITE ${f.newInvite}），但在 ${f.response} 之后没有发送任何 NOTIFY${obs}；转接方始终不知道结果。`,
      explanation: `${window}接受 REFER 总会立即产生一个 NOTIFY（RFC 3515 §2.4.4），除非双方约定了 Refer-Sub: false（RFC 4488）。${byeNote}`,
      nextSteps: [
        f.newInvite === null
          ? `先检查被转接方：它回复了 ${f.response}，却既没有发送 NOTIFY，也没有呼叫 ${t}。在其日志中查找这条 REFER（无法路由的 Refer-To、接受后失败的转接处理、被关闭的功能）。`
          : `被转接方确实呼叫了目标（INVITE ${f.newInvite}${f.newCallStatus !== null ? `，应答为 ${statusLine(f.newCallStatus, null)}` : ""}）：只是缺少 NOTIFY；检查被转接方发送 NOTIFY 的功能。`,
        "检查返回转接方的路径：NOTIFY 由被转接方发往 REFER 所在对话的 Contact；私网或 NAT 后的 Contact、已关闭的 TCP 连接或防火墙都会使其丢失。查看被转接方的日志，或在其一侧抓包，寻找它发出的 NOTIFY。",
        "如果转接方不需要结果（盲转时立即挂机），应通过 Refer-Sub: false 明确表示（RFC 4488）；否则即使在它发送 BYE 之后，NOTIFY 仍然必须发送。",
      ],
    };
  },
  "no-subscription": (f) => {
    const t = f.target ?? "Refer-To 中的目标";
    const call =
      f.newInvite !== null
        ? `新呼叫始于 INVITE ${f.newInvite}${f.newCallStatus !== null ? `，其结果为 ${statusLine(f.newCallStatus, null)}` : ""}。`
        : "被转接方的新呼叫不在此抓包中。";
    return {
      summary: `转接到 ${t} 已以 Refer-Sub: false 被接受（${f.response}）：不会有 NOTIFY（RFC 4488）。`,
      explanation: `转接方要求不接收通知，被转接方在 2xx 中返回 Refer-Sub: false 表示同意，因此只能从被转接方的新呼叫上看到结果。${call}`,
      nextSteps: [
        f.newInvite !== null ? `查看新呼叫（INVITE ${f.newInvite}）了解转接结果。` : "在被转接方一侧抓包，查看其发往目标的 INVITE 及结果。",
        "如果转接方需要知道结果（以便转接失败时恢复通话，或用于咨询转接），不要发送 Refer-Sub: false。",
      ],
    };
  },
  unknown: (f, ui) => {
    const t = f.target ?? "Refer-To 中的目标";
    const obs = f.observedMs !== null ? `${f.response} 之后 ${ui.duration(f.observedMs)}` : `${f.response} 之后不久`;
    return {
      summary: `转接到 ${t}：结果未知；抓包在${obs}结束，尚无任何 NOTIFY。`,
      explanation: "对话仍然存在，且 2xx 之后的抓包不足 64*T1（32 s），NOTIFY 可能只是还没被抓到。",
      nextSteps: ["延长抓包时间（REFER 得到应答后至少 32 s），以看到 NOTIFY。", "如果 NOTIFY 可能走其他路径（其他代理或接口），也在那里抓包。"],
    };
  },
  "refer-rejected": (f) => {
    const t = f.target ?? "Refer-To 中的目标";
    return {
      summary: `用于转接到 ${t} 的 REFER ${f.refer} 被以 ${f.response} 拒绝。`,
      explanation: "被转接方拒绝了 REFER，因此没有进行任何转接，也不会有 NOTIFY。",
      nextSteps: [zhRejectHint(f.code), "原通话不受影响：转接方与被转接方仍保持连接。"],
    };
  },
};

// ---------------------------------------------------------------- NOTIFYs answered with an error (every language)

/** What the transferor's error answers to NOTIFYs mean for the transfer (RFC 6665: a 481 ends the subscription). */
const NOTIFY_ERRORS: Readonly<Record<Lang, (f: ReferFacts) => string>> = {
  en: (f) => {
    const list = f.notifyErrors.map((e) => `NOTIFY ${e.label}: ${e.line}`).join("; ");
    const has = (c: number): boolean => f.notifyErrors.some((e) => e.status === c);
    return (
      `The transferor answered the transferee's NOTIFYs with errors (${list}), so it may never have taken in the progress it reports.` +
      (has(481) ? " A 481 means the transferor no longer has the subscription (it ended it, or never kept it); the transferee must stop notifying." : "") +
      (has(400) ? " A 400 means the transferor could not use the NOTIFY as sent: compare the NOTIFY with the reason phrase (RFC 6665 requires Event and Subscription-State in every NOTIFY)." : "")
    );
  },
  vi: (f) => {
    const list = f.notifyErrors.map((e) => `NOTIFY ${e.label}: ${e.line}`).join("; ");
    const has = (c: number): boolean => f.notifyErrors.some((e) => e.status === c);
    return (
      `Bên chuyển đã trả lời các NOTIFY của bên được chuyển bằng mã lỗi (${list}), nên có thể nó chưa bao giờ nhận được tiến trình mà chúng báo.` +
      (has(481) ? " 481 nghĩa là bên chuyển không còn giữ subscription (đã kết thúc, hoặc chưa từng lưu); bên được chuyển phải ngừng gửi NOTIFY." : "") +
      (has(400) ? " 400 nghĩa là bên chuyển không dùng được NOTIFY như đã gửi: đối chiếu NOTIFY với reason phrase (RFC 6665 yêu cầu Event và Subscription-State trong mọi NOTIFY)." : "")
    );
  },
  zh: (f) => {
    const list = f.notifyErrors.map((e) => `NOTIFY ${e.label}：${e.line}`).join("；");
    const has = (c: number): boolean => f.notifyErrors.some((e) => e.status === c);
    return (
      `转接方以错误码回复了被转接方的 NOTIFY（${list}），因此它可能从未接收这些 NOTIFY 报告的进展。` +
      (has(481) ? "481 表示转接方已不再持有该订阅（已结束或从未保存）；被转接方必须停止发送 NOTIFY。" : "") +
      (has(400) ? "400 表示转接方无法使用所发送的 NOTIFY：对照原因短语检查该 NOTIFY（RFC 6665 要求每个 NOTIFY 都带 Event 和 Subscription-State）。" : "")
    );
  },
};

/** Puts the NOTIFY-error step second, after the outcome's own first step, wherever NOTIFYs were answered with errors. */
function withNotifyErrors(texts: ReferTexts, words: (f: ReferFacts) => string): ReferTexts {
  const wrap =
    (make: ReferTexts[ReferOutcome]): ReferTexts[ReferOutcome] =>
    (f, ui) => {
      const t = make(f, ui);
      if (f.notifyErrors.length === 0) return t;
      return { ...t, nextSteps: [...t.nextSteps.slice(0, 1), words(f), ...t.nextSteps.slice(1)] };
    };
  return {
    "transfer-succeeded": wrap(texts["transfer-succeeded"]),
    "transfer-failed": wrap(texts["transfer-failed"]),
    "transfer-pending": wrap(texts["transfer-pending"]),
    "no-notify": texts["no-notify"],
    "no-subscription": wrap(texts["no-subscription"]),
    unknown: wrap(texts.unknown),
    "refer-rejected": texts["refer-rejected"],
  };
}

export const REFER_TEXTS: Readonly<Record<Lang, ReferTexts>> = {
  en: withNotifyErrors(EN, NOTIFY_ERRORS.en),
  vi: withNotifyErrors(VI, NOTIFY_ERRORS.vi),
  zh: withNotifyErrors(ZH, NOTIFY_ERRORS.zh),
};
